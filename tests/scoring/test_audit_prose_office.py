"""A self-evaluation report sent as a Word, Excel or PDF file: the 自评表 as a table and the report's paragraphs (or a
worksheet's merged lines) on its money. The paragraphs are audited with the prose rules as a text file's are, each
finding at the paragraph's place in the file; a report in prose with no table is kept as a text one is. Paragraphs
quoted from a dev document (corpus 221, 内蒙古) and made up in other provinces' words."""

from __future__ import annotations

import io

import pytest

from jixiao.documents import read_bytes
from jixiao.scoring.audit import audit_document, audit_prose
from jixiao.scoring.profile import load_profile
from tests.documents.office_files import docx_file, xlsx_file
from tests.documents.selfeval_forms import form

# corpus 221: 中央 money received in one paragraph, spent in another, nothing said of the 20.5 left
RECEIVED_221 = ("为保证通过发放优抚对象抚恤补助资金,使优抚对象等人员的基本生活得到有效保障,2023年收到中央下达优抚对象"
                "生活补助资金1372.7万元,自治区下达98.6万元,地方匹配859.6万元。")
SPENT_221 = ("2023年收到财政资金共2330.9万元,其中:中央资金1372.7万元,地方资金98.6万元,其他资金859.6万元2023年支出"
             "2310.4万元,其中中央资金1352.2万元,地方资金98.6万元,其他资金859.6万元")
# made up: a rate that is not the amount spent over the budget (a 四川 county's wording; a 广东 one's)
RATE_SICHUAN = "(一)资金投入情况。项目全年预算数500.00万元,执行数为400.00万元,资金执行率为90.00%。"
RATE_GUANGDONG = "本年度该项目预算安排资金300万元,实际支出资金240万元,预算执行率96%。"
HEADING = "二、绩效目标完成情况分析"


def _docx(*paragraphs: str) -> bytes:
    return docx_file("乡村道路建设项目2022年度绩效自评报告", form(), *paragraphs)


def _xlsx(*paragraphs: str) -> bytes:
    return xlsx_file([*form(), *([text] for text in paragraphs)])


def _pdf(*paragraphs: str) -> bytes:
    """The form printed as a ruled table, the paragraphs below it (as a report printed to PDF)."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    font = "STSong-Light"  # an Adobe CID font: no font file needed
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    cell, line = (ParagraphStyle(name, fontName=font, fontSize=size, leading=size + 4) for name, size in
                  (("cell", 7), ("line", 10)))
    rows = form()
    width = max(map(len, rows))
    table = Table([[Paragraph(text, cell) for text in row] + [""] * (width - len(row)) for row in rows])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    data = io.BytesIO()
    SimpleDocTemplate(data, pagesize=landscape(A4)).build(
        [Paragraph("乡村道路建设项目2022年度绩效自评报告", line), table, *(Paragraph(text, line) for text in paragraphs)])
    return data.getvalue()


def _findings(data: bytes, name: str):
    document = read_bytes(data, name)
    return [(f.rule, f.location.line, dict(f.params)) for f in audit_prose(document, load_profile("central"))]


@pytest.mark.parametrize(("write", "name"), [(_docx, "report.docx"), (_xlsx, "report.xlsx"), (_pdf, "report.pdf")])
@pytest.mark.parametrize(("paragraphs", "rule", "at", "params"), [
    ((RECEIVED_221, HEADING, SPENT_221), "JXA35", 2,
     {"source": "中央", "spent": "1352.2", "received": "1372.7", "left": "20.5"}),
    ((HEADING, RATE_SICHUAN), "JXA29", 1, {"printed": "90.00", "spent": "400", "budget": "500", "computed": "80.00"}),
    ((RATE_GUANGDONG,), "JXA29", 0, {"printed": "96", "spent": "240", "budget": "300", "computed": "80.00"}),
])
def test_a_word_or_excel_reports_paragraphs_are_audited_beside_its_table(write, name, paragraphs, rule, at, params):
    (found, line, said), = _findings(write(*paragraphs), name)
    assert found == rule
    assert {key: said[key] for key in params} == params
    # the line is the paragraph's place in the file: the form's blocks come first, the paragraphs after them
    document = read_bytes(write(*paragraphs), name)
    statement = next(s for s in [*document.prose.money, *document.prose.funds] if s.line == line)
    assert statement.sentence.rstrip("。") in paragraphs[at].rstrip("。")


@pytest.mark.parametrize(("write", "name"), [(_docx, "report.docx"), (_xlsx, "report.xlsx")])
def test_a_reason_in_the_report_silences_it_and_the_tables_money_is_not_read_as_a_sentence(write, name):
    reason = "中央资金结余20.5万元,原因是部分优抚对象年内去世,补助资金未拨付。"
    assert _findings(write(RECEIVED_221, SPENT_221, reason), name) == []
    # the form alone: its money rows (年度资金总额 100 120 110 …) are a table's, not sentences
    assert read_bytes(write(), name).prose is None


def test_a_word_report_with_no_table_is_read_as_prose_as_a_text_one_is():
    data = docx_file("某县2021年度农村公路养护资金绩效自评报告", HEADING, RATE_SICHUAN)
    document = read_bytes(data, "report.docx")
    assert not document.sheets and document.prose is not None
    assert [(f.rule, f.location.line) for f in audit_document(document, load_profile("central"))] == [("JXA29", 3)]
