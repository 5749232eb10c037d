"""Fitting one row's cells to the columns after its levels when they do not match one to one.

A row short of cells (merged cells dropped, a unit or an operator left out) or one cell long (a name wrapped onto
a line of its own, a figure cut off the name) is placed by what its cells hold: points columns take bare figures,
a unit column a unit. These are pure functions of the row's cells and the columns' kinds, apart from the
:class:`.align.Aligner` that calls them while it shapes a row around its anchor.
"""

from __future__ import annotations

import re

from jixiao.documents.interpret.header_cells import parse_amount
from jixiao.documents.pipeline.cells import ACHIEVED, FIGURE_COLUMNS, POINTS, ROW_VALUES
from jixiao.documents.pipeline.labels import Role, is_bare_number, is_qualitative, is_value, label
from jixiao.model.units import canonical_unit

_MOST_POINTS = 50  # points one indicator can carry (a level's share of 100 is at most that)
_MEASURED = re.compile(r"\d+(?:\.\d+)?\s*(?P<unit>[^\d\s]{1,4})$")
_LONGEST_WRAP = 12  # characters of one wrapped line of a name


def fit_in_order(texts: list[str], kinds: list[str]) -> list[str] | None:
    """The columns, in order, for fewer cells than columns: each cell in the first column left that can hold it,
    while enough columns remain for the cells after it; None when no such placement exists. A points column holds a
    bare figure, a unit column a unit (``1.5亩`` after the target ``1.5亩`` is what was achieved)."""
    if not texts:
        return []
    for index in range(len(kinds) - len(texts) + 1):
        if (kinds[index] not in POINTS or is_bare_number(texts[0])) and (
                kinds[index] != "unit" or label(texts[0]).role is Role.UNIT):
            rest = fit_in_order(texts[1:], kinds[index + 1:])
            if rest is not None:
                return [kinds[index], *rest]
    return None


def fit_short(group: list[str], kinds: list[str]) -> list[tuple[str, str]]:
    """Pair a group of cells with its columns. A group short of cells fills them from the left, except that
    bare numbers ending it fill the score columns (分值, 得分) that end a self-evaluation row: a row that
    leaves its target or its actual blank still prints its points."""
    numeric = [index for index, kind in enumerate(kinds) if kind in POINTS]
    trailing = 0
    while trailing < len(group) and is_bare_number(group[len(group) - 1 - trailing]):
        trailing += 1
    if len(group) >= len(kinds) or not numeric or trailing < len(numeric):
        return list(zip(kinds, group))
    if numeric != list(range(numeric[0], numeric[0] + len(numeric))) and not _points_apart(group[-len(numeric):]):
        return list(zip(kinds, group))
    lead = group[: len(group) - len(numeric)]
    if len(lead) > numeric[0]:
        return list(zip(kinds, group))
    return list(zip(kinds, lead)) + [(kinds[index], text) for index, text in zip(numeric, group[len(lead):])]


def _points_apart(figures: list[str]) -> bool:
    """True when the bare figures ending a short row are its 分值 and 得分 though the row's values stand between those
    columns (分值 | 年度指标值 | 全年实际值 | 得分, Anhui's form: ``★补助各类粮食作物种植面积 | 10 | 10``, its breakdown rows
    below giving the values): two figures that can be points, the score no more than the weight."""
    if len(figures) != 2:
        return False
    weight, score = (parse_amount(text) for text in figures)
    return weight is not None and score is not None and 0 < weight <= _MOST_POINTS and score <= weight


def unit_left_out(texts: list[str], slots: list[str]) -> bool:
    """True for a row of a closed layout short of cells whose unit cell was left out with the empty cells its
    layout drops (``★补助鱼塘面积 | 10 | 3亩 | 3亩 | 10`` under 分值 | 年度指标值 | 计量单位 | 全年实际值 | 得分, the units
    written with the figures, only a row whose target has an operator filling the unit column): no cell of it is
    a unit or empty between its filled ones, a value, a qualitative target or the row's end stands where the unit
    would, and a bare figure ending it, the unit's column left out, falls in a column of figures (one falling in a
    text column, ``到位时间 | 正向 | = | 44,561 | 44,561 | 10`` under …| 目标值 | 计量单位 | 分值 | 备注, says a figure
    fills the unit's cell)."""
    while texts and not texts[-1].strip():
        texts = texts[:-1]
    if not texts or "unit" not in slots or len(texts) >= len(slots) or any(not text.strip() for text in texts):
        return False
    at = slots.index("unit")
    rest = [kind for kind in slots if kind != "unit"]
    return not any(label(text).role is Role.UNIT for text in texts) and (
        at >= len(texts) or is_value(texts[at]) or is_qualitative(texts[at])) and (
        not is_bare_number(texts[-1]) or rest[len(texts) - 1] in ("target", *ACHIEVED, *POINTS))


def figures_run(texts: list[str]) -> bool:
    """True for a row's cells from its target on that are all figures, at least a target, what was achieved and one
    point figure (a figure alone beside a name is an amount, not a row's values)."""
    return len(texts) >= ROW_VALUES + 1 and all(is_value(text) for text in texts)


def join_wrapped_name(texts: list[str], slots: list[str]) -> list[str]:
    """A row whose name is followed by a short cell of words that is no figure, then its figures
    (``指标1:资金是否全部纳入医 | 保统筹 | 100% | 100% | 15 | 15``): the words are the name's cell wrapped onto a line
    of its own (text taken out of a spreadsheet) when, joined to the name, the row's cells fit its columns where as
    they stand they do not (one cell too many, or a figure that is no bare number in a 分值/得分 column)."""
    if len(texts) < 3 or len(slots) < 2 or slots[0] != "name" or slots[1] not in FIGURE_COLUMNS:
        return texts  # (a description or a note column after the name takes words of its own)
    wrapped, rest = texts[1], texts[2:]
    if is_value(wrapped) or label(wrapped).role is not Role.TEXT or len(wrapped.strip()) > _LONGEST_WRAP \
            or not is_value(rest[0]) or label(texts[0]).role is not Role.TEXT:  # (质量指标 | 覆盖率: a level, a name)
        return texts
    joined = [texts[0].strip() + wrapped.strip(), *rest]
    if len(joined) == len(slots) and len(texts) > len(slots) or (
            len(joined) <= len(slots) and not _points_fit(texts, slots) and _points_fit(joined, slots)):
        return joined
    return texts


def _points_fit(texts: list[str], slots: list[str]) -> bool:
    """True when every cell placed in order in a points column (分值, 得分) is a bare number."""
    return all(is_bare_number(text) for kind, text in zip(slots, texts) if kind in POINTS)


def figure_cut_from_name(texts: list[str], slots: list[str]) -> bool:
    """True for a row one cell too long whose name is followed by two figures in one unit before the target's
    column is reached (``每年财政补助`` | ``1000万元`` | ``1000万元`` | ``1000万元`` | ``10``, ``…医疗收入`` | ``达到5亿元`` |
    ``5亿元`` | ``6.47亿元``): the first figure ends the name, the second is the target."""
    if slots[:2] != ["name", "target"] or label(texts[0]).role is not Role.TEXT or texts[0].strip()[-1:].isdigit():
        return False
    first, second = (_MEASURED.search(text.strip()) for text in texts[1:3])
    # (a name ending with the figures' unit holds the unit column's cell: 党性教育培训次数次 | 26次 | 12次)
    return bool(first and second and first.group("unit") == second.group("unit")
                and canonical_unit(first.group("unit")) is not None and not texts[0].strip().endswith(first.group("unit")))
