"""Pipe rows: ``| a | b |``, ``a | b |`` and markdown tables with ``|---|`` separator lines.

Exports that write tables this way drop merged cells, so a row's cell count varies (``| | 质量指标 | …`` keeps
the merged cell as an empty one, ``| 质量指标 | …`` drops it): the layout is not aligned and the interpreter
places short rows by content. ``<br>`` inside a cell is a line break; ``\\|`` is a literal bar. Lines without
a bar are paragraphs, and each run of pipe rows is one numbered table.
"""

from __future__ import annotations

import re

from jixiao.documents.blocks import Block, Cell, Layout, Paragraph, Row

__all__ = ["looks_piped", "read_piped"]

_MIN_ROWS = 5
_SEPARATOR = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_ESCAPED_BAR = "\x00"


def looks_piped(text: str) -> bool:
    """True when enough lines hold two or more cells between bars."""
    return sum(1 for line in text.split("\n") if len(_cells(line)) >= 2) >= _MIN_ROWS


def read_piped(text: str) -> Layout:
    """Split each pipe line into cells; other lines are paragraphs and end the table."""
    blocks: list[Block] = []
    table = row_number = 0
    in_table = False
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if _SEPARATOR.match(stripped) and "|" in stripped:
            continue
        cells = _cells(stripped)
        if len(cells) < 2:
            in_table = False
            if stripped:
                blocks.append(Paragraph(text=stripped, line=number))
            continue
        if not in_table:
            table, row_number, in_table = table + 1, 0, True
        row_number += 1
        blocks.append(Row(cells=[Cell(text=cell, line=number) for cell in cells], table=table, row=row_number, line=number))
    return Layout(name="text-piped", blocks=blocks, aligned=False)


def _cells(line: str) -> list[str]:
    if "|" not in line:
        return []
    line = line.strip().replace("\\|", _ESCAPED_BAR)
    line = line.removeprefix("|").removesuffix("|")
    return [_BREAK.sub("\n", cell.replace(_ESCAPED_BAR, "|")).strip() for cell in line.split("|")]
