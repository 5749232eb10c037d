"""People and units for the web tests: the owner's unit and a colleague in it, a reviewer and an admin of its
bureau, and outsiders (a preparer of another bureau's unit, that bureau's reviewer) — as healthchecks' hc/test.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client

from jixiao.model import GoalSheet, Indicator
from jixiao.web.organisation.models import Role
from jixiao.web.organisation.services import member_create, unit_create
from jixiao.web.sheets.services.sheets import sheet_create

SAMPLE = Path(__file__).parent.parent / "fixtures" / "sample.txt"
PASSWORD = "Pa55word-for-tests"


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """PBKDF2 is slow by design; the tests create seven users each."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def sample_bytes() -> bytes:
    return SAMPLE.read_bytes()


@pytest.fixture
def other_sample_bytes(sample_bytes) -> bytes:
    """The sample with other project codes: a second, distinct document for batches of several files."""
    return sample_bytes.replace(b"JXN-4QXO", b"JXN-4QX2").replace(b"JXN-YUPI", b"JXN-YUP2")


@pytest.fixture
def org(db):
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


@pytest.fixture
def sheet(org):
    """A draft sheet of the owner's unit."""
    return sheet_create(user=org["owner"], unit=org["township"], year=2026, content=small_sheet(), source="test")


@pytest.fixture
def login():
    """A client logged in as one of the ``org`` people."""
    def client_for(user) -> Client:
        client = Client()
        client.force_login(user)
        return client
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
