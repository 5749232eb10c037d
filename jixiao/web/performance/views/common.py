"""Helpers shared by the performance views."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required

from jixiao.web.organisation.selectors import can_edit_unit, person_name, request_member
from jixiao.web.performance.models import Change
from jixiao.web.performance.selectors import SheetYear, sheet_year
from jixiao.web.performance.services import ACTIONS
from jixiao.web.sheets.errors import SheetError, StaleSheet
from jixiao.web.sheets.selectors import sheet_get
from jixiao.web.sheets.views.common import refuse

__all__ = ["history_of", "open_year", "stale_message", "year_view"]


def open_year(request, pk: int) -> tuple[SheetYear, bool]:
    """The sheet's year if the member may see it (404 otherwise), and whether it may edit it."""
    member = request_member(request)
    sheet = sheet_get(member, pk)
    return sheet_year(sheet), can_edit_unit(member, sheet.unit_id)


def history_of(year: SheetYear) -> list[Change]:
    """The latest recorded changes, labelled."""
    if year.tracking is None:
        return []
    changes = list(year.tracking.changes.select_related("user")[:100])
    for change in changes:
        change.label = ACTIONS.get(change.action, change.action)
    return changes




def year_view(view):
    """A view of one sheet's year: signed in, in scope (404), approved (else back to the sheet with why)."""
    @wraps(view)
    def wrapper(request, pk: int, *args, **kwargs):
        try:
            year, can_edit = open_year(request, pk)
        except SheetError as error:
            return refuse(request, error.message, "sheets:detail", pk=pk)
        return view(request, year, can_edit, *args, **kwargs)
    return login_required(wrapper)


def stale_message(request, error: StaleSheet) -> None:
    """The refusal of a stale save, with what changed since, as page messages."""
    messages.error(request, error.message.replace("这张表", "执行与自评记录"))
    for change in error.changes[:10]:
        who = person_name(change.user)
        messages.info(request, f"{who} 修改了 {change.field}：{change.old or '（空）'} → {change.new or '（空）'}")
