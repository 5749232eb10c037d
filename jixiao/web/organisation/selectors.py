"""Reads about people and units. Access rules live here, in one place."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet

from jixiao.web.organisation.models import ApiToken, Member, Role, Unit

__all__ = ["bureau_members", "bureau_units", "can_edit_unit", "can_manage_people", "can_manage_units",
           "can_review_bureau", "can_review_unit", "member_get", "person_name", "request_member", "token_get", "units_visible"]


def person_name(user) -> str:
    """How pages name a person: the 姓名 entered for them, else the login name."""
    if user is None:
        return "—"
    return user.get_full_name() or user.get_username()


def member_get(user: AbstractBaseUser | AnonymousUser) -> Member | None:
    """The member record of ``user``, or None for anonymous users and users without a place."""
    if not user.is_authenticated:
        return None
    try:
        if get_user_model().member.is_cached(user):  # read with the user (the request's, an API token's)
            return user.member
        return Member.objects.select_related("unit").get(user=user)
    except Member.DoesNotExist:
        return None


def request_member(request) -> Member | None:
    """The member of the request's user, looked up once per request."""
    if not hasattr(request, "_jixiao_member"):
        request._jixiao_member = member_get(request.user)
    return request._jixiao_member


def units_visible(member: Member | None) -> QuerySet[Unit]:
    """The units whose sheets ``member`` may see: a preparer its own unit; reviewers and admins their bureau's;
    an auditor none (it reads the audit log, not the sheets)."""
    if member is None or member.role in (Role.SECURITY, Role.AUDITOR):
        return Unit.objects.none()
    if member.role == Role.PREPARER:
        return Unit.objects.filter(pk=member.unit_id)
    return Unit.objects.filter(bureau_id=member.bureau_id)


def can_edit_unit(member: Member | None, unit_id: int) -> bool:
    """True when ``member`` may write sheets of the unit: its own unit's preparer, or an admin of its bureau."""
    if member is None:
        return False
    if member.role == Role.PREPARER:
        return member.unit_id == unit_id
    return member.role == Role.ADMIN and units_visible(member).filter(pk=unit_id).exists()


def can_review_unit(member: Member | None, unit_id: int) -> bool:
    """True when ``member`` may review the unit's sheets: a reviewer or admin of the unit's bureau."""
    if member is None or member.role == Role.PREPARER:
        return False
    return units_visible(member).filter(pk=unit_id).exists()


def can_review_bureau(member: Member | None) -> bool:
    """True for the bureau's reviewers and admins: they see and export the whole bureau's year."""
    return member is not None and member.role in (Role.REVIEWER, Role.ADMIN)


def can_manage_units(member: Member | None) -> bool:
    """The bureau's 系统管理员 adds units."""
    return member is not None and member.role == Role.ADMIN


def can_manage_people(member: Member | None) -> bool:
    """The 安全管理员 adds people, changes roles, stops and restores logins; so does the 系统管理员 unless
    ``JIXIAO_SEPARATE_DUTIES`` separates the duties."""
    if member is None:
        return False
    return member.role == Role.SECURITY or (member.role == Role.ADMIN and not settings.JIXIAO_SEPARATE_DUTIES)


def token_get(token: str) -> ApiToken | None:
    """The API token ``token`` of an active user, or None."""
    digest = hashlib.sha256(token.encode()).hexdigest()
    return ApiToken.objects.select_related("user__member__unit").filter(digest=digest, user__is_active=True).first()


def bureau_units(member: Member) -> QuerySet[Unit]:
    """The bureau of an admin and every unit under it, the bureau first."""
    return Unit.objects.filter(pk=member.bureau_id) | Unit.objects.filter(bureau_id=member.bureau_id)


def bureau_members(member: Member) -> QuerySet[Member]:
    """The people of an admin's bureau and of its units."""
    return Member.objects.filter(unit__in=bureau_units(member)).select_related("user", "unit").order_by(
        "unit__code", "role", "user__username")
