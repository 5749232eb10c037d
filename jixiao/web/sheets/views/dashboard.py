"""The reviewer's dashboard: who has not submitted, counts by state per unit, the most common problems."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.safestring import SafeString

from jixiao.model import Severity
from jixiao.web.organisation.models import Role
from jixiao.web.organisation.selectors import request_member
from jixiao.web.sheets.models import Status
from jixiao.web.sheets.selectors import budget_year, dashboard_counts
from jixiao.web.sheets.templatetags.rows import count
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
        # counted by rule and severity, as the table below: a rule seen at two severities is two bars, told apart
        "rules": [f"{r['rule']} {r['name']}（{Severity(r['severity']).label}）" for r in counts["by_rule"][:10]][::-1],
        "rule_counts": [r["n"] for r in counts["by_rule"][:10]][::-1],
    }
    return render(request, "sheets/dashboard.html", {"year": year, "statuses": Status.choices, "chart": chart,
                                                     "unit_rows": _unit_rows(counts["rows"], year), **counts})


def _unit_rows(rows: list[dict], year: int) -> SafeString:
    """The rows of the table of units by state, escaped and joined here in one pass: the template's loop did a
    dozen lookups and number formats for each of the bureau's hundred or so units."""
    list_url = reverse("sheets:list")
    return format_html_join("", _UNIT_ROW, (
        (list_url, year, r["unit"].pk, r["unit"].name,
         *(count(r[status]) for status in (Status.DRAFT, Status.SUBMITTED, Status.RETURNED, Status.APPROVED)))
        for r in rows))


# The link's "&" stays raw as the template wrote it (only the values are escaped).
_UNIT_ROW = ('<tr><td><a href="{}?year={}&unit={}">{}</a></td><td class="num" data-label="草稿">{}</td>'
             '<td class="num" data-label="已提交">{}</td><td class="num" data-label="已退回">{}</td>'
             '<td class="num" data-label="已批复">{}</td></tr>')
