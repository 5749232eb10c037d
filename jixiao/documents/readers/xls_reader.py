"""Excel 97–2003 (.xls) files: converted to .xlsx by LibreOffice where it is installed, else through calamine.

calamine reads the BIFF records itself: values, dates and merged ranges, but neither number formats nor hidden rows,
columns and worksheets (it exposes none of them, and BIFF is not worth a parser of our own here): a percentage
would read as its value (``0.95`` where the sheet shows ``95%``, as the budget system's .xls exports store every
target rate) and hidden cells like the others. So a .xls is converted as a .doc is (doc_reader.py: its own profile,
the time limit) and read as the .xlsx it becomes (xlsx_reader.py), with all of that. calamine reads it first all
the same: it refuses a damaged file (of which LibreOffice would make an empty workbook), and its reading stands where
LibreOffice is missing or cannot convert the file.
"""

from __future__ import annotations

from jixiao.documents.blocks import Layout
from jixiao.documents.limits import DEFAULT_LIMITS, Deadline, ReadLimits
from jixiao.documents.readers.doc_reader import convert
from jixiao.documents.readers.workbook import read_workbook
from jixiao.documents.readers.xlsx_reader import read_xlsx

__all__ = ["read_xls"]


def read_xls(data: bytes, source: str, limits: ReadLimits = DEFAULT_LIMITS, deadline: Deadline | None = None) -> Layout:
    """Read every worksheet in order within ``limits`` and the read's ``deadline`` (its own when none is given), the
    conversion too; Row.table is the worksheet's 1-based number."""
    deadline = deadline or Deadline(source, limits)
    # calamine first: it refuses a damaged file, of which LibreOffice would make an empty workbook
    layout = read_workbook(data, source, limits, "xls", None, deadline)
    converted = convert(data, "xls", "xlsx:Calc MS Excel 2007 XML", deadline) if layout.blocks else None
    if converted is None:
        return layout
    layout = read_xlsx(converted, source, limits, deadline)
    return Layout(name="xls", blocks=layout.blocks, diagnostics=layout.diagnostics, tabs=layout.tabs)
