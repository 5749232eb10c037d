"""Levels a table printed apart from its rows, restored from the rows' names.

A PDF's text layer prints a grid's vertically merged cells where their middle line falls, often after every row of
the grid (the 205 form: the rows of 产出指标, then ``二级指标 数量指标 … 产出指标 … 时效指标 … 质量指标``): the rows
come out with no level at all, while rows printed later in the same table carry theirs. A row's name often says
which level-2 group it is in (…企业数量 is a 数量指标, 企业国际质量提升 a 质量指标, 资金拨付及时性 a 时效指标). Those
names are the anchors, for the level-2 names the table printed apart from its rows; a row without such a word
between two anchors of the same level is in that group, and rows before a first anchor of 数量指标 are too (数量指标
opens the framework's order: nothing stands before it). Other rows stay without a level: their group cannot be told.
Every level restored is a guess, and the sheet says so.

A table that prints no level anywhere (指标名称 | 计量单位 | 指标性质 | 指标值) has none to lose, and a copy that
dropped a row's level cells (a web page's merged cells) printed none to restore: nothing is restored.
"""

from __future__ import annotations

from jixiao.model.lexicon import fold

__all__ = ["restored_levels"]

# The words a name uses for what each level-2 group measures; a name holding the words of two groups is no anchor.
_WORDS = {
    "数量指标": ("数量", "个数", "次数", "人数", "户数", "人次", "场次", "批次"),
    "质量指标": ("质量", "合格率", "达标率", "合格", "验收", "准确率", "优良率"),
    "时效指标": ("及时", "时效", "时限", "按时", "期限", "完成时间"),
    "成本指标": ("成本",),
}
_FIRST = "数量指标"  # the level 2 the framework's order opens with


def restored_levels(levels: list[str | None], names: list[str], printed: set[str]) -> list[tuple[int, str, str | None]]:
    """For the rows of one table, in order, each given with its level (None when it printed none) and its name,
    and the level-2 names the table printed apart from its rows: the rows whose level 2 is restored, as (position,
    level 2, the name's word it rests on, None for a row placed between anchors). Only a printed level 2 is
    restored: a copy that dropped a row's level cells (a web page's merged cells) printed none to restore. Nothing
    when no row of the table carries a level (the table has none to lose)."""
    if all(level is None for level in levels):
        return []
    anchors = [_anchor(name) if level is None else None for level, name in zip(levels, names)]
    anchors = [anchor if anchor is not None and anchor[0] in printed else None for anchor in anchors]
    restored: list[tuple[int, str, str | None]] = []
    position = 0
    while position < len(levels):
        if levels[position] is not None:
            position += 1
            continue
        end = position
        while end < len(levels) and levels[end] is None:
            end += 1
        restored += _run(anchors[position:end], position)
        position = end
    return restored


def _run(anchors: list[tuple[str, str] | None], start: int) -> list[tuple[int, str, str | None]]:
    """The levels of one run of rows without a level, from the anchors among them."""
    found = [(at, anchor) for at, anchor in enumerate(anchors) if anchor is not None]
    if not found:
        return []
    restored: list[tuple[int, str, str | None]] = []
    previous: str | None = None
    for at, anchor in enumerate(anchors):
        if anchor is not None:
            restored.append((start + at, anchor[0], anchor[1]))
            previous = anchor[0]
            continue
        following = next((level for later, (level, _) in found if later > at), None)
        if following is not None and (following == previous or previous is None and following == _FIRST):
            restored.append((start + at, following, None))
    return restored


def _anchor(name: str) -> tuple[str, str] | None:
    """The level 2 a name's own words say, with the word; None when they say none, or more than one."""
    folded = fold(name)
    found = {(level, next(word for word in words if word in folded))
             for level, words in _WORDS.items() if any(word in folded for word in words)}
    return found.pop() if len(found) == 1 else None
