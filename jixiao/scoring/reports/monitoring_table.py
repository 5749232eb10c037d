"""The 项目支出绩效目标执行监控表 (财预〔2019〕136号 附件) laid out as a grid of ten columns."""

from __future__ import annotations

from jixiao.scoring.monitoring import MonitoringResult
from jixiao.scoring.reports.grid import Cell, Grid, merged_levels

__all__ = ["monitoring_grid"]

_COLUMNS = 10


def monitoring_grid(result: MonitoringResult) -> Grid:
    """The monitoring table of one sheet for its period, with the warnings below the indicators."""
    period = result.period_label
    unit = result.unit or ""
    rows: list[list[Cell]] = [
        [Cell("项目名称", bold=True), Cell(result.name or result.sheet, colspan=9)],
        [Cell("主管部门", bold=True), Cell(unit, colspan=4), Cell("实施单位", bold=True), Cell(unit, colspan=4)],
        [Cell(f"项目资金（{result.money_unit or '万元'}）", rowspan=2, bold=True), Cell("年初预算数", colspan=2, bold=True),
         *(Cell(h, bold=True) for h in (f"{period}执行数", f"{period}执行率", "计划进度", "差距（百分点）")),
         Cell("全年预计执行数", colspan=2, bold=True), Cell("预警", bold=True)],
        [Cell(str(result.budget), colspan=2), Cell(str(result.spent)), Cell(f"{result.execution_rate}%"),
         Cell(f"{result.planned}%"), Cell(str(result.gap)), Cell(str(result.projected_spending), colspan=2),
         Cell(result.light.label)],
        [Cell("年度总体目标", bold=True),
         Cell("\n".join(f"{n}. {goal}" for n, goal in enumerate(result.goals, start=1)), colspan=9)],
        [Cell("绩效指标", rowspan=len(result.indicators) + 1, bold=True),
         *(Cell(h, bold=True) for h in ("一级指标", "二级指标", "三级指标", "年度指标值", f"{period}实际完成值",
                                        "全年预计完成值", "偏差原因", "完成目标可能性", "改进措施"))],
    ]
    lines = []
    for status in result.indicators:
        answer = status.answer
        causes = "、".join(answer.causes) + (f"：{answer.cause_note}" if answer.cause_note else "") if answer else ""
        lines.append((status.level1, status.level2 or "", [
            Cell(status.name), Cell(status.target), Cell(status.value_shown), Cell(status.projected_shown), Cell(causes),
            Cell(answer.likelihood.value if answer else ""), Cell(answer.remedy or "" if answer else ""),
        ]))
    rows += merged_levels(lines)
    warnings = "\n".join(f"{w.light.label}：{w.message}" for w in result.warnings) or "无预警"
    rows.append([Cell("预警说明", bold=True), Cell(warnings, colspan=9)])
    return Grid(title="项目支出绩效目标执行监控表", subtitle=f"（{result.period_end.year}年{period}）", columns=_COLUMNS, rows=rows)
