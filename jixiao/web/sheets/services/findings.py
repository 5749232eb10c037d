"""Keeping a sheet's stored findings in step with its content."""

from __future__ import annotations

from collections.abc import Iterable

from jixiao.web.refreshes import refresh
from jixiao.web.sheets.conversion import document_around, goal_sheet
from jixiao.web.sheets.models import FindingRecord, IndicatorRow, Sheet
from jixiao.web.sheets.services.counts import counts_refresh
from jixiao.web.sheets.services.review import FindingView, Outcome, check_sheet

__all__ = ["SUMMARY_COLUMNS", "finding_records", "findings_of", "findings_refresh", "findings_summarise", "review_replace",
           "sheet_review"]


def findings_of(sheet: Sheet) -> list[FindingView]:
    """The stored findings of ``sheet``, as the engine reported them."""
    return [FindingView.from_data(record.data, record.blocking) for record in sheet.findings.all()]


def sheet_review(sheet: Sheet, rows: Iterable[IndicatorRow] | None = None) -> Outcome:
    """The engine's review of ``sheet`` (saved or not; ``rows`` instead of its stored rows) in the file it was read
    from as far as kept, so that an edited sheet is reviewed as ``jixiao check`` reviews the file edited alike."""
    content = goal_sheet(sheet, rows)
    return check_sheet(document_around(sheet, content))


def findings_refresh(sheet: Sheet) -> Outcome:
    """Review ``sheet`` as stored now and replace its findings, counts and suggested grade.

    Called inside the caller's transaction; saves only the summary columns, and has the unit's year counted again.
    """
    outcome = sheet_review(sheet)
    review_replace(sheet, outcome)
    return outcome


def review_replace(sheet: Sheet, outcome: Outcome) -> None:
    """Store ``outcome`` as the review of ``sheet`` in place of the one stored: its findings, counts, suggested
    grade and the rule set that made it. Inside the caller's transaction; has the unit's year counted again."""
    FindingRecord.objects.filter(sheet=sheet).delete()
    FindingRecord.objects.bulk_create(finding_records(sheet, outcome))
    findings_summarise(sheet, outcome)
    sheet.save(update_fields=list(SUMMARY_COLUMNS))
    refresh(counts_refresh, sheet.unit_id, sheet.year)


# The columns of a sheet that sum up its review.
SUMMARY_COLUMNS = ("suggested_grade", "score", "grade_explanation", "error_count", "warning_count", "info_count",
                   "review_fingerprint")


def findings_summarise(sheet: Sheet, outcome: Outcome) -> None:
    """Set the summary columns of ``sheet`` (not saved) from its review ``outcome``."""
    sheet.suggested_grade = outcome.grade
    sheet.score = outcome.score
    sheet.grade_explanation = outcome.explanation
    sheet.review_fingerprint = outcome.fingerprint
    sheet.error_count, sheet.warning_count, sheet.info_count = (outcome.count(s) for s in ("error", "warning", "info"))


def finding_records(sheet: Sheet, outcome: Outcome) -> list[FindingRecord]:
    """The rows (not saved) that store the findings of ``outcome`` for ``sheet``."""
    return [FindingRecord(sheet=sheet, rule=f.rule, severity=f.severity, row=f.row, blocking=f.blocking,
                          data=f.finding.model_dump(mode="json"))
            for f in outcome.findings]
