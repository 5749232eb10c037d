"""Every .xlsx download writes user text as text (issue 8, item 4): a sheet named ``=1+1`` and a monitoring
answer or self-evaluation deviation ``=HYPERLINK(…)`` are text cells in every export, page and API."""

from __future__ import annotations

import pytest
from django.test import Client

from jixiao.web.organisation.services import token_create
from jixiao.web.sheets.services.sheets import sheet_create
from jixiao.web.sheets.services.workflow import sheet_transition
from tests.office_cells import FORMULA_LINK, FORMULA_TITLE, assert_written_as_text
from tests.web.conftest import small_sheet


@pytest.fixture
def hostile(org):
    """An approved sheet named ``=1+1`` with a monitoring answer and a deviation that are HYPERLINK formulas."""
    content = small_sheet(name=FORMULA_TITLE).model_copy(update={"title": FORMULA_TITLE})
    sheet = sheet_create(user=org["owner"], unit=org["township"], year=2026, content=content, source="test")
    sheet_transition(user=org["owner"], sheet_id=sheet.pk, name="submit")
    sheet_transition(user=org["reviewer"], sheet_id=sheet.pk, name="approve", grade="良")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {token_create(user=org['owner'])}")
    answered = api.put(f"/api/performance/{sheet.pk}/monitoring", {"version": 1, "answers": [
        {"indicator": 1, "likelihood": "有可能", "causes": ["经费保障"], "remedy": FORMULA_LINK}]},
        content_type="application/json")
    assert answered.status_code == 200, answered.content
    evaluated = api.put(f"/api/performance/{sheet.pk}/evaluation", {"version": 2, "evaluation": {
        "sheet": "P-001", "spent": "18", "results": [{"indicator": 1, "actual": "16", "deviation": FORMULA_LINK},
                                                      {"indicator": 2, "actual": "95"}]}},
        content_type="application/json")
    assert evaluated.status_code == 200, evaluated.content
    return sheet


@pytest.mark.parametrize(("path", "texts"), [
    ("/sheets/{pk}/export/xlsx/", [FORMULA_TITLE]),
    ("/api/sheets/{pk}/export/xlsx", [FORMULA_TITLE]),
    ("/performance/{pk}/monitoring.xlsx", [FORMULA_TITLE, FORMULA_LINK]),
    ("/performance/{pk}/evaluation.xlsx", [FORMULA_TITLE, FORMULA_LINK]),
    ("/performance/{pk}/evaluation/template.xlsx", [FORMULA_TITLE]),
])
def test_xlsx_downloads_write_user_text_as_text(org, login, hostile, path, texts):
    url = path.format(pk=hostile.pk, unit=org["township"].pk)
    client = Client(HTTP_AUTHORIZATION=f"Bearer {token_create(user=org['owner'])}") if url.startswith("/api/") \
        else login(org["owner"])
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    assert_written_as_text(response.content, *texts)


@pytest.mark.parametrize(("kind", "data"), [("sheets", {"year": 2026, "format": "xlsx"}), ("overview", {"year": 2026})])
def test_background_exports_write_user_text_as_text(org, login, exported, hostile, kind, data):
    response = exported(login(org["reviewer"]), kind, data)
    assert response.status_code == 200, response.content[:300]
    assert_written_as_text(response.content, FORMULA_TITLE)
