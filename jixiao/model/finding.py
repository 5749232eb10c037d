"""A finding: one problem a rule found, as a single serialisable value.

The CLI, the web pages and the API all render the same :class:`Finding`. Its message is a template with named
slots (``{indicator}``, ``{value}``…) rendered late, so that a translation or a different wording never needs
the rule to run again; the fix is a value with a safety level, as ruff's ``Applicability``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, computed_field

from jixiao.model.diagnostic import Location, Severity

__all__ = ["Applicability", "Confidence", "Dimension", "Edit", "Finding", "Fix", "Phrase", "listed", "render", "spliced"]


def _text(value: str | Decimal) -> str:
    """A parameter as a message shows it: a figure as the rule gave it, at its own precision and never with an
    exponent (Decimal("1E+2") is 100, Decimal("8.30") stays 8.30), any other value as it is."""
    return format(value, "f") if isinstance(value, Decimal) else value


# A message parameter: a figure stays a Decimal from the rule to the page; stored as JSON it is its text (as shown), which
# renders the same when a stored finding is loaded again.
Param = Annotated[str | Decimal, PlainSerializer(_text, return_type=str, when_used="json")]


def render(template: str, params: Mapping[str, str | Decimal]) -> str:
    """``template`` with its slots filled by ``params``: the one way a finding's message (and a phrase) is put into
    words, by the CLI, the pages and the API alike."""
    return template.format_map({key: _text(value) for key, value in params.items()})


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


class Fix(BaseModel):
    """A suggested correction: a one-line summary, the edits that carry it out and how safe they are."""

    model_config = ConfigDict(frozen=True)

    applicability: Applicability
    summary: str
    edits: tuple[Edit, ...] = ()


class Finding(BaseModel):
    """One problem found in one place.

    ``sheet`` is the sheet's key (project code or name); ``indicator`` the 三级指标 name or None for a finding
    about the whole sheet. ``params`` fill the slots of ``template``; :attr:`message` renders them.
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
    template: str
    params: dict[str, Param] = Field(default_factory=dict)
    fix: Fix | None = None
    confidence: Confidence = Confidence.HIGH

    @computed_field  # type: ignore[prop-decorator]
    @property
    def message(self) -> str:
        """The message in Chinese, its slots filled."""
        return render(self.template, self.params)

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
            "params": {key: _text(value) for key, value in self.params.items()},
        }


_SLOT = re.compile(r"\{(\w+)\}")


def listed(item: str, values: Sequence[Mapping[str, object]], separator: str = "、") -> tuple[str, dict[str, str]]:
    """A list for a message whose items stay data: the template text of ``values``, each written as ``item`` (a
    template of its own slots: ``“{name}”（{raw}）``) with its slots numbered (``{name_1}``, ``{raw_1}``…), and the
    parameters that fill them. A rule puts the text into its template; each parameter stays one name, cell or figure.
    """
    parts, params = [], {}
    for number, value in enumerate(values, 1):
        parts.append(_SLOT.sub(rf"{{\1_{number}}}", item))
        params.update({f"{key}_{number}": str(slot) for key, slot in value.items()})
    return separator.join(parts), params


@dataclass(frozen=True)
class Phrase:
    """Words a computation of the core puts into a message (a recomputed score's working, a spending plan's
    interpolation), still as data: a template and the parameters that fill it, a parameter being a figure, a text or
    a phrase of its own. A rule passes it as one slot of its finding, and the finding takes its template in place of
    the slot and its parameters under the slot's name (:func:`spliced`), so that what is stored and rendered is one
    template and its data; shown on its own (a table's column), it is rendered by :func:`render` too."""

    template: str
    params: Mapping[str, str | Decimal | Phrase] = field(default_factory=dict)

    def then(self, other: Phrase, separator: str = "；") -> Phrase:
        """This phrase followed by ``other``; their slots must not name different values."""
        clash = [key for key in self.params.keys() & other.params.keys() if self.params[key] != other.params[key]]
        if clash:
            raise ValueError(f"phrase slots given twice: {', '.join(sorted(clash))}")
        return Phrase(f"{self.template}{separator}{other.template}", {**self.params, **other.params})

    def __str__(self) -> str:
        return render(*spliced(self.template, self.params))


def spliced(template: str, params: Mapping[str, str | Decimal | Phrase]) -> tuple[str, dict[str, str | Decimal]]:
    """``template`` and ``params`` with every :class:`Phrase` parameter put in place: its template where its slot
    stood, its slots and parameters renamed under the slot's name (``{formula}`` holding ``分值 {weight}`` becomes
    ``分值 {formula_weight}``), as :func:`listed` numbers a list's."""
    flat: dict[str, str | Decimal] = {}
    for key, value in params.items():
        if isinstance(value, Phrase):
            inner, inner_params = spliced(value.template, value.params)
            template = template.replace(f"{{{key}}}", _SLOT.sub(rf"{{{key}_\1}}", inner))
            flat.update({f"{key}_{slot}": text for slot, text in inner_params.items()})
        else:
            flat[key] = value
    return template, flat
