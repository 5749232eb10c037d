"""The bureau's overview of the year (execution, lights, scores, grades, projects at risk) and its settings."""

from __future__ import annotations

from collections import Counter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render

from jixiao.scoring import Light
from jixiao.web.organisation.models import Role
from jixiao.web.organisation.selectors import request_member, units_visible
from jixiao.web.performance.forms import SettingForm
from jixiao.web.performance.selectors import season_of
from jixiao.web.performance.summaries import bureau_summaries
from jixiao.web.performance.services import setting_save
from jixiao.web.sheets.errors import SheetError
from jixiao.web.sheets.selectors import budget_year
from jixiao.web.sheets.views.common import filters_from

__all__ = ["overview", "settings_view"]


def _reviewer(request):
    member = request_member(request)
    if member is None or member.role == Role.PREPARER:
        raise PermissionDenied("绩效运行概况仅供财政局审核人和管理员查看")
    return member


@login_required
def overview(request):
    """Every approved sheet of the bureau (or of one unit, ``?unit=``): light, execution rate, score and grade,
    with charts, read from the stored summaries."""
    member = _reviewer(request)
    filters = filters_from(request.GET)
    year = filters.year or budget_year()
    unit = units_visible(member).filter(pk=filters.unit_id).first() if filters.unit_id else None
    try:
        season = season_of(member.bureau_id, year)
    except SheetError as error:
        messages.error(request, error.message)
        season = None
    rows = bureau_summaries(member, year, unit.pk if unit else None)
    by_unit: dict[str, list] = {}
    for row in rows:
        by_unit.setdefault(row.sheet.unit.name, []).append(row)
    grades = Counter(row.grade for row in rows if row.grade)
    chart = {
        "units": list(by_unit),
        "rates": [_average([r.execution_rate for r in unit if r.light]) for unit in by_unit.values()],
        "planned": [_average([r.planned for r in unit if r.light]) for unit in by_unit.values()],
        "scores": [_average([r.score_total for r in unit if r.grade]) for unit in by_unit.values()],
        "grades": [{"name": grade, "value": grades[grade]} for grade in ("优", "良", "中", "差") if grades[grade]],
    }
    at_risk = [r for r in rows if r.light in (Light.YELLOW, Light.RED)]
    at_risk.sort(key=lambda r: (-Light(r.light).rank, -r.gap))
    return render(request, "performance/overview.html", {
        "year": year, "unit": unit, "season": season, "rows": rows, "at_risk": at_risk, "chart": chart,
        "lights": Counter(r.light for r in rows if r.light),
    })


def _average(values) -> float | None:
    return round(float(sum(values) / len(values)), 2) if values else None


@login_required
def settings_view(request):
    """The bureau chooses its scoring profile and the monitoring period for a year."""
    member = _reviewer(request)
    year = filters_from(request.GET).year or budget_year()
    if request.method == "POST":
        form = SettingForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                setting_save(user=request.user, year=data["year"], profile=data["profile"],
                             period_end=data["period_end"])
            except SheetError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, f"已保存 {data['year']} 年度的监控与评分设置")
                return redirect(f"{request.path}?year={data['year']}")
    else:
        season = season_of(member.bureau_id, year)
        form = SettingForm(initial={"year": year, "profile": season.profile_name, "period_end": season.period_end})
    return render(request, "performance/settings.html", {"form": form, "year": year})
