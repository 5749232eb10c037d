"""The bureau's 运行监控与自评 overview of a year (or of one unit) exported as a background job."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from jixiao.web.jobs.kinds import JobKind, Outcome, Progress, export_stem, page_of_year, refuse_unit_unseen, unit_name
from jixiao.web.jobs.models import Job
from jixiao.web.organisation.models import Member
from jixiao.web.organisation.selectors import can_review_bureau
from jixiao.web.performance.exports import overview_xlsx
from jixiao.web.performance.selectors import rate_heading, season_of
from jixiao.web.performance.summaries import bureau_summaries
from jixiao.web.sheets.errors import SheetError
from jixiao.web.sheets.selectors import evaluation_year
from jixiao.web.sheets.views.common import filters_from

__all__ = ["OverviewExport"]


class OverviewExport(JobKind):
    """导出运行监控与自评概况: light, execution, score and grade of every approved sheet of ``year``."""

    code = "overview"
    label = "运行监控与自评概况导出"
    items = "个项目"

    def params_from(self, data) -> dict:
        filters = filters_from(data)
        return {"year": filters.year or evaluation_year(), "unit": filters.unit_id}

    def check(self, member: Member | None, params: dict) -> None:
        if not can_review_bureau(member):
            raise PermissionDenied("绩效运行概况仅供财政局审核人和管理员导出")
        refuse_unit_unseen(member, params["unit"], "无权导出该单位的运行监控与自评概况")

    def describe(self, params: dict) -> str:
        return f"{unit_name(params['unit'], '全部单位')} {params['year']}年度 · Excel"

    def run(self, job: Job, member: Member, progress: Progress) -> Outcome:
        summaries = list(bureau_summaries(member, job.params["year"], job.params["unit"]))
        if not summaries:
            raise SheetError(f"{job.params['year']}年度还没有批复的绩效目标表，无可导出的概况")
        progress(0, len(summaries))
        scope = summaries[0].sheet.unit.name if job.params["unit"] else job.bureau.name
        try:
            season = season_of(member.bureau_id, job.params["year"])
        except SheetError:  # the page then heads the rate plainly too (and says why); the export goes on
            season = None
        workbook = overview_xlsx(summaries, rate_heading(season), progress)
        return Outcome(f"已导出 {len(summaries)} 个项目的运行监控与自评概况", workbook,
                       export_stem(scope, job.params["year"], "运行监控与自评概况"), "xlsx")

    def back(self, params: dict) -> str:
        return page_of_year("performance:overview", params)
