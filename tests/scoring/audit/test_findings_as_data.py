"""One value, one shape: the audit findings whose message shows a recomputation's working (JXA02, JXA03, JXA20, JXA23,
JXM01) and JXA39 carry their figures as Decimals and their wording as one template, rendered late; the finding
stored as JSON (the web's FindingRecord.data, the audit's stored findings) renders the same message, and so does the
contract the CLI and the API write. A finding stored before the working became data still renders."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from jixiao.model.diagnostic import Severity
from jixiao.model.finding import Dimension, Finding, Phrase, render, spliced
from jixiao.scoring import load_profile
from jixiao.scoring.audit import audit_sheet
from tests.scoring.audit_sheets import monitored, printed

CENTRAL = load_profile("central")


def _one(sheet, code: str, profile=CENTRAL) -> Finding:
    (finding,) = [f for f in audit_sheet(sheet, profile) if f.rule == code]
    return finding


def _figures(finding: Finding) -> dict[str, D]:
    return {key: value for key, value in finding.params.items() if isinstance(value, D)}


def _travels(finding: Finding) -> None:
    """The finding as the database and the API hold it renders the same message and contract."""
    stored = Finding.model_validate(finding.model_dump(mode="json"))
    assert stored.message == finding.message
    assert stored.contract() == finding.contract()
    assert finding.contract()["message"] == finding.message


# 目标 ≥18个、实际 15个、分值 10、得分 10 (the rule's documented example): 10 × 15 ÷ 18 = 8.33
INFLATED = printed([("产出指标", "数量指标", "整治村数", "≥18个", "15个", 10, 10)], budget=10, spent=10,
                   execution_weight=10, execution_score=10)
# 目标 ≤5天、实际 4天、分值 10、得分 9: met, yet a point taken off
DEFLATED = printed([("产出指标", "时效指标", "办理时限", "≤5天", "4天", 10, 9)], budget=10, spent=10,
                   execution_weight=10, execution_score=10)


def test_an_inflated_score_keeps_its_working_as_figures():
    finding = _one(INFLATED, "JXA02")
    assert finding.message == ("指标“整治村数”得分 10，按实际完成值应得 8.33（得分 = 分值 10 × 实际值 15个 ÷ 目标值 18个"
                               "（超过100%按100%计） = 8.33）")
    assert _figures(finding) == {"score": D(10), "expected": D("8.33"), "formula_weight": D(10),
                                 "formula_reached_actual": D(15), "formula_reached_goal": D(18),
                                 "formula_score": D("8.33")}
    assert finding.params["formula_reached_unit"] == "个" and "formula" not in finding.params
    assert "{formula_reached_goal}" in finding.template
    _travels(finding)


def test_a_deflated_score_keeps_its_working_as_figures():
    finding = _one(DEFLATED, "JXA03")
    assert finding.message == ("指标“办理时限”得分 9，按实际完成值应得 10.00（得分 = 分值 10 × 目标值 5天 ÷ 实际值 4天"
                               "（超过100%按100%计） = 10.00）")
    assert (finding.params["formula_reached_goal"], finding.params["formula_reached_actual"]) == (D(5), D(4))
    _travels(finding)


def test_an_execution_score_keeps_the_rate_and_the_profiles_name_as_data():
    # 执行 65.07 ÷ 65.66 = 99.10%, 分值 not printed (the profile's 10), 得分 9: 应得 9.91 (JXA23's example)
    sheet = printed([("产出指标", "数量指标", "整治村数", "≥18个", "18个", 90, 90)], budget="65.66", spent="65.07",
                    execution_score=9)
    finding = _one(sheet, "JXA23")
    assert finding.message == ("预算执行率一行得分 9，按执行率应得 9.91（执行率 = 全年执行数 65.07 ÷ 全年预算数 65.66 = 99.10%；"
                               "得分 = 分值 10（表中未印分值，按评分方案“中央默认（财预〔2020〕10号）”取 10） × 执行率 = 9.91）")
    assert _figures(finding) == {"score": D(9), "expected": D("9.91"), "formula_spent": D("65.07"),
                                 "formula_budget": D("65.66"), "formula_rate": D("99.10"), "formula_weight": D(10),
                                 "formula_expected": D("9.91")}
    assert finding.params["formula_profile"] == CENTRAL.label
    _travels(finding)


def test_a_blank_execution_score_keeps_its_working_as_figures():
    sheet = printed([("产出指标", "数量指标", "整治村数", "≥18个", "18个", 90, 90)], budget="251.89", spent="251.89",
                    execution_weight=10)
    finding = _one(sheet, "JXA20")
    assert finding.message == ("预算执行率一行没有填写得分：执行率 100.00%，按评分方案应得 10.00（执行率 = 全年执行数 251.89 ÷ "
                               "全年预算数 251.89 = 100.00%；得分 = 分值 10 × 执行率 = 10.00）")
    assert {key: finding.params[key] for key in ("rate", "expected", "formula_rate")} == {
        "rate": D("100.00"), "expected": D("10.00"), "formula_rate": D("100.00")}
    _travels(finding)


def test_spending_behind_an_even_plan_keeps_its_interpolation_as_figures():
    # no spending plan: 6/12 = 50.00% by 6月底, 3 of 18 spent (16.67%)
    finding = _one(monitored(budget="18", spent="3", months=6), "JXM01")
    assert finding.message == ("1–6月执行率 16.67%，低于计划进度 50.00%（相差 33.33 个百分点；表中没有资金支出计划，"
                               "按时间均匀计算：6/12 = 50.00%）")
    assert _figures(finding) == {"months": D(6), "rate": D("16.67"), "planned": D("50.00"), "gap": D("33.33"),
                                 "how_months": D(6), "how_share": D("50.00")}
    _travels(finding)


@pytest.mark.parametrize(("score", "most", "fix"), [
    (10, D(8), "按“部分达成预期指标并具有一定效果”一档计分（最多 8），或写明实际达成的情况"),
    ("9.5", D(8), "按“部分达成预期指标并具有一定效果”一档计分（最多 8），或写明实际达成的情况"),
])
def test_a_score_above_its_tier_says_its_figures_once_in_message_and_fix(score, most, fix):
    sheet = printed([("产出指标", "时效指标", "培训及时性", "按时完成", "部分完成", 10, score, "培训场地调整")])
    finding = _one(sheet, "JXA39")
    assert (finding.params["most"], finding.params["low"], finding.params["high"]) == (most, D(60), D(80))
    assert finding.params["score"] == D(score) and finding.fix.summary == fix
    _travels(finding)


def test_a_finding_stored_before_its_working_was_data_still_renders():
    # the shape the web stored for JXA02 until now: the working composed into one text parameter
    old = {"rule": "JXA02", "name": "score-above-what-the-actual-supports", "severity": "error", "dimension": "准确性",
           "source": "财预〔2020〕10号", "sheet": "测试项目", "indicator": "整治村数", "location": {"row": 11},
           "template": "指标“{indicator}”得分 {score}，按实际完成值应得 {expected}（{formula}）",
           "params": {"indicator": "整治村数", "score": "10", "expected": "8.33",
                      "formula": "得分 = 分值 10 × 实际值 15个 ÷ 目标值 18个（超过100%按100%计） = 8.33"},
           "fix": None, "confidence": "high"}
    assert Finding.model_validate(old).message == _one(INFLATED, "JXA02").message


def test_a_phrase_is_spliced_under_its_slots_name_and_a_figure_is_shown_without_an_exponent():
    working = Phrase("分值 {weight} × {reached}", {"weight": D("1E+1"), "reached": Phrase("{goal}{unit}", {
        "goal": D("18"), "unit": "个"})})
    template, params = spliced("应得（{formula}）", {"formula": working})
    assert template == "应得（分值 {formula_weight} × {formula_reached_goal}{formula_reached_unit}）"
    assert render(template, params) == "应得（分值 10 × 18个）" == f"应得（{working}）"
    with pytest.raises(ValueError, match="weight"):
        working.then(Phrase("{weight}", {"weight": D(20)}))


def test_the_contract_writes_a_figure_as_shown_not_as_an_exponent():
    finding = Finding(rule="JX000", name="n", severity=Severity.INFO, dimension=Dimension.COMPLETENESS, source="s",
                      template="得分 {score} 高于 {weight}", params={"score": D("1E+1"), "weight": D("8.30")})
    assert finding.contract()["params"] == {"score": "10", "weight": "8.30"}
    assert finding.contract()["message"] == "得分 10 高于 8.30"


def test_the_advice_keeps_its_figure_as_data():
    fix = _one(INFLATED, "JXA02").fix
    assert fix.template == "按实际完成情况计分：{expected}，或补充实际完成值的依据"
    assert fix.params == {"expected": D("8.33")} and fix.summary == "按实际完成情况计分：8.33，或补充实际完成值的依据"
    _travels(_one(INFLATED, "JXA02"))
