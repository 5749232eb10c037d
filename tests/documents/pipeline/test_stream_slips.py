"""Reading slips of PDF text flows and run-together tables that the review took for the table's own mistakes
(dev corpus 208, 205, 171, 153, 137, 038): a project name printed before its label, a row's cells wrapped over
fixed-width lines just before the grid's headings, a scoring rule's or a basis's sentence naming a column or a
level, a page's header block reprinted after a row's figure, and a target of a direction verb and its object run
onto the name. Each excerpt is modelled on its family, not copied from the document."""

from __future__ import annotations

import pytest

from jixiao.documents.pipeline import read_text
from jixiao.documents.pipeline.labels import segment, split_trend_object


def read(*lines: str):
    return read_text("\n".join(lines).encode(), "case.txt")[0]


def rows(document) -> list[tuple]:
    """Each indicator's level 2, name and target as written."""
    return [(indicator.level2, indicator.name, indicator.target.raw)
            for sheet in document.sheets for indicator in sheet.indicators]


# a self-evaluation's header block as a PDF's text flow gives it, one space between cells (corpus 208's form)
_MONEY = "主管部门 某区体育局 年初预算数 全年预算数 全年执行数 分值 执行率 得分 100000.00 100000.00 90000.00 10 9 90% "
_GRID = ("一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 "
         "产出指标 数量指标 结算完成率 =100% 100% 20 20 质量指标 合同履约率 =100% 100% 30 30")


@pytest.mark.parametrize(("fields", "name"), [
    # the name's cell wrapped over two lines, centred beside its label's one: the flow prints it first
    ("城区游泳馆与委托管理方结 算服务费 项目名称 ", "城区游泳馆与委托管理方结算服务费"),
    ("城区游泳馆委托管理服务费 项目名称 ", "城区游泳馆委托管理服务费"),
    # the usual order keeps its name
    ("项目名称 城区游泳馆委托管理服务费 ", "城区游泳馆委托管理服务费"),
    # a blank form: the title's year broken over lines before the label is no name, nor an attachment's number
    ("项目名称 ", None),
    ("附件2 项目名称 ", None),
])
def test_a_project_name_printed_before_its_label_is_the_labels_value(fields, name):
    document = read("财政项目支出绩效自评表 (2022 年度) " + fields + _MONEY + _GRID)
    assert [sheet.name for sheet in document.sheets] == [name]
    assert rows(document) == [("数量指标", "结算完成率", "=100%"), ("质量指标", "合同履约率", "=100%")]


def test_a_field_line_before_a_name_label_left_empty_is_no_name():
    # 填报单位(盖章):XX局 above a column of labels printed before their values: the unit, not the project
    document = read("专项资金绩效目标表", "(2017 年度)", "填报单位(盖章):某县畜牧水产局", "专项名称", "部门名称",
                    "一级指标 二级指标 指标内容 指标值", "产出指标 数量指标 强制免疫率 100%")
    assert [sheet.name for sheet in document.sheets] == [None]


def test_a_last_rows_cells_wrapped_at_a_fixed_width_are_joined_before_the_headings_after_them():
    # corpus 205's family: the last row's name and target each wrapped, then the left column's headings
    document = read("2020 年市级会展发展资金项目自评表 项目名称 2020 年市级会展发展资金 主管部门 区商务局 "
                    "三级指标 年初目标值 (A) 实际完成值 (B) 得分 "
                    "举办展会场次(场) 12 13 10 支持会展企业开拓国内外市 场的数量 5 5 10 "
                    "可持续影响指标 推动会展企业走出去方面发 挥的作用 是否利于会展 企业走出去 二级指标 数量指标 产出指标")
    # (the level-2 name its name says, among those printed after the rows: a guess, P185)
    assert rows(document)[1:] == [
        ("数量指标", "支持会展企业开拓国内外市场的数量", "5"),
        ("可持续影响指标", "推动会展企业走出去方面发挥的作用", "是否利于会展企业走出去")]


def test_a_scoring_rule_naming_a_column_is_no_heading_of_the_run_together_table():
    # corpus 171's family: 该指标分值 in the 得分计算方法 cell, and 三级指标 before 分值 in the header
    pieces = segment("一级指标二级指标三级指标分值年度指标值(A)全年实际值(B)得分计算方法得分数量指标完成道路保洁的面积10"
                     "完成值达到指标值,记满分;未达到指标值,按B/A*该指标分值记分。10质量指标道路保洁达标率")
    assert pieces[2:4] == ("三级指标", "分值")
    assert "完成道路保洁的面积10完成值达到指标值,记满分;未达到指标值,按B/A*该指标分值记分。10" in pieces
    assert "指标分值" not in pieces


def test_a_basis_naming_a_level_is_no_cell_of_a_graded_standards_table():
    # corpus 153's family: 优/良/中/差 figures, then the basis 按服务对象满意度…评价 (a level-2 name inside it); cut
    # there, the basis was two cells too many and shifted the 优 figure into the description's column
    document = read("困难群众救助补助预算指标绩效目标表 项目名称 困难群众救助补助",
                    "指标分类绩效指标绩效指标描述绩效指标评价标准评价标准确定依据优良中差产出指标救助覆盖率困难群众是否应救尽救"
                    "100%90%85%85%按救助标准评价效果指标受助群众满意度(%)问卷调查中满意的受助群众占调查总数的比率"
                    "90%85%80%80%按服务对象满意度调查评价")
    # (the name noting its unit (%) ends there: the words after it are its description, not a figure)
    assert [(indicator.target.raw, indicator.description) for indicator in document.sheets[0].indicators] == [
        ("100%", None), ("90%", "问卷调查中满意的受助群众占调查总数的比率")]


def test_a_pages_header_block_printed_after_a_rows_figure_stays_out_of_its_target():
    # corpus 137's family: the next page's 项目概况 lines and its 二级指标 heading between two rows of the flow
    document = read("某市县级预算部门项目支出绩效目标申报表 (2023年度) 项目名称 2023年古建筑保护经费 主管部门 某市文化和旅游局 "
                    "一级指标 二级指标 三级指标 指标值 产出指标 数量指标 古戏台修缮 1处 文物巡查 200处 抢险维修完成率 100% "
                    "主要用于古建筑修缮、宣传、文创 保护人员经费、办公经费 二级指标 数量指标 质量指标 文物巡查覆盖率 100%")
    assert rows(document) == [("数量指标", "古戏台修缮", "1处"), ("数量指标", "文物巡查", "200处"),
                              ("数量指标", "抢险维修完成率", "100%"), ("质量指标", "文物巡查覆盖率", "100%")]
    assert any(said.code == "P113" and "古建筑修缮" in said.message for said in document.diagnostics)


def test_a_direction_verb_and_its_object_run_onto_a_garbled_name_are_its_target():
    # corpus 038's family: a goal table run together, the name's characters garbled, no target cell
    document = read("项目支出绩效目标表 项目名称 某馆免费开放 一级指标二级指标三级指标指标目标值产出指标数量指标免费开放天数=300天"
                    "效益指标经济效益指标为周边提供就业LJ,冈位增加岗位社会效益指标接待观众人数=30000人次")
    assert rows(document)[1] == ("经济效益指标", "为周边提供就业LJ,冈位", "增加岗位")


@pytest.mark.parametrize(("text", "split"), [
    ("为当地提供就业岗位增加岗位", ("为当地提供就业岗位", "增加岗位")),
    ("带动农户务工明显增加收入", ("带动农户务工", "明显增加收入")),
    # a measure's name ends with the verb's object: it is the name's own (增加值, 提高比例, 增加幅度)
    ("农业产业经济增加值", None),
    ("优质农产品产量提高比例", None),
    ("居民人均收入增加幅度", None),
    # the name too short to stand without the words
    ("增加岗位", None),
])
def test_split_trend_object(text, split):
    assert split_trend_object(text) == split
