"""What an audit rule is: the same declarations as a review rule (code, name, title, severity, source, message
template, documentation) and a short check over one printed self-evaluation or monitoring table.

Audit rules report :class:`jixiao.model.finding.Finding`, the value the review rules report, so the CLI, the
pages and the API show both alike. They are registered explicitly in :mod:`jixiao.scoring.audit.registry`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from typing import ClassVar

from jixiao.model import (
    Diagnostic,
    ExecutionRecord,
    FundAmount,
    GoalSheet,
    Indicator,
    Location,
    MoneyStatement,
    ProseReport,
    SelfEvaluation,
    Severity,
)
from jixiao.model.doubt import doubtful_rows
from jixiao.model.finding import Applicability, Confidence, Dimension, Finding, Fix, Phrase
from jixiao.scoring.audit.recompute import Recomputation, guessed, recompute
from jixiao.scoring.profile import Profile

__all__ = ["AuditContext", "AuditDocs", "AuditRule"]


@dataclass(frozen=True)
class AuditDocs:
    """A rule's documentation in Chinese: what it checks, the formula, the profile setting it reads, an example."""

    what: str  # 检查内容
    formula: str  # 计算方法
    setting: str  # 读取的评分方案设置
    example: str  # 示例


@dataclass
class AuditContext:
    """One sheet of a printed 自评表 or 监控表 under audit, with the approved sheet and what the unit recorded of its
    year when jixiao holds them: ``recorded`` its self-evaluation (money, results), ``record`` the spending and
    progress recorded during the year."""

    sheet: GoalSheet
    profile: Profile
    source: str | None = None
    approved: GoalSheet | None = None
    recorded: SelfEvaluation | None = None
    record: ExecutionRecord | None = None
    prose: ProseReport | None = None  # what a report with no table states in sentences (rules applying to "prose")
    # the document's sheets beside the prose (rules applying to "prose": what a printed table of the report states)
    sheets: Sequence[GoalSheet] = ()
    # the reader's diagnostics of the document: its word of doubt on a row (jixiao.model.doubt.ROW_DOUBT)
    diagnostics: Sequence[Diagnostic] = ()
    # the sheet's recomputation when the caller made it already (for the same profile and diagnostics), to show it
    precomputed: Recomputation | None = None

    @cached_property
    def recomputation(self) -> Recomputation:
        """The printed self-evaluation recomputed (once per sheet, shared by the rules and with the caller)."""
        return self.precomputed or recompute(self.sheet, self.profile, self.diagnostics)

    @cached_property
    def doubtful_rows(self) -> frozenset[int]:
        """The rows (by identity) whose cells may not stand where the table has them, as the review judges them
        (:func:`jixiao.model.doubt.doubtful_rows`)."""
        return doubtful_rows(self.sheet, self.diagnostics)

    @cached_property
    def doubtful_lines(self) -> frozenset[int]:
        """The table rows (line numbers) of :attr:`doubtful_rows`, and of their printed results: where a finding of a
        rule whose premise is the cells' placement (:attr:`AuditRule.placement`) is dropped."""
        evaluation = self.sheet.evaluation
        lines = set()
        for position, indicator in enumerate(self.sheet.indicators, 1):
            if id(indicator) in self.doubtful_rows:
                item = evaluation.item_for(position) if evaluation is not None else None
                lines.update(row for row in (indicator.row, item.row if item else None) if row is not None)
        return frozenset(lines)

    def guessed(self, indicator: Indicator) -> bool:
        """Whether a finding resting on ``indicator`` rests on a guess: the reader inferred its columns, or the row
        was read in doubt (:attr:`doubtful_rows`)."""
        return guessed(indicator, self.doubtful_rows)


class AuditRule:
    """Base of every audit rule; subclasses set the attributes and implement :meth:`check`."""

    code: ClassVar[str]
    name: ClassVar[str]
    title: ClassVar[str]
    severity: ClassVar[Severity]
    source: ClassVar[str]
    message: ClassVar[str]
    docs: ClassVar[AuditDocs]
    # which printed record the rule reads: "evaluation" or "monitoring"; "approval" and "recorded" compare the
    # printed self-evaluation with the approved sheet and with what the unit recorded in jixiao; "prose" reads the
    # sentences of a report with no table (ctx.prose)
    applies_to: ClassVar[str] = "evaluation"
    # True when the rule's premise is where the reader put a row's cells (a cell left blank, a figure read in the
    # actual's column that may be another cell): on a row read in doubt (AuditContext.doubtful_rows) the premise is
    # more likely the reading's artefact than the table's, and audit_sheet drops the finding, as the review's engine
    # does for Rule.placement. Other rules' findings on such a row are kept, at most a warning (see finding).
    placement: ClassVar[bool] = False
    # Words a message slot may hold that the document need not contain, out of a closed set (as Rule.terms).
    terms: ClassVar[frozenset[str]] = frozenset()

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        """Yield the findings of this rule on the sheet of ``ctx``."""
        raise NotImplementedError

    def finding(self, ctx: AuditContext, *, indicator: str | None = None, row: int | None = None,
                column: str | None = None, fix: Phrase | str | None = None, guessed: bool = False, assumed: bool = False,
                severity: Severity | None = None, template: str | None = None, **slots: object) -> Finding:
        """A finding of this rule, its message slots filled; ``fix`` is advice for a person (display only): a
        :class:`Phrase` where it quotes a figure or a cell.
        ``guessed``: the finding rests on a row whose columns the reader inferred, so it may be a misreading.
        ``assumed``: it rests on a figure the table did not print (the profile's default 分值 stood in), so it is an
        inference. Either is at most a warning: a reviewer does not return a table on a guess or an assumption, only
        asks for the original to be checked. The doubt is the finding's ``confidence``, which whatever shows the
        finding renders beside the message (:attr:`Confidence.note`); the message never says it. ``severity``: this finding's own level where the rule's depends on what it found
        (an immaterial difference is a warning). ``template``: another message of the rule's own, for a finding whose
        data take another shape, so that the slots stay data (as :meth:`jixiao.review.rule.Rule.finding`). A figure
        given as a Decimal stays one; a :class:`~jixiao.model.finding.Phrase` (a recomputation's working) is spliced
        into the template, its own figures with it."""
        slots.setdefault("sheet", ctx.sheet.key)
        if indicator is not None:
            slots.setdefault("indicator", indicator)
        return Finding.of(
            template or self.message, {key: _param(value) for key, value in slots.items()}, rule=self.code, name=self.name, dimension=Dimension.ACCURACY, source=self.source,
            severity=(severity or self.severity).unless_uncertain(guessed or assumed),
            sheet=ctx.sheet.key, indicator=indicator,
            location=Location(file=ctx.source, table=_table(ctx.sheet, indicator, row), sheet=ctx.sheet.key, row=row,
                              column=column),
            fix=_advice(fix),
            confidence=(Confidence.GUESSED_LAYOUT if guessed else Confidence.INFERENCE if assumed else Confidence.HIGH),
        )

    def prose_finding(self, ctx: AuditContext, statement: MoneyStatement | FundAmount, *, severity: Severity | None = None,
                      fix: Phrase | str | None = None, template: str | None = None, **slots: object) -> Finding:
        """A finding on one sentence of a report with no table: about no sheet, located at the sentence's line."""
        return self.said_finding(ctx, statement.line, severity=severity, fix=fix, template=template, **slots)

    def said_finding(self, ctx: AuditContext, line: int, *, severity: Severity | None = None,
                     fix: Phrase | str | None = None, template: str | None = None, **slots: object) -> Finding:
        """A finding on what a report says at ``line`` (outside its tables): about no sheet, located at that line;
        ``template``: another message of the rule's own, as :meth:`finding`'s."""
        return Finding(
            rule=self.code, name=self.name, dimension=Dimension.ACCURACY, source=self.source,
            severity=severity or self.severity, sheet=None, indicator=None,
            location=Location(file=ctx.source, line=line), template=template or self.message,
            params={"line": str(line), **{key: _param(value) for key, value in slots.items()}},
            fix=_advice(fix), confidence=Confidence.HIGH)


def _table(sheet: GoalSheet, indicator: str | None, row: int | None) -> int | None:
    """The table of the file a finding's row stands in: the named indicator's own (a grid continued in a second table,
    a report with one table per part) where the finding names one, at ``row`` when given; else the sheet's first."""
    for read in sheet.indicators:
        if read.table is not None and read.name == indicator and (row is None or read.row == row):
            return read.table
    return sheet.table


def _advice(fix: Phrase | str | None) -> Fix | None:
    """A finding's advice for a person (display only) as a fix: a phrase keeps its figures as data, a text (written
    in the rule, no cell in it) is its template."""
    if fix is None:
        return None
    if isinstance(fix, Phrase):
        return Fix.of(Applicability.DISPLAY_ONLY, fix.template, **fix.params)
    return Fix.of(Applicability.DISPLAY_ONLY, fix)


def _param(value: object) -> str | Decimal | Phrase:
    """A message slot's value as the finding keeps it: a figure (Decimal) or a phrase as given, anything else as text."""
    return value if isinstance(value, Decimal | Phrase) else str(value)
