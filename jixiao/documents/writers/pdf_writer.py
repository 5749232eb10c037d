"""Writing a Document as PDF (A4 landscape, the official table layout), for publication and printing.

The same grid as the .docx and .xlsx writers (:mod:`jixiao.documents.writers.sheet_grid`), drawn with
reportlab. Chinese text uses reportlab's built-in Adobe-GB1 CID font (STSong-Light), which needs no font file
on the server; PDF readers supply the glyphs (it is one of the standard Chinese fonts every reader knows).
"""

from __future__ import annotations

import io
from html import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from jixiao.documents.writers.sheet_grid import overall_lines, sheet_grid, sheet_lines
from jixiao.model import Document, GoalSheet
from jixiao.model.office_text import xml_safe

__all__ = ["write_pdf"]

_FONT = "STSong-Light"
_MARGIN = 12 * mm


def _styles() -> dict[str, ParagraphStyle]:
    if _FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(_FONT))
    base = ParagraphStyle("body", fontName=_FONT, fontSize=9, leading=12, wordWrap="CJK")
    return {
        "body": base,
        "label": ParagraphStyle("label", parent=base, alignment=1),
        "title": ParagraphStyle("title", parent=base, fontSize=16, leading=22, alignment=1, spaceAfter=4),
        "right": ParagraphStyle("right", parent=base, alignment=2),
        "heading": ParagraphStyle("heading", parent=base, fontSize=12, leading=18, spaceBefore=6),
    }


def _paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    # Paragraph reads a small markup language: user text is escaped, line breaks kept.
    return Paragraph(escape(xml_safe(text)).replace("\n", "<br/>"), style)


def write_pdf(document: Document) -> bytes:
    """The document as PDF bytes: the overall goals (if any), then one table per sheet, each on its own page."""
    styles = _styles()
    story: list = []
    for line in overall_lines(document):
        story.append(_paragraph(line.text, styles["heading"] if line.level else styles["body"]))
    for sheet in document.sheets:
        if story:
            story.append(PageBreak())
        story += _sheet_story(sheet, styles)
    if not story:
        story.append(_paragraph("（没有内容）", styles["body"]))
    buffer = io.BytesIO()
    page = landscape(A4)
    SimpleDocTemplate(buffer, pagesize=page, leftMargin=_MARGIN, rightMargin=_MARGIN, topMargin=_MARGIN,
                      bottomMargin=_MARGIN, title=xml_safe(document.sheets[0].name or "") if document.sheets else "",
                      creator="jixiao").build(story)
    return buffer.getvalue()


def _sheet_story(sheet: GoalSheet, styles: dict[str, ParagraphStyle]) -> list:
    title, *others = sheet_lines(sheet)
    story: list = [_paragraph(title, styles["title"])]
    story += [_paragraph(line, styles["right"] if line.startswith("单位：") else styles["body"]) for line in others]
    story.append(Spacer(1, 2 * mm))
    grid = sheet_grid(sheet)
    usable = landscape(A4)[0] - 2 * _MARGIN
    total = sum(grid.column_weights)
    data = [["" for _ in range(grid.width)] for _ in grid.rows]
    commands = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    for row_index, row in enumerate(grid.rows):
        for cell in row:
            data[row_index][cell.column] = _paragraph(cell.text, styles["label"] if cell.label else styles["body"])
            if cell.span > 1 or cell.down > 1:
                commands.append(("SPAN", (cell.column, row_index),
                                 (cell.column + cell.span - 1, row_index + cell.down - 1)))
            if cell.label:
                commands.append(("BACKGROUND", (cell.column, row_index), (cell.column, row_index),
                                 colors.HexColor("#f2f2f2")))
    table = Table(data, colWidths=[usable * w / total for w in grid.column_weights], repeatRows=0)
    table.setStyle(TableStyle(commands))
    story.append(table)
    return story
