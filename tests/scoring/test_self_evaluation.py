"""Self-evaluation scoring, hand-worked, for both shipped profiles."""

from decimal import Decimal as D

import pytest

from jixiao.model import QualitativeTier
from jixiao.scoring import InputProblem, ItemScore, ScoringInputError, SheetScore, score_sheet
from tests.scoring.builders import evaluation, profile, sheet

PARTIAL = QualitativeTier.PARTIAL

# 产出 A ≥100个 (actual 80), 产出 B ≤5% (actual 0), 效益 C qualitative (partial, 70%), 满意度 D ≥90% (actual 95).
FOUR = sheet(("产出指标", "A", "≥100个"), ("产出指标", "B", "≤5%"), ("效益指标", "C", "明显提升"), ("满意度指标", "D", "≥90%"))
FOUR_RESULTS = ({"actual": "80"}, {"actual": "0"},
                {"tier": PARTIAL, "tier_percent": D(70), "tier_reason": "部分村未完成"}, {"actual": "95"})


def scores(result):
    return [item.score for item in result.items]


@pytest.mark.parametrize(("name", "weights", "expected", "total", "grade"), [
    # central: 执行 10 × 0.9; A 25 × 0.8; B 25 (actual 0 under ≤); C 30 × 70%; D 10 → 85 良
    ("central", ["10", "25", "25", "30", "10"], ["9", "20", "25", "21", "10"], "85", "良"),
    # hubei: 执行 20 × 0.9; A 20 × 0.8; B 20; 效益+满意度 40 shared: C 20 × 70%; D 20 → 88 良
    ("hubei", ["20", "20", "20", "20", "20"], ["18", "16", "20", "14", "20"], "88", "良"),
])
def test_hand_worked_sheet(name, weights, expected, total, grade):
    result = score_sheet(FOUR, evaluation("90", *FOUR_RESULTS), profile(name))
    assert [item.weight for item in result.items] == [D(w).quantize(D("0.01")) for w in weights]
    assert scores(result) == [D(s).quantize(D("0.01")) for s in expected]
    assert (result.total, result.grade) == (D(total).quantize(D("0.01")), grade)
    assert result.execution_rate == D("90.00")


def test_every_score_is_explained_with_its_numbers():
    result = score_sheet(FOUR, evaluation("90", *FOUR_RESULTS), profile("central"))
    execution, a, b, c, _ = result.items
    assert "90 ÷ 全年预算数 100 = 90.00%" in execution.explanation
    assert "产出指标权重 50 ÷ 组内 2 项平均分配 = 25.00" in a.explanation
    assert "实际值 80个 ÷ 目标值 100个（超过100%按100%计）" in a.explanation and "min(" not in a.explanation and a.explanation.endswith("= 20.00")
    assert "越低越好" in b.explanation and "得满分" in b.explanation
    assert "区间 60%–80%" in c.explanation and "理由：部分村未完成" in c.explanation
    assert "等级：良（80 ≤ 总分 < 90）" in result.explanation


@pytest.mark.parametrize(("name", "actual", "weight", "expected"), [
    # central: one 产出 indicator alone; 效益 and 满意度 have none, so 10 + 50 = 60 is rescaled to 100
    ("central", "0", "83.33", "83.33"), ("central", "5", "83.33", "83.33"),
    ("central", "10", "83.33", "41.67"), ("central", "20", "83.33", "20.83"),
    # hubei: 20 + 40 = 60 rescaled to 100
    ("hubei", "0", "66.67", "66.67"), ("hubei", "10", "66.67", "33.33"), ("hubei", "20", "66.67", "16.67"),
])
def test_lower_is_better_full_marks_at_zero_and_target_over_actual(name, actual, weight, expected):
    result = score_sheet(sheet(("产出指标", "B", "≤5%")), evaluation("100", {"actual": actual}), profile(name))
    assert (result.items[1].weight, result.items[1].score) == (D(weight), D(expected))


@pytest.mark.parametrize(("target", "direction", "actual", "share_text", "note"), [
    ("80-90%", None, "85", "100.00%", "在目标区间"),
    ("80-90%", None, "40", "50.00%", "低于区间下限"),
    ("80-90%", None, "100", "90.00%", "高于区间上限"),
    ("=100%", None, "90", "90.00%", "视为越高越好"),
    ("=10天", "反向", "20", "50.00%", "按指标方向性“反向”视为越低越好"),
])
def test_range_and_equal_targets(target, direction, actual, share_text, note):
    row = ("产出指标", "X", target, None, direction) if direction else ("产出指标", "X", target)
    result = score_sheet(sheet(row), evaluation("100", {"actual": actual}), profile("central"))
    assert f"× {share_text} =" in result.items[1].explanation and note in result.items[1].explanation


@pytest.mark.parametrize(("name", "tier", "percent", "ok"), [
    ("central", QualitativeTier.MET, "80", True),
    ("central", QualitativeTier.MET, "79", False),
    ("central", QualitativeTier.PARTIAL, "60", True),
    ("central", QualitativeTier.PARTIAL, "55", False),
    ("central", QualitativeTier.NOT_MET, "60", True),
    ("central", QualitativeTier.NOT_MET, "61", False),
    ("hubei", QualitativeTier.PARTIAL, "50", True),
    ("hubei", QualitativeTier.PARTIAL, "49", False),
    ("hubei", QualitativeTier.NOT_MET, "50", True),
    ("hubei", QualitativeTier.NOT_MET, "51", False),
])
def test_qualitative_score_must_lie_in_the_tiers_band(name, tier, percent, ok):
    results = list(FOUR_RESULTS)
    results[2] = {"tier": tier, "tier_percent": D(percent), "tier_reason": "理由"}
    data = evaluation("100", *results)
    if ok:
        result = score_sheet(FOUR, data, profile(name))
        assert result.items[3].score == (result.items[3].weight * D(percent) / 100).quantize(D("0.01"))
    else:
        with pytest.raises(ScoringInputError) as raised:
            score_sheet(FOUR, data, profile(name))
        (problem,) = raised.value.problems
        assert problem.field == "得分比例" and f"填写的是 {percent}%" in problem.message and "“C”" in problem.message


@pytest.mark.parametrize(("name", "weights", "expected", "total", "note"), [
    # central: 10 + 25 + 30 + 10 = 75 take part, × 100/75: 执行 13.33 × 0.9 = 12; A 33.33 × 0.8 = 26.67;
    # C 40 × 70% = 28; D 13.33 → exact total 80
    ("central", ["13.33", "33.33", "0", "40.00", "13.33"], ["12.00", "26.67", None, "28.00", "13.33"], "80.00", "100 ÷ 75"),
    # hubei: 20 + 20 + 20 + 20 = 80 take part, × 100/80: 执行 25 × 0.9; A 25 × 0.8; C 25 × 70%; D 25 → 85
    ("hubei", ["25.00", "25.00", "0", "25.00", "25.00"], ["22.50", "20.00", None, "17.50", "25.00"], "85.00", "100 ÷ 80"),
])
def test_not_applicable_indicator_is_dropped_and_the_rest_rescaled(name, weights, expected, total, note):
    results = list(FOUR_RESULTS)
    results[1] = {"not_applicable": True}
    result = score_sheet(FOUR, evaluation("90", *results), profile(name))
    assert [i.weight for i in result.items] == [D(w) for w in weights]
    assert scores(result) == [D(s) if s else None for s in expected]
    assert result.total == D(total) and result.grade == "良"
    assert any(note in n for n in result.notes)
    # The rescaling is shown as the fraction that reproduces the weight (issue 12: 12.5 × 1.43 ≠ 17.86).
    assert f"× {note}（折算）" in result.items[1].explanation and result.items[2].explanation.startswith("不适用")


def test_sheet_weights_share_the_level_weight_proportionally():
    two = sheet(("产出指标", "A", "≥10个", "30"), ("产出指标", "B", "≥10个", "20"), ("效益指标", "C", "≥1个"),
                ("满意度指标", "D", "≥90%"))
    result = score_sheet(two, evaluation("100", {"actual": "10"}, {"actual": "10"}, {"actual": "1"}, {"actual": "90"}),
                         profile("central"))
    assert [i.weight for i in result.items[1:3]] == [D("30.00"), D("20.00")]
    assert "本项权重 30 ÷ 组内权重合计 50" in result.items[1].explanation
    assert result.total == D("100.00") and result.grade == "优"


@pytest.mark.parametrize(("actual", "flagged", "hubei_score"), [("129", False, "40.00"), ("130", True, "38.00"), ("200", True, "38.00")])
def test_overshoot_is_flagged_and_deducted_where_the_profile_says(actual, flagged, hubei_score):
    one = sheet(("产出指标", "A", "≥100个"), ("效益指标", "C", "≥1个"))
    data = evaluation("100", {"actual": actual}, {"actual": "1"})
    central, hubei = (score_sheet(one, data, profile(name)).items[1] for name in ("central", "hubei"))
    assert bool(central.flags) is flagged and bool(hubei.flags) is flagged
    # Both shipped profiles keep the deduction off: no public source confirms it (issue 12).
    assert central.score == central.weight and hubei.score == hubei.weight == D("40.00")
    deducted = score_sheet(one, data, profile("hubei", overshoot_deduction=True)).items[1]
    assert deducted.score == D(hubei_score)
    assert ("按地方规则（测试用的地方文件）扣 2 分" in deducted.explanation) is flagged
    switched = score_sheet(one, data, profile("central", overshoot_deduction=True)).items[1]
    assert switched.score == (central.weight - 2 if flagged else central.weight)


def test_overshoot_of_a_lower_is_better_target_is_flagged():
    result = score_sheet(sheet(("产出指标", "B", "≤10天")), evaluation("100", {"actual": "7"}), profile("central"))
    assert result.items[1].flags and "30.00%" in result.items[1].flags[0]


@pytest.mark.parametrize(("spent", "capped_at"), [
    ("80", None), ("79.99", "89"), ("70", "89"), ("69.99", "79"), ("60", "79"), ("59.99", "69"), ("50", "69"), ("49.99", "59"),
])
def test_total_capped_by_execution_rate_in_hubei(spent, capped_at):
    one = sheet(("产出指标", "A", "≥1个"), ("效益指标", "C", "≥1个"))
    data = evaluation(spent, {"actual": "1"}, {"actual": "1"})
    hubei = score_sheet(one, data, profile("hubei", execution_cap=True))
    assert not score_sheet(one, data, profile("hubei")).adjustments  # off unless a source is cited
    subtotal = (80 + 20 * D(spent) / 100).quantize(D("0.01"))
    assert hubei.subtotal == subtotal
    if capped_at is None:
        assert hubei.total == subtotal and not hubei.adjustments
    else:
        assert hubei.total == D(capped_at) and "按地方规则（测试用的地方文件）总分不超过" in hubei.adjustments[0].explanation
    central = score_sheet(one, data, profile("central"))
    assert not central.adjustments  # the cap is off in the central profile
    assert bool(score_sheet(one, data, profile("central", execution_cap=True)).adjustments) is (capped_at is not None)


def test_execution_score_never_exceeds_the_weight_when_overspent():
    result = score_sheet(FOUR, evaluation("120", *FOUR_RESULTS), profile("central"))
    assert result.execution_rate == D("120.00") and result.items[0].score == D("10.00")


@pytest.mark.parametrize(("total", "grade"), [("90", "优"), ("89.99", "良"), ("80", "良"), ("79.99", "中"), ("60", "中"), ("59.99", "差")])
def test_grades(total, grade):
    assert profile("central").grade(D(total)) == grade and profile("hubei").grade(D(total)) == grade


def test_deviation_required_for_every_indicator_short_of_full_marks():
    data = evaluation("90", *FOUR_RESULTS)
    data.results[0].deviation = None  # A: 20 of 25
    data.results[1].deviation = None  # B: full marks, no explanation needed
    result = score_sheet(FOUR, data, profile("central"))
    (problem,) = result.missing
    assert problem.indicator == 1 and problem.field == "偏差原因分析及改进措施" and "“A”" in problem.message


def test_problems_preventing_a_score_are_all_reported():
    data = evaluation("90", {}, {"actual": "1"}, {"actual": "3"}, {"actual": "95"})
    data.spent = None
    with pytest.raises(ScoringInputError) as raised:
        score_sheet(FOUR, data, profile("central"))
    fields = [(p.indicator, p.field) for p in raised.value.problems]
    assert fields == [(None, "全年执行数"), (1, "实际完成值"), (3, "定性档次")]
    assert "“明显提升”不是数值" in raised.value.problems[2].message


def test_indicator_outside_every_weight_group_and_renamed_indicator_are_reported():
    odd = sheet(("产出指标", "A", "≥1个"))
    odd.indicators[0].level1 = None
    odd.indicators[0].level1_raw = "其他指标"
    with pytest.raises(ScoringInputError) as raised:
        score_sheet(odd, evaluation("1", {"actual": "1"}), profile("central"))
    assert "“其他指标”不在评分方案" in raised.value.problems[0].message
    renamed = evaluation("1", {"actual": "1", "name": "别的指标"})
    with pytest.raises(ScoringInputError) as raised:
        score_sheet(sheet(("产出指标", "A", "≥1个")), renamed, profile("central"))
    assert "写作“别的指标”" in raised.value.problems[0].message


def test_cost_indicators_of_the_2021_framework_count_as_output():
    result = score_sheet(sheet(("成本指标", "单位成本", "≤100元")), evaluation("100", {"actual": "100"}), profile("central"))
    assert result.items[1].weight == D("83.33") and result.total == D("100.00")


def test_the_explanations_are_templates_whose_figures_are_data():
    # one value, one shape: the working is stored and sent as a template and its figures, rendered late
    result = score_sheet(FOUR, evaluation("90", *FOUR_RESULTS), profile("central"))
    execution, a = result.items[0], result.items[1]
    working, a_working = execution.explanation_wording, a.explanation_wording
    assert working.params["spent"] == D(90) and "{spent}" in working.template
    (slot,) = [key for key, value in a_working.params.items() if value == D("20.00") and key.endswith("score")]
    assert a_working.template.endswith(f"= {{{slot}}}") and a.explanation.endswith("= 20.00")
    assert [key for key, value in result.explanation_wording.params.items() if value == "良"] == ["part_2_grade"]
    assert "等级：{part_2_grade}" in result.explanation_wording.template
    for shown in (execution, a, result):
        sent = shown.model_dump(mode="json")
        again = type(shown).model_validate(sent)
        assert again.explanation == shown.explanation and again.explanation_wording.params == sent[
            "explanation_wording"]["params"]


def test_the_flags_notes_and_problems_are_templates_whose_figures_are_data():
    result = score_sheet(FOUR, evaluation("120", *FOUR_RESULTS), profile("central"))
    (flag,) = result.items[0].flag_wordings
    assert flag.params["spent"] == D(120) and "{spent}" in flag.template and result.items[0].flags == [flag.message]
    assert "全年执行数 120 超过全年预算数 100" in flag.message
    data = evaluation("90", *FOUR_RESULTS)
    data.results[0].deviation = None
    (problem,) = score_sheet(FOUR, data, profile("central")).missing
    assert problem.params == {"title": "测试项目", "name": "A"} and "“{name}”" in problem.template
    again = type(result).model_validate(result.model_dump(mode="json"))
    assert again.items[0].flags == result.items[0].flags and again.notes == result.notes


@pytest.mark.parametrize(("model", "stored", "shown"), [
    # as jixiao kept them before they kept their templates: the text alone, braces and all
    (InputProblem, {"sheet": "P-1", "indicator": 2, "message": "项目“{A}”缺少全年执行数"}, "项目“{A}”缺少全年执行数"),
    (ItemScore, {"level1": "产出指标", "name": "A", "target": "≥1个", "actual": "2个", "weight": "25", "score": "25",
                 "explanation": "分值 = 25", "flags": ["实际值超出目标 100.00%"]}, "分值 = 25｜实际值超出目标 100.00%"),
])
def test_a_value_stored_with_its_text_alone_reads_as_that_text(model, stored, shown):
    value = model.model_validate(stored)
    assert "｜".join([getattr(value, "message", None) or value.explanation, *getattr(value, "flags", [])]) == shown
    kept = [value] if model is InputProblem else [*value.flag_wordings]
    assert [message.params for message in kept] == [{}]  # each a template of no slots


def test_a_score_stored_with_its_notes_as_texts_reads_them():
    result = score_sheet(FOUR, evaluation("90", *FOUR_RESULTS), profile("central")).model_dump(mode="json")
    stored = {key: value for key, value in result.items() if key not in {"note_wordings", "explanation_wording"}}
    loaded = SheetScore.model_validate({**stored, "notes": ["权重合计 {90}"]})
    assert loaded.notes == ["权重合计 {90}"] and loaded.explanation == result["explanation"]
