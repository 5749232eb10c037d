"""The web layer's only door to the review engine (:mod:`jixiao.review`).

Everything the pages, services and API know about findings comes through here as :class:`FindingView` and
:class:`Outcome`, so that a change in the engine's interface is absorbed in this one module.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from django.conf import settings

from jixiao.model import Document, GoalSheet
from jixiao.review import GRADE_MEANINGS, Finding, Profile, by_code, load_profile, review_document, review_sheet

__all__ = ["GRADE_MEANINGS", "FindingView", "Outcome", "check_document", "check_sheet", "profile"]


@dataclass(frozen=True)
class FindingView:
    """One finding, flattened for storage and display."""

    rule: str
    name: str
    severity: str
    severity_label: str
    dimension: str
    indicator: str
    row: int | None
    field: str
    message: str
    fix: str
    blocking: bool


@dataclass(frozen=True)
class Outcome:
    """The engine's verdict on one sheet (or on a document's loose ends when ``sheet`` is None)."""

    sheet: str | None
    findings: list[FindingView] = field(default_factory=list)
    grade: str = ""
    score: Decimal | None = None
    explanation: str = ""

    def count(self, severity: str) -> int:
        """How many findings have ``severity`` (error, warning, info)."""
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def blocking(self) -> list[FindingView]:
        """The findings that stop a submission."""
        return [f for f in self.findings if f.blocking]


@cache
def profile() -> Profile:
    """The review profile named by the ``JIXIAO_PROFILE`` setting."""
    return load_profile(settings.JIXIAO_PROFILE)


def check_sheet(sheet: GoalSheet) -> Outcome:
    """Review one stored sheet."""
    result = review_sheet(sheet, profile())
    return Outcome(sheet=result.sheet, findings=[_view(f) for f in result.findings], grade=result.grade,
                   score=result.score, explanation=result.explain())


def check_document(document: Document) -> list[Outcome]:
    """Review a document just read: one outcome per sheet, then one for findings about no sheet (if any)."""
    result = review_document(document, profile())
    outcomes = [
        Outcome(sheet=s.sheet, findings=[_view(f) for f in s.findings], grade=s.grade, score=s.score,
                explanation=s.explain())
        for s in result.sheets
    ]
    if result.document_findings:
        outcomes.append(Outcome(sheet=None, findings=[_view(f) for f in result.document_findings]))
    return outcomes


def _view(finding: Finding) -> FindingView:
    edits = finding.fix.edits if finding.fix else ()
    row = finding.location.row if finding.indicator is not None else None
    return FindingView(
        rule=finding.rule,
        name=_title(finding),
        severity=finding.severity.value,
        severity_label=finding.severity.label,
        dimension=finding.dimension.value,
        indicator=finding.indicator or "",
        row=row,
        field=finding.location.column or (edits[0].field if edits else ""),
        message=finding.message,
        fix=finding.fix.summary if finding.fix else "",
        blocking=profile().blocks(finding.rule, finding.name, finding.severity),
    )


def _title(finding: Finding) -> str:
    """The rule's Chinese title (users read Chinese); its English name if the rule is not registered."""
    rule = by_code(finding.rule)
    return rule.title if rule else finding.name
