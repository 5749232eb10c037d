"""Compact sheets, evaluations and profiles built in the tests."""

from __future__ import annotations

from decimal import Decimal

from jixiao.model import Budget, Checkpoint, GoalSheet, Indicator, IndicatorResult, SelfEvaluation
from jixiao.scoring import Profile, load_profile

LEVEL2 = {"产出指标": "数量指标", "效益指标": "社会效益指标", "满意度指标": "服务对象满意度指标", "成本指标": "经济成本指标"}


def sheet(*rows: tuple, budget: str = "100", plan: tuple = ()) -> GoalSheet:
    """rows: (level1, name, target[, weight[, direction]])."""
    indicators = [
        Indicator.from_cells(level1=row[0], level2=LEVEL2[row[0]], name=row[1], target=row[2],
                             weight=row[3] if len(row) > 3 else None, direction=row[4] if len(row) > 4 else None)
        for row in rows
    ]
    return GoalSheet(code="P-1", name="测试项目", budget=Budget(total=Decimal(budget)),
                     spend_plan=[Checkpoint(label=label, percent=Decimal(p)) for label, p in plan],
                     goals=["完成测试目标"], indicators=indicators)


def evaluation(spent: str, *results: dict, **extra) -> SelfEvaluation:
    """results in indicator order; each dict holds IndicatorResult fields (actual as text)."""
    items = []
    for position, fields in enumerate(results, start=1):
        fields = dict(fields)
        if "actual" in fields:
            fields["actual"] = Decimal(fields["actual"])
        items.append(IndicatorResult(indicator=position, deviation="原因与措施", **fields))
    return SelfEvaluation(sheet="P-1", spent=Decimal(spent), results=items, **extra)


def profile(name: str, **rules: bool) -> Profile:
    """A shipped profile with its local rules switched on or off: overshoot_deduction=True, execution_cap=False."""
    base = load_profile(name)
    switched = {rule: getattr(base.rules, rule).model_copy(update={"enabled": on, "source": "测试用的地方文件"})
                for rule, on in rules.items()}
    return base.model_copy(update={"rules": base.rules.model_copy(update=switched)})


def monitoring_profile(name: str = "central", **parts: dict) -> Profile:
    """A shipped profile with monitoring parts changed, e.g. floors={"enabled": False}."""
    base = load_profile(name)
    changed = {part: getattr(base.monitoring, part).model_copy(update=update) for part, update in parts.items()}
    return base.model_copy(update={"monitoring": base.monitoring.model_copy(update=changed)})
