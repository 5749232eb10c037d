"""jixiao's own 项目支出绩效自评表 and 项目支出绩效目标执行监控表 read back (the .docx and .xlsx that
:mod:`jixiao.scoring.reports` writes), into a GoalSheet with ``evaluation`` or ``monitoring`` filled.

Only that exact layout is read: the title line names it and every row and column is found by its printed label.
The title is the official form's, which units' own tables carry too: a table without jixiao's rows and columns
raises :class:`OtherLayout`, and the caller reads it like any other document. In jixiao's layout, a number that is
not a number or a required cell left empty stops the reading with a Chinese message naming the file, table row and
field.
"""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao.documents.blocks import Layout, Paragraph, Row
from jixiao.documents.errors import NotAGoalDocument
from jixiao.model import (
    Document,
    GoalSheet,
    Indicator,
    ReportedEvaluation,
    ReportedItem,
    ReportedMonitoring,
    ReportedProgress,
    not_applicable,
)
from jixiao.model.monitoring import Likelihood
from jixiao.model.numerals import written_number
from jixiao.model.sheet import Budget, Checkpoint, MoneyUnit, Unit

__all__ = ["EVALUATION_TITLE", "MONITORING_TITLE", "OtherLayout", "read_report", "report_kind"]

EVALUATION_TITLE = "项目支出绩效自评表"
MONITORING_TITLE = "项目支出绩效目标执行监控表"
_MONEY_UNIT = re.compile(r"项目资金（(万元|元)）")
_GOAL_NUMBER = re.compile(r"^\s*\d+[.．、]\s*")
_PERIOD = re.compile(r"^1-(\d{1,2})月")


class OtherLayout(NotAGoalDocument):
    """A document titled like jixiao's 自评表 or 监控表 whose rows or columns are not jixiao's."""


def report_kind(layout: Layout) -> str | None:
    """``evaluation`` or ``monitoring`` when the first line of ``layout`` is the title jixiao writes, else None."""
    first = next(iter(layout.blocks), None)
    if first is None:
        return None
    text = first.text if isinstance(first, Paragraph) else (first.filled[0].text if first.filled else "")
    return {EVALUATION_TITLE: "evaluation", MONITORING_TITLE: "monitoring"}.get(text.strip())


class _Table:
    """The rows of the report table with cells by grid column, and Chinese errors that name where."""

    def __init__(self, layout: Layout, source: str, title: str) -> None:
        self.source = source
        self.title = title
        self.rows = [block for block in layout.blocks if isinstance(block, Row) and len(block.filled) > 0
                     and block.filled[0].text.strip() not in (title,) and not block.filled[0].text.startswith("（")]

    def fail(self, row: Row | None, reason: str, *, layout: bool = False) -> NotAGoalDocument:
        """The error naming ``row``; ``layout`` when what is missing is a row or column of jixiao's layout."""
        where = f"第{row.row}行" if row is not None and row.row is not None else "表中"
        return (OtherLayout if layout else NotAGoalDocument)(self.source, f"{self.title}{where}：{reason}")

    @staticmethod
    def cell(row: Row, column: int) -> str:
        return next((cell.text.strip() for cell in row.cells if cell.column == column), "")

    def labelled(self, label: str) -> tuple[int, Row]:
        """The first row whose first cell starts with ``label``, with its index."""
        for index, row in enumerate(self.rows):
            if self.cell(row, 0).startswith(label):
                return index, row
        raise self.fail(None, f"没有找到“{label}”一行，不是 jixiao 导出的{self.title}", layout=True)

    def columns(self, row: Row) -> dict[str, int]:
        """Header text → grid column of a header row."""
        return {cell.text.strip(): cell.column for cell in row.cells if cell.text.strip() and cell.column is not None}

    def column(self, headers: dict[str, int], row: Row, name: str, *, startswith: bool = False) -> int:
        for header, column in headers.items():
            if header == name or (startswith and header.endswith(name)):
                return column
        raise self.fail(row, f"表头中没有“{name}”栏", layout=True)

    def number(self, row: Row, column: int, field: str, *, blank: tuple[str, ...] = ("", "—")) -> Decimal | None:
        text = self.cell(row, column)
        if text in blank:
            return None
        number = written_number(text.removesuffix("%").replace(",", ""))
        if number is None:
            raise self.fail(row, f"“{field}”应是数字，却是“{text}”")
        return number


def _head(table: _Table) -> tuple[str, Unit | None, MoneyUnit | None]:
    _, name_row = table.labelled("项目名称")
    name = table.cell(name_row, 1)
    if not name:
        raise table.fail(name_row, "“项目名称”为空")
    _, unit_row = table.labelled("主管部门")
    unit_name = table.cell(unit_row, 1)
    _, money_row = table.labelled("项目资金")
    match = _MONEY_UNIT.match(table.cell(money_row, 0))
    return name, Unit(name=unit_name) if unit_name else None, MoneyUnit(match.group(1)) if match else None


def _goals(table: _Table) -> tuple[list[str], str]:
    index, row = table.labelled("年度总体目标")
    if index + 1 >= len(table.rows):
        raise table.fail(row, "“年度总体目标”下面没有内容")
    headers = table.columns(row)
    following = table.rows[index + 1]
    goals_column = table.column(headers, row, "预期目标") if "预期目标" in headers else 1
    goals = [_GOAL_NUMBER.sub("", line) for line in table.cell(following, goals_column).split("\n") if line.strip()]
    actual = table.cell(following, headers["实际完成情况"]) if "实际完成情况" in headers else ""
    return goals, actual


def _indicator_rows(table: _Table, stop: str) -> tuple[Row, dict[str, int], list[Row]]:
    index, header = table.labelled("绩效指标")
    rows = []
    for row in table.rows[index + 1:]:
        if table.cell(row, 0).startswith(stop):
            break
        rows.append(row)
    return header, table.columns(header), rows


def _indicator(table: _Table, row: Row, headers: dict[str, int], header: Row, above: tuple[str, str]) -> Indicator:
    level1 = table.cell(row, table.column(headers, header, "一级指标")) or above[0]
    level2 = table.cell(row, table.column(headers, header, "二级指标")) or above[1]
    name = table.cell(row, table.column(headers, header, "三级指标"))
    if not name:
        raise table.fail(row, "“三级指标”为空")
    return Indicator.from_cells(level1=level1, level2=level2, name=name,
                                target=table.cell(row, table.column(headers, header, "年度指标值")), row=row.row)


def _evaluation(table: _Table) -> GoalSheet:
    name, unit, money_unit = _head(table)
    money_index, money_header = table.labelled("项目资金")
    money = table.columns(money_header)
    figures = table.rows[money_index + 1]
    if not table.cell(figures, 1).startswith("年度资金总额"):
        raise table.fail(figures, "“项目资金”下面应是“年度资金总额”一行", layout=True)

    def figure(header: str) -> Decimal | None:
        return table.number(figures, table.column(money, money_header, header), header)

    fiscal_row = table.rows[money_index + 2]
    fiscal = table.number(fiscal_row, table.column(money, money_header, "全年预算数"), "其中：财政资金")
    goals, overall_actual = _goals(table)
    header, headers, rows = _indicator_rows(table, "总分")
    indicators, items = [], []
    for position, row in enumerate(rows, start=1):
        above = (indicators[-1].level1_raw, indicators[-1].level2_raw) if indicators else ("", "")
        indicators.append(_indicator(table, row, headers, header, above))
        actual = table.cell(row, table.column(headers, header, "实际完成值"))
        deviation = table.cell(row, table.column(headers, header, "偏差原因分析及改进措施"))
        score = table.number(row, table.column(headers, header, "得分"), "得分", blank=("", "—", "不适用"))
        items.append(ReportedItem(
            indicator=position, actual_raw=actual or None, row=row.row, deviation=deviation or None,
            weight=table.number(row, table.column(headers, header, "分值"), "分值"), score=score,
            not_applicable=not_applicable(indicators[-1].target.raw, actual, score)))
    _, total_row = table.labelled("总分")
    grade_text = table.cell(total_row, 8)
    evaluation = ReportedEvaluation(
        budget_initial=figure("年初预算数"), budget_full=figure("全年预算数"), spent=figure("全年执行数"),
        execution_rate=figure("执行率"), execution_weight=figure("分值"), execution_score=figure("得分"),
        items=items, total=table.number(total_row, 7, "总分"),
        grade=grade_text.removeprefix("自评等级：") or None, overall_actual=overall_actual or None)
    return GoalSheet(name=name, unit=unit, money_unit=money_unit, goals=goals, indicators=indicators, table=1,
                     budget=Budget(total=evaluation.budget_full, fiscal=fiscal), evaluation=evaluation)


def _monitoring(table: _Table) -> GoalSheet:
    name, unit, money_unit = _head(table)
    money_index, money_header = table.labelled("项目资金")
    money = table.columns(money_header)
    figures = table.rows[money_index + 1]
    spent_header = next((h for h in money if _PERIOD.match(h) and h.endswith("执行数")), None)
    if spent_header is None:
        raise table.fail(money_header, "表头中没有“1-N月执行数”栏", layout=True)
    months = int(_PERIOD.match(spent_header).group(1))
    rate_header = spent_header.removesuffix("执行数") + "执行率"
    goals, _ = _goals(table)
    header, headers, rows = _indicator_rows(table, "预警说明")
    indicators, items = [], []
    for position, row in enumerate(rows, start=1):
        above = (indicators[-1].level1_raw, indicators[-1].level2_raw) if indicators else ("", "")
        indicators.append(_indicator(table, row, headers, header, above))
        likelihood = table.cell(row, table.column(headers, header, "完成目标可能性"))
        if likelihood and likelihood not in {item.value for item in Likelihood}:
            raise table.fail(row, f"“完成目标可能性”应是“确定能”“有可能”或“完全不可能”，却是“{likelihood}”")
        items.append(ReportedProgress(
            indicator=position, row=row.row,
            actual_raw=table.cell(row, table.column(headers, header, "实际完成值", startswith=True)) or None,
            projected_raw=table.cell(row, table.column(headers, header, "全年预计完成值")) or None,
            likelihood=Likelihood(likelihood) if likelihood else None,
            cause=table.cell(row, table.column(headers, header, "偏差原因")) or None,
            remedy=table.cell(row, table.column(headers, header, "改进措施")) or None))
    monitoring = ReportedMonitoring(
        months=months, budget=table.number(figures, table.column(money, money_header, "年初预算数"), "年初预算数"),
        spent=table.number(figures, money[spent_header], spent_header),
        execution_rate=table.number(figures, table.column(money, money_header, rate_header), rate_header),
        projected_spent=table.number(figures, table.column(money, money_header, "全年预计执行数"), "全年预计执行数"),
        # the money headings as printed, as the interpreter keeps them, so that a figure left blank under its
        # heading (a unit clearing 全年预计执行数 before submitting) is told from a column the form lacks
        money_headings=[heading for heading in money if heading != money_header.filled[0].text.strip()],
        items=items)
    # The printed 计划进度 is the spending plan at the period's end: kept as the plan's checkpoint so that the audit
    # compares the spending with the plan jixiao used, not with an even spread over the year.
    planned = table.number(figures, table.column(money, money_header, "计划进度"), "计划进度")
    plan = [Checkpoint(label=f"{months}月底", percent=planned)] if planned is not None else []
    return GoalSheet(name=name, unit=unit, money_unit=money_unit, goals=goals, indicators=indicators, table=1,
                     budget=Budget(total=monitoring.budget), spend_plan=plan, monitoring=monitoring)


def read_report(layout: Layout, source: str, file_format: str) -> Document:
    """The Document of a 自评表 or 监控表 jixiao wrote; :class:`OtherLayout` when ``layout`` is not one,
    NotAGoalDocument naming the row and field when a cell of one cannot be read."""
    kind = report_kind(layout)
    if kind is None:
        raise OtherLayout(source, "不是 jixiao 导出的自评表或监控表")
    title = EVALUATION_TITLE if kind == "evaluation" else MONITORING_TITLE
    table = _Table(layout, source, title)
    sheet = _evaluation(table) if kind == "evaluation" else _monitoring(table)
    return Document(source=source, format=file_format, layout=f"jixiao-{kind}", unit=sheet.unit, sheets=[sheet],
                    diagnostics=list(layout.diagnostics))
