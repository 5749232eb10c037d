"""The budget system's long layout: one table, one row per indicator, for many projects.

Its header row holds the project's columns (项目编码, 项目名称, 资金总额, 年度绩效目标 …) and the indicator
columns (一级指标 … 指标值) side by side. A project's columns are filled on its first row only (or repeated on
every row, or merged down); a new project starts where the project code or name is filled with a new value.
A second header row may name the parts of a merged heading (中长期指标值 / 年度指标值 under 指标值, 财政拨款 /
其他资金 under 资金总额).

Each project is handed to a SheetBuilder as the official layout would present it: its project cells as
label/value rows, then the indicator header and the indicator rows, each keeping its real table and row number
so that diagnostics point at the right place. Needs grid columns (every format but text layouts that drop
empty cells gives them).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from jixiao.documents.blocks import Cell, Row
from jixiao.documents.interpret.header_cells import is_checkpoint, parse_amount
from jixiao.documents.interpret.sheet_builder import SheetBuilder, is_header_row
from jixiao.documents.vocabulary import column_label, header_label, is_trailer

__all__ = ["LongHeader", "detect_long_header", "build_long_table"]

_IDENTITY = {"code", "name"}
# the unit a project's row names is merged down over the unit's next projects (单位名称 filled on its first row only)
_SHARED = {"unit", "unit_code", "department"}


@dataclass(slots=True)
class LongHeader:
    """Which grid columns hold project fields and which the indicator grid, as the header row says."""

    project: dict[int, str] = field(default_factory=dict)  # column → the header's own label text
    identity: list[int] = field(default_factory=list)  # columns of 项目编码 / 项目名称
    shared: list[int] = field(default_factory=list)  # columns of the unit, merged down over its projects
    indicator: set[int] = field(default_factory=set)  # columns owned by indicator headings
    indicator_header: list[Cell] = field(default_factory=list)

    def split(self, row: Row) -> tuple[list[Cell], list[Cell]]:
        """The row's project cells and indicator cells (cells under unknown headings are dropped)."""
        project = [cell for cell in row.cells if cell.column in self.project]
        indicator = [cell for cell in row.cells if cell.column in self.indicator]
        return project, indicator


def detect_long_header(row: Row) -> LongHeader | None:
    """The long layout's header if ``row`` names both indicator columns and the project's code or name."""
    if not any(header_label(cell.text) in _IDENTITY for cell in row.cells):
        return None  # no 项目编码 or 项目名称 heading (most grids): asked first, the header check costs far more
    if not is_header_row(row) or any(cell.column is None for cell in row.cells):
        return None
    kinds: list[tuple[Cell, str, str]] = []  # (cell, "indicator"/"project", kind or field)
    taken: set[str] = set()
    # Unambiguous indicator headings first, so that 年度目标 (a target column or the year's goals) becomes the
    # goals when the table has another target column.
    filled = sorted(row.filled, key=lambda cell: header_label(cell.text) is not None)
    for cell in filled:
        kind, project_field = column_label(cell.text), header_label(cell.text)
        if kind and kind not in taken:
            taken.add(kind)
            kinds.append((cell, "indicator", kind))
        elif project_field or is_checkpoint(cell.text):
            kinds.append((cell, "project", project_field or "checkpoint"))
    if not any(part == "project" and name in _IDENTITY for _, part, name in kinds):
        return None
    header = LongHeader()
    starts = sorted(cell.column for cell in row.filled)  # type: ignore[misc]
    ends = {start: end for start, end in zip(starts, [*starts[1:], None])}
    for cell, part, name in sorted(kinds, key=lambda item: item[0].column):
        if part == "project":
            header.project[cell.column] = cell.text.strip()
            if name in _IDENTITY:
                header.identity.append(cell.column)
            elif name in _SHARED:
                header.shared.append(cell.column)
        else:
            end = ends[cell.column] or cell.column + 64  # the last heading owns what follows it
            header.indicator.update(range(cell.column, end))
            header.indicator_header.append(cell)
    return header


def _is_label_row(row: Row) -> bool:
    return all(column_label(c.text) or header_label(c.text) or is_checkpoint(c.text) for c in row.filled)


def build_long_table(
    header_row: Row, header: LongHeader, rows: list[Row], new_builder: Callable[[], SheetBuilder]
) -> list[SheetBuilder]:
    """Build one SheetBuilder per project from the rows that follow the header row."""
    index = 0
    refinements: list[Row] = []
    while index < len(rows) and rows[index].filled and _is_label_row(rows[index]):
        row = rows[index]
        for cell in row.filled:
            if cell.column not in header.indicator and header_label(cell.text):
                header.project[cell.column] = cell.text.strip()  # 财政拨款 under a merged 资金总额
        refinements.append(Row([c for c in row.cells if c.column in header.indicator], row.table, row.row, row.line))
        index += 1

    projects: list[_Project] = []
    for row in rows[index:]:
        if not row.filled:
            continue
        if is_trailer(row.filled[0].text):
            break
        project, indicator = header.split(row)
        identity = {c.column: c.text.strip() for c in project if c.column in header.identity and c.text.strip()}
        if identity and all(parse_amount(value) is not None for value in identity.values()) \
                and not any(cell.text.strip() for cell in indicator):
            continue  # a department's total above its units' projects (820-马踏镇部门 | 8,827,620.53): no project
        current = projects[-1] if projects else None
        if current is None or any(current.identity.get(column, value) != value for column, value in identity.items()):
            current = _Project(identity, current.shared_cells(header) if current else {})
            projects.append(current)
        current.take(project, indicator, row)
    preamble = [Row(list(header.indicator_header), header_row.table, header_row.row, header_row.line), *refinements]
    builders = []
    for project in projects:
        builder = new_builder()
        for row in [*project.label_rows(header), *preamble, *project.indicator_rows]:
            builder.feed(row)
        builders.append(builder)
    return builders


class _Project:
    """The rows of one project: the first value of each project column, and the indicator rows."""

    def __init__(self, identity: dict[int, str], shared: dict[int, tuple[str, Row]]) -> None:
        self.identity = identity
        self.values: dict[int, tuple[str, Row]] = {}
        self.shared = shared  # the unit's cells of the project before, unless this project's rows fill them
        self.indicator_rows: list[Row] = []

    def take(self, project: list[Cell], indicator: list[Cell], row: Row) -> None:
        for cell in project:
            if cell.text.strip() and cell.column not in self.values:
                self.values[cell.column] = (cell.text.strip(), row)  # type: ignore[index]
        if any(cell.text.strip() for cell in indicator):
            self.indicator_rows.append(Row(indicator, row.table, row.row, row.line))

    def shared_cells(self, header: LongHeader) -> dict[int, tuple[str, Row]]:
        """The unit's cells this project has (its own or merged down to it), for the projects after it."""
        cells = self.shared | self.values
        return {column: cells[column] for column in header.shared if column in cells}

    def label_rows(self, header: LongHeader) -> list[Row]:
        """The project's cells as the official layout's label/value rows (spending plan points in one row)."""
        rows, points = [], []
        for column, (value, row) in sorted((self.shared | self.values).items()):
            label = header.project[column]
            if is_checkpoint(label):
                points.append((label, value, row))
            else:
                rows.append(Row([Cell(label, column), Cell(value, column)], row.table, row.row, row.line))
        if points:
            first = points[0][2]
            cells = [Cell("资金支出计划"), *(Cell(label) for label, _, _ in points), *(Cell(v) for _, v, _ in points)]
            rows.append(Row(cells, first.table, first.row, first.line))
        return rows
