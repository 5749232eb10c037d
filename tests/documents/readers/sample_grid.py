"""The sample's two sheets re-expressed as table grids, for building the same document in every format.

Each reader's tests render these grids into their format (HTML, PDF, pipe rows …) and check that reading the
result gives what the TAB-layout parse of ``tests/fixtures/sample.txt`` gives: :func:`assert_same_sheets`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jixiao.documents import read_path
from jixiao.model import Document, GoalSheet

SAMPLE = Path(__file__).parents[2] / "fixtures" / "sample.txt"
HEADER = ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"]
WIDTH = len(HEADER)


@dataclass(frozen=True)
class Span:
    """A cell written once, covering ``colspan`` columns and ``rowspan`` rows (HTML's convention)."""

    text: str
    colspan: int = 1
    rowspan: int = 1


@dataclass(frozen=True)
class SheetGrid:
    """One sheet as published: title and unit lines above a table whose rows omit rowspan-covered cells."""

    title: str
    lines: list[str]
    rows: list[list[Span]]


@cache
def sample_document() -> Document:
    """The sample as the TAB-layout reader understands it: the expected result for every other layout."""
    return read_path(SAMPLE)


def _text(value: object) -> str:
    return "" if value is None else str(value)


def sheet_grid(sheet: GoalSheet) -> SheetGrid:
    """The official six-column layout of ``sheet``, merged 一级/二级 cells included."""
    plan = sheet.spend_plan
    rows = [
        [Span("项目编码"), Span(sheet.code), Span("项目名称"), Span(sheet.name, colspan=3)],
        [Span("预算数"), Span(_text(sheet.budget.total)), Span("其中：财政资金"), Span(_text(sheet.budget.fiscal)),
         Span("其他资金"), Span(_text(sheet.budget.other))],
        [Span("资金用途"), Span(sheet.purpose or "", colspan=5)],
        [Span("资金支出计划（%）", rowspan=2)] + [Span(c.label) for c in plan[:-1]] + [Span(plan[-1].label, colspan=2)],
        [Span(_text(c.percent)) for c in plan[:-1]] + [Span(_text(plan[-1].percent), colspan=2)],
        [Span("绩效目标"), Span("\n".join(f"{n}、{goal}" for n, goal in enumerate(sheet.goals, 1)), colspan=5)],
        [Span(h) for h in HEADER],
    ]
    indicators = sheet.indicators
    for index, indicator in enumerate(indicators):
        row = []
        if index == 0 or indicators[index - 1].level1_raw != indicator.level1_raw:
            run = _run(indicators, index, lambda i: i.level1_raw)
            row.append(Span(indicator.level1_raw, rowspan=run))
        if row or indicators[index - 1].level2_raw != indicator.level2_raw:
            run = _run(indicators, index, lambda i: (i.level1_raw, i.level2_raw))
            row.append(Span(indicator.level2_raw, rowspan=run))
        row += [Span(indicator.name), Span(indicator.description or ""), Span(indicator.target.raw),
                Span(indicator.basis or "")]
        rows.append(row)
    return SheetGrid(
        title=sheet.title, lines=[f"{sheet.unit.code}{sheet.unit.name}", f"单位：{sheet.money_unit}"], rows=rows
    )


def _run(indicators, start, key) -> int:
    length = 1
    while start + length < len(indicators) and key(indicators[start + length]) == key(indicators[start]):
        length += 1
    return length


def sample_grids() -> list[SheetGrid]:
    """Both sheets of the sample."""
    return [sheet_grid(sheet) for sheet in sample_document().sheets]


def placed(grid: SheetGrid) -> list[tuple[int, int, Span]]:
    """Each cell of the grid with the row and column it starts at."""
    taken: set[tuple[int, int]] = set()
    result = []
    for r, row in enumerate(grid.rows):
        column = 0
        for span in row:
            while (r, column) in taken:
                column += 1
            taken.update((r + dr, column + dc) for dr in range(span.rowspan) for dc in range(span.colspan))
            result.append((r, column, span))
            column += span.colspan
    return result


def full_rows(grid: SheetGrid) -> list[list[str | None]]:
    """The grid with every position filled: a cell's text where it starts, None where a merge covers."""
    rows: list[list[str | None]] = [[None] * WIDTH for _ in grid.rows]
    for r, c, span in placed(grid):
        rows[r][c] = span.text
    return rows


def _projection(document: Document, line_breaks: bool) -> dict:
    def text(value):
        if value is None or line_breaks:
            return value
        return "".join(str(value).split("\n"))

    return {
        "unit": document.unit and (document.unit.code, document.unit.name),
        "sheets": [
            {
                "title": sheet.title, "code": sheet.code, "name": sheet.name, "money_unit": sheet.money_unit,
                "budget": (sheet.budget.total, sheet.budget.fiscal, sheet.budget.other),
                "purpose": text(sheet.purpose),
                "plan": [(c.label, c.percent) for c in sheet.spend_plan],
                "goals": [text(goal) for goal in sheet.goals],
                "indicators": [
                    (i.level1, i.level1_raw, i.level2, i.level2_raw, text(i.name), text(i.description),
                     text(i.target.raw), i.target.operator, i.target.value, i.target.unit, text(i.basis))
                    for i in sheet.indicators
                ],
            }
            for sheet in document.sheets
        ],
    }


def assert_same_sheets(actual: Document, expected: Document | None = None, *, line_breaks: bool = True) -> None:
    """Assert that ``actual`` holds the sample's sheets field by field.

    ``line_breaks=False`` ignores line breaks inside cells, for formats that wrap long text (PDF).
    """
    expected = expected or sample_document()
    assert _projection(actual, line_breaks) == _projection(expected, line_breaks)
