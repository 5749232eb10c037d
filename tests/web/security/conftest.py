"""An auditor beside the ``org`` people, and helpers for security tests."""

from __future__ import annotations

import pytest

from jixiao.web.organisation.models import Role
from jixiao.web.organisation.services import member_create
from jixiao.web.security.models import AuditEvent
from tests.web.conftest import PASSWORD


@pytest.fixture
def auditor(org):
    """The 审计管理员 of the township's bureau."""
    return member_create(username="auditor", password=PASSWORD, unit=org["bureau"], role=Role.AUDITOR).user


def events(action: str, **filters) -> list[AuditEvent]:
    """The audit events of ``action`` (oldest first), narrowed by ``filters``."""
    return list(AuditEvent.objects.filter(action=action, **filters).order_by("at", "id"))
