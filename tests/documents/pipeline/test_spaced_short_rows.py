"""A grid printed in columns separated by runs of spaces (text taken out of a PDF or an .xls, layout family 3), whose
rows under a merged 一级指标 cell lost that cell: the row's cells shift left and may stand under other headings than
their own (``时效指标`` under 一级指标, the target under 三级指标). A figure there was always seen as shifted; a date, a
deadline or a target in words (2021年12月31日前, 12月底前, 按时完成) was read by position, the 二级 name taken as the 一级,
the target as the name. Each case is a member of the family: other targets, other spacing, other columns after the
target; the same rows written with each cell kept in its column read the same (corpus_variants' pipes_to_columns)."""

from __future__ import annotations

import pytest

from jixiao.documents.pipeline import read_text

_HEADING = ["一级指标", "二级指标", "三级指标", "指标值"]
# the targets a 时效 or 质量 row sets that are no figure
_TARGETS = ["2021年12月31日前", "12月底前", "按时完成", "2022.12.31", "2023年6月底前完成", "合格", "≤2021年12月"]


def _rows(target: str, extra: list[str]) -> list[list[str]]:
    return [
        [*_HEADING, *extra],
        ["产出指标", "数量指标", "新建道路长度", "≥10公里", *(["一"] * len(extra))],
        ["时效指标", "完工时间", target, *(["二"] * len(extra))],
        ["效益指标", "社会效益指标", "受益人数", "≥5000人", *(["三"] * len(extra))],
    ]


def _spaced(rows: list[list[str]], gap: int) -> str:
    return "\n".join(
        ["项目支出绩效目标表", "项目名称" + " " * gap + "乡村道路建设", *((" " * gap).join(row) for row in rows)]
    )


@pytest.mark.parametrize("target", _TARGETS)
@pytest.mark.parametrize("gap", [2, 4, 6])
@pytest.mark.parametrize("extra", [[], ["备注"], ["指标解释", "备注"]])
def test_a_spaced_row_that_lost_its_merged_level1_cell_is_read_by_its_labels(target, gap, extra):
    document = read_text(_spaced(_rows(target, extra), gap).encode(), "case.txt")[0]
    assert [(i.level1, i.level2, i.name, i.target.raw) for i in document.sheets[0].indicators] == [
        ("产出指标", "数量指标", "新建道路长度", "≥10公里"),
        ("产出指标", "时效指标", "完工时间", target),
        ("效益指标", "社会效益指标", "受益人数", "≥5000人"),
    ]
    # (the 二级 name is not read as a 一级 the framework does not know)
    assert not [d for d in document.diagnostics if d.code in ("P104", "P105")]


# corpus 300's form (an .xlsx preview copied as text): 指标性质 left empty on every row, the empty cell lost with the
# spaces around it, so each row is a cell short: its figure is the target, not an operator, an amount or a weight
_OPERATOR_LEFT_EMPTY = """绩效目标表
项目名称: 食品安全工作经费
一级指标 二级指标 三级指标 指标性质 指标值 度量单位 权重(%)
产出指标 成本指标 检查差旅费 470 人/天 2
产出指标 时效指标 完成时限 1 5
产出指标 数量指标 召开食品安委会全体会议 2 15
产出指标 质量指标 食安委成员单位食品安全工作齐抓共管 100 % 10
"""


def test_a_row_without_its_empty_operator_cell_keeps_its_target_unit_and_weight():
    (sheet,) = read_text(_OPERATOR_LEFT_EMPTY.encode(), "300.txt")[0].sheets
    assert [(i.name, i.target.raw, i.unit_column_raw, i.weight) for i in sheet.indicators] == [
        ("检查差旅费", "470", "人/天", 2), ("完成时限", "1", None, 5), ("召开食品安委会全体会议", "2", None, 15),
        ("食安委成员单位食品安全工作齐抓共管", "100", "%", 10)]


def test_a_weight_wrapped_onto_the_line_below_its_row_is_that_rows_weight():
    # corpus 300: the qualitative rows' weights stand on lines of their own below them (the cell wrapped when the
    # spreadsheet was copied as text); a figure below a row that has its weight, or in a table printing none, is not
    text = _OPERATOR_LEFT_EMPTY + "效益指标 社会效益指标 食品安全整体状况 定性 高中低\n10\n"
    document = read_text(text.encode(), "300.txt")[0]
    last = document.sheets[0].indicators[-1]
    assert (last.name, last.target.raw, last.weight) == ("食品安全整体状况", "高中低", 10)
    assert [(d.code, d.location.line, d.message) for d in document.diagnostics if d.code == "P187"] == [
        ("P187", 9, "本行只有一个数字“10”，按上一行指标“食品安全整体状况”的权重(%)读取")]
    spaced = text.replace("高中低\n10", "高中低\n\n10")  # a blank line between (the row still the last read)
    assert read_text(spaced.encode(), "300.txt")[0].sheets[0].indicators[-1].weight == 10
    below_weighted = _OPERATOR_LEFT_EMPTY + "效益指标 社会效益指标 食品安全整体状况 定性 高中低 10\n5\n"
    (sheet,) = read_text(below_weighted.encode(), "300.txt")[0].sheets
    assert sheet.indicators[-1].weight == 10
