"""Writes about people and units: each one transaction."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from jixiao.web.organisation.models import ApiToken, Member, Role, Unit
from jixiao.web.security.audit import audit_record
from jixiao.web.security.events import (
    MEMBER_CREATED,
    MEMBER_RESTORED,
    MEMBER_STOPPED,
    ROLE_CHANGED,
    TOKEN_CREATED,
    TOKEN_USED,
    UNIT_CREATED,
)

__all__ = ["member_create", "member_set_active", "member_set_role", "token_create", "token_use", "unit_create"]

# A token's use is an audit event once per interval, not once per API call; ``last_used_at`` is always set, to the
# minute the account page shows.
TOKEN_USE_EVENT_INTERVAL = timedelta(hours=1)


@transaction.atomic
def unit_create(*, code: str, name: str, parent: Unit | None = None) -> Unit:
    """Create a unit under ``parent``; without a parent the unit is a finance bureau."""
    if parent is None:
        unit = Unit.objects.create(code=code, name=name, kind=Unit.Kind.BUREAU)
    else:
        bureau = parent if parent.kind == Unit.Kind.BUREAU else parent.bureau
        unit = Unit.objects.create(code=code, name=name, kind=Unit.Kind.UNIT, parent=parent, bureau=bureau)
    audit_record(UNIT_CREATED, obj=unit)
    return unit


@transaction.atomic
def member_create(*, username: str, password: str, unit: Unit, role: Role, full_name: str = "") -> Member:
    """Create a user with its place. Reviewers and admins belong to a bureau."""
    _check_place(unit, role)
    user = get_user_model().objects.create_user(username=username, password=password, first_name=full_name)
    member = Member.objects.create(user=user, unit=unit, role=role)
    audit_record(MEMBER_CREATED, obj=member, details={"role": Role(role).label, "unit": str(unit)})
    return member


def _check_place(unit: Unit, role: Role) -> None:
    if role != Role.PREPARER and unit.kind != Unit.Kind.BUREAU:
        raise ValueError("审核人、管理员、安全管理员和审计管理员应属于财政局")


@transaction.atomic
def member_set_role(*, member: Member, role: Role) -> None:
    """Give a person another role (a preparer stays in its unit; the other roles belong to the bureau)."""
    old = Role(member.role)
    if old == role:
        return
    _check_place(member.unit, role)
    member.role = role
    member.save(update_fields=["role"])
    audit_record(ROLE_CHANGED, obj=member, details={"old": old.label, "new": Role(role).label})


@transaction.atomic
def token_create(*, user, label: str = "") -> str:
    """Create an API token for ``user`` and return it; only its digest is kept."""
    token = secrets.token_urlsafe(32)
    record = ApiToken.objects.create(user=user, label=label, digest=hashlib.sha256(token.encode()).hexdigest())
    audit_record(TOKEN_CREATED, user=user, obj=record, details={"label": label})
    return token


def token_use(record: ApiToken) -> None:
    """Mark API token ``record`` as used now; record the use in the audit log when it was idle for an interval.

    A use in the minute already stored writes nothing and opens no transaction: the account page shows the minute,
    and a script's calls need not each take the database's write lock (SQLite has one for the whole database)."""
    now = timezone.now()
    if record.last_used_at is None or _minute(record.last_used_at) != _minute(now):
        _token_used(record, now)


@transaction.atomic
def _token_used(record: ApiToken, now: datetime) -> None:
    if record.last_used_at is None or now - record.last_used_at >= TOKEN_USE_EVENT_INTERVAL:
        audit_record(TOKEN_USED, user=record.user, obj=record)
    ApiToken.objects.filter(pk=record.pk).update(last_used_at=now)
    record.last_used_at = now


def _minute(moment: datetime) -> datetime:
    return moment.replace(second=0, microsecond=0)


@transaction.atomic
def member_set_active(*, member: Member, active: bool) -> None:
    """Let a person log in again, or stop them (their history and sheets stay)."""
    member.user.is_active = active
    member.user.save(update_fields=["is_active"])
    audit_record(MEMBER_RESTORED if active else MEMBER_STOPPED, obj=member)
