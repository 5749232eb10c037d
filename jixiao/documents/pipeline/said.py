"""Indicators a report's sentence states with its own words for the target and for what was achieved
(``优抚对象生活补助金每月中旬发放指标为100%实际完成值为100%``), several run together in one sentence without
punctuation between them. Used by the labels step (such a line is prose, never table cells run together) and by
prose reading (:mod:`.prose`), which makes each part an indicator.
"""

from __future__ import annotations

import re
from functools import cache

from jixiao.model.units import unit_spellings

__all__ = ["said_indicators"]

_OPERATOR = r"(?:[≥≤≧≦><=＞＜＝]=?|不低于|不少于|不超过|不高于|大于等于|小于等于|达到|达)"


@cache
def _said() -> re.Pattern[str]:
    units = sorted((u for u in unit_spellings() if u and not u.isascii()), key=len, reverse=True)
    figure = _OPERATOR + r"?\s*\d[\d,]*(?:\.\d+)?\s*(?:%|" + "|".join(re.escape(u) for u in units) + ")?"
    # the name, the word saying the target (指标为, 年度指标值为, 目标值:), the target, then the word saying what was
    # achieved (实际完成值为, 完成情况:) and its figure
    return re.compile(r"(?P<name>[^,，;；。:：]+?)(?:年度)?(?:指标值?|目标值?)(?:为|是|[:：])\s*(?P<target>" + figure
                      + r")[,，]?\s*(?:实际)?完成(?:值|情况)?(?:为|是|[:：])?\s*(?P<actual>" + figure + r")[,，;；。]?\s*")


def said_indicators(text: str) -> list[tuple[str, str, str]] | None:
    """The (name, target, actual) of each indicator of a sentence made only of such parts, or None when any of
    the text is something else."""
    found: list[tuple[str, str, str]] = []
    at, text = 0, text.strip()
    while at < len(text):
        part = _said().match(text, at)
        if part is None:
            return None
        found.append((part["name"].strip(), part["target"].strip(), part["actual"].strip()))
        at = part.end()
    return found or None
