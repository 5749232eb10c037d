"""Metamorphic variants of a goal document's header block: the same fields laid out as other forms lay them out.

A goal table's header block (项目名称, 年度资金总额, 年度目标 …, above the indicator grid) comes in a few families of
geometry: a label and its value side by side in two cells, or in one cell with a colon between (项目名称：XX), or
the value in the row below its label; one pair to a row, or two pairs in one row; the money unit on a line of its
own (单位：万元), after the label (年度资金总额(万元)) or after the amount (18.00万元); and the labels themselves
spelled as the official forms spell them (the Ministry's 88号 form, the transfer payments' 区域绩效目标表, the
provinces' forms). Each transformation here rewrites the header block of a document's text into another member of
one family and leaves the indicator grid alone, so the variant must read as its original's golden;
``benchmarks/corpus_variants.py`` runs them beside those of ``benchmarks/variants.py`` and scores the sheet fields (name,
budget total, goals) as well as the indicators.

The labels are the forms' own words listed here, not the reader's vocabulary: the variants test it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from benchmarks.variants import _line_cells as _cells

__all__ = ["HEADER_TRANSFORMS"]

# the fields a transformation moves, as the official forms spell their labels
_NAME = ("项目名称", "专项名称", "专项(项目)名称", "转移支付(项目)名称", "项目支出名称", "资金名称", "二级项目名称")
_TOTAL = ("年度资金总额", "资金总额", "预算数", "年度金额", "项目资金总额", "预算金额", "年度预算数", "项目金额")
_GOALS = ("年度目标", "年度绩效目标", "绩效目标", "年度总体目标", "项目绩效目标", "当年绩效目标", "年度绩效目标(文字)")
# the other fields of a header block: labels, never a value of the label before them
_OTHER = ("项目编码", "项目代码", "主管部门", "主管部门及代码", "实施单位", "预算单位", "单位名称", "项目负责人", "联系电话",
          "项目属性", "项目类别", "项目期", "项目资金", "资金情况", "其中:财政拨款", "其中:财政资金", "财政资金", "其他资金",
          "资金用途", "项目概况", "中期目标", "中长期目标", "长期目标", "实施期目标", "总体目标", "填报单位", "项目负责人及电话", "项目主管部门", "资金来源")
# Label spellings of the official forms, each to another spelling a form uses for the same field: the 88号 form's
# 年度资金总额 is a 区域绩效目标表's 年度金额, a province's 项目金额 or 预算金额; 项目名称 is a transfer payment's 专项名称
_SYNONYMS = {"项目名称": "专项名称", "专项名称": "项目名称", "转移支付(项目)名称": "专项(项目)名称", "资金名称": "项目名称",
             "年度资金总额": "年度金额", "资金总额": "年度资金总额", "预算数": "预算金额", "年度金额": "年度资金总额",
             "项目资金总额": "项目金额", "预算金额": "预算数", "年度预算数": "年度预算金额",
             "年度目标": "年度绩效目标", "年度绩效目标": "年度目标", "绩效目标": "年度绩效目标", "项目绩效目标": "年度绩效目标",
             "当年绩效目标": "年度目标"}
# the row that heads the indicator grid (where the header block ends) and the money table of a self-evaluation
_GRID = re.compile(r"三级指标|指标值|指标名称|年度指标值|一级指标")
_MONEY_TABLE = re.compile(r"执行数|执行率")
_MONEY_UNIT = re.compile(r"^[(（]?(?:金额)?单位[:：]\s*(万元|元)[)）]?$")
_AMOUNT = re.compile(r"\d[\d,]*(?:\.\d+)?")
_COLON = re.compile(r"[:：]$")
_LABEL_UNIT = re.compile(r"[(（](万元|元)[)）]$")  # the money unit a label names (年度资金总额(万元))


def _label(cell: str) -> str | None:
    """Which field a cell labels (``name``, ``total``, ``goals``, ``other``), a colon after it allowed; or None."""
    key = _LABEL_UNIT.sub("", _COLON.sub("", cell.strip()).replace("（", "(").replace("）", ")").replace("：", ":"))
    for field, words in (("name", _NAME), ("total", _TOTAL), ("goals", _GOALS), ("other", _OTHER)):
        if key in words:
            return field
    return None


def _header_end(lines: list[str]) -> int | None:
    """The index of the line that heads the indicator grid: the header block is the lines above it."""
    return next((index for index, line in enumerate(lines) if _GRID.search(line)), None)


def _plain_header(text: str) -> tuple[list[str], int] | None:
    """The lines of ``text`` and the index of the grid's heading line below its header block; None without a grid or
    for a self-evaluation's money table (its figures are a table, not a label's value)."""
    lines = text.split("\n")
    end = _header_end(lines)
    return None if end is None or _MONEY_TABLE.search("\n".join(lines[:end])) else (lines, end)


def _filled_line(line: str) -> bool:
    """Whether a line holds a cell's text (not only the pipes or TABs a copy left between cells)."""
    return bool(line.strip(" \t|"))


def _one_cell(line: str) -> bool:
    return len([cell for cell in _cells(line)[0] if cell]) == 1


_LONG_TERM = re.compile(r"中期目标|中长期目标|长期目标|实施期目标|实施期绩效目标")


def _value_of(field: str, value: str, rest: list[str]) -> bool:
    """Whether ``value`` is the value of a ``field`` label with the cells ``rest`` after it in its row: no label, and
    for a total a lone amount (not the first figure of a self-evaluation's money row)."""
    if not value or _label(value) or _MONEY_UNIT.match(value):
        return False
    if field == "total":
        return bool(_AMOUNT.fullmatch(value)) and not any(_AMOUNT.fullmatch(cell) for cell in rest)
    return field in ("name", "goals")


def _joined(label: str, value: str) -> str:
    return f"{_COLON.sub('', label)}：{value}"


def _pairs(text: str, pair: Callable[[list[str], int, str, str], list[list[str]] | None],
           below: Callable[[str, str], list[str]] | None) -> str | None:
    """``text`` with each label of the header block and its value rewritten: in a row, the rows of cells
    ``pair(cells, index, label, value)`` makes of the row (None: kept), each written in the row's layout; one cell a line, the label's line and its value's (the next
    line holding a cell) made the lines ``below(label, value)`` makes (None: kept). None when nothing changed, or
    for a self-evaluation's money table (its figures are a table, not a label's value)."""
    block = _plain_header(text)
    if block is None:
        return None
    lines, end = block
    # (beside a long-term goals label the goals labels head a block of columns, their values below them)
    moved = ("name", "total") if _LONG_TERM.search("\n".join(lines[:end])) else ("name", "total", "goals")
    out: list[str] = []
    index, changed = 0, False
    while index < len(lines):
        line = lines[index]
        cells, write = _cells(line)
        filled = [cell for cell in cells if cell]
        if index >= end or not filled:
            out.append(line)
            index += 1
            continue
        if len(filled) >= 2:
            at = next((at for at, cell in enumerate(filled[:-1]) if _label(cell) in moved
                       and _value_of(_label(cell), filled[at + 1], filled[at + 2:])), None)
            new = pair(filled, at, filled[at], filled[at + 1]) if at is not None else None
            if new is not None:
                out.append("\n".join(write(row) for row in new))
                changed = True
            else:
                out.append(line)
            index += 1
            continue
        field = _label(filled[0])
        after = next((at for at in range(index + 1, end) if _filled_line(lines[at])), None)
        if below is None or field not in moved or after is None or not _one_cell(lines[after]):
            out.append(line)
            index += 1
            continue
        value = next(cell for cell in _cells(lines[after])[0] if cell)
        if not _value_of(field, value, []):
            out.append(line)
            index += 1
            continue
        out.append(write(below(filled[0], value)))
        changed = True
        index = after + 1
    return "\n".join(out) if changed else None


def label_value_one_cell(text: str) -> str | None:
    """The label and its value in one cell with a colon between (项目名称：XX, 年度资金总额：18.00), as a Word form
    with its lines typed in, or a site's text, writes them."""
    def pair(cells: list[str], at: int, label: str, value: str) -> list[list[str]]:
        return [[*cells[:at], _joined(label, value), *cells[at + 2:]]]

    return _pairs(text, pair, lambda label, value: [_joined(label, value)])


def value_below_label(text: str) -> str | None:
    """Each label with its value in the row below it (项目名称 | 主管部门 over XX | YY): a form whose labels head
    columns. The row's pairs go label over value; one cell a line, nothing changes (the value follows its label
    there already)."""
    def pair(cells: list[str], at: int, label: str, value: str) -> list[list[str]] | None:
        labels, values = cells[::2], cells[1::2]
        if len(cells) % 2 or not all(_label(cell) for cell in labels) or any(_label(cell) for cell in values):
            return None
        return [labels, values]

    return _pairs(text, pair, None)


def label_merged_cells(text: str) -> str | None:
    """Each label merged over two columns, as a spreadsheet or a Word table exports it: the label, then an empty cell
    before its value (项目名称 | | XX). A layout without empty cells (runs of spaces, one cell a line) has no such
    variant."""
    def pair(cells: list[str], at: int, label: str, value: str) -> list[list[str]]:
        return [[spread for cell in cells for spread in ([cell, ""] if _label(cell) else [cell])]]

    return _pairs(text, pair, None)


def pairs_side_by_side(text: str) -> str | None:
    """Two label-value pairs in one row (项目名称 | XX | 主管部门 | YY), as the 88号 form sets 项目名称 beside 项目编码
    and 主管部门 beside 实施单位: each row holding one pair joins the next row holding one; one cell a line, the two
    pairs' four lines become one such row (a web copy's table row among one-cell lines)."""
    block = _plain_header(text)
    if block is None:
        return None
    lines, end = block
    joined: dict[int, tuple[str, int]] = {}  # the first line of two pairs: their row, and their last line
    at = 0
    while at < end:
        row = _two_pairs(lines, at, end)
        if row is not None:
            joined[at] = row
        at = row[1] + 1 if row is not None else at + 1
    if not joined:
        return None
    out, skip = [], -1
    for index, line in enumerate(lines):
        if index in joined:
            out.append(joined[index][0])
            skip = joined[index][1]
        elif index > skip:
            out.append(line)
    return "\n".join(out)


def _two_pairs(lines: list[str], index: int, end: int) -> tuple[str, int] | None:
    """The row two label-value pairs from line ``index`` on make, and the index of their last line; or None."""
    cells, write = _cells(lines[index])
    filled = [cell for cell in cells if cell]
    if len(filled) == 1:
        found = _one_cell_pairs(lines, index, end)
        return None if found is None else ("| " + " | ".join(found[0]) + " |", found[1])
    after = index + 1
    if after >= end or len(cells) < 2 or not _single_pair(filled) or len(_cells(lines[after])[0]) < 2:
        return None
    following = [cell for cell in _cells(lines[after])[0] if cell]
    return (write([*filled, *following]), after) if _single_pair(following) else None


def _one_cell_pairs(lines: list[str], index: int, end: int) -> tuple[list[str], int] | None:
    """The two label-value pairs on the one-cell lines from ``index`` on, and the index of the last of their lines;
    None unless the four lines are two such pairs."""
    found, at = [], index
    while len(found) < 4 and at is not None and at < end and _one_cell(lines[at]):
        found.append(next(cell for cell in _cells(lines[at])[0] if cell))
        last, at = at, next((later for later in range(at + 1, end) if _filled_line(lines[later])), None)
    if len(found) < 4 or any(_MONEY_UNIT.match(cell) for cell in found):
        return None
    labels, values = found[::2], found[1::2]
    fields = [_label(label) for label in labels]
    if None in fields or any(_label(value) for value in values) or not all(
            field == "other" or _value_of(field, value, []) for field, value in zip(fields, values)):
        return None
    return found, last


def _single_pair(filled: list[str]) -> bool:
    return len(filled) == 2 and _label(filled[0]) is not None and _label(filled[1]) is None and not (
        _MONEY_UNIT.match(filled[1]))


def _unit_moved(text: str, place: Callable[[str, str, str], tuple[str, str]]) -> str | None:
    """``text`` with the money unit of the header block written at the total instead of where it stood (the
    单位：万元 line, removed, or the total's label, 年度资金总额(万元)): ``place(label, value, unit)`` gives the label's
    and the value's new text. None unless the block has both, the total's value a lone amount."""
    block = _plain_header(text)
    if block is None:
        return None
    lines, end = block
    unit_at = next((_MONEY_UNIT.match(cell.strip())[1] for index in range(end) for cell in _cells(lines[index])[0]
                    if _MONEY_UNIT.match(cell.strip())), None)
    placed = False

    def pair(cells: list[str], at: int, label: str, value: str) -> list[list[str]] | None:
        nonlocal placed
        own = _LABEL_UNIT.search(_COLON.sub("", label))
        unit = own[1] if own else unit_at
        if _label(label) != "total" or placed or unit is None or _LABEL_UNIT.search(value):
            return None
        placed = True
        return [[*cells[:at], *place(_LABEL_UNIT.sub("", _COLON.sub("", label)), value, unit), *cells[at + 2:]]]

    def below(label: str, value: str) -> list[str]:
        return (pair([label, value], 0, label, value) or [[label, value]])[0]

    variant = _pairs(text, pair, below)
    if variant is None or not placed:
        return None
    lines = variant.split("\n")
    for index, line in enumerate(lines[:_header_end(lines)]):
        cells, write = _cells(line)
        if any(_MONEY_UNIT.match(cell.strip()) for cell in cells):
            lines[index] = write([cell for cell in cells if not _MONEY_UNIT.match(cell.strip())])
    return "\n".join(lines)


def amount_unit_in_value(text: str) -> str | None:
    """The money unit written after the total's amount (18.00万元), the 单位：万元 line gone."""
    return _unit_moved(text, lambda label, value, unit: (label, value + unit))


def amount_unit_in_label(text: str) -> str | None:
    """The money unit in brackets after the total's label (年度资金总额(万元)), the 单位：万元 line gone."""
    return _unit_moved(text, lambda label, value, unit: (f"{_COLON.sub('', label)}({unit})", value))


def label_synonyms(text: str) -> str | None:
    """The header labels spelled as another official form spells them (年度资金总额 as 年度金额, 项目名称 as 专项名称,
    年度目标 as 年度绩效目标), a whole cell each, in the header block only."""
    lines = text.split("\n")
    end = _header_end(lines)
    if end is None:
        return None
    # (a self-evaluation's money table heads its figures with its own words: 预算数 | 执行数 | 执行率)
    money = bool(_MONEY_TABLE.search("\n".join(lines[:end])))
    changed = False
    for index in range(end):
        cells, write = _cells(lines[index])
        renamed = [cell if money and _label(cell) == "total" else _renamed(cell) for cell in cells]
        if renamed != cells:
            lines[index] = write(renamed)
            changed = True
    return "\n".join(lines) if changed else None


def _renamed(cell: str) -> str:
    key = _COLON.sub("", cell.strip())
    return cell.replace(key, _SYNONYMS[key], 1) if key in _SYNONYMS else cell


# a form's title, the kind of form it names at its end (项目支出绩效目标申报表, 绩效自评表 (2022年度))
_TITLE = re.compile(r"^(?P<before>.*?)(?P<kind>绩效目标(?:申报|批复|审核)?表|绩效(?:目标)?自评表)(?P<after>.*)$")


def name_in_title(text: str) -> str | None:
    """The project named only in the form's title (乡镇环境治理经费绩效目标表, a form with no 项目名称 row): the name row
    goes and its value opens the title, which keeps the kind of form it names and what follows it (the year)."""
    lines = text.split("\n")
    end = _header_end(lines)
    if end is None:
        return None
    titles = [index for index in range(end) if _one_cell(lines[index])
              and _TITLE.match(next(cell for cell in _cells(lines[index])[0] if cell))]
    for index in range(end if titles else 0):
        cells, write = _cells(lines[index])
        filled = [cell for cell in cells if cell]
        if len(filled) == 2 and _label(filled[0]) == "name" and _value_of("name", filled[1], []):
            name, gone = filled[1], [index]
        elif len(filled) == 1 and _label(filled[0]) == "name":
            after = next((at for at in range(index + 1, end) if _filled_line(lines[at])), None)
            if after is None or not _one_cell(lines[after]):
                continue
            name, gone = next(cell for cell in _cells(lines[after])[0] if cell), [index, after]
            if not _value_of("name", name, []):
                continue
        else:
            continue
        if index < titles[0]:  # (a name above the title is some other heading's)
            return None
        title = max(at for at in titles if at < index)  # (the form's own title, below a page's heading)
        cells, write = _cells(lines[title])
        found = _TITLE.match(next(cell for cell in cells if cell))
        lines[title] = write([f"{name}{found['kind']}{found['after']}"])
        return "\n".join(line for at, line in enumerate(lines) if at not in gone)
    return None


HEADER_TRANSFORMS: dict[str, Callable[[str], str | None]] = {
    "label_synonyms": label_synonyms,
    "label_value_one_cell": label_value_one_cell,
    "value_below_label": value_below_label,
    "pairs_side_by_side": pairs_side_by_side,
    "label_merged_cells": label_merged_cells,
    "amount_unit_in_value": amount_unit_in_value,
    "amount_unit_in_label": amount_unit_in_label,
    "name_in_title": name_in_title,
}
