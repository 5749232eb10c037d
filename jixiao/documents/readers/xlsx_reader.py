"""Excel (.xlsx) files: every worksheet's rows, with merged cells and numbers as Excel displays them.

A merged range keeps its value in its top-left cell; the other cells are empty. As for Word tables (see
docx_reader.py), a range's first column is one Cell and the columns it covers to the right are dropped, while
the rows it covers below start with an EMPTY cell in that column, which the interpreter fills down or pairs with
the label above. A worksheet whose non-empty rows all hold a single cell is prose (the unit's overall goals),
read as paragraphs.

Worksheets are read with openpyxl's read-only mode, which streams the XML and is several times faster, but
does not expose merged ranges: those are taken from the ``mergeCell`` elements of the worksheet's XML.
"""

from __future__ import annotations

import io
import re
from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal

from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries

from jixiao.documents.blocks import Block, Cell, Layout, Paragraph, Row
from jixiao.documents.codes import diagnostic
from jixiao.documents.errors import NotAGoalDocument
from jixiao.model import Diagnostic, Location

__all__ = ["read_xlsx", "display_number"]

_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)"')
_PLACES = re.compile(r"\.([0#?]+)")
_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


def read_xlsx(data: bytes, source: str) -> Layout:
    """Read every worksheet in order; Row.table is the worksheet's 1-based number."""
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds (zip, XML, KeyError, ValueError) on damaged files
        raise NotAGoalDocument(source, f"Excel 文件已损坏，无法打开（{type(error).__name__}）") from None
    blocks: list[Block] = []
    diagnostics: list[Diagnostic] = []
    try:
        for number, worksheet in enumerate(workbook.worksheets, start=1):
            if not hasattr(worksheet, "iter_rows"):
                continue  # a chart sheet
            try:
                blocks.extend(_worksheet_blocks(worksheet, number))
            except Exception as error:  # one damaged worksheet must not lose the others
                diagnostics.append(diagnostic("P112", Location(file=source, table=number), name=worksheet.title,
                                              reason=type(error).__name__))
    finally:
        workbook.close()
    return Layout(name="xlsx", blocks=blocks, diagnostics=diagnostics)


def _merged_ranges(worksheet) -> list[tuple[int, int, int, int]]:
    """(min_col, min_row, max_col, max_row) of every merged range, 1-based."""
    with worksheet._get_source() as source:  # read-only worksheets keep merged ranges only in their XML
        xml = source.read()
    return [range_boundaries(match.decode()) for match in _MERGE.findall(xml)]


def _worksheet_blocks(worksheet, number: int) -> list[Block]:
    covered: set[tuple[int, int]] = set()  # (row, column) of cells to the right of a merge's first column
    continued: set[tuple[int, int]] = set()  # (row, column) of a merge's first column below its first row
    for min_col, min_row, max_col, max_row in _merged_ranges(worksheet):
        for row in range(min_row, max_row + 1):
            covered.update((row, column) for column in range(min_col + 1, max_col + 1))
            if row > min_row:
                continued.add((row, min_col))
    rows: list[Row] = []
    # The stored dimension is often wrong (some generators write A1): read every row to its last cell.
    worksheet.reset_dimensions()
    for row_number, cells in enumerate(worksheet.iter_rows(min_row=1, min_col=1), start=1):
        row_cells: list[Cell] = []
        for column, cell in enumerate(cells, start=1):
            if cell.value is None:
                if (row_number, column) in continued:
                    row_cells.append(Cell(text="", column=column - 1))
            elif (row_number, column) not in covered:
                row_cells.append(Cell(text=_text(cell.value, cell.number_format), column=column - 1))
        if any(cell.text for cell in row_cells):
            rows.append(Row(cells=row_cells, table=number, row=row_number))
    if rows and all(len(row.filled) == 1 for row in rows):
        return [Paragraph(text=row.filled[0].text, line=row.row) for row in rows]
    return list(rows)


def _text(value: object, number_format: str) -> str:
    if isinstance(value, str):
        return "\n".join(line.strip() for line in value.replace("\r\n", "\n").split("\n") if line.strip())
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float)):
        return display_number(value, number_format)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    return str(value).strip()


def display_number(value: int | float, number_format: str) -> str:
    """The number as Excel displays it under ``number_format``: ``18`` with ``0.00`` is ``18.00``, ``0.3`` with
    ``0%`` is ``30%``; under General the shortest form without float noise (``0.1+0.2`` is ``0.3``).

    Thousands separators and colours are left out: the text is read as a value, not shown.
    """
    # Excel keeps 15 significant digits; Decimal(str()) of the rounded form has no binary noise.
    number = Decimal(format(value, ".15g")) if isinstance(value, float) else Decimal(value)
    section = _QUOTED.sub("", number_format.split(";")[0])
    percent = "%" in section
    if percent:
        number *= 100
    if section.strip().lower() in ("general", "", "@"):
        text = format(number.normalize(), "f") if number != number.to_integral() else format(number.to_integral(), "f")
    else:
        match = _PLACES.search(section)
        places = len(match.group(1)) if match else 0
        text = format(number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP), "f")
    return f"{text}%" if percent else text
