"""A report table as a grid of cells with spans, rendered to .docx and .xlsx by the same placement."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

__all__ = ["Cell", "Grid", "placed", "merged_levels"]


@dataclass(frozen=True)
class Cell:
    """One cell; ``colspan``/``rowspan`` merge it over its neighbours as in an HTML table."""

    text: str = ""
    colspan: int = 1
    rowspan: int = 1
    bold: bool = False


@dataclass
class Grid:
    """A titled table. Each row lists the cells that start in it, left to right; positions covered by a
    ``rowspan`` from above are skipped, as in HTML."""

    title: str
    subtitle: str
    columns: int
    rows: list[list[Cell]] = field(default_factory=list)


def placed(grid: Grid) -> Iterator[tuple[int, int, Cell]]:
    """Every cell with its 0-based row and column. Raises ValueError when a row overflows the grid's width."""
    covered: set[tuple[int, int]] = set()
    for row, cells in enumerate(grid.rows):
        column = 0
        for cell in cells:
            while (row, column) in covered:
                column += 1
            if column + cell.colspan > grid.columns:
                raise ValueError(f"row {row} overflows {grid.columns} columns")
            covered.update((row + r, column + c) for r in range(cell.rowspan) for c in range(cell.colspan))
            yield row, column, cell
            column += cell.colspan


def merged_levels(lines: list[tuple[str, str, list[Cell]]]) -> list[list[Cell]]:
    """Indicator rows (一级, 二级, other cells) with runs of the same 一级 and 二级 merged downwards."""
    rows: list[list[Cell]] = []
    for index, (level1, level2, rest) in enumerate(lines):
        row: list[Cell] = []
        if index == 0 or lines[index - 1][0] != level1:
            row.append(Cell(level1, rowspan=_run(lines, index, lambda line: line[0])))
        if index == 0 or lines[index - 1][:2] != (level1, level2):
            row.append(Cell(level2, rowspan=_run(lines, index, lambda line: line[:2])))
        rows.append(row + rest)
    return rows


def _run(lines, start: int, key) -> int:
    length = 1
    while start + length < len(lines) and key(lines[start + length]) == key(lines[start]):
        length += 1
    return length
