"""Malformed and hostile input never answers 500 (issue 8, item 8): every query parameter of every page and API
endpoint, every path id and every API field, walked with hostile values, answers 400 with a message naming the
parameter (a Chinese page, or JSON ``{"detail", "field"}``) or a valid response."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from django.test import Client

from jixiao.web.organisation.services import token_create
from jixiao.web.sheets.models import Sheet

HOSTILE = ["99999999999999999999", "-99999999999999999999", "-5", "0", "NaN", "Infinity", "-inf", "1e999", "abc",
           "x" * 100_000, "\x00", "1\x00", " ", "１２", "2026.5", "0x10", "[]", "%"]
JSON_HOSTILE = [5, -1, 0, 10**30, -(10**30), 1.5, 1e308, "abc", "NaN", "Infinity", "x" * 100_000, "\x00", None, True,
                [], {}, [1], {"a": 1}]

PAGES = {
    "/sheets/": ["year", "unit", "status", "q", "findings", "min", "max", "deleted", "page"],
    "/sheets/dashboard/": ["year"],
    "/performance/": ["year"],
    "/performance/settings/": ["year"],
}
# The background exports' start buttons post these.
JOB_STARTS = {"sheets": ["year", "unit", "format"], "overview": ["year", "unit"], "audits": ["year"]}
API_LIST = ["year", "unit", "status", "q", "limit", "offset"]


@pytest.fixture
def api(org):
    return Client(HTTP_AUTHORIZATION=f"Bearer {token_create(user=org['admin'])}")


def assert_handled(response, api: bool = False) -> None:
    """A valid answer, or a 400 that says which parameter was wrong and why."""
    assert response.status_code in (200, 201, 204, 302, 400, 403, 404, 409), (response.status_code, response.content[:300])
    if response.status_code == 400:
        if api:
            body = response.json()
            assert body.get("detail"), body
        else:  # a refusal page naming the parameter, or the form again with its errors at the fields
            page = response.content.decode()
            assert "无效" in page or 'class="error"' in page or 'class="msg error"' in page, page[-1500:]


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize(("path", "parameter"), [(p, name) for p, names in PAGES.items() for name in names])
def test_page_query_parameters(org, login, sheet, path, parameter, value):
    assert_handled(login(org["admin"]).get(path, {parameter: value}))


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize(("kind", "parameter"), [(k, name) for k, names in JOB_STARTS.items() for name in names])
def test_job_start_parameters(org, login, sheet, kind, parameter, value):
    valid = {"unit": org["township"].pk, "year": 2026, "format": "json"}
    assert_handled(login(org["admin"]).post(f"/jobs/start/{kind}/", {**valid, parameter: value}))


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("parameter", API_LIST)
def test_api_list_parameters(api, sheet, parameter, value):
    assert_handled(api.get("/api/sheets/", {parameter: value}), api=True)


@pytest.mark.parametrize("value", ["99999999999999999999", "9223372036854775808", "0", "-1"])
@pytest.mark.parametrize("path", ["/sheets/{}/", "/sheets/{}/edit/", "/sheets/{}/export/xlsx/", "/performance/{}/",
                                  "/performance/{}/evaluation/", "/performance/{}/monitoring.xlsx",
                                  "/api/sheets/{}", "/api/performance/{}", "/api/sheets/{}/export/json"])
def test_path_ids(org, login, api, path, value):
    url = path.format(value)
    client = api if url.startswith("/api/") else login(org["admin"])
    assert_handled(client.get(url), api=url.startswith("/api/"))


SHEET_FIELDS = ["code", "name", "title", "money_unit", "budget_total", "budget_fiscal", "budget_other",
                "budget_sources", "period", "purpose", "spend_plan", "goals", "long_term_goals", "status", "unknown"]
INDICATOR_CELLS = ["level1", "level2", "name", "description", "target", "long_term_target", "weight", "direction",
                   "basis"]


@pytest.mark.parametrize("value", JSON_HOSTILE)
@pytest.mark.parametrize("field", SHEET_FIELDS)
def test_api_patch_fields(api, sheet, field, value):
    response = api.patch(f"/api/sheets/{sheet.pk}", {"version": 1, "fields": {field: value}},
                         content_type="application/json")
    assert_handled(response, api=True)


@pytest.mark.parametrize("value", JSON_HOSTILE)
@pytest.mark.parametrize("cell", INDICATOR_CELLS)
def test_api_patch_indicator_cells(api, sheet, cell, value):
    response = api.patch(f"/api/sheets/{sheet.pk}", {"version": 1, "indicators": [{"name": "整治村数", cell: value}]},
                         content_type="application/json")
    assert_handled(response, api=True)


@pytest.mark.parametrize("value", JSON_HOSTILE)
@pytest.mark.parametrize("field", ["version", "fields", "indicators"])
def test_api_patch_top_level(api, sheet, field, value):
    body = {"version": 1, field: value}
    assert_handled(api.patch(f"/api/sheets/{sheet.pk}", body, content_type="application/json"), api=True)


@pytest.mark.parametrize("body", ["", "{", "[]", "null", "5", '{"version": 1e999}', b"\xff\xfe"])
def test_api_patch_malformed_json(api, sheet, body):
    assert_handled(api.patch(f"/api/sheets/{sheet.pk}", body, content_type="application/json"), api=True)


@pytest.mark.parametrize("value", JSON_HOSTILE)
@pytest.mark.parametrize("field", ["unit_code", "year", "content", "content.year", "content.name", "content.code",
                                   "content.budget.total", "content.period", "content.period.end",
                                   "content.period.budget", "content.indicators", "content.goals"])
def test_api_create_fields(api, org, field, value):
    body = {"unit_code": org["township"].code, "year": 2026, "content": {"code": "P-9", "name": "新项目"}}
    target, key = (body["content"], field.split(".", 1)[1]) if field.startswith("content.") else (body, field)
    if "." in key:
        outer, inner = key.split(".")
        target[outer] = {inner: value}
    else:
        target[key] = value
    assert_handled(api.post("/api/sheets/", body, content_type="application/json"), api=True)


@pytest.mark.parametrize("value", JSON_HOSTILE)
@pytest.mark.parametrize(("name", "field"), [("submit", "reason"), ("approve", "grade"), ("return", "reason"),
                                             ("nonsense", "reason")])
def test_api_transitions(api, sheet, name, field, value):
    response = api.post(f"/api/sheets/{sheet.pk}/transitions/{name}", {field: value}, content_type="application/json")
    assert_handled(response, api=True)


PERFORMANCE = {
    "spending": ("post", {"version": 1, "day": "2026-05-01", "amount": "9", "source": "财政资金", "cumulative": False,
                          "note": ""}),
    "progress": ("post", {"version": 1, "progress": {"indicator": 1, "as_of": "2026-05-01", "value": "3"}}),
    "monitoring": ("put", {"version": 1, "answers": [{"indicator": 1, "likelihood": "确定能"}]}),
    "evaluation": ("put", {"version": 1, "evaluation": {"sheet": "P-001", "spent": "18",
                                                        "results": [{"indicator": 1, "actual": "18"}]}}),
}


def _fields(body: dict, prefix: str = "") -> list[str]:
    """Every field path of a JSON body, nested ones as a.b or a.0.b."""
    paths = []
    for key, value in body.items():
        path = f"{prefix}{key}"
        paths.append(path)
        if isinstance(value, dict):
            paths += _fields(value, f"{path}.")
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            paths += _fields(value[0], f"{path}.0.")
    return paths


def _replaced(body, path: str, value):
    body = json.loads(json.dumps(body))
    *outer, last = path.split(".")
    target = body
    for key in outer:
        target = target[int(key)] if key.isdigit() else target[key]
    target[int(last) if last.isdigit() else last] = value
    return body


@pytest.mark.parametrize("value", JSON_HOSTILE)
@pytest.mark.parametrize(("endpoint", "field"), [(e, f) for e, (_, body) in PERFORMANCE.items() for f in _fields(body)])
def test_api_performance_fields(api, approved, endpoint, field, value):
    method, body = PERFORMANCE[endpoint]
    response = getattr(api, method)(f"/api/performance/{approved.pk}/{endpoint}", _replaced(body, field, value),
                                    content_type="application/json")
    assert_handled(response, api=True)


@pytest.mark.parametrize(("path", "parameter", "message"), [
    ("/sheets/?unit=99999999999999999999", "unit", "参数“unit”（单位）无效：确保该值小于或等于9223372036854775807。"),
    ("/sheets/?min=NaN", "min", "参数“min”（最低预算数）无效：输入一个数字。"),
    ("/sheets/?max=1.0000001", "max", "参数“max”（最高预算数）无效：确认小数不超过 6 位。"),
    ("/performance/?year=-5", "year", "参数“year”（年度）无效：确保该值大于或等于2000。"),
    ("/performance/settings/?year=99999", "year", "参数“year”（年度）无效：确保该值小于或等于2100。"),
    ("/sheets/?q=" + "x" * 100_000, "q", "参数“q”（搜索）无效：确保该变量包含不超过 200 字符"),
])
def test_the_reported_page_parameters_are_refused_with_a_message(org, login, path, parameter, message):
    response = login(org["admin"]).get(path)
    assert response.status_code == 400
    assert message in response.content.decode()


@pytest.mark.parametrize(("method", "path", "body", "field", "message"), [
    ("get", "/api/sheets/?limit=-1", None, "limit", "应 ≥ 1"),
    ("get", "/api/sheets/?offset=-5", None, "offset", "应 ≥ 0"),
    ("get", "/api/sheets/?year=99999", None, "year", "应 ≤ 2100"),
    ("patch", "/api/sheets/{pk}", {"version": 1, "fields": {"goals": 5}}, "fields.goals", "应为列表"),
    ("patch", "/api/sheets/{pk}", {"version": 1, "fields": {"budget_total": "abc"}}, "fields.budget_total", "应为数字"),
    ("patch", "/api/sheets/{pk}", {"version": 1, "fields": {"budget_total": "NaN"}}, "fields.budget_total",
     "应为有限的数"),
    ("patch", "/api/sheets/{pk}", {"version": 1, "fields": {"status": "approved"}}, "fields.status", "不认识"),
    ("patch", "/api/sheets/{pk}", {"version": 10**30, "fields": {}}, "version", "应 ≤ 2147483647"),
])
def test_the_reported_api_fields_are_refused_naming_the_field(api, sheet, method, path, body, field, message):
    kwargs = {"data": body, "content_type": "application/json"} if body is not None else {}
    response = getattr(api, method)(path.format(pk=sheet.pk), **kwargs)
    assert response.status_code == 400, response.content
    assert response.json()["field"] == field and message in response.json()["detail"]


@pytest.mark.parametrize(("fields", "message"), [
    ({"name": "长" * 201}, "“项目名称”：确保该变量包含不超过 200 字符"),
    ({"budget_total": "1e20"}, "“预算数”：确认总共不超过 20 个数字"),
    ({"purpose": "a\x00b"}, "“资金用途”：含有不允许的空字符"),
    ({"name": None}, "“项目名称”：这个值不能为 null"),
])
def test_values_that_do_not_fit_their_column_are_refused_by_the_service(api, sheet, fields, message):
    response = api.patch(f"/api/sheets/{sheet.pk}", {"version": 1, "fields": fields}, content_type="application/json")
    assert response.status_code == 400 and message in response.json()["detail"], response.content
    assert response.json()["field"] == next(iter(fields))


def test_a_refund_may_not_make_spending_negative(api, approved):
    response = api.post(f"/api/performance/{approved.pk}/spending", {"version": 1, "day": "2026-05-01", "amount": "-1"},
                        content_type="application/json")
    assert response.status_code == 400 and "不能为负数" in response.json()["detail"]
    assert api.get(f"/api/performance/{approved.pk}").status_code == 200


FORM_HOSTILE = ["99999999999999999999", "-5", "NaN", "Infinity", "abc", "x" * 100_000, "\x00", "2026-13-45"]


def _editor_fields(login, org, sheet) -> dict:
    from tests.web.sheets.test_history import _form_data

    return _form_data(login(org["owner"]).get(f"/sheets/{sheet.pk}/edit/").context)


PAGE_FORMS = {
    "edit": ("/sheets/{pk}/edit/", "owner", None),
    "comment": ("/sheets/{pk}/comment/", "reviewer", {"text": "请补充", "indicator": ""}),
    "submit": ("/sheets/{pk}/transition/submit/", "owner", {"reason": "", "grade": ""}),
    "spending": ("/performance/{pk}/spending/", "owner", {"version": 1, "kind": "entry", "day": "2026-05-01",
                                                          "amount": "9", "source": "财政资金", "note": ""}),
    "progress": ("/performance/{pk}/progress/", "owner", {"version": 1, "indicator": 1, "as_of": "2026-05-01",
                                                          "value": "3", "evidence": ""}),
    "monitoring": ("/performance/{pk}/monitoring/", "owner", {"version": 1, "a1-likelihood": "有可能",
                                                              "a1-causes": "经费保障", "a1-remedy": "加快",
                                                              "a1-expected_value": "18", "a2-likelihood": "确定能"}),
    "evaluation": ("/performance/{pk}/evaluation/", "owner", {"version": 1, "spent": "18", "r1-actual": "16个",
                                                              "r1-deviation": "推迟", "r2-actual": "95%"}),
    "settings": ("/performance/settings/", "reviewer", {"year": 2026, "profile": "central",
                                                        "period_end": "2026-06-30"}),
}


def _page_form_cases():
    cases = []
    for form, (_, _, body) in PAGE_FORMS.items():
        fields = body or ["version", "code", "name", "title", "money_unit", "budget_total", "budget_fiscal",
                          "budget_other", "period_text", "period_start", "period_end", "period_total",
                          "period_fiscal", "period_other", "purpose", "goals_text", "ind-TOTAL_FORMS", "ind-0-name",
                          "ind-0-value", "ind-0-operator", "ind-0-unit", "ind-0-text", "ind-0-ORDER", "ind-0-level1",
                          "src-TOTAL_FORMS", "src-0-label", "src-0-amount", "psrc-TOTAL_FORMS", "psrc-0-label",
                          "psrc-0-amount"]
        cases += [(form, field) for field in fields]
    return cases


@pytest.mark.parametrize("value", FORM_HOSTILE)
@pytest.mark.parametrize(("form", "field"), _page_form_cases())
def test_page_forms(org, login, request, form, field, value):
    """Every field of every page form posted with hostile values: a form error or a refusal, never 500."""
    path, person, body = PAGE_FORMS[form]
    sheet = request.getfixturevalue("approved" if path.startswith("/performance/{pk}") else "sheet")
    body = dict(body) if body is not None else _editor_fields(login, org, sheet)
    prefix = field.partition("-0-")[0]
    if prefix in ("src", "psrc"):  # a source of the year's budget or the span's added, one of its fields hostile
        body.update({f"{prefix}-TOTAL_FORMS": "1", f"{prefix}-0-label": "中央补助", f"{prefix}-0-amount": "1"})
    body[field] = value
    assert_handled(login(org[person]).post(path.format(pk=sheet.pk), body))


def test_a_valid_patch_of_every_field_is_saved_as_before(api, sheet):
    fields = {"code": "P-002", "name": "新名称", "title": "新表头", "money_unit": "元", "budget_total": "20.5",
              "budget_fiscal": "20.5", "budget_other": None, "purpose": "用途", "goals": ["目标一"],
              "long_term_goals": ["长期"], "spend_plan": [{"label": "6月底", "percent": "50"}]}
    response = api.patch(f"/api/sheets/{sheet.pk}", {"version": 1, "fields": fields}, content_type="application/json")
    assert response.status_code == 200, response.content
    content = response.json()["content"]
    assert (content["code"], content["name"], content["money_unit"]) == ("P-002", "新名称", "元")
    assert Sheet.objects.get(pk=sheet.pk).budget_total == Decimal("20.5")
    assert content["spend_plan"] == [{"label": "6月底", "percent": "50"}] and content["goals"] == ["目标一"]
