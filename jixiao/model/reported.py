"""What a unit printed in its own 绩效自评表 or 运行监控表: the claims a bureau audits.

A self-evaluation document carries the goal sheet (indicators with their targets) and, per row, what the unit
says it achieved and what it scored itself; the figures are kept exactly as printed (a score of 1.9 stays 1.9,
an actual of 完成 stays text), because the audit (:mod:`jixiao.scoring.audit`) checks whether they follow from
each other. Nothing here is computed.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pydantic import BaseModel, Field

from jixiao.model.monitoring import Likelihood

__all__ = ["ReportedEvaluation", "ReportedItem", "ReportedMonitoring", "ReportedPart", "ReportedProgress",
           "not_applicable"]

# A 指标值 cell that says the indicator does not apply: 不适用, 不涉及, 无, or only a dash or slash.
_NO_TARGET = re.compile(r"不适用|不涉及|无|[/／\\—－\-]+")
# An 实际完成值 cell that says so: only the words (无 or a dash there may mean “none occurred”, an actual of 0).
_NOT_APPLICABLE = re.compile(r"不适用|不涉及")
# A money table's heading of the 预算执行率 row's points: 分值, 得分 (评分, 权重 in some forms).
_POINTS_HEADING = re.compile(r"分值|得分|评分|权重")


def not_applicable(target: str | None, actual: str | None, score: Decimal | None) -> bool:
    """Whether a printed row is marked 不适用: its 指标值 says so, or its 实际完成值 says 不适用/不涉及, and it is not
    scored (a row scored above 0 was evaluated, whatever its cells say)."""
    if score is not None and score > 0:
        return False
    return any(text and pattern.fullmatch("".join(text.split()))
               for pattern, text in ((_NO_TARGET, target), (_NOT_APPLICABLE, actual)))


class ReportedItem(BaseModel):
    """One scored row of a printed 自评表. ``indicator`` is the 1-based position in the sheet's indicators."""

    indicator: int = Field(ge=1)
    actual_raw: str | None = Field(default=None, description="实际完成值 as printed")
    weight: Decimal | None = Field(default=None, description="分值 (权重) as printed")
    score: Decimal | None = Field(default=None, description="得分 as printed")
    deviation: str | None = Field(default=None, description="偏差原因分析及改进措施 as printed")
    row: int | None = Field(default=None, description="Row in the source table, for messages")
    not_applicable: bool = Field(
        default=False, description="The row is marked 不适用 (不涉及, 无, /) and not scored: it earns nothing and "
                                   "its 分值 is not part of the total (see not_applicable)")


class ReportedPart(BaseModel):
    """One source's row of the money table under its total, as printed (其中：中央财政资金 | 2000 | 1157.9 | 57.89%;
    其中：当年财政拨款 | 5.28 | 1.96 | 1.96)."""

    label: str = Field(description="The row's label as printed, without 其中")
    budget_initial: Decimal | None = Field(default=None, description="年初预算数")
    budget_full: Decimal | None = Field(default=None, description="全年预算数")
    spent: Decimal | None = Field(default=None, description="全年执行数")
    line: int | None = Field(default=None, description="Line of the source file, for messages")


class ReportedEvaluation(BaseModel):
    """A printed 项目支出绩效自评表: money, the 预算执行率 row, every indicator row, the claimed total and grade."""

    budget_initial: Decimal | None = Field(default=None, description="年初预算数")
    budget_full: Decimal | None = Field(default=None, description="全年预算数")
    spent: Decimal | None = Field(default=None, description="全年执行数")
    execution_rate: Decimal | None = Field(default=None, description="执行率 in % as printed")
    execution_weight: Decimal | None = Field(default=None, description="预算执行率 的分值 as printed")
    execution_score: Decimal | None = Field(default=None, description="预算执行率 的得分 as printed")
    budget_note: str | None = Field(
        default=None, description="The money table's 原因/说明 cell as printed (why the budget was adjusted or "
                                  "not fully executed); None when the form has none or it is left blank")
    money_headings: list[str] = Field(
        default_factory=list, description="The money table's headings as printed (年初预算数, 全年执行数, 分值 …), so "
                                          "that a 得分 left blank can be told from one the form lacks; empty when "
                                          "not read")
    parts: list[ReportedPart] = Field(
        default_factory=list, description="The money table's rows of the total's sources (其中：中央财政资金, 地方财政资金, "
                                          "其他资金 …), in the order printed; empty when none is printed or read")
    items: list[ReportedItem] = Field(default_factory=list)
    total: Decimal | None = Field(default=None, description="总分 as printed")
    grade: str | None = Field(default=None, description="自评等级 as printed")
    overall_actual: str | None = Field(default=None, description="年度总体目标实际完成情况")
    notes: list[str] = Field(default_factory=list, description="Other text of the form (说明, instructions left in)")
    cut: bool = Field(
        default=False, description="The copy stops inside the table (a partial web copy): rows after the cut are "
                                   "missing, so the printed 分值 and 得分 do not add up to the whole table")
    headless: bool = Field(
        default=False, description="The table's header is not in the file (a copy that starts inside the table, its "
                                   "columns inferred from the rows): rows before the first one read may be missing, "
                                   "so the printed 分值 and 得分 need not add up to the whole table")

    def item_for(self, indicator: int) -> ReportedItem | None:
        """The printed row of the indicator at 1-based position ``indicator``, if any."""
        return next((item for item in self.items if item.indicator == indicator), None)

    @property
    def execution_scored(self) -> bool:
        """Whether the form gives the 预算执行率 row points: True unless the money table's headings were read and
        none is a 分值 or 得分 (a 部门整体 form's 年初预算 | 年中调整 | 小计 | 拨付金额 | 支出实现率 | 结余, corpus 238)."""
        return not self.money_headings or any(_POINTS_HEADING.search(text) for text in self.money_headings)


class ReportedProgress(BaseModel):
    """One indicator row of a printed 运行监控表."""

    indicator: int = Field(ge=1)
    actual_raw: str | None = Field(default=None, description="1–N月实际完成值 as printed")
    projected_raw: str | None = Field(default=None, description="全年预计完成值 as printed")
    likelihood: Likelihood | None = Field(default=None, description="完成目标可能性")
    cause: str | None = Field(default=None, description="偏差原因")
    remedy: str | None = Field(default=None, description="改进措施")
    row: int | None = None


class ReportedMonitoring(BaseModel):
    """A printed 运行监控表: the period, the money to date and each indicator's progress."""

    months: int | None = Field(default=None, ge=1, le=12, description="The period is 1–N月")
    budget: Decimal | None = Field(default=None, description="全年预算数 (年初预算数 where no other is given)")
    spent: Decimal | None = Field(default=None, description="1–N月执行数")
    execution_rate: Decimal | None = Field(default=None, description="执行率 in % as printed")
    projected_spent: Decimal | None = Field(default=None, description="全年预计执行数")
    money_headings: list[str] = Field(
        default_factory=list, description="The money table's headings as printed (年初预算数, 1-6月执行数, 全年预计执行数 …), "
                                          "so that a printed column left blank can be told from one the form lacks")
    items: list[ReportedProgress] = Field(default_factory=list)
    notes: list[str] = Field(
        default_factory=list, description="The closing fields below the grid as label：text (偏差或不能完成目标原因分析, "
                                          "相关建议或举措 …): the cause and the remedy written once for the whole table")
