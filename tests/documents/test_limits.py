"""Reading within limits: every hostile sample is refused or read in a worker capped at 1 GiB, and each limit of
ReadLimits refuses a file that goes over it with a message naming the limit."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from reportlab.platypus import PageBreak

from benchmarks.isolated import IsolatedReader
from jixiao.documents import NotAGoalDocument, read_bytes, read_path
from jixiao.documents.errors import LimitExceeded
from jixiao.documents.limits import ReadLimits
from jixiao.documents.readers.docx_reader import read_docx
from jixiao.documents.readers.html_reader import read_html
from jixiao.documents.readers.pdf_fonts import _within_cids
from jixiao.documents.readers.pdf_reader import read_pdf
from jixiao.documents.readers.xlsx_reader import read_xlsx
from tests.documents.office_files import SAMPLE_TABLE, docx_file, xlsx_file
from tests.documents.readers.pdf_builder import build_pdf, paragraph
from tests.documents.readers.test_pdf_reader import sample_pdf
from tests.hostile_zips import zip_of_unsupported_version

HOSTILE = Path(__file__).parents[2] / ".." / "shared" / "hostile"
HOSTILE = HOSTILE if HOSTILE.is_dir() else Path("/work/shared/hostile")

# sample -> (outcome, the limit a refusal names, text the message or result holds)
EXPECTED = {
    "bomb_tags_100m.docx": ("refused", "member_bytes", "word/document.xml"),
    "merge_full.xlsx": ("refused", "merge_area", "A1:XFD1048576"),
    "merge_mid.xlsx": ("refused", "merge_area", "A1:ZZ20000"),
    # pdfminer fails on the page tree after page 1: that page is read, the rest reported
    "crash-81374fb904-sample.pdf": ("read", None, "1 sheets"),
    # pages 1 and 2 are damaged; pages 3 and 4 hold no goal table, and the refusal says why
    "crash-d7d99aa773-sample.pdf": ("refused", None, "第1页已损坏"),
}


@pytest.fixture(scope="module")
def isolated():
    with IsolatedReader(timeout=60) as reader:
        yield reader


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_hostile_sample_is_refused_or_read_under_1_gib(isolated, name):
    path = HOSTILE / name
    if not path.is_file():
        pytest.skip(f"hostile sample {path} is not on this machine")
    outcome = isolated.read(path.read_bytes(), name, fresh=True)
    kind, limit, text = EXPECTED[name]
    assert (outcome.kind, outcome.limit) == (kind, limit), outcome.detail
    assert text in outcome.detail
    assert outcome.peak_mb < 1024


def test_a_used_range_over_the_cell_limit_is_refused_before_calamine_allocates_it(isolated):
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "项目名称"
    workbook.active["XFD1048576"] = "x"  # calamine would hold 17 billion cells
    buffer = io.BytesIO()
    workbook.save(buffer)
    outcome = isolated.read(buffer.getvalue(), "far.xlsx", fresh=True)
    assert (outcome.kind, outcome.limit) == ("refused", "cells"), outcome.detail
    assert "A1:XFD1048576" in outcome.detail and outcome.peak_mb < 1024


def _far_cell_sheet(cells: bytes) -> bytes:
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "项目名称"
    buffer = io.BytesIO()
    workbook.save(buffer)
    source, result = zipfile.ZipFile(buffer), io.BytesIO()
    with zipfile.ZipFile(result, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = content.replace(b"</sheetData>", cells + b"</sheetData>")
            target.writestr(item.filename, content)
    return result.getvalue()


@pytest.mark.parametrize(
    "cells",
    [
        b"<row r='1048576'><c r='XFD1048576' t='n'><v>1</v></c></row>",  # single quotes
        b'<row r="1048576"><c t="n" r="XFD1048576"><v>1</v></c></row>',  # r not first
        b'<row r="1048576"><c r="&#88;FD1048576" t="n"><v>1</v></c></row>',  # a character reference
        # a namespace prefix on the cell's tag (the faster search for unprefixed tags must not miss it)
        (b'<row r="1048576"><x:c xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" r="XFD1048576" '
         b't="n"><x:v>1</x:v></x:c></row>'),
    ],
    ids=["single-quotes", "r-not-first", "character-reference", "prefixed-tag"],
)
def test_the_used_range_is_found_however_the_references_are_written(isolated, cells):
    outcome = isolated.read(_far_cell_sheet(cells), "far.xlsx", fresh=True)
    assert (outcome.kind, outcome.limit) == ("refused", "cells"), outcome.detail
    assert "A1:XFD1048576" in outcome.detail and outcome.peak_mb < 1024


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _paragraphs_docx(count: int) -> bytes:
    body = b"<w:p/>" * count
    xml = (b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           + body + b"</w:body></w:document>")
    return _zip({"word/document.xml": xml})


def _refusal(call) -> LimitExceeded:
    with pytest.raises(LimitExceeded) as caught:
        call()
    return caught.value


@pytest.mark.parametrize(
    ("data", "limits", "limit", "named"),
    [
        (_paragraphs_docx(400_000), ReadLimits(), "compression_ratio", "压缩比"),
        (_paragraphs_docx(10_000), ReadLimits(member_bytes=30_000), "member_bytes", "30000 字节"),
        (_paragraphs_docx(10_000), ReadLimits(total_bytes=30_000), "total_bytes", "解压后总大小"),
        (_paragraphs_docx(10_000), ReadLimits(xml_nodes=5_000), "xml_nodes", "节点数最多 5,000"),
        (_paragraphs_docx(10), ReadLimits(seconds=-1), "seconds", "读取时间"),
    ],
)
def test_docx_limits_refuse_while_streaming(data, limits, limit, named):
    error = _refusal(lambda: read_docx(data, "x.docx", limits))
    assert error.limit == limit and named in error.message and error.message.startswith("x.docx：")


def test_a_merge_over_the_area_limit_is_refused_and_one_within_is_read():
    data = xlsx_file(SAMPLE_TABLE)
    error = _refusal(lambda: read_xlsx(data, "x.xlsx", ReadLimits(merge_area=5)))
    assert error.limit == "merge_area" and "合并了 B3:G3（6 个单元格）" in error.message
    assert read_xlsx(data, "x.xlsx", ReadLimits(merge_area=7)).blocks


def test_xlsx_cell_limit_counts_the_used_range():
    data = xlsx_file([["a", "b"], ["c", "d"]])
    assert _refusal(lambda: read_xlsx(data, "x.xlsx", ReadLimits(cells=3))).limit == "cells"
    assert len(read_xlsx(data, "x.xlsx", ReadLimits(cells=4)).blocks) == 2


def test_html_nodes_and_spanned_cells_are_limited():
    page = b"<table>" + b"<tr><td>a</td><td>b</td></tr>" * 100 + b"</table>"
    assert _refusal(lambda: read_html(page, "x.html", ReadLimits(xml_nodes=500))).limit == "xml_nodes"
    spans = b'<table><tr><td rowspan="200" colspan="200">a</td></tr>' + b"<tr></tr>" * 199 + b"</table>"
    assert _refusal(lambda: read_html(spans, "x.html", ReadLimits(cells=10_000))).limit == "cells"


def test_pdf_pages_are_limited():
    data = build_pdf([paragraph("第一页"), PageBreak(), paragraph("第二页")])
    assert _refusal(lambda: read_pdf(data, "x.pdf", ReadLimits(pdf_pages=1))).limit == "pdf_pages"
    assert read_pdf(data, "x.pdf", ReadLimits(pdf_pages=2)).blocks


def test_a_font_width_range_past_the_last_cid_is_read_within_the_cids_there_are(isolated):
    # one number of the sample's /W array made huge (a fuzzer's mutation): pdfminer gave every CID up to four billion
    # a width, ran out of memory (under the worker's cap; on the machine, without one) and dropped the font, so the
    # file was refused as a scan
    data = sample_pdf()
    wide = data.replace(b" 27 28 238 ", b" 27 4294967296 238 ", 1)
    assert wide != data
    outcome = isolated.read(wide, "wide.pdf", fresh=True)
    assert (outcome.kind, outcome.detail) == ("read", "2 sheets")
    # far below the blow-up (765 MB before the fix, under the cap); not tighter: a fresh worker's imports alone vary
    # by a few hundred MB between machines and runs (306 MB seen on a clean clone)
    assert outcome.peak_mb < 640


@pytest.mark.parametrize(("widths", "run", "kept"), [
    ([27, 4294967296, 238], 3, [27, 0xFFFF, 238]),
    ([-4294967296, 5, 238, 1, [500, 600]], 3, [0, 5, 238, 1, [500, 600]]),
    ([1, 99999999, 1000, 0, 500], 5, [1, 0xFFFF, 1000, 0, 500]),
    ([1, 2, 3.5, 9], 3, [1, 2, 3.5, 9]),
])
def test_width_ranges_are_cut_to_the_cids_there_are(widths, run, kept):
    assert _within_cids(widths, run) == kept


def test_uploads_over_the_size_limit_are_refused_before_reading(tmp_path):
    error = _refusal(lambda: read_bytes(b"x" * 2000, "big.txt", ReadLimits(upload_bytes=1000)))
    assert error.limit == "upload_bytes" and "文件大小最多 1000 字节" in error.message
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 2000)
    assert _refusal(lambda: read_path(path, ReadLimits(upload_bytes=1000))).limit == "upload_bytes"


def test_a_damaged_zip_member_is_a_clear_refusal_not_a_crash():
    data = bytearray(docx_file("项目名称"))
    start = data.index(b"word/document.xml") + len("word/document.xml")
    data[start + 40:start + 80] = b"\x00" * 40  # inside the compressed body
    with pytest.raises(NotAGoalDocument, match="Word 文件已损坏"):
        read_docx(bytes(data), "x.docx")


@pytest.mark.parametrize("make", [lambda: docx_file(SAMPLE_TABLE), lambda: xlsx_file(SAMPLE_TABLE)],
                         ids=["docx", "xlsx"])
def test_an_office_file_is_unzipped_once_for_sniffing_and_reading(make, monkeypatch):
    # The sniffer hands the archive it opened to the reader, which checks it against the limits as before.
    data = make()
    opened = []
    original = zipfile.ZipFile

    def counting(*args, **kwargs):
        opened.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(zipfile, "ZipFile", counting)
    document = read_bytes(data, "table")
    assert document.sheets and document.sheets[0].indicators
    assert len(opened) == 1
    # Refused as before: the handed archive is judged by the limits of the read.
    with pytest.raises(LimitExceeded, match="解压后"):
        read_bytes(data, "table", ReadLimits(member_bytes=100))


# A hostile cell: a run of digits, which the money patterns would search from each digit, each search to the run's end.
_LONG_CELL = "1" * 30_000
_INDICATORS = [["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "培训人次", "≥500人次"],
               ["效益指标", "社会效益指标", "群众知晓率", "≥90%"]]


def _with_cell(text: str) -> list[list[str]]:
    """The indicator table with ``text`` as its last row's 指标值 (row 3, column 4)."""
    return [*_INDICATORS[:2], [*_INDICATORS[2][:3], text]]


def _tabbed(table: list[list[str]]) -> bytes:
    """A Word table saved as text: each cell on a line of its own opened by a TAB, a blank line between rows."""
    return "\n\n".join("\n".join(f"\t{cell}" for cell in row) for row in table).encode()


@pytest.mark.parametrize(("make", "where"), [
    (lambda text: docx_file(_with_cell(text)), "第1个表格第3行第4列"),
    (lambda text: xlsx_file(_with_cell(text)), "第1个表格第3行第4列"),
    (lambda text: "\n".join("\t".join(row) for row in _with_cell(text)).encode(), "第3行第4列"),
    (lambda text: _tabbed(_with_cell(text)), "第14行第4列"),
], ids=["docx", "xlsx", "txt", "tabbed txt"])
def test_a_cell_longer_than_the_limit_is_refused_naming_where_it_stands(make, where):
    error = _refusal(lambda: read_bytes(make(_LONG_CELL), "long"))
    assert error.limit == "cell_chars"
    assert error.message == (f"long：超出读取限制：单个单元格的文字最多 20,000 个字，而{where}的单元格（“111111111111…”）"
                             "有 30,000 个字；文件可能已损坏或被恶意构造")
    # the same file with the cell within the limit is read, the cell kept as its target
    indicators = read_bytes(make("1" * 300), "long").sheets[0].indicators
    assert indicators[-1].name == "群众知晓率" and indicators[-1].target.value == Decimal("1" * 300)


def test_the_cell_limit_is_the_reads():
    data = xlsx_file(_with_cell("≥" + "9" * 40 + "%"))
    assert _refusal(lambda: read_bytes(data, "x.xlsx", ReadLimits(cell_chars=40))).limit == "cell_chars"
    assert read_bytes(data, "x.xlsx", ReadLimits(cell_chars=42)).sheets[0].indicators


def test_an_office_file_of_an_unknown_zip_version_is_called_damaged():
    data = zip_of_unsupported_version(**{"xl/workbook.xml": b"<workbook/>"})
    with pytest.raises(NotAGoalDocument, match="文件已损坏"):
        read_bytes(data, "v14.xlsx")
