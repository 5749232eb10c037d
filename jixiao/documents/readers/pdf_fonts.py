"""Font width tables of a PDF read within the CIDs there are.

A CID font lists its glyph widths in ranges (``/W [27 28 238]``: CIDs 27 to 28 are 238 wide), and pdfminer builds
a dict entry for every CID of a range. One digit changed in a damaged or hostile file (``27 4294967296 238``) asks
for four billion entries: the reader ran to the memory of the machine before pdfminer, out of memory, gave up on the
font. A CID is at most 65,535 (PDF 32000-1, annex C), so each range is cut to the CIDs there can be before pdfminer
expands it; a file whose ranges stay within them reads as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps

from pdfminer import pdffont
from pdfminer.pdftypes import resolve1

__all__ = ["bound_font_widths"]

_MOST_CID = 0xFFFF


def _within_cids(seq: Iterable[object], run: int) -> list[object]:
    """``seq`` (a /W array, ``run`` 3, or a /W2 array, ``run`` 5) with the first two numbers of each range cut to
    0–65,535; lists and other items kept in place, as pdfminer reads them."""
    kept: list[object] = []
    numbers: list[object] = []
    for item in seq:
        value = resolve1(item)
        if isinstance(value, (int, float)):
            numbers.append(value)
            if len(numbers) == run:
                first, last = numbers[0], numbers[1]
                if isinstance(first, int) and isinstance(last, int):
                    numbers[0], numbers[1] = max(first, 0), min(last, _MOST_CID)
                kept += numbers
                numbers = []
        elif isinstance(value, list):
            # a list of widths starts at the number before it; numbers before that one are dropped, as pdfminer does
            kept += [*numbers, value]
            numbers = []
        else:
            kept.append(value)  # (pdfminer skips it without ending the range it is in)
    return kept + numbers


def _bounded(read: Callable, run: int) -> Callable:
    if getattr(read, "within_cids", False):
        return read

    @wraps(read)
    def bounded(seq: Iterable[object]):
        return read(_within_cids(seq, run))

    bounded.within_cids = True  # type: ignore[attr-defined]
    return bounded


def bound_font_widths() -> None:
    """Make pdfminer read every font's width ranges within the CIDs there are (idempotent)."""
    pdffont.get_widths = _bounded(pdffont.get_widths, 3)
    pdffont.get_widths2 = _bounded(pdffont.get_widths2, 5)
