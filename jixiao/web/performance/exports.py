"""The bureau's 运行监控与自评 overview of a year as .xlsx: one row per approved sheet, from the stored summaries
(nothing is recomputed). Every text cell is written as text, never as a formula (user text: names, reasons)."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from decimal import Decimal

from openpyxl import Workbook

from jixiao.model.office_text import put_text
from jixiao.web.performance.models import Summary

__all__ = ["overview_xlsx"]

_BEFORE_RATE = ("单位编码", "单位", "项目编码", "项目", "监控灯")
_AFTER_RATE = ("计划进度（%）", "进度差（百分点）", "预警", "无法监控的原因", "自评得分", "自评等级", "无法评分的原因")


def overview_xlsx(summaries: Sequence[Summary], rate_heading: str,
                  progress: Callable[[int, int], None] | None = None) -> bytes:
    """The workbook 运行监控与自评 with one row per summary, the rate's column headed ``rate_heading`` as on the
    overview page (:func:`jixiao.web.performance.selectors.rate_heading`); ``progress(done, total)`` after each
    row."""
    book = Workbook()
    table = book.active
    table.title = "运行监控与自评"
    table.append([*_BEFORE_RATE, f"{rate_heading}（%）", *_AFTER_RATE])
    for done, summary in enumerate(summaries, start=1):
        sheet = summary.sheet
        values = (sheet.unit.code, sheet.unit.name, sheet.code, sheet.name, summary.light_label or "无法计算",
                  summary.execution_rate, summary.planned, summary.gap, "；".join(summary.warning_messages),
                  "；".join(summary.monitoring_problem_messages), summary.score_total, summary.grade,
                  "；".join(summary.score_problem_messages))
        row = table.max_row + 1
        for column, value in enumerate(values, start=1):
            if isinstance(value, str) and value:
                put_text(table.cell(row, column), value)
            elif isinstance(value, Decimal):
                table.cell(row, column, float(value))
        if progress:
            progress(done, len(summaries))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
