"""Properties over generated sheets: a score never exceeds its weight, the total stays within 0–100."""

from decimal import Decimal as D

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.model import QualitativeTier
from jixiao.scoring import score_sheet
from tests.scoring.builders import evaluation, profile, sheet

numbers = st.decimals(min_value=0, max_value=100_000, places=2, allow_nan=False, allow_infinity=False)
TARGETS = ["≥{}个", "≤{}天", "={}%", "{}-{}%", "≥{}%", "明显提升"]


@st.composite
def cases(draw):
    rows, results = [], []
    for index in range(draw(st.integers(min_value=1, max_value=8))):
        level1 = draw(st.sampled_from(["产出指标", "效益指标", "满意度指标", "成本指标"]))
        shape = draw(st.sampled_from(TARGETS))
        low = draw(st.integers(min_value=0, max_value=500))
        target = shape.format(low, low + draw(st.integers(min_value=0, max_value=50)))
        weight = str(draw(st.integers(min_value=1, max_value=30))) if draw(st.booleans()) else None
        rows.append(("产出指标" if level1 == "成本指标" else level1, f"指标{index}", target, weight))
        if draw(st.integers(min_value=0, max_value=5)) == 0:
            results.append({"not_applicable": True})
        elif shape == "明显提升" or draw(st.integers(min_value=0, max_value=4)) == 0:
            tier = draw(st.sampled_from(list(QualitativeTier)))
            results.append({"tier": tier, "tier_reason": "理由", "tier_percent": None, "_band": tier})
        else:
            results.append({"actual": str(draw(numbers))})
    return rows, results, str(draw(numbers)), draw(st.sampled_from(["central", "hubei"])), draw(st.booleans())


@settings(max_examples=300, deadline=None)
@given(cases(), st.data())
def test_scores_stay_within_their_weights_and_the_total_within_0_to_100(case, data):
    rows, results, spent, name, rules_on = case
    chosen = profile(name, overshoot_deduction=rules_on, execution_cap=rules_on)
    for result in results:
        tier = result.pop("_band", None)
        if tier is not None:
            band = chosen.band(tier)
            result["tier_percent"] = data.draw(st.decimals(min_value=band.low, max_value=band.high, places=2))
    scored = score_sheet(sheet(*rows), evaluation(spent, *results), chosen)
    for item in scored.items:
        assert item.score is None or D(0) <= item.score <= item.weight
    assert D(0) <= scored.total <= D(100)
    assert sum(item.weight for item in scored.items) - 100 <= D("0.01") * len(scored.items)
