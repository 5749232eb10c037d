"""Metamorphic variants of a self-evaluation's text: the same 绩效自评表 laid out as other units publish it (issue 12).

Beside the forms of ``benchmarks/variants.py`` (separators, merged level cells, the money table's headings, the 得分
column before the 分值 one, the total in a sentence), these are the self-evaluation forms' own differences: the points
columns headed in other forms' words (权重 / 自评得分, 指标分值 / 评分), the target and what was done headed 全年目标值,
全年实际值 or 实际完成情况, the 分值 column printed before the target, the money in 元 instead of 万元, and the money
table (the 预算执行率 row) printed after the indicators instead of before them. Then the forms of provinces the dev
self-evaluations come from: every heading in the words of the Chongqing, Xinjiang, Shandong and Fujian forms (the
points' unit in the heading, 指标权重(分); the money's 执行率权重 | 执行率得分(分); 实际完成指标值, 未完成原因), a 完成率 or
评分标准 column beside the actual, the money table's rate before its points (Chongqing) or its points said only in the
score's heading (Hubei, 得分(20分*执行率)), or each of its headings written with its figure in one cell (全年执行数：110,
as forms laid out in lines print it), and a monitoring table's money and likelihood in other words (截至6月底执行数,
预计年底执行数, 完成目标的可能性). The table's content is untouched, so the audit of a variant must find what the audit
of its original finds; ``benchmarks/audit_variants.py`` compares them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from benchmarks.variants import _GRID_END, _HEADING, _heading_row, _line_cells, _rewrite_cells, _rows

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


def _grid_heading(text: str) -> tuple[list[tuple[int, list[str], str]], int, list[str]] | None:
    """The rows of ``text`` in columns, where among them the indicator grid's heading stands and its cells; None
    without one."""
    rows = _rows(text)
    start = _heading_row(text)
    return None if start is None else (rows, start, rows[start][1])


def weight_before_target(text: str) -> str | None:
    """The 分值 column printed right before the target (三级指标 | 分值 | 年度指标值 | 实际完成值 | 得分, as the Hubei and
    Guangdong forms order it): the heading and every row of the heading's layout down to the grid's end moved, a row
    that lost its leading merged cells counted from its end; one cell a line has no such form."""
    found = _grid_heading(text)
    if found is None:
        return None
    rows, start, heading = found
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


def _renamed_apart(text: str, money: dict[str, str], grid: dict[str, str]) -> str | None:
    """``text`` with the cells renamed as :func:`_renamed` does, by ``money`` above the indicator grid's heading (the
    money table's headings) and by ``grid`` from that heading on: a form words its two tables' points columns apart
    (执行率权重 over the money, 指标权重(分) over the indicators). The money table is renamed only where it prints its
    分值 (the forms renamed so print one: a table whose score heading notes the points, 得分(20分*执行率), is another
    form's). None without a grid heading or when nothing changed."""
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if _HEADING.search(line)), None)
    if start is None:
        return None
    above, below = "\n".join(lines[:start]), "\n".join(lines[start:])
    weighed = any(cell in _WEIGHT_HEADINGS for line in lines[:start] for cell in _line_cells(line)[0])
    renamed_above, renamed_below = _renamed(above, money) if weighed else None, _renamed(below, grid)
    if renamed_above is None and renamed_below is None:
        return None
    return (renamed_above if renamed_above is not None else above) + "\n" + (
        renamed_below if renamed_below is not None else below)


# the deviation column's headings as the Ministry's form and its copies word them
_DEVIATIONS = ("偏差原因分析及改进措施", "偏差原因分析及 改进措施", "未完成原因分析", "未完成原因和改进措施", "未完成原因分析及改进措施")


def chongqing_headings(text: str) -> str | None:
    """The points and value columns in the words of the Chongqing 绩效自评表 (143, 157, 233): the money table's
    全年(调整)预算数 | 执行率(%) | 执行率权重 | 执行率得分(分), the grid's 年初指标值 | 全年完成值 | 指标权重(分) |
    指标得分(分), the points' unit in the heading."""
    return _renamed_apart(text, {"全年预算数": "全年(调整)预算数", "执行率": "执行率(%)", "分值": "执行率权重",
                                 "权重": "执行率权重", "得分": "执行率得分(分)"},
                          {**dict.fromkeys(_TARGETS, "年初指标值"), **dict.fromkeys(_ACTUALS, "全年完成值"),
                           "分值": "指标权重(分)", "权重": "指标权重(分)", "得分": "指标得分(分)"})


def xinjiang_headings(text: str) -> str | None:
    """The points and value columns in the words of the Xinjiang 项目支出绩效自评表 (239): 分值权重 over the money,
    指标实际完成值 | 指标分值权重 | 指标得分 over the indicators."""
    return _renamed_apart(text, {"分值": "分值权重", "权重": "分值权重"},
                          {**dict.fromkeys(_ACTUALS, "指标实际完成值"), "分值": "指标分值权重", "权重": "指标分值权重",
                           "得分": "指标得分"})


def shandong_headings(text: str) -> str | None:
    """The value columns in the words of the Shandong 项目支出绩效自评表 (206): 预期指标值(A) | 实际完成指标值(B), and
    the deviation headed 未完成原因."""
    return _renamed(text, {**dict.fromkeys(_TARGETS, "预期指标值"), **dict.fromkeys(_ACTUALS, "实际完成指标值"),
                           **dict.fromkeys(_DEVIATIONS, "未完成原因")})


def fujian_headings(text: str) -> str | None:
    """The grid's columns in the words of the Fujian 绩效自评表 (238): 绩效目标值 | 实际完成值 | 指标分值 | 自评得分 |
    未完成原因 (the money table's own headings left as printed)."""
    return _renamed_apart(text, {}, {**dict.fromkeys(_TARGETS, "绩效目标值"), "分值": "指标分值", "权重": "指标分值",
                                     "得分": "自评得分", **dict.fromkeys(_DEVIATIONS, "未完成原因")})


def monitoring_headings(text: str) -> str | None:
    """A monitoring table's columns in other provinces' words: the money spent to date and projected headed
    截至6月底执行数 and 预计年底执行数 (for 1-6月执行数, 全年预计执行数), the progress 截至6月底完成情况, the likelihood
    完成目标的可能性, its options noted after it as printed."""
    def convert(cell: str) -> list[str] | None:
        found = _TO_DATE_HEADING.fullmatch(cell)
        if found:
            return [f"截至{found[1]}月底{_TO_DATE_WORDS[found[2]]}"]
        if cell in ("全年预计执行数", "全年预计执行数(万元)"):
            return [cell.replace("全年预计执行数", "预计年底执行数")]
        likely = re.fullmatch(r"完成目标可能性(.*)", cell)
        return [f"完成目标的可能性{likely[1]}"] if likely else None

    return _rewrite_cells(text, convert)


# a heading of what was done by a month's end (1-6月执行数, 半年度 指标执行情况), and its word after the date
_TO_DATE_HEADING = re.compile(r"1\s*[-—~至]\s*(\d{1,2})\s*月\s*(执行数|指标执行情况|执行情况)")
_TO_DATE_WORDS = {"执行数": "执行数", "指标执行情况": "完成情况", "执行情况": "完成情况"}


def _grid_column_after(text: str, after: tuple[str, ...], heading: str,
                       cell: Callable[[list[str], dict[str, int]], str]) -> str | None:
    """A column headed ``heading`` added to the indicator grid right after the first heading of ``after``: each row
    of the heading's layout down to the grid's end takes ``cell(row cells, where each heading stands in them)``; a
    row that lost its leading merged cells is counted from its end, a row shorter than that (one cell a line, a
    row broken over lines) is left as it is, and a variant that changes no row is none."""
    found = _grid_heading(text)
    if found is None:
        return None
    rows, start, names = found
    at = next((i for i, name in enumerate(names) if name in after), None)
    if at is None:
        return None
    lines = text.split("\n")
    changed = 0
    for number, (index, cells, kind) in enumerate(rows[start:]):
        if number and _GRID_END.match(next((c for c in cells if c), "")):
            break
        lost = len(names) - len(cells)
        if kind != rows[start][2] or lost < 0 or lost > at:
            continue
        places = {name: i - lost for i, name in enumerate(names) if i >= lost}
        cells = list(cells)
        cells.insert(at - lost + 1, heading if number == 0 else cell(cells, places))
        lines[index] = _line_cells(lines[index])[1](cells)
        changed += number > 0
    return "\n".join(lines) if changed else None


_RATIO_FIGURE = re.compile(r"[≥≤>=<≧≦]*\s*(\d+(?:\.\d+)?)")


def _completion(cells: list[str], places: dict[str, int]) -> str:
    """What a row's 完成率 cell says: its actual over its target in %, where both are figures; else blank."""
    target = next((cells[places[name]] for name in _TARGETS if name in places), "")
    actual = next((cells[places[name]] for name in _ACTUALS if name in places), "")
    found_target, found_actual = _RATIO_FIGURE.match(target), _RATIO_FIGURE.match(actual)
    if not found_target or not found_actual or not Decimal(found_target[1]):
        return ""
    return f"{Decimal(found_actual[1]) / Decimal(found_target[1]) * 100:.2f}%"


def completion_rate_column(text: str) -> str | None:
    """A 完成率 column after what was done (the Xinjiang form's 指标实际完成值 | 完成率 | 指标得分, 239; the Chongqing
    form's 得分系数(%), 143): the actual over the target in %, blank where either is words."""
    return _grid_column_after(text, _ACTUALS, "完成率", _completion)


def scoring_rule_column(text: str) -> str | None:
    """A 评分标准 column of the same words on every row after the target (the Fujian form's 绩效目标值 | 实际完成值 |
    评分标准 | 指标分值, 238; the Shandong form's 得分计算方法, 206)."""
    return _grid_column_after(text, _ACTUALS, "评分标准", lambda cells, places: "完成目标值得满分，未完成按比例扣分")


# the money table's rate heading
_MONEY_RATE = re.compile(r"执行率(?:\s*[(（][^)）]*[)）])?")
_RATE_CELL, _NONE_CELL = re.compile(r"\d+(?:\.\d+)?%"), re.compile(r"[—\-/]")
_FIGURE_CELL = re.compile(r"[\d.,]+%?|[—\-/]")


def _money_rows(text: str) -> tuple[list[tuple[int, list[str], int]], list[str]] | None:
    """The money table's heading row and the rows under it of its layout, each with where its last filled cell
    stands, and the heading's filled cells: a row's figures stand under the headings from its end (its label before
    them, a budget left blank lost from the front); a row printing a mark of none where its rate would stand is a part
    row whose figures are not placed (left as printed). None where the table has no such heading row (one cell a
    line), or where a row that reaches the 分值 column has no rate under 执行率 (a rate left blank and lost: which
    figure is which cannot be told)."""
    rows = _rows(text)
    start = next((n for n, (_, cells, _) in enumerate(rows)
                  if any(cell in _WEIGHT_HEADINGS for cell in cells) and any(_MONEY_RATE.fullmatch(c) for c in cells)
                  and sum(1 for cell in cells if _AMOUNT_HEADING.fullmatch(cell)) >= 2), None)
    if start is None:
        return None
    heading = [cell for cell in rows[start][1] if cell]
    reach = len(heading) - min(_money_at(heading, _WEIGHT_HEADINGS), _money_at(heading, None))
    rate = len(heading) - _money_at(heading, None)
    found = [(rows[start][0], list(rows[start][1]), _last_filled(rows[start][1]))]
    for index, cells, kind in rows[start + 1:]:
        if kind != rows[start][2] or any(_MONEY_END.search(cell) for cell in cells) or not any(
                _FIGURE_CELL.fullmatch(cell) for cell in cells):
            break  # (the goals block below: no figure)
        last = _last_filled(cells)
        if last + 1 < reach or _NONE_CELL.fullmatch(cells[last + 1 - rate]):
            continue  # (a part row printing its budgets only, 其他资金 | — | —: which column is which is not said)
        if not _RATE_CELL.fullmatch(cells[last + 1 - rate]):
            return None
        found.append((index, list(cells), last))
    return (found, heading) if len(found) > 1 else None


def _money_at(heading: list[str], words: tuple[str, ...] | None) -> int:
    """Where the heading of ``words`` (the rate's for None) stands among the money table's filled headings."""
    return next(i for i, cell in enumerate(heading)
                if (cell in words if words is not None else _MONEY_RATE.fullmatch(cell)))


def _last_filled(cells: list[str]) -> int:
    return max((i for i, cell in enumerate(cells) if cell), default=-1)


def _money_rewritten(text: str, rewrite: Callable[[list[str], int, bool], list[str]]) -> str | None:
    """``text`` with the money table's heading row and rows under it (:func:`_money_rows`) rewritten by
    ``rewrite(cells, offset, heading)``, ``offset`` added to a heading's place among the filled headings giving its
    cell, ``heading`` true for the heading row."""
    found = _money_rows(text)
    if found is None:
        return None
    rows, heading = found
    lines = text.split("\n")
    for number, (index, cells, last) in enumerate(rows):
        lines[index] = _line_cells(lines[index])[1](rewrite(cells, last + 1 - len(heading), number == 0))
    return "\n".join(lines)


def rate_before_weight(text: str) -> str | None:
    """The money table's 执行率 before its 分值 (the Chongqing form's 全年执行数 | 执行率 | 执行率权重 | 执行率得分, 143,
    233): the heading and every row under it moved alike."""
    found = _money_rows(text)
    if found is None:
        return None
    weight, rate = _money_at(found[1], _WEIGHT_HEADINGS), _money_at(found[1], None)
    if rate < weight:
        return None

    def moved(cells: list[str], offset: int, _: bool) -> list[str]:
        cells.insert(weight + offset, cells.pop(rate + offset))
        return cells

    return _money_rewritten(text, moved)


def points_in_score_heading(text: str) -> str | None:
    """The money table without a 分值 column, the rate's points said in the score's heading instead (the Hubei form's
    预算数(A) | 执行数(B) | 执行率(B/A) | 得分(20分*执行率), 136, 212, 229): the column dropped and 得分 headed
    得分(N分*执行率), N the points its first row prints."""
    found = _money_rows(text)
    if found is None or "得分" not in found[1]:
        return None
    rows, heading = found
    weight = _money_at(heading, _WEIGHT_HEADINGS)
    points = rows[1][1][weight + rows[1][2] + 1 - len(heading)]
    if not re.fullmatch(r"\d+", points):
        return None

    def dropped(cells: list[str], offset: int, heading_row: bool) -> list[str]:
        if heading_row:
            cells = [f"得分({points}分*执行率)" if cell == "得分" else cell for cell in cells]
        del cells[weight + offset]
        return cells

    return _money_rewritten(text, dropped)


def money_pairs_in_cells(text: str) -> str | None:
    """The money table's headings each written with its figure in one cell after the row's label (年度资金总额 |
    年初预算数：100 | 全年预算数：120 | 全年执行数：110 | 分值：10 | 执行率：91.67% | 得分：9.17), as forms laid out in
    lines rather than a grid print it: the heading row dropped, the total's row and its parts' rewritten so (a mark
    of none, —, left out: a form in lines writes no heading it has no figure for)."""
    found = _money_rows(text)
    if found is None:
        return None
    rows, heading = found
    lines = text.split("\n")
    for index, cells, last in rows[1:]:
        # (the figures stand under the headings from the row's end: a budget left blank may be lost from the front)
        offset = last + 1 - len(heading)
        label = [cell for cell in cells[:max(offset, 0)] if cell and not _FIGURE_CELL.fullmatch(cell)]
        pairs = [f"{word}：{cells[at + offset]}" for at, word in enumerate(heading)
                 if at + offset >= 0 and _FIGURE_CELL.fullmatch(cells[at + offset])
                 and not _NONE_CELL.fullmatch(cells[at + offset]) and _MONEY_HEADING_WORD.search(word)]
        lines[index] = _line_cells(lines[index])[1]([*label[-1:], *pairs])
    del lines[rows[0][0]]
    return "\n".join(lines)


# the money table's headings that name a figure (not its row labels' column, 项目资金(万元))
_MONEY_HEADING_WORD = re.compile(r"预算|执行|支出|分值|权重|得分|评分")


SELFEVAL_TRANSFORMS: dict[str, Callable[[str], str | None]] = {
    "points_as_weight": points_as_weight,
    "points_as_index": points_as_index,
    "full_year_headings": full_year_headings,
    "actual_as_situation": actual_as_situation,
    "weight_before_target": weight_before_target,
    "money_in_yuan": money_in_yuan,
    "execution_after_grid": execution_after_grid,
    "chongqing_headings": chongqing_headings,
    "xinjiang_headings": xinjiang_headings,
    "shandong_headings": shandong_headings,
    "fujian_headings": fujian_headings,
    "monitoring_headings": monitoring_headings,
    "completion_rate_column": completion_rate_column,
    "scoring_rule_column": scoring_rule_column,
    "rate_before_weight": rate_before_weight,
    "points_in_score_heading": points_in_score_heading,
    "money_pairs_in_cells": money_pairs_in_cells,
}
