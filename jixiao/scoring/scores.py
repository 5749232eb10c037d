"""What self-evaluation scoring produces: every score with its explanation, ready for a page, the CLI or JSON."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from pydantic import BaseModel, Field, computed_field, model_validator

from jixiao.model.wording import Phrase, Worded
from jixiao.scoring.problems import InputProblem

__all__ = ["ItemScore", "Adjustment", "Explained", "SheetScore", "explained"]


class Explained(BaseModel):
    """How a figure was reached, as data: :attr:`explanation_wording`, a message as a finding's is
    (:class:`~jixiao.model.wording.Worded`), rendered late as :attr:`explanation`."""

    explanation_wording: Worded = Field(default_factory=lambda: Worded(template=""),
                                        description="How the figure was computed, as data")
    # The fields of messages kept as data (a message, or a list of them) by the name their texts, as rendered, were
    # stored under before they kept their templates: such a text is read as a template of no slots.
    texts_of: ClassVar[dict[str, str]] = {"explanation": "explanation_wording"}

    @model_validator(mode="before")
    @classmethod
    def _stored_as_text(cls, data: object) -> object:
        """A value stored before it kept its messages as data holds their texts alone (under the names of
        :attr:`texts_of`), or (as stored before a working was a message of its own) its explanation's template and
        parameters beside its other fields."""
        if not isinstance(data, dict):
            return data
        if "explanation_wording" not in data and "explanation_template" in data:
            data = {**data, "explanation_wording": {"template": data["explanation_template"],
                                                    "params": data.get("explanation_params", {})}}
        kept = {kept: data[rendered] for rendered, kept in cls.texts_of.items() if kept not in data and rendered in data}
        return {**data, **kept} if kept else data

    @computed_field  # type: ignore[prop-decorator]
    @property
    def explanation(self) -> str:
        """How the figure was computed, in Chinese."""
        return self.explanation_wording.message


def explained(phrase: Phrase) -> dict[str, object]:
    """The fields of :class:`Explained` for ``phrase`` (its inner phrases put in place)."""
    return {"explanation_wording": Worded.of_phrase(phrase)}


class ItemScore(Explained):
    """One scored line of the 自评表: 预算执行率 (``indicator`` None) or an indicator (1-based position)."""

    indicator: int | None = None
    level1: str
    level2: str | None = None
    name: str
    target: str = Field(description="年度指标值 as approved")
    actual: str = Field(description="实际完成值 as shown")
    weight: Decimal = Field(description="分值, after rescaling, rounded by the profile")
    score: Decimal | None = Field(description="得分, rounded by the profile; None when not applicable")
    not_applicable: bool = False
    full_marks: bool = False
    flag_wordings: list[Worded] = Field(default_factory=list, description="Points a human reviewer should look at")
    deviation: str | None = Field(default=None, description="偏差原因分析及改进措施")
    texts_of = {**Explained.texts_of, "flags": "flag_wordings"}

    @computed_field  # type: ignore[prop-decorator]
    @property
    def flags(self) -> list[str]:
        """The points a human reviewer should look at, in Chinese."""
        return [flag.message for flag in self.flag_wordings]


class Adjustment(Explained):
    """A change to the total by a local rule (e.g. the cap by execution rate)."""

    rule: str
    before: Decimal
    after: Decimal


class SheetScore(Explained):
    """The self-evaluation score of one sheet under one profile."""

    sheet: str
    name: str | None = None
    unit: str | None = Field(default=None, description="The budget unit's name")
    money_unit: str | None = None
    profile: str
    profile_label: str = Field(default="", description="The profile's Chinese name, as reports print it")
    fiscal: Decimal | None = Field(default=None, description="其中：财政资金 in the approved budget")
    other: Decimal | None = Field(default=None, description="其他资金 in the approved budget")
    budget_initial: Decimal | None = None
    budget_full: Decimal
    spent: Decimal
    execution_rate: Decimal = Field(description="执行率 in %, rounded by the profile")
    goals: list[str] = Field(default_factory=list)
    overall_actual: str | None = None
    items: list[ItemScore]
    subtotal: Decimal = Field(description="Sum of the scores before local adjustments")
    adjustments: list[Adjustment] = Field(default_factory=list)
    total: Decimal
    grade: str
    note_wordings: list[Worded] = Field(default_factory=list, description="How weights were distributed and rescaled")
    missing: list[InputProblem] = Field(default_factory=list, description="Required fields still empty")
    texts_of = {**Explained.texts_of, "notes": "note_wordings"}

    @computed_field  # type: ignore[prop-decorator]
    @property
    def notes(self) -> list[str]:
        """How weights were distributed and rescaled, in Chinese."""
        return [note.message for note in self.note_wordings]

    @property
    def complete(self) -> bool:
        """True when nothing required is missing."""
        return not self.missing
