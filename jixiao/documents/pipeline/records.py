"""Self-evaluation and monitoring figures of a sheet that was read, as the table prints them.

A sheet is a self-evaluation (绩效自评表) when its title says 自评 or its grid has 得分 / 实际完成值 columns, a
monitoring table (运行监控表) when its title says 监控 or its grid has a 完成目标可能性 column. Its figures go to
the model's records: :class:`~jixiao.model.SelfEvaluation` (年初预算数, 全年预算数, 全年执行数, 执行率, each
indicator's 实际完成值, 分值, 得分, 偏差原因, the claimed total and grade) and
:class:`~jixiao.model.MonitoringReport` (1–N月执行数, 全年预计执行数, each indicator's 执行情况, 全年预计完成值,
完成目标可能性, 偏差原因). Printed scores are kept as printed, never recomputed: an audit compares them later.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.documents.interpret.header_cells import parse_amount
from jixiao.model import GoalSheet, IndicatorResult, MonitoringReport, MonitoringRow, SelfEvaluation, parse_likelihood

__all__ = ["sheet_kind", "self_evaluation", "monitoring_report"]

SELF_EVAL, MONITOR, GOAL = "self-eval", "monitor", "goal"


def sheet_kind(sheet: GoalSheet, columns: list[str]) -> str:
    """Which kind of table the sheet is: goal, self-eval or monitor."""
    title = sheet.title or ""
    if "监控" in title or "likelihood" in columns:
        return MONITOR
    if "自评" in title or "评价" in title or {"score", "actual"} & set(columns):
        return SELF_EVAL
    return GOAL


def _amount(text: str | None) -> Decimal | None:
    return parse_amount(text) if text else None


def _percent(text: str | None) -> Decimal | None:
    return parse_amount(text.rstrip("%")) if text else None


def self_evaluation(sheet: GoalSheet, results: list[tuple[int, dict[str, str]]], money: dict[str, str],
                    claimed: dict) -> SelfEvaluation:
    """The sheet's self-evaluation figures as printed."""
    rows = []
    for position, values in results:
        indicator = sheet.indicators[position - 1]
        actual = values.get("actual")
        rows.append(IndicatorResult(
            indicator=position, name=indicator.name, actual=_amount(actual), actual_raw=actual,
            deviation=values.get("deviation"), score=_amount(values.get("score")), score_raw=values.get("score"),
            weight_raw=values.get("weight"),
        ))
    return SelfEvaluation(
        sheet=sheet.key, budget_initial=_nonnegative(money.get("budget_initial")),
        budget_full=_nonnegative(money.get("budget_full")), spent=_nonnegative(money.get("spent")),
        execution_rate=_percent(money.get("execution_rate")), results=rows,
        claimed_total=claimed.get("total"), claimed_grade=claimed.get("grade"),
    )


def monitoring_report(sheet: GoalSheet, results: list[tuple[int, dict[str, str]]], money: dict[str, str]
                      ) -> MonitoringReport:
    """The sheet's monitoring figures as printed."""
    rows = [
        MonitoringRow(indicator=position, name=sheet.indicators[position - 1].name, actual_raw=values.get("actual"),
                      expected_raw=values.get("expected"), likelihood=parse_likelihood(values.get("likelihood")),
                      likelihood_raw=values.get("likelihood"), deviation=values.get("deviation"))
        for position, values in results
    ]
    return MonitoringReport(
        sheet=sheet.key, budget_initial=_amount(money.get("budget_initial")),
        budget_full=_amount(money.get("budget_full")), spent=_amount(money.get("spent")),
        spent_expected=_amount(money.get("spent_expected")), execution_rate=_percent(money.get("execution_rate")),
        rows=rows,
    )


def _nonnegative(text: str | None) -> Decimal | None:
    amount = _amount(text)
    return amount if amount is not None and amount >= 0 else None
