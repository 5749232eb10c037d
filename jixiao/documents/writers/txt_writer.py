"""The plain-text layout of a Word table export (the sample's layout), drawn from the shared sheet grid.

A TAB starts every cell; a cell's later paragraphs follow on lines without the TAB; a blank line ends a row;
a cell covered by a merge from the row above is written as an empty TAB line, as Word's export does.
"""

from __future__ import annotations

from jixiao.documents.writers.sheet_grid import GridCell, overall_lines, sheet_grid, sheet_lines
from jixiao.model import Document

__all__ = ["write_txt"]


def _row(cells: list[str]) -> list[str]:
    return [f"\t{cell}" for cell in cells] + [""]


def _grid_rows(rows: list[list[GridCell]]) -> list[list[str]]:
    """Each grid row's cell texts, with an empty cell where a merge from above covers a column."""
    covered: dict[int, int] = {}  # column → rows still covered below a merged cell
    texts = []
    for row in rows:
        starts = {cell.column: cell for cell in row}
        line = []
        for column in sorted({*starts, *(c for c, left in covered.items() if left)}):
            if column in starts:
                line.append(starts[column].text)
            else:
                line.append("")
        covered = {c: left - 1 for c, left in covered.items() if left > 1}
        covered.update({cell.column: cell.down - 1 for cell in row if cell.down > 1})
        texts.append(line)
    return texts


def write_txt(document: Document) -> bytes:
    """The document in the TAB text layout, UTF-8."""
    lines = [line.text for line in overall_lines(document)]
    for sheet in document.sheets:
        title, *others = sheet_lines(sheet)
        lines += ["", title, *_row(others)]
        for cells in _grid_rows(sheet_grid(sheet).rows):
            lines += _row(cells)
        lines.append("")
    return "\n".join(lines).encode("utf-8")
