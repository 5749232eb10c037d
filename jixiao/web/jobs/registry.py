"""Every kind of background job, registered in one place by its permanent code."""

from __future__ import annotations

from django.http import Http404

from jixiao.web.audits.jobs import AuditsExport, AuditUpload
from jixiao.web.jobs.kinds import JobKind
from jixiao.web.performance.jobs import OverviewExport
from jixiao.web.security.jobs import AuditLogExport
from jixiao.web.sheets.jobs import SheetsExport, SheetsImport

__all__ = ["KINDS", "kind_of"]

KINDS: dict[str, JobKind] = {kind.code: kind for kind in (SheetsImport(), SheetsExport(), OverviewExport(),
                                                          AuditUpload(), AuditsExport(), AuditLogExport())}


def kind_of(code: str) -> JobKind:
    """The registered kind ``code``; 404 for a code no kind has."""
    if code not in KINDS:
        raise Http404("没有这种后台任务")
    return KINDS[code]
