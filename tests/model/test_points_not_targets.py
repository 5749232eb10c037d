"""The shape of a column of points typed where the targets go (the review's JX202 and the audit's JXA26 ask it)."""

from decimal import Decimal

import pytest

from jixiao.model import parse_target, points_not_targets


@pytest.mark.parametrize(("raw", "figure"), [
    ("20", Decimal(20)), ("12.5", Decimal("12.5")), (" 10 ", Decimal(10)),
    ("≥20", None), ("20%", None), ("20个", None), ("20分以上完成", None), ("全覆盖", None), ("", None),
])
def test_a_bare_figure_is_a_number_and_nothing_else(raw, figure):
    assert parse_target(raw).bare_figure == figure


@pytest.mark.parametrize(("cells", "apart", "points"), [
    # corpus 207: seven rows of 分值 in the 指标值 column, 100 in all
    (["20", "20", "10", "10", "10", "10", "20"], 0, True),
    # the 预算执行率's 10 printed apart: the indicators' 90
    (["30", "30", "20", "10"], 10, True),
    (["30", "30", "20", "10"], 0, False),
    (["12.5", "12.5", "25", "50"], 0, True),
    # real targets without their units do not add to 100 by chance
    (["18", "95", "3"], 0, False),
    # an operator or a unit makes a target, whatever the sum
    (["≥20", "20", "60"], 0, False),
    (["20%", "20", "60"], 0, False),
    ([], 0, False),
])
def test_bare_figures_adding_to_a_forms_points_are_points_not_targets(cells, apart, points):
    assert points_not_targets([parse_target(cell) for cell in cells], apart=Decimal(apart)) is points
