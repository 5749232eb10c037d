"""The audit log page and its exports; the password change that records itself and lifts an expiry."""

from __future__ import annotations

import csv
import io
import ipaddress
import json
from datetime import date

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from jixiao.model.office_text import csv_text
from jixiao.web.downloads import attachment
from jixiao.web.organisation.selectors import request_member
from jixiao.web.security.audit import AuditFilters, audit_events, audit_record, can_read_audit
from jixiao.web.security.events import ACTIONS, PASSWORD_CHANGED, Result
from jixiao.web.security.models import AuditEvent
from jixiao.web.security.passwords import EXPIRED_MARK

__all__ = ["PasswordChange", "audit_export", "audit_log"]

COLUMNS = ["时间", "登录名", "地址", "事件", "结果", "对象类型", "对象编号", "对象", "详情"]
_PAGE = 100
_EXPORT_LIMIT = 100_000
# A spreadsheet program runs a cell that starts with one of these as a formula (also after a tab or return).


class PasswordChange(auth_views.PasswordChangeView):
    """Django's password change, recorded in the audit log; it ends a forced change after expiry."""

    def form_valid(self, form):
        response = super().form_valid(form)
        self.request.session.pop(EXPIRED_MARK, None)
        audit_record(PASSWORD_CHANGED, user=self.request.user, request=self.request)
        return response


def _date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _filters(query) -> AuditFilters:
    action = query.get("action", "")
    result = query.get("result", "")
    return AuditFilters(start=_date(query.get("start")), end=_date(query.get("end")),
                        action=action if action in ACTIONS else "",
                        result=result if result in Result.values else "",
                        username=query.get("username", "")[:150], ip=_ip(query.get("ip", "")))


def _ip(text: str) -> str:
    try:
        return str(ipaddress.ip_address(text.strip())) if text.strip() else ""
    except ValueError:
        return ""


def _reader(request):
    member = request_member(request)
    if not can_read_audit(member):
        raise PermissionDenied("只有审计管理员可以查看审计日志")
    return member


@login_required
def audit_log(request):
    """审计日志: the bureau's security events with filters, a page at a time."""
    member = _reader(request)
    filters = _filters(request.GET)
    page = Paginator(audit_events(member, filters), _PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "security/audit.html", {
        "page": page, "filters": filters, "actions": ACTIONS.values(), "results": Result.choices,
        "query": query.urlencode(),
    })


def _row(event: AuditEvent) -> list[str]:
    return [timezone.localtime(event.at).strftime("%Y-%m-%d %H:%M:%S"), event.username, event.ip or "", event.action_label,
            event.get_result_display(), event.object_type, event.object_id, event.object_repr,
            json.dumps(event.details, ensure_ascii=False, sort_keys=True) if event.details else ""]



@login_required
def audit_export(request, fmt: str):
    """The filtered events as .xlsx (every cell a string cell) or CSV (formula-looking cells quote-prefixed)."""
    member = _reader(request)
    if fmt not in ("xlsx", "csv"):
        raise Http404("不支持的格式")
    selected = audit_events(member, _filters(request.GET))
    if selected.count() > _EXPORT_LIMIT:
        messages.error(request, f"符合条件的事件超过 {_EXPORT_LIMIT:,} 条，请缩小日期范围后分批导出")
        return redirect(f"{reverse('security:audit')}?{request.GET.urlencode()}")
    rows = [_row(e) for e in selected]
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        writer.writerows([csv_text(v) for v in row] for row in rows)
        data = ("\ufeff" + out.getvalue()).encode("utf-8")  # the BOM lets Excel read UTF-8
    else:
        book = Workbook()
        sheet = book.active
        sheet.title = "审计日志"
        sheet.append(COLUMNS)
        for row in rows:
            sheet.append(row)
            for cell in sheet[sheet.max_row]:
                cell.data_type = "s"  # user text stays text, even when it starts with "="
        buffer = io.BytesIO()
        book.save(buffer)
        data = buffer.getvalue()
    return attachment(data, f"审计日志-{date.today():%Y%m%d}", fmt)
