"""The HTTP API: token authentication and the same permissions as the pages."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from jixiao.web.sheets.models import Sheet
from jixiao.web.sheets.periods import period_fields
from tests.web.conftest import draft_create, small_sheet


def test_requests_without_a_valid_token_are_refused(org, sheet):
    assert Client().get("/api/sheets/").status_code == 401
    assert Client(HTTP_AUTHORIZATION="Bearer nope").get("/api/sheets/").status_code == 401


@pytest.mark.parametrize("path", ["/api/openapi.json", "/api/docs"])
def test_the_schema_and_its_docs_are_for_signed_in_people_only(org, api, login, path):
    anonymous = Client().get(path)
    assert anonymous.status_code == 302 and anonymous.url == f"/login/?next={path}"
    assert Client(HTTP_AUTHORIZATION="Bearer nope").get(path).status_code == 302
    assert login(org["outsider"]).get(path).status_code == 200
    assert api("owner").get(path).status_code == 200


@pytest.mark.parametrize(("person", "count", "read"), [
    ("owner", 1, 200), ("reviewer", 1, 200), ("outsider", 0, 404), ("other_reviewer", 0, 404),
])
def test_list_and_read_are_scoped(api, sheet, person, count, read):
    client = api(person)
    assert len(client.get("/api/sheets/").json()) == count
    assert client.get(f"/api/sheets/{sheet.pk}").status_code == read


def test_read_returns_content_and_findings(api, sheet):
    body = api("owner").get(f"/api/sheets/{sheet.pk}").json()
    assert body["content"]["indicators"][0]["name"] == "整治村数"
    assert isinstance(body["findings"], list) and body["version"] == 1


@pytest.mark.parametrize(("person", "status"), [("owner", 201), ("reviewer", 403), ("outsider", 404)])
def test_create(api, org, person, status):
    payload = {"unit_code": "434016", "year": 2026, "content": small_sheet().model_dump(mode="json")}
    assert api(person).post("/api/sheets/", payload, content_type="application/json").status_code == status


def test_update_with_a_stale_version_is_a_conflict_listing_changes(api, sheet):
    client = api("owner")
    ok = client.patch(f"/api/sheets/{sheet.pk}", {"version": 1, "fields": {"name": "新名称"}},
                      content_type="application/json")
    assert ok.status_code == 200 and ok.json()["version"] == 2
    stale = client.patch(f"/api/sheets/{sheet.pk}", {"version": 1, "fields": {"name": "另一个"}},
                         content_type="application/json")
    assert stale.status_code == 409
    assert stale.json()["changes"][0]["new"] == "新名称"


@pytest.mark.parametrize(("person", "status"), [("owner", 204), ("reviewer", 403), ("outsider", 404)])
def test_delete(api, sheet, person, status):
    assert api(person).delete(f"/api/sheets/{sheet.pk}").status_code == status


def test_workflow_through_the_api(api, sheet):
    assert api("reviewer").post(f"/api/sheets/{sheet.pk}/transitions/submit", {},
                                content_type="application/json").status_code == 403
    assert api("owner").post(f"/api/sheets/{sheet.pk}/transitions/submit", {},
                             content_type="application/json").json()["status"] == "submitted"
    approved = api("reviewer").post(f"/api/sheets/{sheet.pk}/transitions/approve", {"grade": "良"},
                                    content_type="application/json")
    assert approved.json()["status"] == "approved"
    refused = api("owner").post(f"/api/sheets/{sheet.pk}/transitions/submit", {}, content_type="application/json")
    assert refused.status_code == 400 and "已批复" in refused.json()["detail"]


def test_import_check_and_export(api, org, sample_bytes):
    client = api("owner")
    checked = client.post("/api/sheets/check", {"files": [SimpleUploadedFile("s.txt", sample_bytes)]}).json()
    assert checked[0]["error"] == "" and len(checked[0]["sheets"]) == 2 and checked[0]["sheets"][0]["findings"]
    assert not Sheet.objects.exists()
    imported = client.post("/api/sheets/import", {"unit_code": "434016", "year": 2026,
                                                  "files": [SimpleUploadedFile("s.txt", sample_bytes)]})
    assert imported.status_code == 201 and len(imported.json()) == 2
    exported = client.get(f"/api/sheets/{imported.json()[0]['id']}/export/json")
    assert exported.status_code == 200 and b"434016" in exported.content
    refused = api("outsider").post("/api/sheets/import", {"unit_code": "434016", "year": 2026,
                                                          "files": [SimpleUploadedFile("s.txt", sample_bytes)]})
    assert refused.status_code == 403


def test_a_listed_budget_has_the_places_the_document_printed(api, org):
    from benchmarks.corpus_score import document_bytes, load_manifest
    from jixiao.web.sheets.services.imports import sheets_import
    entry = next(e for e in load_manifest() if e.path.name.startswith("142_"))
    sheets_import(user=org["owner"], unit=org["township"], year=2022,
                  files=[(entry.path.name, document_bytes(entry.path))], accept_unit=True)  # 区林业局's table
    assert [s["budget_total"] for s in api("owner").get("/api/sheets/").json()] == ["153.5184"]


# (document, the span the API gives: text, years, first and last year, budget and its fiscal part; what its export
# prints otherwise: 154's 项目期 1年 takes its years from the sheet's year, which no heading of it names, so the
# export's 项目期 cell names them: 1年（2023年）)
SPANS = [
    ("279_", 2024, {"text": "3年", "years": 3, "start": 2024, "end": 2026, "total": "68.50", "fiscal": "68.50"}, {}),
    ("154_", 2023, {"text": "1年", "years": 1, "start": 2023, "end": 2023, "total": "170.00", "fiscal": "170.00"},
     {"text": "1年（2023年）"}),
]


@pytest.mark.parametrize(("stem", "year", "span", "unprinted"), SPANS, ids=[case[0] for case in SPANS])
def test_read_gives_the_span_and_its_export_writes_it(api, org, stem, year, span, unprinted):
    from jixiao.documents import read_bytes
    from tests.web.sheets.test_other_cells import _import
    _, (sheet,) = _import(org, stem, year=year)
    client = api("owner")
    period = client.get(f"/api/sheets/{sheet.pk}").json()["content"]["period"]
    given = {**{key: period[key] for key in ("text", "years", "start", "end")},
             "total": period["budget"]["total"], "fiscal": period["budget"]["fiscal"]}
    assert given == span
    for fmt in ("xlsx", "docx"):
        exported = client.get(f"/api/sheets/{sheet.pk}/export/{fmt}")
        (read,) = read_bytes(exported.content, f"sheet.{fmt}").sheets
        assert read.period.model_dump(mode="json") == {**period, **unprinted}


def test_a_sheet_without_a_span_or_stored_before_it_gives_none(api, org):
    from tests.web.sheets.test_other_cells import _import
    plain = Sheet.objects.get(pk=draft_create(org).pk)  # made from its cells: nothing read, no span
    _, (read,) = _import(org, "279_", year=2024)
    Sheet.objects.filter(pk=read.pk).update(**period_fields(None))  # stored before the span was read
    stored_before = Sheet.objects.get(pk=read.pk)
    for sheet in (plain, stored_before):
        assert api("owner").get(f"/api/sheets/{sheet.pk}").json()["content"]["period"] is None


def test_the_schema_documents_the_span(api):
    schemas = api("owner").get("/api/openapi.json").json()["components"]["schemas"]
    period = schemas["GoalSheet"]["properties"]["period"]
    assert "项目期" in period["description"]
    assert {"text", "years", "start", "end", "budget"} <= set(schemas["Period"]["properties"])
