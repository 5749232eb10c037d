"""The figures of a bureau's year as its page and charts show them, made from its units' stored figures
(``PublishedYear`` rows or the migration's historical ones: anything with the same attributes)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

__all__ = ["GRADES", "average", "year_chart"]

GRADES = ("优", "良", "中", "差")


def average(score_sum: Decimal, scored: int) -> float | None:
    """The average self-evaluation score of ``scored`` published results, to two places."""
    return round(float(score_sum) / scored, 2) if scored else None


def year_chart(units: Sequence) -> dict:
    """What the year's charts show: grades of all tables, and per unit (in the order given) the average score
    and targets met."""
    scored = [u for u in units if u.scored]
    return {
        # Grades no table has are left out: a pie's empty slices only pile their labels on each other.
        "grades": [{"name": g, "value": n} for g in GRADES if (n := sum(u.grades.get(g, 0) for u in units))],
        "names": [u.unit.name for u in scored],
        "scores": [average(u.score_sum, u.scored) for u in scored],
        "met": [u.targets_met for u in scored],
        "missed": [u.targets_scored - u.targets_met for u in scored],
    }
