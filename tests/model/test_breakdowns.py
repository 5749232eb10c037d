"""A scored row broken down into unscored parts below it (``GoalSheet.breakdowns``), as review and audit both take it:
which rows head parts and which rows are their parts."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.model import GoalSheet, Indicator, ReportedEvaluation, ReportedItem


def _sheet(rows, *, evaluated=True) -> GoalSheet:
    """``rows``: (level2, name, target, actual, weight, score); without ``evaluated`` the weights are the goal table's
    权重 and there is no printed 自评表."""
    indicators, items = [], []
    for number, (level2, name, target, actual, weight, score) in enumerate(rows, start=1):
        indicators.append(Indicator.from_cells(level1="产出指标", level2=level2, name=name, target=target,
                                               weight=None if evaluated or weight is None else str(weight),
                                               row=number + 10))
        items.append(ReportedItem(indicator=number, actual_raw=actual, weight=None if weight is None else Decimal(weight),
                                  score=None if score is None else Decimal(score), row=number + 10))
    return GoalSheet(indicators=indicators, evaluation=ReportedEvaluation(items=items) if evaluated else None)


# corpus 225 (杨楼社区特色种养殖补贴到户 2023): each ★ core row prints only 分值 and 得分, the rows under it the figures
YANGLOU = [("数量指标", "★补助各类粮食作物种植面积", "", "", 10, 10),
           ("数量指标", "红薯种植面积", "5.5亩", "5.5亩", None, None),
           ("数量指标", "★补助各类瓜果蔬菜种植面积", "", "", 10, 10),
           ("数量指标", "梨树种植面积", "6亩", "6亩", None, None),
           ("数量指标", "桃种植面积", "1亩", "1亩", None, None),
           ("质量指标", "★种植作物成活率", "", "", 10, 9)]


def test_core_rows_head_the_unscored_rows_below_them():
    assert _sheet(YANGLOU).breakdowns() == {1: [2], 3: [4, 5]}


def test_a_goal_tables_weight_makes_a_core_row_too():
    rows = [(level2, name, target, "", weight, None) for level2, name, target, _, weight, _ in YANGLOU]
    assert _sheet(rows, evaluated=False).breakdowns() == {1: [2], 3: [4, 5]}


@pytest.mark.parametrize(("head", "expected"), [
    (("数量指标", "★补助各类粮食作物种植面积", "", "", None, 10), {1: [2]}),  # a form printing only 得分
    (("数量指标", "★补助各类粮食作物种植面积", "/", "—", 10, 10), {1: [2]}),  # cells that say nothing are blank
    (("数量指标", "补助各类粮食作物种植面积", "≥6.5亩", "", 10, 10), {}),  # a row with its own 指标值
    (("数量指标", "补助各类粮食作物种植面积", "", "6.5亩", 10, 10), {}),  # a row with its own 实际完成值
    (("数量指标", "补助各类粮食作物种植面积", "", "", None, None), {}),  # an unscored row heads nothing
])
def test_a_head_is_a_scored_row_without_figures_of_its_own(head, expected):
    assert _sheet([head, ("数量指标", "红薯种植面积", "5.5亩", "5.5亩", None, None)]).breakdowns() == expected


@pytest.mark.parametrize(("rows", "expected"), [
    # the next 二级指标's unscored rows are blank rows of their own, not parts
    ([("质量指标", "种植作物成活率", "≥90%", "95%", None, None)], {}),
    # a scored row ends the parts
    ([("数量指标", "红薯种植面积", "5.5亩", "5.5亩", None, None), ("数量指标", "桃种植面积", "1亩", "1亩", 5, 5)],
     {1: [2]}),
    # so does an unscored row without a 指标值: the rows after it are no longer the head's
    ([("数量指标", "红薯种植面积", "5.5亩", "5.5亩", None, None), ("数量指标", "（空）", "", "", None, None),
      ("数量指标", "桃种植面积", "1亩", "1亩", None, None)], {1: [2]}),
])
def test_parts_run_in_the_heads_group_until_a_scored_or_empty_row(rows, expected):
    head = ("数量指标", "★补助各类粮食作物种植面积", "", "", 10, 10)
    assert _sheet([head, *rows]).breakdowns() == expected
