"""Building test PDFs with reportlab: ruled tables with merged cells in a CJK font reportlab ships."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

from tests.documents.readers.sample_grid import SheetGrid, Span, placed

FONT = "STSong-Light"  # an Adobe CID font: no font file needed
COLUMN_WIDTHS = [70, 90, 110, 170, 180, 150]
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
_CELL = ParagraphStyle("cell", fontName=FONT, fontSize=7, leading=9)
_TITLE = ParagraphStyle("title", fontName=FONT, fontSize=12, leading=16)


def paragraph(text: str, style: ParagraphStyle = _CELL) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def ruled_table(rows: list[list[Span]]) -> Table:
    """A ruled table; spans become reportlab SPAN commands and covered positions stay empty."""
    grid = SheetGrid(title="", lines=[], rows=rows)
    data: list[list[object]] = [[""] * len(COLUMN_WIDTHS) for _ in rows]
    style = [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    for r, c, span in placed(grid):
        data[r][c] = paragraph(span.text)
        if span.colspan > 1 or span.rowspan > 1:
            style.append(("SPAN", (c, r), (c + span.colspan - 1, r + span.rowspan - 1)))
    table = Table(data, colWidths=COLUMN_WIDTHS)
    table.setStyle(TableStyle(style))
    return table


def sheet_flowables(grid: SheetGrid, split_at: int | None = None, repeat_header: bool = True) -> list:
    """The sheet's title and unit lines, then its table; ``split_at`` continues the table on a new page."""
    flowables: list = [paragraph(grid.title, _TITLE)] + [paragraph(line) for line in grid.lines]
    if split_at is None:
        return flowables + [ruled_table(grid.rows)]
    header = next(row for row in grid.rows if row[0].text == "一级指标")
    rest = [_unmerged(row) for row in grid.rows[split_at:]]
    rest = [header] + rest if repeat_header else rest
    return flowables + [ruled_table(_clip(grid.rows[:split_at])), PageBreak(), ruled_table(rest)]


def _clip(rows: list[list[Span]]) -> list[list[Span]]:
    """Rowspans cut at the page end, as a PDF printer draws them."""
    return [[Span(s.text, s.colspan, min(s.rowspan, len(rows) - r)) for s in row] for r, row in enumerate(rows)]


def _unmerged(row: list[Span]) -> list[Span]:
    # Rows continued on a new page lost their merged cells above: pad them back to the full width.
    missing = len(COLUMN_WIDTHS) - sum(s.colspan for s in row)
    return [Span("")] * missing + [Span(s.text, s.colspan) for s in row]


def build_pdf(flowables: list, footer: str | None = None) -> bytes:
    """Render ``flowables`` to PDF bytes on landscape A4; ``footer`` (its ``{page}`` the page's number) is printed at
    the foot of every page, as a word processor prints page numbers."""
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=landscape(A4), leftMargin=36, rightMargin=36)

    def number(canvas, _document) -> None:
        canvas.setFont(FONT, 9)
        canvas.drawCentredString(landscape(A4)[0] / 2, 20, footer.format(page=canvas.getPageNumber()))

    document.build(flowables, **({"onFirstPage": number, "onLaterPages": number} if footer else {}))
    return buffer.getvalue()
