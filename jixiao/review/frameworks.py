"""Level frameworks other than the standard one: the levels a sheet uses when it is not 产出/效益/满意度指标.

Before 2018 some provinces set goals under 投入目标/管理目标/产出目标/效果目标, and evaluations score against
决策/过程/产出/效益 (财预〔2020〕10号; 投入/过程/产出/效果 in 财预〔2013〕53号). A sheet written in such a framework is
judged by its own levels, not called non-standard for them. Each framework is a TOML file under
``data/frameworks/`` that cites its source; :func:`recognise_framework` picks one from the level names a sheet uses.
"""

from __future__ import annotations

import tomllib
from functools import cache, cached_property

from pydantic import BaseModel, Field

from jixiao.model import GoalSheet
from jixiao.model.lexicon import fold
from jixiao.model.vocabulary import canonical_level1
from jixiao.review.forms import level_word, shipped_file, shipped_names

__all__ = ["LevelFramework", "available_frameworks", "load_framework", "recognise_framework"]


class LevelFramework(BaseModel):
    """One framework of levels.

    ``level1`` maps each 一级 name to the other ways it is written (投入目标: 投入); ``level2`` maps a 一级 name to
    the 二级 names used under it (where a 二级 stands is not checked: forms file 时效目标 under 投入 as well as under
    产出). ``required_level1`` are the 一级 every sheet in the framework has.
    """

    name: str
    label: str
    source: str
    confirmed: bool = False
    level1: dict[str, list[str]] = Field(default_factory=dict)
    level2: dict[str, list[str]] = Field(default_factory=dict)
    required_level1: list[str] = Field(default_factory=list)

    def level1_named(self, written: str) -> str | None:
        """The framework's 一级 name ``written`` stands for (一、投入 → 投入目标), or None."""
        word = level_word(written)
        return next((name for name, aliases in self.level1.items()
                     if word in {fold(name), *(fold(alias) for alias in aliases)}), None)

    def knows(self, written: str) -> bool:
        """True when ``written`` (numbering aside) is a 一级 or 二级 name of this framework."""
        return level_word(written) in self._names

    def names(self, column: str) -> list[str]:
        """The framework's 一级 (``column`` ``level1``) or 二级 names, as it writes them in full."""
        if column == "level1":
            return list(self.level1)
        return list(dict.fromkeys(name for names in self.level2.values() for name in names))

    def own_names(self) -> frozenset[str]:
        """The folded 一级 names the standard vocabulary does not understand (投入, 管理目标, 决策): what tells the
        framework from the standard one."""
        return frozenset(name for name in self._level1_names if not canonical_level1(name))

    @cached_property
    def _level1_names(self) -> frozenset[str]:
        # (folded once per framework: a framework is loaded once and never changed)
        return frozenset(fold(name) for key, aliases in self.level1.items() for name in (key, *aliases))

    @cached_property
    def _names(self) -> frozenset[str]:
        return self._level1_names | {fold(name) for names in self.level2.values() for name in names}


def available_frameworks() -> list[str]:
    """The names of the shipped level frameworks."""
    return list(shipped_names("frameworks"))


@cache
def load_framework(name: str) -> LevelFramework:
    """The shipped level framework ``name``."""
    return LevelFramework.model_validate(tomllib.loads(shipped_file("frameworks", name).read_text(encoding="utf-8")))


def recognise_framework(sheet: GoalSheet) -> LevelFramework | None:
    """The framework whose levels ``sheet`` uses, or None for the standard one.

    A framework fits when the sheet's 一级 column names at least one of the framework's own 一级 (a name the standard
    vocabulary does not understand: 投入, 管理目标, 决策) and the framework knows at least half of the sheet's 一级
    names; of those that fit, the one that knows most of the sheet's level names.
    """
    level1 = {level_word(i.level1_raw) for i in sheet.indicators if i.level1_raw.strip()} - {""}
    levels = level1 | {level_word(i.level2_raw) for i in sheet.indicators if i.level2_raw.strip()}
    best, best_score = None, 0
    for framework in map(load_framework, shipped_names("frameworks")):
        known = {name for name in level1 if framework.knows(name)}
        if not known & framework.own_names() or 2 * len(known) < len(level1):
            continue
        score = sum(framework.knows(name) for name in levels)
        if score > best_score:
            best, best_score = framework, score
    return best
