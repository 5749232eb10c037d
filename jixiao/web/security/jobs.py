"""The export of the security audit log as a background job: the events the auditor filtered, as .xlsx or CSV."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.http import urlencode

from jixiao.web.jobs.kinds import JobKind, Outcome, Progress
from jixiao.web.jobs.models import Job
from jixiao.web.organisation.models import Member
from jixiao.web.security.audit import AuditFilters, audit_events, can_read_audit
from jixiao.web.security.events import ACTIONS, Result
from jixiao.web.security.exports import audit_file
from jixiao.web.sheets.errors import SheetError

__all__ = ["EXPORT_LIMIT", "AuditLogExport"]

# An export of more events than this is refused rather than cut: the auditor narrows the dates.
EXPORT_LIMIT = 100_000

FORMAT_NAMES = {"xlsx": "Excel", "csv": "CSV"}


class AuditLogExport(JobKind):
    """导出审计日志: the events of the auditor's bureau (and of no bureau) that ``filters`` select, in ``format``."""

    code = "audit_log"
    label = "审计日志导出"
    items = "条事件"

    def params_from(self, data) -> dict:
        fmt = data.get("format", "")
        if fmt not in FORMAT_NAMES:
            raise SheetError(f"不支持的导出格式“{fmt}”")
        return {"filters": AuditFilters.from_query(data).params(), "format": fmt}

    def check(self, member: Member | None, params: dict) -> None:
        if not can_read_audit(member):
            raise PermissionDenied("只有审计管理员可以查看审计日志")

    def describe(self, params: dict) -> str:
        filters = AuditFilters.from_query(params["filters"])
        scope = [f"{filters.start or '最早'} 至 {filters.end or '今天'}"]
        scope += [ACTIONS[filters.action].label] if filters.action else []
        scope += [Result(filters.result).label] if filters.result else []
        scope += [f"登录名含“{filters.username}”"] if filters.username else []
        scope += [f"地址 {filters.ip}"] if filters.ip else []
        return f"{' · '.join(scope)} · {FORMAT_NAMES[params['format']]}"

    def run(self, job: Job, member: Member, progress: Progress) -> Outcome:
        events = audit_events(member, AuditFilters.from_query(job.params["filters"]))
        count = events.count()
        if count > EXPORT_LIMIT:
            raise SheetError(f"符合条件的事件有 {count:,} 条，超过 {EXPORT_LIMIT:,} 条，请缩小日期范围后分批导出")
        progress(0, count)
        return Outcome(f"已导出 {count:,} 条审计事件", audit_file(events, job.params["format"], progress),
                       f"审计日志-{date.today():%Y%m%d}", job.params["format"])

    def back(self, params: dict) -> str:
        query = {name: value for name, value in params["filters"].items() if value}
        return f"{reverse('security:audit')}?{urlencode(query)}" if query else reverse("security:audit")
