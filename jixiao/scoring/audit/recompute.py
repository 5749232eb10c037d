"""Recomputing a printed self-evaluation: what each printed score should be, from the printed figures.

Each row is recomputed with its own printed 分值 (the weights the bureau approved), so that a difference means
the score does not follow from the actual and the target, not that jixiao weighs differently. Where a row has no
printed 分值, the profile's default share is used and the formula says so. The 预算执行率 row follows the
profile (central: 分值 × min(执行率, 100%)); the total is the sum of the recomputed rows, the grade the
profile's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.model import GoalSheet, ReportedEvaluation, parse_target
from jixiao.scoring.profile import Profile
from jixiao.scoring.scores import Adjustment
from jixiao.scoring.self_evaluation import execution_cap, overshoot_rule
from jixiao.scoring.target_rules import attainment, number, sense_of

__all__ = ["Recomputation", "RecomputedItem", "recompute", "tolerance", "weight_rounding"]

_HUNDRED = Decimal(100)


def tolerance(printed: Decimal | None) -> Decimal:
    """How far a printed figure may be from the exact one: half a unit of its last printed decimal, at least
    0.005 (a score printed as 1.9 stands for 1.85–1.95)."""
    if printed is None:
        return Decimal("0.005")
    exponent = printed.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return max(Decimal(5) / (Decimal(10) ** (places + 1)), Decimal("0.005"))


def weight_rounding(weight: Decimal | None) -> Decimal:
    """A weight printed with decimals (16.67) was rounded; a whole weight (20) is exact."""
    if weight is None or weight == weight.to_integral_value():
        return Decimal(0)
    return tolerance(weight)


@dataclass
class RecomputedItem:
    """One row side by side: what was printed and what the figures support."""

    indicator: int | None  # None: the 预算执行率 row
    name: str
    level1: str
    target: str
    actual: str
    weight: Decimal | None
    printed: Decimal | None
    expected: Decimal | None  # None: cannot be recomputed (qualitative, or no number to compare)
    formula: str
    share: Decimal | None = None  # the share of the weight the actual earns (0–1)
    qualitative_actual: bool = False
    row: int | None = None
    exact: Decimal | None = None  # weight × share before rounding

    @property
    def difference(self) -> Decimal | None:
        """Printed minus expected, or None when either is missing."""
        if self.printed is None or self.expected is None:
            return None
        return self.printed - self.expected

    @property
    def off(self) -> bool:
        """True when the printed score is further from the exact one than the printed precision of the score
        and of the weight allow (a weight printed as 16.67 stands for 16.665–16.675)."""
        if self.printed is None or self.exact is None:
            return False
        allowed = tolerance(self.printed) + (self.share or 0) * weight_rounding(self.weight)
        return abs(self.printed - self.exact) > allowed


@dataclass
class Recomputation:
    """A whole printed self-evaluation recomputed."""

    sheet: str
    items: list[RecomputedItem] = field(default_factory=list)
    execution_rate: Decimal | None = None  # 执行数 ÷ 预算数, in %
    printed_total: Decimal | None = None
    printed_sum: Decimal | None = None  # the printed row scores added up
    printed_capped: Decimal | None = None  # printed_sum under the profile's cap for a low execution rate, if any
    expected_total: Decimal | None = None
    expected_grade: str | None = None
    cap: Adjustment | None = None  # the profile's cap applied to the recomputed total

    @property
    def execution(self) -> RecomputedItem | None:
        return next((item for item in self.items if item.indicator is None), None)


def _execution(report: ReportedEvaluation, profile: Profile) -> tuple[RecomputedItem, Decimal | None]:
    weight = report.execution_weight if report.execution_weight is not None else profile.execution.weight
    how = "" if report.execution_weight is not None else f"（表中未印分值，按评分方案“{profile.label}”取 {number(weight)}）"
    rate = None
    if report.spent is not None and report.budget_full:
        rate = report.spent / report.budget_full * _HUNDRED
    elif report.execution_rate is not None:
        rate = report.execution_rate
    if rate is None:
        return RecomputedItem(None, profile.execution.label, profile.execution.label, "100%", "", weight,
                              report.execution_score, None, "缺少全年预算数或全年执行数，无法复算执行率"), None
    share = min(rate / _HUNDRED, Decimal(1))
    exact = weight * share
    expected = profile.rounding(exact)
    source = (f"执行率 = 全年执行数 {number(report.spent)} ÷ 全年预算数 {number(report.budget_full)} = {profile.rounding(rate)}%"
              if report.spent is not None and report.budget_full else f"执行率按表中所印 {number(rate)}%")
    cap = "（超过100%按100%计）" if rate > _HUNDRED else ""
    formula = f"{source}；得分 = 分值 {number(weight)}{how} × 执行率{cap} = {expected}"
    return RecomputedItem(None, profile.execution.label, profile.execution.label, "100%", f"{profile.rounding(rate)}%",
                          weight, report.execution_score, expected, formula, share=share, exact=exact), rate


def _indicator(sheet: GoalSheet, position: int, report: ReportedEvaluation, profile: Profile) -> RecomputedItem:
    indicator = sheet.indicators[position - 1]
    item = report.item_for(position)
    target = indicator.target
    weight = item.weight if item and item.weight is not None else indicator.weight
    actual_raw = (item.actual_raw or "").strip() if item else ""
    common = dict(indicator=position, name=indicator.name, level1=indicator.level1 or indicator.level1_raw or "",
                  target=target.raw, actual=actual_raw, weight=weight, printed=item.score if item else None,
                  row=item.row if item else None)
    if not actual_raw:
        return RecomputedItem(**common, expected=None, formula="没有实际完成值，无法复算")
    actual = parse_target(actual_raw)
    if target.value is None:
        return RecomputedItem(**common, expected=None, formula="定性指标：得分由评价档次决定，按表中所印核对是否超过分值")
    if actual.value is None:
        return RecomputedItem(**common, expected=None, qualitative_actual=True,
                              formula=f"目标是数值 {target.raw}，实际完成值“{actual_raw}”不是数值，无法计算完成比例")
    if weight is None:
        return RecomputedItem(**common, expected=None, formula="表中没有这一行的分值，无法复算")
    sense, note = sense_of(target, indicator.direction)
    reached = attainment(target, sense, actual.value)
    formula = f"得分 = 分值 {number(weight)} × {reached.formula} = {profile.rounding(weight * reached.share)}"
    if note:
        formula = f"{note}；{formula}"
    # The profile's local deduction for a large overshoot, when it is on, as the scoring applies it.
    exact, _, formula = overshoot_rule(profile, sense, reached.overshoot, weight * reached.share, True, formula, [])
    share = exact / weight if weight else reached.share
    return RecomputedItem(**common, expected=profile.rounding(exact), formula=formula, share=share, exact=exact)


def recompute(sheet: GoalSheet, profile: Profile) -> Recomputation:
    """Every printed row of ``sheet.evaluation`` recomputed under ``profile``."""
    report = sheet.evaluation or ReportedEvaluation()
    execution, rate = _execution(report, profile)
    items = [execution] + [_indicator(sheet, n, report, profile) for n in range(1, len(sheet.indicators) + 1)]
    printed = [item.printed for item in items if item.printed is not None]
    expected, cap = None, None
    if all(item.expected is not None or item.printed is not None for item in items):
        # Where a row cannot be recomputed, its printed score stands (bounded by its weight).
        expected = profile.rounding(sum(
            (item.expected if item.expected is not None else min(item.printed, item.weight or item.printed))
            for item in items))
        cap = _capped(profile, rate, expected)
        expected = cap.after if cap else expected
    printed_sum = sum(printed) if printed else None
    printed_cap = _capped(profile, rate, printed_sum)
    return Recomputation(
        sheet=sheet.key, items=items, execution_rate=rate, printed_total=report.total,
        printed_sum=printed_sum, printed_capped=printed_cap.after if printed_cap else None, expected_total=expected,
        expected_grade=profile.grade(expected) if expected is not None else None,
        cap=cap,
    )


def _capped(profile: Profile, rate: Decimal | None, total: Decimal | None) -> Adjustment | None:
    if rate is None or total is None:
        return None
    adjustments = execution_cap(profile, rate, total)
    return adjustments[-1] if adjustments else None
