"""Workbooks (.xlsx and .xls) read through python-calamine: every worksheet's rows, with merged cells.

calamine gives each cell's value (shared strings resolved, numbers under a date format as dates) and the merged
ranges; what it does not give (number formats such as ``0%``, hidden rows and columns) each format's module
supplies as a :class:`SheetExtras` where the format has it (see xlsx_reader.py).

A merged range keeps its value in its top-left cell; the other cells are empty. As for Word tables (see
docx_reader.py), a range's first column is one Cell and the columns it covers to the right are dropped, while
the rows it covers below start with an EMPTY cell in that column, which the interpreter fills down or pairs with
the label above. A worksheet whose non-empty rows all hold a single cell is prose (the unit's overall goals),
read as paragraphs. Hidden rows and columns are left out, with a diagnostic naming those that held text, and so
are hidden worksheets, with a diagnostic naming each.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from python_calamine import CalamineError, CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

from jixiao.documents.blocks import Block, Cell, Layout, Paragraph, Row
from jixiao.documents.codes import diagnostic
from jixiao.documents.errors import LimitExceeded, NotAGoalDocument
from jixiao.documents.limits import Deadline, ReadLimits
from jixiao.model import Diagnostic, Location
from jixiao.model.units import canonical_unit
from jixiao.model.wording import Phrase, quoted_cells

__all__ = ["SheetExtras", "read_workbook", "display_number", "column_name", "shows_month_only", "shows_chinese_date",
           "shown_date"]

_PLACES = re.compile(r"\.([0#?]+)")
_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')
# where a section prints its number; G/通用格式 is General as a Chinese Excel or WPS writes it in a custom format
_PLACEHOLDER = re.compile(r"[0#?]|general|g/通用格式", re.I)
_GENERAL_SECTIONS = ("general", "", "@", "g/通用格式")
# the literal text a section prints that is part of a target: an operator before the number (“≥”0%), a unit after
# it (0“个”, 0“%”, 0.00“万元”); other words (0%“达标”) are no part of the value and are left out
_OPERATORS = frozenset("≥≤><=≧≦＞＜＝±")
_GENERAL = "General"


@dataclass(slots=True)
class SheetExtras:
    """What a worksheet's format holds beyond calamine's values (0-based rows and columns)."""

    hidden_rows: set[int] = field(default_factory=set)
    hidden_columns: set[int] = field(default_factory=set)
    number_formats: dict[tuple[int, int], str] = field(default_factory=dict)  # only formats other than General
    indents: dict[tuple[int, int], int] = field(default_factory=dict)  # only indented cells
    texts: dict[tuple[int, int], str] = field(default_factory=dict)  # what a cell shows that calamine reads as empty
    uncomputed: list[str] = field(default_factory=list)  # references of formulas saved without their value


Extras = Callable[[str, int], SheetExtras]  # (worksheet name, 1-based number) -> its extras, within the limits


def read_workbook(data: bytes, source: str, limits: ReadLimits, name: str, extras: Extras | None,
                  deadline: Deadline) -> Layout:
    """Read every worksheet in order within ``limits`` and the read's ``deadline``; Row.table is the worksheet's
    1-based number."""
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except (CalamineError, ValueError, OSError) as error:
        raise NotAGoalDocument(source, f"Excel 文件已损坏，无法打开（{type(error).__name__}）") from None
    blocks: list[Block] = []
    diagnostics: list[Diagnostic] = []
    tabs: dict[int, str] = {}
    try:
        for number, metadata in enumerate(workbook.sheets_metadata, start=1):
            if metadata.typ != SheetTypeEnum.WorkSheet:
                continue  # chart and macro sheets hold no cells
            deadline.check(f"第{number}个表格")
            where = Location(file=source, table=number)
            if metadata.visible != SheetVisibleEnum.Visible:
                # a template's hidden worksheet holds its drop-down lists (一级指标 / 二级指标 names under 指标值):
                # read, it would be a goal sheet of its own that nobody filled in
                diagnostics.append(diagnostic("P150", where, name=metadata.name))
                continue
            try:
                sheet_extras = extras(metadata.name, number) if extras else SheetExtras()
                reader = _Worksheet(workbook.get_sheet_by_index(number - 1), number, sheet_extras, source, limits)
                blocks.extend(reader.blocks(deadline))
                tabs[number] = metadata.name
                diagnostics.extend(reader.diagnostics)
            except LimitExceeded:
                raise
            except (CalamineError, NotAGoalDocument, ValueError, OSError) as error:
                # one damaged worksheet must not lose the others
                reason = error.reason if isinstance(error, NotAGoalDocument) else type(error).__name__
                diagnostics.append(diagnostic("P112", where, name=metadata.name, reason=reason))
    finally:
        workbook.close()
    return Layout(name=name, blocks=blocks, diagnostics=diagnostics, tabs=tabs)


class _Worksheet:
    def __init__(self, sheet, number: int, extras: SheetExtras, source: str, limits: ReadLimits) -> None:
        self.sheet = sheet
        self.number = number
        self.extras = extras
        self.source = source
        self.limits = limits
        self.diagnostics: list[Diagnostic] = []

    def blocks(self, deadline: Deadline) -> list[Block]:
        sheet, limits = self.sheet, self.limits
        if sheet.height * sheet.width > limits.cells:
            raise limits.refuse(self.source, "cells", f"工作表“{sheet.name}”有 {sheet.height:,} 行 × {sheet.width:,} 列")
        first_row, first_column = sheet.start or (0, 0)
        covered, continued = self._merges(first_row, first_column)
        values = sheet.to_python(skip_empty_area=True)
        hidden_rows, hidden_columns = self.extras.hidden_rows, self.extras.hidden_columns
        formats, indents = self.extras.number_formats, self.extras.indents
        shown = self.extras.texts
        shown_rows = {r for r, _ in shown}
        hidden_text: list[str] = []
        rows: list[Row] = []
        hidden = bool(hidden_rows or hidden_columns)
        merged_rows = {r for r, _ in covered} | {r for r, _ in continued}
        for offset, values_row in enumerate(values):
            if offset % 1000 == 0:
                deadline.check(f"第{self.number}个表格第{offset + 1}行")
            r = first_row + offset
            # calamine gives "" for an empty cell; a string without line breaks only needs stripping
            texts = [(value.strip() if "\n" not in value and "\r" not in value else _text(value, _GENERAL))
                     if value.__class__ is str else _text(value, formats.get((r, c), _GENERAL))
                     for c, value in enumerate(values_row, start=first_column)]
            if r in shown_rows:
                texts = [text or shown.get((r, c), "") for c, text in enumerate(texts, start=first_column)]
            if not hidden and r not in merged_rows:
                cells = [Cell(text=text, column=c, indent=indents.get((r, c), 0))
                         for c, text in enumerate(texts, start=first_column) if text]
            else:
                cells = []
                for c, text in enumerate(texts, start=first_column):
                    if hidden and (r in hidden_rows or c in hidden_columns):
                        if text:
                            hidden_text.append(f"{column_name(c)}{r + 1}")
                    elif text:
                        if (r, c) not in covered:
                            cells.append(Cell(text=text, column=c, indent=indents.get((r, c), 0)))
                    elif (r, c) in continued:
                        cells.append(Cell(text="", column=c))
            if cells and any(cell.text for cell in cells):
                rows.append(Row(cells=cells, table=self.number, row=r + 1))
        if hidden_text:
            shown = quoted_cells(hidden_text[:10], "、")
            shown = Phrase("{cells}等", {"cells": shown}) if len(hidden_text) > 10 else shown
            self.diagnostics.append(diagnostic("P116", Location(file=self.source, table=self.number),
                                               name=sheet.name, count=len(hidden_text), cells=shown))
        if self.extras.uncomputed:
            cells = self.extras.uncomputed
            listed = quoted_cells(cells[:10], "、")
            self.diagnostics.append(diagnostic("P177", Location(file=self.source, table=self.number), name=sheet.name,
                                               count=len(cells),
                                               cells=Phrase("{cells}等", {"cells": listed}) if len(cells) > 10 else listed))
        if rows and all(len(row.filled) == 1 for row in rows):
            return [Paragraph(text=row.filled[0].text, line=row.row) for row in rows]
        return list(rows)

    def _merges(self, first_row: int, first_column: int) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
        """(row, column) of the cells right of a merge's first column, and of its first column below its
        first row; each range is judged by its area before any of it is expanded, then clipped to the cells
        calamine holds."""
        covered: set[tuple[int, int]] = set()
        continued: set[tuple[int, int]] = set()
        last_row = first_row + self.sheet.height - 1
        last_column = first_column + self.sheet.width - 1
        expanded = 0
        for (top, left), (bottom, right) in self.sheet.merged_cell_ranges or []:
            area = (bottom - top + 1) * (right - left + 1)
            if area > self.limits.merge_area:
                raise self.limits.refuse(self.source, "merge_area",
                                         f"工作表“{self.sheet.name}”合并了 {column_name(left)}{top + 1}:"
                                         f"{column_name(right)}{bottom + 1}（{area:,} 个单元格）")
            bottom, right = min(bottom, last_row), min(right, last_column)
            expanded += max(bottom - top + 1, 0) * max(right - left + 1, 0)
            if expanded > self.limits.cells:
                raise self.limits.refuse(self.source, "cells", f"工作表“{self.sheet.name}”的合并单元格共覆盖更多")
            for row in range(top, bottom + 1):
                covered.update((row, column) for column in range(left + 1, right + 1))
                if row > top:
                    continued.add((row, left))
        return covered, continued


def column_name(index: int) -> str:
    """Excel's letters for the 0-based column ``index`` (0 is A, 26 is AA)."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _text(value: object, number_format: str) -> str:
    if isinstance(value, str):
        return "\n".join(line.strip() for line in value.replace("\r\n", "\n").split("\n") if line.strip())
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float)):
        return display_number(value, number_format)
    if isinstance(value, datetime | date) and number_format != _GENERAL and (shown := shown_date(value, number_format)):
        return shown
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    return str(value).strip()


def _date_letters(number_format: str) -> str:
    """The letters of a date format's first section, lower-cased, without its literals and bracketed codes
    ([DBNum1], [$-804]); the era year of a Chinese locale (e"年") is a year (y)."""
    return _QUOTED.sub("", number_format.split(";")[0]).lower().replace("e", "y")


def shows_month_only(number_format: str) -> bool:
    """Whether a date format shows a year and month and no day or time (yyyy"年"m"月", yyyy-mm, mmm-yy, e"年"m"月")."""
    letters = _date_letters(number_format)
    return "y" in letters and "m" in letters and not any(letter in letters for letter in "dhs")


def shows_chinese_date(number_format: str) -> bool:
    """Whether a date format shows a month and day in Chinese and no time (yyyy"年"m"月"d"日", m"月"d"日")."""
    letters = _date_letters(number_format)
    return "日" in number_format.split(";")[0] and "m" in letters and "d" in letters and not any(
        letter in letters for letter in "hs")


def shown_date(value: date, number_format: str) -> str | None:
    """The date as the sheet shows it where that is not its ISO form: a deadline typed as a month is that month
    (2024年6月, 2024-06), not its first day; a date shown in Chinese (2024年12月31日) reads as shown. None under
    any other format (the ISO form, 2024-12-31)."""
    if shows_month_only(number_format):
        return f"{value.year}年{value.month}月" if "年" in number_format else f"{value.year}-{value.month:02d}"
    if shows_chinese_date(number_format):
        year = f"{value.year}年" if "y" in _date_letters(number_format) else ""
        return f"{year}{value.month}月{value.day}日"
    return None


def display_number(value: int | float, number_format: str) -> str:
    """The number as Excel displays it under ``number_format``: ``18`` with ``0.00`` is ``18.00``, ``0.3`` with
    ``0%`` is ``30%``; under General the shortest form without float noise (``0.1+0.2`` is ``0.3``).

    Thousands separators and colours are left out: the text is read as a value, not shown. Of the literal text a
    format prints, an operator before the number and a unit after it are kept (``"≥"0%`` shows ``≥95%``, ``0"个"``
    shows ``18个``): a form that types 95 and shows ``95%`` means a percentage.
    """
    if value != value or value in (float("inf"), float("-inf")):
        return str(value)
    # Excel keeps 15 significant digits; Decimal(str()) of the rounded form has no binary noise.
    number = Decimal(format(value, ".15g")) if isinstance(value, float) else Decimal(value)
    written = number_format.split(";")[0]
    section = _QUOTED.sub("", written)
    before, after = _literals(written)
    percent = "%" in section
    if percent:
        number *= 100
    if section.strip().lower() in _GENERAL_SECTIONS:
        text = format(number.normalize(), "f") if number != number.to_integral() else format(number.to_integral(), "f")
    else:
        match = _PLACES.search(section)
        places = len(match.group(1)) if match else 0
        try:
            text = format(number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP), "f")
        except InvalidOperation:  # more digits than Decimal's precision holds: no places to show anyway
            text = format(number.normalize(), "f")
    return f"{before}{text}%{after}" if percent else f"{before}{text}{after}"


def _literals(section: str) -> tuple[str, str]:
    """The operator a format section prints before its number and the unit it prints after it ('' where none)."""
    # (the literals' places are found with each literal masked, so that a 0 inside quotes is no placeholder)
    masked = _QUOTED.sub(lambda match: "\0" * len(match.group()), section)
    places = [match.start() for match in _PLACEHOLDER.finditer(masked)]
    if not places:
        return "", ""
    before: list[str] = []
    after: list[str] = []
    for match in _QUOTED.finditer(section):
        literal = match.group()
        text = literal[1:-1] if literal.startswith('"') else literal[1:] if literal.startswith("\\") else ""
        if match.end() <= places[0]:
            before.append(text)
        elif match.start() > places[-1]:
            after.append(text)
    operator, unit = "".join(before).strip(), "".join(after).strip()
    if operator and not set(operator) <= _OPERATORS:
        return "", ""  # a phrase around the number (“第”0“季度”): not a target's parts
    return operator, unit if unit and (unit in ("%", "‰") or canonical_unit(unit)) else ""
