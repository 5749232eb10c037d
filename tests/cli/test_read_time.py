"""A file whose read runs out of time is refused by ``jixiao parse`` and ``jixiao check`` as any unreadable file is:
exit code 2, the Chinese message naming the file and where the read had got to, the other files still reported."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

# the command line run in a process of its own, every read in it stalling at the small table's slow row
_STALLED = (
    "import sys; from tests.documents.slow_reading import SLOW_CELL, stall_at; stall_at(SLOW_CELL, setattr); "
    "from jixiao.cli.app import main; sys.argv[0] = 'jixiao'; main()"
)


@pytest.mark.parametrize("command", ["parse", "check"])
def test_a_read_out_of_time_exits_2_naming_the_file_and_row(tmp_path, sample_path, command):
    from tests.documents.slow_reading import SMALL_TABLE

    slow = tmp_path / "慢.txt"
    slow.write_text(SMALL_TABLE, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", _STALLED, command, "--format", "json", str(sample_path), str(slow)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2, result.stderr
    said = result.stderr.replace("\n", "")
    assert "慢.txt：读取超时：读取时间最多 60 秒，在第4行时仍未读完" in said and "Traceback" not in said
    reported = json.loads(result.stdout)  # the sample, read in time, is still reported
    assert len(reported["documents"]) == 1 if command == "parse" else reported["sheets"]
