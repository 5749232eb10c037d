"""A sheet's header fields (project name and code, budget, annual goals) and the sheets a document holds, on
compact made-up cases of the layouts seen in real documents: project columns beside the indicator grid, a goals
block under headings, label and value run together with the next fields, an amount on the line after its label."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.documents.pipeline import read_text

GRID = ("一级指标 | 二级指标 | 三级指标 | 指标值 |", "产出指标 | 数量指标 | 发放人数 | ≥230人 |",
        "满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥95% |")


def read(*lines: str):
    return read_text("\n".join(lines).encode(), "case.txt")[0]


def header(sheet) -> tuple:
    return sheet.name, sheet.code, sheet.budget.total, sheet.goals, len(sheet.indicators)


def test_project_columns_beside_the_grid_make_one_sheet_per_project_with_its_fields():
    # the unit cell is merged down over both projects: the second project's row lacks it
    document = read(
        "| 单位名称 | 项目名称 | 预算数 | 年度目标 | 一级指标 | 二级指标 | 三级指标 | 指标值 |",
        "| 820001-某镇人民政府 | 村组干部报酬 | 3,309,840.00 | 按时发放村组干部报酬 | 产出指标 | 数量指标 | 发放人数 | ≥230人 |",
        "| 效益指标 | 社会效益指标 | 维护社会稳定 | ≥95% |||||",
        "| 基层组织活动经费 | 660,000.00 | 保障村社区正常运转 | 产出指标 | 数量指标 | 行政村数量 | =11个 ||",
        "| 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥95% |||||")
    assert [header(sheet) for sheet in document.sheets] == [
        ("村组干部报酬", None, Decimal("3309840.00"), ["按时发放村组干部报酬"], 2),
        ("基层组织活动经费", None, Decimal("660000.00"), ["保障村社区正常运转"], 2)]
    assert [i.name for i in document.sheets[1].indicators] == ["行政村数量", "群众满意度"]
    assert not any(i.extra for sheet in document.sheets for i in sheet.indicators)  # the cells became fields


@pytest.mark.parametrize(("lines", "goals"), [
    # a self-evaluation's goals block: headings, then the goal set at the start of the year and what was achieved
    (("项目名称 |", "临时救助 |", "年度总体目标 |", "年初设定目标 |", "年度总体目标完成情况综述 |", "||||||",
      "为困难户解决临时性的困难 |", "全年救助87人次,完成目标任务。 |", "||||||"), ["为困难户解决临时性的困难"]),
    # a form's title broken after 绩效目标 is no goal
    (("项目支出", "绩效目标 自评表 (2019年度)", "项目名称 |", "临时救助 |"), []),
    # goals labels heading their columns, one with its period in brackets, the goal on the next row
    (("项目名称 | 临时救助 |", "总 体 目 标 | 中期目标(2023年—2023年) | 年度目标 |", "保障车辆维修及燃油费用 |"),
     ["保障车辆维修及燃油费用"]),
    # a goals label broken over lines of a few characters (年度 / 总体 / 目标), the goals after it
    (("项目名称", "临时救助", "年度", "总体", "目标", "目标1:确保工资及福利的发放;"), ["确保工资及福利的发放"]),
    # goals labels on one line, the goal on the next
    (("项目名称", "临时救助", "总体目标", "年度目标", "完成项目主体工程70%"), ["完成项目主体工程70%"]),
])
def test_annual_goals_are_the_cells_under_the_goals_headings_not_the_headings(lines, goals):
    (sheet,) = read(*lines, *GRID).sheets
    assert sheet.name == "临时救助" and sheet.goals == goals


@pytest.mark.parametrize(("lines", "long_term", "goals"), [
    # corpus 279: the labels on a row of their own under the block's label, each period's goal on a row of its own
    (("总 体 目 标 |", "中期目标(2024年—2026年) | 年度目标 |", "三年内监测能力全面提升。 |", "全年检测2000批次。 |"),
     ["三年内监测能力全面提升。"], ["全年检测2000批次。"]),
    # the same with the block's label on the labels' row, and the two goals identical (each period states it)
    (("总 体 目 标 | 中期目标(2024年—2026年) | 年度目标 |", "提升检测能力。 |", "提升检测能力。 |"),
     ["提升检测能力。"], ["提升检测能力。"]),
    # both goals on one row, under their labels
    (("中期目标(2024年—2026年) | 年度目标 |", "三年内监测能力全面提升。 | 全年检测2000批次。 |"),
     ["三年内监测能力全面提升。"], ["全年检测2000批次。"]),
    # one cell per line
    (("总体目标", "中期目标(2024年—2026年)", "年度目标", "三年内监测能力全面提升。", "全年检测2000批次。"),
     ["三年内监测能力全面提升。"], ["全年检测2000批次。"]),
    # the year's label first: the values follow the labels' order
    (("年度目标 | 中期目标(2024年—2026年) |", "全年检测2000批次。 |", "三年内监测能力全面提升。 |"),
     ["三年内监测能力全面提升。"], ["全年检测2000批次。"]),
    # one cell per line, the labels each on a line, one goal after them: the last label's (corpus 005)
    (("绩效目标", "长期目标", "年度目标", "全年检测2000批次。"), [], ["全年检测2000批次。"]),
    # ... and more cells than two: the first is the long term's, the rest the year's (corpus 132)
    (("总体目标", "中期目标", "年度目标", "三年内监测能力全面提升。", "全年检测2000批次。", "全年维修4次。"),
     ["三年内监测能力全面提升。"], ["全年检测2000批次。", "全年维修4次。"]),
    # 东莞 (corpus 290): Guangdong's 批复表 names the long term 中期滚动目标, both goals in the row under the labels
    (("总体目标 | 中期滚动目标(2024年--2026年) | 年度目标 |", "新建或改造道路29个项目。 | 完成3个项目补助尾款结算。 |"),
     ["新建或改造道路29个项目。"], ["完成3个项目补助尾款结算。"]),
    (("总体目标", "中期滚动目标(2024年--2026年)", "年度目标", "新建或改造道路29个项目。", "完成3个项目补助尾款结算。"),
     ["新建或改造道路29个项目。"], ["完成3个项目补助尾款结算。"]),
    # one goal only under both labels: the block's, as a single goals label's (the grid follows, no second goal)
    (("总 体 目 标 |", "中期目标(2024年—2026年) | 年度目标 |", "三年内监测能力全面提升。 |"),
     ["三年内监测能力全面提升。"], []),
])
def test_two_goals_labels_side_by_side_give_each_period_its_goal_in_their_order(lines, long_term, goals):
    (sheet,) = read("项目名称 | 农产品质检 |", *lines, *GRID).sheets
    assert (sheet.long_term_goals, sheet.goals) == (long_term, goals)
    assert len(sheet.indicators) == 2


@pytest.mark.parametrize(("lines", "name", "code"), [
    (("项目名称 | 51000021R000000019951-工资性支出 |",), "工资性支出", "51000021R000000019951"),
    (("项目名称 | 东津院区建设补助主管部门襄阳市卫生健康委项目实施单位襄阳市中心医院 |",), "东津院区建设补助", None),
    (("项目名称 | 水标尺制作安装项目负责人及电话谢凯 |",), "水标尺制作安装项目", None),
    # 145: a name ending in 项目 before 主管部门, though 项目主管部门 is a label of its own (146)
    (("1/1年学生资助项目绩效目标自评表填报日期:总分:分项目名称湖北工程学院年学生资助项目主管部门湖北省教育厅项目实施单位湖北工程学院",),
     "湖北工程学院年学生资助项目", None),
    (("1、某市部门项目支出绩效目标表(2021年)项目名称初中公用经费主管部门某市教育局",), "初中公用经费", None),
])
def test_the_project_name_is_read_apart_from_its_code_and_the_fields_run_together_with_it(lines, name, code):
    (sheet,) = read(*lines, *GRID).sheets
    assert (sheet.name, sheet.code) == (name, code)


@pytest.mark.parametrize(("lines", "total"), [
    (("项目名称", "农田建设", "年度资金总额:", "854万(高标准农田建设400万元,畅通工程454万元)"), Decimal("854")),
    (("项目名称 | 农田建设 |", "年度 | 预算申请 (万元)资金总额:952.22 |"), Decimal("952.22")),
    (("项目名称 | 农田建设 |", "资金情况 |", "资金总额: 250 | 一、预算资金:250 |"), Decimal("250")),
    (("项目名称 | 农田建设 |", "年度本级 预算金额 |", "250万 | 该项目支出上级资金 | 0 |"), Decimal("250")),
    # a regional goal form's 年度金额 (corpus 129)
    (("专项名称 | 农田建设 |", "年度金额(万元) | 189.42 |"), Decimal("189.42")),
    (("专项名称 | 农田建设 |", "年度金额 | 189.42 |"), Decimal("189.42")),
])
def test_the_budget_total_is_read_where_the_amount_follows_its_label_on_the_next_line_or_inside_run_on_text(
        lines, total):
    (sheet,) = read(*lines, *GRID).sheets
    assert sheet.name == "农田建设" and sheet.budget.total == total


_SELF_EVALUATION = ("| 资金情况(万元) | 全年预算数(A) | 全年执行数(B) | 分值 | 执行率(B/A) | 得分 |",
                    "| 年度资金总额: | {budget} | 9.00 | 10 | 94.9% | 9 |",
                    "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 全年实际值 | 分值 | 得分 |",
                    "| 产出指标 | 数量指标 | 补助种植面积 | 29.5亩 | 29.5亩 | 20 | 20 |")


@pytest.mark.parametrize(("above", "budget", "total"), [
    ((), "9.48", Decimal("9.48")),  # the money table's 年度资金总额 row is the sheet's budget
    ((), "0", None),  # a printed 0 is a blank
    (("| 项目资金总额 | 12 |",), "9.48", Decimal("12")),  # a header block's own total stands
])
def test_a_self_evaluation_takes_its_budget_from_the_money_table_when_its_header_names_none(above, budget, total):
    lines = ["项目支出绩效自评表", "| 项目名称 | 种植补助 |", *above,
             *(line.format(budget=budget) for line in _SELF_EVALUATION)]
    (sheet,) = read(*lines).sheets
    assert sheet.evaluation is not None and sheet.budget.total == total


def test_an_amount_label_left_blank_takes_no_other_field_and_a_label_inside_a_longer_word_is_not_read():
    document = read("项目名称", "农田建设", "资金总额:704", "非财政拨款资金:683", "其他资金:", "基本支出:622", *GRID)
    (sheet,) = document.sheets
    assert (sheet.budget.total, sheet.budget.fiscal, sheet.budget.other) == (Decimal(704), None, None)
    assert "其他资金" in sheet.form_fields  # the form has the field, left blank
    assert not [d for d in document.diagnostics if d.code == "P106"]  # 基本支出:622 was never taken as 其他资金


def test_a_second_grid_naming_no_project_after_a_sheet_without_indicators_continues_that_sheet():
    # 005: the form's grids hold level rows only (no 三级指标): the second grid is the same project's
    document = read("项目名称 | 镇域基础设施建设 |", "年度资金总额 | 100 |", "",
                    "一级指标 | 二级指标 | 三级指标 | 指标值 |", "产出指标 | 数量指标 | | |", "",
                    "一级指标 | 二级指标 | 三级指标 | 指标值 |", "效益指标 | 社会效益指标 | | |")
    assert [(sheet.name, sheet.budget.total) for sheet in document.sheets] == [("镇域基础设施建设", Decimal(100))]


def test_a_header_block_run_together_gives_each_label_its_value():
    # a 专项转移支付绩效目标表 whose cells a web page ran together: each label inside the text opens its own field
    document = read("附件2专项转移支付绩效目标表(2023年度)部门(单位)名称某市民族与宗教事务局项目名称宗教管理经费"
                    "补助区域甲区、乙县资金情况(万元)资金总额:30其中:财政拨款28其他资金2总体目标推进宗教活动场所规范化管理,"
                    "绩效指标一级指标二级指标三级指标指标解释指标值产出指标数量指标补助县(市、区)数量反映补助县数量情况≥2个")
    sheet = document.sheets[0]
    assert (sheet.name, sheet.budget.total, sheet.budget.fiscal, sheet.budget.other) == (
        "宗教管理经费", Decimal("30"), Decimal("28"), Decimal("2"))
    assert sheet.goals == ["推进宗教活动场所规范化管理"]
    assert [(i.name, i.target.raw) for i in sheet.indicators] == [("补助县(市、区)数量", "≥2个")]


def test_a_piped_form_one_cell_a_line_reads_its_fields_under_the_labels_real_forms_spell():
    # 142: `cell |` lines; 项目(专项)名称 with a word in brackets inside it, 申报单位, the year under the form's title,
    # and 项目概况及立项依据, a label longer than the vocabulary's 项目概况: no part of it is the purpose
    document = read("项目绩效目标表 |", "|", "(2022年度) |", "|", "申报单位 |", "区林业局 |", "项目(专项)名称 |",
                    "大青冈村绿化美化项目 |", "|", "项目概况及立项依据 |", "实施乡村公路绿化 |", "|", "项目总体目标 |",
                    "对约3500米公路沿线进行绿化美化。 |", "|", "项目年度目标 |", "通过地面清表、苗木栽植进行绿化。 |",
                    "|", *GRID)
    (sheet,) = document.sheets
    assert (sheet.title, sheet.name, sheet.unit.name, sheet.year) == (
        "项目绩效目标表", "大青冈村绿化美化项目", "区林业局", 2022)
    assert sheet.purpose == "实施乡村公路绿化"
    assert (sheet.goals, sheet.long_term_goals) == (["通过地面清表、苗木栽植进行绿化。"], ["对约3500米公路沿线进行绿化美化。"])


@pytest.mark.parametrize("lines", [
    ("*年度总体绩效目标 | 做好价格认定工作。 |",),  # 118: the form's * marks a required field
    ("本年度绩效目标 |", "做好价格认定工作。 |"),  # 124: the goal on the line below its label
    ("绩?????效?????目?????标 | 做好价格认定工作。 |",),  # 122: a spaced-out label whose spaces the page lost to ?
])
def test_goals_are_read_under_the_spellings_of_their_label_that_real_forms_print(lines):
    (sheet,) = read("项目名称 | 价格认定 |", *lines, *GRID).sheets
    assert sheet.goals == ["做好价格认定工作。"]


_SELF_EVAL_FLOW = ("2020年度項目績效自評表項目名稱水土保持監測預算執行情況(萬元)(20分)預算數(A)執行數(B)執行率(B/A)"
                   "得分(20分*執行率)年度財政資金總額1010100%20{label}一級指標二級指標三級指標年初目標值(A)實際完成值(B)得分"
                   "產出指標質量指標監測數據必須合格100%100%10")


@pytest.mark.parametrize("label", [
    "年度績效目標1(40分)",  # 015: a numbered goals block's label with its points, run together in a text flow
    "年度绩效目标一（40分）",  # its number in words, full-width brackets
    "年度绩效目标 2 ( 30 分 )",  # spaced
])
def test_a_numbered_goals_label_s_number_and_points_are_no_goal(label):
    (sheet,) = read(_SELF_EVAL_FLOW.format(label=label)).sheets
    assert (sheet.goals, [i.name for i in sheet.indicators]) == ([], ["監測數據必須合格"])


def test_a_goals_label_broken_before_its_joined_words_in_space_separated_columns_is_read_whole():
    # 103: text from a PDF, the label 年度主要目标和成果 broken by the cell's line break
    (sheet,) = read("项目名称 价格认定 项目分类 业务类", "年度主要目标     和成果 做好价格认定工作。",
                    "一级指标 二级指标 三级指标 指标值", "产出指标 数量指标 认定件数 ≥20件").sheets
    assert (sheet.name, sheet.goals) == ("价格认定", ["做好价格认定工作。"])


def test_a_row_whose_cell_runs_the_header_blocks_labels_and_values_together_gives_each_label_its_value():
    # corpus 171: a document site's copy of a Word form, its cells run together between runs of spaces
    (sheet,) = read("项目支出绩效自评表(2016年度)     项目名称某路段保洁外包经费主管部门某街道办事处实施单位:某服务中心",
                    "其他资金     年度总体目标通过规范资金使用,实现科学管理",
                    "一级指标 二级指标 三级指标 年度指标值 全年实际值 分值 得分",
                    "产出指标 数量指标 保洁道路 20条 20条 10 10").sheets
    assert (sheet.name, sheet.unit.name, sheet.goals) == ("某路段保洁外包经费", "某服务中心", ["通过规范资金使用,实现科学管理"])


@pytest.mark.parametrize(("title", "name", "year", "noted"), [
    # corpus 200: the form's title and header state no year, the project name opens with it
    ("雨露计划绩效目标申报表", "2023年雨露计划就学补助项目", 2023, True),
    ("2024年度项目支出绩效目标表", "2023年雨露计划就学补助项目", 2024, False),  # the title's year stands
    ("雨露计划绩效目标申报表", "2021-2023年高标准农田建设项目", None, False),  # a span names no budget year
    ("雨露计划绩效目标申报表", "2023年5月防汛物资采购", None, False),  # nor does a date
])
def test_a_year_the_project_name_opens_with_is_the_sheets_when_nothing_else_states_one(title, name, year, noted):
    document = read(title, f"| 项目名称 | {name} |", *GRID)
    (sheet,) = document.sheets
    assert sheet.year == year
    notes = [d.message for d in document.diagnostics if d.code == "P125"]
    assert notes == ([f"表中未写年度，按项目名称中的“{year}年”取年度"] if noted else [])


@pytest.mark.parametrize(("above", "title", "key"), [
    # corpus 036: a 区域 form names no project; its title (区域绩效目标自评表) names the sheet, and the page's heading,
    # the same title with the office in brackets, says it more fully
    (["2021年中央对地方专项转移支付区域绩效目标自评表(市场监管经开区分局)", "2021年中央对地方专项转移支付区域绩效目标自评表"],
     "2021年中央对地方专项转移支付区域绩效目标自评表(市场监管经开区分局)",
     "2021年中央对地方专项转移支付区域绩效目标自评表(市场监管经开区分局)"),
    # words a page adds before the form's title are no qualifier of it: the form's own title stands
    (["金寨经济开发区2021年度项目绩效目标自评表", "项目绩效目标自评表"], "项目绩效目标自评表", "（未命名项目）"),
])
def test_a_self_evaluation_titled_as_a_goal_form_is_titled_and_keyed_by_its_fullest_title(above, title, key):
    sheet = read(*above, "单位名称 | 遂宁市市场监督管理局经开区分局 |", *GRID).sheets[0]
    assert (sheet.name, sheet.title, sheet.key) == (None, title, key)


def test_a_blank_level1_cell_takes_the_level_every_framework_puts_the_level2_under():
    # corpus 036: the 一级指标 cell of the 产出 block is blank; 数量指标 is 产出 in every framework, 成本指标 is not
    sheet = read("一级指标 | 二级指标 | 三级指标 | 指标值 | 完成值 |",
                 " | 数量指标 | 指标1.药品抽验品种 | ≥3 | 4 |",
                 " | 成本指标 | 指标1.培训成本 | ≤0.2万元 | 0.2万元 |").sheets[0]
    assert [(i.level1, i.level1_raw, i.level2) for i in sheet.indicators] == [
        ("产出指标", "", "数量指标"), (None, "", "成本指标")]


def test_a_period_pair_of_value_columns_named_by_period_keeps_the_year_set():
    # corpus 224 (Traditional, glossed): 周期指标值 | 本年度指标值, the year's set the sheet's indicators
    sheet = read("一級指標(biāo) | 二級指標(biāo) | 三級指標(biāo) | 周期指標(biāo)值 | 本年度指標(biāo)值 |",
                 "產(chǎn)出指標(biāo) | 數(shù)量指標(biāo) | 新增學(xué)位數(shù)量(個) | 3000 | 1200 |").sheets[0]
    (indicator,) = sheet.indicators
    assert (indicator.target.raw, indicator.long_term_target.raw) == ("1200", "3000")


# -- header fields read from text run together or spaced apart (issue 9, the dev corpus's sheet fields) -------------

def test_a_name_run_together_with_the_forms_attribute_labels_stops_before_them():
    # 038: 项目名称XX项目类型新增项目项目分类其他, the form's 项目类型/项目分类 fields run on after the name
    sheet = read("项目名称博物馆提升改造项目项目类型新增项目项目分类其他", *GRID).sheets[0]
    assert sheet.name == "博物馆提升改造项目"


def test_a_second_project_name_label_names_the_project_under_the_fund():
    # 038: 一级项目名称 names the fund, 二级项目名称 the project
    sheet = read("一级项目名称文化事业发展专项资金二级项目名称博物馆免费开放补助资金项目类型新增项目", *GRID).sheets[0]
    assert sheet.name == "博物馆免费开放补助资金"


def test_a_year_cut_from_its_nian_by_a_space_joins_the_name_again():
    # 205: a PDF's text spaces a year from its 年 (项目名称 2020 年市级服务贸易发展资金)
    sheet = read("| 项目名称 | 2020 | 年市级服务贸易发展资金 |", *GRID).sheets[0]
    assert sheet.name == "2020年市级服务贸易发展资金"


def test_a_unit_field_stops_at_the_next_label_and_leaves_the_money_unit_line_beside_it():
    # 229: 填报单位:XX 填报日期:2023年3月20日; 124: 填报单位:(盖章) 单位:万元
    sheet = read("填报单位:隆阳区土壤肥料工作站 填报日期:2023年3月20日", "| 项目名称 | 化肥减量 |", *GRID).sheets[0]
    assert sheet.unit.name == "隆阳区土壤肥料工作站"
    sheet = read("填报单位:(盖章) 单位:万元", "| 项目名称 | 雾炮车购置 |", *GRID).sheets[0]
    assert (sheet.unit, str(sheet.money_unit)) == (None, "万元")


def test_an_amount_label_with_a_note_reads_its_amount_and_the_amount_its_unit():
    # 226: 年度金额(提前下达):208万元, no 单位 line: the amount's 万元 is the sheet's money unit
    sheet = read("| 专项名称 | 普惠金融发展专项资金 |", "| 年度金额(提前下达): | 208万元 |", *GRID).sheets[0]
    assert (sheet.budget.total, str(sheet.money_unit)) == (Decimal("208"), "万元")


def test_an_amount_run_into_the_next_fields_text_ends_at_its_unit():
    # 038: 预算申报数20万元资金性质一般公共预算: the amount, then the form's next field run on
    sheet = read("| 项目名称 | 博物馆运行 |", "| 预算申报数 | 20万元资金性质一般公共预算 |", *GRID).sheets[0]
    assert sheet.budget.total == Decimal("20")
    assert not [d for d in read("| 预算数 | 1000元/人 |", *GRID).diagnostics if d.code != "P106"]  # a rate is no amount


def test_an_amount_in_another_unit_than_the_tables_is_converted_and_said():
    document = read("某项目绩效目标表", "单位:元", "| 项目名称 | 雾炮车购置 |", "| 资金总额 | 20万元 |", *GRID)
    sheet = document.sheets[0]
    assert (sheet.budget.total, str(sheet.money_unit)) == (Decimal("200000"), "元")
    [said] = [d for d in document.diagnostics if d.code == "P136"]
    assert (said.location.file, said.location.column) == ("case.txt", "资金总额")
    assert "20万元" in said.message and "200000" in said.message


def test_a_later_tables_blank_amount_heading_erases_no_amount_read():
    # 010: 资金总额 | 171.41, then a task table whose heading 预算金额(万元) stands alone on its row
    sheet = read("| 部门(单位)名称 | 某研究室 |", "| 资金总额 | 171.41 |", "| 部门职能 | 支出项目名称 | 预算金额(万元) |",
                 *GRID).sheets[0]
    assert sheet.budget.total == Decimal("171.41")


PROSE_GOALS = ("绩效目标:", "产出指标:数量指标:种植温棚数量≥10栋;", "满意度指标:服务对象满意度指标:受益群众满意度≥90%。")


def test_a_notices_sentence_stating_the_projects_money_gives_the_total():
    # 127, 202: …资金用于某村人居环境整治项目,资金总额500万元,项目负责人… above the prose indicators
    sheet = read("根据某文件,资金用于某村人居环境整治项目,资金总额500万元,项目负责人某某。", *PROSE_GOALS).sheets[0]
    assert (sheet.budget.total, str(sheet.money_unit)) == (Decimal("500"), "万元")


def test_a_notice_stating_several_amounts_leaves_the_total_and_says_so():
    document = read("安排某项目资金50万元,其中种植资金30万元,增加特色产业产值80万元。", *PROSE_GOALS)
    assert document.sheets[0].budget.total is None
    [said] = [d for d in document.diagnostics if d.code == "P137"]
    assert "50万元" in said.message and "30万元" in said.message and "80万元" not in said.message


def test_a_total_label_with_its_unit_inside_a_run_together_cell_gives_the_amount():
    # 216: 县动物卫生监督所资金总额(万元)50, the unit's name, then the total's label, its unit and its amount
    sheet = read("某专项资金绩效目标表", "| 专项名称 | 重大动物疫病防控 |", "| 年度 | 县动物卫生监督所资金总额(万元)50 |",
                 *GRID).sheets[0]
    assert (sheet.budget.total, str(sheet.money_unit)) == (Decimal("50"), "万元")


def test_a_block_of_amounts_whose_labels_head_columns_takes_the_total_from_the_figures_below():
    # 200: the labels head columns, the sources' sub-headings below them, then the figures
    sheet = read("| 专项名称 | 雨露计划就学补助 |", "| 专项资金情况 | 本年度预计投入(万元) | 财政资金(万元) | 其他 |",
                 "| 中央 | 省级 | 市级资金 | 本级 |", "| 7 | 0 | 7 | 0 | 0 | 0 |", *GRID).sheets[0]
    assert (sheet.budget.total, str(sheet.money_unit)) == (Decimal("7"), "万元")


@pytest.mark.parametrize(("lines", "blank", "unit"), [
    # 146: a pipe table whose 项目负责人 and 项目主管部门 cells are empty (the next cell is another label)
    (("项目名称 | 主体班 | 项目负责人 | ||||", "项目主管部门 | 实施单位 | 中共黄石市委党校 |"),
     ["项目负责人", "主管部门"], "中共黄石市委党校"),
    # 133: spaced text, the blank 主管部门 followed by a label and its value in one cell
    (("项目名称 公办和普惠性民办幼儿园公用经费", "主管部门  项目起止时间 2022.1—2022.12", "项目负责人 杨柳  联系电话 139****8136"),
     ["主管部门"], None),
    # 172: one cell a line, the empty 联系电话 before 地址 (a label, not its value)
    (("项目名称", "服务贸易项目", "主管部门", "省商务厅", "项目负责人", "李鹏", "联系电话", "", "地址", "海口市国兴大道"),
     ["联系电话"], None),
    # 187: 项目负责人及电话 left blank at the end of its row
    (("项目名称 | 2018年南岳镇资产收益扶贫项目 | 项目负责人及电话 | |", "主管部门 | 南岳镇人民政府 | 实施单位 | 南岳镇人民政府 |"),
     ["项目负责人"], "南岳镇人民政府"),
    # 200: a label broken by a space (专项立项 依据) over an empty cell
    (("| 专项名称 | 2023年雨露计划就学补助项目 | |", "| 主管部门 | 南岳区乡村振兴局 | 专项负责人 | 欧阳光 |",
      "| 专项立项 依据 | |"), ["项目立项依据"], None),
    # 273: 联系电话 starred out for publication was filled in: not a blank of the form
    (("| 项目名称 | 基础测绘规划编制 | 单位名称 | 柘荣县自然资源局 |", "| 项目负责人 | 吴贤生 | 联系电话 | *********** |"),
     [], "柘荣县自然资源局"),
    (("项目名称 | 村道养护 | 项目负责人 | ＊＊＊ |", "主管部门 | | 联系电话 | 0599-1234567 |"), ["主管部门"], None),
    # every field filled: nothing blank
    (("项目名称 | 主体班 | 项目负责人 | 张三 |", "主管部门 | 黄石市委 | 联系电话 | 0714-1234567 |"), [], None),
])
def test_a_header_label_beside_an_empty_cell_is_a_blank_field_of_the_form(lines, blank, unit):
    (sheet,) = read(*lines, *GRID).sheets
    assert sheet.blank_fields == blank
    assert set(blank) <= set(sheet.form_fields)
    assert (sheet.unit.name if sheet.unit else None) == unit


# Every source the form prints under the total is read: 283's 部门整体 自评表 lists 按收入性质分 一般公共预算,
# 政府性基金拨款, 纳入专户管理的非税收入拨款 (blank) and 其他资金 one cell a line; 237's 自评表 money table
# 本年财政拨款, 上年结转资金 and 其他资金 rows under 年度资金总额. The sources the model has no field of are kept by
# their label (Budget.sources); a blank one is none.
@pytest.mark.parametrize(("lines", "fiscal", "other", "sources"), [
    (("项目名称:部门整体支出", "年度资金总额:2030.12", "按收入性质分:2030.12", "其中: 一般公共预算:1325.68",
      "政府性基金拨款:118.82", "纳入专户管理的非税收入拨款:", "其他资金:585.62", *GRID),
     Decimal("1325.68"), Decimal("585.62"), {"政府性基金拨款": Decimal("118.82")}),
    (("防震减灾项目支出绩效自评表 ", "(2021年度)", "项目名称 防震减灾综合保障", "主管部门 某市地震局 实施单位 某市地震局",
      "项目资金", "(万元)", "年初预算数 全年预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分",
      "年度资金总额: 55 55 55 10 100% 10", " 其中:本年财政拨款 43 43 43 - 100% -", "    上年结转资金 12 12 12 - -",
      "       其他资金 0 0 0 - -", "年度总体目标完成情况 预期目标 实际完成情况", "目标1:全省考核先进单位。",
      "1.全省考核先进单位。", "年度绩效指标完成情况", "一级", "指标",
      "二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施", "(50分)",
      "数量指标 指标1:接受业务培训人数 200 200余人 10 10", "质量指标 指标1:台网运行率 ≥95% 99.12% 10 10"),
     Decimal("43"), Decimal("0"), {"上年结转资金": Decimal("12")}),
])
def test_every_printed_source_of_the_money_is_read(lines, fiscal, other, sources):
    sheet = read(*lines).sheets[0]
    assert (sheet.budget.fiscal, sheet.budget.other, sheet.budget.sources) == (fiscal, other, sources)
    assert sheet.budget.parts() == sheet.budget.total


@pytest.mark.parametrize("label", ["公共财政拨款", "一般公共预算拨款", "公共财政预算拨款"])
def test_the_general_budget_appropriation_under_its_older_name_is_the_fiscal_money(label):
    # the 部门整体 form's 按收入性质分 list opens with 公共财政拨款 (the 一般公共预算 before the 2014 Budget Law)
    document = read("项目名称", "农田建设", "资金总额:704", f"{label}:683", "政府性基金拨款:", "其他资金:21", *GRID)
    (sheet,) = document.sheets
    assert (sheet.budget.total, sheet.budget.fiscal, sheet.budget.other) == (Decimal(704), Decimal(683), Decimal(21))


def test_a_hunan_forms_money_row_run_together_gives_its_total_after_the_sections_label():
    # corpus 005: the 项目绩效目标表 run together on one line, its money row 资金总额及构成 | 总额 | 财政拨款 | 二、自有资金:
    # 总额 is the total under the section's label, not text glued to it
    (sheet,) = read("项目绩效目标表(2021年度)填报单位(盖章):宁乡市坝塘镇人民政府 项目名称镇域内基础设施建设项目属性新增项目"
                    "主管部门坝塘镇资金总额及构成总额150万元财政拨款:100万元二、自有资金:0万元项目概况镇域内道路建设"
                    "年度绩效指标一级指标二级指标三级指标指标值备注产出指标数量指标改造道路长度≥10公里").sheets
    assert (sheet.name, sheet.budget.total, sheet.budget.fiscal) == ("镇域内基础设施建设", Decimal("150"), Decimal("100"))
    assert [i.name for i in sheet.indicators] == ["改造道路长度"]


def test_a_money_parts_cell_naming_its_fund_before_the_amount_gives_the_part():
    # corpus 178: 其中:财政拨款 | 中央衔接推进乡村振兴补助资金(少数民族发展任务)50
    (sheet,) = read("项目名称 | 养殖场基础设施建设项目 |", "年度资金总额:50万 | 中央衔接推进乡村振兴补助资金(少数民族发展任务)50 |",
                    "其中:财政拨款 | 中央衔接推进乡村振兴补助资金(少数民族发展任务)50 |", *GRID).sheets
    assert (sheet.budget.total, sheet.budget.fiscal) == (Decimal("50"), Decimal("50"))


def test_a_money_parts_amount_after_its_funds_name_is_the_part():
    # corpus 262: 其中:财政拨款 and 其他资金 each followed by the fund the money comes from, then its amount
    (sheet,) = read("项目支出绩效自评表(2022年度)项目名称某推广项目主管部门某局实施单位某局项目资金(万元)年初预算数全年执行数"
                    "年度资金总额:38.75万元其中:财政拨款少数民族发展资金37万元其他资金中央衔接资金1.75万元年度总体目标推广边销茶"
                    "绩效指标一级指标二级指标三级指标指标值产出指标数量指标发放人数≥230人").sheets
    assert (sheet.budget.total, sheet.budget.fiscal, sheet.budget.other) == (
        Decimal("38.75"), Decimal("37"), Decimal("1.75"))


# -- form fields whose label ends another's value, and fields left blank (corpus 267, 276, 280) ---------------------

def test_a_longer_label_ending_in_a_code_label_is_its_own_field_not_the_projects_code():
    # corpus 267 (Hubei application form): the 一级项目's code label is no 项目编码, its value no project code
    (sheet,) = read("项目名称:学校校舍安全保障资金", "项目编码:", "项目期限 项目来源 是否科研项目 否 一级",
                    "一级项目编码 是否使用上级转移支 否 付资金:", *GRID).sheets
    assert sheet.code is None and sheet.name == "学校校舍安全保障资金"


def test_the_years_budget_is_read_beside_the_whole_spans_and_last_years_blank_is_known():
    # corpus 280 (Anhui 申报明细表): 项目总预算 75 for three years beside 项目当年预算 25; 同名项目上年预算额 left blank
    (sheet,) = read("项目名称 特殊人群病种筛查经费", "项目总预算(万元) 75.00      项目当年预算(万元) 25.00",
                    "同名项目上年预算额 同名项目上年预算执行数", *GRID).sheets
    assert sheet.budget.total == Decimal("25.00")
    assert {"同名项目上年预算额", "同名项目上年预算执行数"} <= set(sheet.blank_fields)


@pytest.mark.parametrize(("lines", "total", "span"), [
    # no label of the year's, no length of the span: the span's budget is not the year's, and the year's is not stated
    (("项目总预算(万元) 75.00",), None, Decimal("75.00")),
    # a span of one year: its budget is the year's
    (("项目期 1年", "项目总预算(万元) 75.00"), Decimal("75.00"), Decimal("75.00")),
    (("实施期 2023年1月-2023年12月", "项目总预算(万元) 75.00"), Decimal("75.00"), Decimal("75.00")),
    (("项目期 3年", "项目总预算(万元) 75.00"), None, Decimal("75.00")),
    (("项目总预算(万元) 75.00      项目当年预算(万元)",), None, Decimal("75.00")),  # the year's left blank: not filled
    (("中期资金总额 300      年度资金总额 100",), Decimal("100"), Decimal("300")),
])
def test_the_whole_spans_budget_is_the_periods_and_the_sheets_only_for_a_span_of_one_year(lines, total, span):
    (sheet,) = read("项目名称 特殊人群病种筛查经费", *lines, *GRID).sheets
    assert (sheet.budget.total, sheet.period.budget.total) == (total, span)


@pytest.mark.parametrize(("lines", "said"), [
    (("项目总预算(万元) 75.00",), "表中只写了整个实施期的资金“项目总预算(万元)”75.00，没有写当年的预算数"),
    (("中期资金总额: 300",), "表中只写了整个实施期的资金“中期资金总额”300.00"),
    (("项目期 1年", "项目总预算(万元) 75.00"), None),  # one year's span: its budget is the year's, nothing to say
    (("项目总预算(万元) 75.00      项目当年预算(万元) 25.00",), None),
])
def test_a_budget_left_empty_beside_the_whole_spans_is_said_where_its_label_stands(lines, said):
    document = read("项目名称 特殊人群病种筛查经费", *lines, *GRID)
    found = [(d.message, d.location.column) for d in document.diagnostics if d.code == "P160"]
    assert [message.startswith(said) for message, _ in found] == ([True] if said else [])
    assert all(column in said for _, column in found)


@pytest.mark.parametrize(("lines", "period"), [
    # corpus 152 (Anhui 项目支出绩效目标表): the length printed beside the span's years the 中期目标 heading names
    (("项目期 | 1年", "总体目标 | 中期目标(2023年—2025年) | 年度目标"), ("1年", 1, 2023, 2025)),
    (("项目期 | 3年",), ("3年", 3, None, None)),
    (("项目期限 | 2024年-2026年",), ("2024年-2026年", None, 2024, 2026)),
    (("项目起止时间 | 202001-202012",), ("202001-202012", None, 2020, 2020)),
    (("年度 | 2023", "项目期 | 1年"), ("1年", 1, 2023, 2023)),  # one year alone: the sheet's
])
def test_the_span_is_read_from_its_label_and_the_long_term_goals_heading(lines, period):
    (sheet,) = read("项目名称 | 人工增雨作业", *lines, *GRID).sheets
    found = sheet.period
    assert (found.text, found.years, found.start, found.end) == period


@pytest.mark.parametrize(("lines", "period"), [
    # corpus 280 (Anhui 申报明细表): the span's first and last day in fields of their own, the spaced copy cutting each
    # date apart and running the next label on after it
    (("起始日期:2019年  1 月 1日 结束日期:  2021 年 12  月31日",), ("2019年1月1日—2021年12月31日", 2019, 2021)),
    # corpus 186 (Chongqing): each date in a cell after its label, the first label run on before the money's
    (("开始日期 | 2021.1 | 结束日期 | 2021.12",), ("2021.1—2021.12", 2021, 2021)),
    (("开始日期资金情况 (单位:万元) | 2021.1 | 结束日期 | 2021.12",), ("2021.1—2021.12", 2021, 2021)),
    (("项目开始日期 | 2023-01-01 | 项目完成日期 | 2024-12-31",), ("2023-01-01—2024-12-31", 2023, 2024)),
    # a date a copy cut short names its year, not the span as printed
    (("项目开始日期 | 2023-01- | 项目完成日期 | 2023-12-31",), (None, 2023, 2023)),
])
def test_the_span_is_read_from_the_dates_it_starts_and_ends(lines, period):
    document = read("项目名称 | 人工增雨作业", *lines, *GRID)
    (sheet,) = document.sheets
    assert (sheet.period.text, sheet.period.start, sheet.period.end) == period
    # the last day's year alone in its cell (2021 年 12) is no year line; a span within one year gives the sheet's year,
    # said (P180), and one of several years none
    said = [d.code for d in document.diagnostics if d.code == "P180"]
    assert (sheet.year, said) == ((period[1], ["P180"]) if period[1] == period[2] else (None, []))


def test_dates_starred_out_for_publication_are_no_span():
    # corpus 273 (Fujian): 项目开始时间 | **** | 项目结束时间 | ****
    (sheet,) = read("项目名称 | 基础测绘规划编制", "项目开始时间 | **** | 项目结束时间 | ****", *GRID).sheets
    assert sheet.period is None and sheet.blank_fields == []


@pytest.mark.parametrize("lines", [
    # the 88号 form's money block (corpus 168: 年度资金总额 | 其中:财政拨款 | 其他资金) laid out as columns over a row of
    # figures, the year's column first: 年度 and 资金总额 are two headings, not one label broken over two cells
    ("| 年度 | 资金总额 | 其中:财政拨款 | 其他资金 |", "| 2023 | 80 | 60 | 20 |"),
    ("| 年度 | 资金总额(万元) | 财政资金 | 其他资金 |", "| 2023年 | 80 | 60 | 20 |"),
])
def test_a_budget_block_whose_year_column_comes_first_reads_each_figure_under_its_heading(lines):
    (sheet,) = read("项目名称 | 人工增雨作业", *lines, *GRID).sheets
    assert (sheet.year, sheet.budget.total, sheet.budget.fiscal, sheet.budget.other) == (
        2023, Decimal("80"), Decimal("60"), Decimal("20"))


def test_a_label_beside_the_span_label_is_no_span():
    # corpus 267 (Hubei application form): 项目期限 blank, 项目来源 the next label
    (sheet,) = read("项目名称:学校校舍安全保障资金", "项目期限 | 项目来源 | 是否科研项目 | 否", *GRID).sheets
    assert sheet.period is None


@pytest.mark.parametrize(("lines", "year", "span"), [
    # corpus 152, 154 (Anhui 项目支出绩效目标表): the span's money and its parts in the columns before the year's
    (("中期资金总额: | 449.8万 | 年度资金总额: | 189.8万", "其中:财政拨款 | 449.8万 | 其中:财政拨款 | 189.8万",
      "其他资金 | 0.00 | 其他资金 | 0.00"),
     ("189.8", "189.8", "0.00"), ("449.8", "449.8", "0.00")),
    # one cell to a line, as the copy on a web page breaks them
    (("中期资金总额:", "170.00", "年度资金总额:", "340.00", "其中:财政拨款", "170.00", "其中:财政拨款", "340.00"),
     ("340.00", "340.00", None), ("170.00", "170.00", None)),
    # the year's parts alone: the year's
    (("中期资金总额: | 300 | 年度资金总额: | 100", "其中:财政拨款 | 100"), ("100", "100", None), ("300", None, None)),
])
def test_the_spans_parts_are_the_first_of_each_part_printed_twice(lines, year, span):
    (sheet,) = read("项目名称 | 人工增雨作业", *lines, *GRID).sheets

    def figures(budget):
        return tuple(None if figure is None else f"{figure}" for figure in (budget.total, budget.fiscal, budget.other))
    assert (figures(sheet.budget), figures(sheet.period.budget)) == (year, span)


def test_a_wide_forms_row_of_labels_run_together_records_each_label_and_an_empty_goals_cell():
    # corpus 276 (Hunan 2023 公开格式): 单位代码单位(专项)名称资金总额实施期绩效目标绩效指标, the goals cell empty
    (sheet,) = read("单位代码单位(专项)名称资金总额实施期绩效目标绩效指标", *GRID).sheets
    assert {"单位编码", "预算单位", "预算数", "中期目标"} <= set(sheet.form_fields)
    assert sheet.goals == [] and sheet.long_term_goals == []


# A row of label/amount pairs right under the money's row (or continuing such a row) is a row of its other sources,
# whatever the labels say (the model keeps any: 中央补助, 社会捐赠); anything else there is read as before.
MONEY = "预算规模及资金用途 | 预算数 | 100 | 其中：财政资金 | 60 | 其他资金 | 10 |"


@pytest.mark.parametrize(("rows", "sources"), [
    (("| 中央补助 | 20 | 社会捐赠 | |", "| 省级补助资金 | 10 |"),
     {"中央补助": Decimal(20), "省级补助资金": Decimal(10)}),
    (("| 政府性基金拨款 | 30 |",), {"政府性基金拨款": Decimal(30)}),
    # the sources' sub-headings over their figures, a sentence, another field's label: no source
    (("| 中央 | 省级 | 本级 |",), {}),
    (("| 用于村庄环境整治和垃圾清运 |",), {}),
    (("| 项目负责人 | 张三 |",), {}),
    # corpus 037: 其中: 省级财政 under 财政资金 is a part of it, no source beside it
    (("| 其中: | 省级财政 | 60 |",), {}),
    # a row of labels alone under the money's row, not continuing a row of sources: no source
    (("| 中央补助 | |", "| 省级补助资金 | 10 |"), {}),
])
def test_a_row_of_label_amount_pairs_under_the_money_row_is_its_sources(rows, sources):
    (sheet,) = read("项目名称 | 村道养护 |", MONEY, *rows, *GRID).sheets
    assert sheet.budget.sources == sources
    assert (sheet.budget.total, sheet.budget.fiscal, sheet.budget.other) == (Decimal(100), Decimal(60), Decimal(10))


@pytest.mark.parametrize("lines", [
    ("项目名称 | 村道养护 |", MONEY, "项目负责人 | 张三 |", "| 中央补助 | 20 |"),
    # corpus 037's variants: a web page's count above the form, on the file's first row
    ("已收录 | 273763 |", "项目名称 | 村道养护 |", MONEY),
])
def test_a_row_of_label_amount_pairs_elsewhere_is_no_source(lines):
    (sheet,) = read(*lines, *GRID).sheets
    assert sheet.budget.sources == {}
