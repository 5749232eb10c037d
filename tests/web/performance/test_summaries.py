"""Stored summaries: after any sequence of changes to a sheet's inputs, the stored summary is what the core
computes afresh; the overview reads them."""

import importlib
import io
from datetime import date
from decimal import Decimal

from django.apps import apps as django_apps
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from jixiao.model import FundSource, IndicatorProgress, IndicatorResult, MonitoringAnswer, SelfEvaluation
from jixiao.web.performance.exports import overview_xlsx
from jixiao.web.performance.figures import figures_refresh
from jixiao.web.performance.models import Spending, Summary
from jixiao.web.performance.selectors import sheet_year
from jixiao.web.performance.services import (
    answers_save,
    evaluation_save,
    progress_add,
    setting_save,
    spending_add,
    spending_remove,
)
from jixiao.web.performance.summaries import summary_fields
from jixiao.web.refreshes import refresh
from jixiao.web.sheets.models import Sheet
from jixiao.web.sheets.services.sheets import sheet_update
from jixiao.web.sheets.services.workflow import sheet_transition

AMOUNT = st.decimals(min_value=0, max_value=30, places=2)
DAY = st.dates(min_value=date(2026, 1, 1), max_value=date(2026, 12, 31))


def _version(sheet: Sheet) -> int:
    tracking = getattr(Sheet.objects.get(pk=sheet.pk), "tracking", None)
    return tracking.version if tracking else 1


def spend(org, sheet, amount, day):
    spending_add(user=org["owner"], sheet_id=sheet.pk, expected_version=_version(sheet), day=day, amount=amount,
                 source=FundSource.FISCAL)


def remove(org, sheet):
    line = Spending.objects.filter(tracking__sheet=sheet).last()
    if line:
        spending_remove(user=org["owner"], sheet_id=sheet.pk, expected_version=_version(sheet), spending_id=line.pk)


def progress(org, sheet, value, day):
    progress_add(user=org["owner"], sheet_id=sheet.pk, expected_version=_version(sheet),
                 progress=IndicatorProgress(indicator=1, as_of=day, value=value.quantize(Decimal(1))))


def answer(org, sheet, likelihood, day):
    answers_save(user=org["owner"], sheet_id=sheet.pk, expected_version=_version(sheet), period_end=date(2026, 6, 30),
                 answers=[MonitoringAnswer(indicator=1, likelihood=likelihood, causes=["经费保障"], remedy="加快"),
                          MonitoringAnswer(indicator=2, likelihood="确定能")])


def evaluate(org, sheet, spent, actual):
    evaluation = SelfEvaluation(sheet="P-001", spent=spent, results=[
        IndicatorResult(indicator=1, actual=actual), IndicatorResult(indicator=2, actual=Decimal("95"))])
    evaluation_save(user=org["owner"], sheet_id=sheet.pk, expected_version=_version(sheet), evaluation=evaluation)


def configure(org, sheet, profile, day):
    setting_save(user=org["reviewer"], year=2026, profile=profile, period_end=day)


def readjust(org, sheet, budget, _):
    """An adjustment: back to draft, a new budget, submitted and approved again."""
    sheet_transition(user=org["owner"], sheet_id=sheet.pk, name="adjust", reason="预算调整")
    current = Sheet.objects.get(pk=sheet.pk)
    sheet_update(user=org["owner"], sheet_id=sheet.pk, expected_version=current.version,
                 fields={"budget_total": budget + 1, "budget_fiscal": budget + 1})
    sheet_transition(user=org["owner"], sheet_id=sheet.pk, name="submit")
    sheet_transition(user=org["reviewer"], sheet_id=sheet.pk, name="approve", grade="良")


CHANGES = st.one_of(
    st.tuples(st.just(spend), AMOUNT, DAY),
    st.tuples(st.just(remove)),
    st.tuples(st.just(progress), AMOUNT, DAY),
    st.tuples(st.just(answer), st.sampled_from(["确定能", "有可能", "完全不可能"]), DAY),
    st.tuples(st.just(evaluate), AMOUNT, AMOUNT),
    st.tuples(st.just(configure), st.sampled_from(["central", "hubei"]), DAY),
    st.tuples(st.just(readjust), AMOUNT, DAY),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=st.lists(CHANGES, max_size=6))
def test_the_stored_summary_equals_a_fresh_computation_after_any_changes(org, approved, changes):
    with transaction.atomic():
        for change, *arguments in changes:
            change(org, approved, *arguments)
        sheet = Sheet.objects.select_related("unit").get(pk=approved.pk)
        stored = Summary.objects.get(sheet=sheet)
        fresh = summary_fields(sheet_year(sheet))
        assert {name: getattr(stored, name) for name in fresh} == fresh
        transaction.set_rollback(True)


def test_approval_stores_a_summary_and_the_overview_reads_it(org, approved, login, django_assert_max_num_queries):
    summary = Summary.objects.get(sheet=approved)
    assert summary.light and summary.grade == "" and summary.score_problems
    # the core's messages kept as data, rendered where shown
    assert all(set(kept) == {"template", "params"} for kept in summary.warnings + summary.score_problems)
    client = login(org["reviewer"])
    with django_assert_max_num_queries(20):
        page = client.get("/performance/?year=2026")
    assert [row.pk for row in page.context["rows"]] == [summary.pk]


def test_the_overview_workbook_renders_the_messages_kept_as_data_or_as_texts(approved):
    # a summary stored before the messages were kept as data holds their texts: both are shown
    Summary.objects.filter(sheet=approved).update(
        warnings=[{"template": "执行率 {rate}% 低于计划", "params": {"rate": "30.00"}}, "旧的预警 {1}"],
        monitoring_problems=[], score_problems=["旧的原因"])
    summary = Summary.objects.select_related("sheet__unit").get(sheet=approved)
    row = [cell.value for cell in load_workbook(io.BytesIO(overview_xlsx([summary], "1-6月执行率"))).active[2]]
    assert (row[8], row[9], row[12]) == ("执行率 30.00% 低于计划；旧的预警 {1}", None, "旧的原因")


def test_a_unit_page_lists_only_that_units_sheets(org, approved, login):
    client = login(org["reviewer"])
    own = client.get(f"/performance/?year=2026&unit={org['township'].pk}")
    other = client.get(f"/performance/?year=2026&unit={org['sibling_unit'].pk}")
    assert len(own.context["rows"]) == 1 and own.context["unit"] == org["township"]
    assert list(other.context["rows"]) == [] and other.context["lights"] == {}


def test_a_summary_computed_before_the_year_is_refreshed_once_it_has_begun(org, approved, login):
    Summary.objects.filter(sheet=approved).update(before_year=True, light="not_started")
    page = login(org["reviewer"]).get("/performance/?year=2026")
    assert page.context["rows"][0].light != "not_started"
    assert not Summary.objects.get(sheet=approved).before_year


def test_the_overview_counts_and_averages_the_stored_summaries(org, approved, login):
    Summary.objects.filter(sheet=approved).update(light="yellow", execution_rate=Decimal("12.5"), gap=Decimal("3"),
                                                  score_total=Decimal("88.00"), grade="良")
    refresh(figures_refresh, org["township"].pk, 2026)  # written behind the services' back: added up by hand
    page = login(org["reviewer"]).get("/performance/?year=2026")
    chart = page.context["chart"]
    assert chart["units"] == [org["township"].name] and chart["rates"] == [12.5] and chart["scores"] == [88.0]
    assert chart["grades"] == [{"name": "良", "value": 1}] and page.context["lights"] == {"yellow": 1}
    assert [r.sheet_id for r in page.context["at_risk"]] == [approved.pk] and page.context["at_risk_count"] == 1


def test_the_data_migration_fills_the_summaries_of_existing_sheets(org, approved):
    fill = importlib.import_module("jixiao.web.performance.migrations.0005_stored_figures").fill
    Summary.objects.all().delete()
    fill(django_apps, None)
    sheet = Sheet.objects.select_related("unit").get(pk=approved.pk)
    stored, fresh = Summary.objects.get(sheet=sheet), summary_fields(sheet_year(sheet))
    assert {name: getattr(stored, name) for name in fresh} == fresh
