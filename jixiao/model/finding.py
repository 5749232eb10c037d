"""A finding: one problem a rule found, as a single serialisable value.

The CLI, the web pages and the API all render the same :class:`Finding`. It is a message as data
(:class:`~jixiao.model.wording.Worded`): a template with named slots (``{indicator}``, ``{value}``…) rendered late,
so that a translation or a different wording never needs the rule to run again; the fix is one too, with a safety
level, as ruff's ``Applicability``.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, computed_field

from jixiao.model.diagnostic import Location, Severity
from jixiao.model.wording import Phrase, Worded, listed, render, shown, spliced

__all__ = ["Applicability", "Confidence", "Dimension", "Edit", "Finding", "Fix", "Phrase", "listed", "render", "spliced"]


class Dimension(StrEnum):
    """The dimension a rule serves: the review's (财预〔2015〕88号 审核内容, plus 规范性 for form), and 准确性 for the
    audit of self-evaluations (do the printed scores follow from the printed figures)."""

    COMPLETENESS = "完整性"
    RELEVANCE = "相关性"
    APPROPRIATENESS = "适当性"
    FEASIBILITY = "可行性"
    FORM = "规范性"
    ACCURACY = "准确性"


class Applicability(StrEnum):
    """How far a fix can be trusted."""

    SAFE = "safe"  # the corrected value follows from the table itself; applying it cannot change the meaning
    NEEDS_HUMAN = "needs-human"  # a likely correction, but the preparer must confirm it (a number, a level)
    DISPLAY_ONLY = "display-only"  # advice; no value can be derived from the table

    @property
    def label(self) -> str:
        """The Chinese words shown to users."""
        return {"safe": "可直接修改", "needs-human": "需人工确认", "display-only": "仅供参考"}[self.value]


class Confidence(StrEnum):
    """How sure the finding is, independently of how serious it would be (pylint's ``interfaces.py``)."""

    HIGH = "high"  # read directly from the cells
    INFERENCE = "inference"  # rests on reading the words (a lexicon) or on a unit inferred from the description
    GUESSED_LAYOUT = "guessed-layout"  # the reader had to guess the table layout; the cells may be misplaced

    @property
    def label(self) -> str:
        """The Chinese word shown to users."""
        return {"high": "确定", "inference": "推断", "guessed-layout": "版式推测"}[self.value]

    @property
    def note(self) -> str:
        """What a message says after it when the finding is not certain (（版式推测）), else nothing: the one place a
        finding's doubt is put into words beside its message, by whatever shows it (CLI, pages, export), so that the
        message itself never says it (it would be said twice)."""
        return "" if self is Confidence.HIGH else f"（{self.label}）"

    @property
    def explanation(self) -> str:
        """What :attr:`note` means, for a reader who asks (a page's tooltip, an export's column): empty when sure."""
        return {"high": "",
                "inference": "这项发现依据推断（对用词的理解、从说明推出的单位，或表中未印、按评分方案缺省的分值），请人工核对",
                "guessed-layout": "这项发现所依据的行读取不确定：单元格可能不在原表的位置，请核对原表"}[self.value]


class Edit(BaseModel):
    """One corrected value: which field of which row, what it says now and what it should say.

    ``field`` names a model field: ``target.operator``, ``target.unit``, ``target``, ``level1``, ``level2``,
    ``description``, ``name``, ``goals``, ``budget.total`` and so on. ``row`` is the indicator row, if any.
    """

    model_config = ConfigDict(frozen=True)

    field: str
    before: str | None = None
    after: str | None = None
    row: int | None = None
    indicator: str | None = None


class Fix(Worded):
    """A suggested correction: a one-line summary, the edits that carry it out and how safe they are. The summary is
    a message as data like a finding's: ``params`` (each a cell text, name or figure) fill the slots of ``template``,
    and :attr:`message` renders them, so that a cell holding braces stays as written and the words can change without
    the rule running again."""

    model_config = ConfigDict(frozen=True)
    # A fix stored before fixes kept their template (a stored finding, a JSON check result) holds its summary alone.
    stored_text: ClassVar[str] = "summary"

    applicability: Applicability
    edits: tuple[Edit, ...] = ()

    @classmethod
    def of(cls, applicability: Applicability | str, template: str, *,  # type: ignore[override]
           edits: tuple[Edit, ...] | list[Edit] = (), **params: str | Decimal | Phrase) -> Fix:
        """A fix whose summary is ``template`` filled by ``params``; a :class:`Phrase` parameter is put in place of its
        slot (:func:`spliced`), so that what is stored is one template and its data."""
        return super().of(template, params, applicability=Applicability(applicability), edits=tuple(edits))

    @computed_field  # type: ignore[prop-decorator]
    @property
    def summary(self) -> str:
        """The summary in Chinese: its :attr:`message`, under the name clients of the JSON output and the API read it
        by since before fixes kept their template."""
        return self.message


class Finding(Worded):
    """One problem found in one place, a message as data: ``params`` fill the slots of ``template``; :attr:`message`
    renders them.

    ``sheet`` is the sheet's key (project code or name); ``indicator`` the 三级指标 name or None for a finding
    about the whole sheet.
    """

    model_config = ConfigDict(frozen=True)

    rule: str
    name: str
    severity: Severity
    dimension: Dimension
    source: str
    sheet: str | None = None
    indicator: str | None = None
    location: Location = Location()
    fix: Fix | None = None
    confidence: Confidence = Confidence.HIGH

    def contract(self) -> dict[str, object]:
        """The JSON object of ``jixiao check --format json`` (the documented keys first, then extras): the message as
        rendered, and its ``template`` with its ``params`` (figures as displayed) for a client that renders its own."""
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "dimension": self.dimension.value,
            "source": self.source,
            "sheet": self.sheet,
            "indicator": self.indicator,
            "message": self.message,
            "fix": self.fix.model_dump(mode="json") if self.fix else None,
            "name": self.name,
            "confidence": self.confidence.value,
            "location": self.location.model_dump(mode="json", exclude_none=True),
            "template": self.template,
            "params": {key: shown(value) for key, value in self.params.items()},
        }


