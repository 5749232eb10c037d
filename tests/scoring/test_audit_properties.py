"""Properties of the audit's recomputation over printed self-evaluations as units print them (any weights, scores
and actuals, rows left blank, weights that do not add to 100): no recomputed row above its 分值 or below 0, the
recomputed total within 0–100, under both shipped profiles with their local rules on and off."""

from decimal import Decimal as D

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.scoring.audit import recompute
from tests.scoring.audit_sheets import printed
from tests.scoring.builders import profile

TARGETS = ["≥{}个", "≤{}天", "={}%", "{}-{}%", "{}%", "明显提升", ""]
LEVELS = [("产出指标", "数量指标"), ("效益指标", "社会效益指标"), ("满意度指标", "服务对象满意度指标")]
figures = st.decimals(min_value=0, max_value=100_000, places=2).map(str)
weights = st.one_of(st.none(), st.integers(min_value=0, max_value=60).map(str),
                    st.decimals(min_value=0, max_value=60, places=2).map(str))
scores = st.one_of(st.none(), st.decimals(min_value=0, max_value=100, places=1).map(str))


@st.composite
def printed_rows(draw):
    rows = []
    for index in range(draw(st.integers(min_value=1, max_value=8))):
        low = draw(st.integers(min_value=0, max_value=500))
        target = draw(st.sampled_from(TARGETS)).format(low, low + draw(st.integers(min_value=0, max_value=50)))
        actual = draw(st.one_of(st.just(""), st.just("完成"), st.just("不适用"), figures))
        rows.append((*draw(st.sampled_from(LEVELS)), f"指标{index}", target, actual, draw(weights), draw(scores)))
    return rows


@settings(max_examples=300, deadline=None)
@given(printed_rows(), st.sampled_from(["central", "hubei"]), st.booleans(), figures,
       st.one_of(st.none(), st.integers(min_value=0, max_value=30)), scores)
def test_recomputed_rows_stay_within_their_weights_and_the_total_within_0_to_100(
        rows, name, local_rules, spent, execution_weight, execution_score):
    chosen = profile(name, overshoot_deduction=local_rules, execution_cap=local_rules)
    sheet = printed(rows, budget=100, spent=spent, execution_weight=execution_weight,
                    execution_score=execution_score)
    recomputation = recompute(sheet, chosen)
    for item in recomputation.items:
        assert item.expected is None or D(0) <= item.expected <= item.weight, (item.name, item.formula)
    assert recomputation.expected_total is None or D(0) <= recomputation.expected_total <= D(100)
