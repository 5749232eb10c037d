"""Helpers shared by the sheet views."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.shortcuts import redirect

from jixiao.web.sheets.selectors import SheetFilters

__all__ = ["filters_from", "refuse"]


def filters_from(query) -> SheetFilters:
    """The list filters from a query string; anything malformed is ignored."""
    return SheetFilters(
        year=_int(query.get("year")),
        unit_id=_int(query.get("unit")),
        status=query.get("status", ""),
        search=query.get("q", "").strip(),
        findings=query.get("findings", ""),
        min_amount=_decimal(query.get("min")),
        max_amount=_decimal(query.get("max")),
        deleted=query.get("deleted") == "1",
    )


def refuse(request, message: str, to: str, **kwargs):
    """Show ``message`` as an error and go back to ``to``."""
    messages.error(request, message)
    return redirect(to, **kwargs)


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text else None
    except ValueError:
        return None


def _decimal(text: str | None) -> Decimal | None:
    try:
        return Decimal(text) if text else None
    except InvalidOperation:
        return None
