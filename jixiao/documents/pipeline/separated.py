"""Rows whose names and figures a text flow printed in separate blocks (part of step 4, alignment).

A PDF's text layer often comes out column by column rather than row by row: the first row's name, then the
figures of every row one row after another (``=100% | 100% | 10 | 10 | =100% | 100% | 20 | 20 | 及时 | 及时 | …``),
the table's totals, and only then the other rows' names with the level cells among them. The stream's usual
alignment would give each run of figures the figures before it as a name.

:func:`separated_rows` recognises that shape and pairs names and figures in order, only where the evidence is
strong: the header's columns after the name hold figures only (target, actual, points), notes (偏差原因, 备注)
aside; at least two rows of
figures stand together, each shaped like a row (a target or a word, an achieved value, points as bare numbers);
after them only the totals, names and level cells; and the names are exactly as many as the rows of figures.
A level-2 name per row is taken in order when the stream prints exactly one per row, else each name takes the
levels printed before it. Anything else is refused and the stream is aligned as usual; where only the counts
disagree, the refusal says so (a P102 note on the stream's first row).

:func:`centred_rows` reads the other shape of such a flow: a column of names under a header of levels and names
only, each merged level cell printed at the height of its middle row, so among its group's names (the values'
column comes after, and a copy often ends on its heading). The names are grouped by the kind of figure each
measures; where no kind says where two groups part, nothing is guessed and the stream's first row says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from itertools import takewhile

from jixiao.documents.pipeline.labels import Role, is_bare_number, is_numbered, is_qualitative, is_value, label
from jixiao.documents.pipeline.regions import is_frame_label
from jixiao.documents.pipeline.tokens import Token, rejoined_characters
from jixiao.model import canonical_level1, canonical_level2
from jixiao.model.figure_kinds import Kind, kind_of
from jixiao.model.lexicon import fold, load
from jixiao.model.vocabulary import Framework, level2_parents

__all__ = ["Centred", "Separated", "SeparatedRow", "centred_rows", "separated_rows"]

_FIGURE_SLOTS = {"target": "value", "actual": "value", "weight": "points", "score": "points"}
# columns of notes after the figures, empty on most rows (偏差原因, 备注): a row of figures leaves them empty
_NOTE_SLOTS = ("deviation", "remark")
_MIN_SLOTS = 3  # figures a row needs for its shape to tell it apart from a name's neighbours
_MIN_ROWS = 2  # rows of figures standing together (one is an ordinary row without its name)
_WRAPPED_END = 2  # characters of a name's end a wrap leaves as a token of its own (…完成 | 率)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_LEVEL_KINDS = {Role.LEVEL1: "level1", Role.LEVEL2: "level2"}


@dataclass(slots=True)
class SeparatedRow:
    """One row put together again: its level names, its name (pieces joined), its figures by column kind."""

    levels: dict[str, str]
    name: str
    figures: dict[str, str]
    tokens: int
    line: int | None = None


@dataclass(slots=True)
class Separated:
    """A stream whose tail holds rows printed apart: the tokens before them (aligned as usual), the rows, and
    the totals printed after the figures (分值, 得分 of the 总分 row). With no rows, the shape was found but its
    names and rows of figures do not count up (``unpaired``): the whole stream is ``before``."""

    before: list[Token]
    rows: list[SeparatedRow]
    totals: list[str] = field(default_factory=list)
    levels_in_order: bool = False
    unpaired: tuple[int, int] | None = None  # rows of figures and names found, when they do not count up


def separated_rows(tokens: list[Token], slots: list[str]) -> Separated | None:
    """The rows of a stream whose names and figures were printed in separate blocks, or None when the stream
    is not so shaped (see the module's docstring)."""
    if "name" not in slots:
        return None
    after_name = slots[slots.index("name") + 1:]
    kinds = list(takewhile(lambda kind: kind in _FIGURE_SLOTS, after_name))
    if len(kinds) < _MIN_SLOTS or any(kind not in _NOTE_SLOTS for kind in after_name[len(kinds):]) or \
            "points" not in {_FIGURE_SLOTS[kind] for kind in kinds}:
        return None
    filled = [token for token in tokens if token.text.strip()]
    texts = [token.text.strip() for token in filled]
    start, count = _figure_block(texts, kinds)
    if count < _MIN_ROWS:
        return None
    end = start + count * len(kinds)
    groups = [dict(zip(kinds, texts[at:at + len(kinds)])) for at in range(start, end, len(kinds))]
    totals = _totals(texts[end:], kinds, groups)
    if totals is None:
        return None
    after = end + len(totals)
    # the row before the figures: its levels and name stand between the last figure before them and the block
    lead = start
    while lead > 0 and not _is_figure(texts[lead - 1]):
        lead -= 1
    around = filled[lead:start] + filled[after:]  # the names and level cells, the figures left out
    lead_names = _names(filled[lead:start])
    names = _names(around)
    if lead_names is None or names is None or len(lead_names) > 1:
        return None
    if len(names) != len(groups):
        # the shape is there but the names do not count up (a name broken in more pieces than a wrapped end, a
        # level cell broken in two): paired in order they would be wrong, so the stream is aligned as usual
        return Separated(tokens, [], unpaired=(len(groups), len(names)))
    levels = [(_level_kind(token.text.strip()), token.text.strip()) for token in around]
    level2s = [text for kind, text in levels if kind == "level2"]
    level1s = [text for kind, text in levels if kind == "level1"]
    in_order = len(level2s) == len(groups)
    rows = []
    for order, (name, figures) in enumerate(zip(names, groups)):
        levels = name.levels
        if in_order:
            levels = {"level2": level2s[order]}
            parent = _parent(level2s[order], level1s)
            if parent is not None:
                levels["level1"] = parent
        rows.append(SeparatedRow(levels, "".join(name.pieces), figures, name.tokens + len(kinds), name.line))
    # the level and frame cells no row took are counted with the first row (they are the rows' merged cells)
    used = sum(row.tokens for row in rows) + len(totals)
    rows[0].tokens += len(filled) - lead - used
    return Separated(tokens[:_position(tokens, filled, lead)], rows, totals, in_order)


def _is_figure(text: str) -> bool:
    return is_value(text) or is_bare_number(text)


def _fits(text: str, kind: str) -> bool:
    if _FIGURE_SLOTS[kind] == "points":
        return is_bare_number(text)
    return is_value(text) or is_qualitative(text)


def _figure_block(texts: list[str], kinds: list[str]) -> tuple[int, int]:
    """Where the first run of at least two rows of figures starts, and how many rows it holds."""
    width = len(kinds)
    for start in range(len(texts) - width * _MIN_ROWS + 1):
        count = 0
        while start + (count + 1) * width <= len(texts) and all(
                _fits(text, kind) for text, kind in zip(texts[start + count * width:], kinds)):
            count += 1
        if count >= _MIN_ROWS:
            return start, count
    return 0, 0


def _totals(texts: list[str], kinds: list[str], groups: list[dict[str, str]]) -> list[str] | None:
    """The totals after the rows' figures (one per points column: 100 | 98.62), none, or None when figures
    follow that are not the totals (then the block is not the table's last rows)."""
    points = [kind for kind in kinds if _FIGURE_SLOTS[kind] == "points"]
    figures = list(_leading_figures(texts))
    if not figures:
        return []
    if len(figures) != len(points) or not all(is_bare_number(text) for text in figures):
        return None
    column = "weight" if "weight" in points else points[0]
    written = sum(Decimal(group[column]) for group in groups)
    total = Decimal(figures[points.index(column)])
    # (the points of rows outside the grid, 预算执行率's, make the total more than the rows' own)
    return figures if total >= written or total == Decimal(100) else None


def _leading_figures(texts: list[str]):
    for text in texts:
        if not _is_figure(text):
            return
        yield text


def _level_kind(text: str) -> str | None:
    return _LEVEL_KINDS.get(label(text).role)


@dataclass(slots=True)
class _Name:
    levels: dict[str, str]
    pieces: list[str]
    line: int | None
    tokens: int


def _names(tokens: list[Token]) -> list[_Name] | None:
    """The names among ``tokens`` (only names, level cells and the frame label may stand there), each with the
    levels printed before it and its pieces (a wrapped end joins the name before it); None when anything else
    stands there.

    A spreadsheet's text breaks its merged level cells over the names too (效益指 | 标(30 | 分), 服务对象满 |
    指标1:是否满意 | (10分 | 意度指标): a piece that opens a level name is that level, the rest of it and its
    points are no name, nor is a heading's word the flow left among them (年度). Where the names carry the
    template's numbering (指标1:), a text without it right after a name is the rest of that name."""
    names: list[_Name] = []
    levels: dict[str, str] = {}
    for token in tokens:
        text = token.text.strip()
        kind = _level_kind(text)
        opened = _opened_level(text) if kind is None else None
        if kind is not None:
            levels[kind] = text
        elif opened is not None:
            levels[opened[0]] = opened[1]
        elif is_frame_label(text) or _level_rest(text) or _stray_heading(text):
            continue
        elif label(text).role is not Role.TEXT or _is_figure(text) or not _CJK.search(text):
            return None
        elif len(text) <= _WRAPPED_END or names and not levels and is_numbered(names[-1].pieces[0]) and not \
                is_numbered(text):
            if not names:
                return None
            names[-1].pieces.append(text)  # the wrapped end of the name before it (…完成 | 率)
            names[-1].tokens += 1
        else:
            names.append(_Name(levels, [text], token.line, 1 + len(levels)))
            levels = {}
    return names


# (each run of spaces or digits taken whole: the pattern is tried at every character, and spaces split three ways took
# a minute on a cell of 300 spaces)
_POINTS_PIECE = re.compile(r"[(（]?\s*+\d*+(?:\.\d+)?\s*+分?\s*+[)）]?$")  # (30 | 分) | (10分 | ): a level's points, broken
_POINTS_MARK = re.compile(r"[分()（）]")
_SHORTEST_LEVEL_PIECE = 3  # characters of a level name's opening piece (效益指), or of its rest (意度指标: 4)


@cache
def _level_spellings() -> dict[str, tuple[str, str]]:
    """Every level name's spelling (folded) with its kind and canonical name."""
    vocabulary = load("vocabulary")
    found: dict[str, tuple[str, str]] = {}
    for kind in ("level1", "level2"):
        for name, spellings in vocabulary[kind].items():
            for spelling in (name, *spellings):
                found.setdefault(fold(spelling), (kind, name))
    return found


def _opened_level(text: str) -> tuple[str, str] | None:
    """The level (kind, name) whose name ``text`` opens, a broken cell's first piece (效益指, 服务对象满), or None."""
    key = fold(_POINTS_PIECE.sub("", text))
    if len(key) < _SHORTEST_LEVEL_PIECE:
        return None
    found = {level for spelling, level in _level_spellings().items() if spelling.startswith(key) and spelling != key}
    return found.pop() if len(found) == 1 else None


def _level_rest(text: str) -> bool:
    """True for the rest of a broken level cell: its points (标(30, 分), (10分, ``)``) or its name's end (意度指标)."""
    bare = _POINTS_PIECE.sub("", text)
    if len(bare) <= 1 and bare != text and _POINTS_MARK.search(text):
        return True
    key = fold(text)
    return len(key) >= _SHORTEST_LEVEL_PIECE and any(
        spelling.endswith(key) and spelling != key for spelling in _level_spellings())


def _stray_heading(text: str) -> bool:
    """True for a heading's short word that a flow left among the names (年度 of 年度 | 指标值)."""
    return len(text) <= _WRAPPED_END and label(text).role in (Role.FIELD, Role.HEADING)


def _parent(level2: str, level1s: list[str]) -> str | None:
    """The level-1 name printed in the stream that ``level2`` belongs under."""
    child = canonical_level2(level2)
    parents = {level2_parents(framework).get(child) for framework in Framework}
    return next((text for text in level1s if canonical_level1(text) in parents), None)


def _position(tokens: list[Token], filled: list[Token], index: int) -> int:
    """The index in ``tokens`` of the ``index``-th filled token (the end of ``tokens`` past the last)."""
    if index >= len(filled):
        return len(tokens)
    target = filled[index]
    return next(at for at, token in enumerate(tokens) if token is target)


# the kind of figure the names under a level-2 name measure, where the level says it (数量指标: counts)
_LEVEL_FIGURES = {"数量指标": Kind.COUNT, "质量指标": Kind.RATE, "时效指标": Kind.DURATION, "成本指标": Kind.MONEY,
                  "经济成本指标": Kind.MONEY, "服务对象满意度指标": Kind.SATISFACTION}
_LONGEST_TAIL = 4  # characters of a name's wrapped end that measures what the name before it did not (…补助 | 基地个数)


@dataclass(slots=True)
class Centred:
    """The rows of a column of names whose level cells a text flow printed in the middle of their groups, or, when
    the names' kinds do not say where one group ends and the next begins, the level names in dispute."""

    rows: list[SeparatedRow]
    unsure: tuple[str, str] | None = None


def centred_rows(tokens: list[Token], slots: list[str]) -> Centred | None:
    """The rows of a stream that holds only names and level cells under a header of levels and names (一级指标 |
    二级指标 | 三级指标, the values' heading after the names, the values lost with the cut): a PDF's text printed the
    table column by column, each merged level cell at the height of its middle row, so a level name stands among
    its own group's names, after the first of them. Each group runs from where the one before ended; where it ends
    among the names printed between two level names is said by the kind of figure each name measures
    (:func:`~jixiao.model.figure_kinds.kind_of`): the names that measure what the first level counts (数量指标: 人数,
    户数) stay with it, or the names before the first that measures what the second counts (质量指标: 达标率). None
    when the stream holds anything else, or when its first name stands under its level name (the usual reading);
    with no rows and the two level names when no kind says where their groups part (never guessed)."""
    if "name" not in slots or any(kind in _FIGURE_SLOTS for kind in slots):
        return None
    items = _centred_items([token for token in tokens if token.text.strip()])
    if items is None:
        return None
    names = [item for item in items if isinstance(item, _Name)]
    labels = [(sum(1 for before in items[:at] if isinstance(before, _Name)), item)
              for at, item in enumerate(items) if isinstance(item, tuple)]
    level2s = [(printed, text) for printed, (kind, text) in labels if kind == "level2"]
    if not names or not level2s or level2s[0][0] == 0:
        return None
    level1s = [text for _, (kind, text) in labels if kind == "level1"]
    ends = []
    for (printed, level2), (following, after) in zip(level2s, level2s[1:]):
        between = [kind_of("".join(name.pieces)) for name in names[printed:following]]
        first, second = _LEVEL_FIGURES.get(canonical_level2(level2) or ""), _LEVEL_FIGURES.get(canonical_level2(after) or "")
        if not between:
            ends.append(printed)
        elif first is not None:
            ends.append(printed + next((at for at, kind in enumerate(between) if kind is not first), len(between)))
        elif second is not None:
            ends.append(printed + next((at for at, kind in enumerate(between) if kind is second), len(between)))
        else:
            return Centred([], (level2, after))
    rows: list[SeparatedRow] = []
    start = 0
    for (_, level2), end in zip(level2s, [*ends, len(names)]):
        parent = _parent(level2, level1s)
        levels = {"level2": level2, **({"level1": parent} if parent else {})}
        rows += [SeparatedRow(dict(levels), "".join(name.pieces), {}, len(name.pieces), name.line)
                 for name in names[start:end]]
        start = end
    if rows:
        rows[0].tokens += sum(1 for token in tokens if token.text.strip()) - sum(row.tokens for row in rows)
    return Centred(rows)


def _centred_items(tokens: list[Token]) -> list[_Name | tuple[str, str]] | None:
    """The names and level names of a stream in their order (a level cell broken in pieces is one level name, the
    form's vertical 绩效指标 label, printed a character a token, is none), or None when anything else stands there."""
    items: list[_Name | tuple[str, str]] = []
    # (the form's vertical 绩效指标 label, or a level cell, printed a character a token down its narrow column)
    spelled = rejoined_characters([(token.line, token.text.strip()) for token in tokens],
                                  lambda word: is_frame_label(word) or _level_kind(word) is not None)
    for line, text in spelled:
        kind = _level_kind(text)
        opened = _opened_level(text) if kind is None else None
        if kind is not None:
            items.append((kind, text))
        elif opened is not None:
            items.append(opened)
        elif is_frame_label(text) or _level_rest(text) or _stray_heading(text):
            continue
        elif label(text).role is not Role.TEXT or _is_figure(text) or not _CJK.search(text):
            return None
        elif items and isinstance(items[-1], _Name) and _wrapped_tail("".join(items[-1].pieces), text):
            items[-1].pieces.append(text)
        else:
            items.append(_Name({}, [text], line, 1))
    return items


def _wrapped_tail(name: str, text: str) -> bool:
    """True for the end of a name the column wrapped: two characters, or up to four that say what the name measures
    when the name before them says nothing of it (残疾人…项目补助 | 基地个数)."""
    return len(text) <= _WRAPPED_END or (len(text) <= _LONGEST_TAIL and kind_of(name) is None
                                          and kind_of(text) is not None)
