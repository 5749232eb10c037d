"""Where an indicator added in the editor goes: in framework order, after its 一级/二级 siblings.

The rows a sheet already has keep the order the user (or the document) gave them; only new rows are placed. A
new 产出指标/时效指标 row lands after the last 产出 row whose 二级指标 comes no later in the framework, not at
the end of the table after 满意度.
"""

from __future__ import annotations

from collections.abc import Mapping

from jixiao.model import canonical_level1, canonical_level2
from jixiao.model.vocabulary import (
    Framework,
    level1_names,
    level2_names,
    level2_parents,
)

__all__ = ["level2_choices_by_level1", "place_new_rows"]

Cells = Mapping[str, str]


def _rank(names: list[str], name: str | None) -> int:
    return names.index(name) if name in names else len(names)


def _levels(cells: Cells) -> tuple[int, int]:
    return (_rank(level1_names(), canonical_level1(cells.get("level1")) or cells.get("level1")),
            _rank(level2_names(), canonical_level2(cells.get("level2")) or cells.get("level2")))


def _position(rows: list[Cells], new: Cells) -> int:
    """The index at which ``new`` is inserted into ``rows``."""
    level1, level2 = _levels(new)
    same = [i for i, row in enumerate(rows) if _levels(row)[0] == level1]
    if same:
        before = [i for i in same if _levels(rows[i])[1] <= level2]
        return before[-1] + 1 if before else same[0]
    later = [i for i, row in enumerate(rows) if _levels(row)[0] > level1]
    return later[0] if later else len(rows)


def place_new_rows(kept: list[Cells], new: list[Cells]) -> list[Cells]:
    """``kept`` in its order with each row of ``new`` inserted in framework order (new rows keep their own order)."""
    rows = list(kept)
    for cells in new:
        rows.insert(_position(rows, cells), cells)
    return rows


def level2_choices_by_level1() -> dict[str, list[str]]:
    """For the editor's 二级指标 list: the 二级指标 each 一级指标 may hold, in any framework."""
    allowed: dict[str, list[str]] = {name: [] for name in level1_names()}
    for framework in Framework:
        for level2, level1 in level2_parents(framework).items():
            if level2 not in allowed.setdefault(level1, []):
                allowed[level1].append(level2)
    return {level1: sorted(names, key=level2_names().index) for level1, names in allowed.items()}
