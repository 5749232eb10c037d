"""Writing a Document as a Word (.docx) file in the official table layout (see sheet_grid.py)."""

from __future__ import annotations

import io

from docx import Document as new_word_document
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from jixiao.documents.writers.sheet_grid import overall_lines, sheet_grid, sheet_lines
from jixiao.model import Document, GoalSheet
from jixiao.model.office_text import xml_safe

__all__ = ["write_docx"]

_FONT = "宋体"
_LATIN_FONT = "Times New Roman"
_PAGE_WIDTH, _PAGE_HEIGHT, _MARGIN = Cm(29.7), Cm(21.0), Cm(1.8)
_STYLES = ("Normal", "Heading 1", "Heading 2", "Title")


def write_docx(document: Document) -> bytes:
    """The document as a .docx: the overall goals as headed paragraphs, then one table per sheet."""
    word = new_word_document()
    _set_up(word)
    for line in overall_lines(document):
        if line.level:
            word.add_heading(xml_safe(line.text), level=line.level)
        else:
            word.add_paragraph(xml_safe(line.text))
    for number, sheet in enumerate(document.sheets):
        if number:
            word.add_page_break()
        _write_sheet(word, sheet)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _set_up(word: WordDocument) -> None:
    """A4 landscape; 宋体 for Chinese text in every style used (eastAsia is the font Word uses for CJK)."""
    section = word.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = _PAGE_WIDTH, _PAGE_HEIGHT
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = _MARGIN
    for name in _STYLES:
        style = word.styles[name]
        style.font.name = _LATIN_FONT
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), _FONT)
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme"):
            fonts.attrib.pop(qn(theme), None)
    word.styles["Normal"].font.size = Pt(10.5)


def _write_sheet(word: WordDocument, sheet: GoalSheet) -> None:
    title, *others = sheet_lines(sheet)
    heading = word.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run(xml_safe(title))
    run.bold, run.font.size = True, Pt(16)
    for line in others:
        paragraph = word.add_paragraph(line)
        if line.startswith("单位："):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    grid = sheet_grid(sheet)
    table = word.add_table(rows=len(grid.rows), cols=grid.width)
    table.style = word.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    usable = _PAGE_WIDTH - 2 * _MARGIN
    total = sum(grid.column_weights)
    widths = [int(usable * weight / total) for weight in grid.column_weights]
    for column, width in zip(table.columns, widths):
        column.width = width
    for row_index, row in enumerate(grid.rows):
        cells = table.rows[row_index].cells
        for index, width in enumerate(widths):
            cells[index].width = width
        for cell in row:
            target = table.cell(row_index, cell.column)
            if cell.span > 1 or cell.down > 1:
                target = target.merge(table.cell(row_index + cell.down - 1, cell.column + cell.span - 1))
            _fill(target, cell.text, cell.label)


def _fill(cell, text: str, label: bool) -> None:
    """Write ``text`` into ``cell``, one paragraph per line; labels bold and centred."""
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    first, *rest = xml_safe(text).split("\n")
    paragraphs = [cell.paragraphs[0]] + [cell.add_paragraph() for _ in rest]
    for paragraph, line in zip(paragraphs, [first, *rest]):
        run = paragraph.add_run(line)
        if label:
            run.bold = True
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
