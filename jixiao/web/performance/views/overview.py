"""The bureau's overview of the year (execution, lights, scores, grades, projects at risk) and its settings."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.formats import localize
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from jixiao.scoring import Light
from jixiao.web.links import id_url
from jixiao.web.organisation.models import Role, Unit
from jixiao.web.organisation.selectors import request_member, units_visible
from jixiao.web.performance.figures import SummaryPages, at_risk, mean, unit_figures
from jixiao.web.performance.forms import SettingForm
from jixiao.web.performance.selectors import rate_heading, season_of
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
    query = request.GET.copy()
    query.pop("page", None)
    heading = rate_heading(season)
    return render(request, "performance/overview.html", {
        "year": year, "unit": unit, "season": season, "chart": chart, "query": query.urlencode(),
        "rows": rows, "at_risk": risky, "rate_heading": heading, **_tables(risky, rows, year, heading),
        "at_risk_count": lights[Light.YELLOW.value] + lights[Light.RED.value],
        "lights": {light: n for light, n in lights.items() if n},
        # the approved sheets the core could not monitor (no spending plan, no budget): counted beside the lights,
        # so that the tiles add up to the projects listed
        "unmonitored": sum(u.sheets for u in per_unit) - sum(lights.values()),
    })


def _tables(risky: list, rows, year: int, rate_heading: str) -> dict[str, SafeString]:
    """The rows of the page's two tables (the projects at risk, a page of all projects), escaped and joined here in
    one pass: the template engine's loops, with their lookups, conditions, URL reversing and number localising on
    each of some seventy rows, were most of the page's time."""
    tracking, evaluation = id_url("performance:tracking"), id_url("performance:evaluation")

    def named(row) -> tuple:  # the unit's and the project's links and names
        return f"?year={year}&unit={row.unit_id}", row.unit_name, tracking(row.sheet_id), row.sheet_name

    return {
        "at_risk_rows": format_html_join("", _AT_RISK_ROW, (
            (row.light, row.light_label, *named(row), rate_heading, _number(row.execution_rate), _number(row.planned),
             format_html_join("", "{}<br>", ((warning,) for warning in row.warning_messages)))
            for row in risky)),
        "project_rows": format_html_join("", _PROJECT_ROW, (
            (_light(row), *named(row), rate_heading, f"{_number(row.execution_rate)}%" if row.light else "",
             format_html('<a href="{}">{}</a>', evaluation(row.sheet_id), _number(row.score_total)) if row.grade
             else _NOT_EVALUATED, row.grade)
            for row in rows)),
    }


def _light(row) -> SafeString:
    if row.light:
        return format_html('<span class="light {}">{}</span>', row.light, row.light_label)
    return format_html('<span class="muted" title="{}">无法计算</span>', "；".join(row.monitoring_problem_messages))


def _number(value) -> str:
    return str(localize(value))


_NAMED = '<td><a href="{}">{}</a></td><td><a href="{}">{}</a></td>'
_AT_RISK_ROW = ('<tr><td><span class="light {}">{}</span></td>' + _NAMED + '<td class="num" data-label="{}">{}%</td>'
                '<td class="num" data-label="计划进度">{}%</td><td class="small">{}</td></tr>')
_PROJECT_ROW = ('<tr><td>{}</td>' + _NAMED + '<td class="num" data-label="{}">{}</td>'
                '<td class="num" data-label="自评得分">{}</td><td>{}</td></tr>')
_NOT_EVALUATED = mark_safe('<span class="muted">未自评</span>')


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
