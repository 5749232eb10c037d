"""Indicator tables printed turned over: the indicators stand as columns, each heading opens a row of its own
(``三级指标 新建高校(校区) 工程质量达标率(%) 开工率(%)`` / ``年度目标值`` / ``7 100% 100%`` / ``实施周期目标值`` /
``7 100% 100% …``, a Guangdong 资金 form copied as text).

Such a table is told by its shape, never by its words alone: a row opening with the name heading (三级指标,
指标名称) whose other cells are no headings, then, within a few lines, a row opening with the target heading
(年度目标值, 指标值) holding exactly one value per name. Further rows opening with a heading give each indicator
one more cell (the 实施期 value). :func:`turn_over` writes the table as it is meant: a header row of the
headings and one row per indicator. Cells beyond the names' count (rows of the long-term set whose names the
copy lost) stay a row of their own, which the later steps report as having no name.
"""

from __future__ import annotations

import re

from jixiao.documents.limits import UNTIMED, Deadline
from jixiao.documents.pipeline.labels import Role, column_kind, label
from jixiao.documents.pipeline.settings import DEFAULT_SETTINGS, ReadSettings
from jixiao.documents.pipeline.tokens import Line, LineKind, Token

__all__ = ["TURNED", "turn_over"]

TURNED = "turned"  # the key of a header line's ``extra`` that marks a table read turned over
_STRUCTURAL = (Role.HEADING, Role.LEVEL1, Role.LEVEL2, Role.FIELD, Role.TITLE)
_WORD = re.compile(r"\S+")  # (\S is what str.split() splits at)


def _pieces(line: Line) -> list[Token]:
    """The cells of a line: a row's tokens, or the words of a one-cell line (cells a single space apart)."""
    if line.kind is LineKind.ROW:
        return line.filled
    if line.kind is not LineKind.CELL or not line.tokens:
        return []
    token = line.tokens[0]
    return [Token(word, token.line, token.column, token.offset) for word in token.text.split()]


def _piece_texts(line: Line) -> list[str]:
    """The texts of :func:`_pieces`, without building them (a page's text may be one cell of many words)."""
    if line.kind is LineKind.ROW:
        return [token.text for token in line.filled]
    return line.tokens[0].text.split() if line.kind is LineKind.CELL and line.tokens else []


def _plain(texts: list[str]) -> bool:
    return all(label(text).role not in _STRUCTURAL for text in texts)


def _heading_row(lines: list[Line], index: int, settings: ReadSettings) -> tuple[Token, list[Token], int] | None:
    """The heading opening ``lines[index]`` and the cells after it up to the next heading, with the index after
    them, or None when the line opens with no heading."""
    pieces = _pieces(lines[index])
    if not pieces or label(pieces[0].text).role is not Role.HEADING:
        return None
    cells = pieces[1:]
    end = index + 1
    while end < len(lines) and end - index <= settings.heading_lines:
        more = _piece_texts(lines[end])
        if not more or not _plain(more):
            break
        cells += _pieces(lines[end])
        end += 1
    return pieces[0], cells, end


def _first_piece(line: Line) -> str | None:
    """The text of the first of :func:`_pieces`, without building them."""
    if line.kind is LineKind.ROW:
        filled = line.filled
        return filled[0].text if filled else None
    if line.kind is not LineKind.CELL or not line.tokens:
        return None
    word = _WORD.search(line.tokens[0].text)  # (not split(): that copies the rest of a page-long cell)
    return word.group() if word else None


def _table_at(lines: list[Line], index: int, settings: ReadSettings
              ) -> tuple[list[Token], list[list[Token]], int] | None:
    """The headings of a table turned over starting at ``lines[index]``, each heading's cells, and the index after
    the table; None when no such table starts there."""
    first = _first_piece(lines[index])
    if first is None or column_kind(first) != "name":
        return None  # (asked first: most lines open with no name heading, and their rows need not be gathered)
    names = _heading_row(lines, index, settings)
    if names is None or column_kind(names[0].text) != "name" or not names[1] or not _plain([cell.text for cell in names[1]]):
        return None
    headings, columns, end = [names[0]], [names[1]], names[2]
    while end < len(lines):
        row = _heading_row(lines, end, settings)
        if row is None or row[0].text in (heading.text for heading in headings) or not row[1]:
            break
        headings.append(row[0])
        columns.append(row[1])
        end = row[2]
    count = len(columns[0])
    if len(columns) < 2 or column_kind(headings[1].text) != "target" or len(columns[1]) != count:
        return None
    return headings, columns, end


def turn_over(lines: list[Line], settings: ReadSettings = DEFAULT_SETTINGS, deadline: Deadline = UNTIMED) -> list[Line]:
    """The lines with every table printed turned over written as a header row and one row per indicator, within the
    read's ``deadline``."""
    result: list[Line] = []
    index = 0
    while index < len(lines):
        deadline.check(lines[index])
        found = _table_at(lines, index, settings)
        if found is None:
            result.append(lines[index])
            index += 1
            continue
        headings, columns, end = found
        first = lines[index]
        result.append(Line(headings, LineKind.ROW, first.line, first.table, extra={TURNED: True}))
        count = len(columns[0])
        for row in range(count):
            cells = [column[row] if row < len(column) else Token("", first.line) for column in columns]
            result.append(Line(cells, LineKind.ROW, cells[0].line, first.table))
        leftover = [column[count:] for column in columns]
        for row in range(max(map(len, leftover))):
            cells = [column[row] if row < len(column) else Token("", first.line) for column in leftover]
            result.append(Line(cells, LineKind.ROW, next(cell.line for cell in cells if cell.text), first.table))
        index = end
    return result
