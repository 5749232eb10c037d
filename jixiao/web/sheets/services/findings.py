"""Keeping a sheet's stored findings in step with its content."""

from __future__ import annotations

from jixiao.web.refreshes import refresh
from jixiao.web.sheets.conversion import goal_sheet
from jixiao.web.sheets.models import FindingRecord, Sheet
from jixiao.web.sheets.services.counts import counts_refresh
from jixiao.web.sheets.services.review import FindingView, Outcome, check_sheet

__all__ = ["findings_of", "findings_refresh"]


def findings_of(sheet: Sheet) -> list[FindingView]:
    """The stored findings of ``sheet``, as the engine reported them."""
    return [FindingView.from_data(record.data, record.blocking) for record in sheet.findings.all()]


def findings_refresh(sheet: Sheet) -> Outcome:
    """Review ``sheet`` as stored now and replace its findings, counts and suggested grade.

    Called inside the caller's transaction; saves only the summary columns, and has the unit's year counted again.
    """
    outcome = check_sheet(goal_sheet(sheet))
    FindingRecord.objects.filter(sheet=sheet).delete()
    FindingRecord.objects.bulk_create(
        FindingRecord(sheet=sheet, rule=f.rule, severity=f.severity, row=f.row, blocking=f.blocking,
                      data=f.finding.model_dump(mode="json"))
        for f in outcome.findings
    )
    sheet.suggested_grade = outcome.grade
    sheet.score = outcome.score
    sheet.error_count, sheet.warning_count, sheet.info_count = (outcome.count(s) for s in ("error", "warning", "info"))
    sheet.save(update_fields=["suggested_grade", "score", "error_count", "warning_count", "info_count"])
    refresh(counts_refresh, sheet.unit_id, sheet.year)
    return outcome
