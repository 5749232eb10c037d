"""Metamorphic variants of a self-evaluation's text: the same 绩效自评表 laid out as other units publish it (issue 12).

Beside the forms of ``benchmarks/variants.py`` (separators, merged level cells, the money table's headings, the 得分
column before the 分值 one, the total in a sentence), these are the self-evaluation forms' own differences: the points
columns headed in other forms' words (权重 / 自评得分, 指标分值 / 评分), the target and what was done headed 全年目标值,
全年实际值 or 实际完成情况, the 分值 column printed before the target, the money in 元 instead of 万元, and the money
table (the 预算执行率 row) printed after the indicators instead of before them. The table's content is untouched, so
the audit of a variant must find what the audit of its original finds; ``benchmarks/audit_variants.py`` compares them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from benchmarks.variants import _GRID_END, _heading_row, _line_cells, _rewrite_cells, _rows

__all__ = ["SELFEVAL_TRANSFORMS"]


def _renamed(text: str, renames: dict[str, str]) -> str | None:
    """``text`` with every cell that is one of ``renames``' keys, a formula's letter after it or not (年初目标值(A)),
    renamed and the letter kept; a longer heading holding the word (指标值确定依据) stays. In any layout with cells."""
    pattern = re.compile("(" + "|".join(map(re.escape, sorted(renames, key=len, reverse=True))) + r")(\s*[(（][A-Z][)）])?")

    def convert(cell: str) -> list[str] | None:
        found = pattern.fullmatch(cell)
        return [renames[found[1]] + (found[2] or "")] if found else None

    return _rewrite_cells(text, convert)


def points_as_weight(text: str) -> str | None:
    """The points columns headed 权重 and 自评得分 (the Sichuan and Chongqing budget-system forms)."""
    return _renamed(text, {"分值": "权重", "得分": "自评得分"})


def points_as_index(text: str) -> str | None:
    """The points columns headed 指标分值 and 评分 (county forms)."""
    return _renamed(text, {"分值": "指标分值", "权重": "指标分值", "得分": "评分"})


# the target's and what was done's headings as the forms print them
_TARGETS = ("年度指标值", "指标值", "年初目标值", "年度目标值", "预期指标值", "目标值")
_ACTUALS = ("实际完成值", "全年实际完成值", "实际完成指标值", "完成值")


def full_year_headings(text: str) -> str | None:
    """The target and what was done headed 全年目标值 and 全年实际值 (the transfer payments' 区域自评表)."""
    return _renamed(text, {**dict.fromkeys(_TARGETS, "全年目标值"), **dict.fromkeys(_ACTUALS, "全年实际值")})


def actual_as_situation(text: str) -> str | None:
    """What was done headed 实际完成情况, the word the form's 年度总体目标 block uses too (Anhui and Hunan forms)."""
    return _renamed(text, dict.fromkeys(_ACTUALS, "实际完成情况"))


_WEIGHT_HEADINGS = ("分值", "权重")
_TARGET_HEADINGS = ("年度指标值", "指标值", "年度目标值", "目标值", "预期目标值")


def weight_before_target(text: str) -> str | None:
    """The 分值 column printed right before the target (三级指标 | 分值 | 年度指标值 | 实际完成值 | 得分, as the Hubei and
    Guangdong forms order it): the heading and every row of the heading's layout down to the grid's end moved, a row
    that lost its leading merged cells counted from its end; one cell a line has no such form."""
    rows = _rows(text)
    start = _heading_row(text)
    if start is None:
        return None
    heading = rows[start][1]
    weight = next((i for i, cell in enumerate(heading) if cell in _WEIGHT_HEADINGS), None)
    target = next((i for i, cell in enumerate(heading) if cell in _TARGET_HEADINGS), None)
    if weight is None or target is None or weight < target:
        return None
    lines = text.split("\n")
    changed = False
    for number, (index, cells, kind) in enumerate(rows[start:]):
        if number and _GRID_END.match(next((cell for cell in cells if cell), "")):
            break
        lost = len(heading) - len(cells)  # (the leading cells a row of merged levels leaves out)
        if kind != rows[start][2] or lost < 0 or lost > target:
            continue
        cells = list(cells)
        cells.insert(target - lost, cells.pop(weight - lost))
        lines[index] = _line_cells(lines[index])[1](cells)
        changed = True
    return "\n".join(lines) if changed else None


# the money table's amount columns (the Ministry's form and the provinces' words for them)
_AMOUNT_HEADING = re.compile(r"(?:年初|全年|调整后|年度)?(?:预算|执行|支出)数?(?:\s*[(（](?:[A-Z]|万元)[)）])?|实际支出数|预算执行数")
# the unit the money table's label or a heading names
_TEN_THOUSAND = re.compile(r"万元")
_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)万?")  # (3359.62万: the unit after the figure goes with it)
# where the money table ends: the goals block or the indicator grid's heading
_MONEY_END = re.compile(r"年度总体目标|总体目标|年度绩效目标|绩效指标|一级指标|三级指标")


def _in_yuan(cell: str) -> str | None:
    found = _AMOUNT.fullmatch(cell)
    return f"{Decimal(found[1]) * 10000:.2f}" if found else None


def money_in_yuan(text: str) -> str | None:
    """The money table's amounts in 元 instead of 万元 (×10000, two decimals), the unit in its label or headings
    changed with them, as units whose budget system prints 元 publish it. Rows with their cells in columns only (pipes,
    TABs, runs of spaces): one cell a line, which amount is which cannot be told."""
    lines = text.split("\n")
    rows = _rows(text)
    start = next((n for n, (_, cells, _) in enumerate(rows)
                  if sum(1 for cell in cells if _AMOUNT_HEADING.fullmatch(cell)) >= 2), None)
    if start is None:
        return None
    first, heading, _ = rows[start]
    columns = [i for i, cell in enumerate(heading) if _AMOUNT_HEADING.fullmatch(cell)]
    # (the label with the unit: the heading row or the line above)
    labelled = [index for index in range(max(first - 1, 0), first + 1) if _TEN_THOUSAND.search(lines[index])]
    converted = False
    for index, cells, kind in rows[start + 1:]:
        if kind != rows[start][2] or any(_MONEY_END.search(cell) for cell in cells):
            break
        # (a row that lost its empty cells cannot say which of its figures are amounts)
        if len(cells) != len(heading):
            continue
        amounts = [(_in_yuan(cell) if i in columns else None) or cell for i, cell in enumerate(cells)]
        converted = converted or amounts != cells
        lines[index] = _line_cells(lines[index])[1](amounts)
    if not (labelled and converted):
        return None  # (a unit changed over amounts left as they were would be a table of another budget)
    for index in labelled:
        lines[index] = _TEN_THOUSAND.sub("元", lines[index])
    return "\n".join(lines)


# the money table's first line: its label (项目资金（万元）, 预算执行情况（10分）) or its first amount heading
_MONEY_START = re.compile(r"项目资金|预算执行情况|资金情况|年度预算数|年初预算数?|全年预算数|预算数")


def _first_cell(line: str) -> str:
    return next((cell for cell in _line_cells(line)[0] if cell), "")


def execution_after_grid(text: str) -> str | None:
    """The money table (budget, execution, 预算执行率 with its points) printed after the indicator grid, before the
    total and the conclusions below it, instead of before the goals (forms that score the execution last). Line by
    line, so in any layout but text run together; a grid with nothing after it (a copy cut inside it) has no such
    form."""
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if _MONEY_START.match(_first_cell(line))), None)
    if start is None:
        return None
    end = next((i for i in range(start + 1, len(lines)) if _MONEY_END.match(_first_cell(lines[i]))), None)
    if end is None:
        return None
    grid = next((i for i in range(end, len(lines)) if re.search(r"三级指标|指标名称", lines[i])), None)
    if grid is None:
        return None
    # the grid ends below its rows (past its heading, which a copy may break over lines: 偏差原因分析及 / 改进措施); a
    # copy cut inside its grid has nothing after it, and no form prints its money there
    body = next((i for i in range(grid + 1, len(lines)) if re.search(r"\d", lines[i])), len(lines))
    after = next((i for i in range(body, len(lines)) if _GRID_END.match(_first_cell(lines[i]))), None)
    if after is None:
        return None
    return "\n".join(lines[:start] + lines[end:after] + lines[start:end] + lines[after:])


SELFEVAL_TRANSFORMS: dict[str, Callable[[str], str | None]] = {
    "points_as_weight": points_as_weight,
    "points_as_index": points_as_index,
    "full_year_headings": full_year_headings,
    "actual_as_situation": actual_as_situation,
    "weight_before_target": weight_before_target,
    "money_in_yuan": money_in_yuan,
    "execution_after_grid": execution_after_grid,
}
