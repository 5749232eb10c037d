"""Amounts of money shown with the places they were written with, never fewer than the 分's two."""

from __future__ import annotations

from decimal import Decimal

__all__ = ["amount", "amount_text"]

_CENTS = Decimal("0.01")


def amount(value: Decimal | None) -> Decimal | None:
    """``value`` with the places it needs and at least the 分's two (18.000000 → 18.00, 2279.048000 → 2279.048):
    a database pads an amount to its column's six places, and ``:.2f`` would round 153.5184 away from what the
    document printed."""
    if value is None:
        return None
    trimmed = value.normalize()
    return trimmed if trimmed.as_tuple().exponent < -2 else trimmed.quantize(_CENTS)


def amount_text(value: Decimal) -> str:
    """The text of an amount in a message or a cell: ``amount`` without exponent (1E+2 → 100.00)."""
    return f"{amount(value):f}"
