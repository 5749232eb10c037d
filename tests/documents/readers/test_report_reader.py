"""jixiao's own 自评表 read back: the figures as written, and a Chinese message naming row and field otherwise."""

import io
from decimal import Decimal as D

import pytest
from openpyxl import load_workbook

from jixiao.documents import NotAGoalDocument, read_bytes
from jixiao.model.monitoring import Likelihood
from jixiao.scoring import load_profile, score_sheet
from jixiao.scoring.audit import audit_sheet
from jixiao.scoring.reports import write_monitoring, write_self_evaluation
from tests.documents.office_files import docx_file, xlsx_file
from tests.scoring.builders import evaluation, sheet
from tests.scoring.test_reports import _monitoring

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


# (NaN and Infinity: Decimal reads them, but no document writes them as a figure, and a NaN score broke the audit)
@pytest.mark.parametrize("written", ["八分", "NaN", "Infinity"])
def test_a_cell_that_is_not_a_number_is_named(written):
    book = load_workbook(io.BytesIO(write_self_evaluation(SCORED, "xlsx")))
    worksheet = book.active
    row = next(r for r in range(1, worksheet.max_row + 1) if worksheet.cell(r, 4).value == "整治村数")
    worksheet.cell(row, 8).value = written
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(NotAGoalDocument) as raised:
        read_bytes(buffer.getvalue(), "单位自评表.xlsx")
    assert raised.value.message == f"单位自评表.xlsx：项目支出绩效自评表第{row}行：“得分”应是数字，却是“{written}”"


@pytest.mark.parametrize("file_format", ["docx", "xlsx"])
def test_a_monitoring_table_is_read_back_with_its_period_money_and_answers(file_format):
    result = _monitoring()
    document = read_bytes(write_monitoring(result, file_format), f"监控表.{file_format}")
    (read,) = document.sheets
    report = read.monitoring
    assert document.layout == "jixiao-monitoring" and read.evaluation is None
    assert (report.months, report.budget, report.spent) == (6, D(100), D(30))
    assert (report.execution_rate, report.projected_spent) == (result.execution_rate, result.projected_spending)
    first = report.items[0]
    assert (first.actual_raw, first.likelihood, first.cause, first.remedy) == (
        "40个", Likelihood.POSSIBLE, "经费保障、人员保障", "加快支付")
    assert [i.target.raw for i in read.indicators] == ["≥100个", "≤5天", "≥1个", "≥90%"]
    # The audit reports what jixiao's own monitoring flagged red (30% spent against 50% planned), nothing else.
    assert result.light.value == "red"
    assert [f.rule for f in audit_sheet(read, load_profile("central"))] == ["JXM01"]


@pytest.mark.parametrize("file_format", ["docx", "xlsx"])
def test_a_units_own_table_under_the_official_title_is_read_like_any_other(file_format):
    """144: the official 自评表 title over a unit's own layout (no 绩效指标 column before the levels, the money
    block in one row) was refused as a broken jixiao report; it is read by the pipeline."""
    rows = [
        ["项目名称", "禁毒经费", "", "", "", "", "", ""],
        ["主管部门", "宣城市公安局", "", "", "实施单位", "禁毒支队", "", ""],
        ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", ""],
        ["年度资金总额", "100", "100", "100", "10", "100%", "10", ""],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        ["产出指标", "数量指标", "禁毒舞台剧宣传的场次", "≥1场", "1场", "12", "12", ""],
        ["产出指标", "数量指标", "毛发检查试剂数量", "≥2400份", "3200份", "12", "12", ""],
        ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "10", "10", ""],
    ]
    data = docx_file("项目支出绩效自评表", rows) if file_format == "docx" else xlsx_file(
        [["项目支出绩效自评表"], *rows])
    document = read_bytes(data, f"单位自评表.{file_format}")
    (read,) = document.sheets
    assert document.layout != "jixiao-evaluation" and read.name == "禁毒经费"
    assert [(i.level1, i.name, i.target.raw) for i in read.indicators] == [
        ("产出指标", "禁毒舞台剧宣传的场次", "≥1场"), ("产出指标", "毛发检查试剂数量", "≥2400份"),
        ("满意度指标", "群众满意度", "≥90%")]
