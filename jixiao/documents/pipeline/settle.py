"""Fused figures settled by the table's own arithmetic: a run of digits that reads several ways (P154) is read the
one way the table's constraints leave.

A row run together with no separator (``≥441010`` under 指标值 | 实际完成值 | 分值 | 得分) has several readings
(:func:`.figures.cut_tail` enumerates them: 4 | 4 | 10 | 10, 44 | 10 | 1 | 0 …). A real table constrains them:

* each row alone: it fills the columns the other rows of the table fill and leaves empty those they all leave
  empty (a row's weight and score are not left out where all others print theirs), and fills them all where the
  other rows do not agree; a weight is a whole or half point; an actual is a figure of the target's
  size (its integer digits within one of the target's) and a rate at most 100% unless the target is a minimum
  (≥95%); an actual that meets its target never scores 0;
* the rows together: the weights of a 一级 block add up to the points its label prints (``产出指标(50分)``), all
  weights to 100 (or to 100 less the points of 预算执行率), the scores to the printed total (with the money's
  score) — each only where every figure it adds is known and the rows it adds are all there.

:func:`settle` filters each ambiguous row's readings by the row's constraints, then every combination of the rows'
readings by the table's, and settles a row when all surviving combinations give it one reading; it never makes a
reading up. A table whose constraints leave several readings, or none (a table that does not add up), settles
nothing there: the row stays unread and said (P154).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import product

from jixiao.documents.pipeline.figures import Ambiguity
from jixiao.model.numerals import written_number
from jixiao.model.target import Operator
from jixiao.model.target_text import parse_target

__all__ = ["Settled", "Sums", "TableRow", "settle", "weighed_figure"]

FILLED = "与本表其他行填写相同的列"
HALF_POINTS = "分值为整数或半分"
SAME_SIZE = "实际完成值与指标值位数相当"
RATE = "比率不超过100%"
MET_SCORED = "达到指标值的行不得0分"
SUBTOTAL = "一级指标下各行分值之和等于该一级指标所标分值"
WEIGHTS = "各行分值合计为100分（或扣除预算执行率的分值）"
TOTAL = "各行得分合计等于总分"

_LEVEL_POINTS = re.compile(r"[(（]\s*(?P<points>\d{1,3}(?:\.\d+)?)\s*分?\s*[)）]\s*$")
_FULL = Decimal(100)
_ROWS_SHOWING = 2  # other rows that show which columns a table's rows fill
_MOST_COMBINATIONS = 4096  # combinations of the rows' readings weighed at most (the table settles nothing beyond)
_SIZE_APART = 1  # integer digits an actual may have more or fewer than its target
_MINIMUMS = (Operator.GE, Operator.GT)
_EXECUTION_POINTS = Decimal(10)  # what 预算执行率 usually carries where the table does not print it


@dataclass(frozen=True, slots=True)
class TableRow:
    """One indicator row of a table: its 一级 label as written, its cells by column kind (``target``, ``actual``,
    ``weight``, ``score``) and the run it left unread, if any."""

    level1: str = ""
    cells: Mapping[str, str] = field(default_factory=dict)
    ambiguity: Ambiguity | None = None


@dataclass(frozen=True, slots=True)
class Sums:
    """What the table prints of its sums: the claimed total score, the points and score of 预算执行率 in the money
    table, and whether all its rows are there (a copy cut inside the table is not)."""

    total: Decimal | None = None
    execution_weight: Decimal | None = None
    execution_score: Decimal | None = None
    complete: bool = False


@dataclass(frozen=True, slots=True)
class Settled:
    """A row's run settled: the ``choice`` among its readings, its cells, and the constraints that left it alone."""

    choice: tuple[str, ...]
    cells: dict[str, str]
    constraints: tuple[str, ...]


def settle(rows: Sequence[TableRow], sums: Sums = Sums()) -> dict[int, Settled]:
    """The ambiguous rows of ``rows`` (by index) whose readings the table's constraints narrow to one."""
    ambiguous = [index for index, row in enumerate(rows) if row.ambiguity is not None and row.ambiguity.choices]
    if not ambiguous:
        return {}
    filled = _filled_columns([row for row in rows if row.ambiguity is None])
    kept: dict[int, list[tuple[str, ...]]] = {}
    ruled: dict[int, set[str]] = {index: set() for index in ambiguous}
    for index in ambiguous:
        row = rows[index]
        kept[index] = []
        for choice in row.ambiguity.choices:  # type: ignore[union-attr]
            broken = _row_broken(row, choice, filled)
            if broken:
                ruled[index].add(broken)
            else:
                kept[index].append(choice)
    # a row no reading of which fits is not what the constraints expect: it stays unread, its figures unknown
    ambiguous = [index for index in ambiguous if kept[index]]
    summed = {index: set(names) for index, names in ruled.items()}
    survivors = _combinations(rows, ambiguous, kept, sums, summed)
    if survivors:
        ruled = summed
    elif _count(kept, ambiguous) <= _MOST_COMBINATIONS:
        # no combination adds up to what the table prints (a table that does not add up): its sums say nothing
        survivors = list(product(*(kept[index] for index in ambiguous)))
    settled = {}
    for position, index in enumerate(ambiguous):
        choices = {combination[position] for combination in survivors}
        if len(choices) == 1 and len(rows[index].ambiguity.choices) > 1:  # type: ignore[union-attr]
            choice = choices.pop()
            settled[index] = Settled(choice, rows[index].ambiguity.reading(choice),  # type: ignore[union-attr]
                                     tuple(name for name in _ORDER if name in ruled[index]))
    return settled


def _combinations(rows: Sequence[TableRow], ambiguous: list[int], kept: dict[int, list[tuple[str, ...]]],
                  sums: Sums, ruled: dict[int, set[str]]) -> list[tuple[tuple[str, ...], ...]]:
    """The combinations of the rows' kept readings that the table's sums allow (none when there are too many to
    weigh); a sum that rules a combination out is named for each row that still had several readings."""
    if _count(kept, ambiguous) > _MOST_COMBINATIONS:
        return []
    survivors = []
    for combination in product(*(kept[index] for index in ambiguous)):
        cells = [dict(row.cells) for row in rows]
        for index, choice in zip(ambiguous, combination):
            cells[index].update(rows[index].ambiguity.reading(choice))  # type: ignore[union-attr]
        broken = _table_broken(rows, cells, sums)
        if broken is None:
            survivors.append(combination)
            continue
        for index in ambiguous:
            if len(kept[index]) > 1:
                ruled[index].add(broken)
    return survivors


def _count(kept: dict[int, list[tuple[str, ...]]], ambiguous: list[int]) -> int:
    """How many combinations the ambiguous rows' kept readings make."""
    count = 1
    for index in ambiguous:
        count *= len(kept[index])
    return count


def _filled_columns(plain: list[TableRow]) -> dict[str, bool]:
    """The columns the rows ``plain`` all fill (True) or all leave empty (False), when there are enough of them to
    show it; a column they do not agree on is missing."""
    if len(plain) < _ROWS_SHOWING:
        return {}
    shown: dict[str, set[bool]] = {}
    for row in plain:
        for kind in {*row.cells, *shown}:
            shown.setdefault(kind, set()).add(bool(row.cells.get(kind, "").strip()))
    return {kind: printed.pop() for kind, printed in shown.items() if len(printed) == 1}


def _row_broken(row: TableRow, choice: tuple[str, ...], columns: dict[str, bool]) -> str | None:
    """The first of the row's own constraints that ``choice`` breaks, or None; ``columns``: the columns the other
    rows all fill or all leave empty."""
    ambiguity = row.ambiguity
    assert ambiguity is not None
    filled = dict(row.cells) | ambiguity.reading(choice)
    for position, kind in enumerate(ambiguity.columns):
        # a column is left empty only where the other rows leave it empty too (then it is never filled)
        if (position < len(choice)) != columns.get(kind, True):
            return FILLED
    weight, score = weighed_figure(filled.get("weight")), weighed_figure(filled.get("score"))
    if weight is not None and (weight * 2) % 1:
        return HALF_POINTS
    target = parse_target(filled.get("target", "")) if filled.get("target", "").strip() else None
    actual = weighed_figure(filled.get("actual"))
    if target is None or target.value is None or actual is None or target.date is not None:
        return None
    if len(str(int(actual))) - len(str(int(target.value))) not in range(-_SIZE_APART, _SIZE_APART + 1):
        return SAME_SIZE
    if target.unit == "%" and target.operator not in _MINIMUMS and actual > _FULL:
        return RATE
    if weight and score == 0 and _meets(target.operator, target.value, actual):
        return MET_SCORED
    return None


def _meets(operator: Operator | None, target: Decimal, actual: Decimal) -> bool:
    """True when ``actual`` meets a target of ``operator`` and ``target`` (no operator: equal to it)."""
    if operator in _MINIMUMS:
        return actual >= target if operator is Operator.GE else actual > target
    if operator is Operator.LE:
        return actual <= target
    if operator is Operator.LT:
        return actual < target
    return operator in (None, Operator.EQ) and actual == target


def _table_broken(rows: Sequence[TableRow], cells: list[dict[str, str]], sums: Sums) -> str | None:
    """The first of the table's sums that the rows' cells break, or None; a sum is weighed only when every figure
    it adds is known."""
    weights = [weighed_figure(row.get("weight")) for row in cells]
    blocks: dict[str, list[int]] = {}
    for index, row in enumerate(rows):
        blocks.setdefault(row.level1.replace(" ", ""), []).append(index)
    labels = list(blocks)
    for order, (label, members) in enumerate(blocks.items()):
        found = _LEVEL_POINTS.search(label)
        closed = sums.complete or order < len(labels) - 1  # (a copy cut inside the last block lacks its last rows)
        points = [weights[index] for index in members]
        if found and closed and None not in points and sum(points) != Decimal(found.group("points")):  # type: ignore[arg-type]
            return SUBTOTAL
    if sums.complete and None not in weights:
        whole = {_FULL - sums.execution_weight} if sums.execution_weight else {_FULL, _FULL - _EXECUTION_POINTS}
        if sum(weights) not in whole:  # type: ignore[arg-type]
            return WEIGHTS
    scores = [weighed_figure(row.get("score")) for row in cells]
    if sums.total is not None and sums.complete and None not in scores:
        added = sum(scores)  # type: ignore[arg-type]
        if sums.total not in (added, added + (sums.execution_score or 0)):
            return TOTAL
    return None


_ORDER = (FILLED, HALF_POINTS, SAME_SIZE, RATE, MET_SCORED, SUBTOTAL, WEIGHTS, TOTAL)


def weighed_figure(text: str | None) -> Decimal | None:
    """A cell's figure as the table's arithmetic weighs it: a bare number (a 分值 or 得分 written 10分 too), or None
    when the cell holds anything else, a figure with a unit (95%, 18万元) included. The readings of a run are bare
    digits; a figure beside the run, the same in every reading, would only break them all where it breaks a row's
    constraint (an actual of 120% against =100%), so it is not weighed. The builder reads with it the figures it
    hands to the sums (the 预算执行率 row's points) and the weight of a settled row, so that the figures kept are the
    ones the table was weighed with (one reading of the table's points, not a second one beside it)."""
    return written_number((text or "").strip().removesuffix("分").replace(",", ""))
