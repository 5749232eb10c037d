"""Numbers written in Chinese numerals (十八个村, 两万人, 百分之九十)."""

from __future__ import annotations

import re
from decimal import Decimal

__all__ = ["BARE_FIGURE", "CHINESE_DIGITS", "capital_amount", "chinese_to_decimal", "failed_number", "written_number"]

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


# the capital numerals (大写) a money cell writes so that no figure can be altered (壹佰万元整, 拾贰万元), in either script
_CAPITALS = str.maketrans("壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬", "一二二三三四五六六七八九十百千万")
_CAPITAL = re.compile("[壹贰貳叁參肆伍陆陸柒捌玖拾佰仟]")
# an amount in them: perhaps after 人民币, its 万元 or 元 (圆), the 角 and 分 after the 元, and the 整 closing it
_CAPITAL_AMOUNT = re.compile(r"(?:人民币)?(?P<number>[零〇一二两三四五六七八九十百千万亿]+?)(?P<wan>万)?[元圆]"
                             r"(?:(?P<jiao>[一二三四五六七八九])角)?(?:零?(?P<fen>[一二三四五六七八九])分)?[整正]?")


def capital_amount(text: str) -> str | None:
    """An amount written in capital numerals, as figures with its unit: ``拾贰万元`` → ``12万元``, ``壹佰万元整`` → ``100万元``
    (a whole number of 万 is read in 万元), ``壹拾贰万叁仟元整`` → ``123000元``; None for any other text (figures, or
    ordinary numerals: 十二万元 is a sentence's count as often as an amount)."""
    folded = "".join(text.split())
    if not _CAPITAL.search(folded):
        return None
    found = _CAPITAL_AMOUNT.fullmatch(folded.translate(_CAPITALS))
    number = chinese_to_decimal(found["number"]) if found else None
    if found is None or number is None:
        return None
    cents = sum((Decimal(_DIGITS[found[part]]) / scale for part, scale in (("jiao", 10), ("fen", 100)) if found[part]),
                Decimal(0))
    if found["wan"] and not cents:
        return f"{number}万元"
    return f"{number * (10_000 if found['wan'] else 1) + cents}元"
