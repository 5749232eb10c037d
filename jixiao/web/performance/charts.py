"""Chart data (for ECharts on the pages) from the core's results; nothing is computed here but the layout."""

from __future__ import annotations

from decimal import Decimal

from jixiao.model import ExecutionRecord, GoalSheet
from jixiao.scoring import IndicatorStatus, PlanError, SheetScore, planned_share
from jixiao.scoring.spend_plan import month_end

__all__ = ["indicator_chart", "score_chart", "spending_chart"]


def spending_chart(content: GoalSheet, record: ExecutionRecord, year: int) -> dict[str, object]:
    """Planned vs actual cumulative spending at each month end (actual only up to the last recorded month)."""
    budget = content.budget.total or Decimal(0)
    days = [month_end(year, month) for month in range(1, 13)]
    recorded = [s.day for s in record.entries] + [c.as_of for c in record.cumulative]
    last = max(recorded, default=None)
    try:
        planned = [float(planned_share(content.spend_plan, day, year)[0] * budget / 100) for day in days]
    except PlanError:
        planned = []
    actual = [float(record.spent_by(day)) for day in days if last and day <= month_end(year, last.month)]
    return {"months": [f"{m}月" for m in range(1, 13)], "planned": [round(p, 2) for p in planned],
            "actual": actual, "unit": content.money_unit or ""}


def indicator_chart(statuses: list[IndicatorStatus]) -> dict[str, object]:
    """完成进度 (%) of each indicator with a numeric progress."""
    shown = [s for s in statuses if s.progress is not None]
    return {"names": [s.name for s in shown], "progress": [float(s.progress) for s in shown]}


def score_chart(score: SheetScore) -> dict[str, object]:
    """分值 and 得分 of every scored item."""
    shown = [item for item in score.items if item.score is not None]
    return {"names": [item.name for item in shown], "weights": [float(item.weight) for item in shown],
            "scores": [float(item.score) for item in shown]}
