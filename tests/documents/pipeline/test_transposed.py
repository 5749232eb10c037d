"""Indicator tables printed turned over (the indicators as columns), on made-up cases of the shape of a
Guangdong 资金 form copied as text and of the same table in a grid."""

from __future__ import annotations

import pytest

from jixiao.documents.blocks import Cell, Layout, Row
from jixiao.documents.pipeline import read_layout, read_text


def read(*lines: str):
    return read_text("\n".join(lines).encode(), "case.txt")


def rows(document) -> list[tuple]:
    return [(i.name, i.target.operator, str(i.target.value), i.target.unit,
             i.long_term_target.raw if i.long_term_target else None)
            for sheet in document.sheets for i in sheet.indicators]


@pytest.mark.parametrize("lines", [
    # one cell per heading row, the names wrapped onto a second line, a long-term row after the year's
    ("绩效目标表", "三级指标 新建高校(校区) 工程质量达标率(%)", "开工率(%)", "年度目标值", "7 100% 100%",
     "实施周期目标值", "7 100% 100%"),
    # the values on the heading's own line
    ("绩效目标表", "三级指标 新建高校(校区) 工程质量达标率(%) 开工率(%)", "年度目标值 7 100% 100%",
     "实施周期目标值 7 100% 100%"),
])
def test_a_table_turned_over_is_read_one_indicator_per_column(lines):
    document, accounting = read(*lines)
    assert rows(document) == [("新建高校(校区)", None, "7", None, "7"),
                              ("工程质量达标率(%)", None, "100", "%", "100%"),
                              ("开工率(%)", None, "100", "%", "100%")]
    assert not accounting.unaccounted


def test_cells_beyond_the_names_count_are_reported_not_dropped():
    document, accounting = read("三级指标 新建高校(校区) 开工率(%)", "年度目标值", "7 100%",
                                "实施周期目标值", "7 100% 不断提升")
    assert [name for name, *_ in rows(document)] == ["新建高校(校区)", "开工率(%)"]
    reported = [d for d in document.diagnostics if d.code == "P108"]
    assert [d.message.rsplit("：", 1)[-1] for d in reported] == ["不断提升"]
    assert reported[0].location.line == 5
    assert not accounting.unaccounted


@pytest.mark.parametrize("lines", [
    # as many values as names are needed: a count that differs is no turned-over table
    ("三级指标 新建高校 开工率", "年度目标值", "7 100% 100%"),
    # the row after the names must open with the target heading
    ("三级指标 新建高校 开工率", "分值", "10 10"),
    # a name heading followed by headings is a header, not a turned-over table
    ("三级指标 指标值 分值", "年度目标值", "7 100% 100%"),
])
def test_lines_of_other_shapes_are_not_turned_over(lines):
    document, _ = read(*lines)
    assert not [i for sheet in document.sheets for i in sheet.indicators if i.name == "新建高校"]


def test_a_grid_turned_over_is_read_one_indicator_per_column():
    cells = [["三级指标", "新建高校(校区)", "开工率(%)"], ["年度目标值", "7", "100%"]]
    blocks = [Row([Cell(text, column) for column, text in enumerate(row)], table=1, row=index)
              for index, row in enumerate(cells, start=1)]
    document, accounting = read_layout(Layout("docx", blocks), "case.docx", "docx")
    assert [(name, value, unit) for name, _, value, unit, _ in rows(document)] == [
        ("新建高校(校区)", "7", None), ("开工率(%)", "100", "%")]
    assert not accounting.unaccounted
