"""Rendering a :class:`Grid` to .docx (python-docx) and .xlsx (openpyxl) bytes."""

from __future__ import annotations

import io

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from jixiao.model.office_text import put_text, xml_safe
from jixiao.scoring.reports.grid import Grid, placed

__all__ = ["to_docx", "to_xlsx"]


def to_docx(grid: Grid) -> bytes:
    """The grid as a Word document: a centred title and subtitle, then one table with merged cells."""
    document = docx.Document()
    for text, bold in ((grid.title, True), (grid.subtitle, False)):
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(xml_safe(text)).bold = bold
    table = document.add_table(rows=len(grid.rows), cols=grid.columns)
    table.style = "Table Grid"
    for row, column, cell in placed(grid):
        target = table.cell(row, column)
        if cell.rowspan > 1 or cell.colspan > 1:
            target = target.merge(table.cell(row + cell.rowspan - 1, column + cell.colspan - 1))
        target.text = xml_safe(cell.text)
        if cell.bold:
            for run in target.paragraphs[0].runs:
                run.bold = True
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="center")
_FIRST_ROW = 4  # title, subtitle, a blank line, then the table


def to_xlsx(grid: Grid) -> bytes:
    """The grid as a worksheet: title and subtitle merged across the table, bordered cells, merged spans."""
    book = Workbook()
    sheet = book.active
    sheet.title = grid.title[:31]
    for row, (text, size) in enumerate(((grid.title, 14), (grid.subtitle, 11)), start=1):
        put_text(sheet.cell(row, 1), text).font = Font(bold=row == 1, size=size)
        sheet.cell(row, 1).alignment = Alignment(horizontal="center")
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=grid.columns)
    for row, column, cell in placed(grid):
        top, left = _FIRST_ROW + row, 1 + column
        for r in range(top, top + cell.rowspan):
            for c in range(left, left + cell.colspan):
                sheet.cell(r, c).border = _BORDER
        written = put_text(sheet.cell(top, left), cell.text)
        written.alignment = _WRAP
        written.font = Font(bold=cell.bold)
        if cell.rowspan > 1 or cell.colspan > 1:
            sheet.merge_cells(start_row=top, start_column=left, end_row=top + cell.rowspan - 1,
                              end_column=left + cell.colspan - 1)
    for column in range(1, grid.columns + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 14
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
