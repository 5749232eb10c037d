"""PDF files with a text layer, through pdfplumber's table finder.

How a PDF represents a goal table: there is no table, only characters and ruling lines. pdfplumber finds the
cells from the lines; a merged cell comes back once, with None at the positions it covers (so a merged 一级指标
is an empty cell below its first row, as in Word's text export, and the interpreter fills it down). A line
that wraps inside a cell comes back as ``\\n``, like a paragraph break. A table that runs onto the next page
continues there, with or without its header repeated; page numbers between the two parts are dropped so the
rows stay together. A ruled part continues the open table only where its columns stand where the table's do, and
its cells go to those columns (a budget system frames the first page's grid with a narrow column the next pages
lack); a cell left open at the break, its text drawn beyond the grid on both pages, keeps that text in its first
row (``pdf_open_cells``). Text outside the tables (title, unit, money unit) becomes paragraphs in reading order.

Pages without ruled tables are tried with the text strategy (columns from the gaps between words), and such
a table is kept only when it carries goal labels or continues an unruled table of the previous page (a page of
prose after a ruled table is prose). That strategy makes a
row of every text line, so a cell wrapped over two lines would split its row in two and interleave the wrapped
halves of several columns with the next row; where the table sets its rows further apart than the lines of one
cell, the rows are found again between those wider gaps (explicit row lines) and a wrapped cell stays one cell. The page's number printed above or below such a table lines up with its columns too, and is
left out of it.

Bold text that the PDF draws twice, the second copy a fraction of a point to the side (a word processor's bold
for a font without a bold face), would read every character twice (绩绩效效); pdfplumber's ``dedupe_chars`` keeps one
copy of characters that stand at the same place. Pages without a text layer (scans) are reported and skipped.
"""

from __future__ import annotations

import io
import itertools
import logging
import struct
import zlib
from collections.abc import Iterator

import pdfplumber
from pdfminer.pdfexceptions import PDFException
from pdfminer.pdfpage import PDFPage
from pdfminer.psexceptions import PSException
from pdfplumber.page import Page
from pdfplumber.table import Table
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from jixiao.documents.blocks import Block, Cell, Layout, Paragraph, Row
from jixiao.documents.codes import diagnostic
from jixiao.documents.errors import NotAGoalDocument
from jixiao.documents.limits import DEFAULT_LIMITS, Deadline, ReadLimits
from jixiao.documents.readers.pdf_fonts import bound_font_widths
from jixiao.documents.readers.pdf_open_cells import OpenCells, column_edges, open_cells
from jixiao.documents.vocabulary import PAGE_NUMBER, column_label, header_label
from jixiao.model import Diagnostic, Location

__all__ = ["read_pdf"]

# pdfminer logs every oddity of a damaged file as a warning; what matters reaches the user as a diagnostic.
logging.getLogger("pdfminer").setLevel(logging.ERROR)
# a font's width ranges are expanded within the CIDs there are, not as far as a damaged number says (pdf_fonts)
bound_font_widths()


# Ruled tables first; the text strategy (columns from the gaps between words) only where a page has no rules.
_RULED = {
    "vertical_strategy": "lines", "horizontal_strategy": "lines",
    "snap_tolerance": 3, "join_tolerance": 3, "intersection_tolerance": 3,
}
_BY_TEXT = {"vertical_strategy": "text", "horizontal_strategy": "text", "min_words_vertical": 2}
# The text lines of an unruled table with cells wrapped over lines: the narrowest gap between two lines is a cell's
# line spacing when it is under half a line's height (as in a paragraph), and a gap that exceeds it by more than
# this share of a line's height separates two rows; lines that overlap belong to one row.
_WRAP_GAP = 0.5
_ROW_GAP = 0.3
# Rows of more lines than this on average are no rows: narrow gaps throughout are a dense table's own rows, and its
# few wider gaps set off parts of the table (a total), not rows.
_ROW_LINES = 4
# What pdfminer raises on damaged input: its own errors, and whatever Python error its parser runs into.
_DAMAGE = (PdfminerException, MalformedPDFException, PDFException, PSException, ValueError, KeyError, TypeError,
           AttributeError, IndexError, AssertionError, struct.error, zlib.error, UnicodeError, OverflowError,
           ZeroDivisionError, RecursionError, EOFError, NotImplementedError)


def read_pdf(data: bytes, source: str, limits: ReadLimits = DEFAULT_LIMITS, deadline: Deadline | None = None) -> Layout:
    """Read the tables and text lines of every page in reading order, within ``limits`` and the read's ``deadline``
    (its own when none is given).

    Pages are built one at a time from pdfminer's page tree, each inside the guard: pdfplumber's ``pdf.pages``
    would parse every page up front, outside any guard, and its ``close`` parses them again. A damaged page is
    reported and skipped; where the page tree itself breaks, reading stops there with a diagnostic.
    """
    deadline = deadline or Deadline(source, limits)
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except _DAMAGE:
        raise NotAGoalDocument(source, "PDF 文件已损坏或不完整，无法打开") from None
    reader = _Pages(source)
    for number, page in _pages(pdf, reader, limits):
        deadline.check(f"第{number}页")
        try:
            reader.page(page, number)
        except _DAMAGE:
            reader.diagnostics.append(diagnostic("P117", Location(file=source), page=number))
        finally:
            page.close()
    if reader.pages == 0:
        raise NotAGoalDocument(source, "PDF 文件已损坏或没有任何页面，无法读取")
    if not reader.has_text:
        raise NotAGoalDocument(source, "PDF 没有文字层（可能是扫描件），无法读取；请提供 Word、Excel 或带文字层的 PDF")
    return Layout(name="pdf", blocks=reader.blocks, diagnostics=reader.diagnostics)


def _pages(pdf: pdfplumber.PDF, reader: _Pages, limits: ReadLimits) -> Iterator[tuple[int, Page]]:
    """The document's pages as pdfplumber pages, one at a time, within the page limit."""
    pages = PDFPage.create_pages(pdf.doc)
    top = 0.0
    for number in itertools.count(1):
        try:
            raw = next(pages, None)
        except _DAMAGE:
            reader.diagnostics.append(diagnostic("P118", Location(file=reader.source), page=number))
            return
        if raw is None:
            return
        if number > limits.pdf_pages:
            raise limits.refuse(reader.source, "pdf_pages", "本文件页数更多")
        reader.pages += 1
        try:
            page = Page(pdf, raw, page_number=number, initial_doctop=top)
        except _DAMAGE:
            reader.diagnostics.append(diagnostic("P117", Location(file=reader.source), page=number))
            continue
        top += page.height
        yield number, page


class _Pages:
    """Accumulates the blocks of successive pages, carrying an open table from one page to the next."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.blocks: list[Block] = []
        self.diagnostics: list[Diagnostic] = []
        self.has_text = False
        self.pages = 0
        self._tables = 0
        self._rows = 0
        self._columns: list[float] = []  # the left edges of the open table's columns
        self._open: dict[int, Cell] = {}  # the open table's cells left open at the page's foot, by column
        self._ruled = False  # whether the open table was found by its rules

    @property
    def _in_table(self) -> bool:
        return bool(self.blocks) and isinstance(self.blocks[-1], Row)

    def page(self, page: Page, number: int) -> None:
        """Read one page."""
        if not page.chars:
            if page.images:
                self.diagnostics.append(diagnostic("P110", Location(file=self.source), page=number))
            return
        self.has_text = True
        page = page.dedupe_chars()
        tables = page.find_tables(_RULED)
        by_text = not tables
        if by_text:
            tables = [_rows_rejoined(page, _from_header(page, table)) for table in page.find_tables(_BY_TEXT)
                      if self._keeps(table)]
        items: list[tuple[float, Table | str]] = [(table.bbox[1], table) for table in tables]
        words = [] if by_text or not tables else page.extract_words()
        cells = {} if by_text else {
            id(table): open_cells(words, table, above=index == 0 and self._in_table, below=index == len(tables) - 1)
            for index, table in enumerate(sorted(tables, key=lambda table: table.bbox[1]))}
        taken = [bbox for found in cells.values() for bbox in found.taken]
        outside = page.filter(lambda obj: not any(_inside(obj, bbox) for bbox in
                                                  itertools.chain((table.bbox for table in tables), taken)))
        items += [(line["top"], line["text"]) for line in outside.extract_text_lines()]
        items.sort(key=lambda item: item[0])
        for index, (_, item) in enumerate(items):
            if isinstance(item, str):
                if not PAGE_NUMBER.match(item):
                    self.blocks.append(Paragraph(text=item.strip()))
            else:
                self._table(item, continues=index == 0 and self._in_table, by_text=by_text,
                            cells=cells.get(id(item)))

    def _keeps(self, table: Table) -> bool:
        rows = table.extract()
        if len(rows) < 2 or max(len(row) for row in rows) < 2:
            return False
        # (a ruled table goes on ruled: a page of text lines after it is prose, not the table's next rows)
        return (self._in_table and not self._ruled) or any(
            cell and (column_label(cell) or header_label(cell)) for row in rows for cell in row
        )

    def _table(self, table: Table, continues: bool, by_text: bool = False, cells: OpenCells | None = None) -> None:
        rows = table.extract()
        cells = cells or OpenCells()
        if by_text:
            rows = _without_page_numbers(rows)
        if not rows:
            return
        columns = column_edges(table)
        place = list(range(len(columns)))
        placed = _placed(columns, self._columns) if continues else None
        if placed is not None and placed != place:
            rows, place = [_regridded(texts, placed, len(self._columns)) for texts in rows], placed
        else:
            # a ruled table whose columns stand elsewhere than the open table's is a table of its own
            continues = continues and (by_text or placed is not None)
            self._columns = columns
        if not continues:
            self._tables += 1
            self._rows = 0
            self._open = {}
        self._ruled = not by_text
        built = []
        for texts in rows:
            self._rows += 1
            built.append(Row(cells=[Cell(text=_cell_text(text), column=column) for column, text in enumerate(texts)],
                             table=self._tables, row=self._rows))
        self.blocks.extend(built)
        # the text of a cell left open at the page break: the end of one begun on the previous page, then the
        # start of one that runs onto the next
        for column, text in cells.leading.items():
            _extend(self._open.get(place[column]) or built[0].cells[place[column]], text)
        self._open = {}
        for column, text in cells.trailing.items():
            self._open[place[column]] = _extend(built[cells.trailing_row[column]].cells[place[column]], text)


def _extend(cell: Cell, text: str) -> Cell:
    """``cell`` with ``text`` found for it added below its own. Some PDFs draw a cell open at a page break whole on
    both pages (each page clips what it shows), so a text that one of the two already holds is not added twice."""
    text = _cell_text(text)
    own, new = "".join(cell.text.split()), "".join(text.split())
    if new in own:
        return cell
    cell.text = text if own in new else "\n".join(part for part in (cell.text, text) if part)
    return cell


def _placed(columns: list[float], open_columns: list[float]) -> list[int] | None:
    """For each of ``columns`` (a table continuing on a new page) the column of the open table standing at the same
    place, or None where one of them stands nowhere the open table has a column. The part on the new page may lack
    a column the first part has (a frame drawn around the first page's title block, a column left empty), so
    continuing by position in the row would shift every cell after it into the wrong column."""
    placed = []
    for edge in columns:
        index = min(range(len(open_columns)), key=lambda i: abs(open_columns[i] - edge), default=None)
        if index is None or abs(open_columns[index] - edge) > _RULED["snap_tolerance"] or index in placed:
            return None
        placed.append(index)
    return placed


def _regridded(texts: list[str | None], placed: list[int], width: int) -> list[str | None]:
    """A continuing row's cells moved to the open table's columns (``placed``); the columns it lacks are empty."""
    row: list[str | None] = [None] * width
    for text, index in zip(texts, placed, strict=False):
        row[index] = text
    return row


def _without_page_numbers(rows: list[list[str | None]]) -> list[list[str | None]]:
    """The rows of a table found by its text without the page's number above or below it (- 2 -, 第2页), which
    lines up with its columns as any line does and would read as a row of its own."""
    def page_number(row: list[str | None]) -> bool:
        text = "".join(cell or "" for cell in row)
        return bool(text.strip()) and PAGE_NUMBER.match(text.strip()) is not None

    start, end = 0, len(rows)
    while start < end and page_number(rows[start]):
        start += 1
    while end > start and page_number(rows[end - 1]):
        end -= 1
    return rows[start:end]


def _from_header(page: Page, table: Table) -> Table:
    """``table`` (found by its text) from its header row down: the title and the header block's lines above the grid
    (项目名称：…) line up with its columns by chance, and taken in they cut its cells at their own gaps. The table is
    found again below them; it stays as it was where no line of it names a column (a page it continues on)."""
    # (across the page: the columns the finder left out for their few words are the header's too)
    region = page.crop((page.bbox[0], table.bbox[1], page.bbox[2], table.bbox[3]))
    lines = sorted(region.extract_text_lines(return_chars=False), key=lambda line: line["top"])
    header = next((line for line in lines if any(column_label(word) for word in line["text"].split())), None)
    if header is None:
        return table
    # each label opens its column, so that a column of few words (levels left blank) is still one
    labels = [word for word in page.crop((page.bbox[0], header["top"] - 1, page.bbox[2], header["bottom"] + 1))
              .extract_words() if column_label(word["text"])]
    left = min([table.bbox[0], *(word["x0"] - 1 for word in labels)])
    right = max([table.bbox[2], *(word["x1"] + 1 for word in labels)])
    below = page.crop((left, header["top"] - 1, right, table.bbox[3]))
    found = below.find_tables({**_BY_TEXT, "explicit_vertical_lines": [*(word["x0"] - 1 for word in labels), right]})
    return max(found, key=lambda candidate: len(candidate.cells), default=table)


def _rows_rejoined(page: Page, table: Table) -> Table:
    """``table`` (found by its text) with its rows found again between the gaps that separate rows, so that the
    lines of a wrapped cell are one cell; the table as it was where its line gaps are all alike."""
    region = page.crop(table.bbox)
    boundaries = _row_boundaries(region.extract_text_lines(return_chars=False))
    if not boundaries:
        return table
    found = region.find_tables({**_BY_TEXT, "horizontal_strategy": "explicit",
                                "explicit_horizontal_lines": [table.bbox[1], *boundaries, table.bbox[3]]})
    return max(found, key=lambda candidate: len(candidate.cells), default=table)


def _row_boundaries(lines: list[dict]) -> list[float]:
    """Where rows part among the text lines of a table: between lines further apart than a wrapped cell's lines are
    (the narrowest gap, when it is a paragraph's line spacing); none when nothing shows a cell wrapped (each line
    its own row) or nothing parts the rows."""
    lines = sorted(lines, key=lambda line: line["top"])
    if len(lines) < 3:
        return []
    height = sorted(line["bottom"] - line["top"] for line in lines)[len(lines) // 2]
    pairs = [(after["top"] - before["bottom"], (before["bottom"] + after["top"]) / 2)
             for before, after in itertools.pairwise(lines)]
    narrowest = min((gap for gap, _ in pairs if gap > 0), default=None)
    wrap = narrowest if narrowest is not None and narrowest < _WRAP_GAP * height else None
    # (lines that overlap are a cell set halfway down its row beside a wrapped one: never a row's edge)
    wide = [middle for gap, middle in pairs if gap > 0 and (wrap is None or gap > wrap + _ROW_GAP * height)]
    return wide if 0 < len(wide) < len(pairs) and len(lines) <= _ROW_LINES * (len(wide) + 1) else []


def _inside(obj: dict, bbox: tuple[float, float, float, float]) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return bbox[0] <= x <= bbox[2] and bbox[1] <= y <= bbox[3]


def _cell_text(text: str | None) -> str:
    if not text:
        return ""
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())
