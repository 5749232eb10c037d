"""Excel (.xlsx) files: the worksheets through python-calamine (see workbook.py), with what calamine leaves out.

calamine gives values, dates and merged ranges. It does not give number formats, so ``0.95`` under ``0%``
would read as ``0.95`` where the user sees and means ``95%``; nor hidden rows and columns. Both are taken from
the parts themselves: the number format of each cell style from ``xl/styles.xml`` (only those that change how a
number displays: percentages and fixed decimal places; calamine already turns date formats into dates), and one
streaming pass over each worksheet's XML for the cells' styles, hidden rows and columns, and the used range.

That pass runs before calamine loads the worksheet and is where the limits bite: the part's size, compression
ratio and nodes are checked while it decompresses (limits.py), and a used range over the cell limit is refused
before calamine allocates it (calamine holds a worksheet as a dense grid).
"""

from __future__ import annotations

import posixpath

from lxml import etree

from jixiao.documents.blocks import Layout
from jixiao.documents.errors import NotAGoalDocument
from jixiao.documents.limits import DEFAULT_LIMITS, LimitedZip, ReadLimits
from jixiao.documents.readers.workbook import SheetExtras, column_name, display_number, read_workbook

__all__ = ["read_xlsx", "display_number"]

_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_R_STRICT = "{http://purl.oclc.org/ooxml/officeDocument/relationships}id"
# Built-in number formats (ECMA-376 part 1, 18.8.30) that change how a number displays; the date ones are
# left to calamine, General (0) and text (49) change nothing.
_BUILT_IN = {1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 37: "#,##0", 38: "#,##0",
             39: "#,##0.00", 40: "#,##0.00"}
_NOT_NUMBERS = {"s", "str", "inlineStr", "b", "e"}  # cell types whose value is not a number
_TRUE = {"1", "true"}


def read_xlsx(data: bytes, source: str, limits: ReadLimits = DEFAULT_LIMITS) -> Layout:
    """Read every worksheet in order; Row.table is the worksheet's 1-based number."""
    archive = LimitedZip(data, source, limits, "Excel")
    if not archive.has("xl/workbook.xml"):
        raise NotAGoalDocument(source, "Excel 文件已损坏：缺少工作簿部分（xl/workbook.xml）")
    parts = _worksheet_parts(archive)
    styles = _styles(archive)

    def extras(name: str, number: int) -> SheetExtras:
        part = parts.get(name)
        if part is None or not archive.has(part):
            return SheetExtras()  # calamine reports a worksheet it cannot find
        return _SheetPass(archive, part, name, styles).run()

    return read_workbook(data, source, limits, "xlsx", extras)


def _local(tag: object) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _worksheet_parts(archive: LimitedZip) -> dict[str, str]:
    """Worksheet name -> its part's path, from the workbook and its relationships."""
    workbook = archive.parse("xl/workbook.xml")
    rels_name = "xl/_rels/workbook.xml.rels"
    targets = {}
    if archive.has(rels_name):
        for rel in archive.parse(rels_name):
            target = rel.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
            targets[rel.get("Id")] = path
    parts = {}
    for element in workbook.iter("{*}sheet"):
        rel_id = element.get(_R) or element.get(_R_STRICT)
        if rel_id in targets:
            parts[element.get("name", "")] = targets[rel_id]
    return parts


def _styles(archive: LimitedZip) -> list[str | None]:
    """For each cell style (``s`` attribute), the number format that changes how a number displays, or None."""
    if not archive.has("xl/styles.xml"):
        return []
    root = archive.parse("xl/styles.xml")
    custom = {}
    for element in root.iterfind("{*}numFmts/{*}numFmt"):
        try:
            custom[int(element.get("numFmtId", ""))] = element.get("formatCode", "")
        except ValueError:
            continue
    formats: list[str | None] = []
    for xf in root.iterfind("{*}cellXfs/{*}xf"):
        try:
            number = int(xf.get("numFmtId", "0"))
        except ValueError:
            number = 0
        code = custom.get(number, _BUILT_IN.get(number))
        formats.append(code if code and _changes_display(code) else None)
    return formats


def _changes_display(code: str) -> bool:
    """Whether a number reads differently under ``code`` than under General (dates are calamine's)."""
    return display_number(0.125, code) != "0.125" and not any(letter in code.lower() for letter in "ymdhs")


class _SheetPass:
    """One streaming pass over a worksheet's XML for what calamine leaves out, within the limits."""

    def __init__(self, archive: LimitedZip, part: str, name: str, styles: list[str | None]) -> None:
        self.archive = archive
        self.part = part
        self.name = name
        self.styles = styles
        self.extras = SheetExtras()
        self.bounds = [None, None, -1, -1]  # first row, first column, last row, last column holding values

    def run(self) -> SheetExtras:
        parser = etree.XMLPullParser(events=("start", "end"), tag=("{*}c", "{*}row", "{*}col"),
                                     resolve_entities=False, no_network=True, huge_tree=True)
        row, column = -1, 0  # where a cell without a reference sits
        try:
            for chunk in self.archive.chunks(self.part):
                parser.feed(chunk)
                for event, element in parser.read_events():
                    tag = _local(element.tag)
                    if event == "start":
                        if tag == "row":
                            row, column = _int(element.get("r"), row + 2) - 1, 0
                    elif tag == "c":
                        reference = element.get("r")
                        if reference:
                            row, column = _reference(reference, row)
                        self._cell(element, row, column)
                        column += 1
                        element.clear()
                    elif tag == "row":
                        if element.get("hidden") in _TRUE:
                            self.extras.hidden_rows.add(row)
                        element.clear()
                        while element.getprevious() is not None:
                            del element.getparent()[0]
                        self._check_area()
                    elif tag == "col" and element.get("hidden") in _TRUE:
                        first, last = _int(element.get("min"), 1), _int(element.get("max"), 1)
                        self.extras.hidden_columns.update(range(max(first, 1) - 1, min(last, 16384)))
            parser.close()
        except etree.XMLSyntaxError as error:
            raise self.archive.damaged(f"工作表“{self.name}”的 XML 格式错误：{error.msg}") from None
        self._check_area()
        return self.extras

    def _cell(self, element, row: int, column: int) -> None:
        if not len(element):
            return  # a styled empty cell holds no value
        first_row, first_column, last_row, last_column = self.bounds
        self.bounds = [row if first_row is None else min(first_row, row),
                       column if first_column is None else min(first_column, column),
                       max(last_row, row), max(last_column, column)]
        style = element.get("s")
        if style and element.get("t") not in _NOT_NUMBERS:
            index = _int(style, -1)
            if 0 <= index < len(self.styles) and self.styles[index]:
                self.extras.number_formats[(row, column)] = self.styles[index]

    def _check_area(self) -> None:
        first_row, first_column, last_row, last_column = self.bounds
        if first_row is None:
            return
        rows, columns = last_row - first_row + 1, last_column - first_column + 1
        limits = self.archive.limits
        if rows * columns > limits.cells:
            raise limits.refuse(self.archive.source, "cells",
                                f"工作表“{self.name}”的范围 {column_name(first_column)}{first_row + 1}:"
                                f"{column_name(last_column)}{last_row + 1} 有 {rows * columns:,} 个")


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _reference(reference: str, row: int) -> tuple[int, int]:
    """0-based (row, column) of a cell reference such as ``AB12``."""
    column = 0
    index = 0
    for index, char in enumerate(reference):
        if "A" <= char <= "Z":
            column = column * 26 + ord(char) - 64
        elif "a" <= char <= "z":
            column = column * 26 + ord(char) - 96
        else:
            break
    else:
        index = len(reference)
    return _int(reference[index:], row + 1) - 1, max(column - 1, 0)
