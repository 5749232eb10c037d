"""Uploading units' printed self-evaluations and monitoring tables: read, match, audit, store all or nothing.

Each sheet that carries a printed record is matched to one of the bureau's units (by unit code, else name) and,
when jixiao holds it, to that unit's approved goal sheet of the year (by project code, else name), so that the
approval rules (JXA14–JXA16) compare with what was approved, JXA24 and JXM06 with what the unit recorded of the year.
The audit is the core's (:func:`jixiao.scoring.audit.audit_sheet`); this module only stores what it returns.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from jixiao.model import Diagnostic, GoalSheet, Severity
from jixiao.model import Unit as UnitRef
from jixiao.scoring.audit import audit_sheet, recompute
from jixiao.scoring.profile import Profile
from jixiao.scoring.target_rules import number
from jixiao.web.audits.models import AuditedDocument
from jixiao.web.organisation.models import Member, Unit
from jixiao.web.performance.selectors import approved_content, recorded_year
from jixiao.web.security.audit import audit_record
from jixiao.web.security.events import AUDIT_OTHER_UNIT
from jixiao.web.sheets.errors import SheetError
from jixiao.web.sheets.models import Sheet, Status
from jixiao.web.sheets.services.imports import read_uploads, year_mismatch

__all__ = ["AuditUploadRefused", "audit_upload"]

Progress = Callable[[int, int], None]


class AuditUploadRefused(SheetError):
    """An upload that cannot be audited as a whole; nothing was stored. ``problems`` names every file."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("上传未保存：" + "；".join(problems))
        self.problems = problems


@dataclass
class _Matched:
    source: str
    sheet: GoalSheet
    unit: Unit
    approved: Sheet | None
    # the reader's diagnostics of the sheet's document: they tell the rows read in doubt, as `jixiao check` hands them
    diagnostics: tuple[Diagnostic, ...] = ()
    # the bureau's unit the table names where the reviewer accepted it as the chosen unit's (accept_unit)
    named: Unit | None = None


def _unit_for(sheet: GoalSheet, document_unit: UnitRef | None, units: list[Unit]) -> Unit | None:
    """The bureau's unit the table names (the table's own unit, else the file's), as the model identifies a printed
    unit: by code, else by a name that may be shortened or carry bracketed notes."""
    refs = [ref for ref in (sheet.unit, document_unit) if ref is not None]
    return next((found for ref in refs if (found := ref.identify(units)) is not None), None)


def _approved_sheet(unit: Unit, year: int, sheet: GoalSheet) -> Sheet | None:
    approved = Sheet.objects.filter(unit=unit, year=year, status=Status.APPROVED, deleted_at__isnull=True)
    if sheet.code and (found := approved.filter(code=sheet.code).first()):
        return found
    return approved.filter(name=sheet.name).first() if sheet.name else None


def _match(files: list[tuple[str, bytes]], units: list[Unit], year: int, progress: Progress | None,
           chosen: Unit | None, accept_year: bool, accept_unit: bool) -> list[_Matched]:
    problems, matched = [], []
    for read in read_uploads(files, progress):
        if read.document is None:
            problems.append(f"{read.name}：{read.error}")
            continue
        audited = [sheet for sheet in read.document.sheets if sheet.evaluation or sheet.monitoring]
        if not audited:
            problems.append(f"{read.name}：文件中没有所印的绩效自评表或运行监控表（只有绩效目标表）")
        for sheet in audited:
            mismatch = None if accept_year else year_mismatch(read.name, sheet, year)
            if mismatch:
                # Filed under another year, it would be compared with that year's approved sheet and records.
                problems.append(f"{mismatch}，请选择正确的年度，或勾选“仍按所选年度复核”")
            unit = _unit_for(sheet, read.document.unit, units)
            named = unit if chosen is not None and unit not in (None, chosen) else None
            if named is not None and not accept_unit:
                # Filed under the chosen unit, another unit's table would rank and export as the chosen unit's.
                problems.append(f"{read.name}：项目“{sheet.key}”的表中写的单位是“{unit.name}”，与所选单位“{chosen.name}”"
                                "不同，请核对；确是所选单位的表时，勾选“仍按所选单位复核”")
                continue
            unit = chosen if named is not None else unit or chosen
            if unit is None:
                written = sheet.unit or read.document.unit
                who = f"“{written.code or ''} {written.name or ''}”".replace("“ ", "“") if written else "（表中未写单位）"
                problems.append(f"{read.name}：项目“{sheet.key}”的单位{who}不是本财政局所辖单位，无法对应；"
                                "请在“单位”中选择提交文件的单位")
                continue
            matched.append(_Matched(read.name, sheet, unit, _approved_sheet(unit, year, sheet),
                                    tuple(read.document.diagnostics), named))
    if problems:
        raise AuditUploadRefused(problems)
    return matched


def _text(value: Decimal | None) -> str | None:
    return None if value is None else number(value)


def _audited(matched: _Matched, *, user, bureau: Unit, year: int, profile: Profile,
             profile_name: str) -> AuditedDocument:
    """The audit of one matched sheet, not saved yet."""
    sheet = matched.sheet
    approved = approved_content(matched.approved) if matched.approved else None
    recorded, record = (recorded_year(matched.approved, approved) if approved else None) or (None, None)
    recomputation = recompute(sheet, profile, matched.diagnostics) if sheet.evaluation is not None else None
    findings = audit_sheet(sheet, profile, source=matched.source, approved=approved, recorded=recorded, record=record,
                           diagnostics=matched.diagnostics, recomputation=recomputation)
    kind = AuditedDocument.Kind.EVALUATION if sheet.evaluation else AuditedDocument.Kind.MONITORING
    table, claimed, is_sum, expected, expected_grade, gap, explanation = [], None, False, None, "", None, None
    if recomputation is not None:
        table = [{"indicator": item.indicator, "name": item.name, "target": item.target, "actual": item.actual,
                  "weight": _text(item.weight), "printed": _text(item.printed), "expected": _text(item.expected),
                  "difference": _text(item.difference), "off": item.off, "formula": item.formula}
                 for item in recomputation.items]
        claimed = recomputation.printed_total
        if claimed is None:
            claimed, is_sum = recomputation.printed_sum, recomputation.printed_sum is not None
        expected, expected_grade = recomputation.expected_total, recomputation.expected_grade or ""
        gap = claimed - expected if claimed is not None and expected is not None else None
        worded = recomputation.total_explanation
        explanation = worded.model_dump(mode="json") if worded else None
    return AuditedDocument(
        bureau=bureau, unit=matched.unit, sheet=matched.approved, year=year, kind=kind, source=matched.source[:255],
        project_code=(sheet.code or "")[:64], project_name=(sheet.name or "")[:200], profile=profile_name,
        content=sheet.model_dump(mode="json"), findings=[f.model_dump(mode="json") for f in findings], table=table,
        claimed_total=claimed, claimed_is_sum=is_sum, expected_total=expected, gap=gap, total_explanation=explanation,
        printed_grade=(sheet.evaluation.grade or "")[:4] if sheet.evaluation else "", expected_grade=expected_grade,
        error_count=sum(f.severity is Severity.ERROR for f in findings),
        warning_count=sum(f.severity is Severity.WARNING for f in findings), uploaded_by=user)


def audit_upload(*, user, member: Member, year: int, files: list[tuple[str, bytes]], profile: Profile,
                 profile_name: str, progress: Progress | None = None, unit: Unit | None = None,
                 accept_year: bool = False, accept_unit: bool = False) -> list[AuditedDocument]:
    """Audit every printed self-evaluation and monitoring table in ``files`` (a .zip is opened) for the bureau of
    ``member``; raises :class:`AuditUploadRefused` (nothing stored) when any file cannot be read or matched.
    ``unit``, one of the bureau's, is whose files they are when a table does not name one of its units (a table
    naming another of its units is refused unless ``accept_unit``: then it is filed under ``unit``, and the security
    log records each such table). A table stating another year than ``year`` is refused unless ``accept_year``.
    ``progress(done, total)`` is called after each file is read (background
    audits show it)."""
    if not files:
        raise AuditUploadRefused(["没有选择文件"])
    bureau = Unit.objects.get(pk=member.bureau_id)
    units = list(Unit.objects.filter(bureau=bureau))
    if unit is not None and unit not in units:
        raise AuditUploadRefused([f"单位“{unit.name}”不是本财政局所辖单位"])
    matched = _match(files, units, year, progress, unit, accept_year, accept_unit)
    # Audited before the transaction, which only writes: on SQLite every other writer waits for it.
    audited = [_audited(m, user=user, bureau=bureau, year=year, profile=profile, profile_name=profile_name)
               for m in matched]
    with transaction.atomic():
        for document, match in zip(audited, matched, strict=True):
            document.save(force_insert=True)
            if match.named is not None:
                audit_record(AUDIT_OTHER_UNIT, user=user, obj=document, details={
                    "file": match.source, "project": match.sheet.key, "named": match.named.name,
                    "chosen": document.unit.name, "year": year})
    return audited
