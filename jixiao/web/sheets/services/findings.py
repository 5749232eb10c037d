"""Keeping a sheet's stored findings in step with its content."""

from __future__ import annotations

from jixiao.web.sheets.conversion import goal_sheet
from jixiao.web.sheets.models import FindingRecord, Sheet
from jixiao.web.sheets.services.review import Outcome, check_sheet

__all__ = ["findings_refresh"]


def findings_refresh(sheet: Sheet) -> Outcome:
    """Review ``sheet`` as stored now and replace its findings, counts and suggested grade.

    Called inside the caller's transaction; saves only the summary columns.
    """
    outcome = check_sheet(goal_sheet(sheet))
    FindingRecord.objects.filter(sheet=sheet).delete()
    FindingRecord.objects.bulk_create(
        FindingRecord(sheet=sheet, rule=f.rule, name=f.name, severity=f.severity, dimension=f.dimension,
                      indicator=f.indicator, row=f.row, field=f.field, message=f.message, fix=f.fix,
                      blocking=f.blocking)
        for f in outcome.findings
    )
    sheet.suggested_grade = outcome.grade
    sheet.score = outcome.score
    sheet.error_count, sheet.warning_count, sheet.info_count = (outcome.count(s) for s in ("error", "warning", "info"))
    sheet.save(update_fields=["suggested_grade", "score", "error_count", "warning_count", "info_count"])
    return outcome
