"""Published web pages (政府信息公开): HTML tables and the text around them.

How HTML represents a goal table: rows are ``<tr>`` elements of ``<td>``/``<th>`` cells; a merged cell is written
once with ``rowspan``/``colspan`` and the positions it covers are simply absent from later rows. So cells are
placed on a grid: a cell keeps the grid column it starts at, a position covered by a rowspan from above becomes
an empty cell (as a merged cell is in Word's text export, and the interpreter fills 一级/二级 down), and columns
covered by a colspan are not repeated. ``<br>``, ``<p>`` and ``<div>`` inside a cell are line breaks.

Pages often wrap their content in a layout table whose cells hold the real tables: a table holding tables and
no goal labels of its own is walked as a container; a goal table with a small table in one cell keeps that
table's text in the cell. Text outside tables becomes paragraphs (the title, the unit, the money unit).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import lxml.html
from lxml import etree

from jixiao.documents.blocks import Block, Cell, Layout, Paragraph, Row
from jixiao.documents.codes import diagnostic
from jixiao.documents.errors import NotAGoalDocument
from jixiao.documents.limits import DEFAULT_LIMITS, Deadline, ReadLimits
from jixiao.documents.readers.text_decode import decode_text
from jixiao.documents.vocabulary import column_label, header_label
from jixiao.model import Diagnostic, Location

__all__ = ["read_html"]

_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.IGNORECASE)
# GB2312 and GBK pages routinely contain characters only their superset GB18030 defines.
_CHARSET_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "hz-gb-2312": "gb18030"}
_SKIPPED = {"head", "script", "style", "noscript", "template", "title", "select", "button"}
_BLOCKS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "section", "article",
    "header", "footer", "center", "blockquote", "pre", "form", "caption", "hr", "address", "main", "nav",
}
_ROW_GROUPS = {"thead", "tbody", "tfoot"}
_CELLS = {"td", "th"}
_SPACES = re.compile(r"[ \t\r\n\f\u00a0]+")
_MAX_SPAN = 200  # a broken colspan="99999" must not allocate a huge grid


def read_html(data: bytes, source: str, limits: ReadLimits = DEFAULT_LIMITS, deadline: Deadline | None = None) -> Layout:
    """Read the tables and paragraphs of a web page in reading order, within ``limits`` and the read's ``deadline``
    (its own when none is given)."""
    text, diagnostics = _decode(data, source)
    # every node starts with "<" or lies between two (see limits.py): refuse before lxml builds them
    if text.count("<") * 2 > limits.xml_nodes:
        raise limits.refuse(source, "xml_nodes", "网页的标记超过此数")
    try:
        root = lxml.html.document_fromstring(text.lstrip("\ufeff"))
    except (etree.ParserError, ValueError):
        raise NotAGoalDocument(source, "网页内容为空或无法解析") from None
    walker = _Walker(source, limits, deadline or Deadline(source, limits))
    walker.container(root)
    walker.flush()
    if not walker.blocks:
        raise NotAGoalDocument(source, "网页中没有文字内容")
    return Layout(name="html", blocks=walker.blocks, diagnostics=diagnostics)


def _decode(data: bytes, source: str) -> tuple[str, list[Diagnostic]]:
    """Decode with the charset the page declares, else as a text file (UTF-8, falling back to GB18030)."""
    declared = _DECLARED_CHARSET.search(data[:4096])
    if declared and not data.startswith(b"\xef\xbb\xbf"):
        name = declared.group(1).decode("ascii", "replace").lower()
        encoding = _CHARSET_ALIASES.get(name, name)
        try:
            text = data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            pass
        else:
            found = [] if encoding in {"utf-8", "utf8"} else [
                diagnostic("P109", Location(file=source), encoding=encoding.upper())
            ]
            return _without_xml_declaration(text), found
    text, found = decode_text(data, source)
    return _without_xml_declaration(text), found


def _without_xml_declaration(text: str) -> str:
    # lxml refuses a str that still declares its byte encoding.
    return re.sub(r"^\s*<\?xml[^>]*\?>", "", text)


class _Walker:
    """Walks the tree in document order, collecting paragraphs and numbered tables."""

    def __init__(self, source: str, limits: ReadLimits, deadline: Deadline) -> None:
        self.blocks: list[Block] = []
        self.tables = 0
        self._line: list[str] = []
        self._source = source
        self._limits = limits
        self._deadline = deadline
        self._cells = 0

    def flush(self) -> None:
        """End the current run of inline text as a paragraph."""
        text = _SPACES.sub(" ", "".join(self._line)).strip()
        self._line = []
        if text:
            self.blocks.append(Paragraph(text=text))

    def container(self, element: etree._Element) -> None:
        """Walk an element that is not a table: its text runs become paragraphs, its tables rows."""
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag == "table":
                self.flush()
                self.table(child)
            elif tag == "br" or tag in _BLOCKS:
                self.flush()
                if tag != "br":
                    self._text(child.text)
                    self.container(child)
                    self.flush()
            elif tag and tag not in _SKIPPED:
                self._text(child.text)
                self.container(child)
            self._text(child.tail)

    def _text(self, text: str | None) -> None:
        if text:
            self._line.append(text)

    def table(self, table: etree._Element) -> None:
        """Emit a goal table's rows, or walk a layout table's cells as containers."""
        self._deadline.check(f"第{self.tables + 1}个表格")
        rows = _rows(table)
        if table.find(".//table") is not None and not _has_goal_labels(rows):
            for tr in rows:
                for cell in _cells(tr):
                    self.container(cell)
                    self.flush()
            return
        self.tables += 1
        for number, row in enumerate(_grid(rows), start=1):
            # spans fill covered positions with empty cells: bound them, not just the markup
            self._cells += len(row)
            if self._cells > self._limits.cells:
                raise self._limits.refuse(self._source, "cells", f"第{self.tables}个表格的单元格更多")
            self.blocks.append(Row(cells=row, table=self.tables, row=number))


def _rows(table: etree._Element) -> list[etree._Element]:
    """The table's own rows, not those of tables nested in its cells."""
    rows = []
    for child in table:
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in _ROW_GROUPS:
            rows.extend(grandchild for grandchild in child if grandchild.tag == "tr")
    return rows


def _cells(tr: etree._Element) -> list[etree._Element]:
    return [child for child in tr if child.tag in _CELLS]


def _has_goal_labels(rows: list[etree._Element]) -> bool:
    for tr in rows:
        for cell in _cells(tr):
            own = _SPACES.sub("", "".join(cell.xpath("text()|./*[not(self::table)]//text()")))
            if own and (header_label(own) or column_label(own)):
                return True
    return False


def _grid(rows: list[etree._Element]) -> Iterator[list[Cell]]:
    """Place each cell on the grid, row by row; positions covered by a rowspan from above become empty cells."""
    covered: dict[int, int] = {}  # grid column -> how many more rows a rowspan from above covers it
    for tr in rows:
        cells: list[Cell] = []
        starting: dict[int, int] = {}
        column = 0
        for element in _cells(tr):
            while column in covered:
                cells.append(Cell(text="", column=column))
                column += 1
            colspan, rowspan = _span(element, "colspan"), _span(element, "rowspan")
            cells.append(Cell(text=cell_text(element), column=column))
            if rowspan > 1:
                starting.update(dict.fromkeys(range(column, column + colspan), rowspan - 1))
            column += colspan
        cells.extend(Cell(text="", column=col) for col in sorted(covered) if col >= column)
        covered = {col: left - 1 for col, left in covered.items() if left > 1} | starting
        yield cells


def _span(element: etree._Element, name: str) -> int:
    try:
        value = int(str(element.get(name, "1")).strip())
    except ValueError:
        return 1
    return min(max(value, 1), _MAX_SPAN)


def cell_text(element: etree._Element) -> str:
    """A cell's text with its line breaks (``<br>``, paragraphs) as ``\\n`` and HTML spacing collapsed."""
    lines: list[str] = []
    current: list[str] = []

    def newline() -> None:
        line = _SPACES.sub(" ", "".join(current)).strip()
        current.clear()
        if line:
            lines.append(line)

    def walk(node: etree._Element) -> None:
        if node.text:
            current.append(node.text)
        for child in node:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in _SKIPPED:
                pass
            elif tag == "br":
                newline()
            elif tag in _BLOCKS or tag in {"table", "tr"}:
                newline()
                walk(child)
                newline()
            elif tag in _CELLS:
                walk(child)
                current.append(" ")
            elif tag:
                walk(child)
            if child.tail:
                current.append(child.tail)

    walk(element)
    newline()
    return "\n".join(lines)
