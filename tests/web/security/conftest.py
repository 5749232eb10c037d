"""A security administrator and an auditor beside the ``org`` people, a world of sheets in every scope, and helpers for security tests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from jixiao.model import Document
from jixiao.model import Unit as UnitRef
from jixiao.scoring import load_profile
from jixiao.web.audits.services import audit_upload
from jixiao.web.jobs.models import Job
from jixiao.web.organisation.models import Role
from jixiao.web.organisation.services import member_create, token_create
from jixiao.web.performance.models import Spending
from jixiao.web.performance.services import spending_add
from jixiao.web.publication.services import publication_publish
from jixiao.web.security.models import AuditEvent
from jixiao.web.sheets.services.imports import import_preview
from jixiao.web.sheets.services.sheets import sheet_create
from jixiao.web.sheets.services.workflow import sheet_transition
from tests.web.conftest import PASSWORD, SAMPLE, own, small_sheet


def auditor_create(org: dict):
    """The 审计管理员 of the township's bureau."""
    return member_create(username="auditor", password=PASSWORD, unit=org["bureau"], role=Role.AUDITOR).user


def security_create(org: dict):
    """The 安全管理员 of the township's bureau."""
    return member_create(username="security", password=PASSWORD, unit=org["bureau"], role=Role.SECURITY).user


@pytest.fixture(scope="module")
def auditor_once(module_data, org_once):
    return module_data.share("auditor", lambda: auditor_create(org_once))


@pytest.fixture
def auditor(org, auditor_once):
    """The 审计管理员 of the township's bureau."""
    return own(auditor_once, lambda: auditor_create(org))


@pytest.fixture(scope="module")
def security_once(module_data, org_once):
    return module_data.share("security", lambda: security_create(org_once))


@pytest.fixture
def security(org, security_once):
    """The 安全管理员 of the township's bureau."""
    return own(security_once, lambda: security_create(org))


def events(action: str, **filters) -> list[AuditEvent]:
    """The audit events of ``action`` (oldest first), narrowed by ``filters``."""
    return list(AuditEvent.objects.filter(action=action, **filters).order_by("at", "id"))


@pytest.fixture(scope="module")
def world_once(module_data, org_once, security_once, auditor_once):
    return module_data.share("world", lambda: world_create(org_once, security_once, auditor_once, SAMPLE.read_bytes()))


@pytest.fixture
def world(org, security, auditor, sample_bytes, world_once):
    """People of every role with their API tokens, and in each scope a draft and an approved sheet (with one
    spending), a pending import of that unit's preparer and a finished export of that unit's year by its reviewer."""
    return own(world_once, lambda: world_create(org, security, auditor, sample_bytes))


def world_create(org: dict, security, auditor, sample_bytes: bytes) -> dict:
    """The ``world`` fixture's people, tokens and objects per scope."""
    people = {"preparer": org["owner"], "reviewer": org["reviewer"], "admin": org["admin"], "security": security,
              "auditor": auditor}
    tokens = {role: token_create(user=user, label="matrix") for role, user in people.items()}
    units = {"own": (org["township"], org["owner"], org["reviewer"]),
             "other_unit": (org["sibling_unit"], org["sibling"], org["reviewer"]),
             "other_bureau": (org["other_unit"], org["outsider"], org["other_reviewer"])}
    scopes = {}
    for scope, (unit, preparer, reviewer) in units.items():
        draft = sheet_create(user=preparer, unit=unit, year=2026, content=small_sheet(), source="matrix")
        approved = sheet_create(user=preparer, unit=unit, year=2026,
                                content=small_sheet().model_copy(update={"code": "P-002"}), source="matrix")
        sheet_transition(user=preparer, sheet_id=approved.pk, name="submit")
        sheet_transition(user=reviewer, sheet_id=approved.pk, name="approve", grade="良")
        spending_add(user=preparer, sheet_id=approved.pk, expected_version=1, day=date(2026, 3, 1),
                     amount=Decimal("2.00"), source=None)
        pending, _ = import_preview(user=preparer, unit=unit, year=2026,
                                    files=[("sample.txt", sample_bytes)])
        publication = publication_publish(user=reviewer, sheet_id=approved.pk)
        job = Job.objects.create(user=preparer, bureau=unit.bureau, kind="import", total=1,
                                 params={"unit": unit.pk, "year": 2026, "accept_year": False})
        export = Job.objects.create(user=reviewer, bureau=unit.bureau, kind="sheets", state=Job.State.SUCCEEDED,
                                    params={"year": 2026, "unit": unit.pk, "format": "json"}, result=b"{}",
                                    result_stem="matrix", result_format="json")
        failed_export = Job.objects.create(user=reviewer, bureau=unit.bureau, kind="sheets", state=Job.State.FAILED,
                                           params={"year": 2026, "unit": unit.pk, "format": "json"})
        audited = audit_upload(user=reviewer, member=reviewer.member, year=2026, profile=load_profile(),
                               files=[("自评表.json", _evaluation_of(unit))], profile_name="central")[0]
        scopes[scope] = {"unit": unit.pk, "unit_code": unit.code, "draft": draft.pk, "approved": approved.pk,
                         "spending": Spending.objects.filter(tracking__sheet=approved).get().pk,
                         "pending": pending.pk, "publication": publication.pk, "bureau_code": unit.bureau.code,
                         "job": job.pk, "audited": audited.pk, "export": export.pk,
                         "failed_export": failed_export.pk}
    return {"people": people, "tokens": tokens, "scopes": scopes, "sample": sample_bytes}


def _evaluation_of(unit) -> bytes:
    """A printed self-evaluation of the unit's approved sheet P-002 (for the audit pages)."""
    from tests.web.audits.conftest import township_evaluation
    document = Document.model_validate_json(township_evaluation())
    sheet = document.sheets[0].model_copy(update={"code": "P-002", "unit": UnitRef(code=unit.code, name=unit.name)})
    return document.model_copy(update={"sheets": [sheet]}).model_dump_json().encode()
