"""Shaping a core GoalSheet for the page: the official table layout with merged level cells."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from jixiao.model import GoalSheet, Indicator

__all__ = ["GridRow", "as_shown", "grid_rows", "other_cells"]


@dataclass
class GridRow:
    """One indicator row of the paper table; a level cell with span 0 is covered by the one above."""

    indicator: Indicator
    position: int
    level1_span: int = 1
    level2_span: int = 1
    findings: list = field(default_factory=list)
    comments: list = field(default_factory=list)

    @property
    def other_cells(self) -> list[tuple[str, str]]:
        """The row's cells beyond the official table's, as written: the operator and unit columns', then the form's
        other columns' by their heading (the unit column's cell once, when the reader also kept it under its
        heading)."""
        return other_cells(self.indicator)


def other_cells(indicator: Indicator) -> list[tuple[str, str]]:
    """``indicator``'s cells beyond the official table's, as written, each with its heading (empty ones left out):
    the operator column's, the unit column's, the 权重 and 指标方向性 columns' (kept, and the weights are checked,
    so the page shows them), then the form's other columns'."""
    written = [("指标性质", indicator.operator_column_raw), ("计量单位", indicator.unit_column_raw),
               ("权重", indicator.weight_raw), ("指标方向性", indicator.direction_raw)]
    cells = [(heading, text) for heading, text in written
             if text and text.strip() and (heading == "指标性质" or text not in indicator.extra.values())]
    return cells + [(heading, text) for heading, text in indicator.extra.items() if text.strip()]


def grid_rows(sheet: GoalSheet, findings=(), comments=()) -> list[GridRow]:
    """The indicator rows with level cells merged as on the paper form, each with its findings and comments.

    ``findings`` and ``comments`` are objects with a ``row`` (or ``indicator.position``) attribute.
    """
    by_row, notes = defaultdict(list), defaultdict(list)
    for finding in findings:
        if finding.row:
            by_row[finding.row].append(finding)
    for comment in comments:
        if comment.indicator_id:
            notes[comment.indicator.position].append(comment)
    rows = [GridRow(indicator=ind, position=ind.row or n, findings=by_row[ind.row or n], comments=notes[ind.row or n])
            for n, ind in enumerate(sheet.indicators, start=1)]
    _merge(rows, lambda r: _level1(r.indicator), "level1_span")
    _merge(rows, lambda r: (_level1(r.indicator), _level2(r.indicator)), "level2_span")
    return rows


def as_shown(sheet: GoalSheet) -> GoalSheet:
    """The sheet with its levels named as the page names them (效果指标 → 效益指标), for Word and Excel exports."""
    return sheet.model_copy(update={"indicators": [
        indicator.model_copy(update={"level1_raw": _level1(indicator), "level2_raw": _level2(indicator)})
        for indicator in sheet.indicators]})


def _level1(indicator: Indicator) -> str:
    return indicator.level1 or indicator.level1_raw


def _level2(indicator: Indicator) -> str:
    return indicator.level2 or indicator.level2_raw


def _merge(rows: list[GridRow], key, attribute: str) -> None:
    start = 0
    for index in range(1, len(rows) + 1):
        if index == len(rows) or key(rows[index]) != key(rows[start]) or not key(rows[start]):
            setattr(rows[start], attribute, index - start)
            for covered in rows[start + 1:index]:
                setattr(covered, attribute, 0)
            start = index
