"""Mid-year monitoring: the plan curve, projections, and warnings at and around each threshold."""

from datetime import date
from decimal import Decimal as D

import pytest

from jixiao.model import (
    Checkpoint,
    CumulativeSpending,
    ExecutionRecord,
    FundSource,
    IndicatorProgress,
    MonitoringAnswer,
    SpendingEntry,
)
from jixiao.scoring import Alert, Light, PlanError, ScoringInputError, monitor_sheet, planned_share
from tests.scoring.builders import monitoring_profile, sheet

PLAN = [Checkpoint(label=label, percent=D(p)) for label, p in [("3月底", 30), ("6月底", 60), ("10月底", 90), ("12月底", 100)]]
YEAR = 2025  # not a leap year: 31 Dec 2024 is day 0, 30 Jun 2025 day 181, 31 Dec 2025 day 365


@pytest.mark.parametrize(("day", "expected"), [
    (date(2025, 3, 31), D(30)),
    (date(2025, 6, 30), D(60)),
    (date(2025, 12, 31), D(100)),
    (date(2025, 2, 14), D(30) * 45 / 90),  # 45 of the 90 days to 3月底
    (date(2025, 8, 31), D(60) + D(30) * 62 / 123),  # 62 of the 123 days from 6月底 to 10月底
])
def test_plan_is_linear_between_checkpoints_from_zero_at_year_start(day, expected):
    share, explanation = planned_share(PLAN, day, YEAR)
    assert share == expected and "%" in str(explanation)


def test_plan_after_its_last_checkpoint_stays_there():
    share, explanation = planned_share(PLAN[:2], date(2025, 9, 30), YEAR)
    assert share == 60 and "最后一个时间点“6月底”" in str(explanation)


@pytest.mark.parametrize(("label", "month_end"), [("三月底", date(2025, 3, 31)), ("第二季度末", date(2025, 6, 30)),
                                                  ("上半年", date(2025, 6, 30)), ("12 月末", date(2025, 12, 31))])
def test_checkpoint_labels_in_other_words(label, month_end):
    assert planned_share([Checkpoint(label=label, percent=D(50))], month_end, YEAR)[0] == 50


@pytest.mark.parametrize(("plan", "message"), [
    ([Checkpoint(label="年中左右", percent=D(50))], None),
    ([Checkpoint(label="第一批", percent=D(50))], "“第一批”无法识别为月份"),
    ([Checkpoint(label="6月底", percent=None)], "“6月底”没有填写百分比"),
    ([], "没有资金支出计划"),
])
def test_unusable_plans_are_explained(plan, message):
    if message is None:
        assert planned_share(plan, date(2025, 6, 30), YEAR)[0] == 50
        return
    with pytest.raises(PlanError, match=message):
        planned_share(plan, date(2025, 6, 30), YEAR)


def test_spending_from_entries_and_cumulative_figures():
    record = ExecutionRecord(sheet="P-1", entries=[
        SpendingEntry(day=date(2025, 2, 1), amount=D("5")),
        SpendingEntry(day=date(2025, 5, 1), amount=D("3")),
        SpendingEntry(day=date(2025, 5, 2), amount=D("2"), source=FundSource.OTHER),
        SpendingEntry(day=date(2025, 7, 1), amount=D("9")),
    ], cumulative=[CumulativeSpending(as_of=date(2025, 3, 31), amount=D("6"), source=FundSource.FISCAL)])
    assert record.spent_by(date(2025, 3, 31)) == D("6")  # the cumulative fiscal figure replaces the February entry
    assert record.spent_by(date(2025, 6, 30)) == D("11")  # 6 + 3 fiscal + 2 other
    record.cumulative.append(CumulativeSpending(as_of=date(2025, 6, 1), amount=D("20")))
    assert record.spent_by(date(2025, 6, 30)) == D("20")  # a later figure for all sources wins
    assert record.spent_by(date(2025, 7, 31)) == D("29")


def _monitor(spent: str, day: date, profile=None, answers=(), progress=()):
    one = sheet(("产出指标", "A", "≥100个"), ("效益指标", "B", "≥90%"), plan=[(c.label, c.percent) for c in PLAN])
    record = ExecutionRecord(sheet="P-1", cumulative=[CumulativeSpending(as_of=day, amount=D(spent))],
                             progress=[IndicatorProgress(indicator=i, as_of=day, value=D(v)) for i, v in progress])
    return monitor_sheet(one, record, day, list(answers), profile or monitoring_profile(), year=YEAR)


def _codes(result):
    return {(w.code, w.light) for w in result.warnings}


JUNE = date(2025, 6, 30)
ONLY_PLAN = {"floors": {"enabled": False}, "progress_gap": {"enabled": False}}


@pytest.mark.parametrize(("spent", "light"), [("60", None), ("61", None), ("59.99", Light.YELLOW), ("50", Light.YELLOW),
                                              ("49.99", Light.RED)])
def test_behind_plan_yellow_below_the_plan_red_beyond_ten_points(spent, light):
    result = _monitor(spent, JUNE, monitoring_profile(**ONLY_PLAN))
    assert result.planned == D("60.00") and result.gap == (D(60) - D(spent)).quantize(D("0.01"))
    assert _codes(result) == ({("behind_plan", light)} if light else set())
    assert result.light is (light or Light.GREEN)


@pytest.mark.parametrize(("day", "spent", "warned"), [
    (date(2025, 4, 29), "10", False),  # the April floor is not due yet
    (date(2025, 4, 30), "25", False),  # at the floor
    (date(2025, 4, 30), "24.99", True),
    (date(2025, 6, 30), "40", False),
    (date(2025, 6, 30), "39.99", True),
    (date(2025, 8, 31), "59.99", True),
    (date(2025, 10, 31), "80", False),
    (date(2025, 10, 31), "79.99", True),
])
def test_quarter_floors(day, spent, warned):
    floors = {"enabled": True, "source": "测试用的地方文件"}
    result = _monitor(spent, day, monitoring_profile(behind_plan={"enabled": False}, progress_gap={"enabled": False},
                                                     floors=floors))
    assert _codes(result) == ({("below_floor", Light.RED)} if warned else set())
    if warned:
        assert "月底应达到的" in result.warnings[0].message and result.warnings[0].local


@pytest.mark.parametrize(("progress", "warned"), [("70", False), ("70.01", True), ("50", False), ("49.99", True)])
def test_progress_and_spending_far_apart(progress, warned):
    # execution 60%; indicator A reaches progress % of its target ≥100个; B has no value yet
    result = _monitor("60", JUNE, monitoring_profile(floors={"enabled": False}), progress=[(1, progress)])
    assert result.indicators[0].progress == D(progress).quantize(D("0.01"))
    assert _codes(result) == ({("progress_gap", Light.YELLOW)} if warned else set())


def test_projections_of_spending_and_indicators():
    result = _monitor("30", JUNE, progress=[(1, "50"), (2, "80")])
    assert result.projected_spending == (D(30) * 365 / 181).quantize(D("0.01"))
    assert "× 全年 365 天 ÷ 已过 181 天" in result.projected_explanation
    a, b = result.indicators
    assert a.projected == (D(50) * 365 / 181).quantize(D("0.01"))
    assert b.projected == D("80.00") and "按当前水平" in b.explanation  # a rate is a level, not a running total
    stated = _monitor("30", JUNE, answers=[MonitoringAnswer(indicator=1, expected_value=D(95), likelihood="有可能",
                                                            causes=["人员保障"], remedy="增派人手")], progress=[(1, "50")])
    assert stated.indicators[0].projected == D("95.00") and "填报人填写" in stated.indicators[0].explanation


@pytest.mark.parametrize(("likelihood", "light"), [("确定能", None), ("有可能", Light.YELLOW), ("完全不可能", Light.RED)])
def test_likelihood_lights(likelihood, light):
    answer = MonitoringAnswer(indicator=1, name="A", likelihood=likelihood, causes=["经费保障"], remedy="追加")
    result = _monitor("60", JUNE, monitoring_profile(**ONLY_PLAN), answers=[answer])
    assert _codes(result) == ({("goal_at_risk", light)} if light else set())
    assert [p.indicator for p in result.missing] == [2]


@pytest.mark.parametrize(("fields", "message"), [
    ({"likelihood": "有可能"}, "须填写偏差原因和改进措施"),
    ({"likelihood": "完全不可能", "causes": ["其他"]}, "须填写改进措施"),
    ({"likelihood": "有可能", "remedy": "  "}, "须填写偏差原因和改进措施"),
    ({"likelihood": "有可能", "remedy": "加快", "causes": []}, "须填写偏差原因"),
])
def test_answers_short_of_certain_need_cause_and_remedy(fields, message):
    with pytest.raises(ValueError, match=message) as raised:
        MonitoringAnswer(indicator=3, name="覆盖率", **fields)
    assert "指标“覆盖率”" in str(raised.value)


def test_certain_needs_nothing_more():
    assert MonitoringAnswer(indicator=1).likelihood == "确定能"


def test_sheet_without_budget_or_plan_cannot_be_monitored():
    bare = sheet(("产出指标", "A", "≥1个"), budget="0")
    with pytest.raises(ScoringInputError) as raised:
        monitor_sheet(bare, ExecutionRecord(sheet="P-1"), JUNE, [], monitoring_profile(), year=YEAR)
    assert [p.field for p in raised.value.problems] == ["预算数", "资金支出计划"]


@pytest.mark.parametrize(("spent", "light"), [("80", None), ("80.01", Light.YELLOW), ("90", Light.YELLOW),
                                              ("90.01", Light.RED)])
def test_ahead_of_plan_is_yellow_beyond_the_profiles_gap_and_red_beyond_its_red_gap(spent, light):
    profile = monitoring_profile(**ONLY_PLAN, ahead_of_plan={"enabled": True, "red_gap": D(30)}, over_budget={"enabled": False})
    result = _monitor(spent, JUNE, profile)
    assert _codes(result) == ({("ahead_of_plan", light)} if light else set())


def test_spending_over_the_budget_is_red_with_its_own_message():
    result = _monitor("308.33", JUNE, monitoring_profile(**ONLY_PLAN))
    assert result.light is Light.RED
    assert ("over_budget", Light.RED) in _codes(result)
    over = next(w for w in result.warnings if w.code == "over_budget")
    assert "已支出超过预算" in over.message and "308.33%" in over.message


def test_a_year_not_yet_begun_is_neutral_not_red():
    one = sheet(("产出指标", "A", "≥100个"), plan=[(c.label, c.percent) for c in PLAN])
    result = monitor_sheet(one, ExecutionRecord(sheet="P-1"), JUNE, [], monitoring_profile(), year=YEAR,
                           today=date(2024, 12, 2))
    assert result.light is Light.NOT_STARTED and result.light.label == "未开始"
    assert [w.code for w in result.warnings] == ["not_started"]
    started = monitor_sheet(one, ExecutionRecord(sheet="P-1"), JUNE, [], monitoring_profile(), year=YEAR,
                            today=date(2025, 7, 1))
    assert started.light is Light.RED


def test_the_warnings_and_workings_are_templates_whose_figures_are_data():
    result = _monitor("30", JUNE, monitoring_profile(**ONLY_PLAN), progress=[(1, "50")])
    (behind,) = result.warnings
    assert behind.params["rate"] == D("30.00") and "{rate}%" in behind.template and "执行率 30.00%" in behind.message
    assert result.projected_working.params["days"] == 365 and "{days}" in result.projected_working.template
    assert result.planned_explanation == "计划进度取“6月底”的 60%" and result.planned_working.params == {
        "label": "6月底", "share": 60}
    progress = result.indicators[0]
    assert progress.explanation.startswith("完成进度 = 50 ÷ 100 = 50.00%")
    assert "50" not in progress.explanation_wording.template and D(50) in progress.explanation_wording.params.values()
    sent = result.model_dump(mode="json")  # as the API sends it: the rendered text beside its template and params
    assert sent["warnings"][0]["message"] == behind.message and sent["warnings"][0]["params"]["rate"] == "30.00"
    assert sent["projected_explanation"] == result.projected_working.message


def test_a_warning_stored_with_its_text_alone_reads_as_that_text():
    alert = Alert.model_validate({"code": "behind_plan", "light": "red", "message": "执行率 {30}% 低于计划进度"})
    assert alert.message == "执行率 {30}% 低于计划进度" and alert.params == {}
