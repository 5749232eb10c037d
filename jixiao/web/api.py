"""The HTTP API: one router per app, token authentication (``Authorization: Bearer <token>``)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja import NinjaAPI
from ninja.security import HttpBearer

from jixiao.web.organisation.selectors import person_name, token_user
from jixiao.web.performance.api import router as performance_router
from jixiao.web.sheets.api import router as sheets_router
from jixiao.web.sheets.errors import SheetError, StaleSheet


class TokenAuth(HttpBearer):
    """A token created on the account page."""

    def authenticate(self, request, token):
        user = token_user(token)
        if user is not None:
            request.user = user
        return user


api = NinjaAPI(title="jixiao API", version="1", description="绩效目标表的读取、填报、审核与导出", auth=TokenAuth(),
               urls_namespace="api")
api.add_router("/sheets", sheets_router)
api.add_router("/performance", performance_router)


@api.exception_handler(StaleSheet)
def stale(request, error: StaleSheet):
    changes = [{"version": e.version, "field": e.field, "old": e.old, "new": e.new,
                "user": e.user.get_username() if e.user else None, "name": person_name(e.user) if e.user else None}
               for e in error.changes]
    return api.create_response(request, {"detail": error.message, "version": error.current_version,
                                         "changes": changes}, status=409)


@api.exception_handler(SheetError)
def refused(request, error: SheetError):
    return api.create_response(request, {"detail": error.message}, status=400)


@api.exception_handler(PermissionDenied)
def forbidden(request, error):
    return api.create_response(request, {"detail": str(error) or "无权进行此操作"}, status=403)


@api.exception_handler(Http404)
def not_found(request, error):
    return api.create_response(request, {"detail": "没有找到"}, status=404)
