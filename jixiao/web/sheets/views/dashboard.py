"""The reviewer's dashboard: who has not submitted, counts by state per unit, the most common problems."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from jixiao.web.organisation.models import Role
from jixiao.web.organisation.selectors import request_member
from jixiao.web.sheets.models import Status
from jixiao.web.sheets.selectors import budget_year, dashboard_counts
from jixiao.web.sheets.views.common import filters_from

__all__ = ["dashboard"]


@login_required
def dashboard(request):
    """Counts and charts over every unit of the reviewer's bureau for one year."""
    member = request_member(request)
    if member is None or member.role not in (Role.REVIEWER, Role.ADMIN):
        raise PermissionDenied("审核概况仅供财政局审核人和管理员查看")
    year = filters_from(request.GET).year or budget_year()
    counts = dashboard_counts(member, year)
    chart = {
        "units": [r["unit"].name for r in counts["rows"]],
        "states": [{"name": label, "data": [r[value] for r in counts["rows"]]} for value, label in Status.choices],
        "rules": [f"{r['rule']} {r['name']}" for r in counts["by_rule"][:10]][::-1],
        "rule_counts": [r["n"] for r in counts["by_rule"][:10]][::-1],
    }
    return render(request, "sheets/dashboard.html", {"year": year, "statuses": Status.choices, "chart": chart,
                                                     **counts})
