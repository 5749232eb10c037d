"""Reading goal sheets, always through the reader's scope: what a member cannot see does not exist for it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from jixiao.web.organisation.models import Member
from jixiao.web.organisation.selectors import units_visible
from jixiao.web.security.audit import audit_refusal
from jixiao.web.sheets.models import IndicatorRow, Sheet, Status, UnitYearCounts
from jixiao.web.sheets.services.review import rule_title

__all__ = ["SheetFilters", "budget_year", "dashboard_counts", "evaluation_year", "indicator_suggestions", "sheet_count",
           "sheet_get", "sheet_list", "sheet_rows"]


def budget_year() -> int:
    """The budget year being prepared: next year from October on (budgets are prepared a year ahead)."""
    today = timezone.localdate()
    return today.year + 1 if today.month >= 10 else today.year


def evaluation_year() -> int:
    """The year whose spending is being monitored or self-evaluated: this year from July on (the mid-year
    monitoring of January to June), the year just closed before (units score a year in its first months after).

    From October this and :func:`budget_year` differ: a bureau then reviews next year's goal sheets while its
    monitoring and self-evaluation pages are about the year under way."""
    today = timezone.localdate()
    return today.year if today.month >= 7 else today.year - 1


@dataclass(frozen=True)
class SheetFilters:
    """What the sheet list can be narrowed by."""

    year: int | None = None
    unit_id: int | None = None
    status: str = ""
    search: str = ""
    findings: str = ""  # "errors", "any", "none"
    min_amount: Decimal | None = None
    max_amount: Decimal | None = None
    deleted: bool = False


def sheet_list(member: Member | None, filters: SheetFilters = SheetFilters()) -> QuerySet[Sheet]:
    """The sheets ``member`` may see, narrowed by ``filters``, newest first."""
    queryset = Sheet.objects.filter(unit__in=units_visible(member), deleted_at__isnull=not filters.deleted)
    if filters.year:
        queryset = queryset.filter(year=filters.year)
    if filters.unit_id:
        queryset = queryset.filter(unit_id=filters.unit_id)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.search:
        queryset = queryset.filter(Q(name__icontains=filters.search) | Q(code__icontains=filters.search))
    if filters.findings == "errors":
        queryset = queryset.filter(error_count__gt=0)
    elif filters.findings == "any":
        queryset = queryset.filter(Q(error_count__gt=0) | Q(warning_count__gt=0))
    elif filters.findings == "none":
        queryset = queryset.filter(error_count=0, warning_count=0)
    if filters.min_amount is not None:
        queryset = queryset.filter(_in_wan_yuan("gte", filters.min_amount))
    if filters.max_amount is not None:
        queryset = queryset.filter(_in_wan_yuan("lte", filters.max_amount))
    return queryset.select_related("unit").order_by("-updated_at", "-id")


def _in_wan_yuan(lookup: str, bound: Decimal) -> Q:
    """Budgets compared with ``bound`` in 万元, whatever unit each sheet prints (003's 3,309,840.00 元 is 330.984
    万元): a bare figure would put a 元 sheet ten thousand times too high."""
    return (Q(money_unit="元", **{f"budget_total__{lookup}": bound * _YUAN_PER_WAN})
            | ~Q(money_unit="元") & Q(**{f"budget_total__{lookup}": bound}))


_YUAN_PER_WAN = 10000


# What a list of sheets shows (the page's rows, the API's items): the other columns (long texts, JSON, amounts and
# times converted on every load) are left unread.
_LIST_COLUMNS = ("unit__code", "unit__name", "year", "code", "name", "money_unit", "budget_total", "status", "version",
                 "grade", "suggested_grade", "error_count", "warning_count", "updated_at")


def sheet_rows(member: Member | None, filters: SheetFilters = SheetFilters()) -> QuerySet[Sheet]:
    """:func:`sheet_list` for a list of sheets (the page, the API): only the columns a list shows are read."""
    return sheet_list(member, filters).only(*_LIST_COLUMNS)


def sheet_count(member: Member | None, filters: SheetFilters) -> int | None:
    """How many sheets :func:`sheet_list` holds, read from the units' stored counts (:class:`UnitYearCounts`) when
    only the year, a unit and a state narrow it; None when another filter needs the rows counted. Counting a
    province's year row by row took 40–50 ms of PostgreSQL on every view of the list at 100,000 sheets."""
    if not filters.year or replace(filters, unit_id=None, status="") != SheetFilters(year=filters.year):
        return None
    rows = UnitYearCounts.objects.filter(unit__in=units_visible(member), year=filters.year)
    if filters.unit_id:
        rows = rows.filter(unit_id=filters.unit_id)
    return sum(count for statuses in rows.values_list("statuses", flat=True)
               for status, count in statuses.items() if not filters.status or status == filters.status)


def sheet_get(member: Member | None, sheet_id: int, *, include_deleted: bool = False) -> Sheet:
    """The sheet ``sheet_id`` if ``member`` may see it; otherwise 404, so outsiders learn nothing."""
    queryset = Sheet.objects.filter(unit__in=units_visible(member)).select_related("unit")
    if not include_deleted:
        queryset = queryset.filter(deleted_at__isnull=True)
    sheet = queryset.filter(pk=sheet_id).first()
    if sheet is None:
        elsewhere = Sheet.objects.exclude(unit__in=units_visible(member)).select_related("unit").filter(pk=sheet_id)
        if member is not None and (hidden := elsewhere.first()) is not None:
            audit_refusal(hidden, reason="另一单位的目标表")
        raise Http404("没有找到这张表")
    return sheet


def dashboard_counts(member: Member | None, year: int) -> dict[str, object]:
    """For a reviewer's dashboard: per unit counts by state, findings by rule, and the units not done: each unit
    with a draft or returned sheet (with how many) or with no sheet at all for the year. Read from the units'
    stored counts (:class:`UnitYearCounts`), a row per unit however many sheets it has."""
    units = units_visible(member).filter(kind="unit")
    stored = {row.unit_id: row for row in UnitYearCounts.objects.filter(unit__in=units, year=year)}
    empty = UnitYearCounts()
    rows = [{"unit": unit, **{status: (stored.get(unit.pk) or empty).statuses.get(status, 0) for status in _STATUSES}}
            for unit in units]
    return {
        "rows": rows,
        "not_submitted": [unit for unit in map(_outstanding, rows) if unit["open"] or not unit["total"]],
        "by_rule": _by_rule(stored.values()),
        "status_totals": {label: sum(r[status] for r in rows) for status, label in Status.choices},
    }


# The states' values, listed once: iterating the enumeration (and reading each member's value) for every unit's
# every count was a tenth of the dashboard's time.
_STATUSES = tuple(status.value for status in Status)


def _by_rule(counts) -> list[dict[str, object]]:
    """Findings counted by rule and severity, with how many units have one, the most frequent first: added up from
    the units' stored counts."""
    by_rule: dict[tuple[str, str], dict[str, object]] = {}
    for row in counts:
        for rule, severities in row.findings.items():
            for severity, n in severities.items():
                entry = by_rule.setdefault((rule, severity), {
                    "rule": rule, "severity": severity, "n": 0, "units": 0, "name": rule_title(rule)})
                entry["n"] += n
                entry["units"] += 1
    return sorted(by_rule.values(), key=lambda entry: (-entry["n"], entry["rule"], entry["severity"]))


def _total(row: dict) -> int:
    return sum(row[status] for status in _STATUSES)


def _outstanding(row: dict) -> dict[str, object]:
    """A unit's sheets still with the unit: drafts and returned sheets (a unit is done only when none is left)."""
    draft, returned = row[Status.DRAFT], row[Status.RETURNED]
    return {"unit": row["unit"], "draft": draft, "returned": returned, "open": draft + returned,
            "total": _total(row)}


def indicator_suggestions(member: Member | None, limit: int = 12) -> dict[str, list[dict[str, object]]]:
    """For each 二级指标, the indicators most often used in approved sheets the member can see: name, target, uses.

    The editor offers them as suggestions (names, units and typical values) while typing.
    """
    rows = (
        IndicatorRow.objects.filter(sheet__unit__in=units_visible(member), sheet__status=Status.APPROVED,
                                    sheet__deleted_at__isnull=True)
        .exclude(name="").values("level2", "name", "target").annotate(uses=Count("id")).order_by("-uses", "name")[:2000]
    )
    suggestions: dict[str, list[dict[str, object]]] = {}
    for row in rows:
        items = suggestions.setdefault(row["level2"], [])
        if len(items) < limit and all(item["name"] != row["name"] for item in items):
            items.append({"name": row["name"], "target": row["target"], "uses": row["uses"]})
    return suggestions
