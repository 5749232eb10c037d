"""The one place where the core's execution, monitoring and evaluation records meet the database."""

from __future__ import annotations

from datetime import date

from jixiao.model import (
    CumulativeSpending,
    DeviationCause,
    ExecutionRecord,
    FundSource,
    GoalSheet,
    IndicatorProgress,
    IndicatorResult,
    Likelihood,
    MonitoringAnswer,
    QualitativeTier,
    SelfEvaluation,
    SpendingEntry,
)
from jixiao.model.amounts import amount
from jixiao.web.performance.models import Result, Tracking

__all__ = ["answer_fields", "answers_of", "evaluation_of", "record_of", "recorded_spending", "result_fields"]


def record_of(tracking: Tracking | None, key: str) -> ExecutionRecord:
    """The core's ``ExecutionRecord`` of a tracking (an empty one before anything is recorded)."""
    if tracking is None:
        return ExecutionRecord(sheet=key)
    spending = list(tracking.spending.all())
    return ExecutionRecord(
        sheet=key,
        entries=[SpendingEntry(day=s.day, amount=amount(s.amount), source=FundSource(s.source or FundSource.FISCAL),
                               note=s.note or None) for s in spending if not s.cumulative],
        cumulative=[CumulativeSpending(as_of=s.day, amount=amount(s.amount), source=FundSource(s.source) if s.source else None)
                    for s in spending if s.cumulative],
        progress=[IndicatorProgress(indicator=p.indicator, name=p.name, as_of=p.as_of, value=p.value,
                                    text=p.text or None, evidence=p.evidence or None) for p in tracking.progress.all()],
    )


def answers_of(tracking: Tracking | None, period_end: date) -> list[MonitoringAnswer]:
    """The preparer's monitoring answers at ``period_end``."""
    if tracking is None:
        return []
    return [
        MonitoringAnswer(indicator=a.indicator, name=a.name, likelihood=Likelihood(a.likelihood),
                         causes=[DeviationCause(c) for c in a.causes], cause_note=a.cause_note or None,
                         remedy=a.remedy or None, expected_value=a.expected_value)
        for a in tracking.answers.filter(period_end=period_end)
    ]


def answer_fields(answer: MonitoringAnswer) -> dict[str, object]:
    """The Answer columns of a core answer."""
    return {"name": answer.name, "likelihood": answer.likelihood.value, "causes": [c.value for c in answer.causes],
            "cause_note": answer.cause_note or "", "remedy": answer.remedy or "",
            "expected_value": answer.expected_value}


def evaluation_of(tracking: Tracking | None, sheet: GoalSheet, record: ExecutionRecord) -> SelfEvaluation:
    """The core's ``SelfEvaluation``; without a stated 全年执行数 the spending recorded to 31 December is used."""
    if tracking is None:
        return SelfEvaluation(sheet=sheet.key, spent=recorded_spending(sheet, record))
    return SelfEvaluation(
        sheet=sheet.key, budget_initial=amount(tracking.budget_initial), budget_full=amount(tracking.budget_full),
        spent=amount(tracking.spent) if tracking.spent is not None else recorded_spending(sheet, record),
        overall_actual=tracking.overall_actual or None,
        results=[result_of(r) for r in tracking.results.all()],
    )


def result_of(row: Result) -> IndicatorResult:
    """The core's ``IndicatorResult`` of a stored row."""
    return IndicatorResult(indicator=row.indicator, name=row.name, actual=row.actual, actual_raw=row.actual_raw or None,
                           tier=QualitativeTier(row.tier) if row.tier else None, tier_percent=row.tier_percent,
                           tier_reason=row.tier_reason or None, not_applicable=row.not_applicable,
                           deviation=row.deviation or None)


def result_fields(result: IndicatorResult) -> dict[str, object]:
    """The Result columns of a core result."""
    return {"name": result.name, "actual": result.actual, "actual_raw": result.actual_raw or "",
            "tier": result.tier.value if result.tier else "", "tier_percent": result.tier_percent,
            "tier_reason": result.tier_reason or "", "not_applicable": result.not_applicable,
            "deviation": result.deviation or ""}


def recorded_spending(sheet: GoalSheet, record: ExecutionRecord):
    """The spending recorded up to 31 December of the sheet's year, None when nothing is recorded."""
    if not (record.entries or record.cumulative):
        return None
    return record.spent_by(date(sheet.year or date.today().year, 12, 31))
