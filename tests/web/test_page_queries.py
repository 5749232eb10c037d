"""Every page a reviewer opens makes the same number of SQL queries for one sheet as for many: lists are read a
page at a time, the dashboard and the overviews read each unit's stored figures and a page of stored summaries,
never a query per sheet. Speed itself is measured in benchmarks/web_bench.py, not here."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from jixiao.web.organisation import services as organisation_services
from jixiao.web.organisation.selectors import member_get
from jixiao.web.organisation.services import token_create
from jixiao.web.sheets.models import Sheet, Status
from jixiao.web.sheets.selectors import SheetFilters, sheet_rows
from jixiao.web.sheets.services.sheets import sheet_create
from jixiao.web.sheets.services.workflow import comment_create, sheet_transition
from tests.web.conftest import small_sheet

PAGES = [
    "/sheets/?year=2026",
    "/sheets/?year=2026&findings=any&status=approved",
    "/sheets/?year=2026&unit={unit}&status=approved",
    "/sheets/{first}/",
    "/sheets/dashboard/?year=2026",
    "/performance/?year=2026",
    "/performance/?year=2026&unit={unit}",
    "/api/sheets/?year=2026",
]

# However few sheets: a page that needs more than this reads something row by row.
MOST = 25


def _add(org, count: int, start: int) -> list[Sheet]:
    """``count`` sheets of 2026 in both units of the bureau, two in three approved (with a comment), the rest drafts."""
    sheets = []
    for n in range(start, start + count):
        preparer, unit = ("owner", "township") if n % 2 else ("sibling", "sibling_unit")
        sheet = sheet_create(user=org[preparer], unit=org[unit], year=2026, source="test",
                             content=small_sheet(name=f"项目{n}", target="≥18个" if n % 3 else "").model_copy(
                                 update={"code": f"P-{n:03d}"}))
        if n % 3:
            sheet_transition(user=org[preparer], sheet_id=sheet.pk, name="submit")
            comment_create(user=org["reviewer"], sheet_id=sheet.pk, text=f"意见{n}")
            sheet = sheet_transition(user=org["reviewer"], sheet_id=sheet.pk, name="approve", grade="良")
        sheets.append(sheet)
    return sheets


def _queries(client: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return len(queries)


@pytest.mark.parametrize("page", PAGES)
def test_a_page_makes_as_many_queries_for_many_sheets_as_for_few(org, login, page, monkeypatch):
    # a token's use is stored once a minute: a minute turning between the two requests (a slow run) adds its update
    moment = timezone.now()
    monkeypatch.setattr(organisation_services, "timezone", SimpleNamespace(now=lambda: moment))
    first, *_ = _add(org, 2, start=1)
    client = (Client(HTTP_AUTHORIZATION=f"Bearer {token_create(user=org['reviewer'])}") if page.startswith("/api/")
              else login(org["reviewer"]))
    path = page.format(first=first.pk, unit=org["township"].pk)
    client.get(path)  # the first request of a session may store it
    few = _queries(client, path)
    _add(org, 9, start=3)
    many = _queries(client, path)
    assert many == few <= MOST


def test_the_sheet_page_reads_its_indicators_once(org, login):
    """The paper form and the comment form's choice of row share one read of the sheet's indicators."""
    first, *_ = _add(org, 2, start=1)
    client = login(org["reviewer"])
    client.get(f"/sheets/{first.pk}/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/sheets/{first.pk}/")
    assert response.status_code == 200 and response.context["comment_form"] is not None
    reads = [q["sql"] for q in queries.captured_queries if q["sql"].startswith('SELECT "sheets_indicatorrow"')]
    assert len(reads) == 1
    choices = [label for _, label in response.context["comment_form"].fields["indicator"].choices]
    assert choices == ["整张表"] + [f"第{row.position}行 {row.name}" for row in first.indicators.all()]


@pytest.mark.parametrize("page", ["/sheets/?year=2026", "/api/sheets/?year=2026"])
def test_who_is_asking_is_read_with_the_user(org, login, page):
    """The request's user (from the session or an API token) comes with its member record and unit: no query of
    its own, and the page still sees the member's units."""
    first, *_ = _add(org, 2, start=1)
    client = (Client(HTTP_AUTHORIZATION=f"Bearer {token_create(user=org['reviewer'])}") if page.startswith("/api/")
              else login(org["reviewer"]))
    client.get(page)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(page)
    assert response.status_code == 200 and str(first.pk) in response.content.decode()
    own = [q["sql"] for q in queries.captured_queries if q["sql"].startswith('SELECT "organisation_member"')]
    assert own == []
    assert any('"organisation_member"' in q["sql"] for q in queries.captured_queries)


@pytest.mark.parametrize("page", ["/sheets/?year=2026", "/sheets/?year=2026&deleted=1", "/api/sheets/?year=2026"])
def test_the_lists_read_only_the_columns_they_show(org, login, page):
    """A list's fifty rows read the columns the list shows and no other: not the long texts and JSON, nor the
    amounts and times converted on every load, and none is read later row by row."""
    first, *_ = _add(org, 3, start=1)
    Sheet.objects.filter(pk=first.pk).update(deleted_at=timezone.now())  # the list of deleted sheets shows one
    client = (Client(HTTP_AUTHORIZATION=f"Bearer {token_create(user=org['reviewer'])}") if page.startswith("/api/")
              else login(org["reviewer"]))
    client.get(page)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(page)
    assert response.status_code == 200
    (rows,) = [q["sql"] for q in queries.captured_queries if q["sql"].startswith('SELECT "sheets_sheet"."id"')]
    assert '"sheets_sheet"."budget_total"' in rows and '"organisation_unit"."name"' in rows
    for unread in ("title", "purpose", "spend_plan", "reading", "grade_explanation", "budget_fiscal", "score",
                   "created_at", "deleted_at", "review_fingerprint"):
        assert f'"sheets_sheet"."{unread}"' not in rows.split(" FROM ")[0], unread
    assert not [q for q in queries.captured_queries if q["sql"].startswith('SELECT "sheets_sheet"."')
                and q["sql"] != rows]


def _plan(rows) -> str:
    """SQLite's plan of a list page's rows query. Without statistics (a server's database has none) the plan does
    not depend on how many rows are stored, so a few sheets show what 10,000 would get."""
    sql, params = rows.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return " | ".join(row[-1] for row in cursor.fetchall())


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query plan")
def test_one_units_list_reads_its_own_index_in_order(org):
    """A unit's page of the list is read from the unit's sheets of the year in the list's order, not by walking the
    whole year's sheets in time order (≈ 3 ms of SQL at 10,000 sheets) nor by sorting them."""
    _add(org, 4, start=1)
    reviewer = member_get(org["reviewer"])
    for status in ("", Status.APPROVED):
        plan = _plan(sheet_rows(reviewer, SheetFilters(year=2026, unit_id=org["township"].pk, status=status))[:50])
        assert "USING INDEX sheet_unit_list (year=? AND unit_id=?)" in plan and "TEMP B-TREE" not in plan, plan


@pytest.mark.parametrize("status", ["", Status.DRAFT])
@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query plan")
def test_the_bureaus_list_is_still_read_in_time_order(org, status):
    """The unit's index leaves the lists of all units on the year's index in time order: led by the unit, it made
    SQLite sort the whole year's sheets for a page of fifty."""
    _add(org, 4, start=1)
    plan = _plan(sheet_rows(member_get(org["reviewer"]), SheetFilters(year=2026, status=status))[:50])
    assert "SEARCH sheets_sheet USING INDEX sheets_shee_year_" in plan and "FOR ORDER BY" not in plan, plan
