"""Year-end self-evaluation inputs (绩效自评): what was achieved, as the preparer states it."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, Field, PositiveInt, model_validator

__all__ = ["QualitativeTier", "IndicatorResult", "SelfEvaluation", "SelfEvaluationSet"]


class QualitativeTier(StrEnum):
    """The three tiers of a qualitative indicator (财预〔2020〕10号 评分标准)."""

    MET = "达成预期指标"
    PARTIAL = "部分达成预期指标并具有一定效果"
    NOT_MET = "未达成预期指标且效果较差"


class IndicatorResult(BaseModel):
    """One indicator's year-end result.

    ``indicator`` is the 1-based position in the sheet and ``name`` its 三级指标. A quantitative indicator gives
    ``actual`` (实际完成值); a qualitative one gives ``tier``, ``tier_percent`` (the score chosen inside the
    tier's band, as a percent of the indicator's weight) and ``tier_reason``. ``deviation`` is
    偏差原因分析及改进措施, required by scoring for every indicator short of full marks.
    """

    indicator: PositiveInt
    name: str = ""
    actual: Decimal | None = None
    actual_raw: str | None = Field(default=None, description="实际完成值 as written")
    tier: QualitativeTier | None = None
    tier_percent: Decimal | None = Field(default=None, ge=0, le=100)
    tier_reason: str | None = None
    not_applicable: bool = False
    deviation: str | None = None
    score: Decimal | None = Field(default=None, description="得分 as printed in a self-evaluation table that was read")
    score_raw: str | None = Field(default=None, description="得分 as written")
    weight_raw: str | None = Field(default=None, description="分值/权重 as written")

    @property
    def label(self) -> str:
        """How messages name the indicator."""
        return f"“{self.name}”" if self.name else f"第{self.indicator}项指标"

    @model_validator(mode="after")
    def _tier_complete(self) -> IndicatorResult:
        if self.not_applicable:
            return self
        if self.tier is None and self.tier_percent is not None:
            raise ValueError(f"指标{self.label}填写了得分比例，但未选择定性评价档次")
        if self.tier is not None:
            missing = [w for w, given in (("得分比例", self.tier_percent is not None),
                                          ("评分理由", bool((self.tier_reason or "").strip()))) if not given]
            if missing:
                raise ValueError(f"指标{self.label}选择了定性档次“{self.tier}”，须填写{'和'.join(missing)}")
        return self


class SelfEvaluation(BaseModel):
    """One sheet's self-evaluation. ``sheet`` is the sheet's key (project code, or name when it has none).

    Money is in the sheet's money unit: ``budget_initial`` 年初预算数, ``budget_full`` 全年预算数 (defaults to
    the sheet's budget), ``spent`` 全年执行数.
    """

    sheet: str
    budget_initial: Decimal | None = Field(default=None, ge=0)
    budget_full: Decimal | None = Field(default=None, ge=0)
    spent: Decimal | None = Field(default=None, ge=0)
    overall_actual: str | None = Field(default=None, description="年度总体目标实际完成情况")
    results: list[IndicatorResult] = Field(default_factory=list)
    execution_rate: Decimal | None = Field(default=None, description="执行率 (%) as printed in a table that was read")
    claimed_total: Decimal | None = Field(default=None, description="The total score the table claims (总分/合计)")
    claimed_grade: str | None = Field(default=None, description="The grade the table claims (优/良/中/差)")

    def result_for(self, indicator: int) -> IndicatorResult | None:
        """The result given for the indicator at 1-based position ``indicator``, if any."""
        return next((r for r in self.results if r.indicator == indicator), None)


class SelfEvaluationSet(BaseModel):
    """An actuals file (JSON): the self-evaluations of several sheets."""

    evaluations: list[SelfEvaluation] = Field(default_factory=list)
