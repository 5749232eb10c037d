"""Columns separated by spaces: two or more spaces, a TAB or a full-width space between cells.

Two shapes are common. Fixed-width columns (a table printed to text): each cell starts under its column's
heading, a merged cell is blank, and a cell's further lines are indented to its column. Hierarchy by
indentation: a 一级 name alone on a line, a 二级 name alone and indented, then the indicators further indented
with their cells on the same line. Positions are measured in display columns (a Chinese character is two).

Before the indicator header each line is a row of the header block (``项目编码  434-…  项目名称  …``); a
single-cell line is a paragraph (title, unit) or, when indented, a further line of the previous row's last
cell. In the grid, a line aligned with the headings gets their columns; a hierarchy line gets the current
一级/二级 names in front; a line holding only continuation text joins the row above.
"""

from __future__ import annotations

import re
import unicodedata

from jixiao.documents.blocks import Block, Cell, Layout, Paragraph, Row
from jixiao.documents.interpret.columns import Columns, detect_header
from jixiao.documents.interpret.header_cells import parse_title
from jixiao.documents.interpret.labels import header_label, is_trailer, split_label_value
from jixiao.model import canonical_level1, canonical_level2

__all__ = ["looks_spaced", "read_spaced", "display_width"]

_CELL = re.compile(r"[^\s\u3000]+(?: [^\s\u3000]+)*")
_TOLERANCE = 1  # display columns a cell may start off its heading and still count as aligned
_STRUCTURAL = ("level1", "level2", "name", "target")


def looks_spaced(text: str) -> bool:
    """True when some line, split at wide spaces, is an indicator header."""
    return any(_header(line, 0) for line in text.split("\n") if len(_split(line)) >= 3)


def read_spaced(text: str) -> Layout:
    """Read rows of spaced cells, with the grid's columns from its header line."""
    return _Reader().read(text)


def _split(line: str) -> list[tuple[int, str]]:
    """The cells of ``line`` with the display column each starts at."""
    cells, width, position = [], 0, 0
    for match in _CELL.finditer(line):
        width += display_width(line[position : match.start()])
        cells.append((width, match.group(0)))
        width += display_width(match.group(0))
        position = match.end()
    return cells


def display_width(text: str) -> int:
    """Columns ``text`` takes on a terminal: a wide (Chinese) character counts two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _header(line: str, number: int) -> tuple[Row, Columns, list[int]] | None:
    cells = _split(line)
    row = Row(cells=[Cell(text=text, column=c, line=number) for c, (_, text) in enumerate(cells)], line=number)
    columns = detect_header(row)
    if columns is None or len(columns.kinds) != len(cells):
        return None
    return row, columns, [offset for offset, _ in cells]


class _Reader:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.tables = 0
        self.grid: tuple[Columns, list[int]] | None = None
        self.levels: list[str] = ["", ""]
        self.row_number = 0

    def read(self, text: str) -> Layout:
        for number, line in enumerate(text.split("\n"), start=1):
            cells = _split(line)
            if not cells:
                continue
            header = _header(line, number)
            if header is not None:
                self._open_grid(*header)
            elif self.grid is not None and not self._ends_grid(cells):
                self._grid_line(cells, number)
            else:
                self.grid = None
                self._header_block_line(cells, number)
        return Layout(name="text-spaced", blocks=self.blocks)

    def _open_grid(self, row: Row, columns: Columns, offsets: list[int]) -> None:
        if self.grid is not None and self._last_row() is not None:
            return  # the header repeated
        self.tables += 1
        self.row_number = 1
        row.table, row.row = self.tables, 1
        self.blocks.append(row)
        self.grid = (columns, offsets)
        self.levels = ["", ""]

    def _ends_grid(self, cells: list[tuple[int, str]]) -> bool:
        first = cells[0][1]
        return bool(parse_title(first) or is_trailer(first) or header_label(first) or split_label_value(first))

    def _last_row(self) -> Row | None:
        return self.blocks[-1] if self.blocks and isinstance(self.blocks[-1], Row) else None

    def _header_block_line(self, cells: list[tuple[int, str]], number: int) -> None:
        previous = self._last_row()
        if len(cells) == 1:
            offset, text = cells[0]
            if offset > 0 and previous is not None and not header_label(text):
                previous.cells[-1].text += f"\n{text}"
            elif header_label(text):
                self.blocks.append(Row(cells=[Cell(text=text, line=number)], line=number))
            else:
                self.blocks.append(Paragraph(text=text, line=number))
            return
        self.blocks.append(Row(cells=[Cell(text=text, line=number) for _, text in cells], line=number))

    def _grid_line(self, cells: list[tuple[int, str]], number: int) -> None:
        columns, offsets = self.grid  # type: ignore[misc]
        texts = [text for _, text in cells]
        if len(cells) == 1 and (canonical_level1(texts[0]) or canonical_level2(texts[0])):
            if canonical_level1(texts[0]):
                self.levels = [texts[0], ""]
            else:
                self.levels[1] = texts[0]
            return
        placed = [_column_at(offset, offsets) for offset, _ in cells]
        previous = self._last_row()
        if all(column is not None for column in placed):
            kinds = {columns.kinds[column] for column in placed}  # type: ignore[index]
            if previous is not None and previous.row != 1 and not kinds & set(_STRUCTURAL):
                self._continue(previous, zip(placed, texts))
                return
            row_cells = [Cell(text=text, column=column, line=number) for column, text in zip(placed, texts)]
        elif len(cells) == 1 and previous is not None and previous.row != 1:
            previous.cells[-1].text += f"\n{texts[0]}"
            return
        else:
            levels = [level for level in self.levels if level]
            row_cells = [Cell(text=text, line=number) for text in levels + texts]
        self.row_number += 1
        self.blocks.append(Row(cells=row_cells, table=self.tables, row=self.row_number, line=number))

    @staticmethod
    def _continue(previous: Row, placed) -> None:
        for column, text in placed:
            cell = next((cell for cell in previous.cells if cell.column == column), None)
            if cell is None:
                previous.cells.append(Cell(text=text, column=column, line=previous.line))
                previous.cells.sort(key=lambda c: c.column)
            else:
                cell.text = f"{cell.text}\n{text}" if cell.text else text


def _column_at(offset: int, offsets: list[int]) -> int | None:
    for column, start in enumerate(offsets):
        if abs(offset - start) <= _TOLERANCE:
            return column
    return None
