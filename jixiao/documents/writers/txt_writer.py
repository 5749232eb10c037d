"""The plain-text layout of a Word table export (the sample's layout): a TAB before every cell."""

from __future__ import annotations

from jixiao.documents.writers.layout_rows import GRID_HEADINGS, indicator_cells, sheet_rows, sheet_title, unit_line
from jixiao.model import Document

__all__ = ["write_txt"]


def _row(cells: list[str]) -> list[str]:
    # A cell's later paragraphs follow on lines of their own, without the TAB.
    return [f"\t{cell}" for cell in cells] + [""]


def write_txt(document: Document) -> bytes:
    """The document in the TAB text layout, UTF-8."""
    lines: list[str] = []
    overall = document.overall
    if overall:
        lines += ["第一部分 部门整体绩效目标"]
        for heading, items in (("一、总体绩效目标", overall.aims), ("二、分项绩效目标", overall.duties), ("三、工作保障措施", overall.measures)):
            if items:
                lines += [heading, *(f"（{_chinese_number(n)}）{item}" for n, item in enumerate(items, start=1)), ""]
        lines += ["", "第二部分 预算项目绩效目标", "", ""]
    for sheet in document.sheets:
        rows = sheet_rows(sheet)
        lines += [sheet_title(sheet)]
        lines += _row([unit_line(sheet), f"单位：{sheet.money_unit or '万元'}"])
        for cells in rows.header:
            lines += _row(cells)
        lines += _row([GRID_HEADINGS[column] for column in rows.columns])
        for indicator in sheet.indicators:
            lines += _row(indicator_cells(indicator, rows.columns))
        lines += ["", ""]
    return "\n".join(lines).encode("utf-8")


def _chinese_number(number: int) -> str:
    digits = "零一二三四五六七八九"
    if number < 10:
        return digits[number]
    tens, ones = divmod(number, 10)
    return f"{digits[tens] if tens > 1 else ''}十{digits[ones] if ones else ''}"

