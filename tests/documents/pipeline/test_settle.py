"""Fused figures settled by the table's own arithmetic (:mod:`jixiao.documents.pipeline.settle`): made-up rows of
layout family 4 (cells run together with no separator) in several provinces' forms. A run that reads several ways
is read the one way the table leaves, never a reading that is not among its candidates, and left unread (P154)
whenever more than one way, or none, is left."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.documents.pipeline import read_text
from jixiao.documents.pipeline.figures import Ambiguity, cut_tail
from jixiao.documents.pipeline.settle import (
    FILLED,
    MET_SCORED,
    SAME_SIZE,
    SUBTOTAL,
    TOTAL,
    WEIGHTS,
    Sums,
    TableRow,
    settle,
    weighed_figure,
)

_POINTS = ("weight", "score")


def _row(target: str, actual: str = "", weight: str = "", score: str = "", level1: str = "产出指标") -> TableRow:
    return TableRow(level1, {"target": target, "actual": actual, "weight": weight, "score": score})


def _fused(target: str, run: str, columns: tuple[str, ...], choices, level1: str = "产出指标", prefix: str = ""):
    return TableRow(level1, {"target": target}, Ambiguity(run, columns, tuple(choices), prefix))


def _tail(target: str, tail: str, level1: str = "产出指标") -> TableRow:
    """A row cut as the reader cuts it (the candidates are :func:`cut_tail`'s), its run left ambiguous."""
    cut = cut_tail(tail, target, ["actual", "weight", "score"])
    assert cut is not None and cut.ambiguous is not None
    return TableRow(level1, {"target": target, **dict(cut.cells)}, cut.ambiguous)


@pytest.mark.parametrize(("rows", "sums", "expected"), [
    # Hubei self-evaluation (实际完成值 | 分值 | 得分): 44 is 4 | 4 or 44 with no score; every other row scores
    ([_row("≥95%", "98%", "10", "10"), _row("≥90%", "92%", "5", "5"), _tail("=100%", "100%44")], Sums(),
     {2: (("4", "4"), (FILLED,))}),
    # a goal table (权重, no score column filled on any row): 33 is the weight alone, its score left empty
    ([_row("≥95%", "", "10"), _row("=11个", "", "20"), _fused("≥90%", "33", _POINTS, [("3", "3"), ("33",)])],
     Sums(), {2: (("33",), (FILLED,))}),
    # Anhui run-together target (年度指标值 | 实际完成值 | 分值 | 得分 after ≤): 4 | 4 | 10 | 10; 44 | 10 | 1 | 0 meets
    # its target yet scores 0, 4 | 410 is no actual of a target of 4
    ([_row("≥95%", "100%", "5", "5"), _row("9月前", "7月", "5", "5"),
      _fused("", "441010", ("target", "actual", *_POINTS),
             [("4", "4", "10", "10"), ("44", "10", "1", "0"), ("4", "410", "1", "0"), ("441", "0", "1", "0")], prefix="≤")],
     Sums(), {2: (("≤4", "4", "10", "10"), (SAME_SIZE, MET_SCORED))}),
    # Ningxia (分值 after the name, a block's points in its label): only 21 makes 产出指标(31分) add up
    ([_row("≥95%", "98%", "10", "10", level1="产出指标(31分)"),
      _fused("逐步提高", "1210", ("actual", *_POINTS), [("1", "21", "0"), ("12", "1", "0")], level1="产出指标(31分)"),
      _row("≥90%", "95%", "69", "69", level1="效益指标")],
     Sums(), {1: (("1", "21", "0"), (SUBTOTAL,))}),
    # a whole table whose money prints 预算执行率's 10 points: the rows' weights add up to 90
    ([_row("≥95%", "98%", "10", "10"), _fused("逐步提高", "1210", ("actual", *_POINTS), [("1", "21", "0"), ("12", "1", "0")]),
      _row("≥90%", "95%", "59", "59", level1="效益指标")],
     Sums(execution_weight=Decimal(10), complete=True), {1: (("1", "21", "0"), (WEIGHTS,))}),
    # Sichuan (完成值 | 得分, no weight column): the scores and the money's 10 add up to the printed total
    ([_row("≥95%", "98%", score="20"), _fused("逐步提高", "9510", ("actual", "score"), [("95", "10"), ("951", "0")])],
     Sums(total=Decimal(40), execution_score=Decimal(10), complete=True), {1: (("95", "10"), (TOTAL,))}),
    # the other rows do not agree on filling the score: a row fills every column (44 with no score is no reading)
    ([_row("≥95%", "98%", "10", "10"), _row("≥90%", "92%", "5"), _fused("≥90%", "33", _POINTS, [("3", "3"), ("33",)])],
     Sums(), {2: (("3", "3"), (FILLED,))}),
])
def test_a_run_is_read_the_one_way_the_table_leaves(rows, sums, expected):
    settled = settle(rows, sums)
    assert {index: (tuple(found.cells.values()), found.constraints) for index, found in settled.items()} == expected
    for index, found in settled.items():
        assert found.choice in rows[index].ambiguity.choices  # never a reading that is not a candidate


@pytest.mark.parametrize(("rows", "sums"), [
    # two rows of the same shape: nothing tells 1 | 21 from 12 | 1
    ([_row("≥95%", "98%", "10", "10"), _fused("逐步提高", "1210", ("actual", *_POINTS), [("1", "21", "0"), ("12", "1", "0")])],
     Sums()),
    # the table is cut inside the block: the label's points cannot be added up
    ([_row("≥95%", "98%", "10", "10", level1="产出指标(31分)"),
      _fused("逐步提高", "1210", ("actual", *_POINTS), [("1", "21", "0"), ("12", "1", "0")], level1="产出指标(31分)")],
     Sums()),
    # a total that no reading makes: the sums say nothing, and the rows alone do not settle it
    ([_row("≥95%", "98%", "10", "10"), _fused("逐步提高", "1210", ("actual", *_POINTS), [("1", "21", "0"), ("12", "1", "0")])],
     Sums(total=Decimal(99), complete=True)),
])
def test_a_run_the_table_leaves_open_is_not_settled(rows, sums):
    assert settle(rows, sums) == {}


_RUN_TOGETHER = "\n".join([
    "2022年度项目支出绩效自评表",
    "项目名称农村饮水安全巩固提升项目",
    "一级指标二级指标三级指标指标值实际完成值分值得分未完成原因分析",
    "产出指标数量指标新建供水工程≥12处13处1515",
    "质量指标水质达标率≥95%97%1010",
    "时效指标工程完工及时率=100%100%44",
    "效益指标社会效益指标受益人口≥1200120055",
    "满意度指标服务对象满意度指标受益群众满意度≥90%96%109",
])


def test_a_settled_row_is_placed_said_and_marked_inferred():
    document, _ = read_text(_RUN_TOGETHER.encode(), "case.txt")
    sheet = document.sheets[0]
    items = {sheet.indicators[item.indicator - 1].name: item for item in sheet.evaluation.items}
    assert (items["工程完工及时率"].weight, items["工程完工及时率"].score) == (Decimal(4), Decimal(4))
    assert (items["受益人口"].actual_raw, items["受益人口"].score) == ("1200", Decimal(5))
    settled = {d.location.line: d.message for d in document.diagnostics if d.code == "P156"}
    assert sorted(settled) == [6, 7]
    assert "“44”" in settled[6] and "分值4｜得分4" in settled[6] and FILLED in settled[6]
    assert "指标值≥1200｜实际完成值1200｜分值5｜得分5" in settled[7]
    assert not [d for d in document.diagnostics if d.code == "P154"]
    confidence = {indicator.name: indicator.confidence for indicator in sheet.indicators}
    assert confidence["工程完工及时率"] < confidence["水质达标率"] < 1


# The one reading of a figure the table's arithmetic weighs, the builder's too: a bare number, points written 10分;
# a figure with a unit (a rate, an amount) or words is none.
@pytest.mark.parametrize(("text", "figure"), [
    ("10", Decimal(10)), (" 4.5分 ", Decimal("4.5")), ("1,200", Decimal(1200)), ("１０", Decimal(10)),
    ("96%", None), ("18万元", None), ("达成", None), ("", None), (None, None),
])
def test_a_weighed_figure_is_a_bare_number_or_points(text, figure):
    assert weighed_figure(text) == figure


def test_a_table_whose_columns_do_not_hold_its_cells_settles_nothing():
    # the header names no points columns, yet its rows print points: cells no column holds (P113), so the runs'
    # readings are of the wrong columns and none is taken
    document, _ = read_text("\n".join([
        "项目支出绩效自评表",
        "一级指标二级指标三级指标年度指标值实际完成值",
        "产出指标数量指标建设村庄数量≥2002021010",
        "质量指标验收通过率≥95%100%55",
        "改造验收通过率≥95%100%55",
    ]).encode(), "case.txt")
    codes = [d.code for d in document.diagnostics]
    assert "P113" in codes and "P154" in codes and "P156" not in codes


def test_a_header_over_several_lines_run_together_settles_its_rows_runs():
    # an Anhui form extracted with no separators: the header's headings over three lines (the last a run of them),
    # targets whose figures run on into the actual and the points
    document, _ = read_text("\n".join([
        "部门整体支出绩效自评表",
        "一级指标二级指标三级指标年度 指标值",
        "实际 完成值",
        "分值得分偏差原因分析及改进措施",
        "产出指标数量指标指标1:示范村建设数量≤441010",
        "指标2:美丽宜居村庄数量≥2002021010",
        "质量指标指标1:村庄验收通过率≥95%100%55",
        "指标2:改厕验收通过率≥95%100%55",
    ]).encode(), "case.txt")
    sheet = document.sheets[0]
    assert [(i.target.raw, i.weight) for i in sheet.indicators] == [
        ("≤4", Decimal(10)), ("≥200", Decimal(10)), ("≥95%", Decimal(5)), ("≥95%", Decimal(5))]
    assert [(item.actual_raw, item.score) for item in sheet.evaluation.items] == [
        ("4", Decimal(10)), ("202", Decimal(10)), ("100%", Decimal(5)), ("100%", Decimal(5))]
    assert [d.location.line for d in document.diagnostics if d.code == "P156"] == [5, 6]
