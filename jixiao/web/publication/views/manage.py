"""The bureau's publication page: which approved tables of a year are public, publish, withdraw, and publish
self-evaluation results after the year. For reviewers and admins of the bureau."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from jixiao.web.organisation.models import Role
from jixiao.web.organisation.selectors import request_member, units_visible
from jixiao.web.publication.services import (
    evaluation_publish,
    publication_publish,
    publication_withdraw,
    year_has_ended,
)
from jixiao.web.sheets.errors import SheetError
from jixiao.web.sheets.models import Sheet
from jixiao.web.sheets.selectors import budget_year

__all__ = ["manage", "publish", "publish_evaluation", "withdraw"]


def _bureau_member(request):
    member = request_member(request)
    if member is None or member.role not in (Role.REVIEWER, Role.ADMIN):
        raise PermissionDenied("只有财政部门的审核人或管理员可以管理公开")
    return member


def _year(request) -> int:
    text = request.GET.get("year") or request.POST.get("year") or ""
    return int(text) if text.isdigit() and 2000 <= int(text) <= 2100 else budget_year()


@login_required
def manage(request):
    """Approved tables of the bureau's units for a year, each with its publication state."""
    member = _bureau_member(request)
    year = _year(request)
    sheets = (Sheet.objects.filter(unit__in=units_visible(member), year=year, deleted_at__isnull=True,
                                   approved_versions__isnull=False).distinct().select_related("unit")
              .prefetch_related("publications").order_by("unit__code", "code", "name"))
    rows = []
    for sheet in sheets:
        public = [p for p in sheet.publications.all() if p.withdrawn_at is None]
        current = next((p for p in public if p.is_current), None)
        latest_approved = sheet.approved_versions.first()
        rows.append({"sheet": sheet, "current": current, "versions": len(public),
                     "outdated": current is not None and current.approved_version != latest_approved.version})
    return render(request, "publication/manage.html", {
        "year": year, "rows": rows, "years": range(budget_year() + 1, budget_year() - 6, -1),
        "year_ended": year_has_ended(year),
    })


def _act(request, pk: int, action, done: str, **kwargs):
    _bureau_member(request)
    try:
        action(user=request.user, sheet_id=pk, **kwargs)
    except SheetError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done)
    return redirect(f"{reverse('publication:manage')}?year={_year(request)}")


@login_required
@require_POST
def publish(request, pk: int):
    """Publish the sheet's approved version."""
    return _act(request, pk, publication_publish, "已公开")


@login_required
@require_POST
def publish_evaluation(request, pk: int):
    """Publish the sheet's self-evaluation result."""
    return _act(request, pk, evaluation_publish, "已公开自评结果")


@login_required
@require_POST
def withdraw(request, pk: int):
    """Withdraw the sheet from the public site, with a reason."""
    return _act(request, pk, publication_withdraw, "已撤回公开", reason=request.POST.get("reason", ""))
