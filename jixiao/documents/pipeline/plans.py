"""Project plan tables (项目计划表): a notice's table of projects, one a row, whose 绩效目标 cell says the project's
targets in words (``亩产值增长3%以上,带动20户脱贫户户均年增收1000元``) beside where it is carried out, what is built,
the money, the period and who answers for it; no indicator grid.

Such a table is told by its header row: the project's name and goals headings (项目名称, 绩效目标) and at least two of
the plan's own headings (实施地点, 建设任务, 资金来源及规模, 实施期限, 带贫减贫机制: the vocabulary's
``[plan_columns]``), and no heading of an indicator grid. A web page's copy may run the whole table together on one
line (``…项目计划表序号项目名称实施地点…绩效目标带贫减贫机制1茶叶优势主导产业项目相关镇办…``): the headings are found
one after another in the line, and the project's row after them is cut where its cells' shapes say (:func:`_cut_row`),
the cut reported as a guess (P111). :func:`plan_rows` writes each project as the official
layout presents it: its name, its amount and its goals as the header block's label rows, then its goals cell as a
line of prose (:mod:`.prose`) whose targets are the sheet's indicators. A goals cell that gives no target stays the
sheet's goals only: nothing is made of its words.
"""

from __future__ import annotations

import re
from functools import cache

from jixiao.documents.interpret.header_cells import label_money_unit
from jixiao.documents.pipeline.align import placed_as
from jixiao.documents.pipeline.prose import PROSE, split_prose
from jixiao.documents.pipeline.regions import NUMBER_HEADINGS
from jixiao.documents.pipeline.tokens import Line, LineKind, Token
from jixiao.documents.vocabulary import (
    canonical_label,
    column_label,
    header_label,
    is_trailer,
    labels,
    names_a_unit,
    plan_column,
)
from jixiao.model.lexicon import fold, simplified
from jixiao.model.numerals import BARE_FIGURE
from jixiao.model.target_text import parse_target
from jixiao.model.wording import Phrase

__all__ = ["CUT_BY_SHAPE", "PLANNED", "plan_rows"]

PLANNED = "planned"  # the key of a line's ``extra`` that marks a plan table's goals (whole: no cut table's last row)
# the key of a line's ``extra`` saying how a run-together plan row was cut into its cells (a Phrase, reported as P111)
CUT_BY_SHAPE = "cut_by_shape"

_FEWEST_PLAN_HEADINGS = 2  # plan headings beside 项目名称 and 绩效目标 that tell a plan table from a header block


def _plan_header(line: Line) -> dict[str, int] | None:
    """The positions of a plan table's headings in ``line`` by what they hold (``name``, ``goals``, and when the plan
    has them ``indicators`` (绩效指标) and ``money``), or None when it is no plan table's header."""
    if line.kind is not LineKind.ROW:
        return None
    texts = [token.text.strip() for token in line.tokens]
    fields = [header_label(text) if text else None for text in texts]
    if "name" not in fields or "goals" not in fields:
        return None
    plan = [plan_column(text) if text else None for text in texts]
    if sum(1 for kind in plan if kind) < _FEWEST_PLAN_HEADINGS:
        return None
    columns = [column_label(text) if text and field is None else None for text, field in zip(texts, fields)]
    if any(kind not in (None, "name") for kind in columns):
        return None  # an indicator grid's heading (指标值, 一级指标): the table's targets are its rows, not a plan's
    found = {"name": fields.index("name"), "goals": fields.index("goals")}
    if "name" in columns:
        found["indicators"] = columns.index("name")  # a plan's 绩效指标 cell: its targets, by level (产出指标：…)
    if "money" in plan:
        found["money"] = plan.index("money")
    return found


def _project_lines(header: Line, row: Line, at: dict[str, int]) -> list[Line]:
    """One project's row as its label rows (name, amount, goals, and what the plan says of it as its purpose:
    ``实施地点：…；建设任务：…``) and its goals as prose."""
    def cell(index: int) -> Token | None:
        return row.tokens[index] if index < len(row.tokens) and row.tokens[index].text.strip() else None

    money = cell(at["money"]) if "money" in at else None
    # (a money cell opening with its amount and going on to the funds' source gives the amount as the total:
    # 230万汉滨区财政局关于下达…的通知)
    amount = _AMOUNT.match(money.text.strip()) if money is not None else None
    if money is not None and amount is not None:
        money = Token(amount.group(0), money.line)
    labelled = [("name", cell(at["name"])), ("total", money), ("goals", cell(at["goals"]))]
    # (the money's cell is described too when it says more than the amount: 230万 汉滨区财政局关于下达…的通知)
    described = [f"{heading.text.strip()}：{token.text.strip()}" for index, heading in enumerate(header.tokens)
                 if index not in (at["name"], at["goals"]) and plan_column(heading.text) and (token := cell(index))]
    first = next((token for _, token in labelled if token is not None), None)
    if described and first is not None:
        labelled.append(("purpose", Token("；".join(described), first.line)))
    # (the money's heading may name its unit: 资金规模(万元))
    unit = label_money_unit(header.tokens[at["money"]].text) if "money" in at else None
    lines = [Line([Token(canonical_label("header", field) + (f"({unit})" if field == "total" and unit else ""),
                         token.line), token], LineKind.ROW, row.line)
             for field, token in labelled if token is not None]
    if lines and CUT_BY_SHAPE in row.extra:
        lines[0].extra[CUT_BY_SHAPE] = row.extra[CUT_BY_SHAPE]
    # the targets of the 绩效指标 cell when the plan has one (its 绩效目标 cell then says them again, in words), else
    # of the 绩效目标 cell
    for source in (cell(at["indicators"]) if "indicators" in at else None, cell(at["goals"])):
        items = split_prose(source.text, headed=True) if source is not None else None
        targets = tuple(item for item in items or () if any(kind in ("target", "level1", "level2") for kind, _ in item))
        if any(kind == "target" for item in targets for kind, _ in item):
            lines.append(Line([Token(source.text, source.line)], LineKind.CELL, row.line,  # type: ignore[union-attr]
                              extra={PROSE: targets, PLANNED: True}))
            break
    return lines


def plan_rows(lines: list[Line]) -> list[Line]:
    """The lines with every project plan table written as each project's header block and its goals as prose."""
    result: list[Line] = []
    header: Line | None = None
    at: dict[str, int] = {}
    for line in [part for given in lines for part in _spread(given)]:
        found = _plan_header(line)
        if found is not None:
            header, at = line, found
            continue
        if header is not None and line.kind is LineKind.ROW and line.table == header.table and line.filled:
            if is_trailer(line.filled[0].text):
                header = None  # the plan's total (合计 | … | 290): the table ends, the row is read as it stands
            elif at["name"] < len(line.tokens) and line.tokens[at["name"]].text.strip():
                result.extend(_project_lines(header, line, at))
                continue
        header = None if line.filled else header
        result.append(line)
    return result


def _spread(line: Line) -> list[Line]:
    """A one-cell line holding a plan table run together, as the text before it, the plan's header and its projects'
    rows cut into cells (the cut noted on each row); any other line as it is."""
    if line.kind is not LineKind.CELL or len(line.tokens) != 1:
        return [line]
    text = line.tokens[0].text
    folded = fold(simplified(text))  # (a Traditional copy's headings too: 項目名稱)
    if "目标" not in folded or "称" not in folded or len(folded) != len(text):
        # (every goals heading says 目标, every name heading 名称 or 全称: most lines are passed by; positions found
        # in the folded text must be the text's)
        return [line]
    for start, ends in _heading_runs(folded):
        headings = [text[begin:end] for begin, end in zip([start, *ends], ends)]
        header = Line([Token(heading, line.line) for heading in headings], LineKind.ROW, line.line)
        if _plan_header(header) is None:
            continue
        rows = _cut_rows(text[ends[-1]:], headings, line.line)
        if not rows:
            return [line]
        before = [Line([Token(text[:start], line.line)], LineKind.CELL, line.line)] if text[:start].strip() else []
        return [*before, header, *rows]
    return [line]


def _cut_rows(text: str, headings: list[str], number: int | None) -> list[Line]:
    """The rows of projects run together in ``text`` under ``headings``, each cut into its cells; when the plan
    numbers its rows, a project ends where the next number opens a name (…务工。2石门村产业路项目…)."""
    rows: list[Line] = []
    serial = _ROW_NUMBER.match(text) if headings[0] in NUMBER_HEADINGS else None
    while text.strip():
        cut = _cut_row(text, headings)
        if cut is None:
            break
        cells, how, goals = cut
        following = _next_row(text, goals, int(serial.group(0)) + 1) if serial is not None else None
        if following is not None:
            cells, how, _ = _cut_row(text[:following], headings) or (cells, how, goals)
        rows.append(Line([Token(cell, number) for cell in cells], LineKind.ROW, number, extra={CUT_BY_SHAPE: how}))
        if following is None:
            break
        text = text[following:]
        serial = _ROW_NUMBER.match(text)
    return rows


def _next_row(text: str, start: int, serial: int) -> int | None:
    """Where the next project's row opens after ``start`` in a numbered plan run together: its number, then a name
    ending in 项目 or 工程 with no punctuation in between; None when no such number follows."""
    for found in re.finditer(rf"(?<![\d.．]){serial}(?![\d.．、])", text[start:]):
        at = start + found.start()
        name = _PROJECT_END.search(text, start + found.end(), start + found.end() + _LONGEST_NAME)
        if name is not None and not _PUNCTUATION.search(text, start + found.end(), name.start()):
            return at
    return None


@cache
def _heading_pattern() -> re.Pattern[str]:
    """The spellings of the headings a plan table's header holds: its own, the project's name and goals, the column
    of row numbers (folded, the longest first)."""
    vocabulary = labels()
    spellings = {fold(spelling) for field in ("name", "goals") for spelling in vocabulary["header"][field]}
    spellings |= {fold(spelling) for words in vocabulary["plan_columns"].values() for spelling in words}
    spellings |= set(NUMBER_HEADINGS)
    return re.compile("|".join(map(re.escape, sorted(spellings, key=len, reverse=True))))


def _heading_runs(folded: str) -> list[tuple[int, list[int]]]:
    """The runs of headings one right after another in ``folded``: each run's start and the end of each heading."""
    runs: list[tuple[int, list[int]]] = []
    for found in _heading_pattern().finditer(folded):
        if runs and runs[-1][1][-1] == found.start():
            runs[-1][1].append(found.end())
        else:
            runs.append((found.start(), [found.end()]))
    return [run for run in runs if len(run[1]) > _FEWEST_PLAN_HEADINGS]


# the shapes that tell where a run-together plan row's cells begin and end: its number, its period (a range of dates:
# 2022年5月-12月, 2023.3-2023.10), its amount (230万, 80万元), the unit answering for it and the person after a slash
_ROW_NUMBER = re.compile(r"\s*\d{1,3}(?!\d)")
_DATE = r"(?:19|20)\d{2}\s*(?:年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|[.．/-]\d{1,2}(?:[.．/-]\d{1,2})?)"
_LATER = r"(?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?(?:底|末)?|(?:19|20)\d{2}(?:[.．/-]\d{1,2}){1,2}"
_RANGE = re.compile(rf"{_DATE}\s*(?:-{{1,2}}|—{{1,2}}|[~～至到])\s*(?:{_LATER})")
_AMOUNT = re.compile(r"(?<![\d.])\d+(?:\.\d+)?\s*(?:万元|万|元)")
_BARE_AMOUNT = re.compile(r"(?<![\d.])\d+(?:\.\d+)?\s*$")
_PERSON = re.compile(r"\s*[/／]\s*[\u4e00-\u9fff]{2}")
_PUNCTUATION = re.compile(r"[,，。;；:：、()（）]")
_PROJECT_END = re.compile(r"项目|工程")  # how a project's name ends (茶叶优势主导产业项目, 饮水安全巩固提升工程)
_LONGEST_UNIT = 30
_LONGEST_NAME = 40


def _cut_row(text: str, headings: list[str]) -> tuple[list[str], Phrase, int] | None:
    """The cells of a plan row run together under ``headings``, how they were cut and where its goals begin, or None
    when the shapes do not say where the project's name and its goals begin.

    Each cell ends where the next begins: the row number and the period are cut by their shapes; the amount opens the
    money's cell (the last amount before the next known cell); the unit and the person after a slash make the owner's
    cell (a person's name is taken as two characters: a guess the note shows); the name ends at its 项目 or 工程 when
    more columns follow it unseen; the goals end with their last clause that gives a target, the rest going to the
    next column. Columns whose start no shape says run on with the column before (their headings joined)."""
    kinds = [_column_kind(heading) for heading in headings]
    starts: dict[int, int] = {}
    ends: dict[int, int] = {}
    position = 0
    for index, kind in enumerate(kinds):
        if index not in starts and index - 1 in ends:
            starts[index] = ends[index - 1]
        if kind == "number" and index == 0:
            found = _ROW_NUMBER.match(text)
            if found is None:
                return None
            starts[index], ends[index] = 0, found.end()
        elif kind == "period":
            found = _RANGE.search(text, starts.get(index, position))
            if found is None:
                return None
            money = next((before for before in range(index - 1, -1, -1) if kinds[before] == "money"), None)
            if money is not None and money not in starts:
                opened = max(ends.values(), default=0)
                amounts = list(_AMOUNT.finditer(text, opened, found.start()))
                if amounts:
                    starts[money] = amounts[-1].start()
                elif money == index - 1 and label_money_unit(headings[money]) is not None:
                    # (a heading naming the unit, 资金规模(万元): the cell is a bare figure, right before the period)
                    bare = _BARE_AMOUNT.search(text, opened, found.start())
                    if bare is not None:
                        starts[money] = bare.start()
            starts[index], ends[index] = found.start(), found.end()
        elif kind == "owner" and index in starts:
            end = _owner_end(text, starts[index])
            if end is not None:
                ends[index] = end
        elif kind == "name" and index in starts and index + 1 < len(kinds) and index + 1 not in starts:
            found = _PROJECT_END.search(text, starts[index])
            if found is not None and not _PUNCTUATION.search(text, starts[index], found.start()):
                ends[index] = found.end()
        elif kind == "goals" and index in starts and index + 1 < len(kinds):
            ends[index] = _goals_end(text, starts[index])
        position = max(position, ends.get(index, starts.get(index, position)))
    name, goals = kinds.index("name"), kinds.index("goals")
    if name not in starts or goals not in starts:
        return None
    bounds = sorted(starts.items(), key=lambda item: item[1])
    cells = [""] * len(headings)
    shown: list[tuple[str, str]] = []
    for number, (index, start) in enumerate(bounds):
        end = bounds[number + 1][1] if number + 1 < len(bounds) else len(text)
        cell = text[start:end].strip(" ,，;；")
        cells[index] = cell
        # (the columns up to the next one begun run on in this cell: their headings are shown together)
        following = bounds[number + 1][0] if number + 1 < len(bounds) else len(headings)
        if cell and kinds[index] != "number":
            shown.append(("、".join(headings[index:following]), cell))
    return cells, placed_as(shown), starts[goals]


def _column_kind(heading: str) -> str | None:
    """What a plan heading's column holds: ``number``, ``name``, ``goals`` or the plan's own kind (``period`` …)."""
    if heading in NUMBER_HEADINGS:
        return "number"
    return header_label(heading) if header_label(heading) in ("name", "goals") else plan_column(heading)


def _owner_end(text: str, start: int) -> int | None:
    """Where the cell of the unit answering for a project ends (the unit's name, a slash and a person's), or None."""
    slash = text.find("/", start, start + _LONGEST_UNIT)
    slash = slash if slash >= 0 else text.find("／", start, start + _LONGEST_UNIT)
    if slash > start and names_a_unit(text[start:slash].strip()):
        person = _PERSON.match(text, slash)
        return person.end() if person else slash
    unit = next((end for end in range(min(len(text), start + _LONGEST_UNIT), start, -1)
                 if names_a_unit(text[start:end]) and not _PUNCTUATION.search(text, start, end)), None)
    return unit


def _goals_end(text: str, start: int) -> int:
    """Where the goals cell run together with the column after it ends: after its last figure, with that figure's
    unit and operator word (…带动脱贫户增收2000元以上 | 务工、分红); at the end of the text when it gives no figure."""
    figures = list(BARE_FIGURE.finditer(text, start))
    if not figures:
        return len(text)
    rest = text[figures[-1].start():]
    after = (parse_target(rest).leftover or "").strip()
    return len(text) - len(after) if after and rest.endswith(after) else len(text)
