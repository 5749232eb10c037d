"""The access matrix: every page and API endpoint × every role × own unit / other unit / other bureau.

The URL patterns are enumerated, so a new URL without an entry here fails ``test_every_url_has_a_matrix_entry``.
Each request runs in a savepoint that is rolled back, so the cells of one row do not disturb each other.

Codes are written in the order of ``ROLES``. For the bureau's people "own unit" is a unit of their bureau
(the township) and "other unit" is another unit of the same bureau (the sibling); "other bureau" is a unit of
another finance bureau. A "-" row is for URLs that name no unit's object.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from jixiao.model import FundSource
from tests.web.conftest import small_sheet

ROLES = ("anonymous", "preparer", "reviewer", "admin", "security", "auditor")
SCOPES = ("own", "other_unit", "other_bureau")


@dataclass(frozen=True)
class Entry:
    """How to call one URL, and the status codes expected per scope, one per role in ``ROLES`` order."""

    method: str
    path: str
    expect: dict[str, str]
    data: dict = field(default_factory=dict)
    api: bool = False


def same(codes: str) -> dict[str, str]:
    """The same codes whichever unit's object is named."""
    return {scope: codes for scope in SCOPES}


SPENDING = {"version": 2, "kind": "entry", "day": "2026-03-01", "amount": "1.00", "source": FundSource.FISCAL.value}
PROGRESS = {"version": 2, "indicator": 1, "as_of": "2026-03-01", "value": "3个", "evidence": ""}
ANSWERS = {"version": 2, "a1-likelihood": "确定能", "a2-likelihood": "确定能"}
SHEET_JSON = small_sheet(name="矩阵新建").model_dump(mode="json")
# The steps a page asks about first are posted as its dialog sends them once answered; without it they are asked
# about, to the same people (test_the_question_before_a_step_is_refused_like_the_step).
CONFIRMED = {"confirmed": "1"}

MATRIX: dict[str, Entry] = {
    # Pages without a unit's object.
    "home": Entry("GET", "/", {"-": "302 302 302 302 302 302"}),
    "login": Entry("GET", "/login/", {"-": "200 200 200 200 200 200"}),
    "logout": Entry("POST", "/logout/", {"-": "302 302 302 302 302 302"}),
    "password_change": Entry("GET", "/password/", {"-": "302 200 200 200 200 200"}),
    "password_change_done": Entry("GET", "/password/done/", {"-": "302 200 200 200 200 200"}),
    "account": Entry("GET", "/account/", {"-": "302 200 200 200 200 200"}),
    "people": Entry("GET", "/people/", {"-": "302 403 403 200 200 403"}),
    "security:audit": Entry("GET", "/audit/", {"-": "302 403 403 200 403 200"}),
    "sheets:list": Entry("GET", "/sheets/", {"-": "302 200 200 200 200 200"}),
    "sheets:import": Entry("GET", "/sheets/import/", {"-": "302 200 403 200 403 403"}),
    "sheets:dashboard": Entry("GET", "/sheets/dashboard/", {"-": "302 403 200 200 403 403"}),
    "performance:overview": Entry("GET", "/performance/", {"-": "302 403 200 200 403 403"}),
    "performance:settings": Entry("GET", "/performance/settings/", {"-": "302 403 200 200 403 403"}),
    # Pages about one unit's sheets. A refusal of a unit's data redirects back with a message (302) when the
    # page is a list, and is a 404 (nothing to see) or 403 (seen, not yours to change) for one object.
    "sheets:import_confirm": Entry("POST", "/sheets/import/{pending}/confirm/", {
        "own": "302 302 302 302 302 302", "other_unit": "302 302 302 302 302 302", "other_bureau": "302 302 302 302 302 302"}),
    "sheets:detail": Entry("GET", "/sheets/{draft}/", {
        "own": "302 200 200 200 404 404", "other_unit": "302 404 200 200 404 404", "other_bureau": "302 404 404 404 404 404"}),
    "sheets:edit": Entry("GET", "/sheets/{draft}/edit/", {
        "own": "302 200 403 200 404 404", "other_unit": "302 404 403 200 404 404", "other_bureau": "302 404 404 404 404 404"}),
    "sheets:check": Entry("POST", "/sheets/{draft}/check/", {
        "own": "302 200 403 200 404 404", "other_unit": "302 404 403 200 404 404", "other_bureau": "302 404 404 404 404 404"}),
    "sheets:export": Entry("GET", "/sheets/{draft}/export/json/", {
        "own": "302 200 200 200 404 404", "other_unit": "302 404 200 200 404 404", "other_bureau": "302 404 404 404 404 404"}),
    "sheets:transition": Entry("POST", "/sheets/{draft}/transition/submit/", {
        "own": "302 302 403 302 403 403", "other_unit": "302 403 403 302 403 403", "other_bureau": "302 403 403 403 403 403"},
        data=CONFIRMED),
    "sheets:comment": Entry("POST", "/sheets/{draft}/comment/", {
        "own": "302 403 302 302 404 404", "other_unit": "302 404 302 302 404 404", "other_bureau": "302 404 404 404 404 404"},
        data={"text": "请补充时效指标"}),
    "sheets:delete": Entry("POST", "/sheets/{draft}/delete/", {
        "own": "302 302 403 302 404 404", "other_unit": "302 404 403 302 404 404", "other_bureau": "302 404 404 404 404 404"},
        data=CONFIRMED),
    "sheets:restore": Entry("POST", "/sheets/{draft}/restore/", {
        "own": "302 302 403 302 404 404", "other_unit": "302 404 403 302 404 404", "other_bureau": "302 404 404 404 404 404"}),
    "performance:tracking": Entry("GET", "/performance/{approved}/", {
        "own": "302 200 200 200 404 404", "other_unit": "302 404 200 200 404 404", "other_bureau": "302 404 404 404 404 404"}),
    "performance:spending": Entry("POST", "/performance/{approved}/spending/", {
        "own": "302 302 403 302 404 404", "other_unit": "302 404 403 302 404 404", "other_bureau": "302 404 404 404 404 404"},
        data=SPENDING),
    "performance:spending_delete": Entry("POST", "/performance/{approved}/spending/{spending}/delete/", {
        "own": "302 302 403 302 404 404", "other_unit": "302 404 403 302 404 404", "other_bureau": "302 404 404 404 404 404"},
        data={"version": 2, **CONFIRMED}),
    "performance:progress": Entry("POST", "/performance/{approved}/progress/", {
        "own": "302 302 403 302 404 404", "other_unit": "302 404 403 302 404 404", "other_bureau": "302 404 404 404 404 404"},
        data=PROGRESS),
    "performance:monitoring": Entry("POST", "/performance/{approved}/monitoring/", {
        "own": "302 302 403 302 404 404", "other_unit": "302 404 403 302 404 404", "other_bureau": "302 404 404 404 404 404"},
        data=ANSWERS),
    "performance:monitoring_download": Entry("GET", "/performance/{approved}/monitoring.xlsx", {
        "own": "302 200 200 200 404 404", "other_unit": "302 404 200 200 404 404", "other_bureau": "302 404 404 404 404 404"}),
    "performance:evaluation": Entry("GET", "/performance/{approved}/evaluation/", {
        "own": "302 200 200 200 404 404", "other_unit": "302 404 200 200 404 404", "other_bureau": "302 404 404 404 404 404"}),
    "performance:template": Entry("GET", "/performance/{approved}/evaluation/template.xlsx", {
        "own": "302 200 200 200 404 404", "other_unit": "302 404 200 200 404 404", "other_bureau": "302 404 404 404 404 404"}),
    # Posted without a file: the editors are sent back to the page with why (302).
    "performance:import": Entry("POST", "/performance/{approved}/evaluation/import/", {
        "own": "302 302 403 302 404 404", "other_unit": "302 404 403 302 404 404", "other_bureau": "302 404 404 404 404 404"}),
    # No self-evaluation is entered yet: those who may see it are sent back to the page with why (302).
    "performance:evaluation_download": Entry("GET", "/performance/{approved}/evaluation.xlsx", {
        "own": "302 302 302 302 404 404", "other_unit": "302 404 302 302 404 404", "other_bureau": "302 404 404 404 404 404"}),
    # The API: tokens, no session; anonymous calls get 401.
    # The schema and its docs: for a token (here) or a login, never for the anonymous public (302 to the login).
    "api:openapi-json": Entry("GET", "/api/openapi.json", {"-": "302 200 200 200 200 200"}, api=True),
    "api:openapi-view": Entry("GET", "/api/docs", {"-": "302 200 200 200 200 200"}, api=True),
    "api:api-root": Entry("GET", "/api/", {"-": "404 404 404 404 404 404"}, api=True),
    "api:list_sheets": Entry("GET", "/api/sheets/", {"-": "401 200 200 200 200 200"}, api=True),
    "api:check_files": Entry("POST", "/api/sheets/check", {"-": "401 200 200 200 200 200"}, api=True,
                             data={"files": "sample"}),
    "api:create_sheet": Entry("POST", "/api/sheets/", {
        "own": "401 201 403 201 404 404", "other_unit": "401 404 403 201 404 404", "other_bureau": "401 404 404 404 404 404"},
        api=True, data={"unit_code": "{unit_code}", "year": 2026, "content": SHEET_JSON}),
    "api:import_files": Entry("POST", "/api/sheets/import", {
        "own": "401 201 403 201 403 403", "other_unit": "401 403 403 201 403 403", "other_bureau": "401 403 403 403 403 403"},
        api=True, data={"unit_code": "{unit_code}", "year": 2026, "files": "sample", "accept_unit": True}),
    "api:read_sheet": Entry("GET", "/api/sheets/{draft}", {
        "own": "401 200 200 200 404 404", "other_unit": "401 404 200 200 404 404", "other_bureau": "401 404 404 404 404 404"},
        api=True),
    "api:update_sheet": Entry("PATCH", "/api/sheets/{draft}", {
        "own": "401 200 403 200 404 404", "other_unit": "401 404 403 200 404 404", "other_bureau": "401 404 404 404 404 404"},
        api=True, data={"version": 1, "fields": {"purpose": "用于矩阵测试"}}),
    "api:delete_sheet": Entry("DELETE", "/api/sheets/{draft}", {
        "own": "401 204 403 204 404 404", "other_unit": "401 404 403 204 404 404", "other_bureau": "401 404 404 404 404 404"},
        api=True),
    "api:transition": Entry("POST", "/api/sheets/{draft}/transitions/submit", {
        "own": "401 200 403 200 404 404", "other_unit": "401 404 403 200 404 404", "other_bureau": "401 404 404 404 404 404"},
        api=True, data={}),
    "api:export": Entry("GET", "/api/sheets/{draft}/export/json", {
        "own": "401 200 200 200 404 404", "other_unit": "401 404 200 200 404 404", "other_bureau": "401 404 404 404 404 404"},
        api=True),
    "api:read_year": Entry("GET", "/api/performance/{approved}", {
        "own": "401 200 200 200 404 404", "other_unit": "401 404 200 200 404 404", "other_bureau": "401 404 404 404 404 404"},
        api=True),
    "api:add_spending": Entry("POST", "/api/performance/{approved}/spending", {
        "own": "401 200 403 200 404 404", "other_unit": "401 404 403 200 404 404", "other_bureau": "401 404 404 404 404 404"},
        api=True, data={"version": 2, "day": "2026-03-01", "amount": "1.00"}),
    "api:add_progress": Entry("POST", "/api/performance/{approved}/progress", {
        "own": "401 200 403 200 404 404", "other_unit": "401 404 403 200 404 404", "other_bureau": "401 404 404 404 404 404"},
        api=True, data={"version": 2, "progress": {"indicator": 1, "as_of": "2026-03-01", "value": "3"}}),
    "api:save_answers": Entry("PUT", "/api/performance/{approved}/monitoring", {
        "own": "401 200 403 200 404 404", "other_unit": "401 404 403 200 404 404", "other_bureau": "401 404 404 404 404 404"},
        api=True, data={"version": 2, "answers": []}),
    "api:save_evaluation": Entry("PUT", "/api/performance/{approved}/evaluation", {
        "own": "401 200 403 200 404 404", "other_unit": "401 404 403 200 404 404", "other_bureau": "401 404 404 404 404 404"},
        api=True, data={"version": 2, "evaluation": {"sheet": "P-001", "results": []}}),
    # A text file, not the template: those who may see the sheet learn that the file is unreadable (400).
    "api:import_actuals": Entry("POST", "/api/performance/{approved}/actuals", {
        "own": "401 400 400 400 404 404", "other_unit": "401 404 400 400 404 404", "other_bureau": "401 404 404 404 404 404"},
        api=True, data={"version": 2, "file": "sample"}),
    # Publication: the public site needs no login and shows only what is published; the bureau's page is for its
    # reviewers and admins (a preparer, the security and audit administrators are refused).
    "publication:index": Entry("GET", "/public/", {"-": "200 200 200 200 200 200"}),
    "publication:search": Entry("GET", "/public/search/?q=环境", {"-": "200 200 200 200 200 200"}),
    "publication:feed": Entry("GET", "/public/feed.atom", {"-": "200 200 200 200 200 200"}),
    "publication:table": Entry("GET", "/public/table/{publication}/", same("200 200 200 200 200 200")),
    "publication:table_download": Entry("GET", "/public/table/{publication}.pdf", same("200 200 200 200 200 200")),
    "publication:bureau_year": Entry("GET", "/public/{bureau_code}/2026/", same("200 200 200 200 200 200")),
    "publication:unit_year": Entry("GET", "/public/{bureau_code}/2026/{unit_code}/", same("200 200 200 200 200 200")),
    "publication:data_json": Entry("GET", "/public/{bureau_code}/2026/data.json", same("200 200 200 200 200 200")),
    "publication:datapackage": Entry("GET", "/public/{bureau_code}/2026/datapackage.json", same("200 200 200 200 200 200")),
    "publication:data_csv": Entry("GET", "/public/{bureau_code}/2026/indicators.csv", same("200 200 200 200 200 200")),
    "publication:manage": Entry("GET", "/publication/?year=2026", {"-": "302 403 200 200 403 403"}),
    "publication:publish": Entry("POST", "/publication/{approved}/publish/", {
        "own": "302 403 302 302 403 403", "other_unit": "302 403 302 302 403 403", "other_bureau": "302 403 403 403 403 403"},
        data={"year": "2026"}),
    "publication:publish_evaluation": Entry("POST", "/publication/{approved}/evaluation/", {
        "own": "302 403 302 302 403 403", "other_unit": "302 403 302 302 403 403", "other_bureau": "302 403 403 403 403 403"},
        data={"year": "2026"}),
    "publication:withdraw": Entry("POST", "/publication/{approved}/withdraw/", {
        "own": "302 403 302 302 403 403", "other_unit": "302 403 302 302 403 403", "other_bureau": "302 403 403 403 403 403"},
        data={"year": "2026", "reason": "矩阵测试"}),
    # Audits of self-evaluations: the bureau's reviewers and admins only.
    "audits:overview": Entry("GET", "/audits/?year=2026", {"-": "302 403 200 200 403 403"}),
    # Posted without a file: the bureau's people are told what is missing (400).
    "audits:upload": Entry("POST", "/audits/upload/", {"-": "302 403 400 400 403 403"}, data={"year": "2026"}),
    "audits:unit": Entry("GET", "/audits/unit/{unit}/?year=2026", {
        "own": "302 403 200 200 403 403", "other_unit": "302 403 200 200 403 403", "other_bureau": "302 403 404 404 403 403"}),
    "audits:document": Entry("GET", "/audits/{audited}/", {
        "own": "302 403 200 200 403 403", "other_unit": "302 403 200 200 403 403", "other_bureau": "302 403 404 404 403 403"}),
    # A background export of a unit's year (or a bureau's) is started by those who may see its sheets and taken
    # to the job's page (302). A job, its progress and its file are seen by the person who started it, while still
    # allowed its scope: an import by the unit's preparer ({job}), an export by the bureau's reviewer ({export}).
    "jobs:list": Entry("GET", "/jobs/", {"-": "302 200 200 200 200 200"}),
    "jobs:start": Entry("POST", "/jobs/start/sheets/", {
        "own": "302 302 302 302 403 403", "other_unit": "302 403 302 302 403 403", "other_bureau": "302 403 403 403 403 403"},
        data={"year": "2026", "unit": "{unit}", "format": "json"}),
    "jobs:detail": Entry("GET", "/jobs/{export}/", {
        "own": "302 404 200 404 404 404", "other_unit": "302 404 200 404 404 404", "other_bureau": "302 404 404 404 404 404"}),
    "jobs:progress": Entry("GET", "/jobs/{job}/progress/", {
        "own": "302 200 404 404 404 404", "other_unit": "302 404 404 404 404 404", "other_bureau": "302 404 404 404 404 404"}),
    "jobs:download": Entry("GET", "/jobs/{export}/download/", {
        "own": "302 404 200 404 404 404", "other_unit": "302 404 200 404 404 404", "other_bureau": "302 404 404 404 404 404"}),
    # A failed export is started again, as a new job, by the person who started it, while still allowed its scope.
    "jobs:restart": Entry("POST", "/jobs/{failed_export}/restart/", {
        "own": "302 404 302 404 404 404", "other_unit": "302 404 302 404 404 404", "other_bureau": "302 404 404 404 404 404"}),
}


def url_names() -> set[str]:
    """Every named URL pattern of the site, with its namespace."""
    names: set[str] = set()

    def walk(patterns, namespace: str | None) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = ":".join(part for part in (namespace, pattern.namespace) if part) or None
                walk(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern):
                assert pattern.name, f"URL {pattern.pattern} has no name, so it cannot have a matrix entry"
                names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)

    walk(get_resolver().url_patterns, None)
    return names


def test_every_url_has_a_matrix_entry():
    assert url_names() == set(MATRIX), "add the new URL to MATRIX (or remove a stale entry)"


def _fill(value, names: dict):
    if isinstance(value, str):
        return value.format(**names) if "{" in value and not value.startswith("{\"") else value
    if isinstance(value, dict):
        return {k: _fill(v, names) for k, v in value.items()}
    return value


def _call(entry: Entry, role: str, names: dict, world):
    client = Client()
    headers = {}
    if role != "anonymous":
        if entry.api:
            headers["HTTP_AUTHORIZATION"] = f"Bearer {world['tokens'][role]}"
        else:
            client.force_login(world["people"][role])
    path = entry.path.format(**names)
    data = _fill(entry.data, names)
    if entry.method == "GET":
        return client.get(path, **headers)
    if entry.method == "DELETE":
        return client.delete(path, **headers)
    if entry.api and any(v == "sample" for v in data.values()):
        files = {k: (v if v != "sample" else _upload(world["sample"])) for k, v in data.items()}
        return client.post(path, files, **headers)
    if entry.api:
        send = {"PATCH": client.patch, "PUT": client.put, "POST": client.post}[entry.method]
        return send(path, json.dumps(data), content_type="application/json", **headers)
    return client.post(path, data, **headers)


def _upload(content: bytes):
    return SimpleUploadedFile("sample.txt", content, content_type="text/plain")


def _mismatches(entry: Entry, world) -> str:
    """The scopes where the codes differ from ``entry``'s, or ""."""
    mismatches = []
    for scope, expected in entry.expect.items():
        names = world["scopes"]["own" if scope == "-" else scope]
        actual = []
        for role in ROLES:
            with transaction.atomic():
                actual.append(str(_call(entry, role, names, world).status_code))
                transaction.set_rollback(True)
        if " ".join(actual) != expected:
            mismatches.append(f"{scope}: expected {expected}, got {' '.join(actual)}")
    return f"{entry.method} {entry.path} ({' '.join(ROLES)}): " + "; ".join(mismatches) if mismatches else ""


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_access_matrix(name, world):
    assert not (mismatches := _mismatches(MATRIX[name], world)), mismatches



@pytest.mark.parametrize("name", ["sheets:delete", "performance:spending_delete"])
def test_the_question_before_a_step_is_refused_like_the_step(name, world):
    """Without the flag, whoever may take the step gets the question (200) instead of the step taken (302; the
    anonymous are still sent to the login); everyone else gets the step's own refusal."""
    entry = MATRIX[name]
    asked = {scope: " ".join([codes.split()[0], *(c.replace("302", "200") for c in codes.split()[1:])])
             for scope, codes in entry.expect.items()}
    data = {k: v for k, v in entry.data.items() if k not in CONFIRMED}
    assert not (mismatches := _mismatches(Entry(entry.method, entry.path, asked, data), world)), mismatches
