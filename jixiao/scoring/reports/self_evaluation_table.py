"""The 项目支出绩效自评表 (财预〔2020〕10号 附件) laid out as a grid of nine columns."""

from __future__ import annotations

from decimal import Decimal

from jixiao.scoring.reports.grid import Cell, Grid, merged_levels
from jixiao.scoring.scores import SheetScore

__all__ = ["self_evaluation_grid"]

_COLUMNS = 9


def _money(value: Decimal | None) -> str:
    return "" if value is None else str(value)


def self_evaluation_grid(score: SheetScore) -> Grid:
    """The 自评表 of one scored sheet: project, 项目资金 block, 年度总体目标, indicator grid, total."""
    execution, indicators = score.items[0], score.items[1:]
    unit = score.unit or ""
    money_unit = score.money_unit or "万元"
    rows: list[list[Cell]] = [
        [Cell("项目名称", bold=True), Cell(score.name or score.sheet, colspan=8)],
        [Cell("主管部门", bold=True), Cell(unit, colspan=3), Cell("实施单位", bold=True), Cell(unit, colspan=4)],
        [Cell(f"项目资金（{money_unit}）", rowspan=4, bold=True), Cell("", colspan=2),
         *(Cell(h, bold=True) for h in ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"))],
        [Cell("年度资金总额", colspan=2), Cell(_money(score.budget_initial)), Cell(_money(score.budget_full)),
         Cell(_money(score.spent)), Cell(str(execution.weight)), Cell(execution.actual), Cell(str(execution.score))],
        [Cell("其中：财政资金", colspan=2), Cell(""), Cell(_money(score.fiscal)), Cell(""), Cell("—"), Cell("—"), Cell("—")],
        [Cell("其他资金", colspan=2), Cell(""), Cell(_money(score.other)), Cell(""), Cell("—"), Cell("—"), Cell("—")],
        [Cell("年度总体目标", rowspan=2, bold=True), Cell("预期目标", colspan=4, bold=True),
         Cell("实际完成情况", colspan=4, bold=True)],
        [Cell("\n".join(f"{n}. {goal}" for n, goal in enumerate(score.goals, start=1)), colspan=4),
         Cell(score.overall_actual or "", colspan=4)],
        [Cell("绩效指标", rowspan=len(indicators) + 1, bold=True),
         *(Cell(h, bold=True) for h in ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                                        "偏差原因分析及改进措施"))],
    ]
    rows += merged_levels([
        (item.level1, item.level2 or "", [
            Cell(item.name), Cell(item.target), Cell(item.actual), Cell(str(item.weight)),
            Cell("不适用" if item.score is None else str(item.score)), Cell(item.deviation or ""),
        ])
        for item in indicators
    ])
    rows.append([Cell("总分", colspan=6, bold=True), Cell("100"),
                 Cell(str(score.total), bold=True), Cell(f"自评等级：{score.grade}", bold=True)])
    return Grid(title="项目支出绩效自评表", subtitle=f"（评分方案：{score.profile_label or score.profile}）", columns=_COLUMNS, rows=rows)
