"""Reading an .xlsx back the way a spreadsheet program sees it: which cells are formulas, which are text."""

from __future__ import annotations

import io
import re
import zipfile
from xml.etree import ElementTree

from openpyxl import load_workbook

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
FORMULA_TITLE = "=1+1"
FORMULA_LINK = '=HYPERLINK("http://x"&A1,"y")'


def raw_cells(data: bytes) -> list[tuple[str, str | None, bool, str]]:
    """Every cell of every worksheet from the XML itself: (reference, t attribute, has <f>, text)."""
    cells = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        shared = []
        if "xl/sharedStrings.xml" in archive.namelist():
            root = ElementTree.fromstring(archive.read("xl/sharedStrings.xml"))
            shared = ["".join(t.text or "" for t in si.iter(f"{_MAIN}t")) for si in root.iter(f"{_MAIN}si")]
        for name in archive.namelist():
            if not re.fullmatch(r"xl/worksheets/sheet\d+\.xml", name):
                continue
            for cell in ElementTree.fromstring(archive.read(name)).iter(f"{_MAIN}c"):
                kind = cell.get("t")
                text = "".join(t.text or "" for t in cell.iter(f"{_MAIN}t"))
                if kind == "s":
                    text = shared[int(cell.find(f"{_MAIN}v").text)]
                cells.append((cell.get("r"), kind, cell.find(f"{_MAIN}f") is not None, text))
    return cells


def assert_written_as_text(data: bytes, *texts: str) -> None:
    """No cell of the workbook is a formula, and each of ``texts`` is in a text cell, read back unchanged by
    openpyxl and marked with the quote prefix."""
    cells = raw_cells(data)
    assert [c for c in cells if c[2]] == [], "a cell was written as a formula"
    book = load_workbook(io.BytesIO(data))
    values = {(ws.title, cell.coordinate): cell for ws in book.worksheets for row in ws.iter_rows() for cell in row}
    for text in texts:
        found = [c for c in cells if text in c[3]]
        assert found, f"{text!r} is not in the workbook"
        assert all(kind in ("s", "inlineStr") for _, kind, _, _ in found), found
        opened = [cell for cell in values.values() if isinstance(cell.value, str) and text in cell.value]
        assert opened and all(cell.data_type == "s" for cell in opened)
        assert all(cell.quotePrefix for cell in opened if cell.value.startswith(text))
