"""The audit log page (its exports are background jobs: :mod:`jixiao.web.security.jobs`); the password change that
records itself and lifts an expiry."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render

from jixiao.web.organisation.selectors import request_member
from jixiao.web.security.audit import AuditFilters, audit_events, audit_record, can_read_audit
from jixiao.web.security.events import ACTIONS, PASSWORD_CHANGED, Result
from jixiao.web.security.passwords import EXPIRED_MARK

__all__ = ["PasswordChange", "audit_log"]

_PAGE = 100


class PasswordChange(auth_views.PasswordChangeView):
    """Django's password change, recorded in the audit log; it ends a forced change after expiry."""

    def form_valid(self, form):
        response = super().form_valid(form)
        self.request.session.pop(EXPIRED_MARK, None)
        audit_record(PASSWORD_CHANGED, user=self.request.user, request=self.request)
        return response


def _reader(request):
    member = request_member(request)
    if not can_read_audit(member):
        raise PermissionDenied("只有审计管理员可以查看审计日志")
    return member


@login_required
def audit_log(request):
    """审计日志: the bureau's security events with filters, a page at a time."""
    member = _reader(request)
    filters = AuditFilters.from_query(request.GET)
    page = Paginator(audit_events(member, filters), _PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "security/audit.html", {
        "page": page, "filters": filters, "actions": ACTIONS.values(), "results": Result.choices,
        "query": query.urlencode(), "export_filters": {k: v for k, v in filters.params().items() if v},
    })
