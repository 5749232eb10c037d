"""Helpers shared by the sheet views."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from jixiao.web.confirmation import Confirmation
from jixiao.web.errors import BadQuery
from jixiao.web.sheets.forms import SheetFilterForm
from jixiao.web.sheets.selectors import SheetFilters

__all__ = ["filters_from", "refuse", "sheet_confirmation"]


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


def sheet_confirmation(sheet, action: str, question: str, *, facts: tuple[tuple[str, str], ...] = (),
                       back: str = "", danger: bool = False) -> Confirmation:
    """What to ask before ``action`` on ``sheet``: the sheet, its unit and year, then ``facts`` of the step;
    取消 leads back to ``back`` (default: the sheet's page)."""
    named = (("项目名称", sheet.name or "（未命名项目）"), ("项目编码", sheet.code or "—"), ("单位", sheet.unit.name),
             ("年度", f"{sheet.year}年度"), ("状态", sheet.get_status_display()))
    return Confirmation(action=action, question=question, facts=named + facts,
                        back=back or reverse("sheets:detail", kwargs={"pk": sheet.pk}), danger=danger)
