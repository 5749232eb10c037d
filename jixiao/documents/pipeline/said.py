"""Indicators a report's sentence states with its own words for the target and for what was achieved
(``优抚对象生活补助金每月中旬发放指标为100%实际完成值为100%``), several run together in one sentence without
punctuation between them, or one to a numbered line whose clauses name the indicator, its target, what was achieved
and the points the self-evaluation gave it (``1.重大动物强制免疫病种群体免疫密度,年初目标值≥90%,实际完成值≥90%,
自评得分20分;``). Used by the labels step (such a line is prose, never table cells run together) and by prose reading
(:mod:`.prose`), which makes each part an indicator.

A report may name each indicator by its path of levels joined by dashes and give only what it came to
(``(1)投入-时效目标-绩效目标完成率实际完成情况:实际完成69.23%``): :func:`said_paths` reads those.

Under a report's heading of what was achieved (``(四)绩效指标完成情况分析``) a level's paragraph may give only results,
each a name and the figure it came to, several run together and one figure shared by names joined with 及
(``经费发放率为98%覆盖率及资金到位率均为100%``): :func:`said_results` reads those (no target is written).
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from jixiao.model.units import unit_spellings

__all__ = ["PathResult", "Said", "said_end", "said_indicators", "said_paths", "said_results"]

_OPERATOR = r"(?:[≥≤≧≦><=＞＜＝]=?|不低于|不少于|不超过|不高于|大于等于|小于等于|达到|达)"


class Said(NamedTuple):
    """One indicator a sentence states: its name, target and what was achieved as written, and the points the
    self-evaluation gave it (None when the sentence gives none)."""

    name: str
    target: str
    actual: str
    score: str | None = None
    rate: str | None = None  # the completion rate the sentence works out (目标完成率为143%), kept beside the row


@cache
def _figure() -> str:
    units = sorted((u for u in unit_spellings() if u and not u.isascii()), key=len, reverse=True)
    return _OPERATOR + r"?\s*\d[\d,]*(?:\.\d+)?\s*(?:%|" + "|".join(re.escape(u) for u in units) + ")?"


# a deadline said as the target and as what was achieved (2023年12月前, 11月底前, 2023年10月)
_DEADLINE = r"(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?(?:底|末)?(?:前|之前|以前)?(?![\d%])"


@cache
def _said() -> re.Pattern[str]:
    figure = f"(?:{_DEADLINE}|{_figure()})"
    # a list's number (1. 2、 (3)), the name, perhaps a comma or a colon, the word saying the target (指标为, 年度指标值为,
    # 目标值:, 计划, 预期目标, 年初目标值 with 年 lost: 初目标值), the target, then the word saying what was achieved
    # (实际完成值为, 完成情况:, 实际达到, 全年实际值, 实际为) and its figure (or the deadline), then perhaps the completion
    # rate worked out (目标完成率为100%) and the points given (自评得分20分, 得满分10分, 得10分), and the separators after
    # them (a converter's doubled commas: …目标完成率为0%,,当年…)
    return re.compile(r"(?:\d{1,2}[.、．]|[(（]\d{1,2}[)）])?\s*(?P<name>[^,，;；。:：]+?)[,，:：]?\s*(?:年初|年度|全年|初)?"
                      r"(?:绩效)?(?:指标值?|目标值?|计划(?:数|值)?|预期(?:目标)?值?)(?:为|是|[:：])?\s*(?P<target>" + figure
                      + r")[,，]?\s*(?:全年|年度)?(?:(?:实际)?(?:完成|达到|实现)(?:值|情况)?|实际(?:值|数)?)(?:为|是|[:：])?\s*"
                      r"(?P<actual>" + figure
                      + r")(?:[,，]\s*(?:目标|指标)?完成率(?:为|是|[:：])?\s*(?P<rate>\d+(?:\.\d+)?%))?"
                      r"(?:[,，]\s*(?:自评)?(?:得分|评分|得满分|得)(?:为|[:：])?\s*(?P<score>\d+(?:\.\d+)?)分?)?[,，;；。]*\s*")


def said_indicators(text: str) -> list[Said] | None:
    """The indicators of a sentence made only of such parts, or None when any of the text is something else."""
    found: list[Said] = []
    at, text = 0, text.strip()
    while at < len(text):
        part = _said().match(text, at)
        if part is None or not part["name"].strip():
            return None
        found.append(Said(part["name"].strip(), part["target"].strip(), part["actual"].strip(), part["score"],
                          part["rate"]))
        at = part.end()
    return found or None


def said_end(text: str, at: int) -> int:
    """Where the run of such parts starting at ``at`` in ``text`` ends (``at`` itself when none starts there): the
    part of a line a report's sentences take, the line going on with something else after them."""
    while (part := _said().match(text, at)) is not None and part["name"].strip() and part.end() > at:
        at = part.end()
    return at


# the words joining names that share one figure (覆盖率及资金到位率均为100%)
_JOINED = re.compile(r"[及和与、]")
_SHORTEST_NAME = 2


@cache
def _result() -> re.Pattern[str]:
    # a name, the word of what it came to (为, 达到, 达; 均为 after names sharing it), the figure; then the next part
    # right after it or after a comma
    return re.compile(r"(?P<names>[^,，;；。:：\d%]+?)(?P<shared>均|都)?(?:为|达到|达)\s*(?P<figure>" + _figure()
                      + r")(?![\d.])[,，]?\s*")


def said_results(text: str) -> list[tuple[str, str]] | None:
    """The (name, figure achieved) of each result a sentence made only of such parts states, or None when any of
    the text is something else. Names sharing one figure (``覆盖率及资金到位率均为100%``) each take it."""
    found: list[tuple[str, str]] = []
    at, text = 0, text.strip().rstrip("。;；")
    while at < len(text):
        part = _result().match(text, at)
        if part is None:
            return None
        names = [part["names"].strip()]
        if part["shared"]:
            names = [name.strip() for name in _JOINED.split(names[0])]
        if any(len(name) < _SHORTEST_NAME for name in names):
            return None
        found.extend((name, part["figure"].strip()) for name in names)
        at = part.end()
    return found or None


class PathResult(NamedTuple):
    """One indicator a report names by its path (level 1, level 2, name) and what it came to, as written."""

    level1: str
    level2: str
    name: str
    actual: str


@cache
def _path() -> re.Pattern[str]:
    # a list's number, the two level words (not the end of a longer word) and the name joined by dashes, the words
    # of what was achieved (实际完成情况:实际完成, 完成情况:, 实际完成值为) and the figure
    dash = r"\s*[-—–－]\s*"
    return re.compile(r"(?:[(（]\d{1,2}[)）]|\d{1,2}[.、．])?\s*(?<![\u4e00-\u9fff])(?P<level1>[\u4e00-\u9fff]{2,6})" + dash
                      + r"(?P<level2>[\u4e00-\u9fff]{2,8})" + dash + r"(?P<name>[^-—–－,，;；。:：]+?)\s*(?:实际)?完成(?:情况)?"
                      r"[:：]?\s*(?:实际)?(?:完成|达到)?值?(?:为|是|[:：])?\s*(?P<actual>" + _figure() + r")(?![\d.])")


def said_paths(text: str) -> list[PathResult]:
    """The indicators a report's sentence names by their path of levels joined by dashes, each with what it came
    to (``投入-时效目标-绩效目标完成率实际完成情况:实际完成 69.23%``); the sentence's other words are narrative."""
    return [PathResult(match["level1"], match["level2"], match["name"].strip(), match["actual"].strip())
            for match in _path().finditer(text) if len(match["name"].strip()) >= _SHORTEST_NAME]
