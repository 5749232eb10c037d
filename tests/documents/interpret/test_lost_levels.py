"""Levels a table printed apart from its rows, restored from the rows' names (:mod:`jixiao.documents.interpret.lost_levels`)."""

from __future__ import annotations

from jixiao.documents.interpret.lost_levels import restored_levels
from jixiao.documents.pipeline import read_text

_PRINTED = {"数量指标", "质量指标", "时效指标"}


def test_names_anchor_their_printed_level_and_fill_the_rows_of_one_group():
    levels = [None, None, None, None, None, None, "社会效益指标"]
    names = ["培训班次", "学员人数", "培训合格率", "教材质量", "经费执行率", "补助发放及时性", "学员就业率"]
    assert restored_levels(levels, names, _PRINTED) == [
        (0, "数量指标", None),  # before the first anchor, itself 数量指标: nothing stands before that group
        (1, "数量指标", "人数"),
        (2, "质量指标", "合格率"),
        (3, "质量指标", "质量"),
        # 经费执行率 between 质量 and 时效 rows: either group, so none
        (5, "时效指标", "及时"),
    ]


def test_rows_before_a_first_anchor_of_another_group_stay_without_a_level():
    levels = [None, None, "社会效益指标"]
    assert restored_levels(levels, ["经费执行率", "培训合格率", "学员就业率"], _PRINTED) == [(1, "质量指标", "合格率")]


def test_a_table_without_levels_or_without_printed_ones_restores_none():
    names = ["培训人数", "培训合格率"]
    # the table prints no level anywhere (指标名称 | 计量单位 | 指标值): it has none to lose
    assert restored_levels([None, None], names, _PRINTED) == []
    # the copy dropped the rows' level cells and printed no level name apart: nothing to restore
    assert restored_levels([None, None, "社会效益指标"], [*names, "就业率"], set()) == []
    # a name holding two groups' words anchors neither
    assert restored_levels([None, "社会效益指标"], ["培训人数合格率"], _PRINTED) == []


# a PDF's text flow of a self-evaluation form (corpus 205's family): the rows of the 产出指标 group first, their merged
# level cells printed after every row (二级指标 数量指标 … 时效指标 … 质量指标), the 效益 rows carrying theirs
_FLOW = ("2021 年市级培训经费项目自评表 项目名称 2021 年市级培训经费 三级指标 年初目标值 (A) 实际完成值 (B) 得分 "
         "培训班次(期) 12 12 10 培训学员(人) 400 420 10 培训学员人数 300 300 10 培训教材质量 教材符合大纲 教材符合大纲 10 "
         "培训经费执行率 90% 100% 10 补助发放及时性 98%以上 100% 10 社会效益 指标 学员就业情况 学员就业率提高 学员就业率提高 "
         "可持续影 响指标 二级指标 数量指标 年度 绩效 目标 (80 分) 产出指标 (60 分) 时效指标 效益指标 (40 分) 总分 质量指标 20 100\n")


def test_a_pdf_flow_takes_the_levels_printed_after_its_rows_and_says_it_guessed():
    document = read_text(_FLOW.encode(), "case.txt")[0]
    indicators = document.sheets[0].indicators
    assert [(indicator.name, indicator.level1, indicator.level2) for indicator in indicators[:6]] == [
        ("培训班次(期)", "产出指标", "数量指标"),
        ("培训学员(人)", "产出指标", "数量指标"),
        ("培训学员人数", "产出指标", "数量指标"),
        ("培训教材质量", None, None),  # 质量指标 was printed after the table's total, outside its rows
        ("培训经费执行率", None, None),
        ("补助发放及时性", "产出指标", "时效指标"),
    ]
    assert all(indicators[at].confidence < 1 for at in (0, 1, 2, 5))
    (guess,) = [d for d in document.diagnostics if d.code == "P185"]
    assert guess.location.row == indicators[0].row
    assert guess.params["count"] == "4"
    assert "“补助发放及时性”读作时效指标（名称中有“及时”）" in guess.message
