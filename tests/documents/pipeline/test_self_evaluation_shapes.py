"""The standard self-evaluation form (财预〔2020〕10号's 项目支出绩效自评表) in the shapes real copies give it: headings
wrapped over several fixed-width lines (text taken out of a PDF), totals rows labelled in the forms' other words or
letter-spaced across a wide cell, a total claimed below the grid, money headings beside their figures after the
row's label. Compact made-up cases; each checks what lands in the sheet's printed records."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.documents.pipeline import read_text
from jixiao.documents.pipeline.labels import split_lines
from jixiao.documents.pipeline.tokens import display_width, text_lines
from jixiao.documents.pipeline.wrapped import join_wrapped_headings
from jixiao.model import Likelihood

_MONEY = [["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
          ["年度资金总额", "100", "120", "110", "10", "91.67%", "9.17"]]
_GRID = [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
         ["产出指标", "数量指标", "新建道路长度", "≥10公里", "12公里", "20", "20", ""],
         ["", "质量指标", "验收合格率", "100%", "98%", "20", "18", "个别路段返工"]]


def read(text: str):
    return read_text(text.encode(), "case.txt")[0]


def fixed_width(rows: list[list[str]], wrap: dict[int, int]) -> str:
    """The rows as a PDF's text prints them: columns padded to one display width; the cells of row ``i`` longer
    than ``wrap[i]`` wrapped onto the lines below, each part in its column."""
    cells = [[_wrapped(cell, wrap.get(index)) for cell in row] for index, row in enumerate(rows)]
    widths = [max(display_width(part) for row in cells if column < len(row) for part in row[column])
              for column in range(max(map(len, rows)))]
    lines = []
    for row in cells:
        for depth in range(max(map(len, row))):
            parts = [row[column][depth] if column < len(row) and depth < len(row[column]) else ""
                     for column in range(len(widths))]
            lines.append("".join(part + " " * (width - display_width(part) + 2)
                                 for part, width in zip(parts, widths)).rstrip())
    return "\n".join(lines)


def _wrapped(text: str, width: int | None) -> list[str]:
    if width is None:
        return [text]
    return [text[start:start + width // 2] for start in range(0, len(text), width // 2)] or [""]


def _form(money_wrap: int | None, grid_wrap: int | None) -> str:
    rows = [["项目支出绩效自评表"], ["项目名称", "乡村道路建设"], ["主管部门", "某县交通局", "实施单位", "某县公路所"],
            *_MONEY, *_GRID, ["总分", "", "", "", "", "40", "38", ""]]
    wrap = {index: width for index, width in ((3, money_wrap), (5, grid_wrap)) if width}
    return fixed_width(rows, wrap)


@pytest.mark.parametrize(("money_wrap", "grid_wrap"), [(6, None), (None, 6), (6, 6), (4, 4)])
def test_headings_wrapped_over_fixed_width_lines_are_read_as_one_header(money_wrap, grid_wrap):
    # 年初预 / 算数, 年度指 / 标值, 偏差原因 / 分析及改 / 进措施: each part in its column, the one-line headings (分值, 得分)
    # beside the first part
    sheet = read(_form(money_wrap, grid_wrap)).sheets[0]
    evaluation = sheet.evaluation
    assert (evaluation.budget_initial, evaluation.budget_full, evaluation.spent, evaluation.execution_rate,
            evaluation.execution_weight, evaluation.execution_score) == (
        Decimal(100), Decimal(120), Decimal(110), Decimal("91.67"), Decimal(10), Decimal("9.17"))
    assert [(i.name, i.target.raw, i.weight) for i in sheet.indicators] == [
        ("新建道路长度", "≥10公里", 20), ("验收合格率", "100%", 20)]
    assert [(item.actual_raw, item.score) for item in evaluation.items] == [("12公里", 20), ("98%", 18)]
    assert evaluation.total == 38


def test_points_written_with_their_unit_are_read_as_the_settled_table_weighs_them():
    # 10分 in the 预算执行率 row and 20分 in a 分值 cell: the records keep the figures the table's sums were weighed
    # with (settle.weighed_figure), not a second reading that drops a figure written with its unit
    money = [_MONEY[0], ["年度资金总额", "100", "120", "110", "10分", "91.67%", "9.17分"]]
    grid = [_GRID[0], [*_GRID[1][:5], "20分", "20分", ""], _GRID[2]]
    rows = [["项目支出绩效自评表"], *money, *grid]
    evaluation = read("\n".join("| " + " | ".join(row) + " |" for row in rows)).sheets[0].evaluation
    assert (evaluation.execution_weight, evaluation.execution_score) == (Decimal(10), Decimal("9.17"))
    assert [(item.weight, item.score) for item in evaluation.items] == [(20, 20), (20, 18)]


@pytest.mark.parametrize("written", ["NaN", "Infinity", "-Infinity", "sNaN", "1e999999", "Inf"])
def test_a_cell_decimal_reads_but_no_document_writes_as_a_figure_is_no_figure(written):
    # Decimal reads NaN, Infinity and exponents; taken as points they broke the sheet's records (a NaN compared as an
    # error, an infinite score failed the model's check): in the 分值 and 得分 cells they are no figures
    money = [_MONEY[0], ["年度资金总额", "100", "120", "110", "10", "91.67%", written]]
    grid = [_GRID[0], [*_GRID[1][:5], written, written, ""], _GRID[2]]
    rows = [["项目支出绩效自评表"], *money, *grid, ["总分", "", "", "", "", "40", written, ""]]
    evaluation = read("\n".join("| " + " | ".join(row) + " |" for row in rows)).sheets[0].evaluation
    assert (evaluation.execution_weight, evaluation.execution_score) == (Decimal(10), None)
    assert [(item.weight, item.score) for item in evaluation.items] == [(None, None), (20, 18)]


def test_stacked_labels_of_the_header_block_are_not_joined_as_a_wrapped_heading():
    # 项目名称 above 主管部门 stand in one column, but each is a label of its own
    text = fixed_width([["项目名称", "乡村道路建设"], ["主管部门", "某县交通局"], *_MONEY], {})
    lines = join_wrapped_headings(split_lines(text_lines(text)))
    assert [line.texts for line in lines][:3] == [["项目名称", "乡村道路建设"], ["主管部门", "某县交通局"], _MONEY[0]]


def _with_total(label: str, separator: str) -> str:
    rows = [["项目支出绩效自评表"], *_MONEY, *_GRID, [label, "", "", "", "", "40", "38", ""]]
    if separator == "|":
        return "\n".join("| " + " | ".join(row) + " |" for row in rows)
    return "\n".join(separator.join(cell for cell in row if cell) for row in rows)


@pytest.mark.parametrize("label", ["合计", "自评总分", "综合得分", "得分合计", "总  分"])
@pytest.mark.parametrize("separator", ["|", "  ", "\n"])
def test_a_totals_row_in_the_forms_words_claims_the_total_and_is_no_indicator(label, separator):
    # the weights' sum first, then the score's: the total claimed is the last figure
    sheet = read(_with_total(label, separator)).sheets[0]
    assert [i.name for i in sheet.indicators] == ["新建道路长度", "验收合格率"]
    assert sheet.evaluation.total == 38


@pytest.mark.parametrize("separator", ["|", "  ", "\n"])
def test_the_total_claimed_below_the_grid_as_a_header_block_claims_it(separator):
    rows = [["项目支出绩效自评表"], *_MONEY, *_GRID, ["自评得分：38分", "自评等级：差"]]
    text = "\n".join(" | ".join(row) if separator == "|" else separator.join(row) for row in rows)
    assert read(text).sheets[0].evaluation.total == 38


def test_a_claim_in_the_next_sheets_header_block_is_not_the_total_of_the_grid_above():
    rows = [["项目支出绩效自评表"], *_MONEY, *_GRID, ["项目支出绩效自评表"], ["项目名称", "乡村公路养护"],
            ["自评得分", "95"], *_MONEY, *_GRID]
    first, second = read("\n".join("| " + " | ".join(row) + " |" for row in rows)).sheets
    assert (first.evaluation.total, second.evaluation.total) == (None, 95)


@pytest.mark.parametrize(("heading", "key"), [("实际执行数", "spent"), ("全年实际执行数", "spent"),
                                              ("调整后全年预算数", "budget_full"), ("全年执行率", "execution_rate")])
def test_money_headings_in_other_forms_words(heading, key):
    headings = {"spent": ["年初预算数", "全年预算数", heading, "分值", "执行率", "得分"],
                "budget_full": ["年初预算数", heading, "全年执行数", "分值", "执行率", "得分"],
                "execution_rate": ["年初预算数", "全年预算数", "全年执行数", "分值", heading, "得分"]}[key]
    rows = [["项目支出绩效自评表"], ["项目资金（万元）", *headings], _MONEY[1], *_GRID]
    evaluation = read("\n".join(cell for row in rows for cell in row if cell)).sheets[0].evaluation  # one per line
    assert (evaluation.budget_full, evaluation.spent, evaluation.execution_rate, evaluation.execution_weight) == (
        Decimal(120), Decimal(110), Decimal("91.67"), Decimal(10))


def test_money_headings_each_beside_its_figure_after_the_rows_label():
    pairs = [cell for heading, figure in zip(_MONEY[0][1:], _MONEY[1][1:]) for cell in (heading, figure)]
    rows = [["项目支出绩效自评表"], ["项目资金（万元）", *pairs], *_GRID]
    evaluation = read("\n".join("| " + " | ".join(row) + " |" for row in rows)).sheets[0].evaluation
    assert (evaluation.budget_initial, evaluation.spent, evaluation.execution_rate, evaluation.execution_score) == (
        Decimal(100), Decimal(110), Decimal("91.67"), Decimal("9.17"))


@pytest.mark.parametrize(("spending", "kind"), [("全年执行数", "self-eval"), ("1-6月执行数", "monitor")])
def test_a_sheet_whose_title_was_not_read_is_told_by_what_its_money_block_says_was_spent(spending, kind):
    # a copy starting at the money block: no title says 自评 or 监控, and the grid has only the goal's columns
    rows = [["项目名称", "乡村道路建设"], ["项目资金（万元）", "全年预算数", spending, "执行率"],
            ["年度资金总额", "120", "110", "91.67%"], _GRID[0][:4], *[row[:4] for row in _GRID[1:]]]
    document = read("\n".join("| " + " | ".join(row) + " |" for row in rows))
    assert document.kind == kind
    assert (document.sheets[0].evaluation is not None) == (kind == "self-eval")


@pytest.mark.parametrize("separator", ["|", "  ", "\n"])
def test_points_written_with_their_unit(separator):
    grid = [_GRID[0], *[[*row[:5], f"{row[5]}分", f"{row[6]}分", row[7]] for row in _GRID[1:]]]
    rows = [["项目支出绩效自评表"], *_MONEY, *grid]
    if separator == "|":
        text = "\n".join("| " + " | ".join(row) + " |" for row in rows)
    else:
        text = "\n".join(separator.join(cell for cell in row if cell) for row in rows)
    evaluation = read(text).sheets[0].evaluation
    assert [(item.weight, item.score) for item in evaluation.items] == [(20, 20), (20, 18)]


def test_group_headings_above_the_level_headings_one_cell_per_line():
    # an HTML table's two header rows copied one cell per line: 绩效指标 (over the three levels), the columns that
    # span both rows, then the level headings of the second row
    header = ["绩效指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施", "一级指标", "二级指标", "三级指标"]
    rows = [["项目支出绩效自评表"], *_MONEY, header, *_GRID[1:]]
    sheet = read("\n".join(cell for row in rows for cell in row if cell)).sheets[0]
    assert [(i.name, i.target.raw) for i in sheet.indicators] == [("新建道路长度", "≥10公里"), ("验收合格率", "100%")]
    assert [(item.actual_raw, item.score, item.deviation) for item in sheet.evaluation.items] == [
        ("12公里", 20, None), ("98%", 18, "个别路段返工")]


_MONITOR = [["项目支出绩效运行监控表"], ["项目名称", "乡村道路建设"],
            ["项目资金（万元）", "年初预算数", "1-7月执行数", "1-7月执行率", "全年预计执行数"],
            ["年度资金总额", "120", "60", "50%", "120"],
            ["一级指标", "二级指标", "三级指标", "年度指标值", "1-7月执行情况", "全年预计完成情况", "偏差原因分析",
             "完成目标可能性", "备注"],
            ["产出指标", "数量指标", "新建道路长度", "≥10公里", "5公里", "10公里", "", "确定能", ""],
            ["", "质量指标", "验收合格率", "100%", "98%", "100%", "", "有可能", ""]]


@pytest.mark.parametrize("separator", ["|", "  ", "\n"])
def test_a_monitoring_table_whose_headings_name_the_period(separator):
    # 1-7月执行率 and 1-7月执行情况: the period before the heading; the empty 偏差原因 cells are left out of the copy
    if separator == "|":
        text = "\n".join("| " + " | ".join(row) + " |" for row in _MONITOR)
    else:
        text = "\n".join(separator.join(cell for cell in row if cell) for row in _MONITOR)
    monitoring = read(text).sheets[0].monitoring
    assert (monitoring.budget, monitoring.spent, monitoring.execution_rate, monitoring.projected_spent,
            monitoring.months) == (120, 60, 50, 120, 7)
    assert [(item.actual_raw, item.projected_raw, item.likelihood, item.cause) for item in monitoring.items] == [
        ("5公里", "10公里", Likelihood.CERTAIN, None), ("98%", "100%", Likelihood.POSSIBLE, None)]


def test_a_web_table_copied_from_the_browser_whose_rows_start_with_an_empty_cell():
    # one TAB between cells; the standard form's rows under the 绩效指标 column start with its empty cell, so with a
    # TAB, as a Word table's text starts every cell's line: here the line holds the row's other TABs
    rows = [["项目支出绩效自评表"], _MONEY[0], _MONEY[1], ["绩效指标", *_GRID[0]],
            *[["", *row] for row in _GRID[1:]] * 3]
    sheet = read("\n".join("\t".join(row) for row in rows)).sheets[0]
    assert sheet.evaluation.spent == 110
    assert [(item.actual_raw, item.weight, item.score) for item in sheet.evaluation.items][:2] == [
        ("12公里", 20, 20), ("98%", 20, 18)]


def test_a_body_cell_wrapped_over_three_lines_centered_on_its_row():
    # a PDF's text prints a three-line cell around its row: its first part above the row's line (whose own cell in
    # that column is empty), its last part below; the name of the row after it is its own
    text = "\n".join([
        "项目支出绩效自评表",
        "一级指标    二级指标    三级指标      年度指标值  实际完成值  分值  得分",
        "                        新建农村公路",
        "产出指标    数量指标                  ≥10公里     12公里      20    20",
        "                        道路长度",
        "            质量指标    验收合格率    100%        98%         20    18",
    ])
    sheet = read(text).sheets[0]
    assert [(i.name.replace("\n", ""), i.target.raw) for i in sheet.indicators] == [
        ("新建农村公路道路长度", "≥10公里"), ("验收合格率", "100%")]
    assert [(item.actual_raw, item.score) for item in sheet.evaluation.items] == [("12公里", 20), ("98%", 18)]


@pytest.mark.parametrize(("weight", "score"), [("标准分值", "自评分"), ("标准分", "得分"), ("权重分", "自评分数")])
def test_points_headings_in_other_forms_words(weight, score):
    grid = [[*_GRID[0][:5], weight, score, _GRID[0][7]], *_GRID[1:]]
    rows = [["项目支出绩效自评表"], *_MONEY, *grid]
    evaluation = read("\n".join("| " + " | ".join(row) + " |" for row in rows)).sheets[0].evaluation
    assert [(item.weight, item.score) for item in evaluation.items] == [(20, 20), (20, 18)]


@pytest.mark.parametrize("headings", [
    "一级指标 | 二级指标 | 三级指标 | 计划目标值 | 实际达成值 | 标准分 | 实际得分",
    "一级指标 | 二级指标 | 三级指标 | 年度预期目标 | 年度实际完成 | 指标分值 | 评价得分",
])
def test_other_spellings_of_the_target_actual_and_score_headings(headings):
    # before, 计划目标值 / 年度预期目标 named no column: the rows had no target (P114), the score none
    sheet = read_text("\n".join([
        "某项目绩效自评表", f"| {headings} |",
        "| 产出指标 | 数量指标 | 护林员人数 | ≥48人 | 48人 | 20 | 20 |",
        "| 效益指标 | 社会效益指标 | 带动增收人数 | ≥48人 | 45人 | 30 | 28 |"]).encode(), "case.txt")[0].sheets[0]
    assert [i.target.raw for i in sheet.indicators] == ["≥48人", "≥48人"]
    assert [(item.actual_raw, item.score) for item in sheet.evaluation.items] == [("48人", 20), ("45人", 28)]


def test_a_target_column_whose_heading_is_the_forms_own_wording_is_told_by_its_cells():
    # 本年绩效目标 is no heading the vocabulary knows: its cells, a target in every full row, say what it is
    sheet = read_text("\n".join([
        "某项目绩效自评表", "| 一级指标 | 二级指标 | 三级指标 | 本年绩效目标 | 实际完成值 | 分值 | 得分 |",
        "| 产出指标 | 数量指标 | 护林员人数 | ≥48人 | 48人 | 20 | 20 |",
        "| 效益指标 | 社会效益指标 | 带动增收人数 | ≥48人 | 45人 | 30 | 28 |"]).encode(), "case.txt")[0].sheets[0]
    assert [i.target.raw for i in sheet.indicators] == ["≥48人", "≥48人"]
    assert [(item.actual_raw, item.score) for item in sheet.evaluation.items] == [("48人", 20), ("45人", 28)]
