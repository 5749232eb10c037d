"""Writes while an import runs. An import reads and reviews its files before it takes the database's write lock,
then stores them in one short transaction (and a bureau's setting change computes its year's summaries before it
takes the lock); so a person who saves meanwhile (an edit, a review comment, a login,
an API call, which records the token's use) is not refused, and a write the database still refuses (a lock held
too long) is a Chinese 503, never a 500. Every thread has its own connection to one database outside any test
transaction: on SQLite a file (an in-memory database is not locked as a file is), on PostgreSQL the test
database."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

import pytest
from django.db import connections
from django.http import HttpResponse
from django.test import Client

from jixiao.web.audits import services as audits
from jixiao.web.audits.models import AuditedDocument
from jixiao.web.jobs.models import Job
from jixiao.web.jobs.registry import KINDS
from jixiao.web.jobs.services import job_run, job_start
from jixiao.web.organisation.models import ApiToken
from jixiao.web.organisation.services import token_create
from jixiao.web.performance import summaries
from jixiao.web.performance.models import Summary
from jixiao.web.performance.services import setting_save
from jixiao.web.sheets.models import Comment, Sheet
from jixiao.web.sheets.services import review
from tests.web.audits.conftest import township_evaluation
from tests.web.conftest import PASSWORD, approve, draft_create, org_create
from tests.web.sheets.test_history import _form_data

pytestmark = pytest.mark.django_db(transaction=True)  # committed, as the worker and the server commit

# A write that finds a lock held fails after this long (SQLite's busy timeout, PostgreSQL's lock timeout) instead
# of waiting 5 s (SQLite) or for ever (PostgreSQL), as deployed.
BUSY_SECONDS = 0.3


@pytest.fixture
def shared_database(django_db_blocker, tmp_path) -> Iterator[None]:
    """One database for every thread, each through its own connection, outside any test transaction; a write
    that finds a lock held fails after ``BUSY_SECONDS``."""
    with django_db_blocker.unblock():
        test, settings = connections["default"], connections.settings["default"]
        if test.vendor == "sqlite":
            test.ensure_connection()
            path = tmp_path / "shared.sqlite3"
            copy = sqlite3.connect(path)
            test.connection.backup(copy)  # the migrated test database
            copy.close()
            changed = {"NAME": str(path), "OPTIONS": {**settings["OPTIONS"], "timeout": BUSY_SECONDS}}
        else:
            changed = {"OPTIONS": {**settings["OPTIONS"], "options": f"-c lock_timeout={int(BUSY_SECONDS * 1000)}"}}
        connections.settings["default"] = {**settings, **changed}
        connections["default"] = connections.create_connection("default")
        try:
            yield
        finally:
            connections["default"].close()
            connections.settings["default"], connections["default"] = settings, test


@pytest.fixture
def people(shared_database) -> dict:
    """The web tests' people and units, and a draft of the owner's unit, committed."""
    org = org_create()
    return {**org, "draft": draft_create(org)}


def _in_another_thread(action: Callable[[], object]) -> object:
    """What ``action()`` returns, or the exception it raised, run in a thread with its own connection."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(action())
        except Exception as error:  # noqa: BLE001 - reported to the test
            outcome.append(error)
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=60)  # on PostgreSQL a write waiting for the import's row lock would wait for ever
    return outcome[0] if outcome else TimeoutError("still waiting after 60 s")


@dataclass
class Write:
    """One person's write: the request, and whether what it saved is there."""

    request: Callable[[], HttpResponse]
    saved: Callable[[], bool]


def _api_call(people: dict) -> Write:
    client = Client(HTTP_AUTHORIZATION=f"Bearer {token_create(user=people['owner'])}", raise_request_exception=False)
    return Write(lambda: client.get("/api/sheets/"),
                 lambda: ApiToken.objects.get(user=people["owner"]).last_used_at is not None)


def _edit(people: dict) -> Write:
    client, sheet = Client(raise_request_exception=False), people["draft"]
    client.force_login(people["owner"])
    data = _form_data(client.get(f"/sheets/{sheet.pk}/edit/").context, name="导入期间改的名称")
    return Write(lambda: client.post(f"/sheets/{sheet.pk}/edit/", data),
                 lambda: Sheet.objects.get(pk=sheet.pk).name == "导入期间改的名称")


def _comment(people: dict) -> Write:
    client, sheet = Client(raise_request_exception=False), people["draft"]
    client.force_login(people["reviewer"])
    return Write(lambda: client.post(f"/sheets/{sheet.pk}/comment/", {"text": "请补充时效指标"}),
                 lambda: Comment.objects.filter(sheet=sheet).exists())


def _login(people: dict) -> Write:
    client = Client(raise_request_exception=False)
    return Write(lambda: client.post("/login/", {"username": "colleague", "password": PASSWORD}),
                 lambda: client.get("/sheets/").status_code == 200)


WRITES = {"api_call": _api_call, "edit": _edit, "comment": _comment, "login": _login}
SUCCESS = {"api_call": 200, "edit": 302, "comment": 302, "login": 302}


@contextmanager
def _writing_while(monkeypatch, module, name: str, write: Write) -> Iterator[list[object]]:
    """Patch ``module.name`` (a slow step of the job's work) so that its first call waits for ``write`` in
    another thread; yields the status of its response and whether it was saved (or the exception it raised)."""
    real, outcomes, job = getattr(module, name), [], threading.current_thread()

    def step(*args, **kwargs):
        if not outcomes and threading.current_thread() is job:  # the write may take the same step
            outcomes.append(_in_another_thread(lambda: (write.request().status_code, write.saved())))
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, step)
    yield outcomes


def _background(people: dict, kind: str, params: dict, files: list[tuple[str, bytes]]) -> Job:
    return job_start(user=people["owner"] if kind == "import" else people["reviewer"], kind=KINDS[kind],
                     params=params, files=files)


@pytest.mark.parametrize("write", WRITES)
def test_a_write_while_a_background_import_reviews_its_sheets_is_saved(people, write, monkeypatch, sample_bytes,
                                                                       other_sample_bytes):
    job = _background(people, "import", {"unit": people["township"].pk, "year": 2026, "accept_year": False},
                      [("a.txt", sample_bytes), ("b.txt", other_sample_bytes)])
    with _writing_while(monkeypatch, review, "review_document", WRITES[write](people)) as outcomes:
        assert job_run(job.pk) == "succeeded"
    assert outcomes == [(SUCCESS[write], True)]
    assert Sheet.objects.filter(unit=people["township"], source__in=["a.txt", "b.txt"]).count() == 4


@pytest.mark.parametrize("write", WRITES)
def test_a_write_while_a_background_audit_reviews_its_files_is_saved(people, write, monkeypatch):
    job = _background(people, "audit_upload", {"year": 2026, "profile": "central"},
                      [("a.json", township_evaluation()), ("b.json", township_evaluation("另一个项目"))])
    with _writing_while(monkeypatch, audits, "audit_sheet", WRITES[write](people)) as outcomes:
        assert job_run(job.pk) == "succeeded"
    assert outcomes == [(SUCCESS[write], True)]
    assert AuditedDocument.objects.count() == 2


@pytest.mark.parametrize("write", WRITES)
def test_a_write_while_a_setting_change_recomputes_the_summaries_is_saved(people, write, monkeypatch):
    approved = approve(people, draft_create(people))
    with _writing_while(monkeypatch, summaries, "summary_fields", WRITES[write](people)) as outcomes:
        setting_save(user=people["reviewer"], year=2026, profile="hubei", period_end=date(2026, 9, 30))
    assert outcomes == [(SUCCESS[write], True)]
    assert Summary.objects.get(sheet=approved).period_end == date(2026, 9, 30)


@contextmanager
def _writes_locked_out() -> Iterator[None]:
    """Another connection holding off every write (reads go on) while the block runs: SQLite's write lock, or
    PostgreSQL's EXCLUSIVE lock on every table."""
    other = connections.create_connection("default")
    with other.cursor() as cursor:
        if other.vendor == "sqlite":
            cursor.execute("BEGIN IMMEDIATE")
        else:
            tables = ", ".join(other.ops.quote_name(t) for t in other.introspection.table_names(cursor))
            cursor.execute(f"BEGIN; LOCK TABLE {tables} IN EXCLUSIVE MODE")
    try:
        yield
    finally:
        other.connection.rollback()
        other.close()


@pytest.mark.parametrize("write", WRITES)
def test_a_write_the_database_refuses_is_a_chinese_503_and_saves_nothing(people, write):
    action = WRITES[write](people)
    with _writes_locked_out():
        response = action.request()
        assert response.status_code == 503 and response["Retry-After"] == "5" and not action.saved()
    text = response.json()["detail"] if write == "api_call" else response.content.decode()
    assert "数据库正忙" in text and "未能完成" in text
