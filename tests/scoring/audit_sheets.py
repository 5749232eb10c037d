"""Printed self-evaluations and monitoring tables for the audit tests, written compactly as rows."""

from __future__ import annotations

from decimal import Decimal

from jixiao.model import GoalSheet, Indicator, ReportedEvaluation, ReportedItem, ReportedMonitoring

D = Decimal


def printed(rows, *, budget=None, spent=None, rate=None, execution_weight=None, execution_score=None, total=None,
            grade=None, notes=(), overall_actual=None, name="测试项目", year=2023, initial=None,
            budget_note=None, cut=False, headless=False) -> GoalSheet:
    """A sheet with a printed 自评表. ``rows``: (level1, level2, name, target, actual, weight, score[, deviation]);
    ``cut``: the copy stops inside the table; ``headless``: its header is not in the file (it may start inside)."""
    indicators, items = [], []
    for number, row in enumerate(rows, start=1):
        level1, level2, indicator, target, actual, weight, score, *rest = row
        indicators.append(Indicator.from_cells(level1=level1, level2=level2, name=indicator, target=target,
                                               row=number + 10))
        items.append(ReportedItem(indicator=number, actual_raw=actual, weight=_d(weight), score=_d(score),
                                  deviation=rest[0] if rest else None, row=number + 10))
    return GoalSheet(name=name, year=year, indicators=indicators, evaluation=ReportedEvaluation(
        budget_initial=_d(initial), budget_note=budget_note, budget_full=_d(budget), spent=_d(spent), execution_rate=_d(rate), execution_weight=_d(execution_weight),
        execution_score=_d(execution_score), items=items, total=_d(total), grade=grade, notes=list(notes),
        overall_actual=overall_actual, cut=cut, headless=headless))


def _d(value) -> Decimal | None:
    return None if value is None or value == "" else Decimal(str(value))


def monitored(*, budget, spent, months=None, projected=None, headings=(), name="测试项目", year=2019) -> GoalSheet:
    """A sheet with a printed 运行监控表's money (``headings``: the money table's headings as printed)."""
    return GoalSheet(name=name, year=year, monitoring=ReportedMonitoring(
        months=months, budget=_d(budget), spent=_d(spent), projected_spent=_d(projected),
        money_headings=list(headings)))
