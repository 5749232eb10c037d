"""The web layer's only door to the review engine (:mod:`jixiao.review`).

Everything the pages, services and API know about findings comes through here as :class:`FindingView` (the
engine's own :class:`Finding`, unflattened) and :class:`Outcome`, so that a change in the engine's interface is
absorbed in this one module.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from django.conf import settings

from jixiao.model import Document
from jixiao.review import GRADE_MEANINGS, Finding, Profile, by_code, load_profile, review_document, ruleset_fingerprint

__all__ = ["GRADE_MEANINGS", "FindingView", "Outcome", "check_document", "check_sheet", "current_fingerprint", "profile",
           "rule_title"]


@dataclass(frozen=True)
class FindingView:
    """One engine :class:`Finding` as the pages show it, with whether the profile lets it block a submission.

    The finding keeps its one shape (code, severity, template and parameters, fix, confidence, source) from the
    engine to the database (``FindingRecord.data``), the page and the API; the message is rendered here, late.
    """

    finding: Finding
    blocking: bool

    @classmethod
    def of(cls, finding: Finding) -> FindingView:
        """The view of a finding the engine just reported."""
        return cls(finding=finding, blocking=profile().blocks(finding.rule, finding.name, finding.severity))

    @classmethod
    def from_data(cls, data: dict, blocking: bool) -> FindingView:
        """The view of a stored finding (``Finding.model_dump(mode="json")``)."""
        return cls(finding=Finding.model_validate(data), blocking=blocking)

    @property
    def rule(self) -> str:
        return self.finding.rule

    @property
    def name(self) -> str:
        """The rule's Chinese title."""
        return rule_title(self.finding.rule, self.finding.name)

    @property
    def severity(self) -> str:
        return self.finding.severity.value

    @property
    def severity_label(self) -> str:
        return self.finding.severity.label

    @property
    def dimension(self) -> str:
        return self.finding.dimension.value

    @property
    def indicator(self) -> str:
        return self.finding.indicator or ""

    @property
    def row(self) -> int | None:
        """The indicator row the finding is about (None for the sheet as a whole)."""
        return self.finding.location.row if self.finding.indicator is not None else None

    @property
    def field(self) -> str:
        edits = self.finding.fix.edits if self.finding.fix else ()
        return self.finding.location.column or (edits[0].field if edits else "")

    @property
    def message(self) -> str:
        return self.finding.message

    @property
    def fix(self) -> str:
        return self.finding.fix.summary if self.finding.fix else ""

    @property
    def fix_label(self) -> str:
        return self.finding.fix.applicability.label if self.finding.fix else ""

    @property
    def confidence(self) -> str:
        return self.finding.confidence.value

    @property
    def confidence_note(self) -> str:
        return self.finding.confidence.note

    @property
    def confidence_explanation(self) -> str:
        return self.finding.confidence.explanation

    def contract(self) -> dict[str, object]:
        """The finding as ``jixiao check --format json`` writes it; the API returns exactly this."""
        return self.finding.contract()


@dataclass(frozen=True)
class Outcome:
    """The engine's verdict on one sheet (or on a document's loose ends when ``sheet`` is None)."""

    sheet: str | None
    findings: list[FindingView] = field(default_factory=list)
    grade: str = ""
    score: Decimal | None = None
    explanation: str = ""
    # The rule set that produced it (:func:`current_fingerprint`), stored with the review.
    fingerprint: str = ""

    def count(self, severity: str) -> int:
        """How many findings have ``severity`` (error, warning, info)."""
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def errors(self) -> int:
        """How many errors (the sheet list's 问题 column shows errors and warnings)."""
        return self.count("error")

    @property
    def warnings(self) -> int:
        """How many warnings."""
        return self.count("warning")

    @property
    def blocking(self) -> list[FindingView]:
        """The findings that stop a submission."""
        return [f for f in self.findings if f.blocking]


@cache
def profile() -> Profile:
    """The review profile named by the ``JIXIAO_PROFILE`` setting."""
    return load_profile(settings.JIXIAO_PROFILE)


@cache
def current_fingerprint() -> str:
    """The fingerprint of the rule set this installation reviews with (its jixiao version, rules and profile):
    a stored review under another one was made by other rules."""
    return ruleset_fingerprint(profile())


def check_sheet(document: Document) -> Outcome:
    """Review the one sheet of ``document`` (a stored sheet in the file it was read from, as far as kept:
    :func:`jixiao.web.sheets.conversion.document_around`), the reader's notes about it among its findings, as
    ``jixiao check`` reviews the file."""
    [result] = review_document(document, profile()).sheets
    return Outcome(sheet=result.sheet, findings=[FindingView.of(f) for f in result.findings], grade=result.grade or "",
                   score=result.score, explanation=result.explain(), fingerprint=current_fingerprint())


def check_document(document: Document) -> list[Outcome]:
    """Review a document just read: one outcome per sheet, then one for findings about no sheet (if any)."""
    result = review_document(document, profile())
    outcomes = [
        Outcome(sheet=s.sheet, findings=[FindingView.of(f) for f in s.findings], grade=s.grade or "", score=s.score,
                explanation=s.explain(), fingerprint=current_fingerprint())
        for s in result.sheets
    ]
    if result.document_findings:
        outcomes.append(Outcome(sheet=None, findings=[FindingView.of(f) for f in result.document_findings]))
    return outcomes


def rule_title(code: str, name: str = "") -> str:
    """A rule's Chinese title (users read Chinese); ``name`` (its English name) if the rule is not registered."""
    rule = by_code(code)
    return rule.title if rule else (name or code)
