"""A sheet's goals block (:mod:`jixiao.documents.interpret.goals_block`): where it opens, its labels, and its values
cut into the goals and their completions in the block and the alternating layout."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.documents.interpret.goals_block import GoalsBlock, goals_in_prose, opening, stated_goal
from jixiao.documents.pipeline import read_text
from jixiao.documents.vocabulary import goals_word, header_label, labels
from jixiao.model.lexicon import fold

GRID = ["一级指标 | 二级指标 | 三级指标 | 指标值 | 实际完成值 | 分值 | 得分 |",
        "产出指标 | 数量指标 | 发放人数 | ≥230人 | 230人 | 10 | 10 |"]


def read(*lines: str):
    (sheet,) = read_text("\n".join(["项目支出绩效自评表 |", "项目名称 | 某项目 |", *lines, *GRID]).encode(),
                         "case.txt")[0].sheets
    return sheet


def block(*labels: str) -> GoalsBlock:
    read_labels = GoalsBlock()
    assert read_labels.take_labels(list(labels)) == []
    return read_labels


@pytest.mark.parametrize(("text", "word"), [
    ("年度总体目标", "goals"), ("中期目标(2023年—2025年)", "long_term_goals"), ("预期目标", "expected"),
    ("年初设定目标", "expected"), ("实际完成情况", "actual"), ("年度总体目标完成情况综述", "actual"),
    # one meaning: the completion heading of the pair 项目年度目标 | 年度目标完成情况, never a goals label
    ("年度目标完成情况", "actual"), ("项目名称", None), ("完成项目主体工程70%", None),
])
def test_each_goals_word_has_one_meaning(text, word):
    assert goals_word(text) == word


def test_a_completion_heading_is_no_header_label():
    assert header_label("年度目标完成情况") is None


def test_the_vocabulary_spells_each_goals_word_once():
    goals_labels = [fold(word) for field in ("goals", "long_term_goals") for word in labels()["header"][field]]
    headings = [fold(word) for words in labels()["goal_headings"].values() for word in words]
    assert not set(goals_labels) & set(headings)
    assert len(headings) == len(set(headings)) and len(goals_labels) == len(set(goals_labels))


@pytest.mark.parametrize(("texts", "at"), [
    (["其他资金", "0", "年度总体目标", "预期目标", "实际完成情况"], 2),  # at the goals label
    (["—", "预期目标", "实际完成情况", "提高医疗保障水平"], 1),  # the planned heading with a completion heading after it
    # a completion heading first titles the block, which opens at the planned heading
    (["年度目标完成情况", "预期目标", "目标实际完成情况", "目标1:完成抽检"], 1),
    (["年度目标完成情况", "完成"], None),  # a completion heading alone opens nothing
    (["预期目标", "完成抽检"], None),  # nor a planned heading without a completion heading
    (["预期目标", "目标实际完成情况\n目标1:完成抽检"], 0),  # a heading with the values below it in its cell
])
def test_where_a_goals_block_opens(texts, at):
    assert opening(texts) == at


@pytest.mark.parametrize(("labels", "halves"), [
    (["年度总体目标", "预期目标", "实际完成情况"], True),
    (["项目年度目标", "年度目标完成情况"], True),  # the goals label heads the planned half
    (["年度目标完成情况", "预期目标", "目标实际完成情况"], True),
    (["年度目标完成情况"], False),  # nothing planned before it: the block's title
    (["总体目标", "中期目标(2023年—2025年)", "年度目标"], False),
])
def test_the_labels_say_whether_the_values_hold_the_completions(labels, halves):
    assert block(*labels).halves is halves


def test_the_first_goals_label_names_the_field():
    assert block("中期目标", "年度目标").target == "long_term_goals"
    assert block("预期目标", "实际完成情况").target == "goals"


@pytest.mark.parametrize(("labels", "pair"), [
    (["中期目标(2023年—2025年)", "年度目标"], ("long_term_goals", "goals")),
    (["总体目标", "中期目标(2023年—2025年)", "年度目标"], ("long_term_goals", "goals")),  # the block's label first
    (["年度目标", "中期目标"], ("goals", "long_term_goals")),
    (["总体目标", "年度目标"], None),  # one period named twice
    (["年度总体目标"], None),
    (["年度总体目标", "预期目标", "实际完成情况"], None),  # goals and their completions, not two periods
])
def test_two_goals_labels_naming_both_periods_make_a_pair_in_their_order(labels, pair):
    assert block(*labels).pair == pair


def test_the_values_follow_the_labels_without_a_bare_number_or_another_heading():
    values = GoalsBlock().take_labels(["年度目标完成情况", "预期目标", "目标实际完成情况", "20", "目标1:整治", "", "实际完成情况"])
    assert values == ["目标1:整治"]


@pytest.mark.parametrize("cells", [
    ["预期目标", "目标实际完成情况\n目标1:完成抽检工作\n目标1:配合完成抽检148个批次"],  # the values below a heading in its cell
    ["预期目标 目标实际完成情况\n目标1:完成抽检工作\n目标1:配合完成抽检148个批次"],  # and the headings spaced apart
])
def test_headings_sharing_a_cell_with_each_other_or_the_values_give_one_value_a_line(cells):
    read_labels = GoalsBlock()
    values = read_labels.take_labels(cells)
    assert (values, read_labels.halves) == (["目标1:完成抽检工作", "目标1:配合完成抽检148个批次"], True)
    assert opening(cells) == 0


@pytest.mark.parametrize(("values", "goals", "done"), [
    # block: the goals, then the completions from the first cell that restates the first goal (corpus 169)
    (["目标1:造林1.2万亩", "目标2:森林经营16万亩", "目标1:造林1.2万亩", "目标2:森林经营16万亩"],
     ["目标1:造林1.2万亩", "目标2:森林经营16万亩"], ["目标1:造林1.2万亩", "目标2:森林经营16万亩"]),
    # block: a completion restating the goal wrapped over two cells (corpus 161)
    (["提高医疗保障水平,推进因病致贫问题的根本性解决", "提高医疗保障水平,推进了因病致贫问题的基本性", "解决"],
     ["提高医疗保障水平,推进因病致贫问题的根本性解决"], ["提高医疗保障水平,推进了因病致贫问题的基本性", "解决"]),
    # block, no completion restating its goal: halved
    (["完成抽检工作", "加强企业监管", "配合完成抽检148个批次", "多次组织宣传活动"],
     ["完成抽检工作", "加强企业监管"], ["配合完成抽检148个批次", "多次组织宣传活动"]),
    # alternating: each goal followed by its completion, a row per goal (corpus 034)
    (["目标1:深入开展食品风险隐患排查", "目标1:深入开展食品风险隐患排查", "目标2:加大违法行为打击力度", "目标2:加大违法行为打击力度"],
     ["目标1:深入开展食品风险隐患排查", "目标2:加大违法行为打击力度"],
     ["目标1:深入开展食品风险隐患排查", "目标2:加大违法行为打击力度"]),
    (["落实奖补政策", "已落实"], ["落实奖补政策"], ["已落实"]),  # one goal: both layouts agree
    (["发放14人工资"], ["发放14人工资"], []),  # the completion left out
    # the completion unwritten, the template's instruction for it left in place, a further cell after it (corpus 008)
    (["保障工资及时、足额发放", "对照年度目标,说明相关任务目标的完成情况(100字以内)", "已足额发放"],
     ["保障工资及时、足额发放"], ["对照年度目标,说明相关任务目标的完成情况(100字以内)", "已足额发放"]),
])
def test_the_values_under_a_completion_heading_in_either_layout(values, goals, done):
    assert block("年度总体目标", "预期目标", "实际完成情况").split(values) == (goals, done)


def test_without_a_completion_heading_every_value_is_a_goal():
    assert block("总体目标", "年度目标").split(["完成主体工程", "完成主体工程验收"]) == (
        ["完成主体工程", "完成主体工程验收"], [])


@pytest.mark.parametrize(("lines", "goals", "done"), [
    # the formerly clashing word as the pair's completion heading, the section's own label before the pair (corpus 158)
    (["项目基本情况 | 1.项目年度目标完成情况 | 项目年度目标 | 年度目标完成情况 |", "发放14人工资 | 已发放 |"],
     ["发放14人工资"], "已发放"),
    # and as the block's title over the pair, a 分值 cell beside it, the alternating layout (corpus 034)
    (["年度目标完成情况 | 预期目标 | 目标实际完成情况 | 20 | 目标1:深入开展食品风险隐患排查整治。 | "
      "目标1:深入开展食品风险隐患排查整治。 | 目标2:加大违法行为打击力度。 | 目标2:加大违法行为打击力度。 |"],
     ["深入开展食品风险隐患排查整治。", "加大违法行为打击力度。"],
     "目标1:深入开展食品风险隐患排查整治。\n目标2:加大违法行为打击力度。"),
    # the headings on rows of their own under the goals label, the values on the next (corpus 111)
    (["年度总体目标 |", "年初设定目标 | 年度总体目标完成情况综述 |", "为困难户解决临时性的困难 | 全年救助87人次 |"],
     ["为困难户解决临时性的困难"], "全年救助87人次"),
])
def test_a_sheets_goals_block_gives_the_goals_and_their_completion(lines, goals, done):
    sheet = read(*lines)
    assert sheet.goals == goals
    assert sheet.evaluation.overall_actual == done


def test_headings_spaced_apart_on_a_line_of_text_over_the_goals_and_then_their_completions():
    # corpus 036: the form's cells as lines of text, 年度目标完成情况 broken over lines above the pair's headings
    lines = ["项目支出绩效自评表", "项目名称 某项目", "年度", "目标", "完成", "情况", "预期目标 目标实际完成情况", "",
             " 目标1:完成抽检工作", " 目标2:加强企业监管", "", " 目标1:配合完成抽检148个批次", " 目标2:多次组织宣传", "", *GRID]
    (sheet,) = read_text("\n".join(lines).encode(), "case.txt")[0].sheets
    assert sheet.goals == ["完成抽检工作", "加强企业监管"]
    assert sheet.evaluation.overall_actual == "目标1:配合完成抽检148个批次\n目标2:多次组织宣传"


@pytest.mark.parametrize(("text", "goal"), [
    # a notice of the goals set (corpus 127): the goal in a sentence after the project's content
    ("项目建设内容:小石桥5座。总体绩效目标是通过项目实施,有力改善人居环境质量。现将绩效目标设定公示如下:",
     "通过项目实施,有力改善人居环境质量。"),
    ("种植黄金蜜(葡萄)。项目总体绩效目标是:增加特色产业产值80万元,受益脱贫户10户", "增加特色产业产值80万元,受益脱贫户10户"),
    ("年度绩效目标为全年救助困难群众200人次。", "全年救助困难群众200人次。"),
    # corpus 202: the label and a colon open the sentence
    ("培训标准1000元/人,培训期限3天。项目总体绩效目标:提高种植人员实施蔬菜科学种植技术和管理水平,开拓视野。促进增收。",
     "提高种植人员实施蔬菜科学种植技术和管理水平,开拓视野。"),
    ("现将绩效目标设定公示如下:", None),  # a goals word in a sentence about the goals
    ("(二)总体绩效目标完成情况:", None),  # a report's section heading
    ("按照绩效目标是否完成进行考核。", None),  # no goals label opens the sentence
])
def test_a_goal_stated_in_a_sentence_of_a_paragraph_is_read(text, goal):
    assert goals_in_prose(text) == goal


@pytest.mark.parametrize(("cells", "goals", "done"), [
    # a PDF's text flow (corpus 208): the money table's rate, then the completion heading and its text; the planned
    # half (预期目标) left empty
    (["年度总体目标", "86.19%", "实际完成情况", "已完成普陀体育中心与委托运营方费用结算。"], [], ["已完成普陀体育中心与委托运营方费用结算。"]),
    (["年度总体目标", "10", "45.17%", "实际完成情况", "已完成援滇人员相关经费支付。"], [], ["已完成援滇人员相关经费支付。"]),
    # a cell before the heading that is no figure (a heading of the block's columns, 全年目标, corpus 143): the
    # heading stands in the headings' row, the values after it are read as before
    (["年度总体目标", "全年(调整)", "全年目标", "实际完成情况", "维护林区安全稳定", "完成森林补偿"],
     ["全年(调整)", "全年目标", "维护林区安全稳定", "完成森林补偿"], []),
])
def test_a_completion_heading_after_only_figures_leaves_the_goals_empty(cells, goals, done):
    read_labels = GoalsBlock()
    read_labels.planned = True  # (预期目标 on the row above opened the block)
    assert read_labels.split(read_labels.take_labels(cells)) == (goals, done)


def test_a_goals_block_empty_before_its_completion_heading_leaves_the_goals_empty():
    sheet = read("年度总体目标 | 预期目标 | 86.19% | 实际完成情况 | 已完成费用结算。 |")
    assert sheet.goals == [] and sheet.evaluation.overall_actual == "已完成费用结算。"


def test_a_rate_alone_in_a_self_evaluations_goals_block_is_its_money_tables_execution_rate():
    # corpus 208: the PDF's text flow prints the money row's 执行率 among the goals block's cells, the row without it
    sheet = read("年度总体目标 | 预期目标 | 86.19% | 实际完成情况 | 已完成费用结算。 |")
    assert sheet.evaluation.execution_rate == Decimal("86.19")


def test_the_empty_planned_half_of_a_self_evaluation_is_reported_as_a_warning():
    from jixiao.review import review_document

    text = "\n".join(["项目支出绩效自评表 |", "项目名称 | 某项目 |",
                      "年度总体目标 | 预期目标 | 86.19% | 实际完成情况 | 已完成费用结算。 |", *GRID])
    review = review_document(read_text(text.encode(), "case.txt")[0])
    [missing] = [finding for finding in review.findings if finding.rule == "JX106"]
    assert missing.severity.value == "warning"  # (the goals were approved in the goal table: no return)


@pytest.mark.parametrize(("text", "goal"), [
    ("根据要求,我市农村危房改造任务数为115户,实际完成农村危房改造264户。", "根据要求,我市农村危房改造任务数为115户"),  # corpus 190
    ("辅具适配200人,假肢安装及基本康复服务21实际完成:辅具适配230人", "辅具适配200人,假肢安装及基本康复服务21"),  # corpus 245
    ("确保项目实际完成率达到95%,群众满意。", "确保项目实际完成率达到95%,群众满意。"),  # (a word of the goal's own)
])
def test_a_reports_goal_statement_stops_where_it_says_what_was_done(text, goal):
    assert stated_goal(text) == goal
