"""Rows run together whose figures come straight after the name, in the header's own column order: a form whose
分值 stands before 年度指标值 and 全年实际值 prints ``…申报的数量12.512.512.5完成值达到指标值…`` (12.5 | 12.5 | 12.5,
then the scoring method's words). Other forms put the target first and are cut by their operator or unit
(:func:`.labels.split_run_together`, :func:`.figures.cut_tail`); here the run has neither, so it is cut by the columns
the header names after the name column, whatever their order. A run that reads several ways is left to the table's
constraints (:mod:`.settle`: a score within its weight, weights adding up, decimals written alike) and said (P154)
when they leave more than one reading; nothing is guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from jixiao.documents.pipeline.figures import FIGURE_KINDS, MOST_POINTS, POINT_KINDS, Ambiguity, run_cells
from jixiao.documents.pipeline.labels import DATE, Role, heading_pieces, label, split_level_prefix
from jixiao.model.lexicon import as_written, simplified
from jixiao.model.units import canonical_unit

__all__ = ["LeadingFigures", "split_leading_figures"]

# the name (ending in a character, or a bracket closing a word), the run of fused figures (a figure's digits and
# points only: a unit or operator would be cut by the other forms' splitters), then words or nothing; the name's only figures
# are the dates its sentence holds (确定于2022年12月底前发放完毕101001009.34), a run never a date's year or month
_NAME_RUN_WORDS = re.compile(
    r"(?P<name>(?:" + DATE + r"|\D)*?[\u4e00-\u9fff)）])(?P<run>\d[\d.]*\d)(?![年月])(?P<words>(?:[\u4e00-\u9fff].*)?)",
    re.DOTALL)
_NO_NAME = (Role.HEADING, Role.FIELD, Role.LEVEL1, Role.LEVEL2)  # labels, never a row's name
_DIGIT = re.compile(r"\d")
# words ending their sentence, then a bare figure (…按B/A或A/B*该指标分值记分。12.5)
_POINTS_AFTER_WORDS = re.compile(r"(?P<words>.*[。；;!！])\s*(?P<figure>\d{1,3}(?:\.\d+)?)", re.DOTALL)
_FEWEST_FIGURES = 2  # a name and one figure is a name and its weight, the rest on lines of their own
# a run of two digits (10) is one figure as often as two (1 | 0): its own name's weight, the target on a line below
_SHORTEST_RUN = 3
_LONGEST_UNIT = 4  # characters of a unit's spelling
_SHORTEST_NAME = 4  # characters of a name (shorter texts before a run are level names or labels, not a row's name)


@dataclass(frozen=True, slots=True)
class LeadingFigures:
    """A row cut by the header's columns: ``cells`` by column kind in order (the run's figures when they read one
    way only), and ``ambiguous``, the run when it reads several ways (left out of ``cells``), or None."""

    cells: tuple[tuple[str, str], ...]
    ambiguous: Ambiguity | None = None


def split_leading_figures(text: str, slots: list[str]) -> LeadingFigures | None:
    """Cut a one-cell row run together (``数量指标是否完成…的数量12.512.512.5完成值达到指标值…``) by ``slots``, the
    header's column kinds in order, when the columns after the name are figure columns (two or more, any order:
    分值 | 年度指标值 | 全年实际值): the level names it opens with, the name, the run of fused figures read as those
    columns (the last possibly empty), and the words after it in the next column that holds words. None when the
    header has no such columns or the text is no name followed by such a run."""
    if "name" not in slots:
        return None
    after = slots[slots.index("name") + 1:]
    columns = []
    for kind in after:
        if kind not in FIGURE_KINDS:
            break
        columns.append(kind)
    # (only where a points column stands before the target: forms with the target first write it with its operator
    # or unit, and their rows are cut by those)
    if len(columns) < 2 or "target" not in columns or columns[0] not in POINT_KINDS:
        return None
    line = simplified(text.strip())
    level1, level2, rest = split_level_prefix(line)
    found = _NAME_RUN_WORDS.fullmatch(rest)
    if found is None:
        return None
    name = found.group("name")
    if len(name) < _SHORTEST_NAME or _DIGIT.search(re.sub(DATE, "", name)) or label(name).role in _NO_NAME or \
            heading_pieces(name):
        return None
    words, run = found.group("words"), found.group("run")
    if len(run) < _SHORTEST_RUN or any(canonical_unit(words[:length]) for length in range(1, _LONGEST_UNIT + 1)
                                       if length <= len(words)):
        return None  # a figure with its unit (5300元) is a value, not the columns' figures
    at = next((at for at in range(len(columns), len(after)) if after[at] not in FIGURE_KINDS), None)
    word_column = after[at] if at is not None else "_unplaced"
    points = after[at + 1] if at is not None and at + 1 < len(after) else None
    # a row whose words column is empty runs its points straight onto the figures before (…发放完毕101001009.34
    # under 分值 | 指标值 | 实际值 | 得分计算方法 | 得分): the run may fill that points column too
    reach = [*columns, points] if points in POINT_KINDS and not words.strip() else columns
    tail = run_cells(run, reach, words, least=_FEWEST_FIGURES)
    if tail is None:
        return None
    cells = [("level1", level1), ("level2", level2), ("name", name)]
    cells += [(kind or word_column, part) for kind, part in tail.cells]
    ending = _POINTS_AFTER_WORDS.fullmatch(cells[-1][1]) if points in POINT_KINDS and tail.cells and not tail.cells[-1][0] \
        else None
    if ending is not None and Decimal(ending.group("figure")) <= MOST_POINTS:
        # the words end their sentence and a figure follows, the header's next column a points one (…记分。12.5
        # under 得分计算方法 | 得分): the figure is that column's, run onto the words as the figures before them
        cells[-1:] = [(word_column, ending.group("words")), (points, ending.group("figure"))]
    return LeadingFigures(tuple((kind, as_written(text, part.strip())) for kind, part in cells if part.strip()),
                          tail.ambiguous)
