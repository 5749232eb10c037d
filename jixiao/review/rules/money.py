"""Money and the spending plan: budget = fiscal + other; the year's within the whole span's; the plan is cumulative
and ends at 100."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.model import Checkpoint, MoneyUnit, Severity
from jixiao.model.amounts import amount_text
from jixiao.model.lexicon import fold
from jixiao.review.context import SheetContext
from jixiao.review.finding import Applicability, Dimension, Edit, Finding, Fix
from jixiao.review.forms import shows_field
from jixiao.review.rule import Rule, RuleDocs
from jixiao.review.sources import GOALS_2015, LOCAL, MONITORING_2019

_MATCHED = GOALS_2015.at("第十二条（相应匹配）")
# the goals of the span a project runs and of its year, each with its money (中期资金总额 | 年度资金总额)
# The article number is not cited: no copy of the text could be checked here, and a wrong number misleads more than none.
PERIOD_AND_YEAR = GOALS_2015.at("中长期绩效目标和年度绩效目标的划分")


class BudgetPartsMismatch(Rule):
    code = "JX701"
    name = "budget-parts-do-not-add-up"
    title = "预算数不等于各项资金来源之和"
    severity = Severity.ERROR
    dimension = Dimension.APPROPRIATENESS
    source = _MATCHED
    message = "预算数{total}不等于{parts}之和{sum}"
    docs = RuleDocs(
        what="预算数是否等于表中列出的各项资金来源之和：“其中：财政资金”（一般公共预算）、“其他资金”，以及表中另列的"
             "政府性基金、国有资本经营预算、上年结转资金、纳入专户管理的非税收入等。自评表、监控表中为警告（预算可能年中调整过，应说明理由）。"
             "PDF 文本中资金表的数字与栏目对不上（读取时已提示）时，读到的两项都是 0 不报告：这些 0 可能是其他行的。"
             "表中只列出一项来源（其中：当年市级财政资金）、没有“其他资金”一栏时不报告：其余资金的来源表中没有列出。",
        why="资金来源对不上，目标表与预算申报就不一致，批复时会被退回。",
        bad="预算数 18.00；财政资金 15.00；其他资金 2.00",
        good="预算数 18.00；财政资金 16.00；其他资金 2.00",
        fix="按预算申报核对预算数与各项资金来源。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        budget = ctx.sheet.budget
        if budget.total is None or budget.fiscal is None:
            return
        if budget.other is None and ctx.sheet.form_fields and not shows_field(ctx.sheet, "其他资金"):
            # a form that lists one source under its total (项目金额 164万元，其中：当年市级财政资金 132万元) and prints no
            # 其他资金 row does not say the rest is nothing: the other sources are not its to list (corpus 146)
            return
        other = budget.other or Decimal(0)
        parts = budget.parts() or Decimal(0)
        if not parts and ctx.money_unaligned:
            # bare zeros beside the parts' labels of a flow the reader could not align are likelier the unfilled rows'
            # (上年结转资金 0 0 —) than the parts' (corpus 208: 其中:当年财政拨款 0 0 — under a budget of 20000)
            return
        if parts != budget.total:
            fix = Fix.of(Applicability.NEEDS_HUMAN, "预算数改为{amount}，或更正资金来源", amount=amount_text(parts),
                      edits=(Edit(field="budget.total", before=amount_text(budget.total), after=amount_text(parts)),))
            # In a report the total may be the budget as adjusted during the year, the parts the initial ones: the
            # difference asks for the adjustment's reason rather than returning the report.
            severity = None if ctx.sets_goals else Severity.WARNING
            printed = [("财政资金", budget.fiscal), *budget.sources.items(), ("其他资金", other)]
            named = "、".join(f"{name}{amount_text(figure)}" for name, figure in printed)
            yield self.finding(ctx, column="budget", fix=fix, total=amount_text(budget.total), severity=severity,
                               parts=named, sum=amount_text(parts))


class YearAbovePeriodBudget(Rule):
    code = "JX706"
    name = "year-budget-above-period-budget"
    title = "年度资金总额超过中期资金总额"
    severity = Severity.WARNING
    dimension = Dimension.APPROPRIATENESS
    source = PERIOD_AND_YEAR
    message = "年度资金总额{total}{unit}超过了中期资金总额{period_total}{unit}"
    docs = RuleDocs(
        what="表中同时列出整个实施期的资金（中期资金总额、实施期资金总额、项目总预算）和当年的资金（年度资金总额、"
             "项目当年预算）时，当年的是否多于整个实施期的。",
        why="年度资金是实施期资金中当年安排的一部分，不可能多于整个实施期的；多半是两栏填反了，或中期资金漏算了年份。",
        bad="中期资金总额 170.00；年度资金总额 340.00",
        good="中期资金总额 510.00；年度资金总额 170.00",
        fix="核对两栏：中期资金总额填整个实施期的资金，年度资金总额填其中当年安排的资金。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        period, total = ctx.sheet.period, ctx.sheet.budget.total
        span = period.budget.total if period is not None else None
        if span is not None and total is not None and total > span:
            fix = Fix.of(Applicability.NEEDS_HUMAN, "核对中期资金总额与年度资金总额")
            yield self.finding(ctx, column="budget", fix=fix, total=amount_text(total), period_total=amount_text(span),
                               unit=(ctx.sheet.money_unit or MoneyUnit.WAN_YUAN).value)


class PlanDecreasing(Rule):
    code = "JX702"
    name = "spend-plan-decreasing"
    title = "资金支出计划不是累计数"
    severity = Severity.ERROR
    dimension = Dimension.FORM
    source = MONITORING_2019.at("（预算执行进度）")
    message = "资金支出计划“{label}”为{percent}%，低于前一时点“{previous_label}”的{previous}%，累计进度不应下降"
    docs = RuleDocs(
        what="资金支出计划各时点的百分比是否逐步上升（累计进度）。",
        why="支出计划是截至各时点的累计支出比例，只能持平或上升；下降说明填成了各季度的分段数。",
        bad="3月底 30；6月底 30；10月底 20；12月底 20",
        good="3月底 30；6月底 60；10月底 80；12月底 100",
        fix="改为累计比例：每个时点填写截至该时点累计支出占预算的百分比。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        points = [p for p in ctx.sheet.spend_plan if p.percent is not None]
        for previous, point in zip(points, points[1:]):
            if point.percent < previous.percent:
                yield self.finding(ctx, column="plan", label=point.label, percent=_pct(point.percent),
                                   previous_label=previous.label, previous=_pct(previous.percent))


class PlanNotEndingAt100(Rule):
    code = "JX703"
    name = "spend-plan-not-ending-at-100"
    title = "资金支出计划年底不是100%"
    severity = Severity.ERROR
    dimension = Dimension.FORM
    source = MONITORING_2019.at("（预算执行进度）")
    message = "资金支出计划最后一个时点“{label}”为{percent}%，全年累计应为100%"
    docs = RuleDocs(
        what="资金支出计划最后一个时点（通常为12月底）是否为100%。",
        why="年底累计支出应达到全部预算；不是100%说明计划没有安排完全部资金或填成了分段数。",
        bad="3月底 25；6月底 25；10月底 25；12月底 25",
        good="3月底 25；6月底 50；10月底 75；12月底 100",
        fix="最后一个时点填100，前面各时点填累计比例。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        points = [p for p in ctx.sheet.spend_plan if p.percent is not None]
        if points and points[-1].percent != 100:
            last = points[-1]
            fix = Fix.of(Applicability.NEEDS_HUMAN, "“{label}”改为100", label=last.label,
                      edits=(Edit(field="spend_plan", before=_pct(last.percent), after="100"),))
            yield self.finding(ctx, column="plan", fix=fix, label=last.label, percent=_pct(last.percent))


class PlanOutOfRange(Rule):
    code = "JX704"
    name = "spend-plan-percent-out-of-range"
    title = "资金支出计划百分比超出0～100"
    severity = Severity.ERROR
    dimension = Dimension.FORM
    source = MONITORING_2019.at("（预算执行进度）")
    message = "资金支出计划“{label}”为{percent}%，应在0～100之间"
    docs = RuleDocs(
        what="资金支出计划各时点的百分比是否在0到100之间。",
        why="累计支出比例不可能为负，也不可能超过预算的100%；多半是把金额填进了百分比栏。",
        bad="6月底 900",
        good="3月底 30；6月底 60；10月底 90；12月底 100",
        fix="填写累计支出占预算的百分比，而不是金额。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for point in ctx.sheet.spend_plan:
            if point.percent is not None and not 0 <= point.percent <= 100:
                yield self.finding(ctx, column="plan", label=point.label, percent=_pct(point.percent))


class PlanBelowMinimum(Rule):
    code = "JX705"
    name = "spend-plan-below-minimum"
    title = "资金支出进度低于地方要求"
    severity = Severity.WARNING
    dimension = Dimension.FEASIBILITY
    source = LOCAL.at("（分季度支出进度要求，由审核方案设定）")
    message = "资金支出计划截至{month}月底为{percent}%，低于要求的{minimum}%"
    defaults = {"minimums": {}}
    docs = RuleDocs(
        what="资金支出计划在审核方案规定的月份（如6月底、9月底）是否达到最低累计比例。"
        "中央默认方案不设要求；地方方案通过参数 minimums（月份→百分比）设定。",
        why="许多地方要求预算支出按季度均衡推进，进度过慢的项目会被收回资金或调减预算。",
        bad="（要求6月底不低于50%）3月底 10；6月底 30；10月底 80；12月底 100",
        good="（要求6月底不低于50%）3月底 25；6月底 55；10月底 85；12月底 100",
        fix="按本地要求调整支出计划；确有特殊情况的，在资金用途中说明。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        points = sorted((month, p.percent) for p in ctx.sheet.spend_plan
                        if p.percent is not None and (month := _month(p)) is not None)
        if not points:
            return
        for month_text, minimum in sorted(self.param(ctx, "minimums").items(), key=lambda kv: int(kv[0])):
            month = int(month_text)
            planned = _planned_by(points, month)
            if planned < Decimal(str(minimum)):
                yield self.finding(ctx, column="plan", month=month, percent=_pct(planned.quantize(Decimal("0.1"))),
                                   minimum=minimum)


def _planned_by(points: list[tuple[int, Decimal]], month: int) -> Decimal:
    """The cumulative percent planned by the end of ``month``, read linearly between checkpoints.

    Plans name their own months (3/6/10/12月底) while rules name others (6月、9月); spending between two
    checkpoints is taken as even, and nothing is spent before the year starts.
    """
    previous_month, previous = 0, Decimal(0)
    for point_month, percent in points:
        if point_month >= month:
            share = Decimal(month - previous_month) / Decimal(point_month - previous_month)
            return previous + (percent - previous) * share
        previous_month, previous = point_month, percent
    return previous


def _month(point: Checkpoint) -> int | None:
    match = re.search(r"(\d{1,2})月", fold(point.label))
    return int(match.group(1)) if match else None


def _pct(value: Decimal | None) -> str:
    return f"{(value or Decimal(0)).normalize():f}"
