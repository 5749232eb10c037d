"""The plain-text layout of a Word table exported to text (the sample's layout).

Every table cell is a line that starts with a TAB; a cell's later paragraphs are lines without the TAB; rows
are separated by blank lines, but a cell may itself contain a blank line before its next paragraph; a merged
cell repeats as an empty TAB line. So: a TAB line after a blank line starts a row, a TAB line otherwise adds a
cell, and a plain line continues the last cell when at most one blank line separates them (a cell's own
paragraph break). Two or more blank lines, or a sheet title, end the table.
"""

from __future__ import annotations

from jixiao.documents.blocks import Block, Cell, Layout, Paragraph, Row
from jixiao.documents.interpret.header_cells import parse_title

__all__ = ["looks_tabbed", "read_tabbed"]

_MIN_CELL_LINES = 5
_PARAGRAPH_BREAK = 1  # blank lines allowed between two paragraphs of one cell


def looks_tabbed(text: str) -> bool:
    """True when enough lines start with a TAB to be a Word-table export."""
    return sum(1 for line in text.split("\n") if line.startswith("\t")) >= _MIN_CELL_LINES


def read_tabbed(text: str) -> Layout:
    """Split the text into paragraphs and rows of cells, keeping each cell's first line number."""
    blocks: list[Block] = []
    row: Row | None = None
    blanks = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip() and not line.startswith("\t"):
            blanks += 1
            continue
        if line.startswith("\t"):
            if row is None or blanks:
                row = Row(cells=[], line=number)
                blocks.append(row)
            row.cells.append(Cell(text=line[1:].strip(), column=len(row.cells), line=number))
        elif row is not None and row.cells and blanks <= _PARAGRAPH_BREAK and not parse_title(line):
            cell = row.cells[-1]
            cell.text = f"{cell.text}\n{line.strip()}" if cell.text else line.strip()
        else:
            row = None
            blocks.append(Paragraph(text=line.strip(), line=number))
        blanks = 0
    return Layout(name="text-tabbed", blocks=blocks)
