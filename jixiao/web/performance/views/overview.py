"""The bureau's overview of the year (execution, lights, scores, grades, projects at risk) and its settings."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Avg, Case, Count, Q, When
from django.shortcuts import redirect, render

from jixiao.scoring import Light
from jixiao.web.organisation.models import Role
from jixiao.web.organisation.selectors import request_member, units_visible
from jixiao.web.performance.forms import SettingForm
from jixiao.web.performance.models import Summary
from jixiao.web.performance.selectors import season_of
from jixiao.web.performance.summaries import bureau_summaries
from jixiao.web.performance.services import setting_save
from jixiao.web.sheets.errors import SheetError
from jixiao.web.sheets.selectors import budget_year
from jixiao.web.sheets.workflow import GRADES
from jixiao.web.sheets.views.common import filters_from

__all__ = ["overview", "settings_view"]


def _reviewer(request):
    member = request_member(request)
    if member is None or member.role not in (Role.REVIEWER, Role.ADMIN):
        raise PermissionDenied("绩效运行概况仅供财政局审核人和管理员查看")
    return member


@login_required
def overview(request):
    """Every approved sheet of the bureau (or of one unit, ``?unit=``): light, execution rate, score and grade,
    with charts. Counts and averages are taken by the database over the stored summaries, per unit in one query
    (the page's totals add up the units'); the projects at risk (the most serious first) and the table of all
    projects are shown a page at a time."""
    member = _reviewer(request)
    filters = filters_from(request.GET)
    year = filters.year or budget_year()
    unit = units_visible(member).filter(pk=filters.unit_id).first() if filters.unit_id else None
    try:
        season = season_of(member.bureau_id, year)
    except SheetError as error:
        messages.error(request, error.message)
        season = None
    summaries = bureau_summaries(member, year, unit.pk if unit else None)
    per_unit = _per_unit(summaries, units_visible(member))
    grades = {grade: sum(u[f"grade_{grade}"] for u in per_unit) for grade in GRADES}
    lights = {light.value: sum(u[f"light_{light.value}"] for u in per_unit) for light in Light}
    chart = {
        "units": [u["name"] for u in per_unit],
        "rates": [_rounded(u["rate"]) for u in per_unit],
        "planned": [_rounded(u["planned"]) for u in per_unit],
        "scores": [_rounded(u["score"]) for u in per_unit],
        "grades": [{"name": grade, "value": grades[grade]} for grade in GRADES if grades[grade]],
    }
    serious = Case(*(When(light=light.value, then=light.rank) for light in Light), default=0)
    at_risk = summaries.filter(light__in=[Light.YELLOW, Light.RED]).order_by(serious.desc(), "-gap", "sheet_id")
    paginator = Paginator(summaries.values_list("pk", flat=True), 50)
    paginator.count = sum(u["sheets"] for u in per_unit)  # counted with the units' figures, not once more
    rows = paginator.get_page(request.GET.get("page"))
    rows.object_list = _loaded(rows.object_list)
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "performance/overview.html", {
        "year": year, "unit": unit, "season": season, "chart": chart, "query": query.urlencode(),
        "rows": rows, "at_risk": _loaded(at_risk.values_list("pk", flat=True)[:AT_RISK_SHOWN]),
        "at_risk_count": lights[Light.YELLOW.value] + lights[Light.RED.value],
        "lights": {light: n for light, n in lights.items() if n},
    })


def _loaded(ids) -> list[Summary]:
    """The summaries ``ids`` (picked from the reader's scope), in that order, with their sheets and units. The
    database sorts the bureau's summaries by their ids alone and picks a page of them, so it never sorts whole
    sheet rows."""
    ids = list(ids)
    found = Summary.objects.select_related("sheet__unit").in_bulk(ids)
    return [found[pk] for pk in ids]


def _per_unit(summaries, units) -> list[dict]:
    """Each unit's figures in one pass of the database over the summaries: averages of the monitored execution
    rate and plan and of the scores, and how many sheets, of each light and of each grade; by unit code. Grouped
    by the sheets' unit alone (``units`` gives each its name), so the pass reads no unit rows."""
    monitored = Q(light__gt="")
    counts = {f"light_{light.value}": Count("id", filter=Q(light=light.value)) for light in Light}
    counts |= {f"grade_{grade}": Count("id", filter=Q(grade=grade)) for grade in GRADES}
    rows = list(summaries.order_by().values("sheet__unit_id").annotate(
        rate=Avg("execution_rate", filter=monitored), planned=Avg("planned", filter=monitored),
        score=Avg("score_total"), sheets=Count("id"), **counts))
    names = {unit.pk: (unit.code, unit.name) for unit in units}
    for row in rows:
        row["code"], row["name"] = names[row["sheet__unit_id"]]
    return sorted(rows, key=lambda row: row["code"])


# The projects at risk listed on the overview, the most serious first (all are counted; the table of all projects
# below pages on).
AT_RISK_SHOWN = 20


def _rounded(value) -> float | None:
    return None if value is None else round(float(value), 2)


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
