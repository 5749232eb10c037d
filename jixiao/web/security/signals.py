"""Audit receivers for Django's and django-axes' authentication signals."""

from __future__ import annotations

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_save
from django.dispatch import receiver

from jixiao.web.organisation.models import Member
from jixiao.web.security.audit import audit_record
from jixiao.web.security.events import LOCKOUT, LOGIN, LOGIN_FAILED, LOGOUT, PASSWORD_EXPIRED, TOKEN_REFUSED, Result
from jixiao.web.security.passwords import EXPIRED_MARK, password_expired, password_record_initial

# The login name under which failed API token attempts are counted (per address) by django-axes.
TOKEN_LOGIN = "（API 令牌）"


def _account(username: str) -> Member | None:
    """The member a login name belongs to, as the object of a failed attempt (none for unknown names)."""
    return Member.objects.select_related("unit", "user").filter(user__username=username).first() if username else None


@receiver(user_logged_in, dispatch_uid="jixiao_audit_login")
def logged_in(sender, request, user, **kwargs) -> None:
    audit_record(LOGIN, user=user, request=request)
    if request is not None and hasattr(request, "session") and password_expired(user):
        request.session[EXPIRED_MARK] = True
        audit_record(PASSWORD_EXPIRED, user=user, request=request, result=Result.REFUSED)


@receiver(user_logged_out, dispatch_uid="jixiao_audit_logout")
def logged_out(sender, request, user, **kwargs) -> None:
    if user is not None:
        audit_record(LOGOUT, user=user, request=request)


@receiver(user_login_failed, dispatch_uid="jixiao_audit_login_failed")
def login_failed(sender, credentials, request=None, **kwargs) -> None:
    username = str(credentials.get("username") or "")
    locked = bool(getattr(request, "axes_locked_out", False))
    if username == TOKEN_LOGIN:
        audit_record(TOKEN_REFUSED, result=Result.REFUSED if locked else Result.FAILURE, request=request,
                     username=username, details={"locked": locked})
        return
    audit_record(LOGIN_FAILED, result=Result.REFUSED if locked else Result.FAILURE, request=request,
                 username=username, obj=_account(username), details={"locked": locked})


@receiver(user_locked_out, dispatch_uid="jixiao_audit_lockout")
def locked_out(sender, request, username=None, ip_address=None, **kwargs) -> None:
    username = str(username or "")
    audit_record(LOCKOUT, result=Result.REFUSED, request=request, username=username,
                 obj=None if username == TOKEN_LOGIN else _account(username),
                 details={"ip": ip_address})


@receiver(post_save, sender=get_user_model(), dispatch_uid="jixiao_password_initial")
def user_created(sender, instance, created, raw=False, **kwargs) -> None:
    if created and not raw:
        password_record_initial(instance)
