"""Step 3 of the reading pipeline: regions. Where an indicator table's header is, which columns it names, and
where its body ends.

A header is a dense run of column headings: one row holding them (Word, Excel, pipe and spaced text), a run of
one-heading lines (one cell per line), or one line whose headings run together (``一级指标二级指标…``). It
needs a level column and a name or target column. Headings that span lines are joined (``指标值`` /
``(年度)``); a heading row right below the header names the parts of a merged heading (中长期指标值 / 年度指标值)
and refines the columns. Headings the vocabulary does not know stay columns of their own (``extra``), so that
their cells are never glued into another field. The standard form's vertical ``绩效指标`` label to the left of
一级指标 is a frame column, not the indicator name. A header with a target column but no level columns, above
levels that stand on rows of their own (the 批复表, :mod:`.outline`), implies the two level columns; merged
headings whose parts a text header prints on its next line are split into those parts.

The body runs until a title, a header-field label that opens the next project, page chrome, a trailer (备注,
审核意见, 合计 …), or the next header. A table the page broke in two (Word and WPS users split it by hand, a PDF
prints it page by page) goes on past what stands between its parts: a line saying it continues (续表, 表1(续)) or the
page's number, before rows that no header opens (:func:`parts_break`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import accumulate

from jixiao.documents.interpret.header_cells import goals_heading
from jixiao.documents.pipeline.coefficient import COEFFICIENT
from jixiao.documents.pipeline.labels import (
    Label,
    Role,
    column_kind,
    heading_pieces,
    is_chrome,
    is_value,
    label,
    match_key,
    split_rows_run_together,
    split_run_together,
)
from jixiao.documents.pipeline.money_text import money_headings_in_text
from jixiao.documents.pipeline.outline import is_outline
from jixiao.documents.pipeline.prose import PROSE
from jixiao.documents.pipeline.records import claimed_grade, claimed_total
from jixiao.documents.pipeline.settings import DEFAULT_SETTINGS, ReadSettings
from jixiao.documents.pipeline.tokens import Line, LineKind, Token
from jixiao.documents.pipeline.transposed import TURNED
from jixiao.documents.vocabulary import (
    PAGE_NUMBER,
    canonical_label,
    header_label,
    is_total_label,
    is_trailer,
    labels,
    total_words,
)
from jixiao.model.figure_kinds import kind_of
from jixiao.model.lexicon import TEXT_MEMO, fold
from jixiao.model.wording import Phrase

__all__ = ["parts_break", "split_header_runs", "join_heading_runs", "is_goal_heading", "is_frame_label", "Columns", "Header", "find_header", "body_end", "FRAME", "EXTRA", "NUMBER_HEADINGS", "is_refinement", "refine"]

_LEVELS = ("level1", "level2")
_GROUP_KINDS = ("target", "actual", "weight", "score")  # headings of groups whose parts a row below names
_LEAD_CELLS = 3  # header-block cells before the headings of a row that runs them together
_BODY = ("name", "target")
FRAME = "frame"  # the vertical 绩效指标 label column of the standard form
EXTRA = "extra"  # a column whose heading the vocabulary does not know
NUMBER_HEADINGS = ("序号", "编号", "序")  # the heading of a column of row numbers
_NAME_HOLDERS = ("basis", "description", EXTRA)
_QUALIFIER = re.compile(r"^[(（][^)）]{1,8}[)）]$")
_PERIOD = re.compile(r"[(（](长期|中期|中长期|实施期|实施周期|年度|当年|本年)[)）]$")
_ANNUAL = ("年度", "当年", "本年")
_LONG_WORDS = ("长期", "中期", "中长期", "实施期")
_GOAL_OWN = ("目标名称", "绩效目标名称", "目标值", "目标完成值")
_INDICATOR_OWN = ("评价指标", "标准值", "评价指标值")
_OFFSET_TOLERANCE = 1
_MAX_UNKNOWN = 12  # headings the vocabulary does not know, after a header of one-heading lines
_MAX_UNKNOWN_LENGTH = 12
_BARE_NAME = "指标"
_CAPTION = re.compile(r"^附?表[〇一二三四五六七八九十\d]{1,3}(?:[-—－]\d{1,2})?[:：]?$")  # 表十二, 附表3-1: the next table
_FRAME_LABELS = ("绩效指标", "年度绩效指标", "长期绩效指标", "绩效指标(90分)", "项目绩效指标",
                 # (the self-evaluation form's: 年度绩效指标完成情况 beside its levels)
                 "年度绩效指标完成情况", "绩效指标完成情况")
_SECTION = re.compile(r"^[一二三四五六七八九十]{1,3}[、.．]")
# a report's numbered section heading, (二)项目财务管理状况: no cell of a grid (a numbered level name is a level's);
# a bracketed word counts as one character of it ((四)部门(单位)职能职责)
_REPORT_SECTION = re.compile(r"^[(（][一二三四五六七八九十]{1,2}[)）](?:[\u4e00-\u9fff]|[(（][\u4e00-\u9fff]{1,6}[)）]){4}")
_SEAL = re.compile(r"[(（]?(?:单位)?盖章[)）]?")
_SEALED = re.compile(r"[(（](?:单位)?盖章[)）]")  # a signatory's cell: 财政绩效管理科室(盖章) 年 月 日
_CLOSING = {"审核意见", "填表说明", "评价结论", "存在问题", "财政部门审核意见", "主管部门审核意见",
            "偏差或不能完成目标原因分析", "相关建议或举措", "偏差原因分析", "自评得分", "评价等级", "自评等级"}


@dataclass(slots=True)
class Columns:
    """The grid's columns in order: a kind (``level1`` … ``remark``, ``frame``, ``extra``), the heading as
    written, the grid column (where the format has a grid) and the display offset (spaced text)."""

    kinds: list[str]
    headings: list[str]
    positions: list[int | None]
    offsets: list[int | None] = field(default_factory=list)
    outline: bool = False  # the levels stand on rows of their own, shown by indentation (批复表)
    inferred: Phrase | None = None  # how the columns were inferred from the rows' content, when no header names them
    joined: bool = False  # the headings ran together on one line (so, likely, do the cells of each row)
    implied: bool = False  # no header in the file: the columns are those the rows' own cells imply
    # the scrambled heading that ends in a 得分系数 column before the points' (:mod:`.coefficient`), if any
    scrambled: int | None = None

    def long_term_name(self) -> str | None:
        """The heading of the long-term set's 三级指标 column (长期/中期 and 年度 sets side by side), kept among a
        row's extra cells; None without a long-term set."""
        if "long_term_target" not in self.kinds:
            return None
        return next((heading for kind, heading in zip(self.kinds, self.headings)
                     if kind == EXTRA and column_kind(_PERIOD.sub("", match_key(heading))) == "name"), None)

    def kind_at(self, column: int) -> int | None:
        """Index of the column whose heading starts nearest at or before grid ``column`` (merged headings span)."""
        best, nearest = None, -1
        for index, position in enumerate(self.positions):
            if position is not None and nearest <= position <= column:
                best, nearest = index, position
        return best

    def at_offset(self, offset: int) -> int | None:
        """Index of the column whose heading starts at display ``offset`` (spaced text)."""
        for index, start in enumerate(self.offsets):
            if start is not None and abs(offset - start) <= _OFFSET_TOLERANCE:
                return index
        return None

    def heading(self, kind: str) -> str:
        """The heading the document gives the column of ``kind``."""
        return self.headings[self.kinds.index(kind)] if kind in self.kinds else kind


@dataclass(slots=True)
class Header:
    """A header found at ``lines[start:end]``."""

    columns: Columns
    start: int
    end: int
    tokens: list[Token]
    interleaved: frozenset[int] = frozenset()  # lines after ``end`` that hold headings of this header, not body

    def starting_at(self, start: int, tokens: list[Token]) -> Header:
        """The same header starting earlier, at ``start``, with ``tokens`` of the lines above it."""
        return Header(self.columns, start, self.end, [*tokens, *self.tokens], self.interleaved)


_ROWS_LOOKED_AT = 8  # body rows under a header whose cells say which unnamed column holds the targets
_ROWS_AGREEING = 2


def _target_from_rows(columns: Columns, rows: list[Line]) -> Columns:
    """The columns with the target's told by the rows' content, when no heading names it in words the vocabulary
    knows (a form's own wording: 本年绩效目标): the one unnamed column after the name whose cell holds a target or a
    figure in every row under the header as wide as it (several such columns are one value per sub-unit, 西坪镇 |
    桃舟乡 | 芦田镇, no one target)."""
    kinds = columns.kinds
    if "target" in kinds or "name" not in kinds or EXTRA not in kinds:
        return columns
    full = [line.filled for line in rows if line.kind is LineKind.ROW and len(line.filled) == len(kinds)]
    if len(full) < _ROWS_AGREEING:
        return columns
    valued = [index for index in range(kinds.index("name") + 1, len(kinds))
              if kinds[index] == EXTRA and all(is_value(row[index].text) for row in full)]
    if len(valued) != 1:
        return columns
    return replace(columns, kinds=[*kinds[:valued[0]], "target", *kinds[valued[0] + 1:]])


def _is_header(kinds: list[str], settings: ReadSettings) -> bool:
    known = {kind for kind in kinds if kind not in (EXTRA, FRAME)}
    if len(known) < settings.header_kinds or not known & set(_BODY):
        return False
    # A form without levels (指标 | 指标权重 | 计量单位 | 指标性质 | 指标值) names both the indicator and its target,
    # and more besides.
    return bool(known & set(_LEVELS)) or (set(_BODY) <= known and len(known) > settings.header_kinds)


def _columns(tokens: list[Token], gridded: bool) -> Columns:
    kinds: list[str] = []
    headings: list[str] = []
    positions: list[int | None] = []
    offsets: list[int | None] = []
    skipped = 0
    for token in tokens:
        caption = not kinds and _SECTION.match(match_key(token.text)) and not column_kind(token.text)
        if not token.text.strip() or caption:
            skipped += 1
            continue  # a numbered section caption before the headings (四、年度绩效指标完成情况) is no column
        kind = column_kind(token.text) or EXTRA
        # The standard form's vertical 绩效指标 label stands before 一级指标 and is not the indicator name.
        if kind == "name" and "level1" not in kinds and fold(token.text) in _FRAME_LABELS:
            kind = FRAME
        elif kind == EXTRA and kinds[-1:] == [FRAME] and fold(token.text) == _BARE_NAME:
            kind = "name"  # 绩效指标 | 指标 | 指标权重 …: the column right of the vertical label names the indicators
        elif kind == EXTRA and _heads_levels(tokens, len(kinds) + skipped):
            kind = "level1"
        elif kind == "name" and "name" in kinds and fold(token.text) in _FRAME_LABELS and FRAME not in kinds:
            kind = FRAME  # the vertical label copied after the headings (三级指标 | 单位 | 指标值 | 绩效指标)
        elif kind in kinds and kind not in (EXTRA, FRAME):
            kind = EXTRA  # a second column of one kind keeps its cells under its own heading
        kinds.append(kind)
        headings.append(token.text.strip())
        positions.append(token.column if gridded else None)
        offsets.append(token.offset)
    # Of two columns of one kind, the one whose heading is not also a header field keeps the kind (年度目标 is
    # the year's goals when the table has a 指标值 column).
    for index, (kind, heading) in enumerate(zip(kinds, headings)):
        if kind == EXTRA and column_kind(heading) and header_label(match_key(heading)) is None:
            first = kinds.index(column_kind(heading))  # type: ignore[arg-type]
            if header_label(match_key(headings[first])) is not None:
                kinds[first], kinds[index] = EXTRA, kinds[first]
    # A heading before the level columns whose kind a later heading names again is a caption of the form
    # (年度绩效目标完成情况 above 一级指标 … 实际完成值): the later column keeps the kind.
    levels = [index for index, kind in enumerate(kinds) if kind in _LEVELS]
    for index in range(min(levels, default=0)):
        kind = kinds[index]
        later = [at for at in range(index + 1, len(kinds)) if kinds[at] == EXTRA and column_kind(headings[at]) == kind]
        if kind not in (EXTRA, FRAME) and later:
            kinds[index], kinds[later[0]] = EXTRA, kind
    # A points heading before the names' column whose kind a heading after the names names again holds the points
    # of a level (一级指标 | 分值 | 二级指标 | 三级指标 | … | 分值 | 得分): the indicator's points are the later column.
    named = kinds.index("name") if "name" in kinds else len(kinds)
    for index in range(named):
        kind = kinds[index]
        later = [at for at in range(named + 1, len(kinds)) if kinds[at] == EXTRA and column_kind(headings[at]) == kind]
        if kind in _POINT_KINDS and later:
            kinds[index], kinds[later[0]] = EXTRA, kind
    _periods(kinds, headings)
    _repeated_set(kinds, headings)
    _evaluation_levels(kinds, headings)
    _merged_levels(kinds, headings, positions, offsets)
    _evaluation_form(kinds, headings, positions, offsets)
    levels = [index for index, kind in enumerate(kinds) if kind in _LEVELS]
    if levels and "name" not in kinds and FRAME not in kinds and not gridded:
        # text with no 三级指标 heading (its cell run together away): the first text column after the levels
        # holds the names (绩效标准 before 当年预期实现值); a grid's header row is refined by the row below it
        after = next((i for i in range(max(levels) + 1, len(kinds)) if kinds[i] in _NAME_HOLDERS), None)
        if after is not None:
            kinds[after] = "name"
    if FRAME in kinds and "name" not in kinds:
        kinds[kinds.index(FRAME)] = "name"  # no 三级指标 column after all: 绩效指标 names the indicators
    return Columns(kinds, headings, positions, offsets)


def _heads_levels(tokens: list[Token], index: int) -> bool:
    """True for a bare 指标 heading first in the header, right before the heading of the names (指标 | 指标内容 |
    指标值, the central 项目支出绩效目标申报表): its column holds the level names (产出指标, 效益指标)."""
    return (index == 0 and fold(tokens[index].text) == _BARE_NAME and index + 1 < len(tokens)
            and column_kind(tokens[index + 1].text) == "name")


def _period(heading: str) -> str | None:
    """``long`` or ``annual`` for a heading qualified by its period (``指标值(长期)``, ``三级指标(年度)``)."""
    found = _PERIOD.search(match_key(heading))
    if found is None:
        return None
    return "annual" if found.group(1) in _ANNUAL else "long"


def _evaluation_form(kinds: list[str], headings: list[str], positions: list[int | None],
                     offsets: list[int | None]) -> None:
    """The pre-2018 form (绩效目标、评价指标与标准值表): each row is a goal (目标名称, 目标值, 目标完成值) measured by
    an indicator (评价指标, 标准值, 评价指标值); the indicator's columns take the kinds, the goal's stay under
    their headings."""
    keys = [match_key(heading) for heading in headings]
    if not {"评价指标", "标准值"} <= set(keys):
        return
    for index, key in enumerate(keys):
        if key in _GOAL_OWN:
            kinds[index] = EXTRA
        elif key in _INDICATOR_OWN:
            kinds[index] = column_kind(key)  # type: ignore[assignment]
    if not set(_LEVELS) & set(kinds) and "actual" not in kinds:
        # the goal form (no 目标完成值 / 评价指标值 of a self-evaluation): its levels (一、投入目标) stand on rows
        # of their own, two level columns are implied before the goal
        for kind in reversed(_LEVELS):
            kinds.insert(0, kind)
            headings.insert(0, canonical_label("columns", kind))
            positions.insert(0, None)
            offsets.insert(0, None)


_EVALUATION_LEVELS = ("评价指标", "评价内容")


def _evaluation_levels(kinds: list[str], headings: list[str]) -> None:
    """An evaluation-indicator table (绩效评价指标表) heading its levels 评价指标 | 评价内容 before a column of
    indicator names (指标名称): the two headings are the level columns, not the names."""
    keys = [match_key(heading) for heading in headings]
    for index in range(len(keys) - 1):
        if tuple(keys[index:index + 2]) != _EVALUATION_LEVELS:
            continue  # (the names column is looked for only after the two headings: every header is asked)
        names = [at for at in range(index + 2, len(keys)) if column_kind(headings[at]) == "name"]
        others = {kind for at, kind in enumerate(kinds) if at != index + 1}  # (评价内容 alone heads both levels)
        if names and not set(_LEVELS) & others:
            kinds[index], kinds[index + 1] = _LEVELS
            kinds[names[0]] = "name"  # (taken for a second names column while 评价指标 held the kind)
            return


_MERGED_LEVELS = "评价内容"


def _merged_levels(kinds: list[str], headings: list[str], positions: list[int | None],
                   offsets: list[int | None]) -> None:
    """评价内容 right before the names' heading, the header's only level heading (Ningde's self-evaluation report:
    评价内容 | 绩效内容 | 绩效目标值 | 实际完成值 | 累计完成率 over rows 产出目标 | 数量目标 | name …): one heading merged
    over both level columns, the level-2 column implied after it."""
    keys = [match_key(heading) for heading in headings]
    at = keys.index(_MERGED_LEVELS) if _MERGED_LEVELS in keys else None
    if at is None or kinds[at] != "level1" or "level2" in kinds or kinds[at + 1:at + 2] != ["name"]:
        return
    kinds.insert(at + 1, "level2")
    headings.insert(at + 1, canonical_label("columns", "level2"))
    positions.insert(at + 1, None)
    offsets.insert(at + 1, None)


def is_frame_label(text: str) -> bool:
    """True for the standard form's vertical 绩效指标 label (a frame around the level columns, no column's cell)."""
    return fold(text) in _FRAME_LABELS


def is_goal_heading(heading: str) -> bool:
    """True for a column of the goal an indicator of the pre-2018 form measures (绩效目标名称, 目标值)."""
    return match_key(heading) in _GOAL_OWN


def _is_long_term(heading: str) -> bool:
    """True for the heading of a long-term set (``长期指标``, ``中长期目标``, ``指标值(长期)``)."""
    return match_key(heading).startswith(_LONG_WORDS) or _period(heading) == "long"


def _periods(kinds: list[str], headings: list[str]) -> None:
    """长期/中期 and 年度 column pairs side by side: the 年度 set is the sheet's indicators; of the long-term set the
    target is the long-term target and the other columns are kept under their headings."""
    periods = [_period(heading) for heading in headings]
    if "long" not in periods or "annual" not in periods:
        return
    for index, (period, heading) in enumerate(zip(periods, headings)):
        base = column_kind(re.sub(r"[(（][^)）]*[)）]$", "", match_key(heading)))
        if period == "annual" and base:
            kinds[index] = base
        elif period == "long":
            kinds[index] = "long_term_target" if base == "target" else EXTRA


_SET = ("level2", "name", "target")


def _repeated_set(kinds: list[str], headings: list[str]) -> None:
    """A header naming 二级指标 | 三级指标 | 指标值 twice with no period words (the form whose goals row above says
    中期目标 | 年度目标): as with 长期/年度 pairs, the first set is the long-term one and the second the year's, the
    sheet's indicators."""
    again = [index for index, (kind, heading) in enumerate(zip(kinds, headings))
             if kind == EXTRA and column_kind(heading) in _SET and not _period(heading)]
    if sorted(column_kind(headings[index]) for index in again) != sorted(_SET) or "long_term_target" in kinds:
        return
    for index in again:
        kind = column_kind(headings[index])
        first = kinds.index(kind)  # type: ignore[arg-type]
        kinds[first], kinds[index] = ("long_term_target" if kind == "target" else EXTRA), kind  # type: ignore[assignment]


def _join_qualifiers(tokens: list[Token]) -> list[Token]:
    """Join a heading and the qualifier on the line below it (``指标值`` + ``(年度)``)."""
    joined: list[Token] = []
    for token in tokens:
        if joined and _QUALIFIER.match(fold(token.text)) and column_kind(joined[-1].text):
            previous = joined[-1]
            joined[-1] = Token(f"{previous.text}{token.text.strip()}", previous.line, previous.column, previous.offset,
                               previous.indent)
        else:
            joined.append(token)
    return joined


@lru_cache(maxsize=TEXT_MEMO)
def split_headings(text: str) -> tuple[str, ...] | None:
    """The headings of a header written without separators (``一级指标二级指标三级指标指标值``), or None."""
    line = match_key(text)
    if len(line) < 9 or "指标" not in line:
        return None
    headings = heading_pieces(line)
    return headings if headings is not None and len(headings) >= 3 else None


_IMPLIED = ("一级指标", "二级指标", "三级指标", "指标值")
_POINTS = "权重"
_ACHIEVED = "实际完成值"  # the column of a report's prose that says what was done after each target
_SCORED = "得分"  # ... and the column of the points its self-evaluation gave
_POINTS_FIGURE = re.compile(r"(?:100|\d{1,2})(?:\.\d{1,2})?")  # 0–100 points, as 22.5 or 5


def _implied(text: str) -> tuple[str, ...]:
    """The columns a line of indicator rows run together implies: the four its split finds, and a 权重 when every
    target is followed by a bare figure of points (``足额保障率=100% 22.5 科目调整次数≤10次 22.5 …``: a
    self-evaluation's rows copied without its header, 完成值 and 得分 blank)."""
    rows = split_rows_run_together(text)
    cells = rows[0] if rows else ()
    roles = [label(cell).role for cell in cells]
    targets = [at for at, role in enumerate(roles) if role is Role.TARGET]
    points = targets and all(at + 1 < len(cells) and _POINTS_FIGURE.fullmatch(cells[at + 1]) for at in targets)
    return (*_IMPLIED, _POINTS) if points else _IMPLIED


def _reported(lines: list[Line], index: int) -> tuple[str, ...]:
    """The columns of a self-evaluation report the prose indicators from ``lines[index]`` on imply: what was
    achieved when any says it, and the points given when any says them (自评得分20分)."""
    kinds: set[str] = set()
    for line in lines[index:]:
        items = line.extra.get(PROSE)
        if not items:
            break
        kinds.update(kind for item in items for kind, _ in item)
    if "actual" not in kinds:
        return ()
    return (_ACHIEVED, _SCORED) if "score" in kinds else (_ACHIEVED,)


def _states_levels(lines: list[Line], index: int) -> bool:
    """Whether any line of the prose indicators from ``lines[index]`` on names a level (数量指标：…), or a level
    heading stands right above them."""
    above = lines[index - 1].extra.get(PROSE) if index else None
    for line in lines[index:]:
        items = line.extra.get(PROSE)
        if not items:
            break
        if any(kind in _LEVELS for item in items for kind, _ in item):
            return True
    return bool(above)


def _implied_header(line: Line, index: int, headings: tuple[str, ...]) -> Header:
    tokens = [Token(text, line.line, column) for column, text in enumerate(headings)]
    columns = _columns(tokens, False)
    columns.implied = True
    return Header(columns, index, index, [])


def find_header(lines: list[Line], index: int, settings: ReadSettings = DEFAULT_SETTINGS,
                implied: bool = True) -> Header | None:
    """The header starting at ``lines[index]``, or None. With ``implied``, a run-together indicator row with
    no header above it implies the four columns its split finds (a header of no lines)."""
    line = lines[index]
    if implied and line.extra.get(PROSE):
        # indicators written as prose: the items say what each piece is, the four columns are implied (and the
        # goal table's form, whose fields the text names)
        headings = (*_IMPLIED, *_reported(lines, index))
        if not _states_levels(lines, index):
            headings = headings[2:]  # sentences that name no level imply no level columns (the structure is not shown)
        tokens = [Token(text, line.line, column) for column, text in enumerate(headings)]
        return Header(_columns(tokens, False), index, index, [])
    if line.extra.get(TURNED):
        # a table printed turned over: its rows were rebuilt under these headings, which need no level column
        return Header(_columns(line.tokens, False), index, index + 1, line.filled)
    if implied and line.kind is LineKind.CELL and line.tokens and split_run_together(line.tokens[0].text):
        return _implied_header(line, index, _implied(line.tokens[0].text))
    filled = line.filled if line.kind is LineKind.ROW else []
    if len(filled) >= 2:
        # (a blank cell is never a heading: only the filled ones are asked)
        headings = sum(1 for token in filled if label(token.text).role is Role.HEADING) + _heads_levels(filled, 0)
        if headings < settings.header_kinds or len(filled) < settings.header_kinds:
            return _outline_header(lines, index, _columns(line.tokens, line.gridded), filled) if headings else None
        tokens = line.tokens
        columns = _row_columns(tokens, line.gridded)
        outline = _outline_header(lines, index, columns, filled)
        if outline is not None:
            return outline
        if _is_header(columns.kinds, settings):
            stacked = None if line.gridded else _stacked(lines, index + 1, columns, settings)
            if stacked is not None:
                return stacked.starting_at(index, [t for t in tokens if t.text.strip()])
            end = _refinements(lines, index + 1, columns, tokens)
            tokens = list(tokens) + [t for line in lines[index + 1:end] for t in line.filled]
            return Header(_target_from_rows(columns, lines[end:end + _ROWS_LOOKED_AT]), index, end, tokens)
        return None
    if line.kind is LineKind.CELL and line.tokens and (label(line.tokens[0].text).role is Role.HEADING
                                                       or _opens_with_levels(lines, index)
                                                       or _numbers_heading(lines, index)):
        return _stream_header(lines, index, settings)
    if line.kind in (LineKind.CELL, LineKind.PARAGRAPH) and line.tokens:
        headings = split_headings(line.tokens[0].text)
        if headings:
            tokens = [Token(text, line.line, column) for column, text in enumerate(headings)]
            columns = _columns(tokens, False)
            columns.joined = True
            if _is_header(columns.kinds, settings):
                return Header(columns, index, index + 1, [line.tokens[0]])
    return None


def _numbers_heading(lines: list[Line], index: int) -> bool:
    """True for a one-cell line holding the heading of a column of row numbers (序号) with a heading of the
    indicator's columns on the next line: one cell a line, the header opens with it, and its rows with their
    numbers (which the rows are cut at)."""
    line = lines[index]
    following = lines[index + 1] if index + 1 < len(lines) else None
    return line.kind is LineKind.CELL and bool(line.tokens) and line.tokens[0].text.strip() in NUMBER_HEADINGS \
        and following is not None and following.kind is LineKind.CELL and bool(following.tokens) \
        and (label(following.tokens[0].text).role is Role.HEADING or _opens_with_levels(lines, index + 1))


def _opens_with_levels(lines: list[Line], index: int) -> bool:
    """True for a one-cell line holding the bare 指标 heading of the level names, the names' heading next."""
    following = lines[index + 1] if index + 1 < len(lines) else None
    return (fold(lines[index].tokens[0].text) == _BARE_NAME and following is not None
            and following.kind is LineKind.CELL and bool(following.tokens)
            and column_kind(following.tokens[0].text) == "name")


def _stacked(lines: list[Line], index: int, groups: Columns, settings: ReadSettings) -> Header | None:
    """A header row of group headings (绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分) right above a header row that
    names the parts of the first groups (一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位), its first cell
    perhaps broken onto a line of its own: the columns are the parts, then the groups after the last one the
    parts name. Without a grid this is what says which group each part belongs to."""
    lead: list[Token] = []
    while index < len(lines) and lines[index].kind is LineKind.CELL and all(
            label(token.text).role is Role.HEADING for token in lines[index].filled):
        lead.extend(lines[index].filled)
        index += 1
    if index >= len(lines) or lines[index].kind is not LineKind.ROW or lines[index].gridded:
        return None
    below = find_header(lines, index, settings, implied=False)
    if below is None:
        return None
    parts = _columns([*lead, *lines[index].tokens], False) if lead else below.columns
    return Header(_parts_then_groups(groups, parts), index, below.end, [*lead, *below.tokens])


def _parts_then_groups(groups: Columns, parts: Columns) -> Columns:
    """The columns of group headings above the headings of their parts: the parts, then the groups after the
    last one the parts name."""
    named = [i for i, kind in enumerate(groups.kinds) if kind in parts.kinds]
    after = range(max(named) + 1 if named else 0, len(groups.kinds))
    columns = Columns(parts.kinds + [groups.kinds[i] for i in after if groups.kinds[i] not in parts.kinds],
                      parts.headings + [groups.headings[i] for i in after if groups.kinds[i] not in parts.kinds],
                      [None] * (len(parts.kinds) + sum(groups.kinds[i] not in parts.kinds for i in after)))
    columns.offsets = [None] * len(columns.kinds)
    return columns


def _row_columns(tokens: list[Token], gridded: bool) -> Columns:
    """The columns a header row names. Without a grid, group headings and the headings of their parts may stand
    in one row (绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 |
    度量单位, a pipe row whose merged header cells lost their rows): the parts start at the level columns."""
    filled = [token for token in tokens if token.text.strip()]
    kinds = [column_kind(token.text) for token in filled]
    first = next((i for i, kind in enumerate(kinds) if kind in _LEVELS), 0)
    if gridded or len(set(kinds[:first]) & set(_GROUP_KINDS)) < 2:  # (年度目标 | 一级指标 …: a goals column)
        return _columns(tokens, gridded)
    return _parts_then_groups(_columns(filled[:first], False), _columns(filled[first:], False))


def join_heading_runs(lines: list[Line]) -> list[Line]:
    """Headings written without separators and wrapped inside a heading (``绩效指标指标名称指标权`` /
    ``重计量单位指标性质指标值``, a narrow page's line break) are one line again: a one-cell line joins the one-cell
    line right above it when together they are a run of headings (:func:`split_headings`) and the line above
    alone is none, and the line break falls inside a heading. A break between two headings is no wrap: a section's
    title above the table (``年度绩效指标完成情况``) stays apart from the first heading of the header below it
    (``一级指标``, its merged cell printed on a line of its own)."""
    result: list[Line] = []
    for line in lines:
        previous = result[-1] if result else None
        if (previous is not None and previous.kind is line.kind is LineKind.CELL and len(previous.tokens) == 1
                and len(line.tokens) == 1 and not line.blanks_before
                and (line.line or 0) - (previous.line or 0) == 1):
            first, second = previous.tokens[0], line.tokens[0]
            joined = f"{first.text.strip()}{second.text.strip()}"
            pieces = split_headings(joined) if split_headings(first.text) is None else None
            if pieces is not None and len(match_key(first.text)) not in accumulate(map(len, pieces)):
                previous.set_token(0, Token(joined, first.line, first.column, first.offset, first.indent))
                continue
        result.append(line)
    return result


def split_header_runs(lines: list[Line], settings: ReadSettings = DEFAULT_SETTINGS) -> list[Line]:
    """A text row holding header-block cells, the grid's headings and its first row run together (a pipe row whose
    row boundaries were lost) is three rows: the cells before the run of headings, the headings, the cells
    from the first level name after them."""
    result: list[Line] = []
    for line in lines:
        parts = _header_run(line, settings) if line.kind is LineKind.ROW and not line.gridded else None
        if parts is None:
            result.append(line)
            continue
        for tokens in parts:
            if any(token.text.strip() for token in tokens):
                result.append(Line(tokens, LineKind.ROW, tokens[0].line, line.table, line.row, False,
                                   line.blanks_before, dict(line.extra)))
    return result


def _header_run(line: Line, settings: ReadSettings) -> tuple[list[Token], list[Token], list[Token]] | None:
    tokens = line.tokens
    headings = [label(token.text).role is Role.HEADING for token in tokens]
    best, start = (0, 0), None
    for index, heading in enumerate([*headings, False]):
        if heading and start is None:
            start = index
        elif not heading and start is not None:
            best = max(best, (start, index), key=lambda run: run[1] - run[0])
            start = None
    first, end = best
    if end - first <= settings.header_kinds or not _is_header(_row_columns(tokens[first:end], False).kinds, settings):
        return None
    before = [token for token in tokens[:first] if token.text.strip()]
    after = next((i for i in range(end, len(tokens)) if tokens[i].text.strip()), None)
    opens_body = after is not None and label(tokens[after].text).role in (Role.LEVEL1, Role.LEVEL2)
    if len(before) < _LEAD_CELLS or not opens_body:
        return None
    return tokens[:first], tokens[first:end], tokens[end:]


def _stream_header(lines: list[Line], index: int, settings: ReadSettings) -> Header | None:
    """A run of one-heading lines (blank lines and empty cells between them allowed)."""
    tokens: list[Token] = []
    end = index
    while end < len(lines) and lines[end].kind in (LineKind.CELL, LineKind.BREAK):
        line = lines[end]
        text = line.tokens[0].text if line.tokens else ""
        bare_name = fold(text) == _BARE_NAME and len(tokens) == 1 and fold(tokens[0].text) in _FRAME_LABELS
        joined = _broken_heading(lines, end) if text and tokens and label(text).role is not Role.HEADING else None
        if joined:  # a heading broken over two lines (年度 / 指标值): one column
            tokens.append(Token(joined, line.line, line.tokens[0].column, line.tokens[0].offset))
            end += 2
            continue
        pieces = heading_pieces(text) if text and tokens and label(text).role is not Role.HEADING else None
        if pieces is not None and len(pieces) > 1:  # headings run together on a line of the header (分值得分…)
            tokens.extend(Token(piece, line.line, line.tokens[0].column, line.tokens[0].offset) for piece in pieces)
            end += 1
            continue
        levels = not tokens and end == index and _opens_with_levels(lines, end)
        # (评价内容 after 评价指标: the level-2 heading of an evaluation-indicator table, which no vocabulary holds)
        levels = levels or bool(tokens) and (match_key(tokens[-1].text), match_key(text)) == _EVALUATION_LEVELS
        if text and not (label(text).role is Role.HEADING or (_QUALIFIER.match(fold(text)) and tokens) or bare_name
                         or levels or _unknown_between(lines, end, tokens)
                         or not tokens and _numbers_heading(lines, end)):
            break
        if text:
            tokens.append(line.tokens[0])
        end += 1
    joined = _join_qualifiers(tokens)
    columns = _row_columns([Token(t.text, t.line, c) for c, t in enumerate(joined)], False)
    late = _late_headings(lines, end, columns, settings)
    if late:
        tokens = [*tokens, *(token for _, token in late if token is not None)]
        headings = [token for token in _join_qualifiers(tokens) if not is_frame_label(token.text)]
        columns = _columns([Token(t.text, t.line, c) for c, t in enumerate(_in_column_order(headings))], False)
        if _is_header(columns.kinds, settings):
            return Header(columns, index, end, tokens, frozenset(at for at, _ in late))
    if not _is_header(columns.kinds, settings):
        outline = _outline_header(lines, index, columns, tokens, end)
        return outline
    # trailing empty cells belong to the body, not the header
    while end > index and not (lines[end - 1].tokens and lines[end - 1].tokens[0].text):
        end -= 1
    end = _unknown_headings(lines, end, columns, tokens)
    columns.joined = all(line.extra.get("segmented") and line.line == lines[index].line for line in lines[index:end])
    _distrust_after_unknown(columns)
    return Header(columns, index, end, tokens)


_FIGURE_COLUMNS = ("actual", "weight", "score", "expected")


def _distrust_after_unknown(columns: Columns) -> None:
    """A heading that run-together text scrambled may hold several columns (调整指标值 | 全年完成值 | 得分系数): the
    columns of figures after it cannot be told apart by count, so their cells are kept under their headings
    rather than read as the actual, weight or score."""
    if not columns.joined:
        return
    named = [index for index, kind in enumerate(columns.kinds) if kind in ("name", "target")]
    unknown = next((index for index, kind in enumerate(columns.kinds)
                    if kind == EXTRA and named and index > max(named)), None)
    if unknown is None:
        return
    following = columns.kinds[unknown + 1:]
    if COEFFICIENT in columns.headings[unknown] and "weight" in following and "score" in following:
        columns.scrambled = unknown  # its rows read from the right
    for index in range(unknown + 1, len(columns.kinds)):
        if columns.kinds[index] in _FIGURE_COLUMNS:
            columns.kinds[index] = EXTRA


def _unknown_between(lines: list[Line], index: int, tokens: list[Token]) -> bool:
    """True for a piece of a header run together on one line that the vocabulary does not know (a heading OCR
    scrambled, 年成值全完值), standing between known headings after the name's and the target's (before them, it may
    be their column under a heading no vocabulary holds: 绩效标准): a column of its own, not the first row's cell."""
    following = lines[index + 1] if index + 1 < len(lines) else None
    line = lines[index]
    kinds = {column_kind(token.text) for token in tokens if fold(token.text) not in _FRAME_LABELS}
    named = {"name", "target"} <= kinds  # (a scrambled 指标值 is the target's column, unknown)
    return bool(named and line.extra.get("segmented") and following is not None and following.line == line.line
                and following.kind is LineKind.CELL and following.tokens
                and label(following.tokens[0].text).role is Role.HEADING and label(line.tokens[0].text).role is Role.TEXT)


def _late_headings(lines: list[Line], start: int, columns: Columns, settings: ReadSettings
                   ) -> list[tuple[int, Token | None]]:
    """The one-heading lines after a run of level headings that name the header's other columns, standing among
    the first rows' cells (text taken out of a spreadsheet by merged cell: ``一级指标 | — | 年度目标 … | 指标值 |
    完成值 | 指标1:… | 二级指标 | 三级指标 | 分值 | 得分``), each with its heading's token. Each stands at most
    ``settings.late_heading_gap`` lines after the last heading; a heading of a column the header has already (the
    next table's) ends the search. A heading wrapped in its cell, its first line out of order (``实际 | 指标值 |
    完成值``: 实际完成值 beside 指标值), is one heading: the first line's token None, the heading's token the whole."""
    if not set(_LEVELS) & set(columns.kinds) or lines[start - 1].extra.get("segmented"):
        # (a money table's 分值 | 得分 before the grid is no header of levels; text cut into cells by the labels
        # runs its cells in their order, the order of a spreadsheet's merged cells is not in it)
        return []
    kinds = set(columns.kinds)
    found: list[tuple[int, Token | None]] = []
    heads: dict[int, tuple[int, Token]] = {}  # the line of a heading's wrapped end: its first part's line and token
    last = start - 1
    for at in range(start, min(len(lines), start + settings.longest_row * settings.late_heading_gap)):
        if at - last > settings.late_heading_gap:
            break
        line = lines[at]
        if line.kind is not LineKind.CELL or len(line.filled) != 1:
            if line.kind is LineKind.BREAK:
                continue
            break
        text = line.filled[0].text
        if label(text).role is not Role.HEADING:
            if ends_body(line):
                break
            end = _wrapped_heading_end(lines, at, kinds)
            if end is not None:
                heads[end] = (at, line.filled[0])
            continue
        kind = FRAME if is_frame_label(text) else column_kind(text)
        if kind is None or kind in kinds:
            break
        if kind != FRAME:  # (the form's vertical 绩效指标 label, printed between the cells: no column)
            kinds.add(kind)
        token = line.filled[0]
        if at in heads:
            start_at, head = heads[at]
            found.append((start_at, None))
            token = Token(head.text.strip() + text.strip(), head.line, head.column, head.offset, head.indent)
        found.append((at, token))
        last = at
    return found


_WRAP_AHEAD = 2  # lines between a heading's first line and its end (实际 | 指标值 | 完成值: one heading between)


def _wrapped_heading_end(lines: list[Line], at: int, kinds: set[str]) -> int | None:
    """The line of the heading that the one-cell line ``at`` (no heading alone, nor a level or figure) opens, among
    the next few one-heading lines: the two together are a heading of the same column as the end alone, one the
    header has not (实际 + 完成值 = 实际完成值). None when there is none."""
    text = lines[at].filled[0].text.strip()
    if label(text).role is not Role.TEXT or not text or any(char.isdigit() for char in text):
        return None
    for end in range(at + 1, min(len(lines), at + 1 + _WRAP_AHEAD)):
        line = lines[end]
        if line.kind is not LineKind.CELL or len(line.filled) != 1:
            return None
        tail = line.filled[0].text.strip()
        kind = column_kind(tail)
        if kind is not None and kind not in kinds and column_kind(text + tail) == kind:
            return end
    return None


# the order in which a form's columns stand, for headings that came out of it in another order
_COLUMN_ORDER = ("level1", "level2", "name", "description", "long_term_target", "operator", "target", "unit",
                 "direction", "actual", "expected", "likelihood", "weight", "score", "deviation", "basis", "remark")


def _in_column_order(tokens: list[Token]) -> list[Token]:
    """Heading tokens in the order of the form's columns; headings of other kinds keep their place after them."""
    def rank(token: Token) -> int:
        kind = column_kind(token.text)
        return _COLUMN_ORDER.index(kind) if kind in _COLUMN_ORDER else len(_COLUMN_ORDER)
    return sorted(tokens, key=rank)


def _broken_heading(lines: list[Line], index: int) -> str | None:
    """The heading that the one-cell line at ``index`` and the next make together (``年度`` + ``指标值``), when the
    first alone is no heading."""
    if index + 1 >= len(lines) or lines[index + 1].kind is not LineKind.CELL or not lines[index + 1].tokens:
        return None
    joined = lines[index].tokens[0].text.strip() + lines[index + 1].tokens[0].text.strip()
    return joined if label(joined).role is Role.HEADING and column_kind(joined) else None


def _outline_header(lines: list[Line], index: int, columns: Columns, tokens: list[Token],
                    end: int | None = None) -> Header | None:
    """The header of a table whose levels stand on rows of their own, shown by indentation (批复表: 绩效指标 |
    指标值 | 备注, or 项目 | 指标值 | 绩效金额): a target column and no level columns above an outline. Its first column
    holds the levels and the indicators; two level columns are implied before it."""
    end = index + 1 if end is None else end
    if "target" not in columns.kinds or set(_LEVELS) & set(columns.kinds) or not is_outline(lines, end):
        return None
    while end < len(lines) and _further_heading(lines[end]):
        # one heading per line: short unindented words before the indented rows are headings too (绩效金额)
        columns.kinds.append(EXTRA)
        columns.headings.append(lines[end].tokens[0].text.strip())
        columns.positions.append(None)
        columns.offsets.append(None)
        tokens = [*tokens, lines[end].tokens[0]]
        end += 1
    first = 0 if columns.kinds[0] != "target" else None
    kinds = [*_LEVELS, *(["name"] if first is None else []), *columns.kinds]
    headings = [canonical_label("columns", kind) for kind in kinds[:len(kinds) - len(columns.kinds)]] + columns.headings
    positions = [None] * (len(kinds) - len(columns.kinds)) + columns.positions
    if first is not None:
        kinds[len(_LEVELS)] = "name"  # 绩效指标, 项目: the column of levels and indicators
    outline = Columns(kinds, headings, positions, [None] * len(kinds), outline=True)
    return Header(outline, index, end, [token for token in tokens if token.text.strip()])


def _further_heading(line: Line) -> bool:
    token = line.tokens[0] if line.kind is LineKind.CELL and line.tokens else None
    return token is not None and not token.indent and label(token.text).role is Role.TEXT and len(
        match_key(token.text)) <= _MAX_UNKNOWN_LENGTH


def _unknown_headings(lines: list[Line], end: int, columns: Columns, tokens: list[Token]) -> int:
    """Short texts between a stream header and the first level name are headings the vocabulary does not know
    (one value column per town): columns of their own."""
    found: list[Token] = []
    index = end
    valueless = not {"target", "actual", "weight", "score"} & set(columns.kinds)
    while index < len(lines) and lines[index].kind in (LineKind.CELL, LineKind.BREAK) and len(found) <= _MAX_UNKNOWN:
        token = lines[index].tokens[0] if lines[index].tokens else None
        if token is not None and token.text.strip():
            role = label(token.text).role
            if role in (Role.LEVEL1, Role.LEVEL2):
                break
            if role is Role.NUMBER and not found and _points_heading(columns):
                found.append(token)
                index += 1
                continue
            if role is not Role.TEXT or len(match_key(token.text)) > _MAX_UNKNOWN_LENGTH or (
                    valueless and kind_of(token.text) is not None):
                return end  # (under a header of no values column, a name that measures something is the first row's)
            found.append(token)
        index += 1
    else:
        return end
    if not found:
        return end
    if _split_grades(columns, found):
        tokens.extend(found)
        return index
    for token in found:
        columns.kinds.append("score" if label(token.text).role is Role.NUMBER else EXTRA)
        columns.headings.append(token.text.strip())
        columns.positions.append(None)
        columns.offsets.append(None)
    tokens.extend(found)
    return index


def _points_heading(columns: Columns) -> bool:
    """A self-evaluation grid whose last heading cell holds the section's points (实际完成指标值 | 50) instead of
    得分: its column holds each row's score."""
    return "actual" in columns.kinds and "score" not in columns.kinds


def is_refinement(line: Line) -> bool:
    """True for a row holding only headings (or qualifiers) right below a header."""
    return line.kind in (LineKind.ROW, LineKind.CELL) and bool(line.filled) and (all(
        column_kind(token.text) or _QUALIFIER.match(fold(token.text)) for token in line.filled)
        or _grades(line.filled) is not None)


@lru_cache(maxsize=1)
def _grade_words() -> tuple[str, ...]:
    return tuple(labels()["grades"]["headings"])


def _grades(tokens: list[Token]) -> list[Token] | None:
    """The grade headings ``tokens`` are (优 | 良 | 中 | 差, best first, or 优良中差 run together, cut into one token
    each), or None."""
    words = _grade_words()
    texts = [fold(token.text) for token in tokens]
    if len(tokens) == 1 and len(texts[0]) > 1 and texts[0] == "".join(words[:len(texts[0])]):
        token = tokens[0]
        return [Token(word, token.line, token.column, token.offset) for word in texts[0]]
    return list(tokens) if len(tokens) > 1 and texts == list(words[:len(texts)]) else None


def _split_grades(columns: Columns, tokens: list[Token]) -> bool:
    """A standards column split into one standard per grade (绩效指标评价标准 over 优 | 良 | 中 | 差): the best grade's
    column holds the target, the others are columns of their own, in its place. Says whether ``tokens`` were such
    grade headings below a standards column of a header that names no target."""
    grades = _grades(tokens)
    at = next((index for index, (kind, heading) in enumerate(zip(columns.kinds, columns.headings))
               if kind == "basis" and "标准" in heading and "依据" not in heading), None)
    if grades is None or at is None or "target" in columns.kinds:
        return False
    offsets = columns.offsets or [None] * len(columns.kinds)
    columns.kinds[at:at + 1] = ["target", *[EXTRA] * (len(grades) - 1)]
    columns.headings[at:at + 1] = [grade.text.strip() for grade in grades]
    columns.positions[at:at + 1] = [grade.column if columns.positions[at] is not None else None for grade in grades]
    offsets[at:at + 1] = [grade.offset for grade in grades]
    columns.offsets = offsets
    return True


def refine(columns: Columns, line: Line) -> None:
    """A heading row below the header names the parts of merged headings (中长期指标值 / 年度指标值, or the grades of
    a standards column); without a grid, headings that continue the header on the next lines are further columns."""
    if _split_grades(columns, line.filled):
        return
    gridded = any(p is not None for p in columns.positions)
    above = Columns(list(columns.kinds), list(columns.headings), list(columns.positions))  # the merged headings
    for token in line.filled:
        kind = column_kind(token.text)
        if not gridded and _completes_heading(columns, token.text):
            continue
        if kind is not None and not gridded:
            kind = kind if kind not in columns.kinds else EXTRA
            columns.kinds.append(kind)
            columns.headings.append(token.text.strip())
            columns.positions.append(None)
            columns.offsets.append(token.offset)
            continue
        if kind is None or token.column is None or not gridded:
            continue
        parent = above.kind_at(token.column)
        if parent is not None and _is_long_term(above.headings[parent]):
            if kind != "target":
                continue  # the long-term set's other parts stay under its heading
            kind = "long_term_target"
        if kind in columns.kinds:
            at = columns.kinds.index(kind)
            columns.positions[at] = token.column
            columns.headings[at] = token.text.strip()
        else:
            at = sum(1 for p in columns.positions if p is not None and p <= token.column)
            columns.kinds.insert(at, kind)
            columns.headings.insert(at, token.text.strip())
            columns.positions.insert(at, token.column)
            if columns.offsets:
                columns.offsets.insert(at, token.offset)


def _completes_heading(columns: Columns, text: str) -> bool:
    """Without a grid, the first heading the vocabulary does not know that ``text`` completes (``年度`` above
    ``指标值``: a heading written over two lines, word by word) becomes the column ``年度指标值``."""
    for index, (kind, heading) in enumerate(zip(columns.kinds, columns.headings)):
        joined = f"{heading}{text.strip()}"
        if kind == EXTRA and column_kind(joined) and column_kind(joined) not in columns.kinds:
            columns.kinds[index], columns.headings[index] = column_kind(joined), joined  # type: ignore[assignment]
            return True
    return False


def _refinements(lines: list[Line], index: int, columns: Columns, above: list[Token]) -> int:
    while index < len(lines):
        if not _wraps_headings(columns, lines[index], above):
            if is_refinement(lines[index]):
                refine(columns, lines[index])
            elif not _split_merged(columns, lines[index]) and not _split_sub_units(columns, lines[index]):
                break
        index += 1
    return index


_SUB_UNIT_LENGTH = 12  # characters a sub-unit's heading has at most (新罗区, 第一中学, 城关镇人民政府)


def _split_sub_units(columns: Columns, line: Line) -> bool:
    """A grid's value heading merged over one column per sub-unit, the sub-units named on the row below
    (区域目标值 over 新罗区 | 永定区 | 上杭县): each sub-unit's column is a column of its own under its name, so that
    no row's values are glued into one field; the row's target is then what every sub-unit's column gives alike
    (read by the sheet). Says whether ``line`` was such a row (and the columns changed): every filled cell stands
    under the one value heading, holds a short name (no figure, no heading, no level name) and two cells at least."""
    filled = line.filled
    if line.kind is not LineKind.ROW or not line.gridded or len(filled) < 2 or any(
            token.column is None or len(match_key(token.text)) > _SUB_UNIT_LENGTH or label(token.text).role
            is not Role.TEXT or _DIGIT.search(token.text) for token in filled):
        return False
    parents = {columns.kind_at(token.column) for token in filled}  # type: ignore[arg-type]
    at = parents.pop() if len(parents) == 1 else None
    if at is None or not _values_heading(columns.kinds[at], columns.headings[at]) or any(
            token.column in columns.positions for token in filled[1:]):
        return False
    offsets = columns.offsets or [None] * len(columns.kinds)
    columns.kinds[at:at + 1] = [EXTRA] * len(filled)
    columns.headings[at:at + 1] = [token.text.strip() for token in filled]
    columns.positions[at:at + 1] = [token.column for token in filled]
    offsets[at:at + 1] = [token.offset for token in filled]
    columns.offsets = offsets
    return True


def _values_heading(kind: str, heading: str) -> bool:
    """True for the heading of a row's target values: the target's, or an unknown heading that ends in the
    target's heading (区域目标值, 分地区指标值: the values qualified by what they are split over)."""
    key = match_key(heading)
    return kind == "target" or kind == EXTRA and any(
        column_kind(key[start:]) == "target" for start in range(1, len(key) - 1))


def _wraps_headings(columns: Columns, line: Line, above: list[Token]) -> bool:
    """A row right below the header row ``above`` whose every filled cell completes a heading above it into a
    heading (一级 / 指标, 年度 / 指标值, 指标值 / (年度)): headings a narrow printed form wrapped over two rows. The
    cells stand under their heads, or as many places to the left as the row leaves out empty cells before them
    (a pipe layout drops them). The joined headings replace the partial ones."""
    heads = {token.column: token.text.strip() for token in above if token.column is not None}
    tails = [token for token in line.filled if token.column is not None] if line.kind is LineKind.ROW else []
    if not tails or len(tails) != len(line.filled):
        return False
    for shift in range(len(above)):
        joined = [(heads.get(token.column + shift, ""), token.text.strip()) for token in tails]
        kinds = [column_kind(head + tail) if head in columns.headings else None for head, tail in joined]
        if all(kinds):
            for (head, tail), kind in zip(joined, kinds):
                at = columns.headings.index(head)
                columns.kinds[at], columns.headings[at] = kind, head + tail  # type: ignore[assignment]
            return True
    return False


_TARGET_PARTS = ("operator", "unit")
_POINT_KINDS = ("weight", "score")


def _split_merged(columns: Columns, line: Line) -> bool:
    """A text header (no grid to say which heading spans which columns) whose merged headings name their parts
    on the next line, the parts' own headings not all in the vocabulary (预期指标值 over 符号 | 单位(文字描述); 自评得分
    over 单项指标得分 | 权重占比(%) | 单项指标折算得分). The parts are placed by what they are: an operator or unit
    part splits the target column around its value (符号 | 预期指标值 | 单位); the parts after them replace the
    last column of points they refine. Says whether the line was such a row (and the columns changed)."""
    filled = line.filled
    if (line.kind is not LineKind.ROW or any(p is not None for p in columns.positions) or len(filled) < 2
            or "target" not in columns.kinds or sum(1 for t in filled if column_kind(t.text)) < 2
            or any(label(t.text).role not in (Role.HEADING, Role.TEXT) or len(match_key(t.text)) > _MAX_UNKNOWN_LENGTH
                   for t in filled)):
        return False
    parts = [(column_kind(t.text) or EXTRA, t.text.strip()) for t in filled]
    around = [part for part in parts if part[0] in _TARGET_PARTS]
    points = [part for part in parts if part[0] not in _TARGET_PARTS]
    groups = [index for index, kind in enumerate(columns.kinds) if kind in _POINT_KINDS]
    if not around or (points and not groups) or parts != around + points:
        return False
    kinds, headings = list(columns.kinds), list(columns.headings)
    pairs = list(zip(kinds, headings))
    if points:
        # the points' parts take the place of the last column of points (自评得分); a kind they name twice keeps
        # its first column under its heading
        last = groups[-1]
        named = {kind for kind, _ in points}
        pairs[last:last + 1] = points
        pairs = [(EXTRA if kind in named and (kind, heading) not in points else kind, heading)
                 for kind, heading in pairs]
    at = next(index for index, (kind, _) in enumerate(pairs) if kind == "target")
    before = [part for part in around if part[0] == "operator"]
    after = [part for part in around if part[0] != "operator"]
    pairs[at:at + 1] = [*before, pairs[at], *after]
    columns.kinds[:] = [kind for kind, _ in pairs]
    columns.headings[:] = [heading for _, heading in pairs]
    columns.positions[:] = [None] * len(pairs)
    columns.offsets[:] = [None] * len(pairs)
    return True


def ends_body(line: Line) -> bool:
    """True when ``line`` cannot belong to an indicator grid: a title, a trailer, a header-field label."""
    filled = line.filled
    if not filled:
        return False
    if all(is_chrome(token.text) for token in filled):
        return True  # the web page's furniture after the table (附件下载, 扫一扫)
    first = filled[0].text
    first_label = label(first)
    if first_label.role is Role.TITLE or _CAPTION.match(match_key(first)):
        return True
    if first_label.role is Role.TEXT and _REPORT_SECTION.match(match_key(first)):
        return True  # the report's next section after its table ((二)项目财务管理状况…)
    if len(filled) == 1 and goals_heading(first):
        return True  # the next project's heading in a publication of several (XX项目项目绩效目标)
    # one pass over the cells for both marks a cell can carry (a seal, a total), each asked for in its turn below
    marks = 0
    for token in filled:
        marks |= _cell_marks(token.text)
    if marks & _SEALED_CELL:
        return True  # a signature block: 审核意见 (盖章)
    key = match_key(first)
    if _total_line().match(key):
        return True  # a total run together with its figures (总分10096.17, 合计:100 95)
    if is_trailer(key) and first_label.role is not Role.HEADING:
        # one cell per line: a bare 说明 may be a description cell; a note below the table names itself with a
        # colon (备注：…) or is a word no cell holds (合计, 审核意见)
        return line.kind is not LineKind.CELL or ":" in key or key in _CLOSING or is_total_label(key)
    if first_label.role is Role.HEADING and first_label.kind == "remark" and line.kind is not LineKind.CELL:
        return True
    if len(filled) == 1 and _SAID.search(first) and _WHOLE.search(first) and (
            claimed_total(first) is not None or claimed_grade(first)):
        return True  # a sentence below the grid saying the total or grade (经自评，该项目自评得分为96分，等级为优。)
    if key in NUMBER_HEADINGS and (line.kind is LineKind.ROW and len(filled) > 2 or line.kind is LineKind.CELL):
        # a row of headings opening with 序号: the header of a table, this grid's repeated (read as a header
        # again) or another one after it (a list of the schools a fund was shared among), whose rows are no
        # indicators; one cell a line, its 序号 alone (a grid's rows hold their numbers, never the word)
        return True
    if line.kind is LineKind.ROW and marks & _TOTAL_CELL:
        return True  # the total below the grid (其他需要说明事项 | 无 | 总分 | 100 | 96)
    if first_label.role is Role.FIELD and first_label.kind == "goals" and line.extra.get("segmented"):
        return True  # run-together text: the next goal block of a self-evaluation (年度绩效目标2(40分)) after a grid
    if _opens_money_table(line, first_label, key):
        return True  # a self-evaluation's money table printed below its grid (forms that score the execution last)
    return first_label.role is Role.FIELD and first_label.kind in ("code", "name", "unit", "department", "total")


_SEALED_CELL, _TOTAL_CELL = 1, 2
# the label a self-evaluation's money table opens with (预算执行情况(万元)(20分)): no indicator is named so
_MONEY_OPENING = re.compile(r"预算执行情况(?:[(（][^()（）]*[)）])*")
_NOTES = re.compile(r"[(（][^()（）]*[)）]")  # 执行率(B/A), 得分(20分*执行率): a heading's note, its figures no row's
_DIGIT = re.compile(r"\d")
_MONEY_HEADINGS_LEAST = 3  # headings a row of the money table names at least (预算数 | 执行数 | 执行率)


def _opens_money_table(line: Line, first_label: Label, key: str) -> bool:
    """True when ``line`` opens a self-evaluation's money table: its label (项目资金(万元), 预算执行情况(20分)), or a row of
    its headings alone (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分), which no indicator row is: a row of
    the grid holds its figures."""
    if first_label.role is Role.FIELD and first_label.kind == "budget_section" or _MONEY_OPENING.fullmatch(key):
        return True
    texts = [token.text.strip() for token in line.filled]
    if len(texts) < _MONEY_HEADINGS_LEAST or any(_DIGIT.search(text) and _DIGIT.search(_NOTES.sub("", text)) for text in texts):
        return False
    headings = money_headings_in_text(" ".join(texts))
    return len(headings) >= _MONEY_HEADINGS_LEAST and texts[0].startswith(headings[0])
_SAID = re.compile(r"[，,。；;]")  # a sentence's punctuation: no cell of a grid's row holds a claim so
# what only the whole table's claim says (a row's note may say its own 评价得分为8分)
_WHOLE = re.compile(r"自评总分|自评得分|总得分|综合得分|综合评分|自评等级|评价等级|绩效等级")


@lru_cache(maxsize=1)
def _total_line() -> re.Pattern:
    """A cell holding a total's label and nothing but its figures after it."""
    words = "|".join(sorted(map(re.escape, total_words()), key=len, reverse=True))
    return re.compile(r"^(?:" + words + r")[:：]?\d[\d.%\s]*$")


# asked of every cell of every body line
@lru_cache(maxsize=TEXT_MEMO)
def _cell_marks(text: str) -> int:
    """The marks of a cell that can end a grid's body: ``_SEALED_CELL`` for a cell of a signature block (盖章,
    单位(盖章), 财政绩效管理科室(盖章) 年 月 日), ``_TOTAL_CELL`` for a total's label (总分, 合计)."""
    key = match_key(text)
    sealed = _SEAL.fullmatch(key) or _SEALED.search(key)
    return (_SEALED_CELL if sealed else 0) | (_TOTAL_CELL if is_total_label(key) else 0)


# a line saying the table continues from the page before: 续表, (续表), 续上表, 表1(续), 附表2续表
_CONTINUED = re.compile(r"^(?:附?表[〇一二三四五六七八九十\d]{0,3}(?:[-—－]\d{1,2})?)?[(（]?续(?:上表|表)?[〇一二三四五六七八九十\d]{0,3}"
                        r"[)）]?[:：]?$")


def parts_break(line: Line) -> bool:
    """True for a paragraph that stands between the parts of a table the page broke: one saying it continues, or
    the page's number (- 2 -, 第2页, 第2页共3页)."""
    if line.kind is not LineKind.PARAGRAPH or len(line.filled) != 1:
        return False
    text = "".join(line.filled[0].text.split())
    return bool(_CONTINUED.match(text) or PAGE_NUMBER.match(text))


def _between_parts(lines: list[Line], index: int, settings: ReadSettings) -> bool:
    """True when ``lines[index]`` starts a run of parts breaks followed by rows of the same grid (no header)."""
    after = index
    while after < len(lines) and parts_break(lines[after]):
        after += 1
    return (after > index and after < len(lines) and lines[after].kind is LineKind.ROW
            and find_header(lines, after, settings, False) is None)


def body_end(lines: list[Line], start: int, settings: ReadSettings = DEFAULT_SETTINGS,
             interleaved: frozenset[int] = frozenset()) -> int:
    """Index after the last line of the body that starts at ``lines[start]`` (prose ends with its last line
    of prose); the ``interleaved`` lines hold the header's late headings and end nothing."""
    index = start
    if index < len(lines) and lines[index].extra.get(PROSE):
        while index < len(lines) and lines[index].extra.get(PROSE):
            index += 1
        return index
    while index < len(lines):
        line = lines[index]
        if index not in interleaved and (line.kind is LineKind.PARAGRAPH
                                         or (ends_body(line) and not _level_names_it(lines, index))
                                         or find_header(lines, index, settings, False) is not None):
            if line.kind is LineKind.PARAGRAPH and _between_parts(lines, index, settings):
                index += 1
                continue
            break
        index += 1
    return index


def _level_names_it(lines: list[Line], index: int) -> bool:
    """True for a piece of run-together text that reads as a title (…绩效目标申报表…) right after a level name: the
    name of that level's first indicator (是否完成绩效目标申报表中申报的数量), not the next table's title."""
    line, before = lines[index], lines[index - 1] if index else None
    return bool(line.extra.get("segmented") and before is not None and before.extra.get("segmented") and line.filled
                and label(line.filled[0].text).role is Role.TITLE and before.filled
                and label(before.filled[-1].text).role in (Role.LEVEL1, Role.LEVEL2))
