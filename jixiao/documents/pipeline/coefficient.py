"""A self-evaluation row printed under a heading that run-together text scrambled, its figures read from the right.

Forms that print a 得分系数 (the share of the points a row earned) before 指标权重 | 指标得分 (``年初指标值 | 调整指标值 |
全年完成值 | 得分系数(%) | 指标权重(分) | 指标得分(分) | 是否核心指标``) come out of OCR with the middle headings run into
one (``调整指标值年成值全完值得分系数(%)``) and each row's empty cells dropped, its weight and score printed as one
number (``100% | 92% | 100% | 22 | 否``: a weight of 2 and a score of 2). Counting cells from the left cannot tell
such a row's columns apart; from the right it can, since every row prints its coefficient, weight and score:
the last figure is the weight and the score run together, cut where score = weight × coefficient; the figure
before it is the coefficient (an actual run onto it, ``0100%``, cut off it the same way), the one before it the
actual. A row holding fewer figures left its target and actual empty (``100% | 22``: no target, no actual). A
word printed twice (``高高 | 100% | 33``) is a qualitative target and the actual that repeats it, run together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from jixiao.documents.pipeline.figures import readings
from jixiao.model.wording import Phrase

__all__ = ["COEFFICIENT", "READ_FROM_RIGHT", "Reading", "read_from_right"]

# the fragment of a scrambled heading that names the coefficient's column
COEFFICIENT = "系数"
# the columns such a row's figures are read into
READ_FROM_RIGHT = ("actual", "weight", "score")
# a figure as tables print it (no leading zero but in 0 and 0.x): ``0100%`` is two figures run together
_FIGURE = r"(?:0|[1-9]\d*)(?:\.\d+)?"
_PERCENT = re.compile(rf"^\s*({_FIGURE})\s*[%％]\s*$")
_FUSED_PERCENT = re.compile(r"^\s*(\d[\d.]*)\s*[%％]\s*$")
_RUN = re.compile(r"^\s*(\d[\d.]*)\s*$")
_RAN_ON = re.compile(r"^(\d[\d.]*)[^\d.%％]+$")
_HUNDRED = Decimal(100)
_CENT = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class Reading:
    """A row's figures read from the right: its target and actual cells (None when the row leaves them empty),
    weight and score as printed, and how the cells were cut (for the row's note)."""

    target: str | None
    actual: str | None
    weight: str
    score: str
    how: Phrase


def read_from_right(cells: list[str]) -> Reading | None:
    """Read a row's cells from its target's on (``100% | 92% | 100% | 22 | 否``) as target, actual, coefficient and
    weight-and-score run together; a text cell after the figures (是否核心指标) is no figure. None when the cells
    are not that shape: no coefficient before a run of digits, or no cut of the run that the coefficient fits."""
    cells = [cell.strip() for cell in cells if cell.strip()]
    while cells and not _RUN.match(cells[-1]) and not _FUSED_PERCENT.match(cells[-1]):
        ran_on = _RAN_ON.match(cells[-1])  # 22否: a cell without a heading of its own run onto the points
        cells[-1:] = [ran_on.group(1)] if ran_on else []  # 是 / 否, a remark
    if len(cells) < 2 or not _RUN.match(cells[-1]):
        return None
    run, before = cells[-1], cells[:-2]
    coefficient = _PERCENT.match(cells[-2])
    points = _cut_points(run, coefficient.group(1)) if coefficient else None
    if points is not None:
        weight, score = points
        shown = cells[-2]
    else:  # the actual ran onto the coefficient (0 | 100% as 0100%): cut where the points fit
        fused = _FUSED_PERCENT.match(cells[-2])
        cut = _cut_actual(fused.group(1), run) if fused else None
        if cut is None:
            return None
        actual, shown, (weight, score) = cut
        before = [*before, actual]
    if len(before) == 1 and (twice := _twice(before[0])) is not None:
        before = [twice, twice]  # 高高: the target and an actual that repeats it, one cell
    if len(before) > 2:
        return None
    target, actual = ([None, None] + before)[-2:]
    how = Phrase("得分系数{coefficient}、分值与得分连写“{run}”，按得分 = 分值 × 得分系数拆为分值{weight}、得分{score}",
                 {"coefficient": shown, "run": run, "weight": weight, "score": score})
    return Reading(target, actual, weight, score, how)


def _twice(text: str) -> str | None:
    """The word ``text`` prints twice over (``高高``, ``好好``: a qualitative target and the actual that meets it, their
    cells run together), or None."""
    half = len(text) // 2
    return text[:half] if half and text[:half] == text[half:] and not re.search(r"\d", text) else None


def _cut_points(run: str, coefficient: str) -> tuple[str, str] | None:
    """The weight and the score ``run`` holds, the score being ``coefficient`` % of the weight; the first such cut."""
    share = Decimal(coefficient) / _HUNDRED
    for weight, score in readings(run, 2):
        if 0 < Decimal(weight) <= _HUNDRED and abs(Decimal(weight) * share - Decimal(score)) < _CENT:
            return weight, score
    return None


def _cut_actual(fused: str, run: str) -> tuple[str, str, tuple[str, str]] | None:
    """An actual run onto the coefficient after it (``0100`` → 0 | 100%): the cut whose coefficient fits the points."""
    for actual, coefficient in readings(fused, 2):
        points = _cut_points(run, coefficient) if Decimal(coefficient) <= _HUNDRED else None
        if points is not None:
            return actual, f"{coefficient}%", points
    return None
