"""People and units for the web tests: the owner's unit and a colleague in it, a reviewer and an admin of its
bureau, and outsiders (a preparer of another bureau's unit, that bureau's reviewer) — as healthchecks' hc/test.py.

Data that every test of a module asks for (the people, the draft sheet, …) is made once per module, inside a
transaction around the module that is rolled back at its end (as Django's ``TestCase.setUpTestData``); each test runs
in a savepoint inside it, so what a test writes is undone before the next, and gets its own copies of the objects. A
fixture is shared only where every test of the module that uses the database asks for it (so no test sees rows it
did not ask for) and no test commits (a transactional test, as the worker's, needs the database outside any
transaction); elsewhere each test makes its own, as before."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from django.core.cache import caches
from django.db import transaction
from django.test import Client, override_settings

from jixiao.model import GoalSheet, Indicator
from jixiao.web.organisation.models import Role
from jixiao.web.organisation.services import member_create, token_create, unit_create
from jixiao.web.publication.pagecache import CACHE
from jixiao.web.sheets.services.sheets import sheet_create
from jixiao.web.sheets.services.workflow import sheet_transition

SAMPLE = Path(__file__).parent.parent / "fixtures" / "sample.txt"
PASSWORD = "Pa55word-for-tests"


@pytest.fixture(autouse=True)
def no_public_page_kept():
    """Each test starts with no public page kept: a test's database may be in a state another test's was in, and
    the pages kept for it must not answer (a test that writes rows directly gives the site no new token)."""
    caches[CACHE].clear()


@pytest.fixture(scope="package", autouse=True)
def fast_passwords():
    """PBKDF2 is slow by design; the tests create seven users per module (or per test)."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


def _commits(item: pytest.Item) -> bool:
    """Whether a test runs as pytest-django's transactional tests do: committing, then flushing every table."""
    marker = item.get_closest_marker("django_db")
    marked = marker is not None and (marker.args[:1] == (True,) or any(
        marker.kwargs.get(key) for key in ("transaction", "reset_sequences")))
    return marked or bool({"transactional_db", "live_server", "django_db_reset_sequences"} & set(item.fixturenames))


def _uses_database(item: pytest.Item) -> bool:
    return item.get_closest_marker("django_db") is not None or bool(
        {"db", "transactional_db", "_django_db_helper"} & set(item.fixturenames))


class ModuleData:
    """Data made once for the tests of one module, in a transaction rolled back when the module ends."""

    def __init__(self, request: pytest.FixtureRequest, blocker) -> None:
        items = [item for item in request.session.items if getattr(item, "module", None) is request.module]
        self.commits = any(_commits(item) for item in items)
        self.using = [item for item in items if _uses_database(item)]
        self.blocker, self.outer = blocker, None

    def share(self, name: str, make):
        """What ``make()`` returns, made once for the module; None unless every test of the module that uses the
        database asks for fixture ``name`` and none commits (then each test makes its own)."""
        if self.commits or not all(name in item.fixturenames for item in self.using):
            return None
        with self.blocker.unblock():
            if self.outer is None:
                self.outer = transaction.atomic()
                self.outer.__enter__()
            return make()

    def close(self) -> None:
        if self.outer is not None:
            with self.blocker.unblock():
                transaction.set_rollback(True)
                self.outer.__exit__(None, None, None)


@pytest.fixture(scope="module")
def module_data(request, django_db_setup, django_db_blocker):
    data = ModuleData(request, django_db_blocker)
    yield data
    data.close()


def own(shared, make):
    """This test's copy of the module's ``shared`` object, or ``make()`` when the module shares none."""
    return copy.deepcopy(shared) if shared is not None else make()


@pytest.fixture
def sample_bytes() -> bytes:
    return SAMPLE.read_bytes()


@pytest.fixture
def other_sample_bytes(sample_bytes) -> bytes:
    """The sample with other project codes: a second, distinct document for batches of several files."""
    return sample_bytes.replace(b"JXN-4QXO", b"JXN-4QX2").replace(b"JXN-YUPI", b"JXN-YUP2")


def org_create() -> dict:
    """Two bureaus, each with a township; people in every role."""
    bureau = unit_create(code="B1", name="甲市财政局")
    township = unit_create(code="434016", name="遵化市西留村乡人民政府", parent=bureau)
    sibling = unit_create(code="434017", name="乙乡人民政府", parent=bureau)
    other_bureau = unit_create(code="B2", name="丙市财政局")
    other_unit = unit_create(code="999001", name="丁镇人民政府", parent=other_bureau)
    people = {
        "owner": member_create(username="owner", password=PASSWORD, unit=township, role=Role.PREPARER).user,
        "colleague": member_create(username="colleague", password=PASSWORD, unit=township, role=Role.PREPARER).user,
        "sibling": member_create(username="sibling", password=PASSWORD, unit=sibling, role=Role.PREPARER).user,
        "reviewer": member_create(username="reviewer", password=PASSWORD, unit=bureau, role=Role.REVIEWER).user,
        "admin": member_create(username="admin", password=PASSWORD, unit=bureau, role=Role.ADMIN).user,
        "outsider": member_create(username="outsider", password=PASSWORD, unit=other_unit, role=Role.PREPARER).user,
        "other_reviewer": member_create(username="other_reviewer", password=PASSWORD, unit=other_bureau,
                                        role=Role.REVIEWER).user,
    }
    return {"bureau": bureau, "township": township, "sibling_unit": sibling, "other_unit": other_unit, **people}


@pytest.fixture(scope="module")
def org_once(module_data):
    return module_data.share("org", org_create)


@pytest.fixture
def org(db, org_once):
    """Two bureaus, each with a township; people in every role."""
    return own(org_once, org_create)


def small_sheet(name: str = "乡镇环境治理经费", target: str = "≥18个") -> GoalSheet:
    """A compact sheet built in the test: two indicators, money and a plan."""
    return GoalSheet(
        code="P-001", name=name, year=2026, budget={"total": "18.00", "fiscal": "18.00", "other": "0"},
        purpose="用于村庄环境整治", spend_plan=[{"label": "6月底", "percent": "60"}, {"label": "12月底", "percent": "100"}],
        goals=["完成18个行政村环境整治"],
        indicators=[
            Indicator.from_cells(level1="产出指标", level2="数量指标", name="整治村数", target=target),
            Indicator.from_cells(level1="满意度指标", level2="服务对象满意度指标", name="群众满意度", target="≥90%"),
        ],
    )


def draft_create(org: dict):
    """A draft sheet of the owner's unit."""
    return sheet_create(user=org["owner"], unit=org["township"], year=2026, content=small_sheet(), source="test")


@pytest.fixture(scope="module")
def sheet_once(module_data, org_once):
    return module_data.share("sheet", lambda: draft_create(org_once))


@pytest.fixture
def sheet(org, sheet_once):
    """A draft sheet of the owner's unit."""
    return own(sheet_once, lambda: draft_create(org))


def approve(org: dict, sheet):
    """The draft ``sheet`` submitted by its owner and approved by the reviewer."""
    sheet_transition(user=org["owner"], sheet_id=sheet.pk, name="submit")
    return sheet_transition(user=org["reviewer"], sheet_id=sheet.pk, name="approve", grade="良")


@pytest.fixture(scope="module")
def approved_once(module_data, org_once, sheet_once):
    return module_data.share("approved", lambda: approve(org_once, sheet_once))


@pytest.fixture
def approved(org, sheet, approved_once):
    """The draft sheet, approved (two indicators: 整治村数 ≥18个, 群众满意度 ≥90%; budget 18 万元; plan 6月底 60%)."""
    return own(approved_once, lambda: approve(org, sheet))


@pytest.fixture
def login():
    """A client logged in as one of the ``org`` people."""
    def client_for(user) -> Client:
        client = Client()
        client.force_login(user)
        return client
    return client_for


@pytest.fixture
def api(org):
    """An API client calling with a token of one of the ``org`` people, by key (``api("owner")``)."""
    def client_for(person: str) -> Client:
        return Client(HTTP_AUTHORIZATION=f"Bearer {token_create(user=org[person])}")
    return client_for


@pytest.fixture
def exported():
    """Start a background export with ``client`` as its button would, run the job as the worker does, and return
    the download's response."""
    from jixiao.web.jobs.models import Job
    from jixiao.web.jobs.services import job_run

    def run(client: Client, kind: str, data: dict):
        started = client.post(f"/jobs/start/{kind}/", data)
        assert started.status_code == 302, started.content[-600:]
        job = Job.objects.latest("id")
        assert started.url == f"/jobs/{job.pk}/"
        job_run(job.pk)
        return client.get(f"/jobs/{job.pk}/download/")
    return run
