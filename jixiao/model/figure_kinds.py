"""What kind of figure an indicator's name denotes (a rate, a count, money …), from how the name ends.

The words are data (``data/figure_kinds.toml``). The review asks it of names and targets, and so does the audit (a
数量指标 answered with a bare percentage is no count when its name is a rate), so it sits in the model below both.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import cache, lru_cache

from jixiao.model.lexicon import TEXT_MEMO, fold, load, longest_first

__all__ = ["Kind", "kind_of", "name_head"]


class Kind(StrEnum):
    """What an indicator's figure is."""

    SATISFACTION = "satisfaction"
    RATE = "rate"
    DURATION = "duration"
    MONEY = "money"
    COUNT = "count"


@cache
def _folded(section: str, key: str) -> tuple[str, ...]:
    return longest_first(load("figure_kinds")[section][key])


# Figures, units and punctuation that trail a name or description (受益人口满意度100%, 覆盖率(%)).
_TAIL = re.compile(r"[\d.%‰≥≤=<>()（）,，、:：;；\s]+$|[(（][^()（）]*[)）]$")


def name_head(text: str) -> str:
    """The name folded, without the figures, units and brackets that trail it (覆盖率(%) → 覆盖率)."""
    folded = fold(text)
    previous = None
    while previous != folded:
        previous, folded = folded, _TAIL.sub("", folded)
    return folded


@lru_cache(maxsize=TEXT_MEMO)
def kind_of(text: str | None) -> Kind | None:
    """The kind of figure a name (or a short description) denotes, from how it ends; None if unknown."""
    if not text:
        return None
    head = name_head(text)
    for name in load("figure_kinds")["kind_order"]:
        kind = Kind(name)
        for suffix in _folded(name, "suffixes"):
            if not head.endswith(suffix):
                continue
            if kind is Kind.COUNT:
                if head.endswith(_folded("count", "not_counts")):
                    continue
                if any(marker in head for marker in _folded("rate", "share_markers")) or _quotient(head):
                    return Kind.RATE
            return kind
    return None


def _quotient(head: str) -> bool:
    """True for a name that divides one count by another (实际完成飞行小时数/计划小时数, corpus 189): a rate."""
    numerator, slash, _ = head.rpartition("/")
    return bool(slash) and kind_of(numerator) is Kind.COUNT
