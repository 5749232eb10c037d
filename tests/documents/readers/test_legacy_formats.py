"""Word 97–2003 (.doc) and Excel 97–2003 (.xls) through LibreOffice (.xls through calamine where it cannot).

The legacy files are made at test time by LibreOffice from files written here with python-docx and openpyxl,
so these tests need ``soffice`` (scripts/test installs it) and are skipped, saying so, without it.
"""

from __future__ import annotations

import io
import subprocess
from html import escape
from pathlib import Path

import openpyxl
import pytest

from jixiao.documents import NotAGoalDocument, read_bytes
from jixiao.documents.errors import LimitExceeded
from jixiao.documents.limits import ReadLimits
from jixiao.documents.readers import doc_reader
from jixiao.documents.readers.registry import sniff_format
from jixiao.documents.readers.xls_reader import read_xls
from jixiao.documents.readers.xlsx_reader import read_xlsx
from tests.documents.office_files import LEFT, SAMPLE_TABLE, UP, merges, xlsx_file

SOFFICE = doc_reader.soffice_path()
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; scripts/test installs it")


def convert(tmp_path: Path, data: bytes, name: str, target: str) -> bytes:
    """``data`` saved as ``name`` and converted by LibreOffice to ``target`` (``xls``, ``doc:MS Word 97``)."""
    source = tmp_path / name
    source.write_bytes(data)
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless", "--convert-to", target,
         "--outdir", str(tmp_path / "out"), str(source)],
        check=True, capture_output=True, timeout=120,
    )
    return (tmp_path / "out" / f"{source.stem}.{target.partition(':')[0]}").read_bytes()


@needs_soffice
def test_xls_reads_like_the_xlsx_it_was_saved_from(tmp_path):
    table = [["项目名称", "乡镇环境治理经费", LEFT], ["一级指标", "二级指标", "指标值"],
             ["产出指标", "数量指标", 18], [UP, "质量指标", 0.5]]
    xlsx = xlsx_file(table)
    xls = convert(tmp_path, xlsx, "sheet.xlsx", "xls")
    assert sniff_format(xls, "sheet.xls") == "xls"
    rows = [(row.row, [(cell.text, cell.column) for cell in row.cells]) for row in read_xls(xls, "sheet.xls").blocks]
    assert rows == [(row.row, [(cell.text, cell.column) for cell in row.cells])
                    for row in read_xlsx(xlsx, "sheet.xlsx").blocks]
    assert rows[3] == (4, [("", 0), ("质量指标", 1), ("0.5", 2)])


@needs_soffice
def test_xls_keeps_the_number_formats_and_hidden_rows_calamine_does_not_give(tmp_path):
    # the budget system's .xls exports store a target rate as a fraction under a percent format
    def fill(sheet):
        sheet.append(["三级指标", "指标值", "分值"])
        sheet.append(["验收合格率", 0.95, 10])
        sheet.append(["内部校验", "通过", None])
        sheet.cell(2, 2).number_format = "0%"
        sheet.cell(2, 3).number_format = "0.00"
        sheet.row_dimensions[3].hidden = True

    workbook = openpyxl.Workbook()
    fill(workbook.active)
    buffer = io.BytesIO()
    workbook.save(buffer)
    layout = read_xls(convert(tmp_path, buffer.getvalue(), "sheet.xlsx", "xls"), "sheet.xls")
    assert [row.texts for row in layout.blocks] == [["三级指标", "指标值", "分值"], ["验收合格率", "95%", "10.00"]]
    assert layout.name == "xls" and [d.code for d in layout.diagnostics] == ["P116"]


def _html(title: str, table: list[list[str | None]]) -> bytes:
    """The table as an HTML page with rowspan/colspan (LibreOffice 7.4 drops python-docx's tables when it saves
    them as .doc, so the .doc is made from HTML)."""
    cells = {}
    for r, c, last_r, last_c, text in merges(table):
        cells.setdefault(r, []).append(
            f'<td rowspan="{last_r - r + 1}" colspan="{last_c - c + 1}">{escape(text).replace(chr(10), "<br>")}</td>')
    rows = "".join(f"<tr>{''.join(cells.get(r, []))}</tr>" for r in range(len(table)))
    return f'<html><meta charset="utf-8"><body><p>{title}</p><table border="1">{rows}</table></body></html>'.encode()


@needs_soffice
def test_doc_reads_like_the_page_it_was_saved_from(tmp_path):
    page = _html("乡镇环境治理经费绩效目标表", SAMPLE_TABLE)
    doc = convert(tmp_path, page, "sheet.html", "doc:MS Word 97")
    assert sniff_format(doc, "sheet.doc") == "doc"
    document = read_bytes(doc, "sheet.doc")
    expected = read_bytes(page, "sheet.html")
    assert (document.format, document.layout) == ("doc", "doc")
    assert [(i.level1, i.level2, i.name, i.target.raw) for i in document.sheets[0].indicators] == [
        (i.level1, i.level2, i.name, i.target.raw) for i in expected.sheets[0].indicators]
    assert len(expected.sheets[0].indicators) == 5


@needs_soffice
def test_doc_conversion_is_killed_at_the_time_limit(tmp_path):
    doc = convert(tmp_path, _html("表", [["a"]]), "sheet.html", "doc:MS Word 97")
    with pytest.raises(LimitExceeded, match="读取时间最多 0.01 秒"):
        doc_reader.read_doc(doc, "slow.doc", ReadLimits(seconds=0.01))


def test_doc_without_libreoffice_names_the_fix(monkeypatch):
    monkeypatch.setattr(doc_reader, "soffice_path", lambda: None)
    with pytest.raises(NotAGoalDocument, match="需要 LibreOffice.*apt-get install libreoffice-writer-nogui"):
        doc_reader.read_doc(b"\xd0\xcf\x11\xe0", "旧.doc")


def _ole2(*streams: str) -> bytes:
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + b"".join(s.encode("utf-16-le") for s in streams)


@pytest.mark.parametrize(
    ("data", "outcome"),
    [
        (_ole2("Root Entry", "WordDocument", "1Table"), "doc"),
        (_ole2("Root Entry", "Workbook"), "xls"),
        (_ole2("Root Entry", "EncryptedPackage"), "密码"),
        (_ole2("Root Entry", "PowerPoint Document"), "不是 Word（.doc）或 Excel（.xls）"),
    ],
)
def test_legacy_office_files_are_told_apart_by_their_streams(data, outcome):
    if outcome in {"doc", "xls"}:
        assert sniff_format(data, "x") == outcome
    else:
        with pytest.raises(NotAGoalDocument, match=outcome):
            sniff_format(data, "x")


def test_a_damaged_xls_is_a_clear_refusal():
    with pytest.raises(NotAGoalDocument, match="Excel 文件已损坏"):
        read_bytes(_ole2("Root Entry", "Workbook") + b"\x00" * 2000, "坏.xls")
