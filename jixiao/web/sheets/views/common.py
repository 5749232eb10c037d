"""Helpers shared by the sheet views."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect

from jixiao.web.errors import BadQuery
from jixiao.web.sheets.forms import SheetFilterForm
from jixiao.web.sheets.selectors import SheetFilters

__all__ = ["filters_from", "refuse"]


def filters_from(query) -> SheetFilters:
    """The list filters from a query string; a malformed parameter is refused with 400 (:class:`BadQuery`)."""
    form = SheetFilterForm(query)
    if not form.is_valid():
        name, errors = next(iter(form.errors.items()))
        raise BadQuery(name, errors[0], label=form.fields[name].label)
    data = form.cleaned_data
    return SheetFilters(year=data["year"], unit_id=data["unit"], status=data["status"], search=data["q"],
                        findings=data["findings"], min_amount=data["min"], max_amount=data["max"],
                        deleted=data["deleted"] == "1")


def refuse(request, message: str, to: str, **kwargs):
    """Show ``message`` as an error and go back to ``to``."""
    messages.error(request, message)
    return redirect(to, **kwargs)
