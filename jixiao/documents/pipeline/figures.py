"""Figures printed without a space between them: in run-together text a row's target, weight, actual and score
fuse into one run of digits (``达到预计值210010`` is a target of 2100 and 10 points; ``901010010`` is 90 | 10 |
100 | 10). :func:`split_figures` reads such a run as one figure per column.

A reading must print every figure as tables print numbers (no leading zero but in ``0`` and ``0.x``, one decimal
point at most, none at either end); a weight (分值, 权重) is more than 0 and at most 100, a score (得分) at least 0
and at most its row's weight. When exactly one reading fits, the split is certain. When several do, the split is
a guess and says so: it prefers a weight the table prints elsewhere, then a score equal to its weight (full
marks, the usual case), then rates of a % row that stay within 100, then an actual equal to its target (met).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations

__all__ = ["FIGURE_KINDS", "Split", "split_figures", "fused_run", "readings"]

FIGURE_KINDS = ("target", "weight", "actual", "score")
_RUN = re.compile(r"^(?P<prefix>.*?[^\d.])?(?P<run>\d[\d.]{2,})$", re.DOTALL)
_NUMBER = re.compile(r"^(?:0|[1-9]\d*)(?:\.\d+)?$")
_LONGEST_RUN = 16  # digits read at most (the readings multiply with every further digit)
_HUNDRED = Decimal(100)


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
    """Every way to cut ``run`` into ``count`` figures printed as tables print numbers."""
    for cuts in combinations(range(1, len(run)), count - 1):
        bounds = (0, *cuts, len(run))
        parts = tuple(run[start:end] for start, end in zip(bounds, bounds[1:]))
        if all(_NUMBER.match(part) for part in parts):
            yield parts


def _fits(parts: tuple[str, ...], kinds: list[str]) -> bool:
    figures = dict(zip(kinds, (Decimal(part) for part in parts)))
    weight, score = figures.get("weight"), figures.get("score")
    if weight is not None and not 0 < weight <= _HUNDRED:
        return False
    return score is None or 0 <= score <= (weight if weight is not None else _HUNDRED)
