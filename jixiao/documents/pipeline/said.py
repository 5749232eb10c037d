"""Indicators a report's sentence states with its own words for the target and for what was achieved
(``优抚对象生活补助金每月中旬发放指标为100%实际完成值为100%``), several run together in one sentence without
punctuation between them, or one to a numbered line whose clauses name the indicator, its target, what was achieved
and the points the self-evaluation gave it (``1.重大动物强制免疫病种群体免疫密度,年初目标值≥90%,实际完成值≥90%,
自评得分20分;``). Used by the labels step (such a line is prose, never table cells run together) and by prose reading
(:mod:`.prose`), which makes each part an indicator.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from jixiao.model.units import unit_spellings

__all__ = ["Said", "said_indicators"]

_OPERATOR = r"(?:[≥≤≧≦><=＞＜＝]=?|不低于|不少于|不超过|不高于|大于等于|小于等于|达到|达)"


class Said(NamedTuple):
    """One indicator a sentence states: its name, target and what was achieved as written, and the points the
    self-evaluation gave it (None when the sentence gives none)."""

    name: str
    target: str
    actual: str
    score: str | None = None


@cache
def _said() -> re.Pattern[str]:
    units = sorted((u for u in unit_spellings() if u and not u.isascii()), key=len, reverse=True)
    figure = _OPERATOR + r"?\s*\d[\d,]*(?:\.\d+)?\s*(?:%|" + "|".join(re.escape(u) for u in units) + ")?"
    # a list's number (1. 2、 (3)), the name, perhaps a comma, the word saying the target (指标为, 年度指标值为, 目标值:,
    # 年初目标值 with 年 lost: 初目标值), the target, then the word saying what was achieved (实际完成值为, 完成情况:) and
    # its figure, then perhaps the points given (自评得分20分)
    return re.compile(r"(?:\d{1,2}[.、．]|[(（]\d{1,2}[)）])?\s*(?P<name>[^,，;；。:：]+?)[,，]?\s*(?:年初|年度|全年|初)?"
                      r"(?:指标值?|目标值?)(?:为|是|[:：])?\s*(?P<target>" + figure
                      + r")[,，]?\s*(?:实际)?完成(?:值|情况)?(?:为|是|[:：])?\s*(?P<actual>" + figure
                      + r")(?:[,，]\s*(?:自评)?得分(?:为|[:：])?\s*(?P<score>\d+(?:\.\d+)?)分?)?[,，;；。]?\s*")


def said_indicators(text: str) -> list[Said] | None:
    """The indicators of a sentence made only of such parts, or None when any of the text is something else."""
    found: list[Said] = []
    at, text = 0, text.strip()
    while at < len(text):
        part = _said().match(text, at)
        if part is None or not part["name"].strip():
            return None
        found.append(Said(part["name"].strip(), part["target"].strip(), part["actual"].strip(), part["score"]))
        at = part.end()
    return found or None
