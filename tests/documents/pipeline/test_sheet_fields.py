"""The sheet fields (project name, budget total and its parts, annual goals) as real published forms print them
(issues 9 and 12): small snippets of real text, each a family of layouts, not one file."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.documents.pipeline import read_text
from jixiao.model.lexicon import simplified

_GRID = [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
         ["产出指标", "数量指标", "基建工程委托业务项目数量", "≥50个", "50", "8", "8", ""]]


def lines(*texts: str, gap: str = "\n") -> bytes:
    """A text file of ``texts``, one a line (or a paragraph, with ``gap`` a blank line)."""
    return gap.join(texts).encode()


def read(rows: list[list[str]]):
    return read_text(lines(*("| " + " | ".join(row) + " |" for row in rows)), "case.txt")[0]


def test_the_budget_total_of_a_self_evaluation_is_the_full_years_budget():
    # 棠溪镇 2022 (corpus 006): the total row left at 0, its one part printing 年初 90, 全年 89.974, 执行 89.974; the
    # sheet's budget is the one the execution is measured against, the 年初预算数 stays the evaluation's own
    rows = [["项目支出绩效自评表"], ["项目名称", "委托业务项目"],
            ["项目资金 (万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
            ["年度资金总额:", "0", "0", "0", "10", "0", "0"],
            ["其中:本年财政拨款", "90", "89.974", "89.974", "", "", ""], *_GRID]
    sheet = read(rows).sheets[0]
    assert sheet.budget.total == Decimal("89.974")
    assert (sheet.evaluation.budget_initial, sheet.evaluation.budget_full) == (Decimal(90), Decimal("89.974"))


def test_the_budget_total_is_the_initial_budget_where_no_full_one_is_printed():
    rows = [["项目支出绩效自评表"], ["项目名称", "委托业务项目"],
            ["项目资金 (万元)", "年初预算数", "全年执行数", "分值", "执行率", "得分"],
            ["年度资金总额", "90", "89.974", "10", "99.97%", "9.99"], *_GRID]
    assert read(rows).sheets[0].budget.total == Decimal(90)


def test_amounts_run_on_after_the_project_name_are_read():
    # 嘉峪关 2023 (a document site's copy, every cell of the form run together after the name): the name ends at the
    # next field's label, and the amounts run on after it, each with its money unit and no colon, are read
    text = lines(
        "省级部门预算项目支出绩效目标表",
        ("项目名称博物馆纪念馆市级免费开放补助资金项目类型新增项目项目分类专项工作经费资金用途业务类项目主管部门嘉峪关市"
         "文化和旅游局项目开始日期2023-01-01项目总投资20万元中央补助安排0省级财政安排0其他资金20万元预算申报数20万元"
         "资金性质一般公共预算"),
        "| 一级指标 | 二级指标 | 三级指标 | 指标目标值 |",
        "| 产出指标 | 数量指标 | 免费开放天数 | =300天 |",
    )
    sheet = read_text(text, "case.txt")[0].sheets[0]
    assert sheet.name == "博物馆纪念馆市级免费开放补助资金"
    assert (sheet.budget.total, sheet.budget.other, sheet.money_unit) == (Decimal(20), Decimal(20), "万元")


def test_a_money_row_short_of_a_budget_cell_puts_its_last_amount_under_the_amount_spent():
    # 临翔区 2023: two amounts under 年初预算数 | 全年预算数 | 全年执行数; 31.69 of 32.4 is the printed 97.80%, so the
    # empty cell is a budget's and 31.69 the amount spent
    rows = [["项目支出绩效自评表"], ["项目名称", "2023年马鹿坑国有林场新建野生动物收容所建设项目"], ["项目资金 (万元)"],
            ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"], ["年度资金总额"],
            ["32.4", "31.69", "10", "97.80%", "9"], *_GRID]
    sheet = read(rows).sheets[0]
    assert (sheet.budget.total, sheet.evaluation.spent, sheet.evaluation.execution_rate) == (
        Decimal("32.4"), Decimal("31.69"), Decimal("97.80"))


def test_figures_of_amount_columns_printed_one_per_line_are_the_rows_below_them():
    # 南岳区 2020 专项资金预算绩效目标申报表 on its site: the figures row under the amount columns broken over lines
    # (25 / (empty) / 25), each line no row of its own
    text = lines(
        "专项资金预算绩效目标申报表 | ||||",
        "专项基本情况 | 专项名称 | 南岳区青少年学生校外活动教学相关补助费 | ||",
        "专项资金情况 | 本年度预计投入(万元) | 财政资金(万元) | 其他 | ||",
        "中央 | 省级 | 市级资金 | 本级 | ||",
        "25 |", "|", "|", "| 25 |", "",
        "| 一级指标 | 二级指标 | 三级指标 | 指标值 |",
        "| 产出指标 | 数量指标 | 开办特长班 | ≥10个 |",
    )
    sheet = read_text(text, "case.txt")[0].sheets[0]
    assert (sheet.budget.total, sheet.money_unit) == (Decimal(25), "万元")


def test_a_project_name_label_spaced_out_inside_text_run_together_opens_the_name():
    # 国家林业局's 填写样例 on a document site: the title, the label spaced out to fill its cell and the name run together
    text = lines(
        "样例项目支出绩效目标申报表项 目 名 称 国家森林病虫害预测预报补助经费主管部门及代码169国家林业局 实施单位造林司",
        "| 一级指标 | 二级指标 | 三级指标 | 指标值 |",
        "| 产出指标 | 数量指标 | 编发趋势预报 | 2次 |",
    )
    sheet = read_text(text, "case.txt")[0].sheets[0]
    assert sheet.name == "国家森林病虫害预测预报补助经费"


@pytest.mark.parametrize(("title", "name"), [
    ("2019年度宁晋县高中助学金项目绩效评价指标表", "宁晋县高中助学金项目"),  # (corpus 030: no 项目名称 field)
    ("服务贸易项目绩效自评表", "服务贸易项目"),  # (corpus 172: the form's fields lost in the copy)
    ("项目支出绩效自评表", None),
    ("2024年祁东县部门整体支出绩效目标表", None),
    ("专项资金预算绩效目标申报表", None),
    ("2021年中央对地方专项转移支付区域绩效目标自评表(市场监管经开区分局)", None),
    ("石嘴山市疾病预防控制中心2020年项目绩效目标批复表", None),
])
def test_a_sheet_naming_no_project_takes_the_one_its_title_names(title, name):
    rows = [[title], ["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "资助学生人数", "≥500人"]]
    assert read(rows).sheets[0].name == name


def test_a_title_names_no_project_over_the_name_the_form_gives():
    rows = [["2020年省级财政水利发展资金绩效目标表"], ["专项(项目)名称", "农村饮水安全巩固提升工程专项"],
            ["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "受益人口", "9200人"]]
    assert read(rows).sheets[0].name == "农村饮水安全巩固提升工程专项"


def test_the_year_row_of_a_goals_block_holding_a_sentence_holds_the_years_goals():
    # 淮北 2025 (a site's broken pipe rows): the goals block's 年度 row, its label broken away, one cell per line
    text = lines(
        "项目支出绩效目标表", "项目名称 |", "农村文化建设配套补助经费 |", "年度 |",
        "文化惠民工程,主要用于送戏进万村,按照明年的任务70个行政村,每村4400元,市级需配套704元/村。 |", "",
        "| 一级指标 | 二级指标 | 三级指标 | 指标值 |", "| 产出指标 | 数量指标 | 送戏进村 | ≥70个 |",
    )
    sheet = read_text(text, "case.txt")[0].sheets[0]
    assert sheet.goals == ["文化惠民工程,主要用于送戏进万村,按照明年的任务70个行政村,每村4400元,市级需配套704元/村。"]
    assert sheet.year is None


def test_the_year_row_holding_an_amount_run_together_is_no_goal():
    rows = [["项目名称", "农田建设"], ["年度", "预算申请 (万元)资金总额:952.22"], *_GRID]
    sheet = read(rows).sheets[0]
    assert (sheet.goals, sheet.budget.total) == ([], Decimal("952.22"))


def test_the_next_item_of_a_numbered_goals_list_broken_onto_a_row_of_its_own_continues_it():
    # 南岳区 2023 雨露计划: the goals cell's second item on a pipe row of one cell, not indented
    text = lines(
        "雨露计划绩效目标申报表",
        "| 专项名称 | 2023年雨露计划就学补助项目 | ||||",
        "| 本年度绩效 目标 | 1.对提供就读学籍证明的学生了放就学补助; | ||||",
        "| 2.补助标准为:每生 1500 元/学期。 | ||||",
        "| 一级指标 | 二级指标 | 三级指标内容 | 指标值及单位 |",
        "| 产出 指标 | 数量指标 | 年度申请就学补助户数 | >=101人/次 |",
    )
    sheet = read_text(text, "case.txt")[0].sheets[0]
    assert sheet.goals == ["对提供就读学籍证明的学生了放就学补助", "补助标准为:每生 1500 元/学期。"]


def test_a_line_numbered_otherwise_than_the_next_item_is_no_continuation():
    text = lines(
        "雨露计划绩效目标申报表",
        "| 专项名称 | 2023年雨露计划就学补助项目 | ||||",
        "| 本年度绩效 目标 | 1.对提供就读学籍证明的学生了放就学补助; | ||||",
        "| 3.补助标准为:每生 1500 元/学期。 | ||||",
        "| 一级指标 | 二级指标 | 三级指标内容 | 指标值及单位 |",
        "| 产出 指标 | 数量指标 | 年度申请就学补助户数 | >=101人/次 |",
    )
    assert read_text(text, "case.txt")[0].sheets[0].goals == ["对提供就读学籍证明的学生了放就学补助"]


def test_the_money_used_summed_over_its_sources_is_the_amount_spent():
    # 四川 普惠金融发展专项资金 自评表: 资金使用情况(万元)合计: then each source's amount
    rows = [["专项转移支付绩效自评表"], ["专项名称", "普惠金融发展专项资金"], ["资金情况(万元)"],
            ["年度金额(提前下达):", "208万元"],
            ["资金使用情况(万元)合计:", "109.8万元", "中央财政", "84.5万元", "省级财政", "25.3万元"], *_GRID]
    sheet = read(rows).sheets[0]
    assert (sheet.budget.total, sheet.evaluation.spent) == (Decimal(208), Decimal("109.8"))


def test_money_figures_read_under_headings_that_lost_their_places_are_read_again_from_the_text():
    # 2020年市级服务贸易发展资金 自评表 (a PDF's text): 预算数 on a line of its own, its (A) on the next line before the
    # other headings and the figures; a percentage under 得分 says the row's cells lost their places
    text = lines(
        "2020年市级服务贸易发展资金项目自评表",
        "| 项目名称 | 2020年市级服务贸易发展资金 |",
        "| 预算数 |",
        "| (A)执行数(B) | 执行率(B/A) | 得分 | (20 | 分*执行率) | 285.84 | 285.84 | 100% | 20 |",
        "| 一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分 |",
        "| 产出指标 | 数量指标 | 服务外包企业数 | 10家 | 12家 | 20 |",
    )
    sheet = read_text(text, "case.txt")[0].sheets[0]
    evaluation = sheet.evaluation
    assert (evaluation.budget_full, evaluation.spent, evaluation.execution_rate, evaluation.execution_score) == (
        Decimal("285.84"), Decimal("285.84"), Decimal(100), Decimal(20))
    assert sheet.budget.total == Decimal("285.84")


def test_the_part_row_of_this_years_fiscal_money_gives_the_fiscal_amount():
    # 萧县杨楼社区 2023: 其中:本年财政拨款 under the 年度资金总额 row
    rows = [["项目支出绩效自评表"], ["项目名称", "2023年杨楼社区特色种养殖补贴到户项目"], ["资金情况", "(万元)"],
            ["全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分"],
            ["年度资金总额:", "8.408", "8.408", "10", "100.00%", "10"],
            ["其中:本年财政拨款", "8.408", "8.408", "10", "100.00%", "10"], ["其他资金", "0", "0"], *_GRID]
    sheet = read(rows).sheets[0]
    assert (sheet.budget.total, sheet.budget.fiscal) == (Decimal("8.408"), Decimal("8.408"))


def test_a_part_row_printed_one_cell_per_line_takes_a_figure_under_each_money_heading():
    # 棠溪镇 2022 as its .xls text gives it, one cell per line: the part row's three amounts all belong to it
    cells = ["项目支出绩效自评表", "项目名称", "委托业务项目", "项目资金 (万元)", "年初预算数", "全年预算数", "全年执行数",
             "分值", "执行率", "得分", "年度资金总额:", "0", "0", "0", "10", "0", "0", "其中:本年财政拨款", "90",
             "89.974", "89.974", "上年结转资金", "其他资金", "",
             "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |",
             "| 产出指标 | 数量指标 | 基建工程委托业务项目数量 | ≥50个 | 50 | 8 | 8 |"]
    evaluation = read_text(lines(*cells), "case.txt")[0].sheets[0].evaluation
    assert (evaluation.budget_initial, evaluation.budget_full, evaluation.spent) == (
        Decimal(90), Decimal("89.974"), Decimal("89.974"))


def test_a_report_saying_its_budget_only_after_its_first_indicator_sentence_gives_it():
    # 无为市 2022 危房改造 自评报告: the budget said under 1、数量指标, after the sentence read as the report's indicator
    text = lines(
        "无为市危房改造转移支付2022年度绩效自评报告", "一、绩效目标情况",
        "根据省、市住建部门要求,我市2022年农村危房改造任务数为115户,实际完成农村危房改造264户,发放补助资金为278.8万元。",
        "二、绩效目标完成情况分析", "(一)资金投入情况:实际完成农村危房改造264户,发放补助资金为278.8万元。",
        "(三)绩效指标完成情况:", "1、数量指标",
        "2022年初农村危房改造资金预算安排300.7万元 ,用于农村低收入群体房屋安全,计划补助115户。住建局严格规范操作。",
        "2、质量指标", "农村危房改造补", gap="\n\n",
    )
    sheet = read_text(text, "case.txt")[0].sheets[0]
    assert (sheet.evaluation.budget_full, sheet.evaluation.spent) == (Decimal("300.7"), Decimal("278.8"))
    assert sheet.budget.total == Decimal("300.7")


def test_a_money_row_whose_rate_cell_is_blank_is_read_when_its_score_bears_it_out():
    # 普陀区 2022 (a PDF's text flow): 执行率 left blank; 10 × 215457.6 / 250000 is the printed score 8.62
    rows = [["财政项目支出绩效自评表"], ["项目名称", "普陀体育中心与委托运营方结算费用"],
            ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", "250000.00", "250000.00", "215,457.6",
             "10", "8.62", "250000.00", "250000.00", "215457.6", "—"], *_GRID]
    evaluation = read(rows).sheets[0].evaluation
    assert (evaluation.budget_full, evaluation.spent, evaluation.execution_weight, evaluation.execution_score,
            evaluation.execution_rate) == (Decimal(250000), Decimal("215457.6"), Decimal(10), Decimal("8.62"), None)


def test_a_row_one_figure_short_whose_score_does_not_bear_out_a_blank_rate_is_not_read_so():
    rows = [["财政项目支出绩效自评表"], ["项目名称", "普陀体育中心与委托运营方结算费用"],
            ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", "250000.00", "250000.00", "215,457.6",
             "10", "5"], *_GRID]
    assert read(rows).sheets[0].evaluation.spent is None


_GOALS_QUOTED = "2020年,我绩效目标是全年完成应急救护普及培训3000人,红十字救护员培训50人,发展志愿者50人,困难救助100人。"


@pytest.mark.parametrize(("said", "total", "name"), [
    # corpus 255 (沅江市红十字会): a report cut before its results states its money only as the year's allotment, and
    # names the fund there, its title naming only the kind of money (专项资金)
    ("2020财政下达红十字事业支出专项资金28万元。", Decimal(28), "红十字事业支出专项资金"),
    # corpus 224 (和平县, Traditional): the amount before the fund it is
    ("2020年,根據(jù)文件精神,中央撥付11600萬元抗疫特別國債資金用于陽明鎮(zhèn)星星中學(xué)校舍建設(shè)。", Decimal(11600),
     "抗疫特別國債資金"),
    # the same family written otherwise: the fund's year between the verb and the fund, a total said as 共计
    ("在全县范围内实施2021年农村公路养护补助经费共计45.6万元。", Decimal("45.6"), "2021年农村公路养护补助经费"),
    ("本项目累计安排资金10万元,其中:项目立项6分,绩效目标5分。", Decimal(10), None),  # (资金 alone names no fund)
    # one source of several in one sentence is no total (corpus 221); two allotments are none either
    ("收到中央下达生活补助资金1372.7万元,自治区下达98.6万元,地方匹配859.6万元。", None, None),
    ("市财政下达培训经费20万元。县财政安排配套资金5万元。", None, None),
])
def test_a_report_states_its_money_as_the_years_allotment(said, total, name):
    text = lines("沅江市红十字会2020年度专项资金绩效评价报告", "一、项目基本情况", "(二)项目绩效目标", _GOALS_QUOTED,
                 "二、项目实施及管理情况", said, "项目建设组织机构健全,有主管领导、分管领导和财务管理人员。")
    document = read_text(text, "case.txt")[0]
    assert (document.sheets[0].budget.total, document.sheets[0].name) == (total, name)
    several = [diagnostic for diagnostic in document.diagnostics if diagnostic.code == "P137"]
    assert bool(several) == ("县财政安排" in said)


def test_a_report_titled_with_its_fund_keeps_that_name():
    # corpus 230: the title names the fund, the sentence allotting its money says it another way
    text = lines("2021年中央动物防疫等补助经费项目支出绩效自评报告", "(二)项目绩效目标", _GOALS_QUOTED,
                 "在全乡范围内实施2021年中央动物防疫补助经费9.55万元。")
    sheet = read_text(text, "case.txt")[0].sheets[0]
    assert (sheet.name, sheet.budget.total) == ("2021年中央动物防疫等补助经费项目", Decimal("9.55"))


@pytest.mark.parametrize(("line", "name"), [
    # corpus 171 (海淀区 2016): the project's fields run together into the money table that follows them
    (("项目名称【体制】自管道路清扫保洁外包工作经费主管部门及代码北京市海淀区人民政府学院路街道办事处实施单位:北京市海淀区学院路街道"
      "城市运行服务中心项目资金(万元) 年初预算数(A)全年执行数(B)分值(10分)执行率(B/A)得分得分计算方法年度资金总额:310.2154.741050%5"),
     "【体制】自管道路清扫保洁外包工作经费"),
    # reworded: other labels between the name and the money table, its headings without notes
    ("项目名称城区公厕保洁经费项目单位某区环卫所项目负责人张某项目资金全年预算数全年执行数执行率年度资金总额80.580.5100%",
     "城区公厕保洁经费"),
])
def test_a_name_run_together_into_the_money_table_ends_at_the_next_label(line, name):
    document = read_text(lines("项目支出绩效自评表(2016年度)           " + line,
                               *("| " + " | ".join(row) + " |" for row in _GRID)), "case.txt")[0]
    assert document.sheets[0].name == name


_DEPARTMENT_REST = ("资金来源:(1)财政拨款103.21%资金结构:(1)基本支出103.21%(2)项目支出年度总年初设定目标全年完成情况体目标业务收入"
                    "达到55万元,三公经费控制率达标业务收入77.57万元,三公经费控制达标分解目标自评权重二级指标三级指标年度指标值全年完成值分值"
                    "得分偏差及原因分析管理指标30预算编审管理完整、准确率100%100%44预算执行管理完成率、控制率100%按规定执行44")


@pytest.mark.parametrize(("line", "name"), [
    # corpus 179 (蚕茶卫生院): a 部门整体 self-evaluation run together names its unit under 评价部门名称, the unit count
    # and the money table run on after it
    ("1、蚕茶卫生院整体支出绩效自评表(2021年度)评价部门名称南昌县黄马乡蚕茶卫生院下属单位个数0整体支出规模全年预算数全年执行数执行率",
     "南昌县黄马乡蚕茶卫生院"),
    # reworded: the label without 评价, two units below it
    ("某乡卫生院整体支出绩效自评表(2022年度)部门名称某县某乡卫生院下属单位个数2整体支出规模全年预算数全年执行数执行率",
     "某县某乡卫生院"),
])
def test_a_department_self_evaluation_is_named_by_its_unit(line, name):
    document = read_text((line + _DEPARTMENT_REST).encode(), "case.txt")[0]
    assert document.sheets[0].name == name


@pytest.mark.parametrize("opening", [
    # corpus 223 (昌吉, Traditional): the project named only in the notice's opening sentence
    ("依據(jù)昌吉州財(cái)政局通知文件及所列分配資金,2019年高等職業(yè)院校國家助學金資助補(bǔ)助資金項(xiàng)目由昌吉職業(yè)技術(shù)"
     "學(xué)院實(shí)施完成,涉及資金895.8萬(wàn)元,現(xiàn)將項(xiàng)目有關(guān)情況公示如下:"),
    # reworded
    "根据县财政局下达资金的通知,2019年高等职业院校国家助学金资助补助资金项目由某职业技术学院组织实施,涉及资金895.8万元。",
])
def test_a_notice_names_its_project_in_its_opening_sentence(opening):
    text = lines("某职业技术学院项目情况公告公示", opening, "一、实施地点", "某职业技术学院", "二、绩效目标",
                 "总体目标:按标准发放国家助学金。", "(一)产出指标", "1、数量指标:资助困难学生1966人。",
                 "2、质量指标:资助标准100%达标。")
    sheet = read_text(text, "case.txt")[0].sheets[0]
    assert simplified(sheet.name) == "2019年高等职业院校国家助学金资助补助资金项目"
    assert sheet.budget.total == Decimal("895.8")
