"""The sheet list's total (共 N 张, the page count) from the units' stored counts where its filters allow, counted
otherwise: always the number of sheets the list holds."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jixiao.web.organisation.selectors import member_get
from jixiao.web.sheets.selectors import SheetFilters, sheet_list
from jixiao.web.sheets.services.sheets import sheet_create, sheet_delete
from jixiao.web.sheets.services.workflow import sheet_transition
from tests.web.conftest import small_sheet


@pytest.fixture
def sheets(org):
    """Three sheets of the township (one submitted, one deleted), one of its sibling, one of the next year and one of
    the other bureau."""
    def create(person, unit, year=2026, name="乡镇环境治理经费"):
        return sheet_create(user=org[person], unit=org[unit], year=year, content=small_sheet(name), source="test")
    create("owner", "township")
    sheet_transition(user=org["owner"], sheet_id=create("owner", "township", name="道路养护经费").pk, name="submit")
    sheet_delete(user=org["owner"], sheet_id=create("owner", "township", name="已删除的表").pk)
    create("sibling", "sibling_unit", name="乙乡绿化经费")
    create("owner", "township", year=2027)
    create("outsider", "other_unit")


FILTERS = [
    ({"year": 2026}, True),
    ({"year": 2027}, True),
    ({"year": 2025}, True),
    ({"year": 2026, "status": "submitted"}, True),
    ({"year": 2026, "status": "draft", "unit": "township"}, True),
    ({"year": 2026, "unit": "sibling_unit"}, True),
    ({"year": 2026, "findings": "any"}, False),
    ({"year": 2026, "q": "道路"}, False),
    ({"year": 2026, "max": "18"}, False),
    ({"year": 2026, "deleted": "1"}, False),
]


@pytest.mark.parametrize(("person", "filters", "stored"), [
    (person, filters, stored) for person in ("reviewer", "owner", "sibling") for filters, stored in FILTERS])
def test_the_total_is_the_number_of_sheets_listed(org, sheets, login, person, filters, stored):
    query = {key: org[value].pk if key == "unit" else value for key, value in filters.items()}
    with CaptureQueriesContext(connection) as queries:
        response = login(org[person]).get("/sheets/", query)
    page = response.context["page"]
    listed = sheet_list(member_get(org[person]), response.context["filters"]).count()
    assert page.paginator.count == listed
    assert f"共 {listed} 张" in response.content.decode()
    counted = [q["sql"] for q in queries.captured_queries if "COUNT(" in q["sql"] and '"sheets_sheet"' in q["sql"]]
    assert (not counted) is stored, counted


def test_a_unit_s_rows_follow_a_sheet_moved_along(org, sheets, login):
    client = login(org["reviewer"])
    assert client.get("/sheets/", {"year": 2026, "status": "submitted"}).context["page"].paginator.count == 1
    assert client.get("/sheets/", {"year": 2026, "status": "draft"}).context["page"].paginator.count == 2
    draft = sheet_list(member_get(org["owner"]), SheetFilters(year=2026, status="draft")).first()
    sheet_transition(user=org["owner"], sheet_id=draft.pk, name="submit")
    assert client.get("/sheets/", {"year": 2026, "status": "submitted"}).context["page"].paginator.count == 2
    assert client.get("/sheets/", {"year": 2026, "status": "draft"}).context["page"].paginator.count == 1
