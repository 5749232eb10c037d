"""The bureau's overview of the year (execution, lights, scores, grades, projects at risk) and its settings."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.formats import localize

from jixiao.scoring import Light
from jixiao.web.links import id_url
from jixiao.web.organisation.models import Role, Unit
from jixiao.web.organisation.selectors import request_member, units_visible
from jixiao.web.performance.figures import SummaryPages, at_risk, mean, unit_figures
from jixiao.web.performance.forms import SettingForm
from jixiao.web.performance.selectors import season_of
from jixiao.web.performance.services import setting_save
from jixiao.web.performance.summaries import bureau_summaries
from jixiao.web.sheets.errors import SheetError
from jixiao.web.sheets.selectors import evaluation_year
from jixiao.web.sheets.views.common import filters_from
from jixiao.web.sheets.workflow import GRADES

__all__ = ["overview", "settings_view"]


def _reviewer(request):
    member = request_member(request)
    if member is None or member.role not in (Role.REVIEWER, Role.ADMIN):
        raise PermissionDenied("绩效运行概况仅供财政局审核人和管理员查看")
    return member


@login_required
def overview(request):
    """Every approved sheet of the bureau (or of one unit, ``?unit=``): light, execution rate, score and grade,
    with charts. Counts and averages are the units' stored figures (the page's totals add them up); the projects
    at risk (the most serious first) and the table of all projects are read a page at a time through indexes
    (:mod:`jixiao.web.performance.figures`)."""
    member = _reviewer(request)
    filters = filters_from(request.GET)
    year = filters.year or evaluation_year()
    unit = units_visible(member).filter(pk=filters.unit_id).first() if filters.unit_id else None
    try:
        season = season_of(member.bureau_id, year)
    except SheetError as error:
        messages.error(request, error.message)
        season = None
    summaries = bureau_summaries(member, year, unit.pk if unit else None)
    per_unit = unit_figures(Unit.objects.filter(pk=unit.pk) if unit else units_visible(member), year)
    grades = {grade: sum(u.grades.get(grade, 0) for u in per_unit) for grade in GRADES}
    lights = {light.value: sum(u.lights.get(light.value, 0) for u in per_unit) for light in Light}
    chart = {
        "units": [u.unit_name for u in per_unit],
        "rates": [mean(u.rate_sum, u.rate_count) for u in per_unit],
        "planned": [mean(u.planned_sum, u.planned_count) for u in per_unit],
        "scores": [mean(u.score_sum, u.score_count) for u in per_unit],
        "grades": [{"name": grade, "value": grades[grade]} for grade in GRADES if grades[grade]],
    }
    rows = Paginator(SummaryPages(per_unit), 50).get_page(request.GET.get("page"))
    risky = at_risk(summaries, AT_RISK_SHOWN, per_unit)
    _shown([*risky, *rows], year)
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "performance/overview.html", {
        "year": year, "unit": unit, "season": season, "chart": chart, "query": query.urlencode(),
        "rows": rows, "at_risk": risky,
        "at_risk_count": lights[Light.YELLOW.value] + lights[Light.RED.value],
        "lights": {light: n for light, n in lights.items() if n},
    })


def _shown(rows: list, year: int) -> None:
    """Give each summary of the page's two tables its links and figures as shown, worked out here once rather than
    by the template engine's URL reversing and number localising on each of some seventy rows."""
    tracking, evaluation = id_url("performance:tracking"), id_url("performance:evaluation")
    for row in rows:
        row.unit_link = f"?year={year}&unit={row.unit_id}"
        row.tracking_link, row.evaluation_link = tracking(row.sheet_id), evaluation(row.sheet_id)
        row.rate_shown, row.planned_shown, row.score_shown = (
            str(localize(value)) for value in (row.execution_rate, row.planned, row.score_total))


# The projects at risk listed on the overview, the most serious first (all are counted; the table of all projects
# below pages on).
AT_RISK_SHOWN = 20


@login_required
def settings_view(request):
    """The bureau chooses its scoring profile and the monitoring period for a year."""
    member = _reviewer(request)
    year = filters_from(request.GET).year or evaluation_year()
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
