"""Excel 97–2003 (.xls) files, through python-calamine like .xlsx (see workbook.py).

calamine reads the BIFF records itself: values, dates and merged ranges. Number formats and hidden rows and
columns are not read for .xls (calamine exposes neither, and BIFF is not worth a parser of our own here): a
percentage reads as its value (``0.95``), and hidden cells are read like the others.
"""

from __future__ import annotations

from jixiao.documents.blocks import Layout
from jixiao.documents.limits import DEFAULT_LIMITS, ReadLimits
from jixiao.documents.readers.workbook import read_workbook

__all__ = ["read_xls"]


def read_xls(data: bytes, source: str, limits: ReadLimits = DEFAULT_LIMITS) -> Layout:
    """Read every worksheet in order; Row.table is the worksheet's 1-based number."""
    return read_workbook(data, source, limits, "xls", None)
