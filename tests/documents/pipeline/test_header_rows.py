"""A sheet's header fields on real rows of dev documents: a unit written with its code and merged down over its
projects, a department's total row above them, an allocation table before the goal table, a 部门整体 form's
department and money total run together, money labels of other forms, and the diagnostics those rows raise."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.documents.pipeline import read_text

GRID = ("一级指标 | 二级指标 | 三级指标 | 指标值 |", "产出指标 | 数量指标 | 发放人数 | ≥230人 |",
        "满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥95% |")


def read(*lines: str):
    return read_text("\n".join(lines).encode(), "case.txt")[0]


# corpus 003: one row per indicator for the unit's projects, under the department's total row; the file stops in
# the last row's weight cell (after its value 11 and unit 个)
MATA = (
    "| 部门预算项目绩效目标申报表(2023年度) | ||||||||||||",
    "| 金额单位:元 | ||||||||||||",
    "| 单位名称 | 项目名称 | 预算数 | 年度目标 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 权重 | 指标方向性 | |",
    "| 820-马踏镇部门 | 8,827,620.53 | |||||||||||",
    "| 820001-井研县马踏镇人民政府 | 村组干部报酬 | 3,309,840.00 | 按时发放村组干部报酬 | 效益指标 | 社会效益指标 | 维护社会稳定 "
    "| ≥ | 95 | % | 10 | 正向指标 | |",
    "| 产出指标 | 时效指标 | 维持时效 | ≥ | 1 | 年 | 20 | 正向指标 | |||||",
    "| 基层组织活动经费 | 660,000.00 | 包括必要的办公用品费、水电费等村社区办公经费。 | 满意度指标 | 服务对象满意度指标 "
    "| 辖区内群众满意度 | ≥ | 95 | % | 10 | 正向指标 | ||",
    "| 产出指标 | 质量指标 | 保障村社区正常运转 | ≥ | 95 | % | 20 | 正向指标 | |||||",
    "| 产出指标 | 数量指标 | 行政村数量 | = | 11 | 个 | 10 ",
)


def test_a_unit_cell_with_its_code_is_merged_down_over_the_units_projects():
    document = read(*MATA)
    assert [(sheet.name, sheet.unit.code, sheet.unit.name) for sheet in document.sheets] == [
        ("村组干部报酬", "820001", "井研县马踏镇人民政府"), ("基层组织活动经费", "820001", "井研县马踏镇人民政府")]


def test_a_departments_total_row_above_its_projects_is_no_row_left_unread():
    document = read(*MATA)
    assert [d.code for d in document.diagnostics if d.code in ("P108", "P113")] == []
    assert [i.name for i in document.sheets[0].indicators] == ["维护社会稳定", "维持时效"]


def test_a_row_cut_after_its_value_says_where_it_was_cut():
    document = read(*MATA)
    cut = [d for d in document.diagnostics if d.code == "P120"]
    assert [(d.location.line, d.location.sheet) for d in cut] == [(9, "基层组织活动经费")]
    assert "最后一行在最后一个单元格“10”处被截断" in cut[0].message and "指标值之前" not in cut[0].message
    assert [i.name for i in document.sheets[1].indicators] == ["辖区内群众满意度", "保障村社区正常运转"]


# corpus 022: the notice's 附件1 allocates the money by town, one cell per line, before 附件2, the goal table
ALLOCATION = (
    "附件1", "2022年省级第七批水利专项资金安排表", "单位:万元",
    "序号 |", "乡镇名称 |", "项 目 名 称 |", "金额 |", "备注 |",
    "1 |", "西坪镇 |", "尧山村排洪排水工程建设 |", "20 |", "|",
    "2 |", "桃舟乡 |", "吾培村前村洋头水圳修复 |", "15 |", "|",
    "合计 |", "100 |",
    "附件2", "2022年省级第七批水利专项资金绩效目标表",
    "项目名称 |", "省级第七批水利专项资金 |", "主管部门(单位)名称 |", "安溪县水利局 |",
)


def test_an_allocation_table_before_the_goal_table_is_no_sheet():
    document = read(*ALLOCATION, *GRID)
    assert [(sheet.name, len(sheet.indicators)) for sheet in document.sheets] == [("省级第七批水利专项资金", 2)]
    assert [d.code for d in document.diagnostics if d.code == "P101"] == []


def test_a_goal_table_missing_its_header_is_said_once_without_naming_the_project_again():
    document = read(*ALLOCATION)  # (the file stops before the goal table's grid)
    missing = [d for d in document.diagnostics if d.code == "P101"]
    assert [(d.location.sheet, d.message.startswith("没有找到指标表头")) for d in missing] == [("省级第七批水利专项资金", True)]


def test_a_whole_department_form_names_its_department_and_total_run_together():
    # corpus 155: a document site ran the form's cells together
    document = read(
        "2022年部门(单位)整体绩效目标表", "单位:万元",
        "部门(单位)名称重庆市巴南区人民政府一品街道办事处区级支出预算总量3724.39",
        "当年整体绩效目标2022年街道预算收支平衡;保障街道机关事业在编人员工资福利支出",
        *GRID)
    sheet = document.sheets[0]
    assert (sheet.name, sheet.unit.name, sheet.budget.total) == (
        "重庆市巴南区人民政府一品街道办事处", "重庆市巴南区人民政府一品街道办事处", Decimal("3724.39"))


def test_a_whole_department_form_reads_the_unit_code_and_not_the_year_under_its_title():
    # corpus 010: (2019年度) under the title, then the department and its budget code on one line
    document = read("部门整体支出绩效目标表", "2019年度)",
                    "部门(单位)名称 中共宁德市委党史和地方志研究室 部门预算编码 901001033", *GRID)
    sheet = document.sheets[0]
    assert (sheet.year, sheet.unit.code, sheet.unit.name, sheet.name) == (
        2019, "901001033", "中共宁德市委党史和地方志研究室", "中共宁德市委党史和地方志研究室")


def test_a_project_forms_supervising_department_is_not_its_unit():
    document = read("项目支出绩效目标表", "项目名称 | 某项目 |", "主管部门及代码 | 404-某市文化和旅游局 |", *GRID)
    assert (document.sheets[0].name, document.sheets[0].unit) == ("某项目", None)


def test_a_blank_forms_seal_mark_is_no_unit():
    # corpus 028: 填报单位:(盖章) above the department: the seal mark names no unit, the 部门名称 below it does (a
    # 部门整体 form's own unit, as the golden has it)
    document = read("2024年祁东县部门整体支出绩效目标表", "填报单位:(盖章)", "部门名称祁东县疾病预防控制中心",
                    "年度预算申请 (万元)资金总额:952.22", *GRID)
    sheet = document.sheets[0]
    assert (sheet.unit.name, sheet.budget.total) == ("祁东县疾病预防控制中心", Decimal("952.22"))
    document = read("2024年祁东县部门整体支出绩效目标表", "填报单位:(盖章)", "年度预算申请 (万元)资金总额:952.22", *GRID)
    assert document.sheets[0].unit is None


def test_a_label_listed_over_other_labels_gives_the_name_no_label():
    # corpus 216 (a PDF's text flow): the header's labels one a line, their values after them: 部门名称 below 专项名称
    # is the next label, not the project's name
    document = read("专项资金绩效目标表", "(2017 年度)", "专项名称", "部门名称", "部门相应职能职责概述", "资金总额(万元)50", *GRID)
    assert document.sheets[0].name is None


def test_money_labels_of_other_forms_give_the_total_and_its_fiscal_part():
    # corpus 146: 其中:当年市级财政资金 (its 项目金额 is no label: corpus 167 names a 成本指标 so); corpus 150: the
    # NDRC's 下达中央预算内投资(万元)
    sheet = read("项目名称 | 主体班 |", "项目金额 | 164万元 | 其中:当年市级财政资金 | 132万元 | |", *GRID).sheets[0]
    assert sheet.budget.fiscal == Decimal("132")
    sheet = read("项目名称 | 农业绿色发展专项 |", "下达中央预算内投资(万元) |", "2350 |", *GRID).sheets[0]
    assert sheet.budget.total == Decimal("2350")


def test_headings_wrapped_over_two_rows_are_joined_column_by_column():
    # corpus 125's form with its headings broken in two (二级 / 指标, 年度 / 指标值), the row of tails under the heads:
    # 年度指标值 is the target column, so a row short of its merged cells still has its target
    sheet = read("二级 | 三级 | 分值 | 年度 | 全年实际值 | 得分 |", "指标 | 指标 |  | 指标值 |  |  |",
                 "数量指标 | 补助种植面积 | 20 | 29.5亩 | 29.5亩 | 20 |", "其中桃树种植面积 | 1.5亩 | 1.5亩 |").sheets[0]
    assert [(i.level2, i.name, i.target.raw) for i in sheet.indicators] == [
        ("数量指标", "补助种植面积", "29.5亩"), ("数量指标", "其中桃树种植面积", "1.5亩")]


def test_a_wrapped_headings_row_that_leaves_out_its_empty_cells_completes_the_headings_after_them():
    # (corpus 110's form: the vertical 绩效指标 label heads the first column, and the row of tails, written
    # without a leading pipe, leaves its empty first cell out)
    sheet = read("绩 效 指 标 | 一级 | 二级 | 三级 | 年度 | 实际完成值 |", "指标 | 指标 | 指标 | 指标值 |",
                 "产出指标 | 数量指标 | 冷库仓储建设 | ≥1290.3平方米 | 1290.3平方米 |").sheets[0]
    assert [(i.level1, i.level2, i.name, i.target.raw) for i in sheet.indicators] == [
        ("产出指标", "数量指标", "冷库仓储建设", "≥1290.3平方米")]


@pytest.mark.parametrize("sentence", [
    # corpus 274: a notice lists the fields its plan table must hold, 项目名称 among them
    "附:项目计划表(必须包含项目名称、实施地点、建设任务、补助标准、资金来源及规模、实施期限、实施单位及责任人和绩效目标、带贫减贫机制等)",
    # reworded
    "公示内容包括项目名称、建设地点、资金规模、绩效目标等。",
])
def test_a_name_label_in_a_sentences_list_of_fields_gives_no_name(sentence):
    document = read(sentence, "| 年度资金总额 | 18.00 |", *GRID)
    assert (document.sheets[0].name, document.sheets[0].budget.total) == (None, Decimal("18.00"))
