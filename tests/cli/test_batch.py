"""Batch work (issue 13): ``--jobs N`` and a Dask cluster give exactly what ``--jobs 1`` gives, in input order,
over files, folders and .zip archives."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from jixiao.cli.batch import Source, expand_sources, read_source, run_batch
from jixiao.cli.errors import UsageError
from tests.cli.test_document_commands import jixiao
from tests.cli.test_score_command import _fill, _template
from tests.hostile_zips import zip_of_unsupported_version

FIXTURES = Path(__file__).parents[1] / "fixtures"


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> Path:
    """A folder of twelve documents with distinct projects, an unreadable file, and an archive of four more."""
    folder = tmp_path_factory.mktemp("batch")
    sample = (FIXTURES / "sample.txt").read_bytes()
    corrected = (FIXTURES / "sample_corrected.txt").read_bytes()
    for number in range(12):
        data = sample if number % 2 else corrected
        (folder / f"{number:02d}.txt").write_bytes(data.replace(b"JXN-4QXO", f"JXN-{number:04d}".encode()))
    (folder / "05b.txt").write_bytes(b"\xff\xfe not a goal document at all")
    with zipfile.ZipFile(folder / "zz.zip", "w") as archive:
        for number in range(4):
            archive.writestr(f"inner/{number}.txt", sample.replace(b"JXN-YUPI", f"JXN-Z{number:03d}".encode()))
        archive.writestr("inner/readme.md", "ignored: not a document format")
    return folder


def test_sources_expand_folders_and_archives_in_name_order(batch):
    names = [source.name for source in expand_sources([batch])]
    assert names[:3] == [str(batch / "00.txt"), str(batch / "01.txt"), str(batch / "02.txt")]
    assert str(batch / "05b.txt") in names
    assert names[-4:] == [f"{batch / 'zz.zip'}/inner/{n}.txt" for n in range(4)]


def test_an_archive_member_reads_like_the_file(batch):
    member = read_source(Source(str(batch / "zz.zip"), "inner/0.txt"))
    assert member.error is None and member.value.source == "0.txt"
    assert any(sheet.code and "JXN-Z000" in sheet.code for sheet in member.value.sheets)


def test_results_come_back_in_input_order_with_two_workers(batch):
    sources = expand_sources([batch])
    assert [o.source for o in run_batch(read_source, sources, jobs=2)] == sources


@pytest.mark.parametrize("command", [
    ["parse", "--format", "json"],
    ["check", "--format", "json", "--exit-zero"],
])
def test_two_jobs_equal_one_job(batch, command):
    one = jixiao(*command, "--jobs", "1", str(batch))
    two = jixiao(*command, "--jobs", "2", str(batch))
    assert one.returncode == two.returncode == 2  # the unreadable file is reported, the rest is done
    assert "05b.txt" in one.stderr and "05b.txt" in two.stderr
    assert one.stdout == two.stdout
    assert len(json.loads(one.stdout)["documents" if command[0] == "parse" else "sheets"]) > 12


def test_score_with_two_jobs_equals_one_job(tmp_path, sample_path):
    actuals = _template(tmp_path, sample_path)
    _fill(actuals)
    runs = [jixiao("score", str(sample_path), str(sample_path), "--actuals", str(actuals), "--format", "json",
                   "--jobs", jobs) for jobs in ("1", "2")]
    assert runs[0].returncode == runs[1].returncode == 0, runs[0].stderr
    assert runs[0].stdout == runs[1].stdout and json.loads(runs[0].stdout)["scores"]


def test_a_local_dask_cluster_equals_one_job(batch):
    pytest.importorskip("dask.distributed")
    one = jixiao("check", "--format", "json", "--exit-zero", "--jobs", "1", str(batch))
    dask = jixiao("check", "--format", "json", "--exit-zero", "--scheduler", "local", "--jobs", "2", str(batch))
    assert dask.returncode == one.returncode and dask.stdout == one.stdout, dask.stderr[-2000:]


def test_an_unreachable_scheduler_is_a_clear_error(batch, monkeypatch):
    pytest.importorskip("dask.distributed")
    # Dask's own connect-timeout setting is honoured, so the test need not wait out the default.
    monkeypatch.setenv("DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT", "1s")
    result = jixiao("parse", "--scheduler", "tcp://127.0.0.1:9", str(batch / "00.txt"))
    assert result.returncode == 2 and "无法连接 Dask 调度器" in result.stderr


def test_an_archive_bomb_member_is_refused_not_unpacked(tmp_path, monkeypatch):
    import jixiao.cli.batch as batch_module
    monkeypatch.setattr(batch_module, "MAX_MEMBER_BYTES", 1000)
    with zipfile.ZipFile(tmp_path / "bomb.zip", "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("big.txt", "0" * 100_000)
    (outcome,) = [read_source(s) for s in expand_sources([tmp_path / "bomb.zip"])]
    assert outcome.value is None and "超过上限" in outcome.error


def test_an_archive_that_cannot_be_opened_is_a_usage_error_naming_it(tmp_path):
    (tmp_path / "v14.zip").write_bytes(zip_of_unsupported_version(**{"a.txt": b"x"}))
    with pytest.raises(UsageError, match="v14.zip 已损坏，无法打开（zip file version 14.8）"):
        expand_sources([tmp_path / "v14.zip"])
