"""Step 1 of the reading pipeline: tokens, the cells of a document with where they stand.

Every format ends here. Office readers (Word, Excel, HTML, PDF) already know their grid and produce a
:class:`~jixiao.documents.blocks.Layout`; :func:`layout_lines` adapts it. Plain text gets one tokenizer,
:func:`text_lines`, that splits on every separator it meets:

- a line starting with a TAB is a cell of a Word table exported to text; TAB lines between blank lines form one
  row, and a line without the TAB continues the cell above when at most one blank line separates them;
- ``|`` separates the cells of a pipe row (``| a | b |``, ``a | b |``, markdown); ``<br>`` is a line break;
- a TAB inside a line separates cells as a bar does (a web table copied from the browser: two TABs enclose an
  empty cell);
- two or more spaces or a full-width space separate the cells of a spaced row; each cell keeps the display
  column it starts at, so a fixed-width table can be aligned with its header;
- in a document whose lines are mostly cells joined by single spaces (text taken out of an .xls or a PDF,
  ``产出指标 数量指标 流转土地 >=60亩``), one space separates cells too (a *gapped* row, with no display
  columns: single gaps do not line up); a gapped line longer than any table row holds a whole table that lost
  its line breaks and becomes a stream of one-cell lines;
- a line holding one cell is one token of a stream without row boundaries (an HTML table copied as text, one
  cell per line); ``cell |`` lines and bar-only lines are that layout too: a lone ``|`` is an empty cell when
  cells end their own line with a bar, and a separator when bars stand on lines of their own; ``||||`` closes
  a row whose merged cells were dropped.

Nothing is dropped: every non-blank piece of the text is a token of exactly one line.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeVar

from jixiao.documents.blocks import Cell, Layout, Paragraph, Row
from jixiao.documents.interpret.header_cells import parse_title
from jixiao.documents.limits import UNTIMED, Deadline
from jixiao.documents.pipeline.padded import PaddedRun, joined_row, padded_runs
from jixiao.documents.pipeline.settings import DEFAULT_SETTINGS, ReadSettings
from jixiao.documents.vocabulary import column_label, header_label, is_trailer
from jixiao.model.units import canonical_unit

__all__ = ["LineKind", "Token", "Line", "check_cells", "text_lines", "layout_lines", "display_width", "text_layout_name",
           "rejoined_characters"]


class LineKind(StrEnum):
    """What the format says about a line's tokens."""

    ROW = "row"  # the tokens are one table row
    CELL = "cell"  # one cell of a stream without row boundaries
    PARAGRAPH = "paragraph"  # text outside any table
    BREAK = "break"  # a marker that closes a row (``||||``), no text


@dataclass(slots=True)
class Token:
    """One cell: its text as written, its grid column when the format has a grid, its display column and
    indentation when it comes from a text line."""

    text: str
    line: int | None = None
    column: int | None = None
    offset: int | None = None
    indent: int = 0


@dataclass(slots=True)
class Line:
    """A line of tokens: one table row, one cell of a stream, or a paragraph.

    ``gridded`` says the tokens' columns are the table's own (Word, Excel, HTML, PDF, TAB text); a pipe row
    whose merged cells were dropped has positions but no grid.

    Once the tokenizer has built a line, its tokens change only through :meth:`set_token`: the filled tokens are
    asked for about a hundred times per sheet and kept after the first time.
    """

    tokens: list[Token]
    kind: LineKind = LineKind.ROW
    line: int | None = None
    table: int | None = None
    row: int | None = None
    gridded: bool = False
    blanks_before: int = 0
    extra: dict = field(default_factory=dict)
    _filled: list[Token] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def texts(self) -> list[str]:
        """The tokens' texts."""
        return [token.text for token in self.tokens]

    @property
    def filled(self) -> list[Token]:
        """The tokens that hold text (one list, shared: not to be changed)."""
        if self._filled is None:
            self._filled = [token for token in self.tokens if token.text.strip()]
        return self._filled

    def set_token(self, index: int, token: Token) -> None:
        """Put ``token`` in the place of the token at ``index``."""
        self.tokens[index] = token
        self._filled = None

    def as_row(self) -> Row:
        """The line as a layout row (what the sheet's header block is read from)."""
        return Row(cells=[Cell(t.text, t.column if t.column is not None else i, t.line) for i, t in enumerate(self.tokens)],
                   table=self.table, row=self.row, line=self.line)


Where = TypeVar("Where")  # the place a piece of text stands at (an offset, a line)

_SEPARATOR = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_ESCAPED_BAR = "\x00"
_MIN_TAB_LINES = 5
_OWN_BAR = re.compile(r"\s*\|\s*")
_WORD_GAP = re.compile(r"\S \S")
_CELL_GAP = re.compile(r"\S(?: {2,}|\t|\u3000)\s*\S")
_MIN_GAPPED_LINES = 1
# a cell with text, then its bar ending the line (the text taken whole: a long line split two ways took seconds)
_TRAILING_BAR = re.compile(r"\s*+[^|\s][^|]*+\|\s*")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def display_width(text: str) -> int:
    """Columns ``text`` takes on a terminal: a wide (Chinese) character counts two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def layout_lines(layout: Layout) -> list[Line]:
    """Adapt an office reader's layout: a row keeps its grid columns, a paragraph is a paragraph."""
    lines: list[Line] = []
    for block in layout.blocks:
        if isinstance(block, Paragraph):
            lines.append(Line([Token(block.text, block.line)], LineKind.PARAGRAPH, block.line))
        else:
            tokens = [Token(cell.text, cell.line or block.line, cell.column, indent=cell.indent)
                      for cell in block.cells]
            gridded = all(cell.column is not None for cell in block.cells)
            lines.append(Line(tokens, LineKind.ROW, block.line, block.table, block.row, gridded=gridded))
    return lines


def check_cells(lines: list[Line], deadline: Deadline) -> list[Line]:
    """``lines``, once no token of them is longer than a cell may be (the read's ``cell_chars``): the file is refused
    (LimitExceeded) at the first that is, naming its table, row (or text line) and column."""
    longest = deadline.limits.cell_chars
    for line in lines:
        for token in line.tokens:
            if len(token.text) > longest:
                deadline.check_cell(token.text, line if line.row is not None else token, token.column)
    return lines


def text_lines(text: str, settings: ReadSettings = DEFAULT_SETTINGS, deadline: Deadline = UNTIMED) -> list[Line]:
    """Tokenize plain text (already decoded) into lines of tokens, within the read's ``deadline``."""
    return _TextTokenizer(text, settings).run(deadline)


class _TextTokenizer:
    def __init__(self, text: str, settings: ReadSettings) -> None:
        self.raw = text.split("\n")
        self.settings = settings
        self.space = re.compile(r"\t+|\u3000+| {%d,}" % settings.space_run)
        # the lines that start with a TAB, each one cell of a Word table's text; a web table copied from the browser
        # starts a row with a TAB too where its first cell is empty, but its line holds the row's other TABs
        led = [line for line in self.raw if line.startswith("\t")]
        self.tabbed = len(led) >= _MIN_TAB_LINES and 2 * len([line for line in led if "\t" in line.strip()]) < len(led)
        barred = [line for line in self.raw if "|" in line] if not self.tabbed else []
        own_bar = sum(1 for line in barred if _OWN_BAR.fullmatch(line))
        trailing_bar = sum(1 for line in barred if _TRAILING_BAR.fullmatch(line))
        self.lone_bar_is_cell = trailing_bar >= own_bar
        self._lone_bar = False  # the last line with a bar was a lone bar
        self.gapped = not self.tabbed and _mostly_gapped(self.raw)
        if self.gapped:
            self.space = re.compile(r"\s+")
        self.lines: list[Line] = []

    def run(self, deadline: Deadline) -> list[Line]:
        blanks = 0
        tab_row: Line | None = None
        runs = {} if self.tabbed else {run.start: run for run in padded_runs(self.raw)}
        skip_to = 0
        for number, raw in enumerate(self.raw, start=1):
            if number <= skip_to:
                continue
            deadline.check(number)
            if not raw.strip() and not raw.startswith("\t"):
                blanks += 1
                continue
            if self.tabbed:
                tab_row = self._tabbed(raw, number, blanks, tab_row)
            elif number - 1 in runs:
                skip_to = self._padded_row(runs[number - 1], blanks)
            else:
                self._line(raw, number, blanks)
            blanks = 0
        return self.lines

    def _padded_row(self, run: PaddedRun, blanks: int) -> int:
        """Read the lines of ``run`` as the one row they print (each cell keeping its own line); a row cut by the
        file's end is open, as a row stopping before its closing bar is. Returns the run's last line number."""
        text, lines_of_cells = joined_row(self.raw, run)
        count = len(self.lines)
        self._line(text, run.start + 1, blanks)
        for line in self.lines[count:]:
            for token in line.tokens:
                if token.column is not None and token.column < len(lines_of_cells):
                    token.line = lines_of_cells[token.column]
            if run.cut and line.extra.get("piped"):
                line.extra["open_end"] = line.extra["short"] = True
        return run.end

    # -- the TAB layout of a Word table exported to text --------------------------------------------------
    def _tabbed(self, raw: str, number: int, blanks: int, row: Line | None) -> Line | None:
        if raw.startswith("\t"):
            if row is None or blanks:
                row = Line([], LineKind.ROW, number, gridded=True, blanks_before=blanks)
                self.lines.append(row)
            row.tokens.append(Token(raw[1:].strip(), number, len(row.tokens)))
            return row
        if row is not None and row.tokens and blanks <= self.settings.tab_paragraph_break and not parse_title(raw):
            cell = row.tokens[-1]
            cell.text = f"{cell.text}\n{raw.strip()}" if cell.text else raw.strip()
            return row
        self.lines.append(Line([Token(raw.strip(), number)], LineKind.PARAGRAPH, number, blanks_before=blanks))
        return None

    # -- every other text line ---------------------------------------------------------------------------
    def _line(self, raw: str, number: int, blanks: int) -> None:
        stripped = raw.strip()
        if not blanks and self.lines and (joined := _unit_wrapped(self.lines[-1], stripped)) is not None:
            self.lines[-1] = joined
            return
        lone_before, self._lone_bar = self._lone_bar, stripped == "|"
        if "|" in stripped:
            if _SEPARATOR.match(stripped):
                return
            cells = _pipe_cells(stripped)
            filled = [cell for cell in cells if cell]
            if not filled:
                if stripped.count("|") >= 2:
                    self.lines.append(Line([], LineKind.BREAK, number, blanks_before=blanks))
                elif self.lone_bar_is_cell or lone_before:
                    # a separator right after a separator encloses an empty cell
                    self.lines.append(Line([Token("", number)], LineKind.CELL, number, blanks_before=blanks))
                return
            if len(filled) >= 2:
                width = len(cells)  # (its cells as printed, the empty ones at its end too: see Aligner.feed)
                while cells and not cells[-1]:
                    cells.pop()
                tokens = [Token(cell, number, column) for column, cell in enumerate(cells)]
                # a row whose line stops before its closing bar, where rows have one, may be cut (the file's end)
                self.lines.append(Line(tokens, LineKind.ROW, number, blanks_before=blanks,
                                       extra={"piped": True, "open_end": not stripped.endswith("|"), "width": width}))
                return
            # (the pipe column the cell stands in: a long cell wrapped onto a row of its own stays in its column)
            self.lines.append(Line([Token(filled[0], number)], LineKind.CELL, number, blanks_before=blanks,
                                   extra={"closes_row": stripped.endswith("||"), "column": cells.index(filled[0])}))
            return
        indent = display_width(raw[: len(raw) - len(raw.lstrip())])
        if self.gapped and _is_chrome(stripped):
            # the page's furniture (第 1 页 共 3 页) is one piece of text, not cells joined by single spaces
            self.lines.append(Line([Token(stripped, number, None, indent, indent)], LineKind.CELL, number,
                                   blanks_before=blanks))
            return
        if "\t" in stripped and not self.gapped:
            # a web table copied from the browser: one TAB between cells, an empty cell between two TABs, as
            # bars separate the cells of a pipe row; a TAB opening the line follows an empty first cell (a
            # heading's second row under a merged first column: ``\t预算数\t执行数``)
            cells = [cell.strip() for cell in raw.strip(" \r\u3000").split("\t")]
            if sum(1 for cell in cells if cell) >= 2:
                width = len(cells)
                while not cells[-1]:
                    cells.pop()
                tokens = [Token(cell, number, column) for column, cell in enumerate(cells)]
                # (its trailing empty cells are gone, as a page's text drops them: no end shows where it was cut)
                self.lines.append(Line(tokens, LineKind.ROW, number, blanks_before=blanks,
                                       extra={"piped": True, "open_end": False, "tabbed": True, "width": width}))
                return
        parts = _operated_units_rejoined(_numbering_rejoined(
            self._spaced(raw) if self.gapped else _spaced_words_rejoined(self._spaced(raw))))
        if self.gapped and len(parts) <= self.settings.longest_row:
            parts = _brackets_rejoined(parts)  # (a row's cells; a whole table on one line mixes up its brackets)
        if self.gapped and len(parts) > self.settings.longest_row:
            for _offset, text in _units_rejoined(parts):
                self.lines.append(Line([Token(text, number)], LineKind.CELL, number, blanks_before=blanks))
                blanks = 0
        elif self.gapped and len(parts) >= 2:
            tokens = [Token(text, number, column) for column, (_, text) in enumerate(parts)]
            self.lines.append(Line(tokens, LineKind.ROW, number, blanks_before=blanks, extra={"gapped": True}))
        elif len(parts) >= 2:
            tokens = [Token(text, number, column, offset) for column, (offset, text) in enumerate(parts)]
            self.lines.append(Line(tokens, LineKind.ROW, number, blanks_before=blanks, extra={"spaced": True}))
        else:
            # (a cell after a lone bar is separated from the line above as one after a blank line is)
            self.lines.append(Line([Token(stripped, number, None, indent, indent)], LineKind.CELL, number,
                                   blanks_before=blanks, extra={"after_bar": True} if lone_before else {}))

    def _spaced(self, raw: str) -> list[tuple[int, str]]:
        """The cells of a spaced line with the display column each starts at."""
        cells, width, position = [], 0, 0
        line = raw.rstrip()
        for match in self.space.finditer(line):
            if match.start() > position:
                text = line[position : match.start()]
                cells.append((width, text.strip()))
                width += display_width(text)
            width += display_width(match.group(0))
            position = match.end()
        if position < len(line):
            cells.append((width, line[position:].strip()))
        return [(offset, text) for offset, text in cells if text]


_NUMBERED_WORDS = ("指标", "任务")  # (the words a template numbers its rows with: 指标1:, 任务1:)
_NUMBER_OPENING = re.compile(r"\d{1,2}\s*[:：.．、](?!\d)")
# a target's figure with its operator (``≥366``, ``<=17``)
_OPERATED = r"(?:[≥≤><=＞＜＝≧≦]{1,2}|不低于|不少于|不高于|不超过|不大于|不小于)\s*\d[\d,]*(?:\.\d+)?"
_OPERATED_FIGURE = re.compile(_OPERATED)
# that target and, maybe, the first characters of its unit (``<=17 万``), alone on its line
_WRAPPED_UNIT_HEAD = re.compile(_OPERATED + r"\s*(?P<unit>[^\d\s]{0,2})")


def _units_rejoined(parts: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The cells of a table that lost its line breaks, where a unit printed after its figure (``不少于12 种``) was cut
    from it by the space between them: a cell that is only a unit joins the figure before it."""
    return _joined_where(parts, lambda before, text: before[-1:].isdigit() and _names_unit(text))


def _numbering_rejoined(parts: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The cells of a spaced line, where the template's numbering of an indicator name printed with a space in it
    (``指标 1：区域自动气象站运``, a PDF's text) was cut after its ``指标``: the word and the name after it are one
    cell again (alone, ``指标`` reads as a level name's tail and the name as a cell of its own)."""
    return _joined_where(parts, lambda before, text: before in _NUMBERED_WORDS and bool(_NUMBER_OPENING.match(text)))


def _unit_wrapped(last: Line, text: str) -> Line | None:
    """``last`` with ``text`` put back onto it, when ``last`` is a one-cell line holding a target with its operator
    and ``text`` the rest of its unit, which the cell's width wrapped onto a line of its own (``<=17 万`` / ``元``,
    ``>=100`` / ``百分比``); None otherwise."""
    if last.kind is not LineKind.CELL or len(last.tokens) != 1 or not text or text.isascii():
        return None
    found = _WRAPPED_UNIT_HEAD.fullmatch(last.tokens[0].text.strip())
    if found is None or canonical_unit(found.group("unit") + text) is None:
        return None
    token = last.tokens[0]
    return Line([Token(f"{token.text}{text}", token.line, token.column, token.offset, token.indent)], last.kind,
                last.line, blanks_before=last.blanks_before, extra=last.extra)


def _operated_units_rejoined(parts: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The cells of a spaced line, where a target written with its operator was cut from its unit by the space a
    PDF's text puts between them (``≥366 期``, ``>3 万条/年``): a cell that is only a unit joins the target before it.
    (A bare figure keeps its unit apart: there the operator and the unit have columns of their own, ``≥ 2 份``.)"""
    return _joined_where(parts, lambda before, text: bool(_OPERATED_FIGURE.fullmatch(before)) and _names_unit(text))


def _joined_where(parts: list[tuple[int, str]], joins: Callable[[str, str], bool]) -> list[tuple[int, str]]:
    """``parts`` with each piece that ``joins`` the (joined) piece before it put onto that piece."""
    result: list[tuple[int, str]] = []
    for offset, text in parts:
        if result and joins(result[-1][1], text):
            result[-1] = (result[-1][0], result[-1][1] + text)
            continue
        result.append((offset, text))
    return result


def _names_unit(text: str) -> bool:
    """Whether ``text`` is a unit alone, in words (``期``, ``万条/年``; not ``%``, which a unit column holds too)."""
    return not text.isascii() and canonical_unit(text) is not None


def _spaced_words_rejoined(parts: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The cells of a spaced line, where a word printed letter-spaced across a wide cell (``合    计``,
    ``总  分``, ``备  注``) was cut at every character: a run of one-character cells that together are a label of
    the vocabulary (a trailer, a heading, a field) is one cell again."""
    return rejoined_characters(parts, lambda word: bool(is_trailer(word) or column_label(word) or header_label(word)))


def rejoined_characters(parts: list[tuple[Where, str]], known: Callable[[str], bool]) -> list[tuple[Where, str]]:
    """``parts`` (each a place and a text) with each run of two or more one-character pieces that together spell a
    ``known`` word as one piece, at the first one's place: a word printed a character a cell (letter-spaced across a
    wide cell, or down a narrow one: 绩 | 效 | 指 | 标)."""
    result: list[tuple[Where, str]] = []
    at = 0
    while at < len(parts):
        end = at
        while end < len(parts) and len(parts[end][1]) == 1 and _CJK.match(parts[end][1]):
            end += 1
        word = "".join(text for _, text in parts[at:end])
        if end - at >= 2 and known(word):
            result.append((parts[at][0], word))
            at = end
            continue
        result.append(parts[at])
        at += 1
    return result


def _brackets_rejoined(parts: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The cells of a gapped line, where a space inside brackets cut a cell (the template's residue written
    ``收益率( ≥**% )``): from an opening bracket left open, the pieces up to the one that closes it are one cell
    again. A bracket never closed on the line leaves the pieces as they are."""
    result: list[tuple[int, str]] = []
    at = 0
    while at < len(parts):
        offset, text = parts[at]
        end = at
        while _open_brackets(text) > 0 and end + 1 < len(parts):
            end += 1
            text = f"{text} {parts[end][1]}"
        if end > at and _open_brackets(text) == 0:
            result.append((offset, text))
            at = end + 1
        else:
            result.append(parts[at])
            at += 1
    return result


def _open_brackets(text: str) -> int:
    return text.count("(") + text.count("（") - text.count(")") - text.count("）")


def _is_chrome(text: str) -> bool:
    from jixiao.documents.pipeline.labels import is_chrome  # (labels builds on tokens)

    return is_chrome(text)


def _mostly_gapped(raw: list[str]) -> bool:
    """True when more lines read as table rows with their cells joined by single spaces (two pieces or more
    that the labels know: a level name, a column heading, a target) than lines with bars or with at least as
    many wider gaps as single ones. The web page's furniture (来源, 发布时间, 打印本页) says nothing of the
    table's layout: two such lines would outvote a table that lost its line breaks."""
    from jixiao.documents.pipeline.labels import Role, label, wrapped_run_together

    structural = (Role.LEVEL1, Role.LEVEL2, Role.HEADING, Role.TARGET)
    gapped = other = 0
    for line in raw:
        text = line.strip()
        if _is_chrome(text):
            continue
        if "|" in text or len(_CELL_GAP.findall(text)) >= len(_WORD_GAP.findall(text)) > 0 or wrapped_run_together(text):
            other += 1
        elif _WORD_GAP.search(text) and sum(label(piece).role in structural for piece in text.split()) >= 2:
            gapped += 1
    return gapped >= _MIN_GAPPED_LINES and gapped > other


def text_layout_name(lines: list[Line]) -> str:
    """The name of the text layout, after the separator most lines use (``text-tabbed``, ``text-piped``,
    ``text-spaced``, ``text-lines``)."""
    if any(line.gridded for line in lines):
        return "text-tabbed"
    from jixiao.documents.pipeline.labels import split_run_together

    counts = {"text-piped": 0, "text-spaced": 0, "text-lines": 0, "text-run-together": 0}
    for line in lines:
        if line.kind is LineKind.ROW:
            counts["text-piped" if line.extra.get("piped") else "text-spaced"] += 1
        elif line.extra.get("segmented"):
            counts["text-run-together"] += 1
        elif line.kind is LineKind.CELL and line.tokens and split_run_together(line.tokens[0].text):
            counts["text-run-together"] += 3  # one such line carries a whole row
        elif line.kind is LineKind.CELL and line.tokens and line.tokens[0].indent:
            counts["text-spaced"] += 1
        elif line.kind is LineKind.CELL:
            counts["text-piped" if line.extra.get("closes_row") is not None else "text-lines"] += 1
    return max(counts, key=lambda name: counts[name])


def _pipe_cells(line: str) -> list[str]:
    line = line.replace("\\|", _ESCAPED_BAR).removeprefix("|").removesuffix("|")
    return [_BREAK.sub("\n", cell.replace(_ESCAPED_BAR, "|")).strip() for cell in line.split("|")]
