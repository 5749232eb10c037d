"""Units of measure (度量单位): recognising them and knowing what they measure."""

from __future__ import annotations

from enum import StrEnum
from functools import cache

from jixiao.model.lexicon import fold, load

__all__ = ["UnitKind", "canonical_unit", "unit_kind", "unit_spellings"]


class UnitKind(StrEnum):
    """What a unit measures; the review engine checks that it fits the indicator."""

    PERCENT = "percent"
    COUNT = "count"
    MONEY = "money"
    TIME = "time"
    PHYSICAL = "physical"


@cache
def _table() -> dict[str, tuple[str, UnitKind]]:
    data = load("units")
    aliases: dict[str, str] = data["aliases"]
    table: dict[str, tuple[str, UnitKind]] = {}
    for kind in UnitKind:
        for unit in data[kind.value]:
            canonical = aliases.get(unit, unit)
            table[fold(unit)] = (canonical, kind)
    for alias, canonical in aliases.items():
        table[fold(alias)] = (canonical, table[fold(canonical)][1])
    return table


@cache
def unit_spellings() -> tuple[str, ...]:
    """Every folded spelling of every unit, longest first (so 万元 wins over 元)."""
    return tuple(sorted(_table(), key=len, reverse=True))


def canonical_unit(spelling: str | None) -> str | None:
    """Return the canonical form of a unit spelling (％ and 百分比 become %), or None if unknown."""
    if not spelling:
        return None
    entry = _table().get(fold(spelling))
    return entry[0] if entry else None


def unit_kind(unit: str | None) -> UnitKind | None:
    """Return what ``unit`` measures, or None for an unknown or missing unit."""
    if not unit:
        return None
    entry = _table().get(fold(unit))
    return entry[1] if entry else None
