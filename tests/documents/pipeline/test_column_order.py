"""Forms differ in the order of their indicator columns (the value before the name, the 二级指标 after the 三级指标):
the heading row says which column is which, and rows are read by it, not by the usual positions."""

from __future__ import annotations

import pytest

from jixiao.documents.pipeline import read_text

_ROWS = {
    "value_first": ["| 一级指标 | 二级指标 | 指标值 | 三级指标 |", "| 产出指标 | 数量指标 | ≥18公里 | 建设完成的农村公路里程数 |",
                    "| ≥20个 | 新建桥梁 |", "| 效益指标 | 社会效益指标 | ≥1200人 | 受益人数 |"],
    "level2_after_name": ["| 一级指标 | 三级指标 | 二级指标 | 指标值 |", "| 产出指标 | 建设完成的农村公路里程数 | 数量指标 | ≥18公里 |",
                          "| 新建桥梁 | ≥20个 |", "| 效益指标 | 受益人数 | 社会效益指标 | ≥1200人 |"],
}


@pytest.mark.parametrize("form", list(_ROWS))
@pytest.mark.parametrize("spaced", [False, True])
def test_rows_follow_the_headings_order_also_where_merged_cells_are_absent(form, spaced):
    lines = _ROWS[form]
    if spaced:  # (runs of spaces between the cells: no grid column to place a short row by)
        lines = [line.strip("| ").replace(" | ", "    ") for line in lines]
    document = read_text("\n".join(["项目支出绩效目标表", *lines]).encode(), "case.txt")[0]
    assert [(i.level1, i.level2, i.name, i.target.raw) for i in document.sheets[0].indicators] == [
        ("产出指标", "数量指标", "建设完成的农村公路里程数", "≥18公里"), ("产出指标", "数量指标", "新建桥梁", "≥20个"),
        ("效益指标", "社会效益指标", "受益人数", "≥1200人")]
    # (no cell of the short row, its levels absent, is left out of every column)
    assert [d.location.line for d in document.diagnostics if d.code == "P113"] == []
