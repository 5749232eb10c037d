"""The span of a multi-year project (content.period: 项目期, its years, 中期资金总额) through the API as every other
field of the sheet: kept when a client creates a sheet with it, changed or cleared by a PATCH with a history entry
per part, a stale PATCH refused, and a span no person may enter (its end before its start) refused naming the field."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.documents import read_bytes
from jixiao.web.sheets.models import Sheet
from jixiao.web.sheets.services.sheets import sheet_update
from tests.web.conftest import small_sheet

SPAN = {"text": "3年", "years": 3, "start": 2026, "end": 2028,
        "budget": {"total": "54.00", "fiscal": "50.00", "other": "4.00", "sources": {}}}


def _create(client, period: dict | None, **content):
    body = {**small_sheet().model_dump(mode="json"), "period": period, **content}
    return client.post("/api/sheets/", {"unit_code": "434016", "year": 2026, "content": body},
                       content_type="application/json")


def _patch(client, sheet_id: int, version: int, **fields):
    return client.patch(f"/api/sheets/{sheet_id}", {"version": version, "fields": fields},
                        content_type="application/json")


@pytest.fixture
def spanned(api, org):
    """A sheet the owner created through the API with :data:`SPAN`."""
    created = _create(api("owner"), SPAN)
    assert created.status_code == 201, created.content
    return Sheet.objects.get(pk=created.json()["id"])


def test_a_span_sent_with_a_new_sheet_is_kept_and_read_back(api, spanned):
    assert api("owner").get(f"/api/sheets/{spanned.pk}").json()["content"]["period"] == SPAN
    assert (spanned.period_text, spanned.period_years, spanned.period_start, spanned.period_end) == ("3年", 3, 2026, 2028)


def test_the_review_of_a_created_sheet_reads_its_span(api, org):
    # the year's 18.00 above a span's 10.00: JX706, a finding of the sheet as stored, not a refusal
    created = _create(api("owner"), {**SPAN, "budget": {"total": "10"}})
    assert created.status_code == 201
    assert "JX706" in {finding["rule"] for finding in created.json()["findings"]}


def test_a_patch_changes_the_span_part_by_part_in_the_history(api, org, spanned):
    changed = {**SPAN, "text": "2年", "years": 2, "end": 2027, "budget": {**SPAN["budget"], "total": "36"}}
    response = _patch(api("owner"), spanned.pk, 1, period=changed)
    assert response.status_code == 200, response.content
    assert response.json()["content"]["period"] == {**changed, "budget": {**changed["budget"], "total": "36.00"}}
    entries = {(e.field, e.old, e.new, e.version) for e in spanned.history.filter(action="edit")}
    assert entries == {("实施期", "3年", "2年", 2), ("实施期年数", "3", "2", 2), ("实施期结束年度", "2028", "2027", 2),
                       ("中期资金总额", "54.00", "36.00", 2)}


def test_a_patch_of_null_clears_the_span_and_one_without_it_keeps_it(api, org, spanned):
    client = api("owner")
    kept = _patch(client, spanned.pk, 1, name="改名")
    assert kept.status_code == 200 and kept.json()["content"]["period"] == SPAN
    cleared = _patch(client, spanned.pk, 2, period=None)
    assert cleared.status_code == 200 and cleared.json()["content"]["period"] is None
    entries = {(e.field, e.old, e.new) for e in spanned.history.filter(action="edit", version=3)}
    assert entries == {("实施期", "3年", ""), ("实施期年数", "3", ""), ("实施期起始年度", "2026", ""),
                       ("实施期结束年度", "2028", ""), ("中期资金总额", "54.00", ""), ("中期资金：财政资金", "50.00", ""),
                       ("中期资金：其他资金", "4.00", "")}


def test_a_stale_patch_of_the_span_is_a_conflict_listing_the_change(api, org, spanned):
    sheet_update(user=org["colleague"], sheet_id=spanned.pk, expected_version=1, fields={"period_total": Decimal("60")})
    response = _patch(api("owner"), spanned.pk, 1, period={**SPAN, "budget": {"total": "70"}})
    assert response.status_code == 409
    assert [(c["field"], c["new"], c["user"]) for c in response.json()["changes"]] == [
        ("中期资金总额", "60.00", "colleague")]
    assert Sheet.objects.get(pk=spanned.pk).period_total == 60


@pytest.mark.parametrize(("period", "field", "message"), [
    ({**SPAN, "end": 2025}, "period_end", "“实施期结束年度”：不能早于起始年度（2026年）"),
    ({**SPAN, "years": 0}, "period.years", "应 ≥ 1"),  # the core's own bound, checked as the body is read
    ({**SPAN, "start": 99999}, "period_start", "“实施期起始年度”"),  # the column's
    ({**SPAN, "budget": {"total": "1" * 15}}, "period_total", "“中期资金总额”"),
    ({**SPAN, "budget": {"sources": {"财政拨款": "1"}}}, "period_sources", "“中期资金：另列资金来源”“财政拨款”：这是财政资金"),
])
def test_a_span_no_person_may_enter_is_refused_naming_the_field(api, org, spanned, period, field, message):
    response = _patch(api("owner"), spanned.pk, 1, period=period)
    assert response.status_code == 400
    assert response.json()["field"].endswith(field) and message in response.json()["detail"], response.json()
    assert Sheet.objects.get(pk=spanned.pk).version == 1
    created = _create(api("owner"), period)
    assert created.status_code == 400 and message in created.json()["detail"]


def test_the_patch_schema_documents_the_span(api):
    schemas = api("owner").get("/api/openapi.json").json()["components"]["schemas"]
    period = schemas["SheetFields"]["properties"]["period"]
    assert {"$ref": "#/components/schemas/Period"} in period["anyOf"]


@pytest.mark.parametrize("period", [
    {"budget": {"total": "Infinity"}}, {"budget": {"fiscal": "NaN"}}, {"budget": {"sources": {"中央补助": "Infinity"}}},
    {"budget": {"sources": {"中央补助": "-1"}}}, {"text": "3\x00年"}, {"years": 10**30}, {"start": -1},
    {"end": 10**30}, {"budget": {"total": "1e-30"}}, {"budget": {"sources": {"": "1"}}},
])
def test_a_hostile_part_of_the_span_is_refused_not_an_error(api, org, spanned, period):
    assert _patch(api("owner"), spanned.pk, 1, period=period).status_code == 400
    assert _create(api("owner"), period).status_code == 400
    assert Sheet.objects.get(pk=spanned.pk).version == 1


@pytest.mark.parametrize("fmt", ["xlsx", "docx", "json"])
def test_every_part_of_the_span_goes_through_a_patch_and_the_export(api, org, spanned, fmt):
    client = api("owner")
    full = {**SPAN, "budget": {**SPAN["budget"], "sources": {"上年结转资金": "5.00", "政府性基金拨款": "1.50"}}}
    response = _patch(client, spanned.pk, 1, period=full)
    assert response.status_code == 200 and response.json()["content"]["period"] == full
    assert [(e.field, e.old, e.new) for e in spanned.history.filter(action="edit")] == [
        ("中期资金：另列资金来源", "", "上年结转资金：5.00\n政府性基金拨款：1.50")]
    exported = client.get(f"/api/sheets/{spanned.pk}/export/{fmt}")
    assert exported.status_code == 200
    (read,) = read_bytes(exported.content, f"目标表.{fmt}").sheets
    # a table's 项目期 cell names the span's years beside its length, as no 中长期目标 heading does here
    assert read.period.model_dump(mode="json") == {**full, "text": "3年" if fmt == "json" else "3年（2026年—2028年）"}
