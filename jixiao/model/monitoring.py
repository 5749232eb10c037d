"""The preparer's answers in a mid-year monitoring table (运行监控表), one per indicator."""

from __future__ import annotations

import re
from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, Field, PositiveInt, model_validator

__all__ = ["DeviationCause", "Likelihood", "MonitoringAnswer", "parse_likelihood"]


class DeviationCause(StrEnum):
    """偏差原因: the causes a monitoring table offers (财预〔2019〕136号 template)."""

    FUNDING = "经费保障"
    RULES = "制度保障"
    STAFF = "人员保障"
    HARDWARE = "硬件条件保障"
    OTHER = "其他"


class Likelihood(StrEnum):
    """完成目标可能性: whether the year's target will still be reached."""

    CERTAIN = "确定能"
    POSSIBLE = "有可能"
    IMPOSSIBLE = "完全不可能"


class MonitoringAnswer(BaseModel):
    """What the preparer says about one indicator at a monitoring date.

    ``indicator`` is the indicator's 1-based position in its sheet and ``name`` its 三级指标. Anything short of
    确定能 needs at least one cause and a remedy (改进措施); ``expected_value`` is the preparer's own
    全年预计完成值 when they state one instead of jixiao's projection.
    """

    indicator: PositiveInt
    name: str = ""
    likelihood: Likelihood = Likelihood.CERTAIN
    causes: list[DeviationCause] = Field(default_factory=list)
    cause_note: str | None = Field(default=None, description="偏差原因说明")
    remedy: str | None = Field(default=None, description="改进措施")
    expected_value: Decimal | None = None

    @model_validator(mode="after")
    def _explained_when_uncertain(self) -> MonitoringAnswer:
        if self.likelihood is Likelihood.CERTAIN:
            return self
        missing = [label for label, given in (("偏差原因", self.causes), ("改进措施", (self.remedy or "").strip())) if not given]
        if missing:
            raise ValueError(
                f"指标“{self.name or f'第{self.indicator}项'}”的完成目标可能性为“{self.likelihood}”，"
                f"须填写{'和'.join(missing)}"
            )
        return self


def parse_likelihood(text: str | None) -> Likelihood | None:
    """Read a 完成目标可能性 cell (``确定能``, ``有可能``, ``不可能``/``完全不可能``); None when not understood."""
    # (the provinces' forms add what is to be done: 确定能完成, 有可能实现, 无法完成)
    key = _ACHIEVED.sub("", "".join((text or "").split()))
    if key in ("确定能", "能", "确定", "能够", "可以", "确定可以"):
        return Likelihood.CERTAIN
    if key in ("有可能", "可能"):
        return Likelihood.POSSIBLE
    if key in ("不可能", "完全不可能", "不能", "无法"):
        return Likelihood.IMPOSSIBLE
    return None


_ACHIEVED = re.compile(r"(?:完成|实现|达到|达成)(?:目标)?$")
