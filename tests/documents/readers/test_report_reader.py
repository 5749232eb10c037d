"""jixiao's own 自评表 read back: the figures as written, and a Chinese message naming row and field otherwise."""

import io
from decimal import Decimal as D

import pytest
from openpyxl import load_workbook

from jixiao.documents import NotAGoalDocument, read_bytes
from jixiao.scoring import load_profile, score_sheet
from jixiao.scoring.reports import write_self_evaluation
from tests.scoring.builders import evaluation, sheet

SCORED = score_sheet(sheet(("产出指标", "整治村数", "≥18个", "60"), ("效益指标", "受益人口", "≥2000人", "30")),
                     evaluation("15", {"actual": "15"}, {"actual": "2100"}), load_profile("central"))


@pytest.mark.parametrize("file_format", ["docx", "xlsx"])
def test_the_printed_figures_are_read_as_written(file_format):
    document = read_bytes(write_self_evaluation(SCORED, file_format), f"自评表.{file_format}")
    (read,) = document.sheets
    report = read.evaluation
    assert document.layout == "jixiao-evaluation" and read.name == "测试项目"
    assert (report.budget_full, report.spent, report.execution_rate) == (D(100), D(15), D("15.00"))
    assert [(i.indicator, i.actual_raw, i.weight, i.score) for i in report.items] == [
        (item.indicator, item.actual, item.weight, item.score) for item in SCORED.items[1:]]
    assert (report.total, report.grade) == (SCORED.total, SCORED.grade)
    assert [i.target.raw for i in read.indicators] == ["≥18个", "≥2000人"]


def test_a_cell_that_is_not_a_number_is_named():
    book = load_workbook(io.BytesIO(write_self_evaluation(SCORED, "xlsx")))
    worksheet = book.active
    row = next(r for r in range(1, worksheet.max_row + 1) if worksheet.cell(r, 4).value == "整治村数")
    worksheet.cell(row, 8).value = "八分"
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(NotAGoalDocument) as raised:
        read_bytes(buffer.getvalue(), "单位自评表.xlsx")
    assert raised.value.message == f"单位自评表.xlsx：项目支出绩效自评表第{row}行：“得分”应是数字，却是“八分”"
