"""The header block's fields (project name, budget total, annual goals) read the same in every family of layout
the forms use: the label spelled as another official form spells it, label and value in one cell, the value below
its label, two pairs to a row, the money unit after the label or the amount, the labels of a row over a row of
their values. Each family is checked on the pipe rows of a web copy and, where the family exists there, on one cell
a line (``benchmarks/header_variants.py`` rewrites dev documents the same ways)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.documents.pipeline import read_text
from jixiao.model import MoneyUnit

GRID = ("| 一级指标 | 二级指标 | 三级指标 | 指标值 |", "| 产出指标 | 数量指标 | 整治村数 | ≥18个 |",
        "| 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% |")
NAME, GOAL = "乡镇环境治理经费", "完成18个村的环境整治"


def fields(*lines: str) -> tuple:
    (sheet,) = read_text("\n".join([*lines, *GRID]).encode(), "case.txt")[0].sheets
    return sheet.name, sheet.budget.total, sheet.goals


READ = (NAME, Decimal("18.00"), [GOAL])


@pytest.mark.parametrize(("name", "total", "goals"), [
    ("项目名称", "年度资金总额", "年度目标"),  # the Ministry's 88号 form
    ("专项名称", "年度金额", "年度绩效目标"),  # a transfer payment's 区域绩效目标表
    ("转移支付(项目)名称", "资金总额", "年度总体目标"),
    ("项目名称", "年度预算资金总额", "年度绩效目标(文字)"),  # a Hubei 批复表
    ("项目名称", "年度预算金额", "本年度目标"),
    ("项目支出名称", "当年资金总额", "项目年度绩效目标"),
    # other provinces' spellings of the total: a budget's total, its request, the project's budget
    ("项目名称", "预算总额", "年度绩效目标"),
    ("项目名称", "项目支出预算", "年度目标"),
    ("项目名称", "申请资金", "年度目标"),
    ("项目名称", "预算申请金额", "年度目标"),
])
def test_each_forms_spelling_of_the_labels_names_the_same_fields(name, total, goals):
    assert fields(f"| {name} | {NAME} |", f"| {total} | 18.00 |", f"| {goals} | {GOAL} |") == READ


@pytest.mark.parametrize("colon", ["：", ":"])
@pytest.mark.parametrize("layout", ["| {} |", "{}"])
def test_a_label_and_its_value_in_one_cell(colon, layout):
    lines = [f"项目名称{colon}{NAME}", f"年度资金总额{colon}18.00", f"年度目标{colon}{GOAL}"]
    assert fields(*(layout.format(line) for line in lines)) == READ


@pytest.mark.parametrize("lines", [
    # each label over its value, a row each
    ("| 项目名称 |", f"| {NAME} |", "| 年度资金总额 |", "| 18.00 |", "| 年度目标 |", f"| {GOAL} |"),
    # a row of labels over a row of their values
    ("| 项目名称 | 主管部门 |", f"| {NAME} | 某乡人民政府 |", "| 年度资金总额 | 财政拨款 | 其他资金 |", "| 18.00 | 18.00 | 0 |",
     "| 年度目标 |", f"| {GOAL} |"),
    ("| 主管部门 | 项目名称 | 项目编码 |", f"| 某乡人民政府 | {NAME} | 434016 |", "| 预算数 |", "| 18.00 |",
     "| 年度目标 |", f"| {GOAL} |"),
    # one cell a line: the value on the line after its label
    ("项目名称", NAME, "年度资金总额", "18.00", "年度目标", GOAL),
])
def test_a_value_below_its_label(lines):
    assert fields(*lines) == READ


@pytest.mark.parametrize("lines", [
    (f"| 项目名称 | {NAME} | 主管部门 | 某乡人民政府 |", f"| 年度资金总额 | 18.00 | 年度目标 | {GOAL} |"),
    (f"| 项目编码 | 434016 | 项目名称 | {NAME} |", "| 实施单位 | 某乡人民政府 | 年度资金总额 | 18.00 |",
     f"| 年度目标 | {GOAL} |"),
    (f"| 项目名称 | {NAME} | 年度资金总额 | 18.00 |", f"| 年度目标 | {GOAL} |"),
])
def test_two_label_value_pairs_in_a_row(lines):
    assert fields(*lines) == READ


@pytest.mark.parametrize("lines", [
    # the label merged over two columns: an empty cell between it and its value
    ("| 项目名称 |  | 乡镇环境治理经费 |  |", "| 年度资金总额 |  | 18.00 |  |", f"| 年度目标 |  | {GOAL} |  |"),
    ("\t项目名称\t\t乡镇环境治理经费", "\t年度资金总额\t\t18.00", f"\t年度目标\t\t{GOAL}"),
    # label and value each merged, the export repeating them in every column they span
    (f"| 项目名称 | 项目名称 | {NAME} | {NAME} |", "| 年度资金总额 | 年度资金总额 | 18.00 | 18.00 |",
     f"| 年度目标 | 年度目标 | {GOAL} | {GOAL} |"),
    # the amount on the row after its merged label (its empty cells trail it)
    (f"| 项目名称 |  | {NAME} |  | 主管部门 |  | 某局 |", "| 年度资金总额 |  |  |  |", "| 18.00 |", f"| 年度目标 |  | {GOAL} |"),
])
def test_a_label_or_value_spanning_merged_cells(lines):
    assert fields(*lines) == READ


@pytest.mark.parametrize(("total", "amount", "unit"), [
    ("年度资金总额(万元)", "18.00", MoneyUnit.WAN_YUAN),
    ("年度资金总额（万元）", "18.00", MoneyUnit.WAN_YUAN),
    ("资金总额(元)", "180000", MoneyUnit.YUAN),
    ("年度资金总额", "18.00万元", MoneyUnit.WAN_YUAN),
    ("年度资金总额", "180000元", MoneyUnit.YUAN),
])
@pytest.mark.parametrize("layout", ["| {} | {} |", "{}\n{}"])
def test_the_money_unit_after_the_label_or_the_amount_is_the_sheets(total, amount, unit, layout):
    (sheet,) = read_text("\n".join([f"| 项目名称 | {NAME} |", layout.format(total, amount), *GRID]).encode(),
                         "case.txt")[0].sheets
    assert (sheet.budget.total, sheet.money_unit) == (Decimal(amount.removesuffix("万元").removesuffix("元")), unit)


def test_a_row_of_labels_with_no_row_of_values_below_leaves_them_blank():
    (sheet,) = read_text("\n".join(["| 项目名称 | 主管部门 |", f"| 年度目标 | {GOAL} |", *GRID]).encode(),
                         "case.txt")[0].sheets
    assert (sheet.name, sheet.goals) == (None, [GOAL]) and "项目名称" in sheet.blank_fields


def test_a_spend_plans_checkpoints_and_figures_one_to_a_row_below_its_label():
    lines = ["| 项目名称 |", f"| {NAME} |", "| 资金支出计划(%) |", "| 3月底 |", "| 6月底 |", "| 12月底 |", "| 30 |", "| 60 |",
             "| 100 |", "| 年度目标 |", f"| {GOAL} |"]
    (sheet,) = read_text("\n".join([*lines, *GRID]).encode(), "case.txt")[0].sheets
    assert [(point.label, point.percent) for point in sheet.spend_plan] == [
        ("3月底", Decimal(30)), ("6月底", Decimal(60)), ("12月底", Decimal(100))]
    assert (sheet.name, sheet.goals) == (NAME, [GOAL])


@pytest.mark.parametrize(("lines", "total"), [
    # the total's cell holding the money column's heading, the sources listed as outline items summing their sub-rows
    (("| 项目资金(万元) | 年度资金总额 | 金额(万元) |", "| (一)财政拨款小计 | 15.00 |", "| 1、一般公共预算 | 15.00 |",
      "| (二)其他资金小计 | 3.00 |"), Decimal("18.00")),
    (("| 资金情况 |", "| 一、财政拨款小计 | 18.00 |"), Decimal("18.00")),
    (("| 年度资金总额 | 金额(万元) |", "| 财政拨款小计 | 18.00 |"), Decimal("18.00")),
    # no total row at all: 其中 rows of the sources only
    (("| 其中：财政拨款 | 12.50 |", "| 其他资金 | 5.50 |"), Decimal("18.00")),
    (("| 财政拨款 | 18.00 |",), Decimal("18.00")),
])
def test_a_total_given_only_as_its_sources_is_their_sum(lines, total):
    document = read_text("\n".join([f"| 项目名称 | {NAME} |", *lines, f"| 年度目标 | {GOAL} |", *GRID]).encode(),
                            "case.txt")[0]
    (sheet,) = document.sheets
    assert sheet.budget.total == total
    assert [diagnostic.code for diagnostic in document.diagnostics if diagnostic.code == "P149"] == ["P149"]


@pytest.mark.parametrize(("written", "total"), [
    ("20.00", Decimal("20.00")),
    ("", None),  # left blank: the review reports the blank, the reader does not fill it
    ("十八万", None),  # written in words: reported as no number (P106), not replaced by the sum
])
def test_a_total_cell_of_its_own_is_not_summed_from_the_sources(written, total):
    document = read_text("\n".join([f"| 项目名称 | {NAME} |", f"| 年度资金总额 | {written} |", "| 其中：财政拨款 | 18.00 |",
                                       f"| 年度目标 | {GOAL} |", *GRID]).encode(), "case.txt")[0]
    assert document.sheets[0].budget.total == total
    assert "P149" not in [diagnostic.code for diagnostic in document.diagnostics]


@pytest.mark.parametrize(("title", "name"), [
    # a bare year opening the name is the project's (its 项目名称 field spells it so); 项目 before 支出 is the name's
    ("2023年乡镇环境治理经费项目支出绩效目标申报表", "2023年乡镇环境治理经费项目"),
    ("2018年市级专项扶贫资金基础设施(人大代表扶贫基地)绩效目标申报表", "2018年市级专项扶贫资金基础设施(人大代表扶贫基地)"),
    ("2021年乡镇环境治理经费项目支出绩效自评报告", "2021年乡镇环境治理经费项目"),
    # the form's or the report's year (年度), and who reports before it, are no part of the name
    ("2019年度乡镇环境治理经费项目绩效评价指标表", "乡镇环境治理经费项目"),
    ("某县残联2022年度残疾人康复项目支出绩效自评报告", "残疾人康复项目"),
    ("某县财政局2022年度乡镇环境治理经费绩效自评报告", "乡镇环境治理经费"),
    # after a fund's name, 项目支出 is the fund's project spending
    ("2024年度林业草原生态保护恢复资金项目支出绩效评价报告", "林业草原生态保护恢复资金"),
    # a title naming only a kind of form names no project, its year or not
    ("2023年度项目支出绩效目标表", None),
    ("2023年项目支出绩效目标表", None),
    ("某市本级部门项目支出绩效自评表", None),
])
def test_a_title_names_the_project_with_its_own_year_not_the_forms(title, name):
    (sheet,) = read_text("\n".join([title, "| 年度资金总额 | 18.00 |", f"| 年度目标 | {GOAL} |", *GRID]).encode(),
                         "case.txt")[0].sheets
    assert sheet.name == name


def test_a_label_of_the_header_block_alone_is_no_field_inside_the_grid():
    # 项目金额 labels the total above the grid and names a 成本指标 row in it: the grid reads on past that row
    grid = [*GRID[:2], "| 成本指标 | 经济成本指标 | 项目金额 | 5万元 |", *GRID[2:]]
    (sheet,) = read_text("\n".join([f"| 项目名称 | {NAME} |", "| 项目金额 | 18.00 |", f"| 年度目标 | {GOAL} |",
                                    *grid]).encode(), "case.txt")[0].sheets
    assert sheet.budget.total == Decimal("18.00")
    assert [indicator.name for indicator in sheet.indicators] == ["整治村数", "项目金额", "群众满意度"]


@pytest.mark.parametrize(("lines", "total", "unit"), [
    # corpus 172 (a 2010s 项目绩效自评表, one cell a line): 计划投资额 with its unit broken onto the amount's line
    (("服务贸易项目绩效自评表", "一、项目基本情况", "主管部门", "省商务厅", "项目类型", "经常性项目(√)一次性项目()", "计划投资额",
      "(万元)", "570", "实际到位资金", "(万元)", "398.88", "实际使用情况(万元)", "395.86"), Decimal(570), MoneyUnit.WAN_YUAN),
    # the same on a web copy's rows
    ((f"| 项目名称 | {NAME} |", "| 计划投资额 |", "| (万元) | 18.00 | 实际到位资金 | (万元) | 16.5 |"), Decimal("18.00"),
     MoneyUnit.WAN_YUAN),
    # reworded: another total label, the unit in yuan and full-width brackets
    ((f"| 项目名称 | {NAME} |", "| 年度资金总额 |", "| （元） | 180000 |"), Decimal(180000), MoneyUnit.YUAN),
])
def test_a_total_labels_unit_broken_onto_its_amounts_row(lines, total, unit):
    (sheet,) = read_text("\n".join([*lines, *GRID]).encode(), "case.txt")[0].sheets
    assert (sheet.budget.total, sheet.money_unit) == (total, unit)


@pytest.mark.parametrize(("above", "unit"), [
    # the money unit on a line of its own above a form with no title (a web copy that lost it), or in brackets after
    # the form's title
    (("单位：万元",), MoneyUnit.WAN_YUAN),
    (("单位:元",), MoneyUnit.YUAN),
    (("乡镇环境治理经费绩效目标表（单位：万元）",), MoneyUnit.WAN_YUAN),
    (("乡镇环境治理经费绩效目标表(金额单位:元)",), MoneyUnit.YUAN),
    (("乡镇环境治理经费绩效目标表",), None),
])
def test_the_money_unit_above_the_form_or_in_its_title_is_the_sheets(above, unit):
    (sheet,) = read_text("\n".join([*above, f"| 项目名称 | {NAME} |", "| 年度资金总额 | 18.00 |", f"| 年度目标 | {GOAL} |",
                                    *GRID]).encode(), "case.txt")[0].sheets
    assert (sheet.name, sheet.budget.total, sheet.money_unit) == (NAME, Decimal("18.00"), unit)


CODE = "51000021R000000019951"


@pytest.mark.parametrize(("label", "value", "name", "code"), [
    # a budget system's code before the name after a dash (the Sichuan 项目库), a space or in brackets, or after it
    ("项目名称", f"{CODE}-{NAME}", NAME, CODE),
    ("项目名称", f"{CODE} {NAME}", NAME, CODE),
    ("项目名称", f"[{CODE}]{NAME}", NAME, CODE),
    ("项目名称", f"【{CODE}】{NAME}", NAME, CODE),
    ("项目名称", f"{NAME}({CODE})", NAME, CODE),
    # a label naming both fields
    ("项目名称及编码", f"{CODE}-{NAME}", NAME, CODE),
    ("项目编码及名称", f"{CODE} {NAME}", NAME, CODE),
    # no code: a year opening the name, a note in brackets after it
    ("项目名称", f"2023年{NAME}", f"2023年{NAME}", None),
    ("项目名称", f"{NAME}(2023年度)", f"{NAME}(2023年度)", None),
    # other forms' name labels
    ("项目全称", NAME, NAME, None), ("资金项目名称", NAME, NAME, None), ("转移支付项目名称", NAME, NAME, None),
    ("政策名称", NAME, NAME, None),
])
def test_a_name_cell_with_the_projects_code(label, value, name, code):
    (sheet,) = read_text("\n".join([f"| {label} | {value} |", "| 年度资金总额 | 18.00 |", *GRID]).encode(),
                         "case.txt")[0].sheets
    assert (sheet.name, sheet.code) == (name, code)


@pytest.mark.parametrize(("above", "value", "name"), [
    # a form's title copied into the name cell names no project (a blank form, a web copy's slip)
    ((), "项目支出绩效目标表", None),
    ((), "部门整体支出绩效目标申报表", None),
    # …but a cell naming its project is the name as written (corpus 119: 2020年省级…补助经费支出绩效自评表), and a title
    # above the form keeps its own
    ((), f"{NAME}支出绩效自评表", f"{NAME}支出绩效自评表"),
    ((f"{NAME}绩效目标表",), "项目支出绩效目标表", NAME),
])
def test_a_form_title_in_the_name_cell_is_no_name(above, value, name):
    (sheet,) = read_text("\n".join([*above, f"| 项目名称 | {value} |", "| 年度资金总额 | 18.00 |", *GRID]).encode(),
                         "case.txt")[0].sheets
    assert sheet.name == name


@pytest.mark.parametrize("lines", [
    # the Ministry's form: the period's money beside the year's, in one row or as a row of labels over their figures
    ("| 项目资金(万元) | 中期资金总额 | 54 | 年度资金总额 | 18.00 |",),
    ("| 中期资金总额 | 年度资金总额 |", "| 54 | 18.00 |"),
    ("| 实施期资金总额 | 年度资金总额 |", "| 54 | 18.00 |"),
    ("中期资金总额", "54", "年度资金总额", "18.00"),
])
def test_the_periods_money_is_never_the_years_total(lines):
    (sheet,) = read_text("\n".join([f"| 项目名称 | {NAME} |", *lines, *GRID]).encode(), "case.txt")[0].sheets
    assert sheet.budget.total == Decimal("18.00")


def test_the_periods_money_alone_gives_no_years_total():
    # corpus 137 (永济市): 实施期资金总额: 1,000,000, the year's 年度资金总额: left blank
    text = "\n".join([f"| 项目名称 | {NAME} |", "| 实施期资金总额: 1,000,000 | 年度资金总额: |", *GRID])
    assert read_text(text.encode(), "case.txt")[0].sheets[0].budget.total is None


@pytest.mark.parametrize(("line", "total"), [
    # a notice's paragraph: the name label's value ends with its sentence, the money said in the next
    (f"项目名称:{NAME}。项目资金18.00万元。", Decimal("18.00")),
    (f"项目名称：{NAME}；资金总额：18.00万元；实施单位：某镇人民政府。", Decimal("18.00")),
    (f"项目名称:{NAME}。", None),
])
def test_a_name_ends_with_its_sentence(line, total):
    (sheet,) = read_text("\n".join([line, *GRID]).encode(), "case.txt")[0].sheets
    assert (sheet.name, sheet.budget.total) == (NAME, total)
