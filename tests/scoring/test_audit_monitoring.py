"""The audit of printed 运行监控表: real published monitoring tables transcribed from ../shared/corpus/ (and the
reading of their period), each case checking which rule fired, where and with what figures."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal as D

import docx
import pytest
from openpyxl import load_workbook

from jixiao.documents import read_bytes
from jixiao.documents.pipeline import read_text
from jixiao.model import (
    CumulativeSpending,
    ExecutionRecord,
    FundSource,
    GoalSheet,
    Indicator,
    IndicatorProgress,
    Likelihood,
    MonitoringAnswer,
    ReportedMonitoring,
    ReportedProgress,
    SpendingEntry,
    parse_likelihood,
)
from jixiao.model.finding import Confidence
from jixiao.scoring import load_profile, monitor_sheet
from jixiao.scoring.audit import audit_sheet
from jixiao.scoring.reports import write_monitoring
from tests.conftest import texts
from tests.scoring.audit_sheets import monitored
from tests.scoring.builders import sheet

CENTRAL = load_profile("central")
JUNE = date(2025, 6, 30)
# shared/corpus/016 (黄石市 申遗经费 2019, Hubei 项目支出绩效监控表): the money table's headings and figures
HUANGSHI_HEADINGS = ("年初预算数", "1-6月执行数", "全年预计执行数")


@pytest.mark.parametrize(("headings", "projected", "expected"), [
    # 016: the 全年预计执行数 column printed and left blank
    (HUANGSHI_HEADINGS, None, ("全年预计执行数", "6", "87.57")),
    (("年初预算数", "1-6月执行数", "全年预计支出数"), None, ("全年预计支出数", "6", "87.57")),
    # filled in: nothing to report
    (HUANGSHI_HEADINGS, "220", None),
    # a form without the column: not the unit's omission
    (("年初预算数", "1-6月执行数"), None, None),
])
def test_a_forecast_column_left_blank(headings, projected, expected):
    sheet = monitored(budget="220", spent="87.57", months=6, projected=projected, headings=headings)
    found = [f for f in audit_sheet(sheet, CENTRAL) if f.rule == "JXM05"]
    if expected is None:
        assert found == []
        return
    (finding,) = found
    assert (finding.indicator, finding.location.column) == (None, expected[0])
    assert (texts(finding)["heading"], texts(finding)["months"], texts(finding)["spent"]) == expected


def test_the_huangshi_table_is_audited_over_the_period_its_spending_heading_names():
    # 016 as published (its title names no period; the 1-6月执行数 heading does): 87.57 of 220 spent by the end of
    # June, 39.8% against 50% of the year, and the forecast left blank
    text = "\n".join([
        "黄石市项目支出绩效监控表 (申遗) |", "(2019年度) |", "项目单位(盖章): 单位:万元 |",
        "项目名称 | 申遗经费 |",
        "项目资金 (万元) | 年初预算数 | 1-6月执行数 | 全年预计执行数 |",
        "年度资金总额: | 220 | 87.57 |",
        "其中:当年一般公共预算拨款 | 220 | 87.57 |",
        "一级指标 | 二级指标 | 指标名称 | 指标值 | 半年度指标执行情况 | 完成目标可能性 |",
        "产出指标 | 成本指标 | 成本 | 年度预算220万元 | 按进度执行,已使用约40% | 确定能 |",
    ])
    (sheet,) = read_text(text.encode(), "016.txt")[0].sheets
    found = {f.rule: f for f in audit_sheet(sheet, CENTRAL)}
    assert sorted(found) == ["JXM01", "JXM05"]
    behind = texts(found["JXM01"])
    assert (behind["months"], behind["rate"], behind["planned"]) == ("6", "39.80", "50.00")
    assert found["JXM05"].location.column == "全年预计执行数"


def _other_form(spent_heading: str, forecast_heading: str, likelihood: str, title: str = "") -> str:
    """A monitoring table in another province's words: the period in the spending heading (or the title), the
    forecast heading, the likelihood cell; 3 of ≥18 villages done, 40 of 200 spent, the forecast blank."""
    return "\n".join([
        f"项目支出绩效运行监控表{title} |", "(2023年度) |", "项目名称 | 村级道路养护 |",
        f"项目资金 (万元) | 年初预算数 | {spent_heading} | {forecast_heading} |",
        "年度资金总额: | 200 | 40 |",
        "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 执行情况 | 完成目标可能性 | 偏差原因 |",
        f"产出指标 | 数量指标 | 养护村道 | ≥18个 | 3个 | {likelihood} | |",
    ])


@pytest.mark.parametrize(("spent_heading", "forecast_heading", "likelihood", "title", "months"), [
    ("1-9月执行数", "全年预计执行数", "确定能", "", 9),  # the Ministry's words (016's form)
    ("截至9月底执行数", "预计全年执行数", "确定能完成", "", 9),  # 截至 N月底, 预计全年
    ("截止9月30日累计执行数", "全年预计执行金额", "能够完成", "", 9),
    ("前三季度支出数", "预计全年支出数", "可以完成", "", 9),
    ("执行数", "全年预计执行数", "确定能实现", "（截至2023年9月）", 9),  # the period in the title
    ("上半年执行数", "全年预计执行数", "确定能", "", 6),
])
def test_other_provinces_monitoring_forms_are_audited_in_their_own_words(spent_heading, forecast_heading, likelihood,
                                                                        title, months):
    (sheet,) = read_text(_other_form(spent_heading, forecast_heading, likelihood, title).encode(), "m.txt")[0].sheets
    assert (sheet.monitoring.months, sheet.monitoring.spent) == (months, D(40))
    found = {f.rule: f for f in audit_sheet(sheet, CENTRAL)}
    # 20% spent against the linear plan; the forecast left blank; 确定能 with 3 of ≥18 (16.67%) done
    assert sorted(found) == ["JXM01", "JXM03", "JXM05"]
    assert texts(found["JXM01"])["months"] == str(months)
    assert texts(found["JXM05"])["heading"] == forecast_heading
    assert (found["JXM03"].indicator, texts(found["JXM03"])["progress"]) == ("养护村道", "16.67")


@pytest.mark.parametrize(("cell", "expected"), [
    ("确定能", Likelihood.CERTAIN), ("确定能完成", Likelihood.CERTAIN), ("能够实现", Likelihood.CERTAIN),
    ("有可能完成", Likelihood.POSSIBLE), ("无法完成", Likelihood.IMPOSSIBLE), ("完全不可能", Likelihood.IMPOSSIBLE),
    ("已完成", None), ("完成", None),
])
def test_a_likelihood_cell_in_the_forms_words(cell, expected):
    assert parse_likelihood(cell) is expected


# jixiao's own 监控表 (the web's monitoring export, jixiao.scoring.reports.write_monitoring) read back: it is audited
# as a published one is. The plan is uneven (30% by 3月底, 60% by 6月底), so an even spread (50%) would differ.
PLANNED = sheet(("产出指标", "整治村数", "≥18个"), ("效益指标", "群众满意度", "≥90%"),
                plan=[("3月底", "30"), ("6月底", "60"), ("10月底", "90"), ("12月底", "100")])


def _own_table(file_format: str, *, clear_forecast: bool) -> bytes:
    """jixiao's monitoring table of June 2025 (3 of 100 spent), its 全年预计执行数 cleared as a unit might."""
    record = ExecutionRecord(sheet="P-1", cumulative=[CumulativeSpending(as_of=JUNE, amount=D("3"))],
                             progress=[IndicatorProgress(indicator=1, as_of=JUNE, value=D("2"))])
    answers = [MonitoringAnswer(indicator=1, likelihood="有可能", causes=["经费保障"], remedy="加快拨付"),
               MonitoringAnswer(indicator=2)]
    data = write_monitoring(monitor_sheet(PLANNED, record, JUNE, answers, CENTRAL, year=2025), file_format)
    if not clear_forecast:
        return data
    buffer = io.BytesIO()
    if file_format == "xlsx":
        book = load_workbook(io.BytesIO(data))
        cells = [cell for row in book.active.iter_rows() for cell in row]
        column = next(cell.column for cell in cells if cell.value == "全年预计执行数")
        figures = next(cell.row for cell in cells if cell.value == "3.00%")
        book.active.cell(figures, column).value = None
        book.save(buffer)
    else:
        document = docx.Document(io.BytesIO(data))
        rows = document.tables[0].rows
        header = next(i for i, row in enumerate(rows) if any(c.text == "全年预计执行数" for c in row.cells))
        column = next(i for i, cell in enumerate(rows[header].cells) if cell.text == "全年预计执行数")
        rows[header + 1].cells[column].text = ""
        document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("file_format", ["docx", "xlsx"])
def test_jixiaos_own_monitoring_table_is_audited_like_a_published_one(file_format):
    (read,) = read_bytes(_own_table(file_format, clear_forecast=False), f"监控表.{file_format}").sheets
    found = {f.rule: f for f in audit_sheet(read, CENTRAL)}
    # behind the plan jixiao printed (60% by 6月底, not an even 50%); the forecast is filled: no JXM05
    assert sorted(found) == ["JXM01"]
    behind = texts(found["JXM01"])
    assert (behind["rate"], behind["planned"], behind["gap"]) == ("3.00", "60.00", "57.00")
    assert "全年预计执行数" in read.monitoring.money_headings


@pytest.mark.parametrize("file_format", ["docx", "xlsx"])
def test_jixiaos_own_monitoring_table_with_its_forecast_cleared(file_format):
    (read,) = read_bytes(_own_table(file_format, clear_forecast=True), f"监控表.{file_format}").sheets
    assert read.monitoring.projected_spent is None
    (finding,) = [f for f in audit_sheet(read, CENTRAL) if f.rule == "JXM05"]
    assert (finding.location.column, texts(finding)["heading"]) == ("全年预计执行数", "全年预计执行数")
    assert (texts(finding)["months"], texts(finding)["spent"]) == ("6", "3")


def _progress(confidence: float):
    """A 1–8月 table of two rows: 3 of ≥18 villages answered 确定能, and 有可能 with neither cause nor remedy; the
    rows read with ``confidence`` (1: by the form's grid)."""
    rows = [Indicator.from_cells(level1="产出指标", level2="数量指标", name=name, target=target, row=row)
            for name, target, row in (("整治村数", "≥18个", 7), ("受益人口", "≥2000人", 8))]
    for row in rows:
        row.confidence = confidence
    return GoalSheet(name="人居环境整治", year=2019, indicators=rows, monitoring=ReportedMonitoring(
        months=8, budget=D(18), spent=D(12), items=[
            ReportedProgress(indicator=1, actual_raw="3个", likelihood=Likelihood.CERTAIN, row=7),
            ReportedProgress(indicator=2, actual_raw="1500人", likelihood=Likelihood.POSSIBLE, row=8)]))


@pytest.mark.parametrize(("confidence", "guessed"), [(1.0, False), (0.8, True)])
def test_answers_on_progress_rows_and_what_their_reading_rests_on(confidence, guessed):
    found = {f.rule: f for f in audit_sheet(_progress(confidence), CENTRAL) if f.rule in ("JXM03", "JXM04")}
    behind, bare = found["JXM03"], found["JXM04"]
    # 3 of 18 is 16.67% with 66.67% of the year gone: under half the pace, yet 确定能
    assert (behind.indicator, behind.location.row, texts(behind)["progress"], texts(behind)["elapsed"]) == (
        "整治村数", 7, "16.67", "66.67")
    assert (bare.indicator, bare.location.row, texts(bare)["missing"]) == ("受益人口", 8, "偏差原因和改进措施")
    expected = Confidence.GUESSED_LAYOUT if guessed else Confidence.HIGH
    assert (behind.confidence, bare.confidence) == (expected, expected)


@pytest.mark.parametrize(("entries", "expected"), [
    # 60 recorded by 30 June (and 20 in July, after the period): the printed 87.57 is not what was recorded
    ([(date(2019, 3, 10), "25"), (date(2019, 6, 30), "35"), (date(2019, 7, 2), "20")], ("87.57", "60", "2019-06-30")),
    ([(date(2019, 3, 10), "50"), (date(2019, 6, 1), "37.57")], None),  # the same figure
    ([], None),  # nothing recorded: nothing to compare
])
def test_the_printed_spending_is_the_spending_recorded_to_the_periods_end(entries, expected):
    sheet = monitored(budget="220", spent="87.57", months=6, headings=HUANGSHI_HEADINGS)
    record = ExecutionRecord(sheet=sheet.key, entries=[
        SpendingEntry(day=day, amount=D(amount), source=FundSource.FISCAL) for day, amount in entries])
    found = [f for f in audit_sheet(sheet, CENTRAL, record=record) if f.rule == "JXM06"]
    found = [(texts(f)["printed"], texts(f)["recorded"], texts(f)["day"]) for f in found]
    assert found == ([expected] if expected else [])
    assert "JXM06" not in [f.rule for f in audit_sheet(sheet, CENTRAL)]  # no record held


@pytest.mark.parametrize(("actual", "progress"), [
    ("3个", "16.67"),  # 3 of ≥18: the pace of the count
    ("3", "16.67"),  # the count without its unit
    ("完成30%", "30.00"),  # the progress written as a share of the task: itself the pace
    ("60%", None),  # past half the time's pace (66.67% gone)
    ("3万元", None),  # another unit: not a count of villages
    ("12个", None),
])
def test_a_certain_answer_is_held_to_the_pace_in_the_targets_terms(actual, progress):
    sheet = _progress(1.0)
    sheet.monitoring.items[0].actual_raw = actual
    found = [(f.indicator, f.location.row, texts(f)["progress"]) for f in audit_sheet(sheet, CENTRAL)
             if f.rule == "JXM03"]
    assert found == ([("整治村数", 7, progress)] if progress else [])


def _huangshi_closing(likelihood: str, cause: str, remedy: str, labels=("偏差或不能完成目标原因分析", "相关建议或举措")) -> str:
    """016's form with its closing fields: the cause and the remedy written once for the whole table, below the grid
    (the form prints no column for them), and the 成本 row answered ``likelihood``."""
    return "\n".join([
        "黄石市项目支出绩效监控表 (申遗) |", "(2019年度) |", "项目单位(盖章): 单位:万元 |", "项目名称 | 申遗经费 |",
        "项目资金 (万元) | 年初预算数 | 1-6月执行数 | 全年预计执行数 |", "年度资金总额: | 220 | 87.57 | 200 |",
        "一级指标 | 二级指标 | 指标名称 | 指标值 | 半年度指标执行情况 | 完成目标可能性 | 备注 |",
        f"产出指标 | 成本指标 | 成本 | 年度预算220万元 | 按进度执行,已使用约40% | {likelihood} | |",
        f"{labels[0]} | {cause} |", f"{labels[1]} | {remedy} |",
    ])


@pytest.mark.parametrize(("likelihood", "cause", "remedy", "labels", "missing"), [
    # 016's closing fields filled in: the cause and the remedy are given, for the whole table
    ("有可能", "展馆维修推迟，部分经费下半年支付", "加快招标和支付进度", None, None),
    ("有可能", "展馆维修推迟", "", None, "改进措施"),
    ("不可能", "", "", None, "偏差原因和改进措施"),
    ("确定能", "", "", None, None),  # nothing to explain
    # the two fields run together in one cell, as a copy may print them
    ("有可能", "疫情影响，活动延期　相关建议或举措：下半年集中开展", "", ("偏差或不能完成目标原因分析：", "备注"), None),
    ("有可能", "　相关建议或举措：下半年集中开展", "", ("偏差或不能完成目标原因分析：", "备注"), "偏差原因"),
])
def test_a_cause_and_remedy_written_once_below_the_grid_answer_for_every_row(likelihood, cause, remedy, labels,
                                                                            missing):
    text = _huangshi_closing(likelihood, cause, remedy, *([labels] if labels else []))
    (sheet,) = read_text(text.encode(), "016.txt")[0].sheets
    found = [texts(f)["missing"] for f in audit_sheet(sheet, CENTRAL) if f.rule == "JXM04"]
    assert found == ([missing] if missing else [])
