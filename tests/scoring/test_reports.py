"""The 自评表 and the 监控表 exported to .docx and .xlsx, read back with python-docx and openpyxl."""

import io
from datetime import date
from decimal import Decimal as D

import docx
import pytest
from openpyxl import load_workbook

from jixiao.model import CumulativeSpending, ExecutionRecord, IndicatorProgress, MonitoringAnswer
from jixiao.scoring import monitor_sheet, score_sheet
from jixiao.scoring.reports import write_monitoring, write_self_evaluation
from tests.scoring.builders import evaluation, monitoring_profile, profile, sheet

FOUR = sheet(("产出指标", "A", "≥100个"), ("产出指标", "B", "≤5天"), ("效益指标", "D", "≥1个"), ("满意度指标", "C", "≥90%"),
             plan=[("6月底", "50"), ("12月底", "100")])


def _score():
    data = evaluation("80", {"actual": "80"}, {"actual": "5"}, {"actual": "1"}, {"actual": "90"}, overall_actual="基本完成",
                      budget_initial=D("90"))
    data.results[0].deviation = "两个村延期"
    return score_sheet(FOUR, data, profile("central"))


def _docx_rows(data: bytes) -> list[list[str]]:
    table = docx.Document(io.BytesIO(data)).tables[0]
    return [[cell.text for cell in row.cells] for row in table.rows]


def _xlsx_rows(data: bytes) -> list[list[str]]:
    sheet = load_workbook(io.BytesIO(data)).active
    return [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(min_row=4, values_only=True)]


def _read_back(data: bytes, file_format: str) -> tuple[list[list[str]], list[str]]:
    """The table's rows as text, and each row joined into one line."""
    rows = _docx_rows(data) if file_format == "docx" else _xlsx_rows(data)
    return rows, [" ".join(row) for row in rows]


@pytest.mark.parametrize("file_format", ["docx", "xlsx"])
def test_self_evaluation_table(file_format):
    rows, flat = _read_back(write_self_evaluation(_score(), file_format), file_format)
    header = next(row for row in rows if "年初预算数" in row)
    assert [h for h in header if h][-6:] == ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
    money = next(row for row in rows if "年度资金总额" in row)
    assert [v for v in money if v][-6:] == ["90", "100", "80", "10.00", "80.00%", "8.00"]
    assert any("预期目标" in line and "实际完成情况" in line for line in flat)
    assert any("1. 完成测试目标" in line and "基本完成" in line for line in flat)
    grid_header = next(row for row in rows if "三级指标" in row)
    assert [h for h in grid_header if h][-8:] == ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
    a_row = next(row for row in rows if "A" in row)
    assert [v for v in a_row if v][-6:] == ["A", "≥100个", "80个", "25.00", "20.00", "两个村延期"]
    assert any("总分" in line and "93.00" in line and "自评等级：优" in line for line in flat)


def test_merged_level_cells_in_word():
    rows = _docx_rows(write_self_evaluation(_score(), "docx"))
    a, b = (next(row for row in rows if name in row) for name in ("A", "B"))
    assert a[1] == b[1] == "产出指标" and a[2] == b[2] == "数量指标"
    table = docx.Document(io.BytesIO(write_self_evaluation(_score(), "docx"))).tables[0]
    a_index = next(i for i, row in enumerate(rows) if "A" in row)
    assert table.cell(a_index, 1)._tc is table.cell(a_index + 1, 1)._tc  # one merged cell, not two


def test_merged_level_cells_in_excel():
    sheet = load_workbook(io.BytesIO(write_self_evaluation(_score(), "xlsx"))).active
    merged = {str(r) for r in sheet.merged_cells.ranges}
    a_row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 4).value == "A")
    assert f"B{a_row}:B{a_row + 1}" in merged and sheet.cell(1, 1).value == "项目支出绩效自评表"


def _monitoring():
    record = ExecutionRecord(sheet="P-1", cumulative=[CumulativeSpending(as_of=date(2025, 6, 30), amount=D("30"))],
                             progress=[IndicatorProgress(indicator=1, as_of=date(2025, 6, 1), value=D("40"))])
    answers = [MonitoringAnswer(indicator=1, likelihood="有可能", causes=["经费保障", "人员保障"], remedy="加快支付"),
               MonitoringAnswer(indicator=2), MonitoringAnswer(indicator=3), MonitoringAnswer(indicator=4)]
    return monitor_sheet(FOUR, record, date(2025, 6, 30), answers, monitoring_profile(), year=2025)


@pytest.mark.parametrize("file_format", ["docx", "xlsx"])
def test_monitoring_table(file_format):
    data = write_monitoring(_monitoring(), file_format)
    rows, flat = _read_back(data, file_format)
    header = next(row for row in rows if "1-6月执行数" in row)
    assert {"年初预算数", "1-6月执行率", "计划进度", "全年预计执行数", "预警"} <= set(header)
    money = next(row for row in rows if "30.00%" in row)
    assert {"100", "30", "50.00%", "20.00", "红灯"} <= set(money)
    a_row = next(row for row in rows if "A" in row)
    assert {"40个", "经费保障、人员保障", "有可能", "加快支付"} <= set(a_row)
    assert any("预警说明" in line and "低于计划进度" in line for line in flat)
    if file_format == "xlsx":
        assert load_workbook(io.BytesIO(data)).active["A2"].value == "（2025年1-6月）"


def test_unknown_report_format():
    with pytest.raises(ValueError, match="不支持的报表格式“pdf”"):
        write_self_evaluation(_score(), "pdf")


@pytest.mark.parametrize("file_format", ["docx", "xlsx"])
def test_the_self_evaluation_table_names_the_profile_in_chinese(file_format):
    data = write_self_evaluation(_score(), file_format)
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs) if file_format == "docx" else \
        str(load_workbook(io.BytesIO(data)).active["A2"].value)
    assert "评分方案：中央默认（财预〔2020〕10号）" in text and "评分方案：central" not in text


@pytest.mark.parametrize("file_format", ["docx", "xlsx"])
def test_the_monitoring_table_keeps_units_and_prints_no_trailing_zeros(file_format):
    record = ExecutionRecord(sheet="P-1", cumulative=[CumulativeSpending(as_of=date(2025, 6, 30), amount=D("30"))],
                             progress=[IndicatorProgress(indicator=1, as_of=date(2025, 6, 1), value=D("10.0000")),
                                       IndicatorProgress(indicator=4, as_of=date(2025, 6, 1), value=D("92.0000"))])
    result = monitor_sheet(FOUR, record, date(2025, 6, 30), [], monitoring_profile(), year=2025)
    rows, flat = _read_back(write_monitoring(result, file_format), file_format)
    a_row, c_row = (next(row for row in rows if name in row) for name in ("A", "C"))
    assert "10个" in a_row and "92%" in c_row and "92%" in c_row
    assert not any("10.0000" in line or "92.0000" in line for line in flat)
