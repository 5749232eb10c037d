"""The time limit holds for the whole read, every format, from the first byte to the finished sheets: the container
reader and every step of the reading pipeline check one deadline, and a read out of time is refused in Chinese,
naming the file and where it had got to. The deadline's clock is moved by the tests, never waited for, except to show
that it is the reading thread's processor time: waiting spends none of it, working does."""

from __future__ import annotations

import subprocess
import time

import pytest

from jixiao.documents import limits, read_bytes
from jixiao.documents.errors import LimitExceeded
from jixiao.documents.limits import Deadline, ReadLimits
from jixiao.documents.pipeline.document import build_document
from jixiao.documents.pipeline.labels import split_lines
from jixiao.documents.pipeline.prose import prose_lines
from jixiao.documents.pipeline.settings import DEFAULT_SETTINGS
from jixiao.documents.pipeline.statements import prose_report
from jixiao.documents.pipeline.tokens import text_lines
from jixiao.documents.pipeline.transposed import turn_over
from jixiao.documents.readers import doc_reader, docx_reader
from tests.documents.office_files import docx_file, xlsx_file
from tests.documents.slow_reading import SLOW_CELL, SMALL_TABLE, stall_at

_ROWS = [[cell.strip() for cell in line.strip("|").split("|")] for line in SMALL_TABLE.splitlines()[1:]]
_TITLE = SMALL_TABLE.splitlines()[0]
_OUT_OF_TIME = "读取超时：读取时间最多 60 秒，在{where}时仍未读完；文件可能已损坏或被恶意构造"


def _html(rows: list[list[str]]) -> bytes:
    cells = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f'<html><meta charset="utf-8"><body><p>{_TITLE}</p><table>{cells}</table></body></html>'.encode()


# each format's file of the small table, and where its next row after the stalled one stands
FILES = {
    "慢.txt": (SMALL_TABLE.encode(), "第4行"),
    "慢.docx": (docx_file(_TITLE, _ROWS), "第1个表格第3行"),
    "慢.xlsx": (xlsx_file([[_TITLE], *_ROWS]), "第1个表格第4行"),
    "慢.html": (_html(_ROWS), "第1个表格第3行"),
}


def test_the_small_table_reads_in_every_format():
    for name, (data, _) in FILES.items():
        assert [i.name for i in read_bytes(data, name).sheets[0].indicators] == [row[2] for row in _ROWS[1:]], name


@pytest.mark.parametrize("name", sorted(FILES))
def test_a_read_out_of_time_is_refused_naming_the_file_and_the_row_it_had_got_to(monkeypatch, name):
    data, where = FILES[name]
    stall_at(SLOW_CELL, monkeypatch.setattr)
    with pytest.raises(LimitExceeded) as refused:
        read_bytes(data, name)
    assert refused.value.limit == "seconds"
    assert refused.value.message == f"{name}：" + _OUT_OF_TIME.format(where=where)


def test_the_reader_and_the_pipeline_share_one_deadline(monkeypatch):
    # 40 seconds in the Word reader and 30 in the pipeline: each within the limit alone, not together
    clock = stall_at(SLOW_CELL, monkeypatch.setattr, seconds=30)
    read_body = docx_reader._BodyReader.read

    def slow_body(self, container) -> None:
        clock.now += 40
        read_body(self, container)

    monkeypatch.setattr(docx_reader._BodyReader, "read", slow_body)
    data, where = FILES["慢.docx"]
    with pytest.raises(LimitExceeded, match=_OUT_OF_TIME.format(where=where)):
        read_bytes(data, "慢.docx")


def _lines():
    return text_lines(SMALL_TABLE)


# every step of the pipeline that checks the deadline line by line, called as the pipeline calls it
STEPS = {
    "tokens": lambda deadline: text_lines(SMALL_TABLE, DEFAULT_SETTINGS, deadline),
    "run-together tables": lambda deadline: split_lines(_lines(), deadline),
    "tables turned over": lambda deadline: turn_over(_lines(), DEFAULT_SETTINGS, deadline),
    "prose": lambda deadline: prose_lines(_lines(), deadline),
    "regions and rows": lambda deadline: build_document(_lines(), "慢.txt", "txt", "pipe", [], deadline=deadline),
    "sentences": lambda deadline: prose_report(SMALL_TABLE, "慢.txt", deadline),
}


@pytest.mark.parametrize("step", sorted(STEPS))
def test_each_heavy_step_checks_the_deadline_from_its_first_line(step):
    STEPS[step](limits.UNTIMED)  # (with time to spare the step runs through)
    spent = Deadline("慢.txt", ReadLimits(seconds=-1))
    with pytest.raises(LimitExceeded) as refused:
        STEPS[step](spent)
    assert refused.value.message == "慢.txt：" + _OUT_OF_TIME.format(where="第1行").replace("60", "-1")


def test_a_conversion_by_libreoffice_waits_only_for_the_time_the_read_has_left(monkeypatch):
    clock = stall_at(SLOW_CELL, monkeypatch.setattr)
    deadline = Deadline("旧.doc", limits.DEFAULT_LIMITS)
    clock.now += 45
    waited, killed = [], []

    class Soffice:
        pid = 4242

        def __init__(self, command, **_) -> None:
            pass

        def wait(self, timeout=None) -> None:
            waited.append(timeout)
            if timeout is not None:
                raise subprocess.TimeoutExpired("soffice", timeout)

    monkeypatch.setattr(doc_reader, "soffice_path", lambda: "soffice")
    monkeypatch.setattr(doc_reader.subprocess, "Popen", Soffice)
    monkeypatch.setattr(doc_reader.os, "killpg", lambda pid, signal: killed.append(pid))
    with pytest.raises(LimitExceeded) as refused:
        doc_reader.convert(b"\xd0\xcf\x11\xe0", "doc", "docx:MS Word 2007 XML", deadline)
    assert waited[0] == 15 and killed == [4242]
    assert refused.value.message == "旧.doc：" + _OUT_OF_TIME.format(where="LibreOffice 转换 .doc 文件")


def test_the_deadline_counts_the_reading_threads_work_not_the_time_it_waits():
    # On a server busy with other requests a wall clock would refuse what a quieter moment reads; a file that makes
    # the reader spin is refused all the same.
    deadline = Deadline("忙.txt", ReadLimits(seconds=0.05))
    time.sleep(0.2)  # another thread's work, or waiting: no processor time of this thread
    deadline.check()
    with pytest.raises(LimitExceeded):
        while True:  # spinning, as a hostile file can make a step do
            deadline.check()
