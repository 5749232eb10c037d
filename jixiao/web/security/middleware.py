"""Request-level security: audit context and refusals, idle and absolute session timeouts, password expiry."""

from __future__ import annotations

import contextlib
from datetime import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.contrib.auth.views import redirect_to_login
from django.contrib.sessions.backends.base import UpdateError
from django.shortcuts import redirect
from django.utils import timezone

from jixiao.web.security.audit import audit_record, audit_refusal, flush_refusals, request_context
from jixiao.web.security.events import SESSION_EXPIRED, Result
from jixiao.web.security.passwords import EXPIRED_MARK

__all__ = ["AuditContextMiddleware", "PasswordExpiryMiddleware", "SessionTimeoutMiddleware"]

_STARTED, _SEEN = "jixiao_session_started", "jixiao_session_seen"
# Refreshing the idle clock writes the session; once a minute is precise enough for a 30-minute timeout.
_REFRESH_SECONDS = 60


class AuditContextMiddleware:
    """Attributes events to the request's user and address; records every 403 and the refusals kept on the
    request (a 404 for another unit's object) once the response is ready, outside any rolled-back transaction."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        with request_context(request):
            response = self.get_response(request)
            recorded = flush_refusals(request)
            if response.status_code == 403 and not recorded:
                audit_refusal(reason=f"HTTP 403：{request.method} {request.path[:200]}", request=request)
                flush_refusals(request)
        return response


class SessionTimeoutMiddleware:
    """Ends a session idle for ``JIXIAO_SESSION_IDLE`` or older than ``JIXIAO_SESSION_MAX_AGE``."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated and hasattr(request, "session"):
            now = timezone.now()
            started = _moment(request.session.get(_STARTED)) or now
            seen = _moment(request.session.get(_SEEN)) or now
            idle, lifetime = now - seen > settings.JIXIAO_SESSION_IDLE, now - started > settings.JIXIAO_SESSION_MAX_AGE
            if idle or lifetime:
                audit_record(SESSION_EXPIRED, result=Result.SUCCESS, request=request,
                             details={"reason": "空闲超时" if idle else "超过会话最长时间"})
                logout(request)
                messages.info(request, "长时间未操作，已自动退出，请重新登录。" if idle else "登录时间已到，请重新登录。")
                return redirect_to_login(request.get_full_path())
            request.session.setdefault(_STARTED, now.isoformat())
            if _SEEN not in request.session:
                request.session[_SEEN] = now.isoformat()
            elif (now - seen).total_seconds() >= _REFRESH_SECONDS:
                response = self.get_response(request)
                _refresh_idle_clock(request.session, now)
                return response
        return self.get_response(request)


def _refresh_idle_clock(session, now: datetime) -> None:
    """Restart the idle clock after the response is made. When the page changed nothing else in the session, the
    clock is saved here and a failed save is let go: on SQLite a long import holds the only write lock for minutes,
    and Django answers a session it cannot save with HTTP 400, so every page of everyone whose clock was due would
    fail until the import ends. The next request tries again; the idle timeout is minutes, not seconds."""
    if SESSION_KEY not in session:  # the page signed the person out
        return
    changed = session.modified
    session[_SEEN] = now.isoformat()
    if changed:  # saved with the page's own change by SessionMiddleware, which must not fail silently
        return
    with contextlib.suppress(UpdateError):
        session.save()
    session.modified = False  # saved, or let go until the next request


def _moment(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


class PasswordExpiryMiddleware:
    """While the session is marked as having an expired password (at login), every page leads to the password
    change; the mark goes when the password is changed."""

    _ALLOWED = {"password_change", "password_change_done", "logout"}

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not (hasattr(request, "session") and request.session.get(EXPIRED_MARK)):
            return None
        if request.resolver_match.url_name in self._ALLOWED or request.path.startswith("/api/"):
            return None
        messages.warning(request, "密码已过期，请先修改密码。")
        return redirect("password_change")
