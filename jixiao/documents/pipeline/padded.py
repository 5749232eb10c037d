"""Rows of a padded pipe table broken over several text lines.

A web page's table flattened to ``cell |`` text pads every row with empty cells (``a | b | ||||``) so that each line
holds as many bars as the table has columns. Where a cell held a line break or a merged cell opened the row, the
row is printed over several lines, each but the last ending on one bar with no padding (``项目 名称 |`` then
``镇际联网路… | 中期市财政预算(万元) | 284500.00 | ||||``). Such a run of lines is one row when its bars add up to the
width of the rows printed whole around it; a run the file's end stops short of that width is a row cut by the end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["PaddedRun", "padded_runs", "joined_row"]

# a line whose cells are followed by the padding: a bar, then empty cells (``… | ||||``, ``… | 无 | |``)
_PADDING = re.compile(r"\|\s*(\|+)\s*$")
# padded lines a text needs before its short lines are read as parts of rows (one padded title is no table)
_MIN_PADDED = 3


@dataclass(frozen=True, slots=True)
class PaddedRun:
    """Lines ``start`` to ``end`` (0-based, end excluded) of the raw text print one row; ``cut``: the file ends
    before the row reached the table's width."""

    start: int
    end: int
    cut: bool = False


def _padded(line: str) -> bool:
    """True for a row closed by its padding: two empty cells or more, or one after two cells or more (one empty cell
    after a lone cell, ``基本建立 | |``, is a cell of its own in a stream of one cell a line)."""
    padding = _PADDING.search(line)
    if padding is None:
        return False
    cells = [cell for cell in line[:padding.start()].split("|") if cell.strip()]
    return bool(cells) and (len(padding.group(1)) >= 2 or len(cells) >= 2)


def _bars(line: str) -> int:
    """The bars that close the line's cells (a bar opening the line closes none)."""
    return line.replace("\\|", "").count("|") - line.startswith("|")


def _part(line: str) -> bool:
    """True for a line that can be part of a row of a padded table: cells separated by bars."""
    return "|" in line.strip()


def padded_runs(raw: list[str]) -> list[PaddedRun]:
    """The runs of consecutive lines of ``raw`` that print one row of a padded pipe table between them (two lines
    or more), and the run of a row the file's end cuts (its last line the file's last text)."""
    if sum(1 for line in raw if _padded(line.strip())) < _MIN_PADDED:
        return []
    runs: list[PaddedRun] = []
    width = 0  # the bars of the last row printed whole on its own line
    whole = 0  # rows printed whole on their own line
    index = 0
    while index < len(raw):
        line = raw[index].strip()
        if not _part(line):
            index += 1
            continue
        bars = _bars(line)
        if _padded(line):
            # a row printed whole on its line, its padding bringing it to its table's width; a padded line right
            # after a line of cells may end a row whose width is not known (its merged cells dropped, not padded)
            before = raw[index - 1].strip() if index else ""
            if not _part(before) or _padded(before):
                width, whole = bars, whole + 1
            index += 1
            continue
        if not width or bars >= width or not line.endswith("|"):
            index += 1
            continue
        # (a row's lines all open alike: a line opening with a bar after one that does not starts a row of a table
        # whose rows open with one)
        opens = line.startswith("|")
        end, total = index + 1, bars
        while end < len(raw) and total < width and _part(raw[end]) and raw[end].strip().startswith("|") == opens:
            total += _bars(raw[end].strip())
            end += 1
        if total == width and end - index >= 2:
            runs.append(PaddedRun(index, end))
        elif total < width and not any(rest.strip() for rest in raw[end:]):
            runs.append(PaddedRun(index, end, cut=True))
        # (lines whose bars go past the width hold more than one row, or a row wider than the table: none is joined)
        index = end
    # A table of one cell a line whose rows the padding closes (a stream: its merged cells dropped) prints few rows
    # whole: its lines are read as cells, not joined by a width its few whole rows cannot vouch for.
    return runs if whole > len(runs) else []


def joined_row(raw: list[str], run: PaddedRun) -> tuple[str, list[int]]:
    """The one line the lines of ``run`` print, and the line number (from 1) of each of its cells in order."""
    parts = [raw[run.start].strip(), *(line.strip().removeprefix("|").strip() for line in raw[run.start + 1:run.end])]
    lines = [run.start + 1 + place for place in range(len(parts)) for _ in range(_bars(raw[run.start + place].strip()))]
    return " ".join(parts), lines

