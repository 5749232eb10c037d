"""Names run together in a self-evaluation whose figures a document site stripped (P123).

Such a copy keeps the words of every cell and loses every digit; the figures that stood between a row's name and
the next row's name are gone, so one "name" holds several (``国家奖学金人均资助国家励志奖学金人均资助国家助学金人均资助``),
the 分 of a lost weight between them (``资金发放率分困难生完成学业率``), a level-2 name its 指标 lost before them
(``数量国家奖学金人数…``). The names of one block are alike: they end the same way. :func:`unrun_names` cuts such a
name after each occurrence of the ending it closes with, when that ending recurs, the level-2 name before them taken
as the rows' level; a bracketed remark after the lost weight (``分(因全校总人数减少…)``) is the row's before, never a
place to cut, and a piece opening with a word that joins a name's parts (受助人数占学生人数: labels.toml's
``[run_together_names]``) is no name of its own.
"""

from __future__ import annotations

import re

from jixiao.documents.pipeline.labels import split_level_prefix
from jixiao.documents.vocabulary import labels
from jixiao.model import GoalSheet, Indicator
from jixiao.model.vocabulary import canonical_level2

__all__ = ["unrun_names"]

_SHORTEST_NAME = 3  # characters of a name cut out of a run: fewer is a word of a name, not a name
_LONGEST_ENDING = 6  # characters of the shared ending weighed at most
_SHORTEST_ENDING = 2  # characters of a shared ending that mark names alone (one needs the 分 of a lost weight after it)
# what a lost weight leaves before the next name: its 分, perhaps a remark in brackets (分(因…减少))
_LOST_POINTS = re.compile(r"^分(?P<remark>[(（][^()（）]*[)）])?")
_BRACKETED = re.compile(r"[(（][^()（）]*[)）]")


def unrun_names(sheet: GoalSheet, results: list[tuple[int, dict[str, str]]]
                ) -> tuple[GoalSheet, list[tuple[int, dict[str, str]]], list[tuple[str, list[str], int | None]]] | None:
    """The sheet with each row whose name holds several names cut into one row per name, the results renumbered
    (a remark the lost weight left goes to the row before it as its 偏差原因), and each (name as read, names cut, the
    grid row it was read from); None when no row's name holds several."""
    values = dict(results)
    indicators: list[Indicator] = []
    renumbered: list[tuple[int, dict[str, str]]] = []
    cuts: list[tuple[str, list[str], int | None]] = []
    for position, indicator in enumerate(sheet.indicators, start=1):
        parts = _names(indicator)
        cells = values.get(position)
        if parts is None:
            indicators.append(indicator)
            if cells is not None:
                renumbered.append((len(indicators), cells))
            continue
        level2, names = parts
        cuts.append((indicator.name, [name for name, _ in names], indicator.row))
        for index, (name, remark) in enumerate(names):
            update: dict = {"name": name}
            if level2:
                update.update(level2=canonical_level2(level2), level2_raw=level2)
            indicators.append(indicator.model_copy(update=update))
            row = dict(cells or {}) if index == 0 else {}
            if remark:
                row["deviation"] = remark
            if cells is not None or row:
                renumbered.append((len(indicators), row))
    if not cuts:
        return None
    return sheet.model_copy(update={"indicators": indicators}), renumbered, cuts


def _names(indicator: Indicator) -> tuple[str, list[tuple[str, str]]] | None:
    """The level-2 name a run of names opens with (its 指标 lost: 数量) when the row names none, and each name with
    the remark the lost weight after it left; None when the name is one name."""
    if indicator.target.raw.strip():
        return None
    text = indicator.name.strip()
    level2 = ""
    if indicator.level2 is None:
        _, opening, rest = split_level_prefix(text)
        if opening and len(rest) >= _SHORTEST_NAME:
            level2, text = opening, rest
    ends = _ends(text)
    if len(ends) < 2:
        return None
    pieces = [text[start:end] for start, end in zip([0, *ends], ends)]
    names: list[tuple[str, str]] = []
    for piece in pieces:
        lost = _LOST_POINTS.match(piece) if names else None
        if lost is not None:
            piece = piece[lost.end():]
            if lost.group("remark"):
                names[-1] = (names[-1][0], lost.group("remark").strip("()（）"))
        names.append((piece, ""))
    joining = tuple(labels()["run_together_names"]["joining"])
    if any(len(name) < _SHORTEST_NAME for name, _ in names) or any(name.startswith(joining) for name, _ in names[1:]):
        return None  # (受助人数占学生人数: one name whose parts end alike)
    return level2, names


def _ends(text: str) -> list[int]:
    """Where each name ends in ``text``: after each occurrence, outside brackets, of the longest ending ``text``
    closes with that recurs there (of one character only where each is followed by a lost weight's 分: 资金发放率分
    困难生完成学业率); no cut when none recurs."""
    bracketed = [(found.start(), found.end()) for found in _BRACKETED.finditer(text)]

    def outside(end: int) -> bool:
        return not any(start < end <= stop for start, stop in bracketed)

    for length in range(min(_LONGEST_ENDING, len(text) // 2), 0, -1):
        ending = text[-length:]
        ends = [found.end() for found in re.finditer(re.escape(ending), text) if outside(found.end())]
        if length < _SHORTEST_ENDING and not all(text.startswith("分", end) for end in ends[:-1]):
            continue  # one character ends many a word (国家助学金人均资助): only where a lost weight's 分 follows it
        if len(ends) >= 2:
            return ends
    return []
