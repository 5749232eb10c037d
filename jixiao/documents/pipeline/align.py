"""Step 4 of the reading pipeline: alignment. Each body row's tokens matched to the header's column roles.

One procedure for every layout. A row whose tokens carry the table's own grid columns (Word, Excel, HTML,
PDF, TAB text) is placed by column; a spaced row by the display offsets of the headings; a row exactly as
wide as the header by position. Every other row, and every stream of one-cell lines, is placed by labels:

- a level-1 or level-2 name sets the level for the rows that follow (merged cells are simply absent, so a
  level is carried down until the next one);
- the anchor is the operator (when the header has an operator column) or the target (an operator and a
  number, ``≥18个``); the tokens before it fill the columns before it from the name on, the tokens after it
  the columns after it; a stream holding several anchors holds several rows, cut so that each row has as
  many tokens before its anchor as there are columns;
- surplus tokens are joined to the last column on their side and the row says so (a ``how`` note that becomes
  a diagnostic), missing ones leave their columns empty.

Each placed row carries a confidence: 1.0 placed by the format's grid or by position, lower when the columns
were inferred from labels, lower still when tokens had to be joined or columns were missing, lowest when fused
figures were read the one way the table's sums leave.

Where a stream's rows end is worked out in :mod:`.stream`, and a row whose cells do not match its columns one to one
is fitted to them by :mod:`.fit`; this module decides which of those a line needs and places what they return.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Self

from jixiao.documents.interpret.header_cells import parse_amount
from jixiao.documents.pipeline.cells import ACHIEVED, LEVELS, POINTS, SENTENCE
from jixiao.documents.pipeline.coefficient import read_from_right
from jixiao.documents.pipeline.figures import FIGURE_KINDS, Ambiguity, cut_tail, fused_run, split_figures
from jixiao.documents.pipeline.fit import (
    figure_cut_from_name,
    figures_run,
    fit_in_order,
    fit_short,
    join_wrapped_name,
    unit_left_out,
)
from jixiao.documents.pipeline.labels import (
    Role,
    is_bare_number,
    is_numbered,
    is_operator,
    is_qualitative,
    is_row_number,
    is_value,
    label,
    looks_like_target,
    match_key,
    names_a_legacy_level2,
    opens_explanation,
    simplified,
    split_description,
    split_level_prefix,
    split_name_measure,
    split_name_row,
    split_name_target,
    split_name_trend,
    split_points_row,
    split_qualitative,
    split_rows_run_together,
    split_run_together,
    split_trend_object,
)
from jixiao.documents.pipeline.leading_figures import split_leading_figures
from jixiao.documents.pipeline.outline import Outline
from jixiao.documents.pipeline.prose import PROSE
from jixiao.documents.pipeline.regions import EXTRA, FRAME, NUMBER_HEADINGS, Columns, is_frame_label, is_goal_heading
from jixiao.documents.pipeline.separated import Centred, Separated, centred_rows, separated_rows
from jixiao.documents.pipeline.stream import (
    Joined,
    absent_columns,
    cut_after_points,
    cut_at_figures,
    cut_at_names,
    cut_unoperated,
    join_fixed_width,
    name_again,
    page_residue,
    pair_name_past_level1,
    pair_names_with_values,
    wrapped_tail,
)
from jixiao.documents.pipeline.tokens import Line, LineKind, Token, display_width
from jixiao.model import canonical_level1, canonical_level2, parse_direction, parse_likelihood
from jixiao.model.target_text import parse_target
from jixiao.model.units import unit_spellings
from jixiao.model.wording import Phrase, quoted_cells

__all__ = ["Placed", "Aligner", "placed_as"]

# the columns that hold a row's words after its target: an explanation, a scoring rule or basis, a remark
_WORD_COLUMNS = ("description", "basis", "remark", "deviation")
_CJK_START = re.compile(r"[\u4e00-\u9fff]")
_CJK_END = re.compile(r"[\u4e00-\u9fff]$")  # a name ends in a word, not in a figure of its own
_LEVEL_ROLES = (Role.LEVEL1, Role.LEVEL2)
_PROSE_PARTS = {"level1": "一级指标", "level2": "二级指标", "group": "指标组", "name": "三级指标", "target": "指标值",
                "actual": "实际完成值", "score": "得分", "rate": "目标完成率"}
# a weight run into the target after it (1020万元: 10 | 20万元), the weight one or two digits long (or x.5)
# (the target left is a number as printed: 100% is never 1 | 00%)
_WEIGHT_CUTS = tuple(re.compile(r"^(" + weight + r")((?!0\d)\d.*\D.*)$") for weight in (r"[1-9]", r"[1-9]\d", r"[1-9]\d?\.5"))
# a name's cell ending in its row's weight (…(总收入)20), the target after it written with its operator
_NAME_AND_WEIGHT = re.compile(r"^(?P<name>.*[\u4e00-\u9fff)）])(?P<weight>[1-9]\d?(?:\.5)?)$")
# a name's cell ending in its row's weight and a mark before the target (种薯亩均收入8工 | 5%: OCR's ≥)
_WEIGHT_AND_MARK = re.compile(r"^(?P<name>.*[\u4e00-\u9fff])(?P<weight>[1-9]\d?)(?P<mark>[^\d\s.,，%])$")
REPEATED = "_repeated_level"  # a merged level cell a stream printed twice: counted with the row, placed nowhere
_FIGURE_ALONE = re.compile(r"[\d,，.]+")  # a figure without unit or operator
_SERIAL = re.compile(r"\d{1,3}")  # the number a 序号 column prints before a row
_DIGIT_IN = re.compile(r"\d")
_WORD = re.compile(r"[\u4e00-\u9fff]{2}")  # a name has words; a run of figures after a level cell has none
GRID_CONFIDENCE = 1.0
LABEL_CONFIDENCE = 0.8
GUESS_CONFIDENCE = 0.5
SETTLED_CONFIDENCE = 0.4  # figures read one of several ways, the one the table's sums leave (:mod:`.settle`)


def _weight_before(target: str, actual: str) -> tuple[str, str] | None:
    """The weight run into the target after it and the target, when the actual repeats what follows the weight
    (``2029.5亩`` beside ``29.5亩``: 20 | 29.5亩); None otherwise."""
    for cut in _WEIGHT_CUTS:
        found = cut.match(target.strip())
        if found is not None and _repeats(found.group(2), actual):
            return found.group(1), found.group(2)
    return None


def _repeats(target: str, actual: str) -> bool:
    """True when ``actual`` is ``target`` again, or ``target`` after a mark OCR made of an operator (``^80%``)."""
    actual = actual.strip()
    return target == actual or len(actual) == len(target) + 1 and actual.endswith(target) and not actual[0].isdigit()


def _name_and_value(body: list[str]) -> bool:
    """Whether a row's cells are a name and a target, nothing else (``项目(工程)验收合格率 | 100%``); a bare
    figure there is no target but an amount (a unit's subtotal in a long export: ``820-某镇部门 | 8,827,620.53``)."""
    filled = [text for text in body if text.strip()]
    return len(filled) == 2 and label(filled[0]).role is Role.TEXT and not is_value(filled[0]) and (
        is_value(filled[1]) or looks_like_target(filled[1])) and not is_bare_number(filled[1].replace(",", ""))


class _Piece(str):
    """The second part of a token that held two cells run together (counted once, with its first part)."""

    __slots__ = ()


class _Figure(_Piece):
    """A figure run together with a name in a stream (``10水标尺宽度10``: the score of the row before, the name, its
    weight), cut off the name (counted once, with the name)."""

    __slots__ = ()


class _Cut(_Piece):
    """A further part of a cell that held a whole row run together (its name, its figures), said by the row's first
    figure (:class:`_FusedRun`)."""

    __slots__ = ()


class _FusedRun(_Cut):
    """The first figure cut off a cell that held a whole row run together; ``how`` says how the run was split."""

    how: Phrase

    def __new__(cls, text: str, how: Phrase) -> Self:
        piece = super().__new__(cls, text)
        piece.how = how
        return piece


_KIND_WORDS = ("定性", "定量")  # what a 指标性质 cell says of its row, never the end of an indicator's name
_SHORTEST_FUSED_NAME = 2
# a name with the figures of the neighbouring cells run into it: the score before, the weight after
# (the name may keep the template's numbering: 指标1种薯采购价格不高于市场价8)
_FIGURED_NAME = re.compile(r"^(\d+(?:\.\d+)?)?((?:指标\s*\d{1,2}\s*[:：.．、]?)?\D*[\u4e00-\u9fff)）]\D*?)"
                           r"(\d{1,3}(?:\.\d+)?)$")


class _RowNumber(str):
    """The number a form prints before a stream's row (``1-1``): it opens the row and fills no column."""


class _RepeatedName(_RowNumber):
    """A row's name printed again right after its target in a stream (a merged cell copied twice: 建设…子站 | 11个 |
    建设…子站 | 0): counted with the row, like a row number, and placed nowhere."""


@dataclass(slots=True)
class Placed:
    """One row's cell texts by column kind, where it came from, how sure the placement is."""

    values: dict[str, str]
    line: int | None
    row: int | None
    table: int | None
    confidence: float = GRID_CONFIDENCE
    how: list[Phrase] = field(default_factory=list)  # how its cells were aligned by their content (P102)
    extra: dict[str, str] = field(default_factory=dict)
    tokens: int = 0
    inferred: Phrase | None = None  # how a run-together row was split (P111)
    ambiguous: Ambiguity | None = None  # a run of points fused after the target that reads more than one way


class Aligner:
    """Aligns the body of one table under its columns, carrying levels from row to row."""

    def __init__(self, columns: Columns) -> None:
        self.columns = columns
        self.seen_level = False  # a level name has been placed in this table
        # a row placed with level-2 names alone in its name column and after it (质量 | (blank), 质量 | 时效): the name
        # column holds the level-2 names (:meth:`_level2_names_column`)
        self.level2_names = False
        self._spaced_row: int | None = None  # the line of the last row of spaced columns taken
        # a row above was placed without the operator column (its cell empty, lost with the spaces around it): the
        # table writes its targets without operators
        self._operators_left_out = False
        self.keys: list[str] = []
        self.slots: list[str] = []
        self.leading: list[str] = []
        self.long_keys: list[str] = []
        self.columns_changed()
        self.placed: list[Placed] = []
        self._stream: list[Token] = []
        self._stream_line: Line | None = None
        self._segmented = False  # the cells being placed were cut from run-together text
        # the last one-cell line held a whole row run together: the table's rows are written so, one a line
        self._rows_run_together = False
        self._name_widths: list[int] = []  # the widths of the first lines of a stream's names wrapped onto a second
        # One cell per line without empty cells: an absent cell is an empty one, not a guess.
        self.cells_absent = True
        # the column index of each grid column seen, for the header positions it was worked out under
        self._grid_positions: list[int | None] | None = None
        self._grid_index: dict[int, int | None] = {}
        self._open_row: Placed | None = None  # the last text row, which stopped before its target
        self._last_serial: int | None = None  # the last number of a 序号 column that opened a stream's row
        self.outline = Outline(self._add_outlined, columns.positions[columns.kinds.index("name")],
                               self._key_at, self._as_level2) if columns.outline else None

    def columns_changed(self) -> None:
        """Recompute the column keys after the header's columns were refined."""
        columns = self.columns
        kinds = columns.kinds
        # Each column's key: its kind, or ``extra:<heading>`` for a column the vocabulary does not know.
        self.keys = [kind if kind != EXTRA else f"extra:{heading}" for kind, heading in zip(kinds, columns.headings)]
        levels = [i for i, kind in enumerate(kinds) if kind in LEVELS]
        last = max(levels, default=-1)
        first = min(levels, default=0)
        # the keys of the columns a row holds after its levels, and of those before them (a long export's
        # project columns)
        self.slots = [key for key, kind in list(zip(self.keys, kinds))[last + 1:] if kind != FRAME]
        if "name" not in self.slots and "name" in kinds[first + 1:last]:
            # a form that puts its 三级指标 before its 二级指标: the name stands between the levels, whose names say
            # which cells they are
            self.slots.insert(0, "name")
        self.leading = [key for key, kind in list(zip(self.keys, kinds))[:first] if kind != FRAME]
        # the long-term set standing between the 一级指标 and the year's 二级指标 (长期/年度 column pairs)
        self.long_keys = [key for key, kind in list(zip(self.keys, kinds))[first + 1:last] if kind != FRAME] \
            if "long_term_target" in kinds[first + 1:last] else []
        self.row_shape = _row_shape(self.slots) if columns.joined else None
        # headings run together whose target column the points follow (目标值 | 分值): rows run together likewise
        # end in their points
        written = [key for key in self.slots if key not in ("description", "remark")]
        self.points_last = columns.joined and written[-2:] == ["target", "weight"]
        # a column of row numbers (序号, 编号) holds them as its cells
        self._numbers_column = any(heading.strip() in NUMBER_HEADINGS for heading in columns.headings)
        # ... standing before the levels: a row whose merged level cells were dropped opens with its number
        self._leading_numbers = any(key.removeprefix("extra:").strip() in NUMBER_HEADINGS for key in self.leading)

    # -- the entry point -------------------------------------------------------------------------------
    def feed(self, line: Line) -> None:
        """Take one body line."""
        if self.outline is not None:
            self.outline.feed(line)
            return
        if line.kind is LineKind.BREAK:
            self.flush()
            return
        if line.extra.get(PROSE):
            self.flush()
            self._prose(line)
            return
        if line.kind is LineKind.CELL:
            if self._completes_row(line):
                return
            self._open_row = None
            run_together = self._rows_run_together
            self._rows_run_together = bool(line.extra.get("segmented"))
            if self._continues(line) or self._points_last(line) or self._shaped(line):
                return
            if self._run_together(line, run_together):
                self._rows_run_together = True
                return
            if self._stream_line is None:
                self._stream_line = line
            self._stream.extend(line.tokens)
            if line.extra.get("closes_row"):
                self.flush()
            return
        self._join_name_tail(line)
        self.flush()
        self._open_row = None
        if not line.filled:
            return
        columns = self.columns
        self._spaced_row = line.line if line.extra.get("spaced") else None
        if line.gridded and any(p is not None for p in columns.positions):
            self._by_grid(line)
        elif line.extra.get("spaced") and any(o is not None for o in columns.offsets) and self._by_offset(line):
            return
        elif line.extra.get("spaced") and len(line.tokens) == len(self.slots) and not _names_a_level(line) \
                and not self._opens_with_serial(line):
            # hierarchy by indentation: the levels stand on lines of their own above the row (a row opening with
            # a level name at the margin is as wide as the columns after the levels only by chance: its other
            # cells were empty; so is one opening with its 序号, its level cells merged away and an empty cell
            # after its points gone)
            self._add(dict(zip(self.slots, line.texts)), line, LABEL_CONFIDENCE, [], len(line.filled))
        elif len(line.tokens) == len(columns.kinds) and not _opens_with_frame(line, columns) \
                and _fits_position(line.texts, columns.kinds):
            self._add(dict(zip(self.keys, line.texts)), line, GRID_CONFIDENCE, [], len(line.filled))
        elif _blank_kept(line, columns.kinds) and not _opens_with_frame(line, columns) \
                and _fits_position(line.texts, columns.kinds):
            # a pipe or TAB row printing every cell of the header's, a blank one among them (效益指标 | 群众出行 | | 良好 |
            # 45 | 40 | |, its 指标值 left blank): the bars say where each cell stands, the blank's place too, which
            # its labels would not (良好 would be taken for the missing target)
            self._add(dict(zip(self.keys, line.texts)), line, GRID_CONFIDENCE, [], len(line.filled))
        elif not self._ends_previous(line):
            self._by_labels(line.filled, line, closed=True)
        last = self.placed[-1] if self.placed else None
        # a text row that stopped before its target, one-cell lines below may complete
        self._open_row = last if not line.gridded and last is not None and "name" in last.values and not any(
            kind in last.values for kind in ("target", *POINTS)) else None

    def _ends_previous(self, line: Line) -> bool:
        """A row of bare numbers only, under a row that stopped before its last columns, is the end of that row
        (a long cell wrapped the row over two lines: ``7 7`` under ``修缮建筑数量 完成…维护 完成…维护``); so is
        such a row led by the previous row's target said again, its actual value (``好坏 | 5 | 5`` under
        ``…健全性 | 定性 | 好坏``)."""
        texts = [token.text.strip() for token in line.filled]
        previous = self.placed[-1] if self.placed else None
        if previous is None or "name" not in previous.values:
            return False
        filled = [index for index, kind in enumerate(self.slots) if kind in previous.values]
        tail = self.slots[max(filled) + 1:]
        achieved: list[tuple[str, str]] = []
        if texts and texts[0] == previous.values.get("target", "").strip() and "actual" in tail:
            achieved, texts, tail = [("actual", texts[0])], texts[1:], tail[tail.index("actual") + 1:]
        if not texts or not all(is_bare_number(text) for text in texts) or len(texts) > len(tail):
            return False
        previous.values.update(achieved + fit_short(texts, tail))
        previous.tokens += len(line.filled)
        return True

    def _completes_row(self, line: Line) -> bool:
        """One-cell lines right under a text row that stopped before its target are the row's missing cells: its
        target (a figure, a date, a word of the qualitative vocabulary), then the bare figures of its points
        (``时效指标 采购计划完成时间 定性`` / ``11月底之前`` / ``5``: a PDF's row broken after its 指标性质 cell)."""
        previous = self._open_row
        text = line.tokens[0].text.strip() if line.tokens else ""
        if previous is None or self._stream or not text:
            return False
        filled = [index for index, kind in enumerate(self.slots) if kind in previous.values]
        tail = self.slots[max(filled) + 1:] if filled else []
        if "target" not in previous.values:
            target = parse_target(text)
            said = target.value is not None or target.date is not None or is_qualitative(text)
            if "target" not in tail or not said or label(text).role in (Role.LEVEL1, Role.LEVEL2, Role.HEADING):
                return False
            previous.values["target"] = text
        elif is_bare_number(text) and tail:
            previous.values.update(fit_short([text], tail))
            self._open_row = None  # (its points end the row)
        else:
            return False
        previous.tokens += 1
        return True

    def _prose(self, line: Line) -> None:
        """Each item of a line of prose indicators is a row; what a level name opens carries down (P111 says
        how the text was split)."""
        before = len(self.placed)
        for item in line.extra[PROSE]:
            values = {kind: text for kind, text in item if kind not in ("group", "rate", "rest")}
            # (the group a cell's indicators share, and the completion rate a report works out, kept beside the row)
            extra = {_PROSE_PARTS[kind]: text for kind, text in item if kind in ("group", "rate")}
            rest = [text for kind, text in item if kind == "rest"]
            if rest:
                values["_unplaced"] = "\n".join(rest)
            self._add(values, line, GUESS_CONFIDENCE, [], 0, extra)
            if any(kind in ("name", "target") for kind, _ in item):
                self.placed[-1].inferred = placed_as((_PROSE_PARTS.get(kind, kind), text) for kind, text in item)
        if len(self.placed) > before:
            self.placed[before].tokens = len(line.filled)  # the line's cells, split in pieces

    def _run_together(self, line: Line, under_run: bool = False) -> bool:
        """A one-cell line whose cells run together is split by labels into one row (an inference, P111);
        ``under_run``: the line above held a row run together too."""
        parts = split_run_together(line.tokens[0].text) if line.tokens else None
        if parts is None:
            # a row opening with its name under the rows above it: only when what follows its target is cut by
            # the header's columns, or when the row above was run together likewise and nothing follows its target
            named = split_name_row(line.tokens[0].text) if line.tokens and self.placed else None
            if named is None and under_run and line.tokens and self.placed:
                named = split_name_measure(line.tokens[0].text)
            if named is None:
                return self._leading_figures(line)
            return self._tail_cut(named, line) or self._words_after(named, line) or (
                under_run and self._name_and_target(named, line))
        self.flush()
        rows = split_rows_run_together(line.tokens[0].text)
        if rows is None and self._tail_cut(parts, line):
            return True
        tokens = [Token(text, line.line) for text in rows[0]] if rows else [Token(text, line.line) for _, text in parts]
        before = len(self.placed)
        self._by_labels(tokens, line, closed=True)
        for number, placed in enumerate(self.placed[before:]):
            placed.tokens = 1 if number == 0 else 0  # one token of the text, split in pieces
        if rows and rows[1] and len(self.placed) > before:
            # what follows the rows (合计, 评价结论) is no cell of theirs: reported, never glued to the last one
            self.placed[-1].values["_after"] = rows[1]
        how = (quoted_cells(rows[0]) if rows else
               placed_as((self.columns.heading(kind) if kind != 'after' else '其余', text) for kind, text in parts))
        for placed in self.placed[before:]:
            # (how the labels then cut a cell of the row, its explanation off its name, is said with it)
            placed.inferred = Phrase.joined([how, *placed.how]) if placed.how else how
            placed.confidence = min(placed.confidence, GUESS_CONFIDENCE)
        return True

    def _leading_figures(self, line: Line) -> bool:
        """A row run together whose figures follow its name in the header's column order (分值 | 年度指标值 | …):
        placed by :func:`.leading_figures.split_leading_figures`, an inference (P111); a run reading several ways is
        left to the table's sums, or said (P154)."""
        cut = split_leading_figures(line.tokens[0].text, self.slots) if line.tokens else None
        if cut is None:
            return False
        self.flush()
        self._add(dict(cut.cells), line, GUESS_CONFIDENCE, [], 1)
        self.placed[-1].inferred = placed_as((self._heading(kind) if not kind.startswith('_') else '其余', text)
                                              for kind, text in cut.cells)
        self.placed[-1].ambiguous = cut.ambiguous
        return True

    def _name_and_target(self, parts: tuple[tuple[str, str], ...], line: Line) -> bool:
        """A row run together that opens with its name and ends with its target (``保障遗属人数(人)=13人``,
        ``清扫保洁道路条数485条``), under a row run together likewise: its level names those of the rows above (their
        merged cells printed once), the name and target placed, an inference (P111 says how). False when the row
        holds more than a name and a target."""
        values = dict(parts)
        if set(values) != {"name", "target"} or "target" not in self.slots:
            return False
        self.flush()
        self._add(values, line, GUESS_CONFIDENCE, [], 1)
        self.placed[-1].inferred = placed_as((self._heading(kind), text) for kind, text in values.items())
        return True

    def _words_after(self, parts: tuple[tuple[str, str], ...], line: Line) -> bool:
        """A row run together that opens with its name, its target followed by words, under a header whose column
        after the target holds words (指标值 | 指标值内容 | 评(扣)分标准 …), its unit's column between them or not: the
        name and target placed, the words kept whole in that column, an inference (P111 says how). False under any
        other header."""
        kinds = dict(parts)
        after = kinds.get("after", "")
        if "target" not in self.slots or "name" not in kinds or "target" not in kinds or not _CJK_START.match(after):
            return False
        # (a target written with its operator and unit has filled their columns: 目标值 | 度量单位 | 指标值说明)
        column = [kind for kind in self.slots[self.slots.index("target") + 1:] if kind not in ("unit", "operator")][:1]
        if not column or column[0] not in _WORD_COLUMNS:
            return False
        self.flush()
        values = {"name": kinds["name"], "target": kinds["target"], column[0]: after}
        self._add(values, line, GUESS_CONFIDENCE, [], 1)
        self.placed[-1].inferred = placed_as((self._heading(kind), text) for kind, text in values.items())
        return True

    def _tail_cut(self, parts: tuple[tuple[str, str], ...], line: Line) -> bool:
        """A row run together whose target has text after it: that text is cut by the header's columns after the
        target column (:func:`.figures.cut_tail`: an actual in the target's shape, the points, then words) and the
        row placed by those kinds, an inference (P111 says how). A run of points that reads more than one way is
        left out and reported (P154). False when the tail does not fit the columns."""
        kinds = dict(parts)
        if "target" not in kinds or "target" not in self.slots or "name" not in kinds:
            return False
        after = self.slots[self.slots.index("target") + 1:]
        # (the labels may cut what follows the target in pieces: an actual in its shape, then the points)
        tail = cut_tail("".join(text for kind, text in parts if kind == "after"), kinds["target"], after)
        if tail is None:
            return False
        self.flush()
        values = {kind: text for kind, text in parts if kind != "after"}
        for kind, text in tail.cells:
            if not kind:  # words: the first column after the placed ones that holds no figure
                placed = [after.index(k) for k in values if k in after]
                kind = next((k for k in after[max(placed, default=-1) + 1:]
                             if k not in (*FIGURE_KINDS, "unit", "operator")), "_unplaced")
            values[kind] = text
        if tail.ambiguous is not None and "target" in tail.ambiguous.columns:
            values.pop("target")  # the target's figures run on into the columns after it: left out with them
        elif "weight" not in values and self.slots[self.slots.index("target") - 1:][:1] == ["weight"]:
            # 分值 | 年度指标值 | 全年实际值: the weight ran into the target the actual repeats (2029.5亩 | 29.5亩)
            cut = _weight_before(values["target"], values.get("actual", ""))
            named = _NAME_AND_WEIGHT.match(values["name"].strip()) if cut is None else None
            if cut is not None:
                values["weight"], values["target"] = cut
            elif named is not None and parse_amount(named.group("weight")) in self._weights():
                # …受益农户收入(总收入)20 | ≥11.376万元: the name's cell ends in a weight the table prints elsewhere
                values["name"], values["weight"] = named.group("name"), named.group("weight")
            values = dict(sorted(values.items(), key=lambda cell: self._slot_order(cell[0])))
        how = placed_as((self._heading(kind) if not kind.startswith('_') else '其余', text)
                         for kind, text in values.items())
        self._add(values, line, GUESS_CONFIDENCE, [], 1)
        self.placed[-1].inferred = how
        self.placed[-1].ambiguous = tail.ambiguous  # settled by the table's sums once all its rows are read, or said
        return True

    def _shaped(self, line: Line) -> bool:
        """A one-cell line under headings that ran together on one line holds a whole row run together the same
        way (``预算执行率10%=100`` under 指标名称 | 指标权重 | 计量单位 | 指标性质 | 指标值): split by the shapes of
        the header's columns in their order, when a figure column (weight, unit, operator) stands between the
        name and the target; an inference (P111)."""
        text = line.tokens[0].text.strip() if self.row_shape is not None and line.tokens else ""
        found = self.row_shape.fullmatch(text) if text else None  # type: ignore[union-attr]
        if found is None or label(found.group("name")).role in (Role.HEADING, Role.FIELD) or not any(
                found.group(kind) for kind in _SHAPES if kind in self.slots):
            return False
        self.flush()
        values = {kind: part for kind, part in found.groupdict().items() if part}
        self._add(values, line, GUESS_CONFIDENCE, [], 1)
        self.placed[-1].inferred = placed_as((self._heading(kind), part) for kind, part in values.items())
        return True

    def _points_last(self, line: Line) -> bool:
        """A one-cell line under headings that ran together with the points after the target (目标值 | 分值)
        holds a row run together the same way: its levels, name and target, then its points (an inference,
        P111)."""
        parts = split_points_row(line.tokens[0].text) if self.points_last and line.tokens else None
        if parts is None:
            return False
        self.flush()
        values = dict(parts)
        self._add(values, line, GUESS_CONFIDENCE, [], 1)
        self.placed[-1].inferred = placed_as((self._heading(kind), part) for kind, part in values.items())
        return True

    def _continues(self, line: Line) -> bool:
        """An indented one-cell line under a fixed-width table is a further line of the cell above it."""
        token = line.tokens[0] if line.tokens else None
        if token is None or not token.indent or not self.placed or self._stream or not any(
                o is not None for o in self.columns.offsets):
            return False
        if label(token.text).role in (Role.LEVEL1, Role.LEVEL2):
            return False
        index = self.columns.at_offset(token.indent)
        kind = self.keys[index] if index is not None else (self.slots[-1] if self.slots else None)
        if kind is None or kind in LEVELS:
            return False
        previous = self.placed[-1]
        previous.values[kind] = f"{previous.values[kind]}\n{token.text}" if kind in previous.values else token.text
        previous.tokens += 1
        return True

    def flush(self) -> None:
        """Place the pending stream of one-cell lines."""
        if self.outline is not None:
            self.outline.flush()
        if self._stream:
            tokens, line = self._stream, self._stream_line
            self._stream, self._stream_line = [], None
            centred = centred_rows(tokens, self.slots)
            if centred is not None and centred.rows:
                self._add_centred(centred, line)  # type: ignore[arg-type]
                return
            separated = separated_rows(tokens, self.slots)
            if separated is not None:
                tokens = separated.before
            before = len(self.placed)
            if tokens:
                self._by_labels(tokens, line, closed=False)  # type: ignore[arg-type]
            if separated is not None and separated.unpaired and len(self.placed) > before:
                rows, names = separated.unpaired
                self.placed[before].how.append(Phrase("数值与名称分开印出，{rows}行数值、{names}个名称，数目不符，未按顺序配对",
                                                      {"rows": str(rows), "names": str(names)}))
            elif centred is not None and centred.unsure and len(self.placed) > before:
                first, second = centred.unsure
                self.placed[before].how.append(Phrase("层级名称印在其各行名称的中间，“{first}”与“{second}”之间的名称归属哪一"
                                                      "层级无法从名称判断，按印出的顺序读取",
                                                      {"first": first, "second": second}))
            elif separated is not None:
                self._add_separated(separated, line)  # type: ignore[arg-type]

    def _add_centred(self, centred: Centred, line: Line) -> None:
        """The rows of a column of names whose level names were printed in the middle of their groups
        (:func:`.separated.centred_rows`), grouped by what each name measures: an inference (P111 says how)."""
        for row in centred.rows:
            where = Line([], line.kind, row.line, line.table, line.row) if row.line is not None else line
            self._add({**row.levels, "name": row.name}, where, GUESS_CONFIDENCE, [], row.tokens)
            self.placed[-1].inferred = Phrase("层级名称印在其各行名称的中间（按栏输出），按名称所计量的类别分组："
                                              "{column}“{name}”归入“{level2}”",
                                              {"column": self._heading('name'), "name": row.name,
                                               "level2": row.levels['level2']})

    def _add_separated(self, separated: Separated, line: Line) -> None:
        """The rows of a stream whose names and figures were printed in separate blocks (:mod:`.separated`),
        paired in order: an inference (P111 says how), the totals after the figures kept as the table's."""
        for row in separated.rows:
            where = Line([], line.kind, row.line, line.table, line.row) if row.line is not None else line
            self._add({**row.levels, "name": row.name, **row.figures}, where, GUESS_CONFIDENCE, [], row.tokens)
            levels = Phrase("，{level2}按印出的顺序", {"level2": row.levels.get('level2', '')}) \
                if separated.levels_in_order else ""
            self.placed[-1].inferred = Phrase(
                "名称与数值分开印出，按顺序配对：{column}“{name}”｜{figures}{levels}",
                {"column": self._heading('name'), "name": row.name, "levels": levels,
                 "figures": placed_as((self._heading(kind), text) for kind, text in row.figures.items())})
        if separated.totals:
            # the 总分 row's figures, its label printed elsewhere in the flow: the claimed total is the score's
            score = separated.totals[-1] if "score" in self.slots else None
            self.placed[-1].values["_total" if score else "_after"] = score or " ".join(separated.totals)
            self.placed[-1].tokens += len(separated.totals)

    # -- placing ---------------------------------------------------------------------------------------
    def _add(self, cells: dict[str, str], line: Line, confidence: float, how: list[Phrase], tokens: int,
             extra: dict[str, str] | None = None) -> None:
        values: dict[str, str] = {}
        extras = dict(extra or {})
        if self.columns.scrambled is not None:
            cells, how, confidence = self._from_right(cells, how, confidence)
        for kind, text in cells.items():
            if not text.strip() or kind == FRAME:
                continue  # the frame column holds the form's own vertical label
            if kind.startswith("extra:"):
                extras[kind.removeprefix("extra:")] = text
            else:
                values[kind] = text
        _uncross(values)
        self.seen_level = self.seen_level or any(kind in values for kind in LEVELS)
        self.level2_names = self.level2_names or label(values.get("name", "")).role is Role.LEVEL2 and all(
            label(text).role in _LEVEL_ROLES for kind, text in values.items() if kind not in LEVELS)
        placed = Placed(values, line.line, line.row, line.table, confidence, how, extras, tokens)
        if self.columns.inferred:  # no header names the columns: every row rests on a guess
            placed.confidence, placed.inferred = min(confidence, GUESS_CONFIDENCE), self.columns.inferred
        self.placed.append(placed)

    def _from_right(self, cells: dict[str, str], how: list[Phrase], confidence: float
                    ) -> tuple[dict[str, str], list[Phrase], float]:
        """A row under a scrambled heading that ends in a 得分系数 column, its figures read from the right
        (:mod:`.coefficient`): its actual, weight and score, and its target left empty when the row prints none."""
        if "target" not in self.keys:
            return cells, how, confidence
        # a unit cell holding no unit is the row's first figure or word, the row having left out an empty cell
        # before it (高高 | 100% | 33 under 计量单位 | 年初指标值 | …)
        misplaced = cells.get("unit", "") if label(cells.get("unit", "")).role is not Role.UNIT else ""
        reading = read_from_right([misplaced, *(cells.get(key, "") for key in self.keys[self.keys.index("target"):])])
        if reading is None:
            return cells, how, confidence
        cells = {kind: text for kind, text in cells.items() if kind != "target" and not (misplaced and kind == "unit")}
        found = {"target": reading.target, "actual": reading.actual, "weight": reading.weight, "score": reading.score}
        cells.update((kind, text) for kind, text in found.items() if text)
        return cells, [*how, reading.how], min(confidence, GUESS_CONFIDENCE)

    def _add_outlined(self, values: dict[str, str], line: Line, tokens: int) -> None:
        """A row of an indented table (:mod:`.outline`): placed by its depth, so by an inference."""
        self._add(values, line, LABEL_CONFIDENCE, [], tokens)

    def _as_level2(self, text: str) -> None:
        """The last row placed with ``text`` as its level 1 holds a level 2 (an indented table's first level name,
        成本指标, read as the 2021 framework's level 1 until a level 2 stood at its depth)."""
        placed = next((placed for placed in reversed(self.placed) if placed.values.get("level1") == text), None)
        if placed is not None and "level2" not in placed.values:
            placed.values["level2"] = placed.values.pop("level1")

    def _key_at(self, column: int | None) -> str:
        """The key of the cells in grid ``column`` (``extra:第N列`` outside every heading)."""
        index = self.columns.kind_at(column) if column is not None else None
        return self.keys[index] if index is not None else f"extra:第{(column or 0) + 1}列"

    def _by_grid(self, line: Line) -> None:
        columns = self.columns
        values: dict[str, str] = {}
        extra: dict[str, str] = {}
        if self._grid_positions != columns.positions:
            self._grid_positions, self._grid_index = list(columns.positions), {}
        grid_index = self._grid_index
        for token in line.tokens:
            column = token.column
            if column in grid_index:
                index = grid_index[column]
            else:
                index = grid_index[column] = columns.kind_at(column)  # type: ignore[arg-type]
            if index is None or not token.text.strip():
                if token.text.strip():
                    extra[f"第{(token.column or 0) + 1}列"] = token.text
                continue
            kind = self.keys[index]
            values[kind] = f"{values[kind]}\n{token.text}" if kind in values and values[kind] != token.text else token.text
        self._add(values, line, GRID_CONFIDENCE, [], len(line.filled), extra)

    def _by_offset(self, line: Line) -> bool:
        columns = self.columns
        placed = [columns.at_offset(token.offset) for token in line.tokens]  # type: ignore[arg-type]
        if any(index is None for index in placed):
            if len(line.tokens) == 1 and self.placed:
                previous = self.placed[-1]
                last = self.slots[-1] if self.slots else None
                if last:
                    previous.values[last] = f"{previous.values.get(last, '')}\n{line.tokens[0].text}".strip()
                    previous.tokens += 1
                    return True
            return False
        kinds = [self.keys[index] for index in placed]  # type: ignore[index]
        if any(_shifted_under(kind, token.text) for kind, token in zip(kinds, line.tokens)):
            # the row's empty cells vanished and its cells shifted left, so they stand under other headings than
            # their own (placed by labels instead)
            return False
        if self.placed and not set(kinds) & {"level1", "level2", "name", "target"}:
            previous = self.placed[-1]  # a cell's further lines, indented to its column
            for kind, token in zip(kinds, line.tokens):
                previous.values[kind] = f"{previous.values[kind]}\n{token.text}" if kind in previous.values else token.text
            previous.tokens += len(line.tokens)
            return True
        self._add(dict(zip(kinds, line.texts)), line, GRID_CONFIDENCE, [], len(line.tokens))
        return True

    def _unfuse(self, tokens: list[Token], closed: bool) -> tuple[list[Token], list[str]]:
        """Cut a cell holding a name and its target run together in two, when the target column follows the
        name column: the target part is a piece of the same token, not a token of its own. A cell that ends its
        row with no target after it may hold a qualitative target at its end (a guess the row reports). In a
        stream whose weight column follows the name, the figures run into a name before its target are cut off
        it."""
        texts = [token.text for token in tokens]
        slots = self.slots
        following = slots[slots.index("name") + 1] if "name" in slots and slots.index("name") + 1 < len(slots) else None
        if following in POINTS and not closed:
            return self._unfuse_figures(tokens, texts)
        if following == "operator":
            return self._unfuse_kind(tokens, texts)
        if following != "target":
            return tokens, texts
        result_tokens: list[Token] = []
        result_texts: list[str] = []
        named = False  # a closed row's name cell passed: the cells after it are its values, not names
        for token, text, following in zip(tokens, texts, _next_filled(texts)):
            # a target cell of its own after this one: the number inside the name is part of the name
            # (…质量达标率100% | ≥98%)
            parts = (split_name_target(text) if text.strip() and not looks_like_target(text)
                     and not looks_like_target(following) and not named else None)
            if parts is not None and not looks_like_target(parts[1]) and label(following).role is Role.NUMBER:
                parts = None  # a bare percentage with a figure after it is part of the name (…完成率100% | 10)
            if parts is None and not named and label(text).role is Role.TEXT and (
                    not following.strip() or label(following).role in _LEVEL_ROLES):
                # the row ends with this cell and has no target: a qualitative target run onto the name
                # (…绿化水平提升 before the next level name)
                parts = split_qualitative(text)
            # (a row's first cell of words is its name: 成本 | 年度预算220万元 | 按进度执行,已使用约40%)
            named = named or closed and label(text).role is Role.TEXT and not is_frame_label(text)
            row = self._figures_fused(text, following) if parts is None and not closed else None
            if row is not None:
                result_tokens += [token] * len(row)
                result_texts += row
                continue
            if parts is None:
                result_tokens.append(token)
                result_texts.append(text)
                continue
            result_tokens += [token, token]
            result_texts += [parts[0], _Piece(parts[1])]
        return result_tokens, result_texts

    def _unfuse_kind(self, tokens: list[Token], texts: list[str]) -> tuple[list[Token], list[str]]:
        """A name that ran into the 指标性质 cell after it (``提升工作效率定性 | 定性 | 有效提升`` under 三级指标 | 指标性质 |
        指标方向 | 目标值, the two cells without a space between them): the kind's word is cut off the name and
        placed as the operator's cell; the row says so."""
        for index, text in enumerate(texts):
            key = text.strip()
            word = next((word for word in _KIND_WORDS if key.endswith(word)), None)
            if word is None or len(key) - len(word) < _SHORTEST_FUSED_NAME or label(key).role is not Role.TEXT:
                continue
            name = key[:-len(word)]
            how = Phrase("“{cell}”按形式拆分为{name_column}“{name}”与{operator_column}“{word}”",
                         {"cell": key, "name_column": self._heading('name'), "name": name,
                          "operator_column": self._heading('operator'), "word": word})
            return ([*tokens[:index + 1], tokens[index], *tokens[index + 1:]],
                    [*texts[:index], name, _FusedRun(word, how), *texts[index + 1:]])
        return tokens, texts

    def _figures_fused(self, text: str, following: str) -> list[str] | None:
        """A stream's cell holding a whole row run together whose figures carry no operator or unit
        (``质量指标建设符合验收要求2020`` under 二级指标 | 三级指标 | 指标值 | 全年实际完成值, one row to a line): its level
        names, its name, and one figure for each figure column after the name, the run split as :mod:`.figures`
        reads it; None when a figure or target follows in a cell of its own (the digits are the name's), or no
        reading fits."""
        found = fused_run(text) if label(text).role is Role.TEXT else None
        if found is None or not found[0] or is_bare_number(following) or looks_like_target(following):
            return None
        start = self.slots.index("name") + 1
        end = start
        while end < len(self.slots) and self.slots[end] in FIGURE_KINDS:
            end += 1
        split = split_figures(found[1], self.slots[start:end], self._weights()) if end - start >= 2 else None
        if split is None or not _CJK_END.search(found[0]):
            return None
        figures = list(zip(self.slots[start:end], split.parts))
        kinds = dict(figures)
        if "actual" in kinds and "target" in kinds and not _repeats_target(kinds):
            return None
        level1, level2, name = split_level_prefix(simplified(found[0]))
        doubt = Phrase("（数字“{run}”连写，有{readings}种拆法，请核对）", {"run": found[1], "readings": str(split.readings)})
        how = Phrase("“{cell}”按形式拆分为{column}“{name}”｜{figures}{doubt}",
                     {"cell": text.strip(), "column": self._heading('name'), "name": name,
                      "figures": placed_as(((self._heading(kind), part) for kind, part in figures), quoted=False),
                      "doubt": doubt if split.guessed else ""})
        first, *cut = [part for part in (level1, level2, name) if part]
        return [first, *(_Cut(part) for part in cut), _FusedRun(figures[0][1], how),
                *(_Cut(part) for _, part in figures[1:])]

    @staticmethod
    def _unfuse_figures(tokens: list[Token], texts: list[str]) -> tuple[list[Token], list[str]]:
        """``10水标尺宽度10 | ≥50厘米``: the score of the row before, the name and its weight, run together in a
        stream whose weight column follows the name; cut where the row's target follows."""
        result_tokens: list[Token] = []
        result_texts: list[str] = []
        for token, text, following in zip(tokens, texts, _next_filled(texts)):
            found = _FIGURED_NAME.match(text.strip()) if following.strip() and not is_numbered(following) else None
            if found is None or label(text).role is not Role.TEXT:
                result_tokens.append(token)
                result_texts.append(text)
                continue
            lead, name, weight = found.groups()
            parts = ([_Figure(lead)] if lead else []) + [name.strip(), _Figure(weight)]
            result_tokens += [token] * len(parts)
            result_texts += parts
        return result_tokens, result_texts

    def _by_labels(self, tokens: list[Token], line: Line, closed: bool) -> None:
        """Place tokens whose columns the format does not say, by their labels."""
        columns = self.columns
        self._segmented = bool(line.extra.get("segmented"))
        tokens, texts = self._unfuse(tokens, closed)
        # Leading empty cells of a closed row are merged cells: drop them; inside a stream, empty cells keep
        # their place only when the stream marks empty cells (then rows are full).
        runs: list[tuple[dict[str, str], list[str], Token | None, list[int | None]]] = []
        levels: dict[str, str] = {}
        body: list[str] = []
        body_lines: list[int | None] = []  # the line each body cell stands on
        first: Token | None = None

        def close() -> None:
            nonlocal levels, body, first, body_lines
            if levels or body:
                runs.append((levels, body, first, body_lines))
            levels, body, first, body_lines = {}, [], None, []

        roles = [label(text).role if text.strip() else Role.EMPTY for text in texts]
        # a grid without level columns (the pre-2018 form) shows its levels as section rows
        sectioned = not set(LEVELS) & set(columns.kinds)
        for position, (token, text, role) in enumerate(zip(tokens, texts, roles)):
            if role is Role.EMPTY and not body and (not levels or sectioned):
                continue  # (the empty cells of a section row stay with its level name)
            if closed and not body and not levels and self._serial(texts, position):
                # the row's 序号 under a header that does not name its column (the heading ran into another, or
                # the header is on the page before): counted with the row, placed nowhere
                body.append(_RowNumber(text))
                body_lines.append(token.line)
                first = token
                continue
            levelled = next((r for r in roles[position + 1:] if r is not Role.EMPTY), None) in _LEVEL_ROLES
            if FRAME not in levels and (not body and (not levels and (self._frame_label(text)
                                                                      or levelled and is_frame_label(text))
                                                      or not closed and is_frame_label(text))
                                        or body and self._segmented and is_frame_label(text)):
                # the form's vertical label repeated on a row, or opening the first row before its level names
                # (年度绩效指标完成情况 | 产出指标 | …, the header printed without it), or printed among a stream's
                # level cells (a spreadsheet's merged cells out of order) or between two rows of run-together text
                # (…2000 种次 | 项目绩效指标 | 汇总…): counted, not placed
                levels[FRAME], first = text, first or token
                continue
            kind = {Role.LEVEL1: "level1", Role.LEVEL2: "level2"}.get(role)
            following = next(((r, t) for r, t in zip(roles[position + 1:], texts[position + 1:]) if r is not Role.EMPTY),
                             (None, ""))
            level_next = following[0] in _LEVEL_ROLES
            if kind == "level1" and names_a_legacy_level2(text) and "level2" in columns.kinds and (
                    not level_next or names_a_legacy_level2(following[1])):
                # 成本指标 with no level name after it, or with the older framework's short name after it (成本指标 |
                # 成本 | 年度预算220万元: the 2021 framework's level 1 is followed by 经济成本指标 …): a level-2 name
                # under 产出指标, the next cell its row's name
                kind = "level2"
            elif kind == "level1" and closed and not level_next and self._in_level2_column(token, line):
                kind = "level2"  # 满意度 in the 二级指标 column under 效益指标, its 一级指标 cell merged away
            elif kind == "level1" and closed and not body and not levels and self._level2_names_column(text):
                kind = None  # 成本 opening a row in the 指标名称 column that holds the level-2 names (质量, 时效 above)
            if kind == "level2" and "level2" in levels and self._long_term(levels, body):
                body_lines.clear()
                levels["level2"] = text  # the year's 二级指标 after the row's long-term set
                continue
            if kind == "level1" and "level1" not in columns.kinds and "level2" in columns.kinds:
                # the 一级指标 heading stood on a line of its own above the header row (a cell broken over two
                # lines) or lost its first character (级指标), yet the rows show level-1 names: they are that
                # column's cells, not names
                pass
            elif kind is not None and kind not in columns.kinds and not sectioned:
                kind = None
            if kind is not None:
                # A level name opens a row, unless the row so far holds only level names: then a second name
                # of the same level is the 三级指标 (服务对象满意度 under 服务对象满意度指标).
                if _holds_cells(body):
                    close()
                    levels[kind], first = text, token
                    continue
                if kind not in levels and not (kind == "level1" and "level2" in levels):
                    levels[kind] = text
                    first = first or token
                    continue
                if kind == "level1" and ("level2" not in levels or _full_level1(text)) \
                        or kind == "level2" and _another_level2(levels, text):
                    close()
                    levels[kind], first = text, token
                    continue
                following = next((t for t in texts[position + 1:] if t.strip()), "")
                if not closed and levels.get(kind) == text and REPEATED not in levels \
                        and label(following).role is Role.TEXT and not is_value(following):
                    # the same level cell again, a name after it (质量指标 | 质量指标 | 文物安全巡查覆盖率 | 100%): a
                    # stream printed a merged cell twice; counted with the row's levels, not its name
                    levels[REPEATED] = text
                    continue
            if closed and self._leading_numbers and not body and not levels and text.strip().isdigit():
                # the row's 序号 before its name (its level cells merged away): a run of its own, which goes to
                # the columns before the levels below, not joined to the name
                first = token
                body.append(text)
                body_lines.append(token.line)
                close()
                continue
            if not closed and self._next_serial(texts, position, body):
                # the next number of the table's 序号 column, alone on its line: the row before ends here (its last
                # cells may be empty and absent, so the number would otherwise be taken for one of them)
                if _holds_cells(body):
                    close()
                self._last_serial = int(text)
                body.append(_RowNumber(text))
                body_lines.append(token.line)
                first = first or token
                continue
            if not closed and is_row_number(text) and not self._numbers_column:
                # a stream's row opens with the number the form prints before it (1-1): the row before ends here
                if _holds_cells(body):
                    close()
                body.append(_RowNumber(text))
                body_lines.append(token.line)
                continue
            if is_numbered(text) and any(b.strip() for b in body):
                # ``指标2:`` numbers the template's indicators: a new row under the same levels
                close()
            if first is None:
                first = token
            if not closed and name_again(body, text):
                body.append(_RepeatedName(text))
            else:
                body.append(text)
            body_lines.append(token.line)
        close()
        if closed and runs and not runs[0][0] and len(runs) > 1 and self.leading:
            # cells before the row's first level name belong to the columns before the levels (the row's 序号 a run
            # of its own before them)
            serial = self._leading_numbers and len(runs[0][1]) == 1 and _SERIAL.fullmatch(runs[0][1][0].strip())
            heads = 2 if serial and len(runs) > 2 and not runs[1][0] else 1
            lead = [text for run in runs[:heads] for text in run[1] if text.strip()]
            if len(lead) <= len(self.leading):
                levels0, body0, start0, lines0 = runs[heads]
                runs = [(dict(levels0, **dict(zip(self.leading, lead))), body0, runs[0][2] or start0, lines0),
                        *runs[heads + 1:]]
        levelled = bool(set(LEVELS) & set(columns.kinds))
        if levelled and runs and not self.seen_level and not any(
                key for levels, _, _, _ in runs for key in levels if key not in self.leading) and (
                closed or not any(looks_like_target(t) or is_operator(t) for t in texts)) and not columns.inferred:
            # text above the first level name is not an indicator (a unit's subtotal in a long export, the
            # framework rows of an evaluation form, OCR debris); where no header stands above, the rows' own
            # cells said they are indicators (a copy that starts inside a group). Rows the template numbers
            # (指标1:…) are indicators all the same, their levels not printed, and so are rows of a name and its
            # figure alone (贫困地区新增特色产业数量 | ≥1个): the first rows of a group whose merged level cells the
            # copy dropped.
            numbered = next((at for at, run in enumerate(runs) if run[1] and (
                is_numbered(run[1][0]) or _name_and_value(run[1]))), len(runs))
            context = [text for run in runs[:numbered] for text in run[1] if text.strip()]
            leading = sum(1 for run in runs[:numbered] for key in run[0] if key in self.leading)  # (its 序号)
            if context:
                self._add({"_context": "｜".join(context)}, line, LABEL_CONFIDENCE, [], len(context) + leading)
            runs = runs[numbered:]
        paired = [*pair_name_past_level1(runs, self.slots), *pair_names_with_values(runs, self.slots)] \
            if not closed else []
        for run_levels, run_body, start, run_lines in runs:
            numbers = sum(1 for text in run_body if isinstance(text, _RowNumber))  # counted, not placed
            if numbers:
                kept = [at for at, text in enumerate(run_body) if not isinstance(text, _RowNumber)]
                run_body = [run_body[at] for at in kept]
                run_lines = [run_lines[at] for at in kept if at < len(run_lines)]
            if closed:
                run_body = self._level_as_name(run_levels, run_body)
                if not run_levels and self._continues_long_term(run_body, line):
                    continue
                if not any(key in run_levels for key in self.long_keys):
                    both, run_body = self._both_sets(run_body)
                    run_levels = {**run_levels, **both}
            at = 0
            for cells in self._split(run_body, closed, bool(line.extra.get("segmented"))):
                # a row cut from a run stands where its first cell does (the run's level names for the first)
                start_line = start.line if at == 0 and start is not None else (
                    run_lines[at] if at < len(run_lines) else None)
                at += len(cells)
                tail = wrapped_tail(cells) if not closed and self.slots[:1] == ["name"] else None
                ending = cells[tail] if tail is not None else ""
                if tail is not None:
                    cells = [Joined([cells[0], ending]), *cells[1:tail], *cells[tail + 1:]]
                counted, (cells, stray) = cells, page_residue(cells) if not closed else (cells, [])
                values, how, confidence = self._shape(cells, closed)
                if stray:
                    values["_unplaced"] = "\n".join(stray)
                    how = [Phrase("“{cells}”在数值之后、表头之前，按形式不归入该行（换页处重印的表头）",
                                  {"cells": quoted_cells(stray, "”“")}), *how]
                    confidence = GUESS_CONFIDENCE
                if tail is not None:
                    how = [Phrase("“{ending}”按形式并入{column}（名称折行，结尾印在数值之后）",
                                  {"ending": ending, "column": self._heading('name')}), *how]
                    confidence = GUESS_CONFIDENCE
                values.update(run_levels)
                trend = split_name_trend(values["name"]) or split_trend_object(values["name"]) if (
                    "name" in values and "target" in self.slots and not any(
                        kind in values for kind in ("target", "operator"))) else None
                if trend is not None:
                    # no target cell, yet the name ends with a direction word: the target ran into the name
                    how = [Phrase("“{name}”按形式拆分为{name_column}与{target_column}",
                                  {"name": values['name'], "name_column": self._heading('name'),
                                   "target_column": self._heading('target')}), *how]
                    values["name"], values["target"] = trend
                    confidence = GUESS_CONFIDENCE
                pieces = [text for text in cells if isinstance(text, _Piece)]
                if pieces:
                    name = values.get('name', '')
                    how = [piece.how if isinstance(piece, _FusedRun) else
                           Phrase("“{cell}”按形式拆分为{name_column}与{target_column}",
                                  {"cell": f"{name}{piece}", "name_column": self._heading('name'),
                                   "target_column": self._heading('target')})
                           if not isinstance(piece, _Figure) else
                           Phrase("数字“{figure}”按形式从名称“{name}”旁拆出", {"figure": str(piece), "name": name})
                           for piece in pieces if not isinstance(piece, _Cut) or isinstance(piece, _FusedRun)] + how
                    confidence = GUESS_CONFIDENCE
                if any(run_body is body for body in paired):
                    how = [Phrase("“{name}”的数值与名称分开印出，按顺序配对", {"name": values.get('name', '')}), *how]
                    confidence = GUESS_CONFIDENCE
                if closed and line.extra.get("piped"):
                    how = self._missing_levels({k: v for k, v in run_levels.items() if k in LEVELS}) + how
                where = line
                if start_line is not None and start_line != line.line:
                    where = Line([], line.kind, start_line, line.table, line.row)
                self._add(values, where, confidence if not closed or how else LABEL_CONFIDENCE, how,
                          sum(getattr(text, "tokens", 1) for text in counted if text.strip() and not isinstance(text, _Piece))
                          + sum(getattr(text, "tokens", 1) for text in run_levels.values())
                          + numbers)
                run_levels, numbers = {}, 0  # the levels and the row's number are counted with the run's first row

    def _in_level2_column(self, token: Token, line: Line) -> bool:
        """Whether ``token``, a short word naming a level 1 and a level 2 alike (满意度), stands in the 二级指标 column of
        a text row whose cells, counted from its end, fill the header's columns from that one on: its 一级指标 cell
        was merged away (``满意度 | 参培学员满意度 | 95%及以上 | 88.32%`` under 一级指标 | 二级指标 | 指标名称 | 目标值
        | 完成值), so the word is the row's level 2, not a level 1 of its own. A level 1 written in full (满意度指标)
        is the level 1 its row opens, its level-2 cell left empty."""
        kinds = self.columns.kinds
        key = match_key(token.text)
        if "level2" not in kinds or line.gridded or canonical_level2(key) is None or canonical_level1(key) == key:
            return False
        at = next((at for at, each in enumerate(line.tokens) if each is token), None)
        return at is not None and len(line.tokens) - at == len(kinds) - kinds.index("level2")

    def _level2_names_column(self, text: str) -> bool:
        """Whether ``text``, a name the older framework puts under another level 1 (成本 under 产出指标), opens a row
        of a table whose name column holds the level-2 names: the header names no 二级指标 column, and a row above
        printed level-2 names alone in the name column (质量 | (blank), the monitoring form's 一级指标 | 指标名称; 质量 |
        时效 where the copy ran two such rows together). It is then that column's cell, not a new group's level 1."""
        return names_a_legacy_level2(text) and "level2" not in self.columns.kinds and self.slots[:1] == ["name"] \
            and self.level2_names

    def _join_name_tail(self, line: Line) -> None:
        """A one-cell line of words between two rows of spaced columns, right under the first (``城中村、住宅    12个
        12个    10    10`` / ``区任务完成量`` / the next row): the tail of the name above, which a PDF's narrow column
        wrapped onto a line of its own, at the margin as text taken out without its layout prints it. It joins the
        name. A line longer than the name (a wrap's first line is the full one; a character more where the widths
        of its characters left the first line one short), of a figure, a target, a level, a
        numbered name (指标2:) or a word of the qualitative vocabulary is a cell of its own (a row whose other cells
        are empty); so is one under a row that did not print its target, or that came from one-cell lines."""
        if len(self._stream) != 1 or not line.extra.get("spaced") or len(line.filled) < 2 or not self.placed:
            return
        token = self._stream[0]
        text = token.text.strip()
        previous = self.placed[-1]
        if token.line is None or previous.line is None or token.line != previous.line + 1 or previous.tokens < 2 \
                or "name" not in previous.values or "target" not in previous.values \
                or previous.line != self._spaced_row or len(text) > len(previous.values["name"].strip()) + 1 \
                or _DIGIT_IN.search(text) or is_numbered(text) \
                or label(text).role is not Role.TEXT or is_value(text) or is_qualitative(text):
            return
        previous.values["name"] += text
        previous.tokens += 1
        self._stream, self._stream_line = [], None

    def _opens_with_serial(self, line: Line) -> bool:
        """Whether a row under a header whose 序号 column stands before the levels opens with its number, a name
        after it (``6    ★补助鱼塘面积    10    3亩``)."""
        texts = [text.strip() for text in line.texts]
        return self._leading_numbers and len(texts) > 1 and _SERIAL.fullmatch(texts[0]) is not None \
            and label(texts[1]).role is Role.TEXT and not is_value(texts[1])

    def _serial(self, texts: list[str], position: int) -> bool:
        """Whether the closed row's cell at ``position``, its first filled one, is the number a 序号 column prints
        before the row: a number of one to three digits before a level name or a name (words, no figure, no
        qualitative target), under a header whose name column comes first after the levels and that names no column
        of numbers."""
        if self._numbers_column or self.slots[:1] != ["name"] or not _SERIAL.fullmatch(texts[position].strip()):
            return False
        following = next((text.strip() for text in texts[position + 1:] if text.strip()), "")
        role = label(following).role if following else Role.EMPTY
        return role in _LEVEL_ROLES or role is Role.TEXT and _WORD.search(following) is not None and not (
            is_value(following) or is_qualitative(following))

    def _next_serial(self, texts: list[str], position: int, body: list[str]) -> bool:
        """Whether a stream's cell at ``position`` is the next number of the header's 序号 column (1 for the table's
        first row, the last one's plus 1 after it), before a level name or a name: it opens a row when the row before
        holds a cell for each column before its trailing word columns (偏差原因, 备注: those may be empty, and a
        one-cell-a-line copy drops empty cells), so that a figure of that row (its 得分 3) is never taken for it."""
        text = texts[position].strip()
        expected = 1 if self._last_serial is None else self._last_serial + 1
        if not self._numbers_column or not _SERIAL.fullmatch(text) or int(text) != expected:
            return False
        following = next((each.strip() for each in texts[position + 1:] if each.strip()), "")
        role = label(following).role if following else Role.EMPTY
        if not (role in _LEVEL_ROLES or role is Role.TEXT and _WORD.search(following) is not None
                and not (is_value(following) or is_qualitative(following))):
            return False
        opened = max((at + 1 for at, each in enumerate(body) if isinstance(each, _RowNumber)), default=0)
        cells = [each for each in body[opened:] if not isinstance(each, _RowNumber)]
        written = len(self.slots)
        while written and self.slots[written - 1] in _WORD_COLUMNS:
            written -= 1
        return not cells or len(cells) >= written

    def _frame_label(self, text: str) -> bool:
        """True for a cell that repeats the header's frame column (绩效指标): the vertical label of the form."""
        return FRAME in self.columns.kinds and match_key(text) == match_key(
            self.columns.headings[self.columns.kinds.index(FRAME)])

    def _continues_long_term(self, body: list[str], line: Line) -> bool:
        """A row with no level names under a row whose cells all went to the long-term set (its year's set left
        empty: values only in the 中期 set) continues that set: its cells are placed there."""
        previous = self.placed[-1] if self.placed else None
        filled = [text for text in body if text.strip()]
        keys = self.long_keys[1:]  # the long-term columns after its 二级指标
        if not keys or previous is None or "name" in previous.values or "long_term_target" not in previous.values \
                or not filled or len(filled) > len(keys):
            return False
        self._add(dict(zip(keys, filled)), line, LABEL_CONFIDENCE, [], len(filled))
        return True

    def _both_sets(self, body: list[str]) -> tuple[dict[str, str], list[str]]:
        """A row whose cells after its level names (none, or those filled down from its group's first row) hold
        both sets, under a row that filled both (长期/中期 and 年度 side by side, each set's 二级指标 merged over its
        rows: ``购买标准试剂 | ≥100个 | 购买标准试剂 | ≥100个``): its first cells are the long-term set's after its
        二级指标, the rest the year's. Returns the long-term cells by key (kept as the row's levels are) and the
        year's cells; no long-term cells and the row unchanged when it is not such a row."""
        keys = self.long_keys[1:]  # the long-term columns after its 二级指标
        previous = self.placed[-1] if self.placed else None
        filled = [text for text in body if text.strip()]
        if not keys or previous is None or not {"name", "long_term_target"} <= set(previous.values) \
                or not len(keys) < len(filled) <= len(keys) + len(self.slots):
            return {}, body
        long_cells, year_cells = filled[:len(keys)], filled[len(keys):]
        if is_value(year_cells[0]) or is_value(long_cells[0]):
            return {}, body  # (each set opens with its name)
        return dict(zip(keys, long_cells)), year_cells

    def _level_as_name(self, levels: dict[str, str], body: list[str]) -> list[str]:
        """A row whose cells after 成本指标 and a level-2 name open with its target (``成本指标 | 社会成本指标 | 定量 |
        100 | %``) names its indicator with the level-2 name (a 2021 level 2 used as the 三级指标), and 成本指标 is
        its level 2, as in the older framework. Moves them and returns the row's cells."""
        anchor = self._anchor()
        if "level2" not in levels or not names_a_legacy_level2(levels.get("level1", "")) or "name" not in self.slots \
                or not body or anchor is None or not self._is_anchor(body[0], anchor) \
                or self.slots.index("name") >= self.slots.index(anchor):
            return body
        name = levels.pop("level2")
        levels["level2"] = levels.pop("level1")
        return [name, *body]

    def _long_term(self, levels: dict[str, str], body: list[str]) -> bool:
        """A second 二级指标 in a row of a table with a long-term set before the year's (二级指标(长期), 三级指标(长期),
        指标值(长期), 二级指标(年度) …): the first one and the cells since belong to the long-term columns. Moves
        them there and says whether it did."""
        filled = [text for text in body if text.strip()]
        if not self.long_keys or len(filled) >= len(self.long_keys) or any(key in levels for key in self.long_keys):
            return False  # (the row's long-term set was moved already: this 二级指标 opens the next row)
        levels.update(zip(self.long_keys, [levels.pop("level2"), *filled]))
        body.clear()
        return True

    def _missing_levels(self, levels: dict[str, str]) -> list[Phrase]:
        """A pipe row whose merged level cells were dropped: which levels it carries down from the row above."""
        kinds = [kind for kind in LEVELS if kind in self.columns.kinds]
        if "level1" in levels and "level2" in kinds and "level2" not in levels:
            # a row that names its 一级指标 starts a new group: its 二级指标 cannot come from a merge above
            return [Phrase("缺少{column}", {"column": self.columns.heading('level2')})]
        missing = [self.columns.heading(kind) for kind in kinds if kind not in levels]
        return [Phrase("缺少{columns}列，沿用上一行", {"columns": quoted_cells(missing, "、")})] \
            if missing and not levels else []

    def _heading(self, key: str) -> str:
        return key.removeprefix("extra:") if key.startswith("extra:") else self.columns.heading(key)

    def _anchor(self) -> str | None:
        if "operator" in self.slots:
            return "operator"
        return "target" if "target" in self.slots else None

    def _is_anchor(self, text: str, anchor: str) -> bool:
        return is_operator(text) if anchor == "operator" else looks_like_target(text)

    def _split(self, body: list[str], closed: bool, segmented: bool = False) -> list[list[str]]:
        """A run holding several anchors holds several rows whose level cells were merged; a stream of whole
        rows is cut by its count. ``segmented``: the stream's cells were cut from run-together text by their
        labels (a figure inside a name, 森林火灾6小时内扑灭率, stands apart there)."""
        if not body:
            return [[]]
        anchor = self._anchor()
        width = len(self.slots)
        filled = [text for text in body]
        marks = self._marks(filled, anchor)
        if closed and width and sum(1 for text in filled if text.strip()) <= width:
            return [filled]  # one table row no wider than the columns: a second target shape is its actual
        rows = cut_at_figures(filled, self.slots, self._segmented) if anchor == "operator" and not closed else None
        if rows is not None:
            return rows  # (rows without their operator cells, whose count of cells is no multiple of the width)
        # a count of cells that is a multiple of the width by chance, rows short of cells making it up: a figure
        # would open a row
        chance = self.slots[:1] == ["name"] and any(is_value(text) for text in filled[::width or 1])
        if anchor is None or not marks and width and len(filled) > width and len(filled) % width == 0 and not chance:
            # no anchor to cut at (targets written without operators): full rows, one after another
            return [filled[i : i + width] for i in range(0, len(filled), width)] if width else [filled]
        levelled = bool(set(LEVELS) & set(self.columns.kinds))
        # the cells a row holds before its anchor, from its name (or from the goal it measures, pre-2018 form)
        opening = next((key for key in self.slots if key == "name" or is_goal_heading(key.removeprefix("extra:"))),
                       None)
        before = self.slots.index(anchor) - (self.slots.index(opening) if opening and levelled else 0)
        if not closed and width > 1 and len(filled) > width and len(filled) % width == 0 and all(
                text.strip() for text in filled) and (
                "name" in self.slots and all(mark % width == before for mark in marks)
                and not any(is_operator(text) for text in filled)) and not chance:
            # exactly whole rows of filled cells, every target shape in its column's place: targets without an
            # operator (100%, 2280次) do not cut the rows, their count does
            return [filled[i : i + width] for i in range(0, len(filled), width)]
        if len(marks) <= 1:
            if not closed and anchor == "target" and not any(kind in POINTS for kind in self.slots) and (
                    not marks or not segmented):
                # (one target written with its operator among others written without: the rows are still cut at
                # their names, 永安真武庙戏台 | 1处 | 文物安全巡查 | 416处 | 文物宣传教育短信 | ≥3万条)
                return cut_at_names(filled)
            if anchor == "operator" and not closed:
                return cut_unoperated(filled, marks, before, self.slots)
            return [filled] if closed else cut_after_points(filled, self.slots)
        parts, start = [], 0
        for previous, mark in zip(marks, marks[1:]):
            cut = max(mark - before, previous + 1)
            while cut < mark and is_value(filled[cut]):
                # a row opens with its name, never a figure: the figure ends the row before, and this row has
                # fewer cells before its anchor (a qualitative row with no unit: 项目持续期 | 定性 | 基本建立)
                cut += 1
            parts.append(filled[start:cut])
            start = cut
        parts.append(filled[start:])
        if anchor == "operator" and not closed:
            # (a row whose target has no operator may stand after each operated row)
            return [row for part in parts for row in cut_unoperated(
                part, [at for at, text in enumerate(part) if is_operator(text)], before, self.slots)]
        return parts

    def _marks(self, texts: list[str], anchor: str | None) -> list[int]:
        """Where the anchors stand, leaving out a target shape right after the anchor in the column of the
        actual (``≥266米 | ≥266米``: the target and what was achieved, in one row)."""
        if anchor is None:
            return []
        after = self.slots[self.slots.index(anchor) + 1:]
        marks: list[int] = []
        achieved = anchor == "target" and bool(after) and after[0] in ACHIEVED
        for index, text in enumerate(texts):
            if not (self._is_anchor(text, anchor) or achieved and _said_again(texts, index)):
                continue
            if anchor == "target" and _quotes_next(texts, index):
                continue  # a name opening with the target it sets (≥360天服务读者 | ≥360天): the row's name
            if marks and 0 < index - marks[-1] <= len(after) and after[index - marks[-1] - 1] in ACHIEVED and all(
                    is_value(between) for between in texts[marks[-1] + 1:index]):
                continue
            marks.append(index)
        return marks

    def _split_fused_runs(self, texts: list[str]) -> tuple[list[str], list[Phrase]]:
        """A row short of cells whose figures fused into one run of digits (``% | 901010010`` under 计量单位 |
        指标性质 | 指标值 | 指标权重 | 全年完成值 | 指标得分), no figure standing apart after it: the run is split into
        the figure columns after the cells before it (:mod:`.figures`), the columns it skips left empty. A run that
        ends the name's cell (``补贴渔船数6620``) is cut off the name when its reading has an actual that repeats the
        target, and the row says so. A split other readings also fit is a guess and the row says so; a certain one
        needs no word."""
        slots = self.slots
        filled = [text for text in texts if text.strip()]
        if len(filled) >= len(slots) or len(filled) != len(texts):
            return texts, []
        for index, text in enumerate(texts):
            found = fused_run(text) if slots[index:index + 1] and slots[index] not in LEVELS else None
            named = bool(found) and slots[index] == "name"
            if found is None or named and not _WORD.search(found[0]):
                continue
            if any(is_bare_number(later) for later in texts[index + 1:]):
                return texts, []  # the figures after it stand apart: this one is a figure of its own
            # a cell whose own figure ends with its unit before the run (12公里2020: an actual of 12公里, then 20 | 20)
            # holds its figure already: the run is the figures of the columns after it
            whole = not named and _FIGURE_WITH_UNIT.search(found[0]) is not None
            start = next((at for at in range(index + whole, len(slots)) if slots[at] in FIGURE_KINDS), None)
            if start is None:
                return texts, []
            end = start
            while end < len(slots) and slots[end] in FIGURE_KINDS:
                end += 1
            if end - start < 2 or len(texts) - index - 1 > len(slots) - end:
                return texts, []
            units = [texts[at] for at in range(index) if slots[at] == "unit"]
            split = split_figures(found[1], slots[start:end], self._weights(),
                                  percent=any(unit.strip() in ("%", "％") for unit in units))
            if split is None:
                return texts, []
            figures = dict(zip(slots[start:end], split.parts))
            if named and not _repeats_target(figures):
                return texts, []
            notes = [Phrase("“{cell}”按形式拆分为{column}与数字“{run}”",
                            {"cell": text, "column": self._heading('name'), "run": found[1]})] if named else []
            if split.guessed:
                shown = placed_as(((self._heading(kind), part) for kind, part in zip(slots[start:end], split.parts)),
                                   quoted=False)
                notes.append(Phrase("数字“{run}”连写，有{readings}种拆法，按分值与得分取{figures}，请核对",
                                    {"run": found[1], "readings": str(split.readings), "figures": shown}))
            if named:  # the name's cell holds the run: the name stays in its column, every figure is a piece
                lead, parts = [found[0], *[""] * (start - index - 1)], [_Piece(part) for part in split.parts]
            else:
                parts = [("" if whole else found[0]) + split.parts[0], *(_Piece(part) for part in split.parts[1:])]
                lead = [found[0], *[""] * (start - index - 1)] if whole else [""] * (start - index)
            return [*texts[:index], *lead, *parts, *texts[index + 1:]], notes
        return texts, []

    def _split_weight_off_target(self, texts: list[str]) -> list[str]:
        """A row short of a cell under 分值 | 年度指标值 | 全年实际值, whose weight ran into its target
        (``1020万元 | 20万元``, ``20100% | 100%``): the target is what the actual beside it repeats, or what follows a
        weight the table prints elsewhere (``880% | ^80%``); the weight is cut off it."""
        slots = self.slots
        at = slots.index("weight") if "weight" in slots else -1
        missing = len(slots) - len([text for text in texts if text.strip()])
        if at < 1 or slots[at + 1:at + 2] != ["target"] or missing < 1:
            return texts
        weights = set(self._weights())
        # the weight's cell stands where its column does, or as many cells earlier as the row lacks
        for index in range(max(at - missing, 1), min(at + 1, len(texts) - 1)):
            text = texts[index].strip()
            for cut in _WEIGHT_CUTS:  # 8550万粒 | 550万粒: a weight of 8, not 85
                found = cut.match(text)
                if found is None:
                    continue
                weight, target = found.groups()
                if _repeats(target, texts[index + 1]) or (Decimal(weight) in weights and looks_like_target(target)):
                    return [*texts[:index], weight, _Piece(target), *texts[index + 1:]]
        return self._split_weight_off_name(texts, at, weights)

    def _split_weight_off_name(self, texts: list[str], at: int, weights: set[Decimal]) -> list[str]:
        """The name's cell ending in the weight and the mark OCR made of the target's operator (``…亩均收入8工`` |
        ``5%`` | ``工5%``), the actual after the target the mark and the target again: the name, the weight (one the
        table prints elsewhere) and the target with its mark as written (``工5%``)."""
        index = at - 1
        if index < 0 or index + 2 >= len(texts):
            return texts
        found = _WEIGHT_AND_MARK.match(texts[index].strip())
        target, actual = texts[index + 1].strip(), texts[index + 2].strip()
        if found is None or Decimal(found.group("weight")) not in weights or actual != found.group("mark") + target:
            return texts
        return [*texts[:index], found.group("name"), found.group("weight"), _Piece(found.group("mark") + target),
                *texts[index + 2:]]

    def _slot_order(self, kind: str) -> int:
        """Where a column kind stands among the slots: the levels first, one no slot holds after them all."""
        if kind in LEVELS:
            return LEVELS.index(kind) - len(LEVELS)
        return self.slots.index(kind) if kind in self.slots else len(self.slots)

    def _weights(self) -> list[Decimal]:
        """The weights the rows placed so far print (what a fused run's split prefers)."""
        weights = (parse_amount(placed.values.get("weight", "")) for placed in self.placed)
        return [weight for weight in weights if weight is not None]

    def _operator_left_out(self, texts: list[str]) -> bool:
        """A row of a pipe layout short of cells whose target is written without an operator, and whose operator
        cell was left out with its merged cells (``保障期限 | 2020年1月--2020年11月`` under 三级指标 | 指标性质 | 指标值
        | 度量单位): it opens with its name, no cell of it is an operator, and a target stands where the operator would
        (a figure alone there, 8,827,620.53 beside a department's name, is an amount or a weight, no target, unless
        the row's other figures follow it: ``配套设备购置及安装 | 550 | 20 | 9.3 | 9.3``, its target, what was achieved
        and its points)."""
        filled = [text for text in texts if text.strip()]
        at = self.slots.index("operator") if "operator" in self.slots else len(filled)
        return len(filled) < len(self.slots) and 0 < at < len(filled) and not any(map(is_operator, filled)) and not (
            is_value(filled[0]) or is_qualitative(filled[0]) or _FIGURE_ALONE.fullmatch(filled[at].strip())
            and not figures_run(filled[at:]) and not self._unit_follows(filled, at) and not self._operators_left_out)

    def _unit_follows(self, filled: list[str], at: int) -> bool:
        """Whether the figure at ``at`` is followed by its unit where the header's unit column follows its target
        column (``检查差旅费 470 人/天 2`` under 三级指标 指标性质 指标值 度量单位 权重, the empty 指标性质 lost with the
        spaces around it): the figure is the target then, not an amount or a weight."""
        slots = self.slots
        return ("target" in slots and "unit" in slots and slots.index("unit") == slots.index("target") + 1
                and at + 1 < len(filled) and label(filled[at + 1]).role is Role.UNIT)

    def _explanation_off_name(self, texts: list[str], slots: list[str]) -> tuple[list[str], list[Phrase]]:
        """A row short of a cell under a header with a 指标解释 column, whose name's cell holds its explanation run
        together after it (``项目资金使用合规性反映项目资金使用合规情况`` | ``≥95%`` under 三级指标 | 指标解释 |
        指标值): the explanation is cut off into its column, so that the cells after it keep theirs (the target never
        lands under 指标解释), and the row says how: the cut is a guess. The row as it is when a cell after the name
        is an explanation of its own or the name's cell does not split so (:func:`.labels.split_description`)."""
        if "name" not in slots or "description" not in slots or len(texts) >= len(slots):
            return texts, []
        at = slots.index("name")
        if at >= len(texts) or any(opens_explanation(text) for text in texts[at + 1:]):
            return texts, []
        parts = split_description(texts[at].strip(), described=True)
        if parts is None or not all(parts):
            return texts, []
        how = Phrase("“{cell}”按“{word}”拆分为{name_column}与{description_column}",
                     {"cell": texts[at].strip(), "word": parts[1][:2], "name_column": self._heading("name"),
                      "description_column": self._heading("description")})
        return [*texts[:at], *parts, *texts[at + 1:]], [how]

    def _shape(self, texts: list[str], closed: bool = True) -> tuple[dict[str, str], list[Phrase], float]:
        """Place one row's cells (levels removed) by shape around the anchor. ``closed``: the format says where the
        row ends (a stream's rows are cut by guess, so its cells are placed in order)."""
        slots = self.slots
        texts = self._split_weight_off_target(list(texts))
        unfused, fused = self._split_fused_runs(list(texts))
        if len(unfused) != len(texts):  # the figures' run split into their columns: every cell has its place
            return dict(zip(slots, unfused)), fused, GUESS_CONFIDENCE if fused else LABEL_CONFIDENCE
        texts = list(texts)
        if not closed:
            absent = absent_columns(texts, self.slots)
            slots = [kind for kind in slots if kind not in absent]
        else:
            if self._operator_left_out(texts):
                slots = [kind for kind in slots if kind != "operator"]
                self._operators_left_out = True
            if unit_left_out(texts, slots):
                slots = [kind for kind in slots if kind != "unit"]
        explicit = any(not text.strip() for text in texts)  # the stream marks its empty cells
        if not explicit:
            head, texts = texts[0] if texts else "", join_wrapped_name(texts, slots)
            if not closed and texts and texts[0] != head:  # a name wrapped onto a second line: its column's width
                self._name_widths.append(display_width(head.strip()))
            elif not closed and self._name_widths:
                texts = join_fixed_width(texts, slots, self._name_widths)
        while texts and not texts[-1].strip():
            texts.pop()
        if len(texts) == len(slots) or (explicit and len(texts) < len(slots)):
            return dict(zip(slots, texts)), [], LABEL_CONFIDENCE
        texts = [text for text in texts if text.strip()]
        if len(texts) == len(slots):
            return dict(zip(slots, texts)), [], LABEL_CONFIDENCE
        texts, explained = self._explanation_off_name(texts, slots)
        if explained and len(texts) == len(slots):
            return dict(zip(slots, texts)), explained, GUESS_CONFIDENCE
        if not closed and self._segmented and len(texts) == len(slots) + 1 and figure_cut_from_name(texts, slots):
            # run-together text cut the figure its name ends with off the name (每年财政补助1000万元 | 1000万元 | …)
            joined = [texts[0] + texts[1], *texts[2:]]
            how = Phrase("“{first}”与“{second}”按形式合为{column}",
                         {"first": texts[0], "second": texts[1], "column": self._heading('name')})
            return dict(zip(slots, joined)), [how], GUESS_CONFIDENCE
        anchor = self._anchor()
        if anchor not in slots:
            anchor = "target" if "target" in slots else None  # (the row's operator cell is absent)
        mark = next((i for i, text in enumerate(texts) if self._is_anchor(text, anchor)), None) if anchor else None
        notes: list[Phrase] = list(explained)
        values: dict[str, str] = {}
        if mark is None:
            groups = [(texts, list(slots))]
        else:
            split = slots.index(anchor)  # type: ignore[arg-type]
            groups = [(texts[:mark], slots[:split]), ([texts[mark]], [anchor]), (texts[mark + 1 :], slots[split + 1 :])]
        for group, kinds in groups:
            if len(group) > len(kinds):
                if not kinds:
                    notes.append(Phrase("多余的单元格“{cells}”无法归入任何一列", {"cells": quoted_cells(group, "”“")}))
                    values.setdefault("_unplaced", "\n".join(group))
                    continue
                last = kinds[-1]
                if last != slots[-1]:  # further lines of the row's last cell are unambiguous
                    notes.append(Phrase("{count}个单元格并入“{column}”",
                                        {"count": str(len(group) - len(kinds) + 1), "column": self._heading(last)}))
                group = group[: len(kinds) - 1] + ["\n".join(group[len(kinds) - 1 :])]
            pairs = fit_short(group, kinds)
            if len(group) < len(kinds) and group:
                if any(kind in POINTS and not is_bare_number(text) for kind, text in pairs):
                    # absent merged cells, or a stream's row that prints no points: each cell goes to the first
                    # column left that can hold it (a 分值 or 得分 column holds a bare figure, so ``1.5亩`` is not a
                    # weight)
                    pairs = list(zip(fit_in_order(group, kinds) or kinds, group))
                if not self.cells_absent:
                    placed = {kind for kind, _ in pairs}
                    notes.append(Phrase("缺少{columns}", {"columns": quoted_cells(
                        [self._heading(kind) for kind in kinds if kind not in placed], "、")}))
            values.update((kind, text) for kind, text in pairs if text.strip())
        confidence = GUESS_CONFIDENCE if notes else LABEL_CONFIDENCE
        if mark is not None and notes:
            notes.insert(0, Phrase("“{cell}”按形式认作{column}",  # type: ignore[arg-type]
                                   {"cell": texts[mark], "column": self.columns.heading(anchor)}))
        return values, notes, confidence


# The shapes of the figure columns that may stand between a row's name and its target when its cells ran together
_SHAPES = {"weight": r"\d{1,2}(?:\.\d+)?", "operator": r"[≥≤=<>≧≦＝]+", "direction": r"正向|反向"}
_SHAPE_TARGET = r"[-+]?\d[\d,]*(?:\.\d+)?%?|[^\d]+"  # a figure, or words (有效保障)


def _row_shape(slots: list[str]) -> re.Pattern[str] | None:
    """The pattern of a row run together under ``slots``: the name (ending in no digit), the figure columns (each
    optional but the weight, which every row of such a form prints), then the target; None when the columns are
    not that shape."""
    middle = slots[1:-1]
    if len(slots) < 3 or slots[0] != "name" or slots[-1] != "target" or not set(middle) <= {*_SHAPES, "unit"}:
        return None
    units = "|".join(re.escape(unit) for unit in unit_spellings() if not unit.isascii() or unit == "%")
    shapes = {**_SHAPES, "unit": units}
    parts = "".join(f"(?P<{kind}>{shapes[kind]})" + ("" if kind == "weight" else "?") for kind in middle)
    return re.compile(rf"(?P<name>.*?[^\d\s.]){parts}(?P<target>{_SHAPE_TARGET})")


_FIGURE_WITH_UNIT = re.compile(r"\d(?:\.\d+)?\s*(?:%|[\u4e00-\u9fff]{1,3})$")


def _repeats_target(figures: dict[str, str]) -> bool:
    """True when the reading of a run of digits cut off a name gives an actual that repeats the target (2020 under
    指标值 | 实际完成值 is 20 | 20): a name may end with a figure of its own, only such a pair shows the digits are the
    row's figures run onto it."""
    return "target" in figures and figures.get("actual") == figures["target"]


def _uncross(values: dict[str, str]) -> None:
    """Forms disagree on which of 指标性质 and 指标方向 holds the operator and which 正向/反向: when the operator
    column's cell is a direction word and the direction column's an operator, the cells say which is which."""
    operator, direction = values.get("operator", ""), values.get("direction", "")
    if parse_direction(operator) is not None and is_operator(direction) and parse_direction(direction) is None:
        values["operator"], values["direction"] = direction, operator


_SAID_AGAIN = 2  # characters of a word target that marks its row (a one-character grade, 高 | 高, may be a name's end)


def _quotes_next(texts: list[str], index: int) -> bool:
    """True when the cell at ``index`` is the next cell, a target, with words after it (``≥360天服务读者`` before
    ``≥360天``): a name that opens with the target it sets, the target its own cell after it."""
    text = texts[index].strip()
    following = texts[index + 1].strip() if index + 1 < len(texts) else ""
    return bool(following) and len(text) > len(following) and text.startswith(following) \
        and looks_like_target(following) and _CJK_START.match(text, len(following)) is not None


def _said_again(texts: list[str], index: int) -> bool:
    """True for a target written in words (no figure) and the same words again right after it, in the column of
    what was achieved (``显著提升 | 显著提升``): a row's target as surely as a target shape is, even without one."""
    text = texts[index].strip()
    return (len(text) >= _SAID_AGAIN and index + 1 < len(texts) and texts[index + 1].strip() == text
            and label(text).role is Role.TEXT and not any(char.isdigit() for char in text)
            and (index == 0 or texts[index - 1].strip() != text))


def _full_level1(text: str) -> bool:
    """True for a level-1 name written in full (产出指标, 产出指标(40-50)分) that names no level 2: after an empty
    level 2 it opens the next group; a short one (满意度) there is the 三级指标."""
    key = match_key(text)
    return key.startswith(label(text).kind or "\0") and not canonical_level2(key)


def _another_level2(levels: dict[str, str], text: str) -> bool:
    """True when ``text`` names a level 2 of its own (``社会效益指标`` right after an empty ``经济效益指标`` row),
    not the 三级指标 that repeats the level 2 above it (服务对象满意度 under 服务对象满意度指标)."""
    return "level2" in levels and match_key(text).endswith("指标") and \
        canonical_level2(levels["level2"]) != canonical_level2(text)


def _holds_cells(body: list[str]) -> bool:
    """Whether a run's body holds a cell of its own (a row number opens a row but is none of its cells)."""
    return any(text.strip() and not isinstance(text, _RowNumber) for text in body)


def _shifted_under(kind: str, text: str) -> bool:
    """Whether a spaced row's cell standing under the heading ``kind`` is another column's: a figure, target or date
    under a level or the name heading (``时效指标 | 完工时间 | 2021年12月31日前`` under 一级 | 二级 | 三级, its merged 一级
    cell gone), a level-2 name under the level-1 heading."""
    role = label(text).role
    return kind in (*LEVELS, FRAME, "name") and (role in (Role.TARGET, Role.NUMBER, Role.DATE) or is_value(text)) \
        or kind == "level1" and role is Role.LEVEL2


def _blank_kept(line: Line, kinds: list[str]) -> bool:
    """Whether a pipe (or TAB-separated) row printed as many cells as the header has, one of those before its last filled
    cell blank (its blank cells at its end were dropped with the tokens: the row is narrower than the header only
    for them), and a figure of a row's own in it: points (45) or a 完成目标可能性 (有可能). A row holding only the tails
    of its wrapped cells above (| | 会产生的不利影响。 | |) is as wide, but holds no such figure: it continues the row
    above, and its labels say so."""
    texts = line.texts
    return line.extra.get("width") == len(kinds) and len(line.tokens) < len(kinds) and any(
        not text.strip() for text in texts) and any(
        is_bare_number(text) or parse_likelihood(text) is not None for text in texts)


def _fits_position(texts: list[str], kinds: list[str]) -> bool:
    """Whether a row as wide as the header holds in each column what that column holds: no figure, target or date
    under the frame, a level or the name column, nothing but the form's label under the frame column, no sentence
    under a level column. A text row whose merged cells were dropped and whose end was padded (``补贴期限 |
    2020.1.1-2020.12.31 | | | | 无``, a 备注 last; ``3 | 指标2:… | ≥200 | 202 | 10 | 10``, a 序号 first) is as wide as
    the header only by chance: it is placed by its labels."""
    for text, kind in zip(texts, kinds):
        role = label(text).role if text.strip() else Role.EMPTY
        if kind in (*LEVELS, "name", FRAME) and (role in (Role.TARGET, Role.NUMBER, Role.DATE) or is_value(text)):
            return False
        if kind == FRAME and text.strip() and not is_frame_label(text) or kind in LEVELS and SENTENCE.search(text):
            return False
    return True


def _opens_with_frame(line: Line, columns: Columns) -> bool:
    """Whether a row opens with the form's vertical label that its header does not print (年度绩效指标完成情况 |
    产出指标 | …): its cells are one more than the columns from there on, as many as all of them only by chance."""
    texts = [token.text.strip() for token in line.filled]
    return FRAME not in columns.kinds and len(texts) > 1 and is_frame_label(texts[0]) and \
        label(texts[1]).role in _LEVEL_ROLES


def _names_a_level(line: Line) -> bool:
    """True when ``line`` opens with a level-1 or level-2 name at the margin (an indented row's first cell is its
    indicator's name, however much it reads like a level's: 服务对象满意度 under 服务对象满意度指标)."""
    first = line.tokens[0] if line.tokens else None
    return first is not None and not first.offset and label(first.text).role in _LEVEL_ROLES


def _next_filled(texts: list[str]) -> list[str]:
    """For each cell, the next cell after it that holds text ("" for none), in one pass: a stream can hold a
    whole table's cells, so looking ahead from each one would be quadratic."""
    following, later = [], ""
    for text in reversed(texts):
        following.append(later)
        if text.strip():
            later = text
    return following[::-1]


def placed_as(cells: Iterable[tuple[str, str]], quoted: bool = True) -> Phrase:
    """How a row's cells were placed, as its note says it: each column's heading and the cell put under it
    (指标名称“…”｜指标值“…”; a figure unquoted: 分值20｜得分18), every heading and cell a parameter."""
    item = "{column}“{cell}”" if quoted else "{column}{cell}"
    return Phrase.listing(item, [{"column": column, "cell": cell} for column, cell in cells], "｜")
