"""Columns inferred from the content of rows that no header names: a web copy that starts inside a table (the
page before held its header), or a table whose header was lost.

Rows of an indicator table say what their cells are: a level name (产出指标, 社会效益指标), the indicator's name,
an operator (``=``, ``≤``, 定性), its value, a unit, and the points after them. The widest such row, one that
starts with a level name, gives the columns; the other rows are aligned to them as rows whose merged cells are
absent. The inference is a guess and every row read under it says so.

A budget system's long export (one row per indicator, many projects) puts the project's cells before the levels:
单位名称 | 项目名称 | 预算数 | 年度目标 | 一级指标 …, printed on each project's first row or repeated on every row. Their
roles are told by what they hold: a unit's name (…人民政府, …局), a money figure, a long sentence (the goals), a
project code, and the one short name left is the project's, whose new value starts the next project's sheet.
Cells whose role cannot be told apart stay columns of their own, and every row says which.
"""

from __future__ import annotations

import re

from jixiao.documents.interpret.header_cells import parse_amount, parse_unit_line
from jixiao.documents.pipeline.labels import Role, is_value, label, names_a_legacy_level2
from jixiao.documents.pipeline.regions import EXTRA, Columns, Header
from jixiao.documents.pipeline.tokens import Line, LineKind, Token
from jixiao.documents.vocabulary import canonical_label, names_a_unit
from jixiao.model.target_text import parse_target
from jixiao.model.wording import Phrase, quoted_cells

__all__ = ["content_header"]

_LEVEL_KINDS = {Role.LEVEL1: "level1", Role.LEVEL2: "level2"}
_VALUES = (Role.NUMBER, Role.TARGET, Role.TEXT)
_ALL_POINTS = 100  # a table's points: no row's weight is more
_MIN_ROWS = 2  # rows that look like indicators before their columns are inferred
_MOST_ROWS = 40  # rows looked at
_PROJECT_CELLS = 6  # cells a row can carry before its levels: the project's unit, code, name, money and goals
_GOAL_SENTENCE = re.compile(r"[，,。；;、：:]")  # a goals cell is a sentence: its clauses have punctuation
_LONG_GOAL = 20  # characters a goals cell without punctuation has at least
_PROJECT_CODE = re.compile(r"[0-9A-Za-z\-]*[A-Za-z][0-9A-Za-z\-]*|\d{13,}")  # 51112421R000000012345 (no money)
_STREAM_ROW = 4  # the cells of a stream's first row: two level names, a name, a target
_STREAM_WINDOW = 24  # one-cell lines looked at for a stream's first two rows
_FIGURED = (Role.NUMBER, Role.TARGET, Role.UNIT)  # the cells after a figured row's name and operator
# three figures ending a row after its target are a self-evaluation's actual value, points and score (the Sichuan
# 自评表: 指标值 | 度量单位 | 实际完成值 | 分值 | 得分); one figure is the weight
_SELF_EVALUATED = ["actual", "weight", "score"]
# a figure right after the name and one ending the row that can be its points, two values between them: the weight,
# the target, the actual value and the score (Anhui's 自评表: 分值 | 年度指标值 | 全年实际值 | 得分)
_WEIGHT_FIRST = ["weight", "target", "actual", "score"]


def content_header(lines: list[Line], index: int) -> Header | None:
    """A header of no lines for the indicator rows starting at ``lines[index]``, their columns inferred from their
    cells; None when these are not rows of an indicator table (fewer than two, none with a level name, or no name
    and value to be found)."""
    if lines[index].kind is LineKind.CELL:
        return _stream_header(lines, index)
    rows = []
    for line in lines[index:index + _MOST_ROWS]:
        if line.kind is LineKind.BREAK:
            continue  # the padding row a web copy puts between rows (``| |||``)
        if line.kind is not LineKind.ROW or not (_indicator_like(line) or rows and _continuing(line)):
            break
        if _indicator_like(line):
            rows.append(line)
    leads = [_lead(line) for line in rows]
    if len(rows) < _MIN_ROWS and not (rows and leads[0] is not None and _fully_levelled(rows[0].filled[leads[0]:])):
        return None
    levelled = [(line, lead) for line, lead in zip(rows, leads) if lead is not None]
    if not levelled:
        return None
    widest, lead = max(levelled, key=lambda pair: len(pair[0].filled) - pair[1])
    cells = widest.filled[lead:]
    kinds = _kinds([label(token.text).role for token in cells], [token.text for token in cells])
    if kinds is None:
        return None
    if "level1" in kinds and "level2" not in kinds and _level2_only([line.filled[lead:] for line, lead in levelled]):
        kinds[kinds.index("level1")] = "level2"
    width = max(lead for _, lead in levelled)  # the project's cells before the levels (a long export's)
    fields = _project_fields([line.filled[:lead] for line, lead in levelled], width)
    if width:
        cells = next(line for line, lead in levelled if lead == width).filled[:width] + cells
        kinds = [EXTRA] * width + kinds
    headings = [canonical_label("header", field) if field else f"第{number}列"
                for number, field in enumerate(fields, 1)]
    headings += [canonical_label("columns", kind) if kind != EXTRA else f"第{number}列"
                 for number, kind in enumerate(kinds[width:], width + 1)]
    unsure = [heading for heading, field in zip(headings, fields) if field is None]
    doubt = Phrase("；{columns}不能按内容分辨是单位名称、项目名称、预算数还是年度目标，未作为项目的栏目读取",
                   {"columns": quoted_cells(unsure, "、")}) if unsure else ""
    columns = Columns(kinds, headings, [token.column if widest.gridded else None for token in cells],
                      [token.offset for token in cells],
                      inferred=_inferred(headings, doubt))
    return Header(columns, index, index, [])


def _inferred(headings: list[str], doubt: Phrase | str = "") -> Phrase:
    """What a row placed under columns inferred from the content says of them (P111): the headings inferred, and
    ``doubt`` on those that could not be told apart."""
    return Phrase("表头不在文件中，各列按内容推断为{columns}{doubt}", {"columns": quoted_cells(headings), "doubt": doubt})


def _lead(line: Line) -> int | None:
    """How many cells a row carries before its level names: 0 for a row opening with one, the project's cells of
    a long export's row (``820001-某镇人民政府 | 村组干部报酬 | 3,309,840.00 | 按时发放… | 效益指标 | …``); None for a
    row with no level name among its first cells, or only figures before it (a serial number, not a project)."""
    roles = [label(token.text).role for token in line.filled[:_PROJECT_CELLS + 1]]
    lead = next((number for number, role in enumerate(roles) if role in _LEVEL_KINDS), None)
    if lead and all(is_value(token.text) and not _money(token.text) for token in line.filled[:lead]):
        return None
    return lead


def _money(text: str) -> bool:
    """A money figure written as one (3,309,840.00, 660000.00): separators or cents, not a serial number."""
    return parse_amount(text) is not None and bool(re.search(r"[,，.]", text))


def _project_fields(leads: list[list[Token]], width: int) -> list[str | None]:
    """The header field of each of ``width`` project columns, from the cells rows carry before their levels (a row
    with fewer lacks the leftmost ones: a unit's cell merged down over its projects); None for a column whose role
    the cells do not tell, or share with another."""
    columns: list[list[str]] = [[] for _ in range(width)]
    for cells in leads:
        for column, token in zip(range(width - len(cells), width), cells):
            columns[column].append(token.text.strip())
    fields = [_project_field(texts) for texts in columns]
    return [field if fields.count(field) == 1 else None for field in fields]


def _sentence(text: str) -> bool:
    """Text that reads as a sentence, no name: long, or with clauses."""
    return len(text) >= _LONG_GOAL or bool(_GOAL_SENTENCE.search(text))


def _project_field(texts: list[str]) -> str | None:
    """The header field one project column's cells are: all a unit's name, all money, all codes, all short names
    (the project's), or texts some of which are sentences (the goals: 按时发放村组干部报酬 beside a long one); None
    when they are not all one."""
    tests = {"unit": lambda text: (names_a_unit(text) or bool(parse_unit_line(text))) and not _sentence(text),
             "total": _money,
             "code": lambda text: bool(_PROJECT_CODE.fullmatch(text)),
             "name": lambda text: not is_value(text) and not _sentence(text)}
    found = [field for field, test in tests.items() if texts and all(test(text) for text in texts)]
    if not found and all(not is_value(text) for text in texts) and any(_sentence(text) for text in texts):
        return "goals"
    # (a unit's name is a short name too: the unit's ending tells it from the project's)
    if found[:1] == ["unit"]:
        return "unit"
    return found[0] if len(found) == 1 else None


def _stream_header(lines: list[Line], index: int) -> Header | None:
    """The columns of a stream of one cell per line that goes from the header block straight to its first row,
    the table's headings left out (``…总体目标… | 产出指标 | 数量指标 | 邀请…国家数量 | ≥3个``): a level-1 name, a
    level-2 name, the indicator's name and its target imply the four columns of a goal table, and a value then
    two figures that can be points after them the three a self-evaluation adds."""
    cells = [line for line in lines[index:index + _STREAM_WINDOW] if line.kind is LineKind.CELL and line.tokens]
    texts = [line.tokens[0].text for line in cells]
    roles = [label(text).role for text in texts]
    if roles[:_STREAM_ROW] == [Role.LEVEL1, Role.LEVEL2, Role.TEXT, Role.TARGET]:
        kinds = ["level1", "level2", "name", "target"]
        after = texts[_STREAM_ROW:_STREAM_ROW + len(_SELF_EVALUATED)]
        if len(after) == len(_SELF_EVALUATED) and is_value(after[0]) \
                and [label(text).role for text in after[1:]] == [Role.NUMBER] * 2 and _points(after[1], after[2]):
            # a self-evaluation's row goes on with what was achieved and its points (≥48人 | 48人 | 20 | 20)
            kinds += _SELF_EVALUATED
    else:
        kinds = _figured_rows(texts, roles)
        if kinds is None:
            return None
    headings = [canonical_label("columns", kind) for kind in kinds]
    columns = Columns(kinds, headings, [None] * len(kinds), [None] * len(kinds),
                      inferred=_inferred(headings))
    return Header(columns, index, index, [])


def _figured_row(roles: list[Role], start: int) -> tuple[int, int] | None:
    """Where the name and the end of a stream's row that opens at ``start`` are, for a row whose target is a figure:
    up to two level names, the name, then only operators, figures, targets and units (``城乡居民参保网络宣传成本预算 |
    ≤ | 101400 | 元 | 5``), one operator at most, right after the name; None for a row of another shape."""
    named = start
    while named < start + 2 and named < len(roles) and roles[named] in _LEVEL_KINDS:
        named += 1
    if named >= len(roles) or roles[named] is not Role.TEXT:
        return None
    end = named + 1
    while end < len(roles) and (roles[end] in _FIGURED or roles[end] is Role.OPERATOR and end == named + 1):
        end += 1
    figured = {Role.NUMBER, Role.TARGET} & set(roles[named + 1:end])
    return (named, end) if figured else None


def _figured_rows(texts: list[str], roles: list[Role]) -> list[str] | None:
    """The columns of a stream that starts inside its table (the page before held the header and the row's merged
    level cells: ``城乡居民医保参保工作经费发放及时率 | = | 100 | % | 5 | 成本指标 | …``), told by its first row when
    that row and the next are of names and figures (:func:`_figured_row`), one of them names a level and the first
    states its target with an operator (amounts under their labels, 其中:中央补助 | 2.38 | 万元, or a sentence and its
    money before a table, name none): the first row's cells say its columns, with both level columns before the
    name, as rows below name their levels (corpus 158 copied one cell per line); None otherwise."""
    first = _figured_row(roles, 0)
    if first is None:
        return None
    named, end = first
    second = _figured_row(roles, end)
    if second is None or is_value(texts[named]) or not any(role in _LEVEL_KINDS for role in roles[:second[1]]) \
            or not any(role is Role.OPERATOR or parse_target(text).operator is not None
                       for role, text in zip(roles[named + 1:end], texts[named + 1:end])):
        return None
    kinds = _kinds(roles[named:end], texts[named:end])
    if kinds is None or {"level1", "level2", EXTRA} & set(kinds):  # (a cell no column is told for: no guess)
        return None
    return ["level1", "level2", *kinds]


def _points(weight: str, score: str) -> bool:
    """Whether two figures can be a row's weight and the score it was given (no more than the weight, which is no
    more than the whole table's 100)."""
    weight_figure, score_figure = parse_amount(weight), parse_amount(score)
    return weight_figure is not None and score_figure is not None and 0 <= score_figure <= weight_figure <= _ALL_POINTS


def _indicator_like(line: Line) -> bool:
    """A row holding an operator or a target shape beside a text cell (or, opening with a level name, a figure;
    with a name, a figure with its unit: ``产出指标 | 数量指标 | 补助种植面积 | 20 | 29.5亩 | …``,
    ``其中桃树种植面积 | 1.5亩 | 1.5亩``), and no column heading or header label."""
    texts = [token.text for token in line.filled]
    roles = [label(text).role for text in texts]
    # (after a level name a bare figure is a value too: 质量指标 | 医疗救助合规率 | 100, its % wrapped below; after
    # a name alone it may be a weight or a count of anything)
    if len(roles) < 3:
        return False
    levelled = roles[0] in _LEVEL_KINDS
    named = levelled or roles[0] is Role.TEXT and not is_value(texts[0])
    return (Role.HEADING not in roles and Role.FIELD not in roles and Role.TEXT in roles
            and (Role.OPERATOR in roles or Role.TARGET in roles
                 or named and any(is_value(text) and (levelled or not text.strip().isdigit()) for text in texts[1:])))


def _level2_only(levelled: list[list[Token]]) -> bool:
    """Whether the one level column of rows that each open with one level name is the 二级指标 column (a form
    without 一级指标): some row opens with a level-2 name, and every level-1 name opening a row is one the older
    framework also uses as a level 2 (成本指标), none followed by a second level name."""
    roles = [[label(token.text).role for token in cells[:2]] for cells in levelled]
    return any(first is Role.LEVEL2 for first, *_ in roles) and all(
        first is Role.LEVEL2 or names_a_legacy_level2(cells[0].text) and Role.LEVEL2 not in rest
        for (first, *rest), cells in zip(roles, levelled))


def _fully_levelled(cells: list[Token]) -> bool:
    """A row that says all its columns on its own: a level-1 name, a level-2 name, the indicator's name and an
    operator or a target after it (``产出指标 | 经济成本指标 | 成本控制数 | ≤ | 30 | 万元 | …``): one such row is a
    table, the only row of a grid whose heading row was left out."""
    roles = [label(token.text).role for token in cells]
    return roles[:3] == [Role.LEVEL1, Role.LEVEL2, Role.TEXT] and bool({Role.OPERATOR, Role.TARGET} & set(roles[3:]))


def _continuing(line: Line) -> bool:
    """A row that continues the indicator above it (its cells wrapped onto a row of their own: ``| 好坏 | 5 | 5 |``):
    text and figures, no level name, heading, label or trailer."""
    roles = {label(token.text).role for token in line.filled}
    return bool(roles) and roles <= {Role.TEXT, Role.NUMBER, Role.UNIT, Role.OPERATOR, Role.TARGET}


def _kinds(roles: list[Role], texts: list[str]) -> list[str] | None:
    """The column kinds a row's cell roles say: levels, the name, operator, value, unit, then points (the first
    bare number after the value is the weight, three are the actual value, the weight and the score; a value
    after the target, then two figures the second of which is no more than the first, are the actual value, the
    weight and the score: ``≥48人 | 48人 | 20 | 20``)."""
    kinds: list[str] = []
    for role, text in zip(roles, texts):
        taken = set(kinds)
        if role in _LEVEL_KINDS and "name" not in taken and _LEVEL_KINDS[role] not in taken:
            kind = _LEVEL_KINDS[role]
        elif "name" not in taken:
            kind = "name"
        elif role is Role.OPERATOR and "operator" not in taken and "target" not in taken:
            kind = "operator"
        elif role in _VALUES and "target" not in taken:
            kind = "target"
        elif role is Role.UNIT and "unit" not in taken and "target" in taken:
            kind = "unit"
        elif role is Role.NUMBER and "target" in taken and "weight" not in taken and _points(text, text):
            # (a figure that can be a row's points)
            kind = "weight"
        elif role is Role.NUMBER and "target" in taken and not {"actual", "weight"} & taken:
            kind = "actual"  # a figure no row's points can be (110406 after ≥50000人次): what was achieved
        else:
            kind = EXTRA
        kinds.append(kind)
    named = kinds.index("name") if "name" in kinds else len(kinds)
    if len(kinds) - named == len(_WEIGHT_FIRST) + 1 and roles[named + 1] is Role.NUMBER and roles[-1] is Role.NUMBER \
            and is_value(texts[-3]) and is_value(texts[-2]) and _points(texts[named + 1], texts[-1]):
        kinds[named + 1:] = _WEIGHT_FIRST  # Anhui's 自评表: 分值 | 年度指标值 | 全年实际值 | 得分 after the name
    elif kinds[-3:] == ["weight", EXTRA, EXTRA] and roles[-3:] == [Role.NUMBER] * 3 or (
            kinds[-4:] in (["target", EXTRA, "weight", EXTRA], ["unit", EXTRA, "weight", EXTRA])
            and roles[-1] is Role.NUMBER and (is_value(texts[-3]) or roles[-3] is Role.TEXT)
            and _points(texts[-2], texts[-1])):
        # (what was achieved may be a word: 完成 under a target of ≤ | 30 | 万元)
        kinds[-3:] = _SELF_EVALUATED
    return kinds if {"name", "target"} <= set(kinds) else None
