"""Units of measure (度量单位): recognising them and knowing what they measure."""

from __future__ import annotations

from enum import StrEnum
from functools import cache, lru_cache

from jixiao.model.lexicon import TEXT_MEMO, fold, load

__all__ = ["UnitKind", "canonical_unit", "compound_unit", "per_only_units", "unit_kind", "unit_spellings"]

# Separators inside the denominator of a compound unit: 元/人·天, 元/人、天, 元/人/天, 元/人.天 (a full stop typed for
# the middle dot) all mean per person-day.
_PER_JOINERS = "·、/*•."
# the word a denominator's unit may be written after (元/人.每天, 元/每人: per person per day, per person)
PER_WORD = "每"


class UnitKind(StrEnum):
    """What a unit measures; the review engine checks that it fits the indicator."""

    PERCENT = "percent"
    COUNT = "count"
    MONEY = "money"
    TIME = "time"
    PHYSICAL = "physical"


@cache
def _table() -> dict[str, tuple[str, UnitKind | None]]:
    data = load("units")
    aliases: dict[str, str] = data["aliases"]
    table: dict[str, tuple[str, UnitKind | None]] = {}
    for kind in UnitKind:
        for unit in data[kind.value]:
            canonical = aliases.get(unit, unit)
            table[fold(unit)] = (canonical, kind)
    for unit in (*data["magnitude"], *data["ratio"]):
        table[fold(unit)] = (unit, None)
    for alias, canonical in aliases.items():
        table[fold(alias)] = (canonical, table[fold(canonical)][1])
    return table


@cache
def unit_spellings() -> tuple[str, ...]:
    """Every folded spelling of every unit, longest first (so 万元 wins over 元)."""
    return tuple(sorted(_table(), key=len, reverse=True))


# Units are looked up for every target a sheet has, by reader and review alike: the answers are memoised.
@lru_cache(maxsize=TEXT_MEMO)
def _entry(spelling: str) -> tuple[str, UnitKind | None] | None:
    folded = fold(spelling)
    entry = _table().get(folded)
    if entry is not None or "/" not in folded:
        return entry
    head, _, per = folded.partition("/")
    numerator = _table().get(head)
    parts = [_per_part(part) for part in _split_per(per)]
    if (numerator is None and head) or not parts or any(part is None for part in parts):
        return None
    if numerator is None:
        # a rate whose first unit was left out (≤28.40/株 for 元/株): kept as written, measuring nothing known
        return compound_unit("", [part[0] for part in parts if part]), None
    return compound_unit(numerator[0], [part[0] for part in parts if part]), numerator[1]


def _per_part(part: str) -> tuple[str, UnitKind | None] | None:
    """A unit of a compound's denominator, as a table entry, written alone or after 每 (每天 of 元/人.每天)."""
    for spelling in (part, part.removeprefix(PER_WORD)):
        entry = _table().get(spelling) or _per_only(spelling)
        if entry is not None:
            return entry
    return None


def _per_only(part: str) -> tuple[str, UnitKind] | None:
    """A unit that stands only after the "/" of a compound (元/生), as a table entry."""
    return (part, UnitKind.COUNT) if part in per_only_units() else None


@cache
def per_only_units() -> tuple[str, ...]:
    """Units of count that stand only after the "/" of a compound unit (生 in 元/生/年): alone they are words."""
    return tuple(load("units")["per_only"])


@cache
def ratio_units() -> tuple[str, ...]:
    """Units of a multiple (倍: 放大倍数 ≥2倍): a unit written, though it measures none of the kinds."""
    return tuple(load("units")["ratio"])


def _split_per(per: str) -> list[str]:
    for joiner in _PER_JOINERS:
        per = per.replace(joiner, "·")
    return [part for part in per.split("·") if part]


def compound_unit(numerator: str, per: list[str]) -> str:
    """The canonical spelling of a compound unit: ``元`` per ``人`` and ``天`` is ``元/人·天``."""
    return f"{numerator}/{'·'.join(per)}" if per else numerator


def canonical_unit(spelling: str | None) -> str | None:
    """Return the canonical form of a unit spelling (％ and 百分比 become %, 元/人、天 becomes 元/人·天), or None."""
    if not spelling:
        return None
    entry = _entry(spelling)
    return entry[0] if entry else None


def unit_kind(unit: str | None) -> UnitKind | None:
    """Return what ``unit`` measures (a compound unit measures what its first part does), or None if unknown."""
    if not unit:
        return None
    entry = _entry(unit)
    return entry[1] if entry else None
