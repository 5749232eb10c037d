"""Indicators written as prose (layout family 6), on compact made-up cases of the shapes seen in real documents
(see ../shared/corpus/README.md)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.documents.pipeline import read_text
from jixiao.documents.pipeline.prose import PROSE, prose_lines, split_prose, split_report_sentence
from jixiao.documents.pipeline.said import PathResult, Said, said_indicators, said_paths, said_results
from jixiao.documents.pipeline.settings import DEFAULT_SETTINGS
from jixiao.documents.pipeline.tokens import text_lines


def read(*lines: str):
    return read_text("\n".join(lines).encode(), "prose.txt")[0]


def test_prose_opened_by_a_level_name_is_split_into_named_targets():
    assert split_prose("数量指标:★补助种植数量,葡萄种植数量(≥**株)>=1000株;成活率(≥**%)>=85;时效指标:完成及时率≥100%。") == (
        (("level2", "数量指标"),),
        (("group", "★补助种植数量"), ("name", "葡萄种植数量(≥**株)"), ("target", ">=1000株")),
        (("name", "成活率(≥**%)"), ("target", ">=85")),
        (("level2", "时效指标"),),
        (("name", "完成及时率"), ("target", "≥100%")),
    )
    assert split_prose("为村里带来游客不少于6万人,村集体收入达6万元。") is None  # a goal, not indicators
    assert split_prose("村组干部230人", levelled=True) is None  # one indicator in its cell is an ordinary cell


def test_a_comma_grouping_a_figures_thousands_neither_ends_a_clause_nor_the_target():
    assert split_prose("数量指标:★补助种植数量,葡萄种植数量(≥**株)>=17,600株;补助资金1,250万元,惠及2,000户。") == (
        (("level2", "数量指标"),),
        (("group", "★补助种植数量"), ("name", "葡萄种植数量(≥**株)"), ("target", ">=17,600株")),
        (("name", "补助资金"), ("target", "1,250万元")),
        (("name", "惠及"), ("target", "2,000户")),
    )


def test_a_goal_written_as_prose_reads_each_indicator_under_its_levels():
    document = read(
        "现将绩效目标设定如下:",
        "一、 产出指标",
        "数量指标:★补助各类种植数量,葡萄种植数量(≥**株)>=1000株;成活率(≥**%)>=85;时效指标:完成及时率(≥**%)>=100%。",
        "二、 效益指标",
        "社会效益目标:受益脱贫户、监测户人口数(≥**户)≥10户。可持续影响指标,持续发展。",
        "附件:设定表.xlsx",
    )
    indicators = document.sheets[0].indicators
    assert [(i.level1, i.level2, i.name, i.target.raw) for i in indicators] == [
        ("产出指标", "数量指标", "葡萄种植数量", ">=1000株"), ("产出指标", "数量指标", "成活率", ">=85"),
        ("产出指标", "时效指标", "完成及时率", ">=100%"), ("效益指标", "社会效益指标", "受益脱贫户、监测户人口数", "≥10户"),
        ("效益指标", "可持续影响指标", "持续发展", "")]
    assert indicators[0].extra == {"指标组": "★补助各类种植数量"}
    # the names are cleaned of the template's residue and keep it as written, for the review to report (JX108)
    assert [i.name_raw for i in indicators] == [
        "葡萄种植数量(≥**株)", "成活率(≥**%)", "完成及时率(≥**%)", "受益脱贫户、监测户人口数(≥**户)", None]
    split = [d for d in document.diagnostics if d.code == "P111"]
    assert len(split) == 5 and split[0].location.line == 3 and "葡萄种植数量" in split[0].message


def test_several_indicators_in_one_cell_after_the_level_cell_of_a_pipe_row():
    document = read(
        "项目名称 | 文物保护经费 | 预算金额 | 36万元 |",
        "年度绩效总目标 | 产出指标 | 开展巡查频次8次;编制宣传资料数量3个;验收合格率≥86%。 | |||",
        "效益指标 | 宣传覆盖人次≥20万人次;修缮个数≥5个。 | ||||",
    )
    assert [(i.level1, i.name, i.target.raw) for i in document.sheets[0].indicators] == [
        ("产出指标", "开展巡查频次", "8次"), ("产出指标", "编制宣传资料数量", "3个"), ("产出指标", "验收合格率", "≥86%"),
        ("效益指标", "宣传覆盖人次", "≥20万人次"), ("效益指标", "修缮个数", "≥5个")]


def test_the_level_cell_run_onto_its_indicators_when_the_separators_are_lost():
    # the same row as a document-sharing site extracts it: the field's label, the level cell and its list run together
    document, accounting = read_text("\n".join([
        "项目名称文物保护经费预算金额36万元",
        "年度绩效总目标产出指标开展巡查频次8次;编制宣传资料数量3个;验收合格率≥86%。",
        "效益指标宣传覆盖人次≥20万人次;修缮个数≥5个。"]).encode(), "prose.txt")
    assert [(i.level1, i.name, i.target.raw) for i in document.sheets[0].indicators] == [
        ("产出指标", "开展巡查频次", "8次"), ("产出指标", "编制宣传资料数量", "3个"), ("产出指标", "验收合格率", "≥86%"),
        ("效益指标", "宣传覆盖人次", "≥20万人次"), ("效益指标", "修缮个数", "≥5个")]
    # each said on the line it stands on (P111: the cells were found by their content)
    assert [d.location.line for d in document.diagnostics if d.code == "P111"] == [2, 2, 2, 3, 3]
    assert accounting.unaccounted == []
    # one indicator after the level name is an ordinary row's cells run together, not a list
    assert split_prose("产出指标开展巡查频次8次") is None


def test_达_before_a_figure_in_prose_is_the_operator_equal():
    # Hunan 部门整体 form (corpus 114): one sentence per 二级指标; 达70% is = 70%
    document = read("年度绩效指标", "效益指标", "环境效益指标:学校绿化覆盖达70%,优化校园生态环境。")
    assert [(i.level1, i.level2, i.name, i.target.operator, i.target.value, i.target.unit)
            for i in document.sheets[0].indicators] == [
        ("效益指标", "生态效益指标", "学校绿化覆盖", "=", 70, "%"),
        ("效益指标", "生态效益指标", "优化校园生态环境", None, None, None)]


@pytest.mark.parametrize(("text", "items"), [
    # a completion written before what it is said of
    ("时效指标:按时完成教学任务,顺利完成中考。",
     ((("level2", "时效指标"),), (("name", "教学任务"), ("target", "按时完成")), (("name", "中考"), ("target", "顺利完成")))),
    ("经济效益指标:完成初中学历教育。",
     ((("level2", "经济效益指标"),), (("name", "初中学历教育"), ("target", "完成")))),
    # none at all, written 零
    ("经济效益指标:完成初中学历教育,师生犯罪率为零。",
     ((("level2", "经济效益指标"),), (("name", "初中学历教育"), ("target", "完成")),
      (("name", "师生犯罪率"), ("target", "为零")))),
    # a state kept (稳定) after the name
    ("社会效益指标:中考成绩进一步稳定,学校绿化覆盖达70%",
     ((("level2", "社会效益指标"),), (("name", "中考成绩"), ("target", "进一步稳定")),
      (("name", "学校绿化覆盖"), ("target", "达70%")))),
    # a grade after the name, and an aim before it that is no part of the name
    ("质量指标:校园文化建设深受好评,力争毕业生合格率达100%",
     ((("level2", "质量指标"),), (("name", "校园文化建设"), ("target", "深受好评")),
      (("name", "毕业生合格率"), ("target", "达100%")))),
])
def test_clauses_that_say_their_target_in_words_before_or_after_the_name_are_indicators(text, items):
    assert split_prose(text) == items


@pytest.mark.parametrize("text", [
    "时效指标:完成。",  # a completion said of nothing
    "时效指标:完成率。",  # a name that starts with 完成 is no completion said of something
    "质量指标:确保质量。",  # an aim said of a word too short to be a name
])
def test_clauses_too_short_to_name_what_they_measure_give_no_target(text):
    assert split_prose(text) is None


@pytest.mark.parametrize(("text", "items"), [
    # how many are reached, counted inside the name of what each gains on average: two targets
    ("带动20户脱贫户户均年增收1000元", ((("name", "带动脱贫户"), ("target", "20户")),
                                      (("name", "脱贫户户均年增收"), ("target", "1000元")))),
    ("惠及120名群众人均增收800元以上", ((("name", "惠及群众"), ("target", "120名")),
                                      (("name", "群众人均增收"), ("target", "800元以上")))),
    # no one named between the count and the average: one name, one target, as written
    ("带动50人人均增收2000元", ((("name", "带动50人人均增收"), ("target", "2000元")),)),
])
def test_a_count_inside_the_name_of_an_average_gain_is_a_target_of_its_own(text, items):
    assert split_prose(text, headed=True) == items


def test_a_self_evaluation_report_gives_each_target_then_what_was_achieved():
    # a 绩效自评报告 in paragraphs: the level name ends a sentence, the planned figure is announced by 年初任务数, the
    # achieved one follows in a clause of its own (全年完成值…, 实际<verb>…)
    document = read(
        "某县城乡居民养老保险补助资金2022年度绩效自评报告",
        "(四)绩效指标完成情况分析。",
        "1.产出指标。",
        "数量指标。参保人数全年平均数年初任务数1200人,全年完成值1315人;缴费人数年初任务数900人,全年完成值870人。",
        "时效指标:巡查飞机数量≥4架,实际巡查4架;发放及时率≥95%,实际完成值98%。",
    )
    indicators = document.sheets[0].indicators
    assert [(i.level1, i.level2, i.name, i.target.raw, i.target.unit) for i in indicators] == [
        ("产出指标", "数量指标", "参保人数全年平均数", "1200人", "人"), ("产出指标", "数量指标", "缴费人数", "900人", "人"),
        ("产出指标", "时效指标", "巡查飞机数量", "≥4架", "架"), ("产出指标", "时效指标", "发放及时率", "≥95%", "%")]
    assert document.kind == "self-eval"
    assert [item.actual_raw for item in document.sheets[0].evaluation.items] == ["1315人", "870人", "4架", "98%"]


def test_a_clause_of_achievement_needs_a_target_before_it_and_a_figure():
    # first in its sentence, 实际… names an indicator; without a figure it is no achieved value either
    assert split_prose("质量指标:实际完成小时数/计划小时数≥80%,实际完") == (
        (("level2", "质量指标"),),
        (("name", "实际完成小时数/计划小时数"), ("target", "≥80%")),
        (("name", "实际完"),),
    )


def test_a_self_evaluation_report_states_its_money_in_sentences():
    document = read(
        "某县城乡居民养老保险补助资金2022年度绩效自评报告",
        "2022年养老保险补助经费预算数3000万元,其中中央补助资金1100万元。资金到位率100%。",
        "资金执行总量2967.5万元,预算执行率为98.92%。",
        "数量指标。参保人数年初任务数1200人,全年完成值1315人。",
    )
    sheet = document.sheets[0]
    assert (sheet.evaluation.budget_full, sheet.evaluation.spent, sheet.evaluation.execution_rate) == (
        Decimal("3000"), Decimal("2967.5"), Decimal("98.92"))
    assert sheet.budget.total == Decimal("3000")


def test_a_goal_in_prose_takes_no_money_from_its_sentences():
    # without what was achieved, the prose is a goal's: its sentences' figures are no money block
    document = read("项目预算数300万元,预算执行率为90%。", "数量指标:种植数量≥100亩。")
    assert document.sheets[0].evaluation is None and document.sheets[0].budget.total is None


@pytest.mark.parametrize(("above", "name"), [
    # the report's title names the fund, after a site's 标题: label and before the year (corpus 188, 190)
    (("标题:某县城乡居民养老保险补助资金2022年度绩效自评报告 | |||",), "某县城乡居民养老保险补助资金"),
    # a report on several funds: the section heading of the fund names it, not the title (corpus 189)
    (("某省2022年度中央自然灾害资金绩效自评报告", "一、中央自然灾害救灾资金(航空消防租机补助经费)",
      "(一)绩效目标分解下达情况。"), "中央自然灾害救灾资金(航空消防租机补助经费)"),
])
def test_a_self_evaluation_report_is_named_after_the_fund_its_title_or_section_heading_names(above, name):
    document = read(*above, "1.产出指标。", "数量指标:巡查飞机数量≥4架,实际巡查4架。")
    (sheet,) = document.sheets
    assert sheet.name == name and sheet.title is None  # (a report's title is no form's title)


@pytest.mark.parametrize("title", ["2024年度林业草原生态保护恢复资金项目支出绩效评价报告",  # corpus 249
                                   "某縣2020年度抗疫特別國債資金績效自評報告"])  # in Traditional script (224)
def test_a_report_quoting_its_approved_goals_without_what_was_achieved_is_a_report(title):
    # corpus 249, 255: the report lists the goals set a year before; what was achieved follows in its own words,
    # not beside each target, so nothing marks the sheet as a self-evaluation but the document's title
    document = read(title, "(二)项目绩效目标", "数量指标:林业草原生态保护恢复资金项目资金支付进度率≥95%;")
    assert document.kind == "self-eval"
    assert read("数量指标:林业草原生态保护恢复资金项目资金支付进度率≥95%;").kind == "goal"


def test_a_notice_of_the_goals_set_gives_the_sheet_the_goal_its_paragraph_states():
    # corpus 019, 127: a 绩效目标设定的公示, the goal in a sentence of the paragraph before the indicators in prose
    document = read("根据上级通知精神,资金用于某村人居环境整治项目,建设内容:小石桥5座。总体绩效目标是通过项目实施,"
                    "有力改善人居环境质量。现将绩效目标设定公示如下:", "一、产出指标",
                    "数量指标:外立面改造面积(≥**平方米)大于等于10157.6平方米。")
    (sheet,) = document.sheets
    assert sheet.goals == ["通过项目实施,有力改善人居环境质量。"]
    assert [i.name for i in sheet.indicators] == ["外立面改造面积"]


# corpus 190, 245, 255: a self-evaluation report states the goals set in its section on them, the sentence of
# indicators under the heading (or on its line), up to what it goes on to say was done
HOUSING = "根据省、市住建部门要求,我市2022年农村危房改造任务数为115户,实际完成农村危房改造264户,发放补助资金为278.8万元。"


@pytest.mark.parametrize(("lines", "goal"), [
    (("一、绩效目标情况", "", HOUSING), "根据省、市住建部门要求,我市2022年农村危房改造任务数为115户"),
    (("(二)项目绩效目标。2022年县残联实施的康复项目目标:资助精神病患者服药230人,辅具适配200人实际完成:资助精神病患者服药"
      "230人,辅具适配230人。",), "2022年县残联实施的康复项目目标:资助精神病患者服药230人,辅具适配200人"),
])
def test_a_reports_section_on_the_goals_set_gives_the_sheet_its_goals(lines, goal):
    (sheet,) = read("某县农村危房改造转移支付绩效自评报告", "一、基本情况", *lines).sheets
    assert sheet.goals == [goal]
    assert sheet.indicators  # (the sentence's indicators are read as well)


def test_a_reports_section_on_what_was_done_of_the_goals_states_none():
    (sheet,) = read("某县农村危房改造转移支付绩效自评报告", "一、绩效目标完成情况", "", HOUSING).sheets
    assert sheet.goals == []
    assert [i.name for i in sheet.indicators] == ["农村危房改造任务数"]


@pytest.mark.parametrize("field", ["项目名称：某项目", "项目名称 | 某项目 |"])
def test_a_forms_field_under_a_goals_heading_is_no_statement_of_the_goals(field):
    (sheet,) = read("项目支出绩效目标表", "一、绩效目标", field, "一级指标 | 二级指标 | 三级指标 | 指标值 |",
                    "产出指标 | 数量指标 | 发放人数 | ≥230人 |").sheets
    assert (sheet.name, sheet.goals) == ("某项目", [])


def test_an_outline_of_numbered_level_headings_reads_the_indicator_line_under_each():
    # corpus 202: a notice numbers its levels as an outline's headings (一、 for level 1, (一) for level 2, so that
    # (四)成本指标 under 一、产出指标 is the level-2 成本指标) and writes one indicator on each line below
    document = read(
        "现将具体绩效目标设定如下:",
        "一、产出指标", "(一)数量指标", "设施温棚种植人员(县内培训)≧300人;",
        "(三)时效指标", "完成时限,2025年10月底前;",
        "(四)成本指标", "设施农业种植人员(县内培训)≦1000元/人;",
        "二、效益指标", "(四)可持续影响指标", "农民综合素质,持续提高。",
        "三、满意度指标", "参训学员满意度≥95%。",
        "同心县农业农村局")
    assert [(i.level1, i.level2, i.name, i.target.raw) for i in document.sheets[0].indicators] == [
        ("产出指标", "数量指标", "设施温棚种植人员(县内培训)", "≧300人"),
        ("产出指标", "时效指标", "完成时限", "2025年10月底前"),
        ("产出指标", "成本指标", "设施农业种植人员(县内培训)", "≦1000元/人"),
        ("效益指标", "可持续影响指标", "农民综合素质", "持续提高"),
        ("满意度指标", None, "参训学员满意度", "≥95%")]


def test_a_report_paragraph_under_a_numbered_heading_is_no_outline_of_indicators():
    # corpus 190: a self-evaluation report's paragraph under 1、数量指标 tells what was done in sentences that name
    # no indicator; only a line whose every sentence gives an indicator and its target is one
    lines = prose_lines(text_lines("1、数量指标\n年初计划补助115户。住建局严格规范操作,坚持逐户审核。\n", DEFAULT_SETTINGS))
    assert not any(line.extra.get(PROSE) for line in lines)
    document = read("1、数量指标", "年初计划补助115户;补助资金发放及时率100%。")
    assert [(i.name, i.target.raw) for i in document.sheets[0].indicators] == [
        ("年初计划补助", "115户"), ("补助资金发放及时率", "100%")]


def test_a_level_name_alone_on_a_line_without_a_number_is_no_outline_heading():
    # one cell per line (family 1): a level cell, then a cell holding a name with its figure, is a table's stream
    lines = prose_lines(text_lines("数量指标\n培训人员≥300人;\n", DEFAULT_SETTINGS))
    assert not any(line.extra.get(PROSE) for line in lines)
    numbered = prose_lines(text_lines("(一)数量指标\n培训人员≥300人;\n", DEFAULT_SETTINGS))
    assert [line.extra.get(PROSE) for line in numbered] == [
        ((("level2", "数量指标"),),), ((("name", "培训人员"), ("target", "≥300人")),)]


_REPORT = ("无为市危房改造转移支付2022年度绩效自评报告", "一、绩效目标情况",
           "根据省、市住建部门要求,我市2022年农村危房改造任务数为115户,实际完成农村危房改造264户,发放补助资金为278.8万元。",
           "二、绩效目标完成情况分析")


def test_a_report_sentence_giving_a_plan_and_what_was_achieved_is_an_indicator():
    # corpus 190: a self-evaluation report in prose, under no level heading; the money clause after it is narrative
    document = read(*_REPORT)
    (sheet,) = document.sheets
    (indicator,) = sheet.indicators
    assert (sheet.name, indicator.name, indicator.target.raw, indicator.level2) == (
        "无为市危房改造转移支付", "农村危房改造任务数", "115户", None)
    assert [item.actual_raw for item in sheet.evaluation.items] == ["264户"]
    # the money the same sentence says after the indicator is what was spent
    assert sheet.evaluation.spent == Decimal("278.8")
    # the sentences name no level: no level columns are implied, so the sheet's structure is not judged
    assert sheet.form_fields == ["三级指标", "指标值", "实际完成值"]
    (how,) = [d for d in document.diagnostics if d.code == "P111"]
    assert "实际完成值“264户”" in how.message


@pytest.mark.parametrize("sentence", [
    # the achieved figure in another unit: not the same measure
    "我市2022年农村危房改造任务数为115户,实际完成投资264万元。",
    # no word of plan before the figure: a narrative figure
    "我市坚持应改尽改,实际完成农村危房改造264户,发放补助资金为278.8万元。",
    # a plan with no clause of achievement after it
    "我市2022年农村危房改造任务数为115户,补助资金已全部发放。",
])
def test_report_sentences_without_a_plan_and_its_achievement_in_the_same_unit_are_no_indicators(sentence):
    document = read(_REPORT[0], _REPORT[1], sentence, _REPORT[3])
    assert split_report_sentence(sentence) is None
    assert not [indicator for sheet in document.sheets for indicator in sheet.indicators]


def test_indicators_that_say_their_target_and_achievement_in_words_are_split_even_run_together():
    # corpus 221 (a self-evaluation report in prose): two indicators in one sentence, no punctuation between them,
    # and a level name run straight into its indicator (4.成本指标国家规定…)
    document = read("优抚对象生活补助经费转移支付2023年度绩效自评报告", "(四)绩效指标完成情况分析",
                    "3.时效指标。优抚对象生活补助金每月中旬发放指标为100%实际完成值为100%"
                    "义务兵家庭优待金每年3月、9月份发放指标为100%实际完成值为100%",
                    "4.成本指标国家规定标准发放指标为100%实际完成值为95%")
    (sheet,) = document.sheets
    assert [(i.level2, i.name, i.target.raw) for i in sheet.indicators] == [
        ("时效指标", "优抚对象生活补助金每月中旬发放", "100%"), ("时效指标", "义务兵家庭优待金每年3月、9月份发放", "100%"),
        ("成本指标", "国家规定标准发放", "100%")]
    assert [item.actual_raw for item in sheet.evaluation.items] == ["100%", "100%", "95%"]


@pytest.mark.parametrize(("text", "found"), [
    ("资金到位率年度指标值:100%,实际完成值:98%", [("资金到位率", "100%", "98%", None)]),
    ("培训人次目标值为≥500人次完成情况为520人次", [("培训人次", "≥500人次", "520人次", None)]),
    # corpus 230: a report's numbered list, the name, the target and what was achieved in clauses of their own, then
    # the points given (and 年 of 年初目标值 lost)
    ("1.重大动物强制免疫病种群体免疫密度,年初目标值≥90%,实际完成值≥90%,自评得分20分;",
     [("重大动物强制免疫病种群体免疫密度", "≥90%", "≥90%", "20")]),
    ("5.补助对象对项目满意率,初目标值≥90%,实际完成值≥90%,自评得分20分;", [("补助对象对项目满意率", "≥90%", "≥90%", "20")]),
    ("(2)大规模随意抛弃病死猪事件,年度目标值=0件,实际完成值=0件,得分18.5分。", [("大规模随意抛弃病死猪事件", "=0件", "=0件", "18.5")]),
    ("3.培训人次,计划500人次,实际达到520人次,评分10分", [("培训人次", "500人次", "520人次", "10")]),
    # corpus 220 (Fujian, Traditional): 绩效目标值是, a deadline as the target and as what was done, the completion
    # rate worked out after them
    ("人才驿站补助资金到位时间绩效目标值是2023年12月前,实际完成值为2023年12月前,目标完成率为100%,",
     [("人才驿站补助资金到位时间", "2023年12月前", "2023年12月前", None, "100%")]),
    ("业务培训时限,年初目标值11月底前,实际完成值10月,自评得分5分", [("业务培训时限", "11月底前", "10月", "5")]),
    # the other words reports use: a colon after the name, 预期目标, what was achieved said 实际值 / 全年实际值 / 实际为,
    # the points 得满分 or 得
    ("资金支付进度率:目标值≥95%,实际值为100%。", [("资金支付进度率", "≥95%", "100%", None)]),
    ("护林员满意度预期目标≥90%,全年实际值98%", [("护林员满意度", "≥90%", "98%", None)]),
    ("护林员满意度年度目标值≥90%，实际为98%，得满分10分。", [("护林员满意度", "≥90%", "98%", "10")]),
    ("资金到位率,目标值100%,实际完成100%,得8分;", [("资金到位率", "100%", "100%", "8")]),
    # anything else in the sentence: not such a sentence
    ("资金到位率指标为100%实际完成值为100%,资金使用规范", None),
    ("经费发放率为98%覆盖率及资金到位率均为100%", None),
    ("1.重大动物强制免疫病种群体免疫密度,年初目标值≥90%,实际完成值≥90%,自评得分20分,较上年提高", None),
])
def test_a_sentence_made_only_of_said_targets_and_achievements(text, found):
    assert said_indicators(text) == (found and [Said(*part) for part in found])


_NUMBERED_REPORT = ("2021年中央动物防疫等补助经费项目支出绩效自评报告", "(二)绩效目标完成情况",
                    "1.重大动物强制免疫病种群体免疫密度,年初目标值≥90%,实际完成值≥90%,自评得分20分;",
                    "2.大规模随意抛弃病死猪事件,年初目标值=0件,实际完成值=0件,自评得分15分;", "二、佐证材料")


def test_a_reports_numbered_list_of_targets_achievements_and_points_is_read_as_indicators():
    # corpus 230: no level name and no table, each line one indicator whose clauses say what each figure is
    document = read(*_NUMBERED_REPORT)
    (sheet,) = document.sheets
    assert [(i.level2, i.name, i.target.raw) for i in sheet.indicators] == [
        (None, "重大动物强制免疫病种群体免疫密度", "≥90%"), (None, "大规模随意抛弃病死猪事件", "=0件")]
    assert [(item.actual_raw, item.score) for item in sheet.evaluation.items] == [
        ("≥90%", Decimal("20")), ("=0件", Decimal("15"))]
    # the sentences name no level: the columns implied are the name, the target, what was achieved and the points
    assert sheet.form_fields == ["三级指标", "指标值", "实际完成值", "得分"]
    how = [d for d in document.diagnostics if d.code == "P111"]
    assert [d.location.line for d in how] == [3, 4]
    assert "得分“20”" in how[0].message


def test_a_figure_before_a_word_of_completion_is_the_target_not_part_of_the_name():
    # corpus 223 (Traditional, glossed): 资助标准100%达标 is 资助标准 with the target 100% (达标 kept beside it)
    items = split_prose("3、時(shí)效指標(biāo):資助經(jīng)費(fèi)發(fā)放率100%達(dá)標(biāo),資助標準100%達標。")
    assert [dict(item).get("name") for item in items[1:]] == ["資助經費發放率", "資助標準"]
    assert [dict(item)["target"] for item in items[1:]] == ["100%達標", "100%達標"]


@pytest.mark.parametrize(("text", "found"), [
    # corpus 221: three results run together, the last figure shared by the two names joined with 及
    ("经费发放率为98%覆盖率及资金到位率均为100%。", [("经费发放率", "98%"), ("覆盖率", "100%"), ("资金到位率", "100%")]),
    ("培训人数达到300人,合格率为98%", [("培训人数", "300人"), ("合格率", "98%")]),
    # narrative around the figures, or a figure with no word of what it came to: no results
    ("资金到位率为100%,资金使用规范", None),
    ("404名服务对象发放补助金2126.81万元", None),
    ("及为100%", None),
])
def test_a_sentence_made_only_of_results(text, found):
    assert said_results(text) == found


@pytest.mark.parametrize(("text", "found"), [
    # corpus 232 (pre-2018 framework, Traditional): a report's list names each indicator by its path of levels, gives
    # only what it came to, then narrative
    ("(1) 投入-时效目标-绩效目标完成率实际完成情况:实际完成 69.23%,未完成目标的原因是预算执行率未完成预计目标",
     [("投入", "时效目标", "绩效目标完成率", "69.23%")]),
    ("具体完成情况如下:(2) 投入-成本目标-预算执行率实际完成情况: 实际完成 7.14%,未完成目标的原因是优先使用结转资金",
     [("投入", "成本目标", "预算执行率", "7.14%")]),
    ("1.产出指标—数量指标—培训人数完成情况:520人次;2.效益指标—社会效益指标—就业率实际完成值为95%",
     [("产出指标", "数量指标", "培训人数", "520人次"), ("效益指标", "社会效益指标", "就业率", "95%")]),
    # a path with no figure of what it came to, or no path: none
    ("投入-时效目标-绩效目标完成率实际完成情况:基本完成", []),
    ("资金到位率实际完成情况:实际完成100%", []),
])
def test_a_report_names_indicators_by_their_path_of_levels(text, found):
    assert said_paths(text) == [PathResult(*part) for part in found]


def test_a_run_together_report_naming_indicators_by_path_reads_them_under_their_levels():
    # a report's paragraphs run together on one line (a document site's text of a PDF): the paths are read, the
    # narrative around them is not cut into cells; the levels keep the pre-2018 framework's names
    document = read("1、2018年度科普宣传经费项目绩效评价自评报告一、项目总体情况本项目预算批复 70 万元。(三)绩效自评指标完成"
                    "情况具体分析本项目共设置绩效目标 13 个,具体完成情况如下:(1) 投入-时效目标-绩效目标完成率实际完成情况:"
                    "实际完成 69.23%,未完成目标的原因是预算执行率未完成预计目标。(2) 产出-数量目标-科普活动场次实际完成情况:"
                    "实际完成 12场,未完成目标的原因是疫情。")
    (sheet,) = document.sheets
    assert [(i.level2, i.name) for i in sheet.indicators] == [("时效目标", "绩效目标完成率"), ("数量目标", "科普活动场次")]
    assert [item.actual_raw for item in sheet.evaluation.items] == ["69.23%", "12场"]


_RESULTS = ("优抚对象生活补助经费转移支付2023年度绩效自评报告", "(四)绩效指标完成情况分析",
            "2.质量指标。经费发放率为98%覆盖率及资金到位率均为100%。")


@pytest.mark.parametrize(("heading", "reported"), [
    ("(四)绩效指标完成情况分析", True),
    ("(三)绩效指标完成情况:", True),
    ("二、绩效目标完成情况分析", True),
    # a goal's prose: the same sentence under a heading of what is planned states targets
    ("(二)年度绩效指标", False),
])
def test_results_under_a_reports_heading_of_what_was_achieved_are_actuals_with_no_target(heading, reported):
    document = read(_RESULTS[0], heading, _RESULTS[2])
    (sheet,) = document.sheets
    if reported:
        assert [(i.level2, i.name, i.target.raw) for i in sheet.indicators] == [
            ("质量指标", "经费发放率", ""), ("质量指标", "覆盖率", ""), ("质量指标", "资金到位率", "")]
        assert [item.actual_raw for item in sheet.evaluation.items] == ["98%", "100%", "100%"]
        (how, *_) = [d for d in document.diagnostics if d.code == "P111"]
        assert "实际完成值“98%”" in how.message and how.location.line == 3
    else:
        # (not split into results: nothing said what was achieved)
        assert [i.target.raw for i in sheet.indicators] == ["100%"]
        assert not any(item.actual_raw for item in sheet.evaluation.items) if sheet.evaluation else True


def test_a_reports_next_part_ends_its_heading_of_what_was_achieved():
    document = read(_RESULTS[0], _RESULTS[1], "三、偏离绩效目标的原因和下一步改进措施", _RESULTS[2])
    assert [i.target.raw for sheet in document.sheets for i in sheet.indicators] == ["100%"]


@pytest.mark.parametrize(("sentences", "spent", "budget", "total"), [
    # corpus 230: the conclusion's 评价分; the money allotted said in a sentence of its own is the budget
    (("在全乡范围内实施补助经费9.55万元。", "因此评价分100分,自评等级为优秀。"), None, Decimal("9.55"), Decimal(100)),
    # corpus 221: the year's 支出 said alone is what was spent; the money received in all (资金共…) the budget
    (("2023年收到财政资金共2330.9万元,2023年支出2310.4万元,其中中央资金1352.2万元。",), Decimal("2310.4"),
     Decimal("2330.9"), None),
    # one source's money received is no budget
    (("2023年收到中央下达优抚对象生活补助资金1372.7万元,2023年支出2310.4万元。",), Decimal("2310.4"), None, None),
    (("资金预算安排300.7万元,发放补助资金278.8万元,项目总得分95分。",), Decimal("278.8"), Decimal("300.7"), Decimal(95)),
    # 基本支出 and 项目支出 name kinds of spending, not what was spent
    (("部门基本支出158.61万元,项目支出30万元。",), None, None, None),
])
def test_a_reports_sentences_above_its_indicators_say_its_money_and_claimed_total(sentences, spent, budget, total):
    document = read(_NUMBERED_REPORT[0], "一、自评结论", *sentences, *_NUMBERED_REPORT[1:])
    (sheet,) = document.sheets
    evaluation = sheet.evaluation
    assert (evaluation.spent, evaluation.budget_full, evaluation.total) == (spent, budget, total)
    assert len(sheet.indicators) == 2


def test_a_reports_line_under_its_level_keeps_the_completion_rate_it_works_out_beside_the_row():
    # corpus 220: each level's sentence says the target with 绩效目标值是, what was done, and the rate of the two
    document = read("人才驿站补助资金2023年度绩效自评报告", "(二)项目绩效目标完成情况",
                    "(3)数量目标:当年人才驿站组织活动数量绩效目标值是28次,实际完成值为40次,目标完成率为143%。")
    (sheet,) = document.sheets
    (indicator,) = sheet.indicators
    # (the level as written: no level 1 above says that the report writes the framework's level names)
    assert (indicator.level2, indicator.name, indicator.target.raw) == ("数量目标", "当年人才驿站组织活动数量", "28次")
    assert indicator.extra["目标完成率"] == "143%"
    assert [item.actual_raw for item in sheet.evaluation.items] == ["40次"]


def test_a_reports_list_run_on_with_commas_is_read_item_by_item_each_under_its_own_level():
    # a report's numbered list run on with commas, not semicolons, its converter doubling a comma: each (N) opens
    # the next item with its level name, and each item says its target, what was done and the rate
    document = read("送教上门补助资金2023年度绩效自评报告", "(二)项目绩效目标完成情况",
                    "(1)时效目标:补助资金拨付时间绩效目标值是2023年11月前,实际完成值为2023年10月,目标完成率为100%,"
                    "(2)成本目标:送教上门人均补助绩效目标值是800元,实际完成值为800元,目标完成率为100%,"
                    "(3)数量目标:送教上门学生人数绩效目标值是12人,实际完成值为12人,目标完成率为100%,,"
                    "送教上门次数绩效目标值是96次,实际完成值为101次,目标完成率为105%。")
    (sheet,) = document.sheets
    assert [(i.level2, i.name, i.target.raw) for i in sheet.indicators] == [
        ("时效目标", "补助资金拨付时间", "2023年11月前"), ("成本目标", "送教上门人均补助", "800元"),
        ("数量目标", "送教上门学生人数", "12人"), ("数量目标", "送教上门次数", "96次")]
    assert [item.actual_raw for item in sheet.evaluation.items] == ["2023年10月", "800元", "12人", "101次"]


# a 自评报告 a document site extracted whole onto one line (modelled on corpus 220): the 定量 table run together, then
# the report's numbered list saying each level's targets again with what was done, and the ones the table leaves out
_TABLE_THEN_REPORT = (
    "送教上门补助资金到位率绩效目标值为100%,如下图:项目年度绩效目标(定量目标)评价内容绩效内容绩效目标值实际完成值累计完成率"
    "产出目标数量目标送教上门学生人数>=12人12人100%送教上门次数>=96次101次105%质量目标送教教师培训合格率>=95%98%103%"
    "(二)项目绩效目标完成情况1.产出目标完成情况(1)时效目标:补助资金拨付时间绩效目标值是2023年11月前,实际完成值为2023年10月,"
    "目标完成率为100%,(2)成本目标:送教上门人均补助绩效目标值是800元,实际完成值为800元,目标完成率为100%,(3)数量目标:"
    "送教上门学生人数绩效目标值是12人,实际完成值为12人,目标完成率为100%,,送教上门次数绩效目标值是96次,实际完成值为101次,"
    "目标完成率为105%,绩效目标合理性本项目满分3分,得3分,得分原因为:绩效目标设置合理")


def test_a_reports_list_after_its_table_on_one_line_adds_the_rows_the_table_leaves_out():
    document, accounting = read_text(_TABLE_THEN_REPORT.encode(), "report.txt")
    (sheet,) = document.sheets  # (the list restates the table's rows: the same project, not a second sheet)
    assert [(i.level2, i.name, i.target.raw) for i in sheet.indicators] == [
        ("数量目标", "送教上门学生人数", ">=12人"), ("数量目标", "送教上门次数", ">=96次"),
        ("质量目标", "送教教师培训合格率", ">=95%"), ("时效目标", "补助资金拨付时间", "2023年11月前"),
        ("成本目标", "送教上门人均补助", "800元")]
    assert [(item.indicator, item.actual_raw) for item in sheet.evaluation.items] == [
        (1, "12人"), (2, "101次"), (3, "98%"), (4, "2023年10月"), (5, "800元")]
    (restated,) = [d for d in document.diagnostics if d.code == "P161"]
    assert (restated.location.sheet, restated.message) == (
        sheet.key, "表格之后的报告正文逐项重述了表中的2个指标（送教上门学生人数、送教上门次数），按表中的指标读取；正文另写的指标补入本表")
    assert accounting.unaccounted == []


# corpus 249: a report's targets, one level to a line; two lines are sentences with no figure of their own
_LISTED = ("(二)项目绩效目标", "项目年度目标:完成2024年度护林员补贴的发放,确保巡林工作正常开展;",
           "数量指标:林业草原生态保护恢复资金项目资金支付进度率≥95%;", "质量指标:保障巡林工作的顺利开展,护林员的待遇正常发放;",
           "时效指标:2024年度内完成支付;", "成本指标:项目产出成本控制在预算内≤100%;", "服务对象满意度指标:生态护林员满意度≥90%。")


def test_a_line_of_a_list_of_level_opened_targets_without_a_figure_is_a_qualitative_indicator():
    document = read(*_LISTED, "二、绩效评价工作情况")
    (sheet,) = document.sheets
    assert [(i.level2, i.name, i.target.raw) for i in sheet.indicators] == [
        ("数量指标", "林业草原生态保护恢复资金项目资金支付进度率", "≥95%"),
        ("质量指标", "保障巡林工作的顺利开展，护林员的待遇正常发放", ""), ("时效指标", "2024年度内完成支付", ""),
        ("成本指标", "项目产出成本控制在预算内", "≤100%"), ("服务对象满意度指标", "生态护林员满意度", "≥90%")]


def test_a_level_opened_sentence_alone_is_a_paragraph_not_an_indicator():
    # out of a list that gives figures, such a sentence is a report's text (质量指标:…) with nothing to read
    assert split_prose(_LISTED[3]) is None
    document = read(_LISTED[0], _LISTED[3], _LISTED[4], "二、绩效评价工作情况")
    assert not [i for sheet in document.sheets for i in sheet.indicators]


def test_a_reports_level_lines_in_its_other_words_for_target_achievement_and_points():
    # before, 目标值 and 预期目标 stayed in the names and 得10分 / 得满分10分 became indicators of their own
    document = read("2024年度某项目支出绩效自评报告", "(二)绩效目标完成情况", "1.产出指标",
                    "(1)数量指标:资金支付进度率目标值≥95%,实际值为100%,得10分。",
                    "(2)质量指标:护林员到岗率预期目标≥90%,全年实际值98%。", "三、存在的问题")
    (sheet,) = document.sheets
    assert [(i.level2, i.name, i.target.raw) for i in sheet.indicators] == [
        ("数量指标", "资金支付进度率", "≥95%"), ("质量指标", "护林员到岗率", "≥90%")]
    assert [(item.actual_raw, item.score) for item in sheet.evaluation.items] == [
        ("100%", Decimal(10)), ("98%", None)]


def test_a_reports_level_written_without_its_word_before_a_colon():
    # 服务对象满意度：… is the level 服务对象满意度指标 (before, the line was cut at its commas: 目标值 | 得分 as names)
    document = read("2023年度生态护林员补助资金项目绩效自评报告", "二、绩效目标完成情况", "(一)产出指标",
                    "1.数量：生态护林员人数，年度目标值48人，实际完成48人，完成率100%，得分20分。", "(二)满意度指标",
                    "服务对象满意度：护林员满意度，目标值≥90%，实际完成95%，得分10分。", "三、存在的问题")
    (sheet,) = document.sheets
    assert [(i.level2, i.name, i.target.raw) for i in sheet.indicators] == [
        ("数量指标", "生态护林员人数", "48人"), ("服务对象满意度指标", "护林员满意度", "≥90%")]
    assert [(item.actual_raw, item.score) for item in sheet.evaluation.items] == [
        ("48人", Decimal(20)), ("95%", Decimal(10))]


def test_a_notices_indicators_numbered_with_circled_numbers_under_its_level_headings():
    document = read("关于下达2024年护林员补助资金绩效目标的通知", "(一)产出指标", "1.数量指标", "①护林员人数≥48人；",
                    "②巡护面积≥2万亩；", "2.质量指标", "①考核合格率≥95%。")
    assert [(i.level2, i.name, i.target.raw) for i in document.sheets[0].indicators] == [
        ("数量指标", "护林员人数", "≥48人"), ("数量指标", "巡护面积", "≥2万亩"), ("质量指标", "考核合格率", "≥95%")]


def test_a_line_of_both_level_names_and_one_indicator_is_a_paragraph_not_cells_run_together():
    # before, 效益指标 | : | 社会效益指标 | :带动脱贫人口增收 | 48人 | 。 were cut apart as a run-together table's cells
    document = read("2023年度护林员补助资金绩效自评报告", "二、绩效目标完成情况",
                    "产出指标：数量指标：生态护林员人数48人；质量指标：考核合格率≥95%。",
                    "效益指标：社会效益指标：带动脱贫人口增收48人。", "三、存在问题")
    assert [(i.level2, i.name, i.target.raw) for i in document.sheets[0].indicators] == [
        ("数量指标", "生态护林员人数", "48人"), ("质量指标", "考核合格率", "≥95%"), ("社会效益指标", "带动脱贫人口增收", "48人")]


def test_a_reports_figure_reached_before_the_target_it_restates():
    # 完成…125公里，年度目标120公里，完成率104%: the first figure is what was done, the clause after it the target
    document = read("2022年度农村公路养护资金项目绩效自评报告", "三、绩效指标完成情况", "(一)产出指标",
                    "1.数量指标：农村公路养护里程125公里，年度目标120公里，完成率104%。",
                    "2.质量指标：养护路段优良率达到85%，目标值≥80%。", "(二)满意度指标",
                    "服务对象满意度指标：经问卷调查，沿线群众满意度为95%，目标值≥90%。", "(三)效益指标",
                    "社会效益指标：群众出行条件明显改善，达到预期目标。", "四、存在问题")
    (sheet,) = document.sheets
    assert [(i.level2, i.name, i.target.raw) for i in sheet.indicators] == [
        ("数量指标", "农村公路养护里程", "120公里"), ("质量指标", "养护路段优良率", "≥80%"),
        ("服务对象满意度指标", "沿线群众满意度", "≥90%"), ("社会效益指标", "群众出行条件", "明显改善")]
    assert [item.actual_raw for item in sheet.evaluation.items] == ["125公里", "85%", "95%", "达到预期目标"]
    assert sheet.indicators[0].extra["目标完成率"] == "104%"


def test_a_cell_of_indicators_whose_level_cell_stands_alone_on_the_line_above():
    # corpus 140 copied one cell per line: the level cell, then the cell joining its indicators with ；
    document = read("项目名称", "全市文物保护专项经费", "年度绩效总目标", "产出指标",
                    "开展文物安全巡查频次8次;编制文物宣传资料数量3个;文物保护项目验收合格率≥86%。", "效益指标",
                    "文物保护宣传覆盖人次≥20万人次;文物保护名录和数据库基本健全;文物保护修缮个数≥5个。", "资金拨付对象")
    assert [(i.level1, i.name, i.target.raw) for i in document.sheets[0].indicators] == [
        ("产出指标", "开展文物安全巡查频次", "8次"), ("产出指标", "编制文物宣传资料数量", "3个"),
        ("产出指标", "文物保护项目验收合格率", "≥86%"), ("效益指标", "文物保护宣传覆盖人次", "≥20万人次"),
        ("效益指标", "文物保护名录和数据库", "基本健全"), ("效益指标", "文物保护修缮个数", "≥5个")]


@pytest.mark.parametrize(("text", "item"), [
    ("数量指标：资金支付进度率（目标值≥95%），实际完成100%。", ("资金支付进度率", "≥95%", "100%")),
    ("数量指标：资金支付进度率100%（目标值≥95%）。", ("资金支付进度率", "≥95%", "100%")),
    ("数量指标：培训人数120人(计划100人);验收合格率100%(目标≥95%)。", ("培训人数", "100人", "120人")),
])
def test_a_target_in_brackets_after_the_name_or_the_figure_reached(text, item):
    # before, the bracket's word stayed in the name (资金支付进度率（目标值) and the figure reached was lost
    name, target, actual = item
    found = split_prose(text)
    assert found is not None and found[1] == (("name", name), ("target", target), ("actual", actual))


def test_an_outlines_indicator_written_name_colon_target():
    document = read("2024年度护林员补助资金绩效目标", "一、产出指标", "1.数量指标", "(1)护林员人数：48人；",
                    "(2)巡护面积：不少于2万亩；", "二、满意度指标", "(1)护林员满意度：90%以上。")
    assert [(i.name, i.target.raw) for i in document.sheets[0].indicators] == [
        ("护林员人数", "48人"), ("巡护面积", "不少于2万亩"), ("护林员满意度", "90%以上")]


def test_a_reports_goals_paragraph_lists_its_indicators_as_clauses():
    # corpus 255 (Hunan 专项资金绩效评价报告): under (二)项目绩效目标 one sentence lists the targets, each a name and
    # a figure with its unit; the lead-in and the closing slogan are the report's words
    text = "\n".join([
        "沅江市红十字会2020年度专项资金绩效评价报告",
        "(二)项目绩效目标",
        "2020年,我绩效目标是全年完成应急救护普及培训3000人,红十字救护员培训50人,发展志愿者50人,开展无偿献血、"
        "造血干细胞捐献等宣传活动3次以上。充分发扬人道、博爱、奉献的红十字精神,推动红十字事业的发展。",
        "二、项目实施及管理情况",
    ])
    (sheet,) = read_text(text.encode(), "case.txt")[0].sheets
    assert [(i.name, i.target.raw) for i in sheet.indicators] == [
        ("应急救护普及培训", "3000人"), ("红十字救护员培训", "50人"), ("发展志愿者", "50人"),
        ("开展无偿献血、造血干细胞捐献等宣传活动", "3次以上")]


# corpus 245 (Hunan 绩效自评报告): heading and paragraph on one line, the list of actuals run on after 实际完成:; the
# list's last figure written without its unit is an indicator all the same where the achieved list names it
@pytest.mark.parametrize(("last", "done", "rows"), [
    ("", "", []),
    (",假肢安装及基本康复服务21", ",假肢安装及基本康复服务21人", [("假肢安装及基本康复服务", "21", "21人")]),
])
def test_a_reports_goals_paragraph_runs_on_into_what_was_achieved(last, done, rows):
    text = ("(二)项目绩效目标。2022年县残联实施的残疾人康复项目目标:资助精神病患者服药230人,“0-6”残疾儿童康复救助39人,"
            f"辅具适配200人{last}实际完成:资助精神病患者服药230人,“0-6”残疾儿童康复救助52人,辅具适配230人{done}。")
    (sheet,) = read_text(text.encode(), "case.txt")[0].sheets
    rows = [("资助精神病患者服药", "230人", "230人"), ("“0-6”残疾儿童康复救助", "39人", "52人"), ("辅具适配", "200人", "230人"), *rows]
    assert [(i.name, i.target.raw) for i in sheet.indicators] == [(name, target) for name, target, _ in rows]
    assert [item.actual_raw for item in sheet.evaluation.items] == [actual for _, _, actual in rows]


def test_a_goals_lists_bare_figure_the_achieved_list_does_not_name_is_no_indicator():
    text = ("(二)项目绩效目标。2022年县残联实施的残疾人康复项目目标:资助精神病患者服药230人,辅具适配200人,"
            "项目于2022年实施实际完成:资助精神病患者服药230人,辅具适配230人。")
    (sheet,) = read_text(text.encode(), "case.txt")[0].sheets
    assert [i.name for i in sheet.indicators] == ["资助精神病患者服药", "辅具适配"]


def test_a_cell_listing_who_is_served_before_the_rows_own_figures_is_its_name():
    # corpus 259 copied one cell per line: 数量指标 alone above a cell of counts joined by ;, but the row's own target,
    # actual and score follow it one a line: the cell is the row's 三级指标, not a list of indicators
    document = read("项目名称", "春节走访慰问经费", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分",
                    "产出指标(60分)", "数量指标", "慰问伤残军人50人;革命烈士遗属50人;烈士家庭6户;驻保部队8家。",
                    "100%", "100%", "20")
    assert [(i.level2, i.name, i.target.raw) for i in document.sheets[0].indicators] == [
        ("数量指标", "慰问伤残军人50人;革命烈士遗属50人;烈士家庭6户;驻保部队8家。", "100%")]


@pytest.mark.parametrize("nature", ["定量 | ", ""])
def test_a_grid_cell_listing_who_is_served_before_the_rows_own_figure_is_its_name(nature):
    # corpus 259 in a grid (its office twin): the row's target follows the list in its own cell, after the 指标性质
    # cell where the form has one; read as a list of indicators, the cell also took the rows below it
    document = read("春节走访慰问经费绩效目标表", "项目名称 | 春节走访慰问经费 |",
                    f"一级指标 | 二级指标 | 三级指标 | {'指标性质 | ' if nature else ''}指标值 | 度量单位 |",
                    f"产出指标 | 数量指标 | 慰问伤残军人50人;革命烈士遗属50人;驻保部队8家。 | {nature}100 | % |",
                    f" | 质量指标 | 补助经费足额拨付率 | {nature}100 | % |",
                    f" | 时效指标 | 春节前完成走访慰问 | {'定性 | ' if nature else ''}按时限完成 | |")
    assert [(i.level2, i.name, i.target.raw) for i in document.sheets[0].indicators] == [
        ("数量指标", "慰问伤残军人50人;革命烈士遗属50人;驻保部队8家。", "100"), ("质量指标", "补助经费足额拨付率", "100"),
        ("时效指标", "春节前完成走访慰问", "按时限完成")]


def test_a_cell_of_indicators_in_a_grid_row_with_no_figure_after_it_is_still_split():
    # (年度绩效总目标 | 产出指标 | 开展…8次；编制…3个: the row's last cell, no target column after it)
    document = read("项目名称 | 文物保护 |", "年度绩效总目标 | 产出指标 | 开展文物安全巡查频次8次；编制文物宣传资料数量3个 |")
    assert [(i.name, i.target.raw) for i in document.sheets[0].indicators] == [
        ("开展文物安全巡查频次", "8次"), ("编制文物宣传资料数量", "3个")]


_REPORT_HEAD = ("二、综合评价结论", "(一)产出指标完成情况", "1、数量指标")


@pytest.mark.parametrize(("last", "kept"), [
    # corpus 269 (a report in Traditional on a web page): the copy stops inside the figure achieved, which the target's
    # 户 shows is not all of it
    ("1)困難重度殘疾人家庭無障礙改造數,目標值大于等于85戶,實際完成40", None),
    ("1)困难重度残疾人家庭无障碍改造数,目标值大于等于85户,实际完成40", None),
    # a rewording: another report cut the same way
    ("2)农村公路养护里程,目标值不低于120公里,实际完成9", None),
    # the figure closed by its unit, or the sentence by its stop: the line is whole
    ("1)困难重度残疾人家庭无障碍改造数,目标值大于等于85户,实际完成40户", ["40户"]),
    ("2)农村公路养护里程,目标值不低于120公里,实际完成98。", ["98"]),
    # the cut sentence after a whole one: the report's first indicator is read, the cut one left out
    ("2)农村公路养护里程,目标值不低于120公里,实际完成98公里\n1)困难重度残疾人家庭无障碍改造数,目标值大于等于85户,实际完成40",
     ["98公里"]),
    # a bare figure inside the text, another sentence after it: not where the file stops
    ("1)困难重度残疾人家庭无障碍改造数,目标值大于等于85户,实际完成40\n2)农村公路养护里程,目标值不低于120公里,实际完成98公里",
     ["40", "98公里"]),
])
def test_a_report_cut_inside_the_figure_achieved_leaves_that_indicator_out(last, kept):
    document = read(*_REPORT_HEAD, *last.split("\n"))
    read_rows = [(i.name, i.extra.get("实际完成值")) for sheet in document.sheets for i in sheet.indicators]
    cuts = [d for d in document.diagnostics if d.code == "P120"]
    if kept is None:
        # nothing of a table is left: no sheet (the text is a report's prose), the cut said where
        assert document.sheets == [] and len(cuts) == 1 and "在实际完成值“" in cuts[0].message
    else:
        assert [actual for _, actual in read_rows] == kept
        assert len(cuts) == (1 if last.endswith("实际完成40") else 0)


@pytest.mark.parametrize(("text", "item"), [
    ("成本指标:补贴标准71.86元/平方米。", (("name", "补贴标准"), ("target", "71.86元/平方米"))),  # one unit per another
    ("数量指标:补贴民办园租用面积26970.7平方米。", (("name", "补贴民办园租用面积"), ("target", "26970.7平方米"))),
    # the target alone after a comma: the clause before it is the name, not a group
    ("数量指标:制作宣传横幅、公益宣传牌等(年),=1年。", (("name", "制作宣传横幅、公益宣传牌等(年)"), ("target", "=1年"))),
    ("数量指标:★补助种植数量,葡萄种植数量,≥1000株。",
     (("group", "★补助种植数量"), ("name", "葡萄种植数量"), ("target", "≥1000株"))),

    # (corpus 215 in prose) a bare number after the name's bracket of its unit or of the template's residue, under a
    # level name with the template's note that it must be filled in; a deadline at the year's end after a comma
    ("数量指标 (必填硬性指标)：实施营造林总面积(亩)80000。", (("name", "实施营造林总面积(亩)"), ("target", "80000"))),
    ("质量指标 (必填)：苗木成活率(≥**%)85。", (("name", "苗木成活率(≥**%)"), ("target", "85"))),
    ("时效指标:项目完成时间,2023年底。", (("name", "项目完成时间"), ("target", "2023年底"))),
])
def test_a_clause_ending_in_a_figure_with_its_unit_or_a_target_alone_after_a_comma_gives_name_and_target(text, item):
    assert split_prose(text)[1] == item


@pytest.mark.parametrize("text", ["数量指标:实施项目(2019-2020年)10。", "数量指标:绿化面积(亩)。"])
def test_a_number_after_a_bracket_is_a_target_only_when_the_bracket_gives_a_unit_or_residue(text):
    assert split_prose(text) is None


# a notice of the goals set (family 6, modelled on corpus 130 and 202) whose prose writes the name, a comma, then the
# target (补贴期限，2020.1.1-2020.12.31): its clauses without a figure are a name and its qualitative target
_PAIRED = ("现将绩效目标设定如下:", "一、产出指标", "时效指标:补贴发放及时率≥95%;补贴期限,2020.1.1-2020.12.31。",
           "二、效益指标",
           "社会效益指标:提升民办幼儿园扶持力度,显著提升了扶持力度,大力支持了民办幼儿园的发展;促进学前教育优质发展,显著促进了学前教育发展。",
           "可持续影响指标:民办园租房受益期限,保障民办园房租需求,大力支持民办幼儿园发展。")


def test_a_document_writing_a_comma_between_name_and_target_reads_its_clauses_without_figures_so():
    indicators = read(*_PAIRED).sheets[0].indicators
    assert [(i.level2, i.name, i.target.raw) for i in indicators] == [
        ("时效指标", "补贴发放及时率", "≥95%"), ("时效指标", "补贴期限", "2020.1.1-2020.12.31"),
        ("社会效益指标", "提升民办幼儿园扶持力度", "显著提升了扶持力度,大力支持了民办幼儿园的发展"),
        ("社会效益指标", "促进学前教育优质发展", "显著促进了学前教育发展"),
        ("可持续影响指标", "民办园租房受益期限", "保障民办园房租需求,大力支持民办幼儿园发展")]


@pytest.mark.parametrize(("count", "read_as"), [
    # corpus 019: a comma after a group's name (★补助各类种植数量,葡萄种植数量≥1000株) says that the document's commas
    # do not part a name from its target, so clauses without a figure stay one qualitative indicator
    ("★补助各类种植数量,葡萄种植数量≥1000株", ("提高森林覆盖率，促进生物多样性保护", "")),
    ("葡萄种植数量≥1000株", ("提高森林覆盖率", "促进生物多样性保护")),
])
def test_the_documents_own_commas_decide_whether_clauses_without_figures_are_a_name_and_its_target(count, read_as):
    document = read("一、产出指标", f"数量指标:{count};补贴期限,2020.1.1-2020.12.31。",
                    "二、效益指标", "社会效益指标:受益户数≥10户。生态效益指标:提高森林覆盖率,促进生物多样性保护。")
    last = document.sheets[0].indicators[-1]
    assert (last.level2, last.name, last.target.raw) == ("生态效益指标", *read_as)


def test_a_cell_closing_its_row_beside_its_level_cells_lists_its_indicators_however_many():
    # family 6 in a grid: a level-2 group's indicators in the row's last cell, numbered, one of them or several
    document = read(
        "某项目绩效目标表",
        "| 一级指标 | 二级指标 | 指标内容及指标值 |",
        "| 产出指标 | 数量指标 | 1.免费开放天数=300天 |",
        "| 产出指标 | 质量指标 | 1.考核指标完成率=100%；2.展品完好率≥98% |",
        "| 效益指标 | 社会效益指标 | 1.教学秩序，良好 |",
        "| 满意度指标 | 服务对象满意度指标 | 服务对象满意度=99% |")
    assert [(i.level2, i.name, i.target.raw) for i in document.sheets[0].indicators] == [
        ("数量指标", "免费开放天数", "=300天"), ("质量指标", "考核指标完成率", "=100%"), ("质量指标", "展品完好率", "≥98%"),
        ("社会效益指标", "教学秩序", "良好"), ("服务对象满意度指标", "服务对象满意度", "=99%")]
    # a row's last cell after cells that are no level names is no such list (a figure's bracket, a row cut in pieces)
    assert split_prose("(50分)", True, closing=True) is None


@pytest.mark.parametrize(("text", "item"), [
    ("成本指标：成本控制在1000元/人以内", (("name", "成本"), ("target", "控制在1000元/人以内"))),
    ("数量指标：受益人数至少200人", (("name", "受益人数"), ("target", "至少200人"))),
    ("质量指标：差错率低于5%", (("name", "差错率"), ("target", "低于5%"))),
    ("质量指标：教学秩序，良好", (("name", "教学秩序"), ("target", "良好"))),
])
def test_prose_reads_every_operator_word_of_the_vocabulary_and_a_qualitative_word_after_the_names_comma(text, item):
    assert split_prose(text)[1] == item


def test_under_an_outlines_level_heading_a_few_words_after_the_names_comma_are_its_target():
    document = read("现将绩效目标设定如下：", "一、产出指标", "（一）质量指标", "经费支出合规性，较高；", "项目验收合格率≥100%；",
                    "（二）时效指标", "经费支出时效性，及时支出。")
    assert [(i.level2, i.name, i.target.raw) for i in document.sheets[0].indicators] == [
        ("质量指标", "经费支出合规性", "较高"), ("质量指标", "项目验收合格率", "≥100%"), ("时效指标", "经费支出时效性", "及时支出")]


def test_a_reports_sentence_says_the_plan_after_its_word_and_what_was_achieved_after_the_columns_heading():
    document = read(
        "某项目绩效自评报告", "（四）绩效指标完成情况分析。", "1.产出指标。",
        "数量指标。抽验品种年度指标值≥3，实际完成值4；抽验批次年初任务数≥3，全年完成值7。",
        "成本指标。培训成本年度目标值为400元/人·天，实际完成值为180元/人、天。",
        "2.效益指标。", "可持续影响指标。巩固脱贫攻坚成果年度指标值有效巩固，实际完成值基本巩固。")
    sheet = document.sheets[0]
    assert [(i.level2, i.name, i.target.raw) for i in sheet.indicators] == [
        ("数量指标", "抽验品种", "≥3"), ("数量指标", "抽验批次", "≥3"), ("成本指标", "培训成本", "400元/人·天"),
        ("可持续影响指标", "巩固脱贫攻坚成果", "有效巩固")]
    assert [item.actual_raw for item in sheet.evaluation.items] == ["4", "7", "180元/人、天", "基本巩固"]
