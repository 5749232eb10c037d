"""Excel (.xlsx) files: the worksheets through python-calamine (see workbook.py), with what calamine leaves out.

calamine gives values, dates and merged ranges. It does not give number formats, so ``0.95`` under ``0%``
would read as ``0.95`` where the user sees and means ``95%``; nor hidden rows and columns. Both are taken from
the parts themselves: the number format of each cell style from ``xl/styles.xml`` (only those that change how a
number displays: percentages and fixed decimal places; calamine already turns date formats into dates, of which
those that show only a month are kept, 2024年6月 being a month, not its first day, and those that show the date in
Chinese, 2024年12月31日, read as shown) and its
indentation (a 批复表 shows its levels only by it), and one
streaming pass over each worksheet's XML for the cells' styles, hidden rows and columns, and the used range.

That pass runs before calamine loads the worksheet and is where the limits bite: the part's size, compression
ratio and nodes are checked while it decompresses (limits.py), and a used range over the cell limit is refused
before calamine allocates it (calamine holds a worksheet as a dense grid).
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Sequence
from functools import lru_cache

from lxml import etree

from jixiao.documents.blocks import Layout
from jixiao.documents.errors import NotAGoalDocument
from jixiao.documents.limits import DEFAULT_LIMITS, Deadline, LimitedZip, ReadLimits
from jixiao.documents.readers.workbook import (
    SheetExtras,
    column_name,
    display_number,
    read_workbook,
    shows_chinese_date,
    shows_month_only,
)
from jixiao.model.lexicon import TEXT_MEMO

__all__ = ["read_xlsx", "display_number"]

# Built-in number formats (ECMA-376 part 1, 18.8.30) that change how a number displays; the date ones are
# left to calamine, General (0) and text (49) change nothing.
_BUILT_IN = {1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 37: "#,##0", 38: "#,##0",
             39: "#,##0.00", 40: "#,##0.00",
             # the Chinese locale's date formats, which Excel and WPS write by number alone
             31: 'yyyy"年"m"月"d"日"', 57: 'yyyy"年"m"月"', 58: 'm"月"d"日"'}
_NOT_NUMBERS = {b"s", b"str", b"inlineStr", b"b", b"e"}  # cell types whose value is not a number


def read_xlsx(data: bytes, source: str, limits: ReadLimits = DEFAULT_LIMITS, deadline: Deadline | None = None) -> Layout:
    """Read every worksheet in order within ``limits`` and the read's ``deadline`` (its own when none is given);
    Row.table is the worksheet's 1-based number."""
    archive = LimitedZip(data, source, limits, "Excel")
    if not archive.has("xl/workbook.xml"):
        raise NotAGoalDocument(source, "Excel 文件已损坏：缺少工作簿部分（xl/workbook.xml）")
    parts = _worksheet_parts(archive)
    styles, indents = _styles(archive)

    def extras(name: str, number: int) -> SheetExtras:
        part = parts.get(name)
        if part is None or not archive.has(part):
            return SheetExtras()  # calamine reports a worksheet it cannot find
        return _SheetPass(archive, part, name, styles, indents).run()

    return read_workbook(data, source, limits, "xlsx", extras, deadline or Deadline(source, limits))


_SHEET = re.compile(rb"<(?:\w+:)?sheet\b([^>]*)>")
_RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\b([^>]*)>")
_NUMBER_FORMAT = re.compile(rb"<(?:\w+:)?numFmt\b([^>]*)>")
_CELL_FORMATS = re.compile(rb"<(?:\w+:)?cellXfs\b[^>]*[^/]>(.*?)</(?:\w+:)?cellXfs>", re.S)
# each xf element: its attributes and, unless it closes itself, its children (the alignment)
_CELL_FORMAT = re.compile(rb"<(?:\w+:)?xf\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?xf>)", re.S)
_INDENT = re.compile(rb"<(?:\w+:)?alignment\b[^>]*?\sindent\s*=\s*[\"']([0-9]+)[\"']")


def _worksheet_parts(archive: LimitedZip) -> dict[str, str]:
    """Worksheet name -> its part's path, from the workbook and its relationships."""
    rels_name = "xl/_rels/workbook.xml.rels"
    targets = {}
    if archive.has(rels_name):
        for match in _RELATIONSHIP.finditer(archive.read(rels_name)):
            attributes = _attributes(match.group(1))
            target = _xml_text(attributes.get(b"Target", b""))
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
            targets[_xml_text(attributes.get(b"Id", b""))] = path
    parts = {}
    for match in _SHEET.finditer(archive.read("xl/workbook.xml")):
        attributes = _attributes(match.group(1))
        rel_id = _xml_text(attributes.get(b"r:id") or next(
            (value for key, value in attributes.items() if key.endswith(b":id")), b""))
        if rel_id in targets:
            parts[_xml_text(attributes.get(b"name", b""))] = targets[rel_id]
    return parts


def _styles(archive: LimitedZip) -> tuple[tuple[str | None, ...], tuple[int, ...]]:
    """For each cell style (``s`` attribute), the number format that changes how a number displays (or None),
    and its indentation level (0 for none)."""
    if not archive.has("xl/styles.xml"):
        return (), ()
    return _styles_of(archive.read("xl/styles.xml"))


# A province's workbooks come from a few templates and programs, whose style parts are alike byte for byte.
@lru_cache(maxsize=256)
def _styles_of(xml: bytes) -> tuple[tuple[str | None, ...], tuple[int, ...]]:
    custom = {}
    for match in _NUMBER_FORMAT.finditer(xml):
        attributes = _attributes(match.group(1))
        number = _int(attributes.get(b"numFmtId", b"").decode("ascii", "replace"), -1)
        if number >= 0:
            custom[number] = _xml_text(attributes.get(b"formatCode", b""))
    formats: list[str | None] = []
    indents: list[int] = []
    section = _CELL_FORMATS.search(xml)
    for attributes_text, children in _CELL_FORMAT.findall(section.group(1) if section else b""):
        number = _int(_attributes(attributes_text).get(b"numFmtId", b"").decode("ascii", "replace") or None, 0)
        code = custom.get(number, _BUILT_IN.get(number))
        formats.append(code if code and (_changes_display(code) or shows_month_only(code) or shows_chinese_date(code))
                       else None)
        indent = _INDENT.search(children)
        indents.append(int(indent.group(1)) if indent else 0)
    return tuple(formats), tuple(indents)


def _xml_text(value: bytes) -> str:
    """An attribute's text: decoded, its character and entity references resolved."""
    text = value.decode("utf-8", "replace")
    return html.unescape(text) if "&" in text else text


@lru_cache(maxsize=TEXT_MEMO)  # (a file's own number formats, mostly the few Excel ships)
def _changes_display(code: str) -> bool:
    """Whether a number reads differently under ``code`` than under General (dates are calamine's)."""
    return display_number(0.125, code) != "0.125" and not any(letter in code.lower() for letter in "ymdhs")


# every cell tag, with its reference where it starts with a plain r="A1" (empty groups where it does not)
_CELL_REFERENCE = re.compile(rb"<(?:\w+:)?c(?: r=\"([A-Z]{1,3})([0-9]{1,7})\"|[\s/>])")
# the same without the namespace prefix, which starts with a literal and is searched for several times faster: the
# cells' tags where no prefixed cell tag can stand (no ":c" before a space, "/" or ">")
_PLAIN_CELL_REFERENCE = re.compile(rb"<c(?: r=\"([A-Z]{1,3})([0-9]{1,7})\"|[\s/>])")
_PREFIXED_CELL = re.compile(rb":c[\s/>]")
_PREFIXED_TAG = re.compile(rb":c\b")  # where a prefixed cell tag may stand before its attributes
# a row or column hidden, or shown at no height or width (ht="0", width="0" with customHeight/customWidth: how a
# program or a hand dragging the border hides it without the hidden flag; Excel shows it no more than a hidden one)
_HIDDEN_ROW = re.compile(rb"<(?:\w+:)?row\b([^>]*?\s(?:hidden=\"(?:1|true)\"|ht=\"0(?:\.0*)?\")[^>]*)>")
_HIDDEN_COLUMNS = re.compile(rb"<(?:\w+:)?col\b([^>]*?\s(?:hidden=\"(?:1|true)\"|width=\"0(?:\.0*)?\")[^>]*)>")
_NO_HEIGHT = (b"hidden", b'ht="0"', b'ht="0.', b'width="0"', b'width="0.')  # where the patterns can match
_ATTRIBUTE = re.compile(rb"\s([\w:]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
# a formula cell up to its value: attributes, formula (one written out, or a shared formula's reference to it) and the
# value Excel saved with it, if any; and an error cell (#DIV/0!, #REF!), formula or not, up to its value
_FORMULA_CELL = (rb"c\b([^>]*)>\s*<{p}f\b[^>]*(?:/>|>[^<]*</{p}f>)\s*(?:<{p}v>([^<]*)</{p}v>)?")
# how a formula saved without its value ends (written out, or a shared formula's reference): one of these is in the
# part wherever such a formula is
_NO_VALUE = (b"</f></c>", b"<v></v>", b"<v/>", b"/></c>")
_ERROR_CELL = rb"c\b([^>]*\bt=[\"']e[\"'][^>]*)>(?:\s*<{p}f\b[^>]*(?:/>|>[^<]*</{p}f>))?\s*<{p}v>([^<]*)</{p}v>"


class _SheetPass:
    """What calamine leaves out of a worksheet, found in its XML (read within the size and node limits).

    Regular expressions over the bytes rather than a parse where that is certain: calamine parses the part
    anyway, and an lxml tree with a Python step per cell costs more than calamine's whole read. The used range
    is what guards memory, so it is taken from the bytes only when every cell tag starts with a plain
    ``r="A1"`` reference (as Excel, WPS and openpyxl write them); otherwise the part is parsed and every cell
    placed as calamine places it.
    """

    def __init__(self, archive: LimitedZip, part: str, name: str, styles: Sequence[str | None],
                 indents: Sequence[int]) -> None:
        self.archive = archive
        self.part = part
        self.name = name
        self.styles = styles
        self.indents = indents

    def run(self) -> SheetExtras:
        xml = self.archive.read(self.part)
        self._check_area(xml)
        extras = SheetExtras()
        if any(mark in xml for mark in _NO_HEIGHT):
            for match in _HIDDEN_ROW.finditer(xml):
                row = _int(_attributes(match.group(1)).get(b"r"), 0) - 1
                if row >= 0:
                    extras.hidden_rows.add(row)
            for match in _HIDDEN_COLUMNS.finditer(xml):
                attributes = _attributes(match.group(1))
                first, last = _int(attributes.get(b"min"), 1), _int(attributes.get(b"max"), 1)
                extras.hidden_columns.update(range(max(first, 1) - 1, min(last, 16384)))
        if b"<f" in xml or b":f" in xml or b't="e"' in xml:
            self._formulas(xml, extras)
        # the cells' pattern is slow on long sheets: first see whether any cell can have a formatted or
        # indented style
        formatted = [str(index) for index, (code, indent) in enumerate(zip(self.styles, self.indents))
                     if (code or indent) and f's="{index}"'.encode() in xml]
        if formatted:
            # (the namespace prefix only where one can stand: without it the pattern starts with a literal)
            prefix = rb"(?:\w+:)?" if _PREFIXED_TAG.search(xml) else b""
            cell = re.compile(rb"<" + prefix + rb"c\b([^>]*?\ss=\"(?:" + "|".join(formatted).encode() + rb")\"[^>]*)>")
            for match in cell.finditer(xml):
                attributes = _attributes(match.group(1))
                reference = attributes.get(b"r")
                if not reference:
                    continue
                position = _reference(reference.decode("ascii", "replace"), 0)
                style = int(attributes[b"s"])
                if self.indents[style]:
                    extras.indents[position] = self.indents[style]
                if self.styles[style] and attributes.get(b"t") not in _NOT_NUMBERS:
                    extras.number_formats[position] = self.styles[style]
        return extras

    @staticmethod
    def _formulas(xml: bytes, extras: SheetExtras) -> None:
        """What calamine reads as an empty cell: an error value (#DIV/0!, #REF!), kept as the text the sheet shows,
        and a formula saved without its value (by a program, not by Excel or WPS), noted for a diagnostic."""
        prefix = rb"(?:\w+:)?" if _PREFIXED_TAG.search(xml) else b""
        if b't="e"' in xml or b"t='e'" in xml:
            for match in _patterns(prefix)[1].finditer(xml):
                reference = _attributes(match.group(1)).get(b"r")
                if reference and match.group(2).strip():
                    extras.texts[_reference(reference.decode("ascii", "replace"), 0)] = _xml_text(match.group(2).strip())
        if not prefix and not any(mark in xml for mark in _NO_VALUE):
            return  # (every formula has its value: the long pattern is not run over a sheet of sums)
        for match in _patterns(prefix)[0].finditer(xml):
            attributes = _attributes(match.group(1))
            if not match.group(2) and attributes.get(b"t") not in (b"str", b"inlineStr", b"e"):
                extras.uncomputed.append(_xml_text(attributes.get(b"r", b"?")))

    def _check_area(self, xml: bytes) -> None:
        """Refuse a used range over the cell limit before calamine, which holds it as a dense grid, loads it."""
        pattern = _CELL_REFERENCE if _PREFIXED_CELL.search(xml) else _PLAIN_CELL_REFERENCE
        references = pattern.findall(xml)
        if all(number for _, number in references):
            rows = [int(number) - 1 for number in {number for _, number in references}]
            columns = [_reference(letters.decode() + "1", 0)[1] for letters in {letters for letters, _ in references}]
        else:
            rows, columns = self._parsed_positions(xml)
        if not rows:
            return
        first_row, last_row, first_column, last_column = min(rows), max(rows), min(columns), max(columns)
        area = (last_row - first_row + 1) * (last_column - first_column + 1)
        limits = self.archive.limits
        if area > limits.cells:
            raise limits.refuse(self.archive.source, "cells",
                                f"工作表“{self.name}”的范围 {column_name(first_column)}{first_row + 1}:"
                                f"{column_name(last_column)}{last_row + 1} 有 {area:,} 个")

    @staticmethod
    def _parsed_positions(xml: bytes) -> tuple[list[int], list[int]]:
        """The rows and columns of the cells, placed as calamine places them (a cell without a reference
        follows the one before it)."""
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
        try:
            root = etree.fromstring(xml, parser)
        except etree.XMLSyntaxError:
            return [], []  # calamine reports the damage
        rows, columns = [], []
        row = -1
        for element in root.iter("{*}row"):
            row = _int(element.get("r"), row + 2) - 1
            column = -1
            for cell in element.iterchildren("{*}c"):
                reference = cell.get("r")
                cell_row, column = _reference(reference, row) if reference else (row, column + 1)
                rows.append(cell_row)
                columns.append(column)
        return rows, columns


@lru_cache(maxsize=2)
def _patterns(prefix: bytes) -> tuple[re.Pattern[bytes], re.Pattern[bytes]]:
    """The formula and error cell patterns, with the namespace prefix only where one can stand (without it each
    starts with a literal, which is searched for far faster)."""
    return tuple(re.compile(b"<" + prefix + pattern.replace(b"{p}", prefix), re.S)
                 for pattern in (_FORMULA_CELL, _ERROR_CELL))


def _attributes(text: bytes) -> dict[bytes, bytes]:
    return {name: double or single for name, double, single in _ATTRIBUTE.findall(text)}


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _reference(reference: str, row: int) -> tuple[int, int]:
    """0-based (row, column) of a cell reference such as ``AB12``."""
    column = 0
    index = 0
    for index, char in enumerate(reference):  # noqa: B007 (the index after the loop is where the row number starts)
        if "A" <= char <= "Z":
            column = column * 26 + ord(char) - 64
        elif "a" <= char <= "z":
            column = column * 26 + ord(char) - 96
        else:
            break
    else:
        index = len(reference)
    return _int(reference[index:], row + 1) - 1, max(column - 1, 0)
