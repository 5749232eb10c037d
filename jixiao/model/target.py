"""A target (指标值): the text as written and what was understood from it."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from jixiao.model.numerals import BARE_FIGURE
from jixiao.model.wording import Worded

__all__ = ["NoteCode", "Operator", "Target", "TargetNote", "points_not_targets"]

# The points of a whole self-evaluation (a form's 分值 add to this).
_FULL_POINTS = Decimal(100)


class Operator(StrEnum):
    """The comparison a target states (指标性质 / 计算符号)."""

    GE = "≥"
    LE = "≤"
    EQ = "="
    GT = ">"
    LT = "<"
    RANGE = "range"


class NoteCode(StrEnum):
    """What a note on a target records; stable, so that rules can rely on it rather than on wording."""

    UNIT_INFERRED = "unit_inferred"  # the unit was taken from the description
    UNIT_MISSING = "unit_missing"  # no unit anywhere
    UNIT_REPEATED = "unit_repeated"  # the unit written twice (≥90%,百分比)
    LEFTOVER = "leftover"  # prose mixed into the cell
    GLUED_NUMBERS = "glued_numbers"  # ≥100100% read as ≥100 plus the description's 100%
    OPERATOR_CONFLICT = "operator_conflict"  # ≥ at the start, 以内 at the end
    PREFIX_NOT_OPERATOR = "prefix_not_operator"  # words before the number that are not an operator
    NOT_UNDERSTOOD = "not_understood"  # neither a number nor a known qualitative value
    TEMPLATE_RESIDUE = "template_residue"  # template text left before the value: (≥**株)>=17600株
    OCR_REPAIRED = "ocr_repaired"  # a conversion error whose repair is certain: 二100百分比 is =100%
    OCR_SUSPECTED = "ocr_suspected"  # perhaps a conversion error, left as written: 292% may be ≥92%


class TargetNote(Worded):
    """One thing the parser inferred or could not place, with a Chinese explanation: a message as data, its
    parameters the cell's text or parts of it (one stored before notes kept their template holds its message alone,
    read as a template of no slots)."""

    model_config = ConfigDict(frozen=True)

    code: NoteCode


# A cell holding a number alone, as a form with operator and unit columns prints its 指标值 (95, 12.5).


class Target(BaseModel):
    """One 指标值 cell.

    ``raw`` is exactly what the document says. The other fields are what could be understood from it: a
    quantitative target has an operator, a value and a unit (``value_max`` too for a range); a qualitative one
    has ``qualitative``. ``notes`` explain anything left over or inferred, so that nothing is guessed silently.
    """

    model_config = ConfigDict(frozen=True)

    raw: str = ""
    operator: Operator | None = None
    value: Decimal | None = None
    value_max: Decimal | None = Field(default=None, description="Upper bound of a range target")
    unit: str | None = Field(default=None, description="Canonical unit, e.g. % 个 万元")
    unit_raw: str | None = Field(default=None, description="The unit as written or where it was taken from")
    unit_inferred: bool = Field(default=False, description="The unit was taken from surrounding text")
    qualitative: str | None = Field(default=None, description="A statement target in Simplified, e.g. 应保尽保")
    date: str | None = Field(default=None, description="A date or deadline as written, e.g. 2025年12月, 12月底前")
    leftover: str | None = Field(default=None, description="Prose in the cell besides the target itself")
    placeholder: bool = Field(default=False, description="The cell still holds template text such as ≥**")
    notes: list[TargetNote] = Field(default_factory=list)

    def has_note(self, code: NoteCode) -> bool:
        """True when the parser recorded a note of ``code``."""
        return any(note.code is code for note in self.notes)

    @property
    def is_quantitative(self) -> bool:
        """True when a number was understood."""
        return self.value is not None

    @property
    def bare_figure(self) -> Decimal | None:
        """The figure of a cell that holds only a number (20, 12.5): no operator, no unit, no words; else None."""
        if self.value is None or self.operator is not None or self.unit or self.leftover:
            return None
        return self.value

    @property
    def is_date(self) -> bool:
        """True when the target is a date or deadline (a time target, not a number of years or months)."""
        return self.date is not None

    @property
    def is_empty(self) -> bool:
        """True when the cell holds nothing."""
        return not self.raw.strip()

    @property
    def stated(self) -> str:
        """The target as the form states it, for the pages and messages that name it: the cell as written, or, for a
        cell holding a bare number that the form's operator and unit columns complete (95 under 指标性质 ≥ and 计量单位
        %), the number with them (≥95%). The cell alone would state a target of 95, which nobody set. A unit taken
        from the surrounding text is no column's and is not added."""
        written = self.raw.strip()
        understood = self.operator is not None or (self.unit is not None and not self.unit_inferred)
        if not understood or self.value is None or not BARE_FIGURE.fullmatch(written) or Decimal(written) != self.value:
            return self.raw
        own = self.model_copy(update={"unit": None, "unit_raw": None}) if self.unit_inferred else self
        return own.display()

    def display(self) -> str:
        """The target in its clean written form, e.g. ``≥18个`` or ``80-90%``."""
        operator = self.operator.value if self.operator and self.operator is not Operator.RANGE else ""
        if self.date is not None:
            return f"{operator}{self.date}"
        if self.value is None:
            return self.qualitative or self.raw
        # A unit that could not be understood completely (/株 without 元) is kept as written, never dropped.
        unit = self.unit or self.unit_raw or ""
        if self.operator is Operator.RANGE:
            return f"{self.value}-{self.value_max}{unit}"
        return f"{operator}{self.value}{unit}"


def points_not_targets(targets: Sequence[Target], apart: Decimal = Decimal(0)) -> bool:
    """True when ``targets`` have the shape of a column of points, not of targets: every one a bare figure
    (:attr:`Target.bare_figure`: 20, 20, 10, …) and together a self-evaluation's 100 points, or 100 less ``apart``
    (the points of the row scored apart from the indicators: the 预算执行率's 10). A form whose 指标值 column holds each
    row's 分值 shows it (corpus 207); so does its 实际完成值 column, holding the 得分, when every row earns full marks."""
    figures = [target.bare_figure for target in targets]
    if not figures or any(figure is None for figure in figures):
        return False
    return sum(figures, Decimal(0)) in (_FULL_POINTS, _FULL_POINTS - apart)
