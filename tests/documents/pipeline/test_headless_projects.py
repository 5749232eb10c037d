"""A budget system's long export whose heading row is lost (:mod:`jixiao.documents.pipeline.inferred`): the
project's columns before the levels (单位名称 | 项目名称 | 预算数 | 年度目标) told by their cells, one sheet per project.
Made-up exports in the column orders of several provinces' systems."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.documents import read_bytes
from jixiao.documents.pipeline import read_text
from tests.documents.office_files import UP, xlsx_file

_GOAL_A = "保障全镇村组干部报酬按月足额发放，维护基层组织稳定运转。"
_GOAL_B = "完成辖区内道路养护，路面完好率达到规定标准"
# (unit, project, money, goals) then each project's indicator rows
_ROWS_A = [["产出指标", "数量指标", "发放人数", "≥", "230", "人", "20"],
           ["产出指标", "时效指标", "按月发放率", "=", "100", "%", "20"],
           ["满意度指标", "服务对象满意度指标", "干部满意度", "≥", "95", "%", "10"]]
_ROWS_B = [["产出指标", "数量指标", "养护里程", "≥", "12", "公里", "30"],
           ["效益指标", "社会效益指标", "群众出行便利度", "≥", "90", "%", "20"]]
_PROJECTS = [("某县某镇人民政府", "村组干部报酬", "1,200,000.00", _GOAL_A, _ROWS_A),
             ("某县某镇人民政府", "农村公路养护经费", "350,000.00", _GOAL_B, _ROWS_B)]
_EXPECTED = [("村组干部报酬", Decimal("1200000.00"), [_GOAL_A], ["发放人数", "按月发放率", "干部满意度"]),
             ("农村公路养护经费", Decimal("350000.00"), [_GOAL_B], ["养护里程", "群众出行便利度"])]


def _export(order: list[int], every_row: bool, unit_merged: bool = False) -> list[list[str]]:
    """The export's rows: the project's four cells in ``order`` before each project's first row (or every row),
    the unit left out of the second project's when merged down over it."""
    rows = []
    for number, (*fields, indicators) in enumerate(_PROJECTS):
        cells = [fields[i] for i in order]
        if unit_merged and number:
            cells = cells[order.index(0) + 1:]  # (the unit is the leftmost cell in such exports)
        for line, indicator in enumerate(indicators):
            rows.append((cells if every_row or not line else []) + indicator)
    return rows


def _sheets(document) -> list[tuple]:
    return [(s.name, s.budget.total, s.goals, [i.name for i in s.indicators]) for s in document.sheets]


@pytest.mark.parametrize(("order", "every_row", "unit_merged", "separator"), [
    ([0, 1, 2, 3], False, True, " | "),  # Sichuan's 部门预算项目绩效目标申报表: the unit merged down over its projects
    ([0, 1, 2, 3], True, False, "\t"),
    ([1, 0, 3, 2], True, False, " | "),  # 项目名称 | 单位名称 | 年度目标 | 预算数
    ([0, 1, 3, 2], False, False, "\t"),  # the goals before the money
])
def test_a_text_export_without_its_heading_row_is_one_sheet_per_project(order, every_row, unit_merged, separator):
    text = "\n".join(separator.join(row) for row in _export(order, every_row, unit_merged))
    document = read_text(text.encode(), "case.txt")[0]
    assert _sheets(document) == _EXPECTED
    assert {s.unit.name for s in document.sheets} == {"某县某镇人民政府"}
    # the columns are a guess, and each row read under it says which
    assert all("预算数" in d.message for d in document.diagnostics if d.code == "P111")


@pytest.mark.parametrize("merged", [False, True])
def test_a_workbook_export_without_its_heading_row(merged):
    rows = _export([0, 1, 2, 3], every_row=True)
    if merged:  # the project's cells merged down over its rows
        rows = [row if index in (0, 3) else [UP] * 4 + row[4:] for index, row in enumerate(rows)]
    document = read_bytes(xlsx_file(rows), "case.xlsx")
    assert _sheets(document) == _EXPECTED


def test_project_cells_whose_roles_cannot_be_told_apart_are_said_and_not_guessed():
    # two short names, neither a unit's: which one is the project's is not for the reader to guess
    rows = [["道路养护", "农村公路", *_ROWS_B[0]], ["道路养护", "农村公路", *_ROWS_B[1]],
            ["垃圾清运", "环境卫生", *_ROWS_A[0]], ["垃圾清运", "环境卫生", *_ROWS_A[1]]]
    document = read_text("\n".join(" | ".join(row) for row in rows).encode(), "case.txt")[0]
    assert [s.name for s in document.sheets] == [None]
    assert [i.name for i in document.sheets[0].indicators] == ["养护里程", "群众出行便利度", "发放人数", "按月发放率"]
    doubts = [d for d in document.diagnostics if d.code == "P111"]
    assert [d.location.line for d in doubts] == [1, 2, 3, 4]
    assert all("第1列、第2列不能按内容分辨" in d.message and "case.txt" == d.location.file for d in doubts)


def test_a_serial_number_before_the_levels_is_no_project():
    rows = [[str(number), *row] for number, row in enumerate(_ROWS_A, 1)]
    document = read_text("\n".join(" | ".join(row) for row in rows).encode(), "case.txt")[0]
    assert all(s.name is None for s in document.sheets)
    assert not any("预算数" in d.message for d in document.diagnostics)
