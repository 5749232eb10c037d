"""The units' stored figures (the dashboard's :class:`UnitYearCounts`, the overview's :class:`UnitYearSummary`) equal
a fresh aggregation of their inputs after any sequence of changes, and the pages read them as they read the
aggregates before: the same averages, and the overview's table in the same order on every page."""

from __future__ import annotations

import importlib
import threading
from collections import Counter
from datetime import date
from decimal import Decimal

import pytest
from django.apps import apps as django_apps
from django.core.exceptions import PermissionDenied
from django.db import connection, connections, transaction
from django.db.models import Avg, Q
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.model import FundSource, IndicatorResult, SelfEvaluation
from jixiao.web.performance.figures import SummaryPages, figures_refresh, unit_figures
from jixiao.web.performance.models import Summary, Tracking, UnitYearSummary
from jixiao.web.performance.services import evaluation_save, setting_save, spending_add
from jixiao.web.refreshes import refresh
from jixiao.web.sheets.errors import SheetError
from jixiao.web.sheets.models import FindingRecord, IndicatorRow, Sheet, UnitYearCounts
from jixiao.web.sheets.services.findings import findings_refresh
from jixiao.web.sheets.services.sheets import sheet_create, sheet_delete, sheet_restore, sheet_update
from jixiao.web.sheets.services.workflow import sheet_transition
from tests.web.conftest import small_sheet


def fresh_counts() -> dict:
    """What the dashboard counted before: sheets per state and findings per rule and severity, per unit and year."""
    counts: dict = {}
    for sheet in Sheet.objects.filter(deleted_at__isnull=True):
        counts.setdefault((sheet.unit_id, sheet.year), (Counter(), {}))[0][sheet.status] += 1
    for finding in FindingRecord.objects.filter(sheet__deleted_at__isnull=True).select_related("sheet"):
        by_rule = counts[(finding.sheet.unit_id, finding.sheet.year)][1].setdefault(finding.rule, Counter())
        by_rule[finding.severity] += 1
    return {key: (dict(statuses), {rule: dict(n) for rule, n in by_rule.items()})
            for key, (statuses, by_rule) in counts.items()}


def fresh_figures() -> dict:
    """What the overview added up before, per unit and year, from the summaries of the approved sheets."""
    figures: dict = {}
    for summary in Summary.objects.select_related("sheet"):
        sheet = summary.sheet
        assert (summary.unit_id, summary.year, summary.code) == (sheet.unit_id, sheet.year, sheet.code)
        entry = figures.setdefault((sheet.unit_id, sheet.year), {
            "sheets": 0, "lights": Counter(), "grades": Counter(), "rate_sum": Decimal(0), "rate_count": 0,
            "planned_sum": Decimal(0), "planned_count": 0, "score_sum": Decimal(0), "score_count": 0})
        entry["sheets"] += 1
        if summary.light:
            entry["lights"][summary.light] += 1
            for name, value in (("rate", summary.execution_rate), ("planned", summary.planned)):
                if value is not None:
                    entry[f"{name}_sum"] += value
                    entry[f"{name}_count"] += 1
        if summary.grade:
            entry["grades"][summary.grade] += 1
        if summary.score_total is not None:
            entry["score_sum"] += summary.score_total
            entry["score_count"] += 1
    return {key: {**entry, "lights": dict(entry["lights"]), "grades": dict(entry["grades"])}
            for key, entry in figures.items()}


def stored_counts() -> dict:
    return {(row.unit_id, row.year): (row.statuses, row.findings) for row in UnitYearCounts.objects.all()}


def stored_figures() -> dict:
    return {(row.unit_id, row.year): {name: getattr(row, name) for name in (
        "sheets", "lights", "grades", "rate_sum", "rate_count", "planned_sum", "planned_count", "score_sum",
        "score_count")} for row in UnitYearSummary.objects.all()}


def assert_stored_equal_fresh() -> None:
    approved = Sheet.objects.filter(approved_versions__isnull=False, deleted_at__isnull=True).distinct()
    assert set(Summary.objects.values_list("sheet_id", flat=True)) == set(approved.values_list("pk", flat=True))
    assert stored_counts() == fresh_counts()
    assert stored_figures() == fresh_figures()


# Each change picks, by an index, one of the sheets made so far in a state it applies to (none: nothing to do); a
# change the state still refuses (a stale version, say) changes nothing.

def _sheet(sheets, pick, **state):
    found = list(Sheet.objects.filter(pk__in=sheets, **state).order_by("pk"))
    return found[pick % len(found)] if found else None


def create(org, sheets, pick, unit, year):
    content = small_sheet(name=f"项目{len(sheets)}", target="≥18个" if pick % 2 else "")
    sheets.append(sheet_create(user=org["admin"], unit=org[unit], year=year, source="test",
                               content=content.model_copy(update={"code": f"P-{pick:03d}", "year": year})).pk)


def edit(org, sheets, pick, *_):
    if sheet := _sheet(sheets, pick, status__in=["draft", "returned"], deleted_at__isnull=True):
        sheet_update(user=org["admin"], sheet_id=sheet.pk, expected_version=sheet.version,
                     fields={"code": f"Q-{pick:03d}"},
                     indicators=[{"level1": "产出指标", "level2": "数量指标", "name": "整治村数",
                                  "target": "" if pick % 3 else "≥20个"}])


def transition(name, by, sources):
    def take(org, sheets, pick, *_):
        if sheet := _sheet(sheets, pick, status__in=sources, deleted_at__isnull=True):
            sheet_transition(user=org[by], sheet_id=sheet.pk, name=name, grade="良" if name == "approve" else "",
                             reason="" if name in ("submit", "approve") else "请修改")
    take.__name__ = name
    return take


submit = transition("submit", "admin", ["draft", "returned"])
approve = transition("approve", "reviewer", ["submitted"])


def _tracked(change):
    """A change of an approved sheet's year, at its tracking's version."""
    def apply(org, sheets, pick, *_):
        if sheet := _sheet(sheets, pick, approved_versions__isnull=False, deleted_at__isnull=True):
            tracking = Tracking.objects.filter(sheet=sheet).first()
            change(org, sheet, pick, tracking.version if tracking else 1)
    apply.__name__ = change.__name__
    return apply


@_tracked
def spend(org, sheet, pick, version):
    spending_add(user=org["admin"], sheet_id=sheet.pk, expected_version=version, day=date(sheet.year, 1 + pick % 12, 10),
                 amount=Decimal(pick % 19) + Decimal("0.37"), source=FundSource.FISCAL)


@_tracked
def evaluate(org, sheet, pick, version):
    evaluation = SelfEvaluation(sheet=sheet.code, spent=Decimal(pick % 18) + Decimal("0.5"), results=[
        IndicatorResult(indicator=1, actual=Decimal(pick % 25)), IndicatorResult(indicator=2, actual=Decimal(93))])
    evaluation_save(user=org["admin"], sheet_id=sheet.pk, expected_version=version, evaluation=evaluation)


def delete(org, sheets, pick, *_):
    if sheet := _sheet(sheets, pick, status__in=["draft", "returned"], deleted_at__isnull=True):
        sheet_delete(user=org["admin"], sheet_id=sheet.pk)


def restore(org, sheets, pick, *_):
    if sheet := _sheet(sheets, pick, deleted_at__isnull=False):
        sheet_restore(user=org["admin"], sheet_id=sheet.pk)


def move(org, sheets, pick, unit, year):
    """Another unit or year, saved as a whole (no service moves a sheet; the receivers must see it)."""
    if sheet := _sheet(sheets, pick):
        sheet.unit, sheet.year = org[unit], year
        sheet.save()


def recheck(org, sheets, pick, *_):
    """A target rewritten behind the editor's back and the sheet checked again: other findings."""
    if sheet := _sheet(sheets, pick):
        IndicatorRow.objects.filter(sheet=sheet, position=1).update(target="" if pick % 2 else "≥5个")
        with transaction.atomic():
            findings_refresh(sheet)


def configure(org, sheets, pick, *_):
    setting_save(user=org["reviewer"], year=2026, profile=("central", "hubei")[pick % 2],
                 period_end=date(2026, 3 + pick % 9, 28))


def remove(org, sheets, pick, *_):
    """A sheet deleted for good (with its findings and summary)."""
    if sheet := _sheet(sheets, pick):
        sheets.remove(sheet.pk)
        sheet.delete()


CHANGES = [create, edit, submit, approve, transition("return", "reviewer", ["submitted"]),
           transition("adjust", "admin", ["approved"]), spend, evaluate, delete, restore, move, recheck, configure,
           remove]

STEP = st.tuples(st.sampled_from(CHANGES), st.integers(0, 50), st.sampled_from(["township", "sibling_unit"]),
                 st.sampled_from([2026, 2027]))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(STEP, min_size=1, max_size=16))
def test_the_stored_figures_equal_a_fresh_aggregation_after_any_changes(org, steps):
    with transaction.atomic():
        sheets: list[int] = []
        for n in range(4):  # sheets to work on from the start, in both units: a draft, a submitted, two approved
            create(org, sheets, n, ("township", "sibling_unit")[n % 2], 2026)
        for step in (submit, approve, submit, approve, submit):
            step(org, sheets, 0)
        for change, pick, unit, year in steps:
            try:
                with transaction.atomic():
                    change(org, sheets, pick, unit, year)
            except (SheetError, PermissionDenied):
                pass  # refused in the sheet's state: nothing changed
            assert_stored_equal_fresh()
        transaction.set_rollback(True)


def test_the_overview_shows_the_averages_and_the_order_the_database_gave_before(org, login):
    """Seven approved sheets over two units with rates, plans and scores of many decimals: the chart's averages are
    the database's AVG, and every window of the table is the old query's order (unit code, project code, id)."""
    sheets = []
    for n in range(7):
        create(org, sheets, n, ("township", "sibling_unit")[n % 3 == 0], 2026)
        submit(org, sheets, 0)
        approve(org, sheets, 0)
    for n, pk in enumerate(sheets):
        Summary.objects.filter(sheet_id=pk).update(
            light=("green", "yellow", "red", "")[n % 4], execution_rate=Decimal(10 + 7 * n) + Decimal("0.33"),
            planned=Decimal(50) + Decimal(n) / 3, score_total=Decimal(70 + n) + Decimal("0.17"),
            code=f"Z-{9 - n}", grade="良")
        Sheet.objects.filter(pk=pk).update(code=f"Z-{9 - n}")
    for unit in ("township", "sibling_unit"):  # written behind the services' back: added up by hand
        refresh(figures_refresh, org[unit].pk, 2026)
    old = (Summary.objects.filter(year=2026).order_by().values("sheet__unit_id")
           .annotate(rate=Avg("execution_rate", filter=Q(light__gt="")), planned=Avg("planned", filter=Q(light__gt="")),
                     score=Avg("score_total")).order_by("sheet__unit__code"))
    chart = login(org["reviewer"]).get("/performance/?year=2026").context["chart"]
    assert chart["rates"] == [None if r["rate"] is None else round(float(r["rate"]), 2) for r in old]
    assert chart["planned"] == [None if r["planned"] is None else round(float(r["planned"]), 2) for r in old]
    assert chart["scores"] == [round(float(r["score"]), 2) for r in old]
    order = list(Summary.objects.filter(year=2026).order_by("sheet__unit__code", "sheet__code", "sheet_id")
                 .values_list("pk", flat=True))
    pages = SummaryPages(unit_figures(org["bureau"].reviewed_units.all(), 2026))
    assert len(pages) == len(order) == 7
    for start in range(8):
        for stop in range(start, 9):
            assert [s.pk for s in pages[start:stop]] == order[start:stop], (start, stop)


def test_the_data_migrations_fill_the_figures_of_existing_sheets(org):
    sheets: list[int] = []
    for n in range(5):
        create(org, sheets, n, ("township", "sibling_unit")[n % 2], 2026 + n // 4)
    for step in (submit, approve, submit, approve, submit, delete):
        step(org, sheets, 0)
    Summary.objects.update(code="")  # as before the summaries repeated their sheet's code
    UnitYearCounts.objects.all().delete()
    UnitYearSummary.objects.all().delete()
    for migration in ("sheets.migrations.0007_stored_figures", "performance.migrations.0005_stored_figures"):
        importlib.import_module(f"jixiao.web.{migration}").fill(django_apps, None)
    assert UnitYearCounts.objects.count() == 3 and UnitYearSummary.objects.count() == 2
    assert_stored_equal_fresh()


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite lets one writer in at a time")
def test_two_writers_of_one_unit_at_once_keep_both_in_its_counts(org):
    """Two people import sheets into one unit at the same moment, each transaction counting the unit again (nothing
    else locks the unit then): neither count may miss the other's sheets (the unit's row is locked before counting)."""
    start = threading.Barrier(2)

    def create_some(first: int) -> None:
        try:
            start.wait()
            for n in range(first, first + 4):
                with transaction.atomic():
                    create(org, [], n, "township", 2026)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=create_some, args=(first,)) for first in (0, 10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert UnitYearCounts.objects.get(unit=org["township"], year=2026).statuses == {"draft": 8}
    assert_stored_equal_fresh()
