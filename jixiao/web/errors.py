"""Refusing a request with a Chinese message (an HTML page for the pages, JSON for the API), and error pages in
Chinese with a way back: 403, 404 and 500 through Django's handlers and templates, 405 here, and 503 for a write
the database refused because another writer held its lock too long. An address of the public site not found is
the public site's page: its visitors have no account, and what they miss there is a table withdrawn or never
published, not one deleted or out of their reach.

Django answers a wrong method (``require_POST`` opened by a link) with an empty 405; a person then sees a blank
page. :class:`MethodNotAllowedPage` renders the same Chinese page as the other errors, keeping the ``Allow``
header. The API answers in JSON and is left alone.
"""

from __future__ import annotations

import sys

from django.core.exceptions import BadRequest, RequestDataTooBig, TooManyFieldsSent
from django.db import OperationalError
from django.http import JsonResponse
from django.shortcuts import render
from django.views import defaults

__all__ = ["BUSY", "BadQuery", "MethodNotAllowedPage", "bad_request", "database_busy", "page_not_found", "refusal",
           "server_error"]

BUSY = "数据库正忙：另一项保存（例如一批导入）正在进行，本次操作未能完成，请稍后重试"

# PostgreSQL's SQLSTATEs for a lock not had in time, a deadlock and a serialization failure.
_BUSY_STATES = frozenset({"55P03", "40P01", "40001"})


class BadQuery(BadRequest):
    """A query parameter or form value that cannot be used; ``field`` names it, ``message`` says why."""

    def __init__(self, field: str, message: str, label: str = "") -> None:
        super().__init__(f"{field}：{message}")
        self.field, self.message, self.label = field, message, label


def refusal(request, message: str, status: int, field: str | None = None):
    """``message`` as the response: JSON ``{"detail", "field"}`` under ``/api/``, a page otherwise."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message, **({"field": field} if field else {})}, status=status)
    return render(request, "errors/refused.html", {"message": message}, status=status)


def bad_request(request, exception=None):
    """Django's 400 handler: says what was wrong when jixiao or Django named it."""
    if isinstance(exception, BadQuery):
        label = f"（{exception.label}）" if exception.label else ""
        # Some of Django's Chinese messages end with an ASCII full stop ("确认小数不超过 2 位.").
        reason = exception.message.rstrip(".。") + "。"
        return refusal(request, f"参数“{exception.field}”{label}无效：{reason}", 400, exception.field)
    if isinstance(exception, RequestDataTooBig):
        return refusal(request, "提交的表单内容过大，未接收", 413)
    if isinstance(exception, TooManyFieldsSent):
        return refusal(request, "提交的表单字段过多，未接收", 400)
    return refusal(request, "请求无效，无法处理", 400)


def page_not_found(request, exception=None):
    """Django's 404 handler: the public site's page under /public/, the staff's ``404.html`` elsewhere."""
    if request.path.startswith("/public/"):
        return render(request, "publication/404.html", status=404)
    return defaults.page_not_found(request, exception)


def database_busy(error: BaseException) -> bool:
    """Whether ``error`` is the database refusing a statement because another writer held a lock it needed:
    SQLite's write lock held past the busy timeout, or PostgreSQL's lock timeout, deadlock or serialization failure."""
    if not isinstance(error, OperationalError):
        return False
    cause = error.__cause__
    return "locked" in str(error) or getattr(cause, "sqlstate", None) in _BUSY_STATES


def server_error(request):
    """Django's 500 handler, called while the request's exception is being handled (so ``sys.exception()`` is
    it): a database too busy to write is a 503 saying so, with when to try again; anything else the 500 page.
    This handler sees every failure, also a write in middleware (the session's save after a login)."""
    if database_busy(sys.exception()):
        response = refusal(request, BUSY, 503)
        response["Retry-After"] = "5"
        return response
    return defaults.server_error(request)


class MethodNotAllowedPage:
    """Replace the empty body of a 405 outside the API with the ``405.html`` page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 405 or request.path.startswith("/api/") or response.content:
            return response
        page = render(request, "405.html", status=405)
        if response.has_header("Allow"):
            page["Allow"] = response["Allow"]
        return page
