"""Rows read in doubt: which rows of a sheet may not have their cells where the table has them.

The review (:class:`jixiao.review.context.SheetContext`) and the audit of self-evaluations
(:class:`jixiao.scoring.audit.rule.AuditContext`) both judge a row by its cells; on a row the reader placed by a
guess, misread, or marked with its own word of doubt, what they find may be the reading's artefact, not the table's.
Both ask this module, so that a row is in doubt for one exactly when it is for the other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from jixiao.model.diagnostic import Diagnostic
from jixiao.model.indicator import Indicator, misread_cell
from jixiao.model.lexicon import fold
from jixiao.model.sheet import GoalSheet
from jixiao.model.vocabulary import Framework, level2_parents

__all__ = ["GUESSED_BELOW", "ROW_DOUBT", "cells_in_name", "doubtful_rows", "misread_row"]

# An indicator read with less confidence than this had its cells placed by a guess (see Indicator.confidence); the
# figures the reader settled among several readings by the table's sums (P156) are below it too.
GUESSED_BELOW = 0.75
# The reader's word, on one row, that it placed the row's cells by their content rather than by the grid's columns
# (P102), found in its 二级指标 column what names no level (P105: the cells may stand one column off, the row's name
# there and its target in the name's column, as in a copy whose blank level cells were lost: corpus 212 and 219 with
# their pipes turned into spaces), guessed which column each cell belongs to (P111), left a cell of it in no column
# (P113) or could not split figures run together (P154): what a finding says of that row's cells may be the reader's
# placement, not the table.
ROW_DOUBT = ("P102", "P105", "P111", "P113", "P154")
# The names of the standard levels (一级 and 二级指标), longest first: a name cell that starts with one and goes on
# holds the row's level cells run into it (see cells_in_name).
_LEVEL_NAMES = sorted({name for framework in Framework for child, parent in level2_parents(framework).items()
                       for name in (child, parent)}, key=len, reverse=True)
# What shows that the rest of such a name cell is more of the row run into it: a figure (its value) or another level.
_RUN_ON = re.compile(r"\d|" + "|".join(map(re.escape, _LEVEL_NAMES)))
# A target written out inside a name, an operator and its figure followed by more words (保障退休职工人数(人)=81人该指标值
# 数据合理): the row's value and the cells after it run into the name.
_TARGET_INSIDE = re.compile(r"[≥≤=＝≧≦]\s*\d[\d.,]*\s*[^\d\s.,]{0,3}?[\u4e00-\u9fff]{4,}")


def cells_in_name(indicator: Indicator) -> bool:
    """True when the 三级指标 cell starts with a level's name (产出指标, 时效指标…) and goes on with a figure or another
    level (时效指标项目完工时限2023年12月, 质量指标经费支出合规性较高质量指标…): a line whose cells lost their
    separators, read as one name, so that none of the row's cells was read as written (its value and weight are in
    the name). An indicator is named for what it measures, never after its level; nor does its name go on after a
    target written out in it (保障退休职工人数(人)=81人该指标值数据合理: value and basis run into the name)."""
    name = fold(indicator.name).strip()
    level = next((level for level in _LEVEL_NAMES if name.startswith(level)), None)
    return level is not None and bool(_RUN_ON.search(name[len(level):])) or bool(_TARGET_INSIDE.search(name))


def misread_row(indicator: Indicator) -> bool:
    """True when the row's name cell holds another cell (:func:`misread_cell`) or the row's level cells and its value
    run together (:func:`cells_in_name`): the row was misread, none of its cells stands where the table has it."""
    return misread_cell(indicator) or cells_in_name(indicator)


def doubtful_rows(sheet: GoalSheet, diagnostics: Iterable[Diagnostic] = ()) -> frozenset[int]:
    """The rows of ``sheet`` (by identity) whose cells may not stand where the table has them: placed by a guess
    (their confidence below :data:`GUESSED_BELOW`), misread (:func:`misread_row`), or with the reader's own word of
    doubt on the row among ``diagnostics`` (:data:`ROW_DOUBT`: cells aligned by content, columns guessed, a cell left
    unplaced, figures run together; those of other sheets and tables are ignored: :meth:`Location.names_row`)."""
    noted = [d.location for d in diagnostics if d.code in ROW_DOUBT and d.location.row is not None
             and d.location.sheet == sheet.key]
    return frozenset(id(row) for row in sheet.indicators if row.confidence < GUESSED_BELOW or misread_row(row)
                     or any(where.names_row(row.table or sheet.table, row.row) for where in noted))
