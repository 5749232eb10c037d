"""A 一级 label carrying its points (效益指标(30分)) is read as the level's cell wherever a copy puts it: its points
alone on a line, the name lost (corpus 206), or broken over a row's value cells by a scrambled text (corpus 161): no
piece of it becomes an indicator, a target, an actual or points, and the label is kept as written."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.documents import read_path
from jixiao.documents.interpret.goals_block import is_goals_word
from jixiao.documents.pipeline import read_text
from jixiao.documents.pipeline.labels import level_label_in
from jixiao.scoring.audit import audit_sheet
from jixiao.scoring.profile import load_profile

DOCS = Path(__file__).parents[2] / "corpus" / "docs"


def _read(prefix: str):
    return read_path(next(DOCS.glob(f"{prefix}_*.txt")))


@pytest.mark.parametrize(("cells", "found"), [
    (["(30分)"], ([0], [], "(30分)")),  # the points alone, the name lost
    (["效益指标（30分）"], ([0], [], "效益指标（30分）")),
    (["满意度指标", "(10分)"], ([0, 1], [], "满意度指标(10分)")),
    (["配套资金每人每年", "效益指", "标(30", "分)", "年度"], ([1, 2, 3], [], "效益指标(30分)")),
    (["(50分", ")", "实际", "8755"], ([0, 1], [], "(50分)")),
    (["30分)"], ([0], [], "30分)")),  # (corpus 169: the opening bracket lost, 分 and the closing one say it)
    # the level 2's piece 意度指标 between the points' brackets is enclosed, not taken
    (["是否满意", "(10分", "意度指标", ")"], ([1, 3], [2], "(10分)")),
    # bracketed figures that are no level's points
    (["培训(30", ")"], None), (["(1)"], None), (["(30", ")"], None), (["产出数量(30分)"], None), (["≥95%"], None),
    (["30)"], None), (["培训30分)"], None),
])
def test_a_level_label_with_its_points_is_found_among_a_rows_cells(cells, found):
    assert level_label_in(cells) == found


def test_a_blocks_label_with_its_points_is_found_when_the_form_names_it():
    cells = ["年度", "绩效", "目标", "(80\n分)"]
    assert level_label_in(cells) == ([3], [], "(80\n分)")  # points alone to the vocabulary of levels
    assert level_label_in(cells, is_goals_word) == ([0, 1, 2, 3], [], "年度绩效目标(80\n分)")


def test_points_alone_on_their_line_are_the_level_cell_of_the_rows_below():
    # 206: 济南历城 自评表, the 效益指标 label lost but for (30分) on a line of its own
    document = _read("206")
    [sheet] = document.sheets
    assert "(30分)" not in [indicator.name for indicator in sheet.indicators]
    below = next(indicator for indicator in sheet.indicators if indicator.level2 == "经济效益指标")
    assert (below.level1, below.level1_raw) == ("效益指标", "(30分)")
    assert not [d for d in document.diagnostics if d.code == "P104"]  # the points name no level to check


def test_a_label_broken_over_a_rows_values_is_the_levels_cell_not_its_values():
    # 161: 稷山县 自评表, an .xlsx's text on one line, the merged labels' pieces among the rows' figures
    document = _read("161")
    [sheet] = document.sheets
    cells = {text for indicator in sheet.indicators
             for text in (indicator.name, indicator.target.raw, indicator.weight_raw, *indicator.extra.values()) if text}
    assert not cells & {"(50分", ")", "效益指", "标(30", "分)", "(10分"}
    # the last rows' names, printed after their figures with the labels broken around them, take the levels whose
    # pieces stand before each (效益指 | 标(30 | 分): 效益指标)
    assert [indicator.level1_raw for indicator in sheet.indicators if indicator.level1_raw] == [
        *["产出指标(50分)"] * 4, "效益指标", "满意度指标"]
    # the figures after the 产出 label's points are the first row's, whose name stands before the label; 实际 is the
    # first line of the heading 实际完成值, and nothing is set aside
    first = sheet.indicators[0]
    assert (first.name, first.target.raw, first.extra["实际完成值"], first.extra["得分"]) == ("全县参合人数", "8755", "8676", "13")
    assert not [d for d in document.diagnostics if d.code == "P108"]
    # nothing of the labels is audited as a row's figures; the rows' own are (27 of 30 and 9 of 10 at 95% of 95%,
    # with no deviation reason: the reviewer's flags)
    findings = audit_sheet(sheet, load_profile("central"))
    names = ("是否解决建档立卡人员看病难贵问题", "是否满意")
    assert {(f.rule, name) for f in findings for name in names if f"“{name}”" in f.message} == {
        (rule, name) for rule in ("JXA03", "JXA10") for name in names}
    assert not any(piece in f.message for f in findings for piece in ("(50分", "效益指", "标(30", "(10分"))


def test_a_blocks_label_on_a_row_of_its_own_is_set_aside():
    # 205: 年度 | 绩效 | 目标 | (80分), the 年度绩效目标 block's label broken over a row's cells
    document = _read("205")
    assert "年度" not in [indicator.name for sheet in document.sheets for indicator in sheet.indicators]
    [aside] = [d for d in document.diagnostics if d.code == "P108" and d.set_aside[:3] == ("年度", "绩效", "目标")]
    assert aside.location.row == 22  # (项目类别, 项目属性, 项目类型 are rows of their own before it)


def test_a_levels_points_that_lost_their_opening_bracket_are_its_cell_not_a_row():
    # 169: 零陵区林业局 自评表, one cell a line with blank lines between: 效益指标 | 30分) | 经济效 | 益指标 | …
    cells = ["一级指标", "二级指标", "三级指标", "年度", "指标值", "实际", "完成值", "分值", "得分", "产出指标", "(50)",
             "数量", "指标", "造林面积", "1.2万亩", "1.2万亩", "10", "10", " ", "效益指标", "30分) ", "经济效", "益指标",
             "木材销售收入", "1100万元", "1093万元", "6", "5", " ", "林产品收入", "2.6亿元", "2.45亿元", "6", "5"]
    document, accounting = read_text("\n\n".join(cells).encode(), "case.txt")
    assert [(i.level1, i.level2, i.name, i.target.raw) for i in document.sheets[0].indicators] == [
        ("产出指标", "数量指标", "造林面积", "1.2万亩"),
        ("效益指标", "经济效益指标", "木材销售收入", "1100万元"),
        ("效益指标", "经济效益指标", "林产品收入", "2.6亿元")]
    assert accounting.tokens == accounting.placed + accounting.diagnosed + accounting.chrome
