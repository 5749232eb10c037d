"""What the independent hand check of the scoring found (issue 12), each pinned by a hand-worked case."""

from decimal import Decimal as D

import pytest

from jixiao.model import QualitativeTier
from jixiao.scoring import ProfileError, score_sheet
from jixiao.scoring.profile import load_profile, parse_profile
from tests.scoring.builders import evaluation, profile, sheet

CENTRAL = profile("central")


def test_a_tier_never_replaces_the_ratio_of_a_quantitative_indicator():
    # 15 of 18 villages: 25 × 15/18 = 20.83, not 25 × 90% because 达成预期指标 was also chosen.
    one = sheet(("产出指标", "整治村数", "≥18个"), ("效益指标", "C", "≥1个"))
    chosen = {"actual": "15", "actual_raw": "15个", "tier": QualitativeTier.MET, "tier_percent": D(90),
              "tier_reason": "基本完成"}
    item = score_sheet(one, evaluation("100", chosen, {"actual": "1"}), CENTRAL).items[1]
    # 产出 50 and 效益 30 with 执行 10 take part: × 100/90; 55.56 × 15 ÷ 18 = 46.30 (90% would give 50.00)
    assert (item.weight, item.score, item.actual) == (D("55.56"), D("46.30"), "15个")
    assert "定性档次“达成预期指标”不适用" in item.explanation


def test_spending_beyond_the_budget_is_flagged_though_scored_full():
    result = score_sheet(sheet(("产出指标", "A", "≥1个")), evaluation("120", {"actual": "1"}), CENTRAL)
    execution = result.items[0]
    assert execution.score == execution.weight and "不得突破" in execution.flags[0] and "120.00%" in execution.flags[0]


@pytest.mark.parametrize(("actual", "share"), [("0", "100.00"), ("0.5", "95.00"), ("7", "30.00")])
def test_a_ceiling_beaten_is_flagged_as_loose_and_never_deducted(actual, share):
    # ≤10万元 spent 0, 0.5 or 7: the same kind of saving, treated alike; the deduction is for ≥ targets only.
    one = sheet(("产出指标", "成本", "≤10万元"))
    item = score_sheet(one, evaluation("100", {"actual": actual}), profile("central", overshoot_deduction=True)).items[1]
    assert item.score == item.weight and item.flags == [
        f"实际值比上限低 {share}%（提示线 30%）：上限可能定得过松，请人工复核"]
    assert "反向指标（越低越好）" in item.explanation and "扣" not in item.explanation


def test_a_cap_threshold_is_not_hidden_by_rounding():
    one = sheet(("产出指标", "A", "≥1个"), ("效益指标", "C", "≥1个"))
    result = score_sheet(one, evaluation("79.996", {"actual": "1"}, {"actual": "1"}), profile("hubei", execution_cap=True))
    explanation = result.adjustments[0].explanation
    assert "执行率 79.996% 低于 80%" in explanation and "总分不超过 89.00 分" in explanation


def test_a_local_rule_cannot_be_switched_on_without_its_source():
    text = (__import__("importlib.resources", fromlist=["files"]).files("jixiao.scoring")
            .joinpath("profiles/hubei.toml").read_text(encoding="utf-8"))
    switched = text.replace("[rules.execution_cap]\nenabled = false", "[rules.execution_cap]\nenabled = true")
    with pytest.raises(ProfileError, match="注明依据"):
        parse_profile(switched, "hubei-local.toml")
    cited = switched.replace('enabled = true  # 未找到依据，见文件开头\nlocal = true\nsource = ""',
                             'enabled = true\nlocal = true\nsource = "某市财政局关于自评的通知（某财绩〔2024〕1号）"')
    assert parse_profile(cited, "hubei-local.toml").rules.execution_cap.enabled


def test_how_a_level_weight_is_shared_is_a_profile_setting():
    # 产出 50 over three indicators: A and B under 数量指标, C under 质量指标.
    rows = [("产出指标", "A", "≥1个"), ("产出指标", "B", "≥1个"), ("产出指标", "C", "≥1个")]
    one = sheet(*rows)
    one.indicators[2].level2 = "质量指标"
    done = evaluation("100", {"actual": "1"}, {"actual": "1"}, {"actual": "0"})
    per_indicator = score_sheet(one, done, CENTRAL)
    by_level2 = score_sheet(one, done, CENTRAL.model_copy(update={"sharing": CENTRAL.sharing.model_copy(
        update={"within": "level2"})}))
    # 产出 50 and 执行 10 take part: × 100/60. Per indicator 50 ÷ 3; by 二级 50 ÷ 2 ÷ 2 for A and B, 50 ÷ 2 for C.
    assert [i.weight for i in per_indicator.items[1:]] == [D("27.78")] * 3
    assert [i.weight for i in by_level2.items[1:]] == [D("20.83"), D("20.83"), D("41.67")]
    assert per_indicator.total != by_level2.total
    assert "2 个二级指标" in by_level2.items[3].explanation


def test_rounded_items_that_do_not_add_up_say_why():
    three = sheet(("产出指标", "A", "≥3个"), ("产出指标", "B", "≥3个"), ("产出指标", "C", "≥3个"))
    result = score_sheet(three, evaluation("100", {"actual": "1"}, {"actual": "1"}, {"actual": "1"}), CENTRAL)
    shown = sum(i.score for i in result.items)
    assert shown != result.total and any("四舍五入后的显示值" in n for n in result.notes)


@pytest.mark.parametrize("name", ["central", "hubei"])
@pytest.mark.parametrize("part", ["floors", "ahead_of_plan"])
def test_a_local_monitoring_rule_is_off_until_cited(name, part):
    text = (__import__("importlib.resources", fromlist=["files"]).files("jixiao.scoring")
            .joinpath(f"profiles/{name}.toml").read_text(encoding="utf-8"))
    assert not getattr(load_profile(name).monitoring, part).enabled
    switched = text.replace(f"[monitoring.{part}]\nenabled = false", f"[monitoring.{part}]\nenabled = true")
    assert switched != text
    with pytest.raises(ProfileError, match="注明依据"):
        parse_profile(switched, f"{name}-local.toml")


@pytest.mark.parametrize("name", ["central", "hubei"])
def test_no_shipped_profile_applies_an_uncited_local_rule(name):
    shipped = load_profile(name)
    parts = [*vars(shipped.rules).values(), *vars(shipped.monitoring).values()]
    assert [part for part in parts if part.enabled and part.local and not getattr(part, "source", "").strip()] == []
