"""Amounts of money as the database gives them back, with the places they need."""

from __future__ import annotations

from decimal import Decimal

__all__ = ["amount"]

_CENTS = Decimal("0.01")


def amount(value: Decimal | None) -> Decimal | None:
    """``value`` with the places it needs and at least the 分's two (18.000000 → 18.00, 2279.048000 → 2279.048):
    the database pads an amount to its column's six places, which the document did not print."""
    if value is None:
        return None
    trimmed = value.normalize()
    return trimmed if trimmed.as_tuple().exponent < -2 else trimmed.quantize(_CENTS)
