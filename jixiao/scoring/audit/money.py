"""A money table's total row whose figures do not stand under the headings the reader put them under: set aside
before the audit reads it.

The 预算执行率 row of a 自评表 prints six figures under 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分. Where a
PDF's text wraps those headings over two lines (``年初预 全年预`` … ``算数 算数``), the reader may find fewer headings than
the row has figures and put the figures under the headings it found, from the left (corpus 340: 180.61 180.03 180.03
10.0 100.00% 10 read as 全年执行数 180.61, 执行率 180.03%, 分值 180.03, 得分 10.0, the last two cells left in no column).
Every rule reading such a row would then recompute a figure under another one's heading (an execution rate of 180%,
a 分值 of 536.2 points). Two things show it: the reader's own word that cells of the row fell past its last heading
(P158) and were figures, and a 分值 or 得分 above the whole table's 100 points. The row is then audited as a row the
copy does not give: each of its figures is left out, and the recomputation says why.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from jixiao.model import Diagnostic, GoalSheet, ReportedEvaluation
from jixiao.model.lexicon import fold
from jixiao.model.wording import Phrase
from jixiao.scoring.target_rules import plain

__all__ = ["money_misread", "money_set_aside", "without_money"]

# The figures of the total row (and its parts under it), left out together: one misplaced, all are in doubt.
_FIGURES = ("budget_initial", "budget_full", "spent", "execution_rate", "execution_weight", "execution_score")
_WHOLE = Decimal(100)  # a table's points: no 分值 or 得分 of one row is more
_OVERFLOW = "P158"  # the reader's word that cells of a money row fell past its last heading
_FIGURE = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?\s*[%％]?")
_PART_PREFIX = re.compile(r"^(?:其中)?[:：]?")


def money_misread(sheet: GoalSheet, diagnostics: Iterable[Diagnostic] = ()) -> Phrase | None:
    """Why the total row of ``sheet``'s money table cannot be read as placed, or None when nothing shows it: its
    分值 or 得分 is above a whole table's 100 points (a money figure under that heading), or the reader set figures of
    it aside past its last heading (P158: more figures than the headings it found, placed from the left)."""
    report = sheet.evaluation
    if report is None:
        return None
    for heading, figure in (("分值", report.execution_weight), ("得分", report.execution_score)):
        if figure is not None and figure > _WHOLE:
            return Phrase(
                "“{heading}”一栏读到 {figure}，超过全表 100 分：是资金数读错了栏",
                {"heading": heading, "figure": plain(figure)},
            )
    parts = {fold(part.label).strip() for part in report.parts}
    for item in diagnostics:
        where = item.location
        cells = [cell.strip() for cell in item.set_aside if _FIGURE.fullmatch(cell.strip())]
        label = _PART_PREFIX.sub("", fold(where.column or "").strip().rstrip("：:"))
        if item.code == _OVERFLOW and where.sheet == sheet.key and cells and label not in parts:
            return Phrase(
                "资金表一行的数字多于读到的栏目（{cells} 未能归入栏目）：各数所在的栏目是推测的",
                {"cells": "、".join(cells)},
            )
    return None


def money_set_aside(sheet: GoalSheet, diagnostics: Iterable[Diagnostic] = ()) -> GoalSheet:
    """``sheet`` with its money table's figures (the total row's and its parts') left out where
    :func:`money_misread` finds them misplaced; ``sheet`` itself otherwise. The headings stay: the form has the
    table, the copy's figures are what cannot be placed."""
    if money_misread(sheet, diagnostics) is None:
        return sheet
    return sheet.model_copy(update={"evaluation": without_money(sheet.evaluation)})


def without_money(report: ReportedEvaluation) -> ReportedEvaluation:
    """``report`` with no figure of its money table (the total row's six and its parts'), its headings kept."""
    return report.model_copy(update={**dict.fromkeys(_FIGURES), "parts": []})
