"""What self-evaluation scoring produces: every score with its explanation, ready for a page, the CLI or JSON."""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel, Field

from jixiao.scoring.problems import InputProblem

__all__ = ["ItemScore", "Adjustment", "SheetScore"]


class ItemScore(BaseModel):
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
    explanation: str = Field(description="How the weight and the score were computed, in Chinese")
    flags: list[str] = Field(default_factory=list, description="Points a human reviewer should look at")
    deviation: str | None = Field(default=None, description="偏差原因分析及改进措施")


class Adjustment(BaseModel):
    """A change to the total by a local rule (e.g. the cap by execution rate)."""

    rule: str
    before: Decimal
    after: Decimal
    explanation: str


class SheetScore(BaseModel):
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
    explanation: str
    notes: list[str] = Field(default_factory=list, description="How weights were distributed and rescaled")
    missing: list[InputProblem] = Field(default_factory=list, description="Required fields still empty")

    @property
    def complete(self) -> bool:
        """True when nothing required is missing."""
        return not self.missing
