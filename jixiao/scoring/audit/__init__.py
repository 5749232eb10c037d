"""The audit of self-evaluations and monitoring tables (绩效自评复核): recompute what units printed and report,
as findings, where the printed scores, totals, grades and answers do not follow from the printed figures.

Use :func:`audit_sheet` (or :func:`audit_document`) with a scoring :class:`~jixiao.scoring.profile.Profile`;
:func:`recompute` gives the side-by-side table.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from jixiao.model import (
    Diagnostic,
    Document,
    ExecutionRecord,
    GoalSheet,
    MoneyStatement,
    ReportedEvaluation,
    SelfEvaluation,
)
from jixiao.model.finding import Finding
from jixiao.scoring.audit.money import money_set_aside
from jixiao.scoring.audit.recompute import Recomputation, RecomputedItem, recompute
from jixiao.scoring.audit.registry import AUDIT_RULES
from jixiao.scoring.audit.rule import AuditContext, AuditDocs, AuditRule
from jixiao.scoring.audit.rules.prose import STATEMENT_RULES
from jixiao.scoring.audit.written import in_simplified, quoted_as_written, sheets_in_simplified
from jixiao.scoring.profile import Profile

__all__ = ["AUDIT_RULES", "AuditContext", "AuditDocs", "AuditRule", "Recomputation", "RecomputedItem",
           "audit_document", "audit_prose", "audit_sheet", "is_audited", "recompute"]


def is_audited(sheet: GoalSheet) -> bool:
    """True when the sheet carries a printed self-evaluation or monitoring table."""
    return sheet.evaluation is not None or sheet.monitoring is not None


def audit_sheet(sheet: GoalSheet, profile: Profile, *, source: str | None = None,
                approved: GoalSheet | None = None, recorded: SelfEvaluation | None = None,
                record: ExecutionRecord | None = None, diagnostics: Sequence[Diagnostic] = (),
                recomputation: Recomputation | None = None) -> list[Finding]:
    """The audit findings of one sheet; ``approved`` is the approved goal sheet, ``recorded`` the self-evaluation
    and ``record`` the spending the unit recorded of that sheet's year in jixiao, when known; ``diagnostics`` the
    reader's of its document, which tell the rows read in doubt. A rule whose premise is the cells' placement
    (:attr:`AuditRule.placement`) says nothing of such a row. ``recomputation``: the sheet's :func:`recompute`
    under the same ``profile`` and ``diagnostics`` when the caller made it (to show it beside the findings), so that
    it is not made twice."""
    if not is_audited(sheet):
        return []
    return _audited(in_simplified(sheet), profile, source=source, approved=approved, recorded=recorded, record=record,
                    diagnostics=diagnostics, recomputation=recomputation)


def _audited(simplified: tuple[GoalSheet, dict[str, str]], profile: Profile, *, source: str | None,
             approved: GoalSheet | None = None, recorded: SelfEvaluation | None = None,
             record: ExecutionRecord | None = None, diagnostics: Sequence[Diagnostic] = (),
             recomputation: Recomputation | None = None) -> list[Finding]:
    """:func:`audit_sheet` of a sheet already in its Simplified reading (:func:`in_simplified`'s pair)."""
    # (a sheet in Traditional characters is audited as its Simplified reading, which the rules' words are written in;
    # the caller's recomputation then holds the texts as written, so it is made again on the reading)
    sheet, written = simplified
    diagnostics = sheets_in_simplified(diagnostics, written)
    # (a money row whose figures stand under other headings is audited as not given: see money.py)
    sheet = money_set_aside(sheet, diagnostics)
    ctx = AuditContext(sheet=sheet, profile=profile, source=source, approved=approved, recorded=recorded,
                       record=record, diagnostics=diagnostics, precomputed=None if written else recomputation)
    applies = {"evaluation": sheet.evaluation is not None, "monitoring": sheet.monitoring is not None,
               "approval": approved is not None,
               "recorded": recorded is not None and sheet.evaluation is not None, "prose": False}
    return [quoted_as_written(finding, written) for rule in AUDIT_RULES if applies[rule.applies_to]
            for finding in rule.check(ctx) if not (rule.placement and finding.location.row in ctx.doubtful_lines)]


def audit_prose(document: Document, profile: Profile) -> list[Finding]:
    """The audit findings on what a report or notice states in its sentences (``document.prose``): about no sheet,
    each at its line. A sentence whose budget, amount spent or execution rate an audited sheet's money also gives
    (the report's table, or its indicators in prose, read that sentence's money) is the sheet rules': the rules
    reading one sentence's money say nothing of it."""
    if document.prose is None:
        return []
    return _prose_audited(document, profile, [in_simplified(sheet)[0] for sheet in document.sheets])


def _prose_audited(document: Document, profile: Profile, sheets: Sequence[GoalSheet]) -> list[Finding]:
    """:func:`audit_prose` with ``document``'s sheets already in their Simplified reading (:func:`in_simplified`)."""
    prose, written = in_simplified(document.prose)  # (a report in Traditional characters: see audit_sheet)
    ctx = AuditContext(sheet=GoalSheet(), profile=profile, source=document.source, prose=prose, sheets=sheets)
    owned = {statement.line for statement in prose.money
             if any(_sheet_gives(statement, sheet.evaluation) for sheet in sheets if sheet.evaluation)}
    return [quoted_as_written(finding, written) for rule in AUDIT_RULES if rule.applies_to == "prose"
            for finding in rule.check(ctx) if not (rule.code in STATEMENT_RULES and finding.location.line in owned)]


def _sheet_gives(statement: MoneyStatement, evaluation: ReportedEvaluation) -> bool:
    """Whether the sheet's printed money holds a figure ``statement`` states (the same budget, amount spent or rate)."""
    rate = Decimal(statement.rate) if statement.rate else None
    pairs = ((statement.budget, evaluation.budget_full), (statement.budget, evaluation.budget_initial),
             (statement.spent, evaluation.spent), (rate, evaluation.execution_rate))
    return any(said is not None and printed is not None and said == printed for said, printed in pairs)


def audit_document(document: Document, profile: Profile) -> list[Finding]:
    """The audit findings of every sheet of ``document``, and of its sentences (outside its tables). Each sheet is
    put in its Simplified reading once, for its own audit and for the prose's (which reads the sheets' money)."""
    prose = document.prose is not None
    simplified = [in_simplified(sheet) if prose or is_audited(sheet) else (sheet, {}) for sheet in document.sheets]
    found = [finding for sheet, pair in zip(document.sheets, simplified) if is_audited(sheet)
             for finding in _audited(pair, profile, source=document.source, diagnostics=document.diagnostics)]
    return found + (_prose_audited(document, profile, [pair[0] for pair in simplified]) if prose else [])
