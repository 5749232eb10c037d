"""Writes about people and units: each one transaction."""

from __future__ import annotations

import hashlib
import secrets

from django.contrib.auth import get_user_model
from django.db import transaction

from jixiao.web.organisation.models import ApiToken, Member, Role, Unit

__all__ = ["member_create", "member_set_active", "token_create", "unit_create"]


@transaction.atomic
def unit_create(*, code: str, name: str, parent: Unit | None = None) -> Unit:
    """Create a unit under ``parent``; without a parent the unit is a finance bureau."""
    if parent is None:
        return Unit.objects.create(code=code, name=name, kind=Unit.Kind.BUREAU)
    bureau = parent if parent.kind == Unit.Kind.BUREAU else parent.bureau
    return Unit.objects.create(code=code, name=name, kind=Unit.Kind.UNIT, parent=parent, bureau=bureau)


@transaction.atomic
def member_create(*, username: str, password: str, unit: Unit, role: Role, full_name: str = "") -> Member:
    """Create a user with its place. Reviewers and admins belong to a bureau."""
    if role != Role.PREPARER and unit.kind != Unit.Kind.BUREAU:
        raise ValueError("审核人和管理员应属于财政局")
    user = get_user_model().objects.create_user(username=username, password=password, first_name=full_name)
    return Member.objects.create(user=user, unit=unit, role=role)


@transaction.atomic
def token_create(*, user, label: str = "") -> str:
    """Create an API token for ``user`` and return it; only its digest is kept."""
    token = secrets.token_urlsafe(32)
    ApiToken.objects.create(user=user, label=label, digest=hashlib.sha256(token.encode()).hexdigest())
    return token


@transaction.atomic
def member_set_active(*, member: Member, active: bool) -> None:
    """Let a person log in again, or stop them (their history and sheets stay)."""
    member.user.is_active = active
    member.user.save(update_fields=["is_active"])
