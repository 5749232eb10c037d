"""The official table layout of a goal sheet, as rows of cell texts, shared by every writer.

Writers differ in how they draw a table (Word, Excel, TAB text); what goes in which row is decided here once.
"""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.model import GoalSheet, Indicator

__all__ = ["GRID_HEADINGS", "grid_columns", "indicator_cells", "numbered", "SheetRows", "sheet_rows", "sheet_title", "unit_line"]

GRID_HEADINGS = {
    "level1": "一级指标", "level2": "二级指标", "name": "三级指标", "description": "绩效指标描述",
    "target": "指标值", "basis": "指标值确定依据", "weight": "权重", "direction": "指标方向性",
    "long_term_target": "中长期指标值",
}


@dataclass(frozen=True, slots=True)
class SheetRows:
    """The rows of a sheet's table before the indicator grid, and the grid's columns."""

    header: list[list[str]]
    columns: list[str]


def sheet_title(sheet: GoalSheet) -> str:
    """The title line: the sheet's own title, or its name followed by 绩效目标表."""
    return sheet.title or f"{sheet.name or '项目'}绩效目标表"


def unit_line(sheet: GoalSheet) -> str:
    """The unit line under the title (``434016遵化市西留村乡人民政府``)."""
    unit = sheet.unit
    return f"{unit.code or ''}{unit.name or ''}" if unit else ""


def numbered(items: list[str]) -> str:
    """Goal statements as the numbered lines of one cell."""
    return "\n".join(f"{number}、{item}" for number, item in enumerate(items, start=1))


def grid_columns(sheet: GoalSheet) -> list[str]:
    """The indicator grid's columns: the six of the sample, plus weight/direction/long-term when used."""
    columns = ["level1", "level2", "name", "description"]
    if any(i.long_term_target for i in sheet.indicators):
        columns.append("long_term_target")
    columns += ["target", "basis"]
    columns += [c for c in ("weight", "direction") if any(getattr(i, c) is not None for i in sheet.indicators)]
    return columns


def indicator_cells(indicator: Indicator, columns: list[str]) -> list[str]:
    """One indicator's cells, written as the user wrote them (raw levels and target)."""
    values = {
        "level1": indicator.level1_raw or indicator.level1 or "",
        "level2": indicator.level2_raw or indicator.level2 or "",
        "name": indicator.name,
        "description": indicator.description or "",
        "target": indicator.target.raw,
        "long_term_target": indicator.long_term_target.raw if indicator.long_term_target else "",
        "basis": indicator.basis or "",
        "weight": indicator.weight_raw or (str(indicator.weight) if indicator.weight is not None else ""),
        "direction": indicator.direction_raw or (indicator.direction.value if indicator.direction else ""),
    }
    return [values[column] for column in columns]


def _amount(value) -> str:
    return "" if value is None else str(value)


def sheet_rows(sheet: GoalSheet) -> SheetRows:
    """The header rows of the official layout (project, budget, purpose, plan, goals) and grid columns."""
    budget = sheet.budget
    header = [
        ["项目编码", sheet.code or "", "项目名称", sheet.name or ""],
        *([["年度", str(sheet.year)]] if sheet.year else []),
        ["预算规模及资金用途", "预算数", _amount(budget.total), "其中：财政资金", _amount(budget.fiscal), "其他资金", _amount(budget.other)],
        ["资金用途", sheet.purpose or ""],
    ]
    if sheet.spend_plan:
        header.append(["资金支出计划（%）", *(c.label for c in sheet.spend_plan)])
        header.append(["", *(_amount(c.percent) for c in sheet.spend_plan)])
    if sheet.long_term_goals:
        header.append(["中长期目标", numbered(sheet.long_term_goals)])
    header.append(["绩效目标", numbered(sheet.goals)])
    return SheetRows(header=header, columns=grid_columns(sheet))
