"""Figures printed without a space between them: in run-together text a row's target, weight, actual and score
fuse into one run of digits (``达到预计值210010`` is a target of 2100 and 10 points; ``901010010`` is 90 | 10 |
100 | 10). :func:`split_figures` reads such a run as one figure per column.

A reading must print every figure as tables print numbers (no leading zero but in ``0`` and ``0.x``, one decimal
point at most, none at either end); a weight (分值, 权重) is more than 0 and at most 100, a score (得分) at least 0
and at most its row's weight. When exactly one reading fits, the split is certain. When several do, the split is
a guess and says so: it prefers a weight the table prints elsewhere, then a score equal to its weight (full
marks, the usual case), then rates of a % row that stay within 100, then an actual equal to its target (met).

:func:`cut_tail` reads what follows a target in a row whose cells ran together with no separator (``100%1010正常``
after ``≥95%``) by the header's columns after the target: an actual in the target's shape, the figures of the
points columns, then words. It never guesses: a run of figures that reads more than one way is left out with its
readings (an :class:`Ambiguity`), for :mod:`.settle` to read by the table's sums once all its rows are read, or to say.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from jixiao.model.units import canonical_unit
from jixiao.model.wording import Phrase

__all__ = ["FIGURE_KINDS", "MOST_POINTS", "POINT_KINDS", "Ambiguity", "Split", "Tail", "cut_tail", "run_cells", "shown_readings", "split_figures", "fused_run", "readings"]

FIGURE_KINDS = ("target", "weight", "actual", "score")
_RUN = re.compile(r"^(?P<prefix>.*?[^\d.])?(?P<run>\d[\d.]{2,})$", re.DOTALL)
# (full-width digits too, ０-９, as a copy may print them: \d takes them, the first digit is named)
_NUMBER = re.compile(r"^(?:[0０]|[1-9１-９]\d*)(?:\.\d+)?$")
_LONGEST_RUN = 16  # digits read at most (the readings multiply with every further digit)
_HUNDRED = Decimal(100)
_MAGNITUDE = 10  # how far apart a target and its actual fused with no points after them may be


@dataclass(frozen=True, slots=True)
class Split:
    """A run read as ``parts`` (one per column); ``readings`` is how many readings fit (1: certain)."""

    parts: tuple[str, ...]
    readings: int

    @property
    def guessed(self) -> bool:
        """True when other readings fit too."""
        return self.readings > 1


def fused_run(text: str) -> tuple[str, str] | None:
    """The prose before a run of fused figures and the run (``达到预计值210010`` → ``达到预计值``, ``210010``), or None
    when ``text`` does not end in a run of three digits or more."""
    found = _RUN.match(text.strip())
    if found is None or len(found.group("run")) > _LONGEST_RUN:
        return None
    return found.group("prefix") or "", found.group("run")


def split_figures(run: str, kinds: list[str], weights: Iterable[Decimal] = (), percent: bool = False) -> Split | None:
    """Read ``run`` as one figure for each of ``kinds`` (``target``, ``weight``, ``actual``, ``score``); None when
    no reading fits. ``weights``: the weights the table prints on other rows; ``percent``: the row's unit is %."""
    if len(kinds) < 2 or len(run) < len(kinds) or len(run) > _LONGEST_RUN:
        return None
    fitting = [parts for parts in readings(run, len(kinds)) if _fits(parts, kinds)]
    if not fitting:
        return None
    known = set(weights)

    def preference(parts: tuple[str, ...]) -> tuple[bool, bool, bool, bool]:
        figures = dict(zip(kinds, (Decimal(part) for part in parts)))
        weight, score = figures.get("weight"), figures.get("score")
        rates = [figures[kind] for kind in ("target", "actual") if kind in figures]
        return (weight in known, weight is not None and score == weight,
                percent and all(rate <= _HUNDRED for rate in rates),
                len(rates) == 2 and rates[0] == rates[1])

    best = max(fitting, key=preference)  # max keeps the first of equals: the reading with the shortest first figures
    return Split(best, len(fitting))


def readings(run: str, count: int) -> Iterable[tuple[str, ...]]:
    """Every way to cut ``run`` into ``count`` figures printed as tables print numbers, the shortest first figures
    first."""
    # (figure by figure, each cut only after a first figure that reads as one: trying every combination of cuts, a
    # run of 16 digits in five figures is 1,365 cuts, most failing on their first figure)
    if count <= 1:
        if count == 1 and _NUMBER.match(run):
            yield (run,)
        return
    for end in range(1, len(run) - count + 2):
        first = run[:end]
        if _NUMBER.match(first):
            for rest in readings(run[end:], count - 1):
                yield (first, *rest)


def _fits(parts: tuple[str, ...], kinds: list[str]) -> bool:
    figures = dict(zip(kinds, (Decimal(part) for part in parts)))
    weight, score = figures.get("weight"), figures.get("score")
    if weight is not None and not 0 < weight <= _HUNDRED:
        return False
    if weight is None and score is None and not _alike(figures):
        return False
    return score is None or 0 <= score <= (weight if weight is not None else _HUNDRED)


def _alike(figures: dict[str, Decimal]) -> bool:
    """True unless a target and an actual with no points after them are of other magnitudes (``100`` as 10 | 0):
    with no points to bound the split, only a target and what was achieved of one size tell a run of two figures
    (``2020``, ``9895``) from one figure (a copy stopping before the actual leaves ``100`` alone)."""
    target, actual = figures.get("target"), figures.get("actual")
    if target is None or actual is None:
        return True
    return target > 0 and actual > 0 and max(target, actual) < _MAGNITUDE * min(target, actual)


POINT_KINDS = ("weight", "score")
_LONGEST_UNIT = 4
# the most points one indicator carries: a level-1 block's share of 100 (产出 50, 效益 30, 满意度 10) bounds it
MOST_POINTS = Decimal(50)
_TAIL_SKIPPED = ("unit", "operator")  # columns a target written with its operator and unit has filled already
_TARGET_UNIT = re.compile(r"\d(?P<unit>[^\d\s]{1,6})$")
_BARE_TARGET = re.compile(r"(?P<operator>\D*?)(?P<run>\d{3,})$")
_TAIL_FIGURES = re.compile(r"(?P<run>\d+(?:\.\d+)?)(?=[^\d.%％]|$)")
_SHOWN_READINGS = 4  # readings a diagnostic names before saying how many more there are


@dataclass(frozen=True, slots=True)
class Ambiguity:
    """A run of fused figures: the ``columns`` it fills (in order), its ``choices`` (one figure per column, the last
    columns possibly left empty) and the ``prefix`` written before the first figure (a target's operator)."""

    run: str
    columns: tuple[str, ...]
    choices: tuple[tuple[str, ...], ...]
    prefix: str = ""

    def reading(self, choice: tuple[str, ...]) -> dict[str, str]:
        """The cells ``choice`` fills, by column kind (the first with the prefix)."""
        cells = dict(zip(self.columns, choice))
        first = self.columns[0]
        if first in cells and self.prefix:
            cells[first] = self.prefix + cells[first]
        return cells


@dataclass(frozen=True, slots=True)
class Tail:
    """What followed a target, cut by the header's columns: ``cells`` as (column kind, text) in order, the kind
    empty for words left to placement by labels; ``ambiguous``: a run of figures that reads more than one way (left
    out of ``cells``), or None."""

    cells: tuple[tuple[str, str], ...]
    ambiguous: Ambiguity | None = None


def cut_tail(tail: str, target: str, kinds: list[str]) -> Tail | None:
    """Cut ``tail``, the text after ``target`` in a row run together, by ``kinds``, the header's columns after the
    target column in order: an actual (when its column comes first) written in the target's shape (its figure and
    the target's unit: ``≥95%`` then ``100%…``), then a run of figures ending where words start, read as the points
    columns that follow (``1010`` under 分值 | 得分 is 10 | 10, the only reading), then the rest as words. A target
    with no unit whose figures go on into the columns after it (``≥10101010`` under 指标值 | 实际完成值 | 分值 | 得分)
    is such a run too, the target its first figure. A run is read only when exactly one reading fits, counting the
    readings that leave the last columns empty (``55`` may be 5 | 5 or 55 | —, unless 55 is more points than one
    indicator carries); otherwise it is left out, with its readings, in ``ambiguous``. None when the tail opens with
    no figure the columns explain."""
    kinds = [kind for kind in kinds if kind not in _TAIL_SKIPPED]
    rest = tail.strip()
    cells: list[tuple[str, str]] = []
    bare = _BARE_TARGET.fullmatch(target.strip()) if not rest else None
    if bare is not None:
        columns = ["target", *_leading(kinds, ("actual", *POINT_KINDS))]
        if len(columns) < 2:
            return None
        return run_cells(bare.group("run"), columns, "", prefix=bare.group("operator"))
    if kinds[:1] == ["actual"]:
        unit = _TARGET_UNIT.search(target.strip())
        actual = re.match(r"\d[\d,]*(?:\.\d+)?" + re.escape(unit.group("unit")), rest) if unit else None
        if actual is None:
            return None
        cells.append(("actual", actual.group(0)))
        rest, kinds = rest[actual.end():], kinds[1:]
    points = list(_leading(kinds, POINT_KINDS))
    found = _TAIL_FIGURES.match(rest) if points else None
    if found is None:
        return Tail((*cells, *([("", rest)] if rest else ()))) if cells else None
    words = rest[found.end():]
    if not cells and any(canonical_unit(words[:length]) for length in range(1, _LONGEST_UNIT + 1)
                         if length <= len(words)):
        return None  # a figure with its unit (20万元) where no actual was cut: a value, not points
    # (after the actual, words that open with a unit's character are the next cell: 109 | 部分路段延期)
    cut = run_cells(found.group("run"), points, words)
    return cut and Tail((*cells, *cut.cells), cut.ambiguous)


def run_cells(run: str, columns: list[str], words: str, prefix: str = "", least: int = 1) -> Tail | None:
    """``run`` read as the figures of ``columns`` (the first ``prefix``-ed), the last columns possibly empty (all
    but ``least``), then ``words``; None when no reading fits."""
    choices = [parts for count in range(len(columns), least - 1, -1) for parts in readings(run, count)
               if _fits(parts, columns[:count]) and _bounded(parts, columns[:count])]
    if not choices:
        return None
    words_cell = (("", words),) if words.strip() else ()
    if len(choices) > 1:
        return Tail(words_cell, Ambiguity(run, tuple(columns), tuple(choices), prefix))
    figures = [(kind, part) for kind, part in zip(columns, choices[0])]
    figures[0] = (figures[0][0], prefix + figures[0][1])
    return Tail((*figures, *words_cell))


def _bounded(parts: tuple[str, ...], kinds: list[str]) -> bool:
    """No weight above the points one indicator carries."""
    weight = dict(zip(kinds, parts)).get("weight")
    return weight is None or Decimal(weight) <= MOST_POINTS


def shown_readings(columns: tuple[str, ...], choices: tuple[tuple[str, ...], ...],
                   heading: Callable[[str], str]) -> Phrase:
    """The readings of an ambiguous run as a diagnostic says them (the first few, then how many more), each
    column's heading and figure a parameter."""
    shown = Phrase.joined([Phrase.listing("{column}{figure}", [{"column": heading(kind), "figure": part}
                                                               for kind, part in zip(columns, choice)], "｜")
                           for choice in choices[:_SHOWN_READINGS]], "或")
    more = Phrase("等{count}种", {"count": str(len(choices))}) if len(choices) > _SHOWN_READINGS else ""
    return Phrase("{shown}{more}", {"shown": shown, "more": more})


def _leading(kinds: list[str], wanted: tuple[str, ...]) -> Iterable[str]:
    """The kinds at the start of ``kinds`` that are among ``wanted``."""
    for kind in kinds:
        if kind not in wanted:
            return
        yield kind
