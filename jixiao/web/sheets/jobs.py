"""Goal sheets in background jobs: the sheet list's export (every sheet of a unit's year, or of every unit the
person sees: for a reviewer the whole bureau) as one Word, Excel or JSON file, and the import of many files or
an archive, read with progress and stored all or nothing."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from jixiao.web.jobs.kinds import JobKind, Outcome, Progress, export_stem, page_of_year, refuse_unit_unseen, unit_name
from jixiao.web.jobs.models import Job
from jixiao.web.organisation.models import Member, Unit
from jixiao.web.organisation.selectors import can_edit_unit, units_visible
from jixiao.web.sheets.errors import SheetError
from jixiao.web.sheets.selectors import SheetFilters, sheet_list
from jixiao.web.sheets.services.exports import EXPORT_FORMATS, export_sheets
from jixiao.web.sheets.services.imports import sheets_import
from jixiao.web.sheets.views.common import filters_from

__all__ = ["SheetsExport", "SheetsImport"]

FORMAT_NAMES = {"docx": "Word", "xlsx": "Excel", "json": "JSON"}


class SheetsExport(JobKind):
    """导出绩效目标表: the sheets of ``year`` of one ``unit`` (or of all the person sees) in ``format``."""

    code = "sheets"
    label = "绩效目标表导出"
    items = "张表"

    def params_from(self, data) -> dict:
        filters = filters_from(data)
        fmt = data.get("format", "json")
        if not filters.year:
            raise SheetError("请先选择年度再导出")
        if fmt not in EXPORT_FORMATS:
            raise SheetError(f"不支持的导出格式“{fmt}”")
        return {"year": filters.year, "unit": filters.unit_id, "format": fmt}

    def check(self, member: Member | None, params: dict) -> None:
        if not units_visible(member).exists():
            raise PermissionDenied("无权导出绩效目标表")
        refuse_unit_unseen(member, params["unit"], "无权导出该单位的绩效目标表")

    def describe(self, params: dict) -> str:
        return f"{unit_name(params['unit'], '可见的全部单位')} {params['year']}年度 · {FORMAT_NAMES[params['format']]}"

    def run(self, job: Job, member: Member, progress: Progress) -> Outcome:
        sheets = list(sheet_list(member, SheetFilters(year=job.params["year"], unit_id=job.params["unit"]))
                      .prefetch_related("indicators").order_by("unit__code", "code", "id"))
        if not sheets:
            raise SheetError("所选单位和年度没有可导出的表")
        progress(0, len(sheets))
        data = export_sheets(sheets, job.params["format"], progress)
        scope = sheets[0].unit.name if job.params["unit"] else job.bureau.name
        return Outcome(f"已导出 {len(sheets)} 张绩效目标表", data, export_stem(scope, job.params["year"], "绩效目标表"),
                       job.params["format"])

    def back(self, params: dict) -> str:
        return page_of_year("sheets:list", params)


class SheetsImport(JobKind):
    """后台导入: the files waiting on the job, imported into ``unit`` for ``year``; all stored or none (a file
    titled with another year is refused unless ``accept_year``, one naming another unit unless ``accept_unit``)."""

    code = "import"
    label = "后台导入"
    items = "个文件"
    finishing = "正在保存"
    back_label = "查看导入的表"
    uploaded = True

    def check(self, member: Member | None, params: dict) -> None:
        if not can_edit_unit(member, params["unit"]):
            raise PermissionDenied("无权为该单位导入")

    def describe(self, params: dict) -> str:
        return f"{unit_name(params['unit'], '')} {params['year']}年度"

    def run(self, job: Job, member: Member, progress: Progress) -> Outcome:
        files = [(upload.name, bytes(upload.data)) for upload in job.uploads.order_by("id")]
        sheets = sheets_import(user=job.user, unit=Unit.objects.get(pk=job.params["unit"]), year=job.params["year"],
                               files=files, accept_year=job.params["accept_year"],
                               # jobs queued before the unit was checked hold no accept_unit: nobody was asked
                               accept_unit=job.params.get("accept_unit", False), progress=progress)
        return Outcome(f"已导入 {len(sheets)} 张绩效目标表")

    def back(self, params: dict) -> str:
        return page_of_year("sheets:list", params)
