"""Goal-table forms whose levels, columns or rows depart from the standard form, on compact made-up cases of the
shapes seen in real documents (NDRC 中央预算内投资 forms, level names ending in 值, crossed 指标性质/指标方向
columns, rows run together under headings that ran together)."""

from __future__ import annotations

import pytest

from jixiao.documents.pipeline import read_text
from jixiao.documents.pipeline.regions import find_header
from jixiao.documents.pipeline.tokens import text_lines
from jixiao.model.target_text import parse_target
from jixiao.model.units import canonical_unit
from jixiao.model.vocabulary import canonical_level1, canonical_level2


def read(*lines: str):
    return read_text("\n".join(lines).encode(), "case.txt")[0]


def rows(document) -> list[tuple]:
    return [(i.level1_raw, i.level2, i.name, i.target.operator, i.target.value, i.target.unit)
            for sheet in document.sheets for i in sheet.indicators]


def test_the_ndrc_form_keeps_its_level_1_names_and_reads_the_budget_level_1_names_under_them_as_level_2():
    document = read(
        "专项名称 |", "农业绿色发展专项 | ||||",
        "一级指标 |", "二级指标 |", "三级指标 |", "指标值 | |",
        "实施效果指标 |", "产出指标 |", "建设项目个数 |", "1 | ||",
        "竣工验收合格率 |", "100% | ||||",
        "满意度指标 |", "受益群众满意度 |", "≥90% | |||",
        "过程管理指标 |", "资金管理指标 |", "中央预算内投资支付率 |", "≥95% | ||",
    )
    assert [(level1, level2, name) for level1, level2, name, *_ in rows(document)] == [
        ("实施效果指标", "产出指标", "建设项目个数"), ("实施效果指标", "产出指标", "竣工验收合格率"),
        ("实施效果指标", "满意度指标", "受益群众满意度"),  # (the form's own level 2, not the framework's alias)
        ("过程管理指标", "资金管理指标", "中央预算内投资支付率")]


def test_level_1_names_under_a_header_that_lost_its_level_1_heading_are_still_levels():
    document = read("级指标", "二级指标", "三级指标", "指标值",
                    "实施效果指标", "产出指标", "劳务报酬占中央投资比例", "≥32.68%",
                    "效益指标", "项目区农村基础设施条件", "持续改善")
    assert [(level2, name) for _, level2, name, *_ in rows(document)] == [
        ("产出指标", "劳务报酬占中央投资比例"), ("效益指标", "项目区农村基础设施条件")]


@pytest.mark.parametrize(("written", "level1", "level2"), [
    ("产出值", "产出指标", None), ("数量值", None, "数量指标"), ("经济效益值", None, "经济效益指标"),
    ("可持续影响值", None, "可持续影响指标"), ("效益值", "效益指标", None)])
def test_level_names_ending_in_zhi_are_the_level_names(written, level1, level2):
    assert (canonical_level1(written), canonical_level2(written)) == (level1, level2)


def test_a_table_with_bare_level_headings_and_zhi_level_names_is_read():
    document = read("一级", "二级", "三级", "年度数值", "备注",
                    "产出值", "数量值", "小学就读人数", "<=6962人", " ",
                    "成本值", "义务教育小学生均公用经费", "780元/生/年", " ",
                    "内容保障 | 公务邮箱")
    assert [(level2, name, str(value), unit) for _, level2, name, _, value, unit in rows(document)] == [
        ("数量指标", "小学就读人数", "6962", "人"), ("成本指标", "义务教育小学生均公用经费", "780", "元/生·年")]


def test_a_unit_that_stands_only_after_the_slash_is_no_unit_alone():
    assert (canonical_unit("元/生/年"), canonical_unit("生")) == ("元/生·年", None)
    assert parse_target("780元/生").unit == "元/生"


def test_crossed_operator_and_direction_cells_are_placed_by_what_they_hold():
    document = read(
        "一级指标 二级指标 三级指标 指标性质 指标方向 目标值 计量单位 分值 备注",
        "产出指标 数量指标 出差人数 正向 = 8 4",
        "产出指标 质量指标 工作任务完成率 正向 = 100 % 4",
        "产出指标 时效指标 资金到位时间 正向 = 44,561 44,561 10",
        "产出指标 成本指标 出差总成本 反向 = 1 万元 4",
    )
    indicators = document.sheets[0].indicators
    assert [(i.name, i.target.operator, str(i.target.value), i.target.unit, i.direction) for i in indicators] == [
        ("出差人数", "=", "8", None, "正向"), ("工作任务完成率", "=", "100", "%", "正向"),
        ("资金到位时间", "=", "44561", None, "正向"), ("出差总成本", "=", "1", "万元", "反向")]
    assert indicators[2].extra == {"计量单位": "44,561"}  # a figure in the unit column is kept beside the value


def test_rows_run_together_under_headings_that_ran_together_are_split_by_the_shapes_of_the_columns():
    document = read(
        "绩效指标指标名称指标权重计量单位指标性质指标值",
        "预算执行率10%=100",
        "基层组织建设保障有效性10有效保障",
        "开展各种文艺活动场次1020",
        "服务对象满意度5%95",
    )
    indicators = document.sheets[0].indicators
    assert [(i.name, str(i.weight), i.target.operator, i.target.raw, i.target.unit) for i in indicators] == [
        ("预算执行率", "10", "=", "100", "%"), ("基层组织建设保障有效性", "10", None, "有效保障", None),
        ("开展各种文艺活动场次", "10", None, "20", None), ("服务对象满意度", "5", None, "95", "%")]
    assert {d.code for d in document.diagnostics} >= {"P111"}  # the split is an inference and says so


def test_a_header_naming_the_level_2_name_and_target_set_twice_reads_the_second_set_as_the_year_s():
    document = read(
        "总", "体", "目", "标", "中期目标(2023年—2025年)", "年度目标", "建成作业体系。", "作业能力提高。", "",
        "一级指标", "二级指标", "三级指标", "指标值", "二级指标", "三级指标", "指标值", "",
        "产", "出", "指", "标", "",
        "数量指标", "作业航时(中期)", "≥90小时", "数量指标", "作业航时", "≥30小时", "",
        "质量指标", "作业合格率(中期)", "≥90%", "质量指标", "作业合格率", "≥95%",
    )
    indicators = document.sheets[0].indicators
    assert [(i.level1, i.level2, i.name, i.target.raw, i.long_term_target.raw if i.long_term_target else None)
            for i in indicators] == [
        ("产出指标", "数量指标", "作业航时", "≥30小时", "≥90小时"),
        ("产出指标", "质量指标", "作业合格率", "≥95%", "≥90%")]


def test_a_level_1_label_printed_mid_group_keeps_the_group_and_a_signatory_s_seal_ends_the_grid():
    document = read(
        "绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 指标标准或依据 | |",
        "数量指标 | 主体班培训人次 | 280人次 | ||||",
        "产出指标 | 开设课程数量 | 220 | ||||",
        "质量指标 | 培训完成率 | 100% | ||||",
        "财政资金管理科室(盖章) 年 月 日 | 财政绩效管理科室(盖章) 年 月 日 |",
    )
    assert [(i.level2, i.name) for i in document.sheets[0].indicators] == [
        ("数量指标", "主体班培训人次"), ("数量指标", "开设课程数量"), ("质量指标", "培训完成率")]


def test_a_period_word_read_as_a_figure_s_unit_goes_back_to_the_heading_it_qualifies():
    document = read("项目绩效目标长期目标年度目标改善基础设施全面完成改造长期绩效指标一级指标二级指标指标内容指标值备注"
                    "产出指标数量指标88100质量指标88100年度绩效指标一级指标二级指标指标内容指标值备注产出指标数量指标88100")
    assert document.sheets[0].indicators == []  # rows with a figure and no name are not indicators


@pytest.mark.parametrize(("text", "name", "target"), [
    ("生态效益指标:生态修复功能提高。", "生态修复功能", "提高"),
    ("效益指标:宣传覆盖人次≥20万人次;文物保护名录和数据库基本健全;修缮个数≥5个。", "文物保护名录和数据库", "基本健全")])
def test_a_prose_clause_whose_qualitative_target_ran_onto_its_name_is_split(text, name, target):
    indicators = read(text).sheets[0].indicators
    assert (name, target) in [(i.name, i.target.raw) for i in indicators]


def test_a_2021_level_2_name_after_cost_in_front_of_the_target_is_the_indicator_name():
    document = read(
        "一级指标 | 二级指标 | 三级指标 | 指标值类型 | 指标值 | 度量单位 |",
        "产出指标 | 数量指标 | 业务工作支出到位率 | 定量 | 100 | % |",
        "成本指标 | 社会成本指标 | 定量 | 100 | % |",
    )
    assert [(i.level2, i.name, str(i.target.value)) for i in document.sheets[0].indicators] == [
        ("数量指标", "业务工作支出到位率", "100"), ("成本指标", "社会成本指标", "100")]


def test_a_pipe_row_cut_inside_a_cell_by_the_end_of_the_file_is_left_out_and_reported():
    document = read(
        "一级指标 | 二级指标 | 三级指标 | 指标值类型 | 指标值 | 度量单位 |",
        "成本指标 | 经济成本指标 | 疾控中心经费 | ≤ | 70 | 万元 |",
        "社会成本指标 | 实施项目对社会产生的不利影响 | 定性 | 减少 | |",
        "生态环境成本指标 | 实施项目对生态产生的不利影响 | 定性 | 减",
    )
    assert [i.name for i in document.sheets[0].indicators] == ["疾控中心经费", "实施项目对社会产生的不利影响"]
    assert "P120" in {d.code for d in document.diagnostics}


def test_rows_whose_year_s_set_is_blank_are_read_from_their_long_term_set():
    # corpus 154: the 年度 columns hold only the 二级指标 repeated, every 三级指标 and 指标值 in the 中期 ones; the rows
    # under a row whose year's set is empty continue its long-term set. They are the table's only indicators: read
    # from that set, the reader saying so (P183), not set aside (P108)
    document = read(
        "绩 效 指 标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 二级指标 | 三级指标 | 指标值 | |",
        "产出指标 | 数量指标 | 完成修理养护的设施数量 | ≥90辆 | 数量指标 | ||||",
        "质量指标 | 经费支出合规性 | 较高 | 质量指标 | |||||",
        "项目验收合格率 | ≥100百分比 | |||||||",
        "时效指标 | 项目完成及时性 | 程度较高 | 时效指标 | |||||",
    )
    assert [(i.level2, i.name, i.target.raw) for sheet in document.sheets for i in sheet.indicators] == [
        ("数量指标", "完成修理养护的设施数量", "≥90辆"), ("质量指标", "经费支出合规性", "较高"),
        ("质量指标", "项目验收合格率", "≥100百分比"), ("时效指标", "项目完成及时性", "程度较高")]
    codes = [d.code for d in document.diagnostics]
    assert codes.count("P183") == 1 and "P108" not in codes


def test_a_sichuan_form_names_its_levels_project_completion_and_project_benefit_under_a_repeated_frame_label():
    # 113: 项目完成指标 / 项目效益指标 for 产出 / 效益, broken over lines, the frame label 绩效指标 repeated on the
    # first row: no row of its own
    document = read(
        "绩效指标 一级指标 二级指标 三级指标 指标值(包含数字及文字描述)",
        "绩效指标 项目完成", "指标",
        "数量指标 对符合政策法规的家庭进行扶助 63人",
        "项目效益", "指标",
        "社会效益指标",
        "促进人口与经济协调发展 100%",
    )
    assert [(canonical_level1(i.level1), i.level2, i.name, i.target.raw) for i in document.sheets[0].indicators] == [
        ("产出指标", "数量指标", "对符合政策法规的家庭进行扶助", "63人"),
        ("效益指标", "社会效益指标", "促进人口与经济协调发展", "100%")]


def test_a_level_1_name_with_its_points_after_empty_level_2_rows_opens_the_next_group():
    # 103: 产出指标 / (40-50)分 after the empty 生态环境成本指标 row is the next group, not a 三级指标
    document = read(
        "一级指标 二级指标 三级指标 指标值 分值",
        "成本指标(0-20)分 经济成本指标 项目建设成本 ≤65万元 10",
        "社会成本指标", "", "生态环境成本指标", "",
        "产出指标", "(40-50)分",
        "数量指标", "建设烤棚", "≥2个", "10",
    )
    assert [(i.level1_raw, i.level2, i.name, i.target.raw) for i in document.sheets[0].indicators] == [
        ("成本指标(0-20)分", "经济成本指标", "项目建设成本", "≤65万元"), ("产出指标(40-50)分", "数量指标", "建设烤棚", "≥2个")]


@pytest.mark.parametrize("text", [
    # one cell per line
    "\n".join(["样例项目支出绩效目标申报表", "指标", "指标内容", "指标值", "产出指标", "趋势会商会次数", "1 次", "测报准确率",
               "85%", "效益指标", "森林资源生长因害损失量", "有效减少"]),
    # run together after the project's goals, the bare heading run onto their last sentence
    "样例项目支出绩效目标申报表\n项目绩效目标开展测报员岗位技术培训。指标 指标内容 指标值产出指标 趋势会商会次数 1 次测报准确率 85%"
    "效益指标 森林资源生长因害损失量 有效减少\n",
])
def test_a_bare_zhibiao_heading_before_the_names_heads_the_level_names(text):
    document = read(text)
    assert [(i.level1, i.name, i.target.raw.replace(" ", "")) for i in document.sheets[0].indicators][:2] == [
        ("产出指标", "趋势会商会次数", "1次"), ("产出指标", "测报准确率", "85%")]
    assert document.sheets[0].indicators[2].level1 == "效益指标"


@pytest.mark.parametrize(("row", "kinds"), [
    ("| 指标 | 指标内容 | 指标值 |", ["level1", "name", "target"]),
    # right of the vertical label, 指标 heads the names
    ("| 绩效指标 | 指标 | 指标权重 | 计量单位 | 指标值 |", ["frame", "name", "weight", "unit", "target"]),
    # 指标 anywhere but first is no level column
    ("| 一级指标 | 指标 | 指标内容 | 指标值 |", ["level1", "extra", "name", "target"]),
])
def test_a_bare_zhibiao_heading_heads_the_level_names_only_first_and_before_the_names(row, kinds):
    header = find_header(text_lines(row), 0)
    assert header is not None and header.columns.kinds == kinds


def test_the_vertical_frame_label_printed_between_two_rows_run_together_is_no_row():
    document, accounting = read_text(
        "样例项目支出绩效目标申报表\n项目绩效目标开展测报员岗位技术培训。指标 指标内容 指标值产出指标 趋势会商会次数 1 次"
        "上报月报数据的林业有害生物种次2000 种次项目绩效指标汇总发生情况月报表次数 12 次测报准确率 85%\n".encode(), "case.txt")
    assert [(i.name, i.target.raw.replace(" ", ""), i.target.unit) for i in document.sheets[0].indicators] == [
        ("趋势会商会次数", "1次", "次"), ("上报月报数据的林业有害生物种次", "2000种次", "种次"),
        ("汇总发生情况月报表次数", "12次", "次"), ("测报准确率", "85%", "%")]
    assert not accounting.unaccounted


def test_a_form_whose_indicator_name_column_holds_the_level_2_name_reads_it_as_both():
    # corpus 199, the Zhejiang project-library form: 指标类型 is the level-1 column and 指标名称 holds the level-2
    # name itself, with no 三级 name; the level-2 names are written in the form's own words
    document = read(
        "项目名称: | 绿化养护经费 | 项目编号: |",
        "指标类型 | 指标名称 | 指标值 | 指标描述 |",
        "产出指标 | 数量指标 | 375万平方米 | 完成全市375万平方米的绿地养护 |",
        "质量指标 | 100% | 达到绿化绿地全覆盖 |",
        "效益指标 | 可持续性发展影响指标 | 是 | 保障绿化养护的稳定正常运行 |",
        "满意度指标 | 服务对象或受益者满意度指标 | ≥95% | 满意率应该在95%以上 |")
    assert [(i.level1, i.level2, i.name, i.target.raw, i.description) for i in document.sheets[0].indicators] == [
        ("产出指标", "数量指标", "数量指标", "375万平方米", "完成全市375万平方米的绿地养护"),
        ("产出指标", "质量指标", "质量指标", "100%", "达到绿化绿地全覆盖"),
        ("效益指标", "可持续影响指标", "可持续性发展影响指标", "是", "保障绿化养护的稳定正常运行"),
        ("满意度指标", "服务对象满意度指标", "服务对象或受益者满意度指标", "≥95%", "满意率应该在95%以上")]


def test_an_indicator_named_by_a_level_word_without_指标_keeps_no_level_2_of_it():
    # corpus 155: 绩效指标 | 指标名称 | … with no level-2 column, 服务对象满意度 is the indicator's own name
    document = read(
        "指标类型 | 指标名称 | 指标值 |",
        "产出指标 | 培训人次 | ≥100人次 |",
        "满意度指标 | 服务对象满意度 | ≥95% |")
    assert [(i.level2, i.name) for i in document.sheets[0].indicators] == [(None, "培训人次"), (None, "服务对象满意度")]
