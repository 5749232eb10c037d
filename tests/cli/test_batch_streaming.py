"""Batch output streams (issue 13): each document's output is written when its turn comes, not at the end, the
output is byte for byte the same whatever the number of jobs, and what is held meanwhile is bounded."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import jixiao.cli.batch as batch_module
import jixiao.cli.check_command as check_module
from jixiao.cli.app import app
from jixiao.cli.batch import Source
from jixiao.cli.errors import UnreadableInput
from tests.cli.test_batch import batch  # noqa: F401  (the folder fixture)
from tests.cli.test_document_commands import jixiao

FIXTURES = Path(__file__).parents[1] / "fixtures"
WAIT = 120  # seconds to wait for the first document's output; generous, as the machine may be loaded


def _first_output_before_the_last_input(command: list[str], jobs: str, tmp_path: Path) -> tuple[str, str]:
    """Run ``command`` over a real document, then a named pipe that only receives its document once the first
    document's output has been read from stdout. Returns the output seen before the pipe was fed, and the rest."""
    last = tmp_path / "last.txt"
    os.mkfifo(last)
    process = subprocess.Popen([sys.executable, "-m", "jixiao", *command, "--jobs", jobs,
                                str(FIXTURES / "sample.txt"), str(last)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    seen: list[str] = []
    first = threading.Event()

    def read() -> None:
        for line in process.stdout:
            seen.append(line)
            if "sample.txt" in line:
                first.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    streamed = first.wait(WAIT)
    before = "".join(seen)
    # Feed the pipe in any case, so that a command that does not stream still ends and the test fails cleanly.
    with open(last, "wb") as pipe:
        pipe.write((FIXTURES / "sample_corrected.txt").read_bytes())
    process.wait(WAIT)
    reader.join(WAIT)
    assert streamed, f"nothing of the first document was written before the last input was read: {before!r}"
    return before, "".join(seen)


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("command", [["check", "--exit-zero"], ["check", "--format", "json", "--exit-zero"],
                                     ["parse", "--format", "json"]])
def test_the_first_document_is_written_before_the_last_is_read(command, jobs, tmp_path):
    before, whole = _first_output_before_the_last_input(command, jobs, tmp_path)
    assert "last.txt" not in before
    if "json" in command:
        document = json.loads(whole)
        assert document["documents" if command[0] == "parse" else "sheets"]
    else:
        assert "审核汇总" in whole and "审核汇总" not in before  # the summary comes once every document is done


@pytest.mark.parametrize("command", [
    ["check", "--exit-zero"],
    ["parse"],
    ["score"],
    ["score", "--format", "json"],
])
def test_text_and_audit_output_are_byte_identical_across_jobs(batch, command):  # noqa: F811
    runs = [jixiao(*command, "--jobs", jobs, str(batch), str(FIXTURES / "selfeval_tangxi_2022.json"))
            for jobs in ("1", "2")]
    assert runs[0].returncode == runs[1].returncode == 2  # the unreadable file is reported, the rest is done
    assert runs[0].stdout == runs[1].stdout and runs[0].stdout.strip()
    assert runs[0].stderr == runs[1].stderr


def test_workers_render_for_the_parents_console(batch):  # noqa: F811
    """A worker renders at the width and with the colours of the parent's standard output, not its own."""
    env = os.environ | {"FORCE_COLOR": "1", "COLUMNS": "60"}
    result = subprocess.run([sys.executable, "-m", "jixiao", "check", "--exit-zero", "--jobs", "2", str(batch)],
                            capture_output=True, text=True, env=env)
    assert "\x1b[" in result.stdout
    rules = [line for line in (re.sub(r"\x1b\[[0-9;]*m", "", line) for line in result.stdout.splitlines())
             if line.startswith("──")]
    assert len(rules) >= 16 and {len(line) for line in rules} == {60}


def test_held_sheets_past_memory_go_to_a_temporary_file_and_change_nothing(batch, monkeypatch, capsys):  # noqa: F811
    expected = jixiao("check", "--format", "json", "--exit-zero", "--jobs", "2", str(batch)).stdout
    monkeypatch.setattr(check_module, "SHEETS_IN_MEMORY", 100)
    with pytest.raises(UnreadableInput):  # the unreadable file of the folder, reported after the rest
        app(["check", "--format", "json", "--exit-zero", "--jobs", "1", str(batch)])
    assert capsys.readouterr().out == expected


def test_inputs_in_flight_are_bounded_by_the_window_not_the_inputs():
    """However many inputs, at most WINDOW_PER_WORKER chunks per worker are submitted and not yet written."""
    from concurrent.futures import Future

    submitted: list[int] = []

    def submit(work, chunk):
        submitted.append(len(chunk))
        future = Future()
        future.set_result(work(chunk))
        return future

    sources = [Source(f"{number}.txt") for number in range(1000)]
    written = 0
    for outcome in batch_module._windowed(submit, lambda chunk: list(chunk), sources, workers=2):
        assert outcome == sources[written]
        written += 1
        in_flight = sum(submitted) - written
        assert in_flight <= 2 * batch_module.WINDOW_PER_WORKER * batch_module.CHUNK
    assert written == 1000
