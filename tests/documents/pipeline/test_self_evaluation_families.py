"""The families of self-evaluation forms (财预〔2020〕10号's 项目支出绩效自评表 and the provincial forms built on it),
each in the text layouts copies give them: the money table's columns in other words or over two header rows, the
执行率 printed as a fraction or without its sign, the 得分 column before the 分值 column, the claimed total in a
totals row, a header block or a sentence, the grade in a row of its own or said. Made-up compact forms
(``tests/documents/selfeval_forms.py``); each case checks what lands in the sheet's printed records (what the audit
recomputes)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.documents.pipeline import read_text
from jixiao.documents.pipeline.labels import column_kind
from tests.documents.selfeval_forms import GRID, ITEMS, LAYOUTS, MONEY, MONEY_READ, TOTAL, form, read_form


def _evaluation(rows: list[list[str]], layout: str):
    sheet = read_form(rows, layout)
    return sheet, sheet.evaluation


def _evaluation_of(text: str):
    sheet = read_text(text.encode(), "case.txt")[0].sheets[0]
    return sheet, sheet.evaluation


def _money(evaluation) -> tuple:
    return (evaluation.budget_initial, evaluation.budget_full, evaluation.spent, evaluation.execution_rate,
            evaluation.execution_weight, evaluation.execution_score)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("headings", [
    ["年初预算数", "调整预算数", "执行数", "分值", "执行率", "得分"],  # 调整预算数: the year's budget after its adjustment
    ["年初预算数", "全年预算数", "全年支出数", "分值", "支出率", "得分"],  # what was spent said 支出
    ["年初预算数", "年度预算数", "年度执行数", "分值", "执行率", "得分"],  # 年度 (no label 年度 run on with its value)
    ["年初预算", "全年预算数（A）", "实际支出数（B）", "权重", "资金使用率（B/A）", "得分"],
    ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率（%）", "得分"],
    # the points columns in the words the indicator grid's own use (the Sichuan and Chongqing forms, county forms)
    ["年初预算数", "全年预算数", "全年执行数", "权重", "执行率", "自评得分"],
    ["年初预算数", "全年预算数", "全年执行数", "指标分值", "执行率", "评分"],
])
def test_money_columns_named_in_other_forms_words(headings, layout):
    _, evaluation = _evaluation(form(money=[["项目资金（万元）", *headings], MONEY[1]]), layout)
    assert _money(evaluation) == MONEY_READ


@pytest.mark.parametrize("layout", ["pipes", "tabs"])  # (a TAB row's first empty cell kept: it opens the line)
@pytest.mark.parametrize("heading_rows", [
    # each heading wrapped in its cell: its head on the first row, its tail under it on the second
    [["项目资金（万元）", "年初", "全年", "全年", "分值", "执行率", "得分"], ["", "预算数", "预算数", "执行数", "", "", ""]],
    # a group heading over the columns it spans (a merged cell), its parts on the second row
    [["项目资金（万元）", "预算数", "", "全年执行数", "分值", "执行率", "得分"], ["", "年初", "全年", "", "", "", ""]],
])
def test_money_headings_over_two_header_rows(heading_rows, layout):
    _, evaluation = _evaluation(form(money=[*heading_rows, MONEY[1]]), layout)
    assert _money(evaluation) == MONEY_READ


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(("printed", "rate"), [
    ("0.9167", Decimal("91.67")),  # a fraction of one, as a spreadsheet formatted as a number prints it
    ("91.67", Decimal("91.67")),  # the percent without its sign
    ("91.67％", Decimal("91.67")),  # a full-width sign
])
def test_the_execution_rate_printed_as_a_fraction_or_without_its_sign(printed, rate, layout):
    figures = [*MONEY[1][:5], printed, MONEY[1][6]]
    _, evaluation = _evaluation(form(money=[MONEY[0], figures]), layout)
    assert evaluation.execution_rate == rate


@pytest.mark.parametrize(("printed", "budget", "spent", "rate"), [
    ("1", "120", "120", Decimal(100)),  # a whole 1 is all of the budget where that is what was spent
    ("1", "120", "1.2", Decimal(1)),  # and 1% where 1% was
    ("1.00", "120", "96", Decimal(100)),  # with decimals, a fraction even where the printed rate is wrong
    ("0.5", "120", "0.6", Decimal("0.5")),  # unless, read as a percent, it is what was spent
])
def test_a_rate_of_at_most_one_is_a_fraction_unless_the_money_says_it_is_a_percent(printed, budget, spent, rate):
    figures = ["年度资金总额", "100", budget, spent, "10", printed, "9"]
    _, evaluation = _evaluation(form(money=[MONEY[0], figures]), "pipes")
    assert evaluation.execution_rate == rate


def _reordered(order: list[int]) -> list[list[str]]:
    return [[row[index] for index in order] for row in [*GRID, TOTAL]]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("order", [
    [0, 1, 2, 5, 3, 4, 6, 7],  # 分值 before the target (the Anhui forms: 三级指标 | 分值 | 年度指标值 | 全年实际值 | 得分)
    [0, 1, 2, 3, 5, 4, 6, 7],  # 分值 between the target and the actual
    [0, 1, 2, 3, 4, 6, 5, 7],  # 得分 before 分值
])
def test_the_points_columns_in_another_order(order, layout):
    *grid, total = _reordered(order)
    _, evaluation = _evaluation(form(grid=grid, total=total), layout)
    assert [(item.actual_raw, item.weight, item.score) for item in evaluation.items] == ITEMS
    assert evaluation.total == Decimal("97.17")  # (the totals row's figures in the order of the grid's columns)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(("total", "after", "block", "grade"), [
    (["合计", "", "", "", "", "100", "97.17", ""], [], [], None),
    (None, [["经自评，该项目自评得分为97.17分，评价等级为优。"]], [], "优"),
    (None, [["自评结论：项目综合得分97.17分，等级为“优”。"]], [], "优"),
    (None, [["本项目绩效自评总得分97.17分。"]], [], None),
    (TOTAL, [["自评等级", "优"]], [], "优"),
    (TOTAL, [["评价等级：良"]], [], "良"),
    (None, [], [["自评得分", "97.17", "自评等级", "优"]], "优"),
])
def test_the_claimed_total_and_grade_in_a_row_a_header_block_or_a_sentence(total, after, block, grade, layout):
    sheet, evaluation = _evaluation(form(total=total, after=after, block=block), layout)
    assert (evaluation.total, evaluation.grade) == (Decimal("97.17"), grade)
    # a sentence below the grid is no indicator
    assert [indicator.name for indicator in sheet.indicators] == ["新建道路长度", "验收合格率", "受益群众人数", "群众满意度"]


@pytest.mark.parametrize("note", ["注：自评等级：90（含）-100分为优、80（含）-90分为良、60（含）-80分为中、60分以下为差。",
                                  "自评等级：优 良 中 差", "综合评分90分（含）以上为优。"])
def test_a_note_listing_the_grades_or_their_bands_claims_neither_grade_nor_total(note):
    _, evaluation = _evaluation(form(total=None, after=[[note]]), "pipes")
    assert (evaluation.total, evaluation.grade) == (None, None)


def test_an_amount_read_under_the_rate_heading_sends_the_money_to_the_texts_reading():
    # a PDF's text: the budget heading on a line of its own above the others, so the row's figures slide one heading
    # left (285.84 under 执行率); the text's run of headings and figures says which is which, the rate a fraction
    text = "\n".join(["项目支出绩效自评表", "项目名称  乡村道路建设", "预算数", "(A)执行数(B)  执行率(B/A)  得分",
                      "年度资金总额  285.84  285.84  1.00  20", *("    ".join(c for c in row if c) for row in GRID)])
    _, evaluation = _evaluation_of(text)
    assert (evaluation.budget_full, evaluation.spent, evaluation.execution_rate) == (
        Decimal("285.84"), Decimal("285.84"), Decimal(100))


_GRID_UNIT = ["一级指标", "二级指标", "三级指标", "年度指标值", "计量单位", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
_GRID_OPERATOR_UNIT = ["一级指标", "二级指标", "三级指标", "指标性质", "年度指标值", "度量单位", "实际完成值", "分值", "得分",
                       "偏差原因分析及改进措施"]


@pytest.mark.parametrize("layout", ["pipes", "tabs", "spaces"])
@pytest.mark.parametrize(("heading", "first", "rest", "targets"), [
    # the unit in a column of its own for a target with an operator; the other rows carry their units in their
    # figures and their empty unit cells are left out (Hubei and Anhui exports, a pipe layout dropping empty cells)
    (_GRID_UNIT, ["≥10", "公里"], [["100%", "98%"], ["5000人", "5200人"], ["90%", "95%"]],
     [("公里", 10), ("%", 100), ("人", 5000), ("%", 90)]),
    # operator and unit both in columns of their own (指标性质 | 指标值 | 度量单位, Sichuan and Yunnan), the rows
    # without an operator leaving both cells out, a target written as a bare figure among them
    (_GRID_OPERATOR_UNIT, ["≥", "10", "公里"], [["100%", "98%"], ["5000", "5200"], ["90%", "95%"]],
     [("公里", 10), ("%", 100), (None, 5000), ("%", 90)]),
])
def test_rows_that_leave_out_their_empty_unit_and_operator_cells(heading, first, rest, targets, layout):
    names = [row[:3] for row in GRID[1:]]
    points = [row[5:7] for row in GRID[1:]]
    grid = [heading, [*names[0], *first, "12公里", *points[0], ""],
            *([*name, *values, *point, *([reason] if reason else [])]
              for name, values, point, reason in zip(names[1:], rest, points[1:], [row[7] for row in GRID[2:]]))]
    sheet, evaluation = _evaluation(form(grid=grid), layout)
    actuals = ["12公里", *(values[1] for values in rest)]
    assert [(item.actual_raw, item.weight, item.score) for item in evaluation.items] == [
        (actual, weight, score) for actual, (_, weight, score) in zip(actuals, ITEMS)]
    assert [(indicator.target.unit, indicator.target.value) for indicator in sheet.indicators] == targets


@pytest.mark.parametrize("layout", ["pipes", "tabs"])
@pytest.mark.parametrize("tails", [
    ["指标", "指标", "指标", ""],  # 一级 / 指标: each level heading wrapped in its narrow cell
    ["", "", "", "(年度)"],  # 年度指标值 / (年度): the period under the target's heading
])
def test_heading_tails_on_a_row_of_their_own_under_a_header_cut_over_lines(tails, layout):
    # the header's row cut over several lines (a PDF's text: the headings of one row on three lines), its first
    # line's headings wrapped in their cells, the tails on the row below; the first line alone is no header
    heads = ["一级", "二级", "三级", "年度指标值"] if tails[0] else ["一级指标", "二级指标", "三级指标", "指标值"]
    header = [heads, tails, ["实际完成值"], ["分值", "得分", "偏差原因分析及改进措施"]]
    sheet, evaluation = _evaluation(form(grid=[*header, *GRID[1:]]), layout)
    assert [(item.actual_raw, item.weight, item.score) for item in evaluation.items] == ITEMS
    assert [(indicator.level1, indicator.name) for indicator in sheet.indicators][:2] == [
        ("产出指标", "新建道路长度"), ("产出指标", "验收合格率")]


def _items(sheet) -> list[tuple]:
    return [(item.actual_raw, item.weight, item.score) for item in sheet.evaluation.items]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(("column", "heading"), [
    # the indicator's points (权重, 分值 …) as the provinces' forms head them, the full marks a row may earn
    (5, "权重"), (5, "指标分值"), (5, "满分"), (5, "配分"), (5, "分值（分）"),
    # what was achieved, with the period before it or the figure's word after it
    (4, "全年实际值"), (4, "实际完成情况"), (4, "实际完成数"), (4, "实际执行情况"), (4, "实际达到值"), (4, "全年实际完成数"),
    # the points given, with who gave them before and the figure's word after
    (6, "自评得分"), (6, "评分"), (6, "考核得分"), (6, "单位自评得分"), (6, "评分结果"), (6, "得分值"),
])
def test_points_and_achieved_columns_headed_in_other_forms_words(column, heading, layout):
    grid = [[heading if index == column else cell for index, cell in enumerate(GRID[0])], *GRID[1:]]
    assert _items(read_form(form(grid=grid), layout)) == ITEMS


@pytest.mark.parametrize("heading", ["得分率", "实际完成率", "执行数", "综合得分", "评分标准"])
def test_a_rate_an_amount_a_total_or_a_standard_is_no_points_or_achieved_heading(heading):
    # (a rate of the points or of the target, the money table's 执行数, a totals row's label, the scoring rules)
    assert column_kind(heading) not in ("weight", "score", "actual")


_LEVEL_POINTS_GRIDS = [
    # a level's points in a column beside its name, the indicator's after the names (一级指标 | 分值 | … | 分值 | 得分)
    [["一级指标", "分值", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
     ["产出指标", "50", "数量指标", "新建道路长度", "≥10公里", "12公里", "30", "30"],
     ["", "", "质量指标", "验收合格率", "100%", "98%", "20", "18"],
     ["效益指标", "30", "社会效益指标", "受益群众人数", "≥5000人", "5200人", "30", "30"],
     ["满意度指标", "10", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "10", "10"]],
    # each level with a points column of its own (一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | …)
    [["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "年度指标值", "实际完成值", "得分"],
     ["产出指标", "50", "数量指标", "30", "新建道路长度", "30", "≥10公里", "12公里", "30"],
     ["", "", "质量指标", "20", "验收合格率", "20", "100%", "98%", "18"],
     ["效益指标", "30", "社会效益指标", "30", "受益群众人数", "30", "≥5000人", "5200人", "30"],
     ["满意度指标", "10", "服务对象满意度指标", "10", "群众满意度", "10", "≥90%", "95%", "10"]],
    # the level's points written after its name without brackets (产出指标 50分, 效益指标：30分)
    [GRID[0], ["产出指标 50分", *GRID[1][1:]], GRID[2], ["效益指标：30分", *GRID[3][1:]], ["满意度指标 10分", *GRID[4][1:]]],
]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("grid", _LEVEL_POINTS_GRIDS, ids=["level-column", "every-level-column", "after-the-name"])
def test_a_levels_points_are_not_the_indicators(grid, layout):
    sheet = read_form(form(grid=grid, total=None), layout)
    assert _items(sheet) == ITEMS
    assert [(indicator.level1, indicator.name) for indicator in sheet.indicators] == [
        ("产出指标", "新建道路长度"), ("产出指标", "验收合格率"), ("效益指标", "受益群众人数"), ("满意度指标", "群众满意度")]


# the money table below the grid, before the total (forms that score the execution last): its label heading the
# row of its headings, or on a row of its own above them
_BELOW = [[["项目资金（万元）", *MONEY[0][1:]]], [["预算执行情况（万元）（10分）"], ["", *MONEY[0][1:]]]]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("headings", _BELOW)
def test_the_money_table_below_the_grid(headings, layout):
    rows = form()
    money = [*headings, MONEY[1], ["其中：当年财政拨款", "100", "120", "110", "—", "91.67%", "—"]]
    above = [row for row in rows if row not in (MONEY[0], *money[-2:])]
    total = above.index(TOTAL)
    sheet, evaluation = _evaluation([*above[:total], *money, *above[total:]], layout)
    assert _money(evaluation) == MONEY_READ
    assert _items(sheet) == ITEMS and evaluation.total == Decimal("97.17")


def test_the_money_table_below_the_grid_cut_up_one_cell_a_line():
    # a Yunnan form copied one cell a line, its headings' notes on lines of their own (得分 / (20分*执行率)): the text's
    # run of headings and figures below the grid says the money
    cells = [["年度绩效目标", "(80分)"], ["一级指标"], ["二级指标"], ["三级指标"], ["年初目标值(A)"], ["实际完成值(B)"], ["得分"],
             ["产出指标(40分)"], ["数量指标"], ["新建道路长度"], ["≥10公里"], ["12公里"], ["40"],
             ["效益指标(40分)"], ["社会效益指标"], ["受益群众人数"], ["≥5000人"], ["5200人"], ["40"],
             ["预算执行情况(万元)", "(20分)"], [], ["预算数(A)"], ["执行数(B)"], ["执行率(B/A)"], ["得分", "(20分*执行率)"],
             ["年度财政资金总额"], ["120"], ["110"], ["91.67%"], ["18.33"], ["总分(100分)"], ["98.33"], ["自评等级"], ["优"]]
    text = "项目支出绩效自评表 |\n项目名称 |\n乡村道路建设 |\n" + "\n".join("\n".join(cell) + "\n|" for cell in cells)
    sheet, evaluation = _evaluation_of(text)
    assert [indicator.name for indicator in sheet.indicators] == ["新建道路长度", "受益群众人数"]
    assert (evaluation.budget_full, evaluation.spent, evaluation.execution_rate, evaluation.execution_weight,
            evaluation.execution_score) == (Decimal(120), Decimal(110), Decimal("91.67"), Decimal(20), Decimal("18.33"))
    assert (evaluation.total, evaluation.grade) == (Decimal("98.33"), "优")


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_list_below_the_grid_under_its_own_serial_heading_is_no_indicator(layout):
    # the schools a fund was shared among, listed right below the grid (corpus 219): one cell a line, its 序号 alone
    # on a line ends the grid as the row of headings does in a table
    listed = [["序号", "学校性质", "培训机构", "补助资金"], ["1", "民办", "某职业培训学校", "218.92"],
              ["2", "民办", "某护工培训学校", "234"]]
    sheet = read_form(form(total=None, after=listed), layout)
    assert [indicator.name for indicator in sheet.indicators] == ["新建道路长度", "验收合格率", "受益群众人数", "群众满意度"]
    assert _items(sheet) == ITEMS
