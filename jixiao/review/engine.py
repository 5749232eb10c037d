"""Running the rules: a document in, a :class:`Review` out. This is what the CLI, the web and the API call."""

from __future__ import annotations

from pydantic import BaseModel, Field

from jixiao.model import Document, GoalSheet
from jixiao.review.context import SheetContext
from jixiao.review.finding import Finding
from jixiao.review.lexicon import data
from jixiao.review.outcome import SheetReview, grade_sheet
from jixiao.review.profile import Profile, load_profile
from jixiao.review.registry import RULES, prose_rules, sheet_rules
from jixiao.review.rules.reader import ReaderDiagnostic

__all__ = ["Review", "review_document", "review_sheet"]


class Review(BaseModel):
    """The review of one document: its sheets' outcomes and the findings not tied to any sheet."""

    source: str | None = None
    profile: str
    sheets: list[SheetReview] = Field(default_factory=list)
    document_findings: list[Finding] = Field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        """Every finding: the document's own first, then each sheet's in order."""
        return self.document_findings + [f for sheet in self.sheets for f in sheet.findings]


def review_sheet(sheet: GoalSheet, profile: Profile | None = None, document: Document | None = None) -> SheetReview:
    """Check one sheet with the rules ``profile`` enables (the central profile by default) and grade it."""
    profile = profile or load_profile()
    guessed = bool(document and document.layout in data()["layouts"]["guessed"])
    ctx = SheetContext(sheet=sheet, profile=profile, document=document, guessed_layout=guessed)
    # A row whose name cell holds another cell (a score, 20; the scoring rule, 完成值达到指标值,记满分) was misread: what
    # a rule finds on it is the reader's mistake, not the table's (the reader's JX001 and the sheet's findings stand).
    misread = {indicator.name for indicator in sheet.indicators if id(indicator) in ctx.misread_rows}
    # A rule whose premise is where the cells stand (Rule.placement) says nothing of a row whose cells may be misplaced.
    doubtful = [(indicator.table or sheet.table, indicator.row) for indicator in sheet.indicators
                if ctx.doubtful(indicator) and indicator.row is not None]
    findings = [f for rule in _enabled(profile) for f in rule.check(ctx) if f.indicator not in misread
                and not (rule.placement and any(f.location.names_row(*row) for row in doubtful))]
    review = SheetReview(source=ctx.source, sheet=sheet.key, name=sheet.name, table=sheet.table, findings=findings,
                         form=ctx.form.name, form_label=ctx.form.label, partial=ctx.cut or ctx.grid_not_found,
                         unread=not sheet.indicators and ctx.grid_not_found and not ctx.framework_only)
    return grade_sheet(review, profile.grade)


def review_document(document: Document, profile: Profile | None = None) -> Review:
    """Check every sheet of ``document``; the reader's diagnostics become findings (rule JX001).

    A diagnostic located in a sheet is counted, and graded, with that sheet.
    """
    profile = profile or load_profile()
    sheets = [review_sheet(sheet, profile, document) for sheet in document.sheets]
    document_findings: list[Finding] = []
    reader = next(rule for rule in RULES if isinstance(rule, ReaderDiagnostic))
    if profile.enabled(reader.code, reader.name):
        by_key = {sheet.sheet: i for i, sheet in enumerate(sheets)}
        extra: dict[int, list[Finding]] = {}
        for finding in reader.findings(document, profile):
            index = by_key.get(finding.sheet or "")
            if index is None:
                document_findings.append(finding)
            else:
                extra.setdefault(index, []).append(finding)
        for index, findings in extra.items():
            regraded = sheets[index].model_copy(update={"findings": findings + sheets[index].findings})
            sheets[index] = grade_sheet(regraded, profile.grade)
    if document.prose is not None:
        # (a document in prose only: beside tables, its sentences are audited, not reviewed as the document's text,
        # but for the wording a rule reads wherever it stands: ProseRule.beside_tables)
        prose_only = not document.sheets and document.overall is None
        document_findings += [finding for rule in prose_rules()
                              if (prose_only or rule.beside_tables) and profile.enabled(rule.code, rule.name)
                              for finding in rule.document_findings(document, profile)]
    return Review(source=document.source, profile=profile.name, sheets=sheets, document_findings=document_findings)


_ENABLED_CACHE: dict[int, tuple] = {}


def _enabled(profile: Profile) -> tuple:
    # Selecting rules costs string matching per rule; a profile is immutable in use, so do it once per profile.
    key = id(profile)
    cached = _ENABLED_CACHE.get(key)
    if cached is None or cached[0] is not profile:
        rules = tuple(rule for rule in sheet_rules() if profile.enabled(rule.code, rule.name))
        cached = _ENABLED_CACHE[key] = (profile, rules)
    return cached[1]
