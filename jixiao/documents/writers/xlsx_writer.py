"""Writing a Document as an Excel (.xlsx) workbook: one worksheet per sheet in the official layout.

The overall goals, when present, come first on a worksheet of their own, one paragraph per row (the reader
takes a one-column worksheet as prose). Amounts and percents are stored as numbers formatted to the places
they were written with, so Excel can sum them and reading back gives the same text.
"""

from __future__ import annotations

import io
import re

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from jixiao.documents.writers.sheet_grid import overall_lines, sheet_grid, sheet_lines
from jixiao.model import Document, GoalSheet
from jixiao.model.office_text import put_text

__all__ = ["write_xlsx", "worksheet_names"]

_FONT = "宋体"
_COLUMN_UNIT = 9.0  # Excel width (characters) of a grid column of weight 1
_MAX_NAME = 31
_FORBIDDEN = re.compile(r"[\[\]:*?/\\：]")
_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="center")
_CENTRED = Alignment(wrap_text=True, vertical="center", horizontal="center")


def write_xlsx(document: Document) -> bytes:
    """The document as an .xlsx workbook."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    lines = overall_lines(document)
    names = worksheet_names(document.sheets, reserved=["部门整体绩效目标"] if lines else [])
    if lines:
        worksheet = workbook.create_sheet("部门整体绩效目标")
        worksheet.column_dimensions["A"].width = 100
        for number, line in enumerate(lines, start=1):
            cell = put_text(worksheet.cell(number, 1), line.text)
            cell.font = Font(name=_FONT, bold=bool(line.level), size=14 if line.level == 1 else 11)
            cell.alignment = Alignment(wrap_text=True)
    for sheet, name in zip(document.sheets, names):
        _write_sheet(workbook.create_sheet(name), sheet)
    if not workbook.worksheets:
        workbook.create_sheet("绩效目标表")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def worksheet_names(sheets: list[GoalSheet], reserved: list[str] = ()) -> list[str]:
    """A worksheet name per sheet: its project code or name, without the characters Excel forbids, at most
    31 characters, unique (``…(2)`` on a repeat)."""
    used = {name.lower() for name in reserved}
    names = []
    for number, sheet in enumerate(sheets, start=1):
        base = _FORBIDDEN.sub("_", sheet.code or sheet.name or "").strip("' ")[:_MAX_NAME] or f"绩效目标表{number}"
        name, copy = base, 1
        while name.lower() in used:
            copy += 1
            suffix = f"({copy})"
            name = base[: _MAX_NAME - len(suffix)] + suffix
        used.add(name.lower())
        names.append(name)
    return names


def _write_sheet(worksheet: Worksheet, sheet: GoalSheet) -> None:
    grid = sheet_grid(sheet)
    last = get_column_letter(grid.width)
    for number, line in enumerate(sheet_lines(sheet), start=1):
        cell = put_text(worksheet.cell(number, 1), line)
        worksheet.merge_cells(f"A{number}:{last}{number}")
        if number == 1:
            cell.font, cell.alignment = Font(name=_FONT, bold=True, size=16), _CENTRED
        else:
            cell.font = Font(name=_FONT)
            cell.alignment = Alignment(horizontal="right" if line.startswith("单位：") else "left")
    first = worksheet.max_row + 1
    for column, weight in enumerate(grid.column_weights, start=1):
        worksheet.column_dimensions[get_column_letter(column)].width = round(weight * _COLUMN_UNIT, 1)
    body, bold = Font(name=_FONT), Font(name=_FONT, bold=True)
    for row_index in range(first, first + len(grid.rows)):
        for column in range(1, grid.width + 1):
            worksheet.cell(row_index, column).border = _BORDER
    for offset, row in enumerate(grid.rows):
        row_index = first + offset
        for item in row:
            column = item.column + 1
            cell = worksheet.cell(row_index, column)
            if item.number is not None:
                cell.value = item.number
                cell.number_format = "0." + "0" * item.places if item.places else "0"
            elif item.text:
                put_text(cell, item.text)  # a target such as "=100%" is text, not a formula
            cell.font = bold if item.label else body
            cell.alignment = _CENTRED if item.label else _WRAP
            if item.span > 1 or item.down > 1:
                worksheet.merge_cells(start_row=row_index, start_column=column,
                                      end_row=row_index + item.down - 1, end_column=column + item.span - 1)
