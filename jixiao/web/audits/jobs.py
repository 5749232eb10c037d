"""Audits as background jobs: the export of a bureau's year of audits, and the audit of an upload of many files
(a .zip of every unit's 自评表), read with progress and stored all or nothing."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from jixiao.scoring import ProfileError, load_profile
from jixiao.web.audits.exports import audits_xlsx
from jixiao.web.audits.selectors import audited_documents
from jixiao.web.audits.services import audit_upload
from jixiao.web.jobs.kinds import JobKind, Outcome, Progress, export_stem, page_of_year
from jixiao.web.jobs.models import Job
from jixiao.web.organisation.models import Member, Unit
from jixiao.web.organisation.selectors import can_review_bureau
from jixiao.web.sheets.errors import SheetError
from jixiao.web.sheets.selectors import evaluation_year
from jixiao.web.sheets.views.common import filters_from

__all__ = ["AuditUpload", "AuditsExport"]


def _check(member: Member | None) -> None:
    if not can_review_bureau(member):
        raise PermissionDenied("自评复核仅供财政局审核人和管理员使用")


class AuditsExport(JobKind):
    """导出自评复核结果: every audited document of the bureau's ``year`` and its findings, as .xlsx."""

    code = "audits"
    label = "自评复核结果导出"
    items = "份复核结果"

    def params_from(self, data) -> dict:
        return {"year": filters_from(data).year or evaluation_year()}

    def check(self, member: Member | None, params: dict) -> None:
        _check(member)

    def describe(self, params: dict) -> str:
        return f"{params['year']}年度 · Excel"

    def run(self, job: Job, member: Member, progress: Progress) -> Outcome:
        documents = list(audited_documents(member, job.params["year"]))
        if not documents:
            raise SheetError(f"{job.params['year']}年度还没有复核过的自评表或监控表")
        progress(0, len(documents))
        return Outcome(f"已导出 {len(documents)} 份复核结果", audits_xlsx(documents, progress),
                       export_stem(job.bureau.name, job.params["year"], "自评复核结果"), "xlsx")

    def back(self, params: dict) -> str:
        return page_of_year("audits:overview", params)


class AuditUpload(JobKind):
    """复核上传的自评表: the files waiting on the job, audited under ``profile`` for ``year``; all stored or none."""

    code = "audit_upload"
    label = "自评复核"
    uploaded = True
    items = "个文件"

    def check(self, member: Member | None, params: dict) -> None:
        _check(member)

    def describe(self, params: dict) -> str:
        unit = Unit.objects.filter(pk=params["unit"]).values_list("name", flat=True).first() if params.get("unit") else None
        return f"{params['year']}年度 · 评分方案 {params['profile']}" + (f" · {unit}" if unit else "")

    def run(self, job: Job, member: Member, progress: Progress) -> Outcome:
        try:
            profile = load_profile(job.params["profile"])
        except ProfileError as error:
            raise SheetError(error.message) from None
        files = [(upload.name, bytes(upload.data)) for upload in job.uploads.order_by("id")]
        chosen = job.params.get("unit")
        unit = Unit.objects.filter(pk=chosen, bureau_id=member.bureau_id).first() if chosen else None
        if chosen and unit is None:
            raise SheetError("所选单位已不存在或不属于本财政局，未复核")
        stored = audit_upload(user=job.user, member=member, year=job.params["year"], files=files, profile=profile,
                              profile_name=job.params["profile"], progress=progress, unit=unit,
                              accept_year=job.params.get("accept_year", False),
                              # jobs queued before the unit could be accepted hold no accept_unit: nobody was asked
                              accept_unit=job.params.get("accept_unit", False))
        return Outcome(f"已复核 {len(stored)} 张表")

    def back(self, params: dict) -> str:
        return page_of_year("audits:overview", params)
