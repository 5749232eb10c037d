"""Columns a form adds before or after the indicator's own (a 序号 numbering the rows, a 备注 at the end) and grids
whose heading row is not in the file: the header's vocabulary names the columns where it is there, the cells' content
where it is not, and a row whose merged cells were dropped is never read by position only because its padding
makes it as wide as the header. Made-up tables of each family, in the layouts the family is printed in."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.documents import read_bytes
from jixiao.documents.pipeline import read_text
from jixiao.documents.pipeline.labels import Role, label, split_description
from tests.documents.office_files import LEFT, UP, docx_file, xlsx_file


def read(lines: list[str]):
    return read_text("\n".join(lines).encode(), "case.txt")[0]


def rows(document) -> list[tuple]:
    return [(i.level1, i.level2, i.name, i.target.raw) for i in document.sheets[0].indicators]


def points(document) -> list[tuple]:
    sheet = document.sheets[0]
    return [(item.actual_raw, item.weight, item.score) for item in sheet.evaluation.items]


_SELF_EVALUATED = [("产出指标", "数量指标", "新建村道长度", "≥5公里"), ("产出指标", "数量指标", "改造危桥数量", "≥3座"),
                   ("产出指标", "质量指标", "工程验收合格率", "100%")]
_POINTS = [("6公里", Decimal(20), Decimal(20)), ("3座", Decimal(20), Decimal(20)), ("100%", Decimal(10), Decimal(10))]


# -- a 序号 column ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("heading", ["| 序号 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 实际完成值 | 分值 | 得分 |",
                                     # (the heading of the numbers ran into the title above: the header names no
                                     # column of them, and every row still opens with one)
                                     "| 一级指标 | 二级指标 | 三级指标 | 指标值 | 实际完成值 | 分值 | 得分 |"])
@pytest.mark.parametrize("spaced", [False, True])
def test_a_serial_column_before_rows_whose_level_cells_were_merged_away(heading, spaced):
    lines = [heading, "| 1 | 产出指标 | 数量指标 | 新建村道长度 | ≥5公里 | 6公里 | 20 | 20 |",
             "| 2 | 改造危桥数量 | ≥3座 | 3座 | 20 | 20 |", "| 3 | 质量指标 | 工程验收合格率 | 100% | 100% | 10 | 10 |"]
    if spaced:  # (runs of spaces between the cells, as a PDF's text gives them)
        lines = [line.strip("| ").replace(" | ", "    ") for line in lines]
    document = read(["项目支出绩效自评表", *lines])
    assert rows(document) == _SELF_EVALUATED
    assert points(document) == _POINTS
    assert document.unaccounted == 0  # (each row's number is counted with it, placed nowhere)


def test_a_padded_row_as_wide_as_the_header_is_read_by_its_cells_not_by_position():
    # the number and the padding make the short row exactly as wide as the header (序号 … 指标值 | 分值): read by
    # position its name would be a level-1 name and its target a level-2 one
    document = read(["项目支出绩效目标表", "| 序号 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 分值 |",
                     "| 1 | 产出指标 | 数量指标 | 新建村道长度 | ≥5公里 | 20 |",
                     "| 2 | 改造危桥数量 | ≥3座 | 20 |  |  |"])
    assert rows(document) == _SELF_EVALUATED[:2]
    assert [i.weight for i in document.sheets[0].indicators] == [Decimal(20), Decimal(20)]


def test_a_serial_column_of_a_long_export_whose_project_cells_stand_after_it():
    # 序号 | 单位名称 | 项目名称 | 预算数 | 年度目标 | levels …: the second project's first row lost its 单位名称 (merged
    # above) and still opens with its number; the department's subtotal row above the projects is no indicator
    document = read(["| 序号 | 单位名称 | 项目名称 | 预算数 | 年度目标 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 |",
                     "| 1 | 801-某镇部门 | 120,000.00 |  |  |  |  |  |  |  |  |",
                     "| 2 | 801001-某镇人民政府 | 村道养护经费 | 80,000.00 | 养护村道 | 产出指标 | 数量指标 | 养护村道长度 | ≥ | 12 | 公里 |",
                     "| 3 | 产出指标 | 质量指标 | 养护合格率 | ≥ | 95 | % |",
                     "| 4 | 村级活动经费 | 40,000.00 | 保障村级活动 | 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥ | 90 | % |"])
    assert [(sheet.name, [i.name for i in sheet.indicators]) for sheet in document.sheets] == [
        ("村道养护经费", ["养护村道长度", "养护合格率"]), ("村级活动经费", ["群众满意度"])]
    assert document.unaccounted == 0


@pytest.mark.parametrize("office", ["docx", "xlsx"])
def test_a_serial_column_of_a_grid_holds_the_numbers(office):
    table = [["序号", "一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"],
             ["1", "产出指标", "数量指标", "新建村道长度", "≥5公里", "6公里", "20", "20"],
             ["2", UP, UP, "改造危桥数量", "≥3座", "3座", "20", "20"],
             ["3", UP, "质量指标", "工程验收合格率", "100%", "100%", "10", "10"]]
    data = docx_file("项目支出绩效自评表", table) if office == "docx" else xlsx_file(table)
    document = read_bytes(data, f"case.{office}")
    assert rows(document) == _SELF_EVALUATED
    assert points(document) == _POINTS


# one cell a line (a PDF's or a web page's table copied): each row opens with its 序号, the next one (the last plus 1)
_SERIAL_SELF_EVALUATION = (["序号", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
                           [["1", "产出指标", "数量指标", "新建村道长度", "≥5公里", "6公里", "20", "20", "无"],
                            ["2", "改造危桥数量", "≥3座", "3座", "20", "20", "无"],
                            ["3", "质量指标", "工程验收合格率", "100%", "100%", "10", "10", "无"],
                            ["4", "效益指标", "社会效益指标", "群众出行条件改善", "有效改善", "有效改善", "30", "28", "部分路段尚未完工"],
                            ["5", "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "10", "10", "无"]])
_SERIAL_GOALS = (["序号", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "备注"],
                 [["1", "产出指标", "数量指标", "养护村道长度", "≥", "12", "公里", "含新建"],
                  ["2", "质量指标", "养护合格率", "≥", "95", "%", "无"],
                  ["3", "时效指标", "养护完成时间", "≤", "12", "月", "年底前"],
                  ["4", "满意度指标", "服务对象满意度指标", "群众满意度", "≥", "90", "%", "无"]])


def _one_cell_a_line(table: tuple[list[str], list[list[str]]], last_empty: bool) -> list[str]:
    """The table's cells one a line, each row's last cell (偏差原因, 备注) empty and so absent when ``last_empty``."""
    header, body = table
    return [*header, *(cell for row in body for cell in (row[:-1] if last_empty else row))]


@pytest.mark.parametrize("last_empty", [False, True])
def test_a_self_evaluation_one_cell_a_line_is_cut_at_each_rows_serial(last_empty):
    # the next row's number was taken for the row's 偏差原因 (or joined to it), and the row after it read as an
    # indicator of its own (name 部分路段尚未完工, target 5)
    document = read(["项目支出绩效自评表", *_one_cell_a_line(_SERIAL_SELF_EVALUATION, last_empty)])
    assert rows(document) == [*_SELF_EVALUATED, ("效益指标", "社会效益指标", "群众出行条件改善", "有效改善"),
                              ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%")]
    assert points(document) == [*_POINTS, ("有效改善", Decimal(30), Decimal(28)), ("95%", Decimal(10), Decimal(10))]
    deviations = [item.deviation for item in document.sheets[0].evaluation.items]
    assert deviations == ([None] * 5 if last_empty else ["无", "无", "无", "部分路段尚未完工", "无"])


@pytest.mark.parametrize("last_empty", [False, True])
def test_a_goal_table_one_cell_a_line_is_cut_at_each_rows_serial(last_empty):
    document = read(["项目支出绩效目标表", *_one_cell_a_line(_SERIAL_GOALS, last_empty)])
    indicators = document.sheets[0].indicators
    assert [(i.level1, i.level2, i.name) for i in indicators] == [
        ("产出指标", "数量指标", "养护村道长度"), ("产出指标", "质量指标", "养护合格率"), ("产出指标", "时效指标", "养护完成时间"),
        ("满意度指标", "服务对象满意度指标", "群众满意度")]
    assert [i.target.value for i in indicators] == [Decimal(12), Decimal(95), Decimal(12), Decimal(90)]
    assert [i.extra.get("备注") for i in indicators] == ([None] * 4 if last_empty else ["含新建", "无", "年底前", "无"])


def test_a_figure_equal_to_the_next_serial_stays_in_its_row():
    # the row's 得分 is 3 (the next row's number), its 偏差原因 words after it, its 实际完成值 left empty: the 3 is
    # the score, the row is not cut there
    header, body = _SERIAL_SELF_EVALUATION
    lines = [*header, *body[0], "2", "改造危桥数量", "≥3座", "20", "3", "部分危桥尚未改造", *body[2]]
    document = read(["项目支出绩效自评表", *lines])
    assert [i.name for i in document.sheets[0].indicators] == ["新建村道长度", "改造危桥数量", "工程验收合格率"]


# -- a 备注 column --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("layout", ["pipes", "cell_bars"])
def test_a_remark_column_after_rows_padded_to_the_table_width(layout):
    lines = ["| 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 备注 |",
             "| 产出指标 | 数量指标 | 补贴幼儿园数量 | 20个 |  |  |",
             "| 补贴期限 | 2020.1.1-2020.12.31 |  |  |  | 无 |",
             "| 效益指标 | 社会效益指标 | 促进学前教育普惠发展 | 显著促进,大力支持了民办幼儿园发展。 |  |  |",
             "| 扶持民办幼儿园发展 | 显著提升了扶持力度,支持了民办园发展。 |  |  |  | 无 |"]
    if layout == "cell_bars":  # (``a | b |`` rows: no leading pipe, the merged cells left out)
        lines = [line.removeprefix("| ") for line in lines]
    document = read(["项目支出绩效目标表", *lines])
    assert rows(document) == [
        ("产出指标", "数量指标", "补贴幼儿园数量", "20个"), ("产出指标", "数量指标", "补贴期限", "2020.1.1-2020.12.31"),
        ("效益指标", "社会效益指标", "促进学前教育普惠发展", "显著促进,大力支持了民办幼儿园发展。"),
        ("效益指标", "社会效益指标", "扶持民办幼儿园发展", "显著提升了扶持力度,支持了民办园发展。")]
    assert [i.extra.get("备注") for i in document.sheets[0].indicators] == [None, "无", None, "无"]


# -- no heading row: the columns from the cells -------------------------------------------------------------------

def test_one_row_that_names_its_levels_is_a_grid_whose_heading_row_was_left_out():
    # a self-evaluation's only indicator row, its heading row not printed, then the next form with its own header
    document = read(["部门预算项目支出绩效自评表", "项目名称 | 设备购置经费 |",
                     "产出指标 | 经济成本指标 | 成本控制数 | ≤ | 30 | 万元 | 完成 | 90 | 90 |", "合计 | 100 |",
                     "部门预算项目支出绩效自评表", "项目名称 | 网络维护经费 |",
                     "一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 |",
                     "产出指标 | 质量指标 | 网络正常运行率 | ≥ | 98 | % | 99% | 90 | 90 |"])
    first, second = document.sheets
    assert [(i.level1, i.level2, i.name, i.target.operator, i.target.value, i.target.unit)
            for i in first.indicators] == [("产出指标", "经济成本指标", "成本控制数", "≤", Decimal(30), "万元")]
    assert points(document) == [("完成", Decimal(90), Decimal(90))]
    assert [i.name for i in second.indicators] == ["网络正常运行率"]


def test_rows_without_a_header_that_open_with_level_2_names_only_are_under_the_level_2_column():
    # a form without 一级指标 copied without its heading row: 成本指标 is a level-2 name among 社会效益指标 and
    # 服务对象满意度指标, not the 2021 framework's level 1
    document = read(["发放及时率 | = | 100 | % | 5 |", "成本指标 | 宣传成本预算 | ≤ | 1000 | 元 | 5 |",
                     "社会效益指标 | 群众知晓率 | = | 100 | % | 15 |", "可持续影响指标 | 参保机制健全性 | 定性 | 健全 | 10 |",
                     "服务对象满意度指标 | 参保人员满意度 | ≥ | 90 | % | 10 |", "合计 | 100 |"])
    # (a level 1 the framework gives a level 2 is implied; 成本指标 has none under the older framework)
    assert [(i.level1, i.level2, i.name, i.weight) for i in document.sheets[0].indicators] == [
        (None, None, "发放及时率", Decimal(5)), (None, "成本指标", "宣传成本预算", Decimal(5)),
        ("效益指标", "社会效益指标", "群众知晓率", Decimal(15)), ("效益指标", "可持续影响指标", "参保机制健全性", Decimal(10)),
        ("满意度指标", "服务对象满意度指标", "参保人员满意度", Decimal(10))]


def test_a_figure_no_row_s_points_can_be_is_what_was_achieved():
    # after the target a figure above 100 is no weight: the row's actual value
    document = read(["产出指标 | 数量指标 | 享受救助人次 | ≥50000人次 | 110406 |", "质量指标 | 救助合规率 | 100% | 100% |"])
    assert rows(document) == [("产出指标", "数量指标", "享受救助人次", "≥50000人次"), ("产出指标", "质量指标", "救助合规率", "100%")]
    assert [i.weight for i in document.sheets[0].indicators] == [None, None]
    assert document.sheets[0].evaluation.items[0].actual_raw == "110406"


@pytest.mark.parametrize("text, role", [("1290.3平方米", Role.TEXT), ("2020.1.1-2020.12.31", Role.DATE),
                                        ("2023年12月", Role.DATE), ("2019年12月31日前", Role.DATE)])
def test_an_area_with_a_decimal_is_no_date(text, role):
    # (a date's year is of this or the last century and its month 1 to 12)
    assert label(text).role is role


# -- the operator and the unit in columns of their own ------------------------------------------------------------

def test_a_stream_under_operator_columns_holds_rows_whose_targets_have_no_operator():
    # one cell a line: 指标性质 | 指标值 | 度量单位, a rate or a count written whole where the operator cell is empty
    document = read(["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位",
                     "过程管理指标", "计划管理指标", "投资计划分解用时", "≤", "20", "工作日",
                     "责任落实到位率", "100%", "项目管理指标", "项目开工率", "≥", "95", "%",
                     "超标准项目比例", "0", "完工项目数量", "≥", "3", "个"])
    assert [(i.level2, i.name, i.target.operator, i.target.value, i.target.unit)
            for i in document.sheets[0].indicators] == [
        ("计划管理指标", "投资计划分解用时", "≤", Decimal(20), "工作日"), ("计划管理指标", "责任落实到位率", None, Decimal(100), "%"),
        ("项目管理指标", "项目开工率", "≥", Decimal(95), "%"), ("项目管理指标", "超标准项目比例", None, Decimal(0), None),
        ("项目管理指标", "完工项目数量", "≥", Decimal(3), "个")]


def test_a_date_where_the_operator_column_stands_is_the_target():
    # one cell a line with the empty cells marked: a deadline has no operator, its 指标性质 cell left out
    document = read(["一级指标 |", "二级指标 |", "三级指标 |", "指标性质 |", "指标值 |", "度量单位 |",
                     "产出指标 |", "数量指标 |", "开展送戏进村 |", "≥ |", "70 |", "村 |", "||||",
                     "时效指标 |", "项目完成时限 |", "2025年12月 |", "||||"])
    assert [(i.name, i.target.operator, i.target.raw) for i in document.sheets[0].indicators] == [
        ("开展送戏进村", "≥", "70"), ("项目完成时限", None, "2025年12月")]


def test_a_grid_with_a_remark_in_the_middle_of_its_headings_keeps_each_row_whole():
    document = read_bytes(xlsx_file([["序号", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "备注"],
                                     ["1", "产出指标", "数量指标", "培训人次", "≥", "500", "人次", "无"],
                                     ["2", UP, UP, "发放手册数量", "≥", "1000", "册", LEFT]]), "case.xlsx")
    assert [(i.name, i.target.operator, i.target.value, i.target.unit, i.extra.get("备注")) for i in document.sheets[0].indicators] == [
        ("培训人次", "≥", Decimal(500), "人次", "无"), ("发放手册数量", "≥", Decimal(1000), "册", None)]


_GRADED = ("2019年预算项目绩效目标\n绩效目标保障农村低保金的发放绩效指标分类绩效指标绩效指标描述绩效指标评价标准"
           "评价标准确定依据优良中差产出指标救助覆盖率困难群众基本生活救助是否应救尽救100%90%85%85%按临时救助标准评价"
           "效果指标救助对象对救助工作满意度(%)问卷调查中,满意和较满意的救助对象数量占调研对象总数的比率85%80%70%70%"
           "按服务对象满意度评价\n")


def test_a_name_run_together_with_its_description_ends_with_the_unit_it_notes_under_a_description_column():
    # corpus 153 (in Simplified): the 绩效指标 cell and the 绩效指标描述 cell run together; the name notes its unit (%)
    document, _ = read_text(_GRADED.encode(), "case.txt")
    satisfaction = document.sheets[0].indicators[1]
    assert (satisfaction.name, satisfaction.description, satisfaction.target.raw) == (
        "救助对象对救助工作满意度(%)", "问卷调查中,满意和较满意的救助对象数量占调研对象总数的比率", "85%")
    # a split by form, said and no more than a guess
    assert satisfaction.confidence < 0.8 and any(
        d.code == "P102" and "拆分为指标名称与指标解释" in d.message for d in document.diagnostics)


@pytest.mark.parametrize(("text", "described", "parts"), [
    ("救助对象对救助工作满意度(%)问卷调查中的比率", True, ("救助对象对救助工作满意度(%)", "问卷调查中的比率")),
    ("救助对象对救助工作满意度(%)问卷调查中的比率", False, None),  # no column of explanations: the cell is the name
    ("新建高校(校区)及配套", True, None),  # (校区) notes no unit
    ("道路长度(公里)新建", True, None),  # too few words after the unit to explain the name
])
def test_a_noted_unit_ends_a_name_only_where_the_table_has_explanations(text, described, parts):
    assert split_description(text, described) == parts
