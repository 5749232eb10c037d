"""The text of ruled cells left open at a page break, which pdfplumber's table finder does not see.

A table that runs across pages in a budget system's PDF (北京 部门预算报表, 预算表12) draws a merged cell that spans the
break (a project's 项目名称 and 绩效目标 beside its indicator rows) without the rule that would close it on either
page: on the first page the cell has no bottom rule, on the next no top rule. The finder needs four sides, so it
returns nothing there (None across the rows), and the cell's text, set vertically centred in the whole cell, is
drawn partly inside the grid where no cell was found and partly beyond the grid's edge, below the last rule of the
first page or above the first rule of the next, where it would read as paragraphs between the rows.

This module finds those words per column: inside the grid in a column's leading region (above its first found
cell) or trailing region (below its last found cell), and beyond the grid's top or bottom edge in a column whose
leading or trailing region is open. The reader puts the trailing text in the row where the open cell begins and the
leading text of the next page into the same cell, so that the project's name and goal stand in its first row.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pdfplumber.table import Table

from jixiao.documents.vocabulary import PAGE_NUMBER

__all__ = ["OpenCells", "column_edges", "open_cells"]

# Points of play between a word and a rule (the finder's own snap tolerance).
_PLAY = 3.0


@dataclass
class OpenCells:
    """The words of one table's open cells, by column: ``leading`` above the column's first found cell (the end of
    a cell begun on the previous page), ``trailing`` below its last (the start of a cell that runs onto the next),
    and the row each trailing cell begins in; ``taken`` holds the bounding boxes of the words beyond the grid,
    which are no paragraphs."""

    leading: dict[int, str] = field(default_factory=dict)
    trailing: dict[int, str] = field(default_factory=dict)
    trailing_row: dict[int, int] = field(default_factory=dict)
    taken: list[tuple[float, float, float, float]] = field(default_factory=list)


def column_edges(table: Table) -> list[float]:
    """The left edges of ``table``'s columns, in the order of its extracted cells."""
    return sorted({cell[0] for cell in table.cells})


def open_cells(words: list[dict], table: Table, *, above: bool, below: bool) -> OpenCells:
    """The open cells of ``table`` among its page's ``words`` (``Page.extract_words``, taken once for all the
    page's tables); words beyond the grid count only ``above`` it (the table continues one from the previous page)
    and ``below`` it (it is the page's last table)."""
    edges = column_edges(table)
    x0, top, x1, bottom = table.bbox
    rows = [row.bbox[1] for row in table.rows]
    found: dict[int, list[tuple[float, float, float, float]]] = {}
    for cell in table.cells:
        found.setdefault(edges.index(cell[0]), []).append(cell)
    result = OpenCells()
    lead: dict[int, list[dict]] = {}
    trail: dict[int, list[dict]] = {}
    for word in words:
        x = (word["x0"] + word["x1"]) / 2
        y = (word["top"] + word["bottom"]) / 2
        if not x0 <= x <= x1:
            continue
        column = max(index for index, edge in enumerate(edges) if edge <= x) if x >= edges[0] else 0
        cells = found.get(column, [])
        first = min((cell[1] for cell in cells), default=bottom)
        last = max((cell[3] for cell in cells), default=top)
        inside = top <= y <= bottom
        if inside and any(cell[0] <= x <= cell[2] and cell[1] <= y <= cell[3] for cell in cells):
            continue
        if y < first and (inside or (above and cells and y < top and first > top + _PLAY)):
            lead.setdefault(column, []).append(word)
        elif y > last and (inside or (below and cells and y > bottom and last < bottom - _PLAY)):
            trail.setdefault(column, []).append(word)
        else:
            continue
        if not inside:
            result.taken.append((word["x0"], word["top"], word["x1"], word["bottom"]))
    for column in trail:
        last = max((cell[3] for cell in found.get(column, [])), default=top)
        result.trailing_row[column] = next(
            (index for index, row_top in enumerate(rows) if row_top >= last - _PLAY), len(rows) - 1
        )
    result.leading = {column: text for column, words in lead.items() if (text := _text(words))}
    result.trailing = {column: text for column, words in trail.items() if (text := _text(words))}
    return result


def _text(words: list[dict]) -> str:
    """Words as a cell's lines, top to bottom; a page number alone beyond the grid is no cell's text."""
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda word: (round(word["top"]), word["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) < _PLAY:
            lines[-1].append(word)
        else:
            lines.append([word])
    texts = [" ".join(word["text"] for word in line) for line in lines]
    return "\n".join(text for text in texts if not PAGE_NUMBER.match(text))
