"""The HTTP API: one router per app, token authentication (``Authorization: Bearer <token>``)."""

from functools import wraps

from axes.handlers.proxy import AxesProxyHandler
from django.contrib.auth.signals import user_login_failed
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError
from ninja.security import HttpBearer

import jixiao.web.converters  # noqa: F401 - registers <id:…> before the routers' paths are built
from jixiao.scoring.messages import validation_reason
from jixiao.web.organisation.selectors import person_name, token_get
from jixiao.web.organisation.services import token_use
from jixiao.web.performance.api import router as performance_router
from jixiao.web.security.lockout import lockout_message
from jixiao.web.security.signals import TOKEN_LOGIN
from jixiao.web.sheets.api import router as sheets_router
from jixiao.web.sheets.errors import SheetError, StaleSheet


class TokenAuth(HttpBearer):
    """A token created on the account page.

    Wrong tokens count as failed logins of one pseudo login name per address, so django-axes locks out an
    address that guesses tokens as it locks out one that guesses passwords; each use sets ``last_used_at`` (to
    the minute).
    """

    def authenticate(self, request, token):
        credentials = {"username": TOKEN_LOGIN}
        if AxesProxyHandler.is_locked(request, credentials):
            raise HttpError(429, lockout_message())
        record = token_get(token)
        if record is None:
            user_login_failed.send(sender=__name__, credentials=credentials, request=request)
            return None
        token_use(record)
        request.user = record.user
        return record.user


def signed_in(view):
    """The API's schema and its docs page (/api/openapi.json, /api/docs) for a person logged in to the pages or
    calling with a valid token; anyone else is sent to the login page. They describe every endpoint and parameter
    of a government system, which is no business of the anonymous public."""
    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not request.user.is_authenticated:
            try:
                TokenAuth()(request)
            except HttpError as error:  # an address locked out for guessing tokens
                return HttpResponse(error.message, status=error.status_code, content_type="text/plain; charset=utf-8")
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)
    return guarded


api = NinjaAPI(title="jixiao API", version="1", description="绩效目标表的读取、填报、审核与导出", auth=TokenAuth(),
               urls_namespace="api", docs_decorator=signed_in)
api.add_router("/sheets", sheets_router)
api.add_router("/performance", performance_router)


# Where ninja says a value came from; the field is named without it.
_SOURCES = {"body", "query", "path", "form", "file", "payload"}


@api.exception_handler(ValidationError)
def invalid(request, error: ValidationError):
    """A parameter or field that does not validate: 400 with each field and, in Chinese, what is wrong."""
    errors = []
    for entry in error.errors:
        field = ".".join(str(part) for part in entry.get("loc", ()) if str(part) not in _SOURCES) or "请求内容"
        errors.append({"field": field, "message": validation_reason(entry)})
    detail = "；".join(f"“{e['field']}”{e['message']}" for e in errors[:10])
    return api.create_response(request, {"detail": f"请求无效：{detail}", "field": errors[0]["field"] if errors else "",
                                         "errors": errors}, status=400)


@api.exception_handler(StaleSheet)
def stale(request, error: StaleSheet):
    changes = [{"version": e.version, "field": e.field, "old": e.old, "new": e.new,
                "user": e.user.get_username() if e.user else None, "name": person_name(e.user) if e.user else None}
               for e in error.changes]
    return api.create_response(request, {"detail": error.message, "version": error.current_version,
                                         "changes": changes}, status=409)


@api.exception_handler(SheetError)
def refused(request, error: SheetError):
    field = getattr(error, "field", None)  # set when a value does not fit its column (bounds.InvalidValue)
    return api.create_response(request, {"detail": error.message, **({"field": field} if field else {})}, status=400)


@api.exception_handler(PermissionDenied)
def forbidden(request, error):
    return api.create_response(request, {"detail": str(error) or "无权进行此操作"}, status=403)


@api.exception_handler(Http404)
def not_found(request, error):
    return api.create_response(request, {"detail": "没有找到"}, status=404)
