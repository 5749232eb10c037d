"""The fixed vocabulary of indicator levels 1 and 2 and the frameworks that arrange them."""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import StrEnum
from functools import cache, lru_cache
from types import MappingProxyType

from jixiao.model.lexicon import TEXT_MEMO, fold, load

__all__ = [
    "Framework",
    "canonical_level1",
    "canonical_level2",
    "written_level2",
    "ndrc_level1",
    "level1_names",
    "level2_names",
    "level2_parents",
    "may_end_level_name",
]


class Framework(StrEnum):
    """Which indicator framework a sheet follows."""

    LEGACY = "legacy"  # 财预〔2015〕88号 / 财预〔2020〕10号: 成本指标 under 产出指标
    Y2021 = "y2021"  # 财预〔2021〕101号 and provincial versions: 成本指标 is a level 1 of its own


# The points a level's rows share, written after its name: 产出指标(50分), 成本指标(0-20)分, 产出指标(40-50分), or
# without brackets after a space or a colon the folding drops or keeps (产出指标 50分, 效益指标：30分).
_POINTS = re.compile(r"(?:[(（]\s*\d+(?:\.\d+)?(?:\s*[-－~～]\s*\d+(?:\.\d+)?)?\s*分?\s*[)）]\s*分?"
                     r"|(?<=指标)[:：]?\s*\d+(?:\.\d+)?\s*分[)）]?)$")  # (效益指标30分): its opening bracket lost


# The form's gloss of a level name in brackets: the alternative it allows (数量指标(或建筑规模指标), 预算(或投资规模)控制
# 指标) or the narrower names it means (时效指标(工期指标、形象进度指标)); the level is the name without it.
_GLOSS = re.compile(r"[(（]或[^()（）]*[)）]|(?<=指标)[(（][^()（）]*指标[)）]$")


@cache
def _aliases(level: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for canonical, spellings in load("vocabulary")[level].items():
        table[fold(canonical)] = canonical
        for spelling in spellings:
            table.setdefault(fold(spelling), canonical)
    return table


_NUMBERING = "0123456789一二三四五六七八九十、.．)）(（"


def _unnumbered(key: str) -> str:
    """A level name without the section number a table prints before it (``三、产出目标``, ``1.数量目标``)."""
    return key.lstrip(_NUMBERING)


# Level cells repeat down every grid and are asked about at every step of reading: the answers are memoised.
@lru_cache(maxsize=TEXT_MEMO)
def _canonical(level: str, raw: str | None) -> str | None:
    if not raw:
        return None
    key = _GLOSS.sub("", _POINTS.sub("", fold(raw)))
    if key.endswith("指标等"):
        key = key[:-1]  # the template's "服务对象满意度指标等": the level and its like
    # Tables number their levels ("一、产出指标", "1.数量指标") and note their points ("产出指标(50分)"): drop
    # such a prefix or suffix before matching.
    # Some forms end every level name in 值 instead of 指标 (产出值, 经济效益值).
    aliases = _aliases(level)
    for candidate in (key, _unnumbered(key)):
        for spelling in (candidate, candidate.removesuffix("值") if len(candidate) > 2 else candidate):
            if spelling in aliases:
                return aliases[spelling]
    # a word typed twice (社会效益效益指标): the level name it doubles, never a name a word says twice on purpose
    undoubled = _DOUBLED.sub(r"\1", _unnumbered(key))
    return aliases.get(undoubled) if undoubled != _unnumbered(key) else None


# (inside the name: a level name's ending said again, 数量指标指标1:…, is the next cell's 指标1, no typo)
_DOUBLED = re.compile(r"(\w{2,4})\1(?=\w)")


@cache
def _name_endings() -> frozenset[str]:
    # What :func:`_canonical` can match ends in: a spelling's last character, 值 (产出值), 等 (…指标等) or the
    # points written after the name ((50分), (0-20)分).
    return frozenset({key[-1] for level in ("level1", "level2") for key in _aliases(level)} | set("值等)分"))


@lru_cache(maxsize=4096)
def may_end_level_name(char: str) -> bool:
    """False when no text ending in ``char`` can be a level name's spelling: its folded form ends as no spelling
    does. (Folding works character by character at a text's end: the Traditional phrases OpenCC converts as
    wholes end as their last character alone converts, where it matters.) A space is left to what precedes it."""
    folded = fold(char)
    return not folded or folded[-1] in _name_endings()


def canonical_level1(raw: str | None) -> str | None:
    """Return the canonical 一级指标 name for a spelling found in a table, or None if unknown."""
    return _canonical("level1", raw)


def canonical_level2(raw: str | None) -> str | None:
    """Return the canonical 二级指标 name for a spelling found in a table, or None if unknown."""
    return _canonical("level2", raw)


@lru_cache(maxsize=TEXT_MEMO)
def written_level2(raw: str | None) -> str | None:
    """The name of a level 2 that real forms use outside the framework (进度指标), kept as written; None for
    any other text."""
    if not raw:
        return None
    key = _unnumbered(_POINTS.sub("", fold(raw)))
    vocabulary = load("vocabulary")
    return key if key in vocabulary["level2_written"]["names"] or key in vocabulary["ndrc"]["level2"] else None


@lru_cache(maxsize=TEXT_MEMO)
def ndrc_level1(raw: str | None) -> str | None:
    """The NDRC 中央预算内投资计划 form's own level-1 name (实施效果指标, 过程管理指标) as written, or None: under
    it the budget framework's level-1 names are level-2 names."""
    key = _POINTS.sub("", fold(raw)) if raw else ""
    return key if key in load("vocabulary")["ndrc"]["level1"] else None


def level1_names() -> list[str]:
    """The canonical 一级指标 names, in table order."""
    return list(load("vocabulary")["level1"])


def level2_names() -> list[str]:
    """The canonical 二级指标 names, in table order."""
    return list(load("vocabulary")["level2"])


def level2_parents(framework: Framework) -> Mapping[str, str]:
    """Map each 二级指标 to the 一级指标 it belongs under in ``framework`` (a read-only view)."""
    return _parents(framework)


@cache
def _parents(framework: Framework) -> MappingProxyType[str, str]:
    # Asked by reader and review for every row: built once per framework, read-only since it is shared.
    spec = load("vocabulary")["framework"][framework.value]
    return MappingProxyType({child: parent for parent, children in spec.items() if parent != "label"
                             for child in children})
