"""Numbers written in Chinese numerals (十八个村, 两万人, 百分之九十)."""

from __future__ import annotations

import re
from decimal import Decimal

__all__ = ["BARE_FIGURE", "CHINESE_DIGITS", "chinese_to_decimal", "failed_number", "written_number"]

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_LARGE_UNITS = {"万": 10_000, "亿": 100_000_000}
CHINESE_DIGITS = "".join([*_DIGITS, *_SMALL_UNITS, *_LARGE_UNITS])
# A figure in digits, its decimals if any: no sign, no thousands separator, no unit. What the reader, the review and the
# audit look for on its own (a cell that is a figure and nothing else; the figures of a name, 230 in 230人).
BARE_FIGURE = re.compile(r"\d+(?:\.\d+)?")
# a number as a document writes it: digits, a point, a sign (wider than BARE_FIGURE: a value read, not found in words)
_WRITTEN = re.compile(r"\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)\s*")
# where a figure failed: the words Decimal reads (NaN, Infinity, 1e999999) or a spreadsheet's error values
_FAILED = re.compile(r"\s*(?:[+-]?(?:s?nan\d*|inf(?:inity)?|(?:\d+(?:\.\d*)?|\.\d+)e[+-]?\d+)"
                     r"|#(?:value!|div/0!|n/a|ref!|name\?|num!|null!))\s*", re.IGNORECASE)


def written_number(text: str) -> Decimal | None:
    """``text`` read as a number written in figures (18, -5, 18.00, .5), or None. Decimal reads more: NaN, Infinity
    and exponents (1e999999), which no document writes as a figure and which break the arithmetic after (a NaN
    compares as an error, 1e999999 times 100 overflows), so a cell holding them is no figure."""
    return Decimal(text) if _WRITTEN.fullmatch(text) else None


def failed_number(text: str) -> bool:
    """Whether ``text`` stands where a figure failed (NaN, Infinity, 1e999, #DIV/0!): no figure, and no word either."""
    return bool(_FAILED.fullmatch(text))


def chinese_to_decimal(text: str) -> Decimal | None:
    """Convert a whole string of Chinese numerals to a number; None if it is not one."""
    if not text or any(ch not in CHINESE_DIGITS for ch in text):
        return None
    total = section = digit = 0
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _SMALL_UNITS:
            # A bare 十 at the start means 10 (十八 = 18).
            section += (digit or 1) * _SMALL_UNITS[ch]
            digit = 0
        else:
            total += (section + digit) * _LARGE_UNITS[ch]
            section = digit = 0
    return Decimal(total + section + digit)
