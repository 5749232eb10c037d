"""Printed self-evaluations and monitoring tables for the audit tests, written compactly as rows."""

from __future__ import annotations

from decimal import Decimal

from jixiao.model import GoalSheet, Indicator, ReportedEvaluation, ReportedItem, ReportedMonitoring

D = Decimal

# 229 (隆阳区 化肥减量增效示范县 2022, 产出指标 of a cut table): numbered rows scored, then scored again in parts.
LONGYANG = [("产出指标", "数量指标", "一、示范区建立", "≥20000亩", "20000亩", None, 15),
            ("产出指标", "数量指标", "水稻侧深施肥+缓控释肥", "≥500亩", "500亩", None, 5),
            ("产出指标", "数量指标", "玉米种肥同播+缓控释肥", "≥1000亩", "1000亩", None, 5),
            ("产出指标", "数量指标", "施用配方肥", "≥18500亩", "18500亩", None, 5),
            ("产出指标", "数量指标", "二、化肥减量增效田间试验", "≥15组", "15组", None, 15),
            ("产出指标", "数量指标", "肥料利用率", "≥5组", "5组", None, 5),
            ("产出指标", "数量指标", "化肥减量增效", "≥5组", "5组", None, 5),
            ("产出指标", "数量指标", "其他试验(水稻)", "≥3组", "3组", None, 3),
            ("产出指标", "数量指标", "其他试验(玉米)", "≥2组", "2组", None, 2),
            ("产出指标", "数量指标", "三、土样植株化验", "≥60个", "105个", None, 5),
            ("产出指标", "数量指标", "四、农户施肥情况调查(户)", "≥300户", "300户", None, 5),
            ("产出指标", "质量指标", "示范区配方肥到位率", "≥80%", "85.6%", None, 10),
            ("产出指标", "时效指标", "项目按时完成率", "100%", "100%", None, 10)]


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
