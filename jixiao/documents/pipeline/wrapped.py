"""Headings wrapped over several lines of a fixed-width text table (text taken out of a PDF or an .xls).

A narrow column prints its heading on several lines (``年初预`` / ``算数``, ``年度指`` / ``标值``, ``偏差原因分析`` /
``及改进措施``), and a heading of one line sits beside them on the line of their first or middle part (``分值``,
``得分``). Each line alone names fewer columns than the header has, so neither is read as the header (the money
block's figures then land under the wrong headings, or the grid is not found). The parts stand in the same display
columns, one above the other: put together column by column, they are the header again.

A body row's cell wrapped over three lines is printed the same way, centered on the row: its first part on a line
of its own above the row's line, whose own cell in that column is empty, and its last part below. The first part
is the row's cell (the part below already continues the cell above it, :mod:`.align`).

A row layout (pipes, TABs) that wraps its headings in their cells prints the heads on the header's row and the
tails on a row of their own below, each in its head's cell (``一级 | 二级 | 三级`` / ``指标 | 指标 | 指标``): the
header's row alone names too few columns to be found as one, so the tails are put back onto their heads first.
"""

from __future__ import annotations

from jixiao.documents.interpret.sheet_builder import money_key
from jixiao.documents.pipeline.labels import Role, column_kind, label
from jixiao.documents.pipeline.tokens import Line, LineKind, Token, display_width

__all__ = ["join_cell_tails", "join_centered_cells", "join_wrapped_headings"]

# a heading wrapped over more lines than this is prose, not a table's header (偏差原因分析及改进措施 in a narrow
# column takes six)
_MOST_LINES = 6
# Roles of a line's cells that no heading line holds: the row's own figures and targets (a body row, a money row)
_BODY_ROLES = (Role.NUMBER, Role.TARGET, Role.LEVEL1, Role.LEVEL2, Role.OPERATOR, Role.TRAILER)


def join_wrapped_headings(lines: list[Line]) -> list[Line]:
    """The lines with every header wrapped over consecutive fixed-width lines put together as one line."""
    result: list[Line] = []
    index = 0
    while index < len(lines):
        joined, used = _wrapped_at(lines, index)
        if joined is not None:
            result.append(joined)
            index += used
            continue
        result.append(lines[index])
        index += 1
    return result


def join_cell_tails(lines: list[Line]) -> list[Line]:
    """The text's lines with every row of heading tails (``指标 | 指标 | 指标 |  | (年度)``) put onto the row above
    it, each tail in its head's cell (before a row holding the header block's cells, the headings and a first row
    run together is cut at its headings, which the heads alone are not)."""
    result: list[Line] = []
    for line in lines:
        joined = _with_tails(result[-1], line) if result else None
        if joined is not None:
            result[-1] = joined
            continue
        result.append(line)
    return result


def _with_tails(above: Line, line: Line) -> Line | None:
    """``above`` with the cells of ``line`` put onto the cells of the same columns, when both are rows of a row
    layout (pipes, TABs) and every cell of ``line`` completes the cell above it into a heading (一级 + 指标, 年度 +
    指标值, 指标值 + (年度)); None otherwise."""
    if not (above.kind is line.kind is LineKind.ROW and line.filled and not line.blanks_before
            and not line.extra.get("spaced") and not above.extra.get("spaced")):
        return None
    heads = {token.column: index for index, token in enumerate(above.tokens) if token.column is not None}
    tokens = list(above.tokens)
    for tail in line.filled:
        at = heads.get(tail.column)
        head = tokens[at].text.strip() if at is not None else ""
        kind = column_kind(head + tail.text.strip()) if head else None
        if kind is None or column_kind(tail.text) not in (None, kind):
            return None  # (a tail naming a column of its own is a heading row's cell, no tail)
        tokens[at] = Token(head + tail.text.strip(), tokens[at].line, tokens[at].column, tokens[at].offset,
                           tokens[at].indent)
    return Line(tokens, above.kind, above.line, above.table, above.row, above.gridded, above.blanks_before,
                dict(above.extra))


def join_centered_cells(lines: list[Line]) -> list[Line]:
    """The lines with the first part of a body cell centered on its fixed-width row (above the row's line, in a
    column the row leaves empty, another part of it below) moved into the row."""
    result: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        row, below = (lines[index + 1], lines[index + 2]) if index + 2 < len(lines) else (None, None)
        if row is not None and _centered(line, row, below):
            token = line.tokens[0]
            offset = token.offset or 0
            at = sum(1 for cell in row.tokens if (cell.offset or 0) < offset)
            moved = Token(token.text.strip(), token.line, None, offset, token.indent)
            tokens = [*row.tokens[:at], moved, *row.tokens[at:]]
            result.append(Line([Token(cell.text, cell.line, column, cell.offset, cell.indent)
                                for column, cell in enumerate(tokens)], row.kind, row.line, row.table, row.row,
                               row.gridded, line.blanks_before, dict(row.extra)))
            index += 2
            continue
        result.append(line)
        index += 1
    return result


def _centered(line: Line, row: Line, below: Line | None) -> bool:
    """Whether ``line`` is the first part of a cell of ``row`` centered on it: an indented one-cell text line right
    above a fixed-width row that holds nothing in its column, with another such part right below the row."""
    if not (line.kind is LineKind.CELL and len(line.tokens) == 1 and line.tokens[0].indent
            and row.kind is LineKind.ROW and row.extra.get("spaced") and not row.blanks_before
            and below is not None and below.kind is LineKind.CELL and len(below.tokens) == 1 and not below.blanks_before
            and label(line.tokens[0].text).role is Role.TEXT):
        return False
    start = line.tokens[0].indent
    end = start + display_width(line.tokens[0].text.strip())
    beneath = below.tokens[0].indent
    return abs(beneath - start) <= 2 and not any(
        cell.offset is not None and cell.offset < end and start < cell.offset + display_width(cell.text.strip())
        for cell in row.filled)


def _named(text: str) -> bool:
    """Whether a cell names a column of the grid or a figure of the money block."""
    return bool(column_kind(text) or money_key(text))


def _recognised(text: str) -> bool:
    """Whether a cell is a label or heading of its own."""
    return _named(text) or label(text).role in (Role.HEADING, Role.FIELD)


def _heading_line(line: Line, first: bool) -> bool:
    """Whether the line can be part of a wrapped header: a fixed-width row (after the first, also the last part
    of a single wrapped heading alone on its line) with no figure, target or level name."""
    shape = line.kind is LineKind.ROW and line.extra.get("spaced", False) or not first and line.kind is LineKind.CELL
    return (shape and bool(line.filled)
            and all(token.offset is not None and label(token.text).role not in _BODY_ROLES for token in line.filled))


def _wrapped_at(lines: list[Line], index: int) -> tuple[Line | None, int]:
    """The header wrapped over the lines from ``index`` (up to six), put together, and how many lines it took;
    (None, 0) when those lines are no wrapped header."""
    if not _heading_line(lines[index], True):
        return None, 0
    best: tuple[Line | None, int] = (None, 0)
    for count in range(2, _MOST_LINES + 1):
        group = lines[index:index + count]
        if len(group) < count or not _heading_line(group[-1], False) or group[-1].blanks_before:
            break
        joined = _joined(group)
        if joined is not None:
            best = (joined, count)
    return best


def _joined(group: list[Line]) -> Line | None:
    """The lines' cells put together by display column, when that names more columns than any line alone and no
    heading is lost in a cell that names nothing."""
    cells: list[list[tuple[int, int, Token]]] = []  # per column: (start, end, token), top to bottom
    tokens = sorted(((token.offset, token) for line in group for token in line.filled), key=lambda pair: pair[0])
    for offset, token in tokens:
        start, end = offset, offset + display_width(token.text.strip())
        if cells and start < max(e for _, e, _ in cells[-1]) and min(s for s, _, _ in cells[-1]) < end:
            cells[-1].append((start, end, token))
        else:
            cells.append([(start, end, token)])
    texts = []
    for parts in cells:
        lines = [token.line for _, _, token in parts]
        if len(set(lines)) < len(lines):
            return None  # two cells of one line in a column: the columns do not line up
        parts.sort(key=lambda part: part[2].line or 0)
        text = "".join(token.text.strip() for _, _, token in parts)
        whole = sum(1 for _, _, token in parts if _recognised(token.text))
        if len(parts) > 1 and (whole > 1 or whole and not _recognised(text)):
            return None  # labels or headings of their own stacked in a column (项目名称 / 主管部门), no wrapped one
        texts.append((text, parts[0][2], min(start for start, _, _ in parts)))
    named = sum(1 for text, _, _ in texts if _named(text))
    if named <= max(sum(1 for token in line.filled if _named(token.text)) for line in group):
        return None
    first = group[0]
    joined = [Token(text, token.line, column, offset) for column, (text, token, offset) in enumerate(texts)]
    return Line(joined, LineKind.ROW, first.line, first.table, first.row, False, first.blanks_before, dict(first.extra))
