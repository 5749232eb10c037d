"""Option lists of a sheet's header (项目属性 □新增 ■延续): which options the form offers and which the sheet chose, read
from the value as printed, and kept on the sheet by the reader with the field's label."""

from __future__ import annotations

import pytest

from jixiao.documents import read_bytes
from jixiao.documents.interpret.option_lists import is_boxes, is_option_row, read_choice, settled
from jixiao.documents.writers.json_writer import write_json


@pytest.mark.parametrize(("text", "options", "chosen"), [
    ("□新增 ■延续", ["新增", "延续"], ["延续"]),  # boxes before their options
    ("☑常年性 □一次性", ["常年性", "一次性"], ["常年性"]),
    ("部门预算 □ 切块预算 □", ["部门预算", "切块预算"], []),  # boxes after them (280)
    ("1、常年性项目 □ √ 2、延续性项目 □ 3、一次性项目 □", ["常年性项目", "延续性项目", "一次性项目"], ["常年性项目"]),  # 016
    ("1、上级专项 2、本级专项", ["上级专项", "本级专项"], []),  # numbered, nothing marked (015)
    ("1、常年性项目 2、延续性项目 3、一次性项目 预算", ["常年性项目", "延续性项目", "一次性项目"], []),  # run on (015)
    ("延续项目 新增项目", ["延续项目", "新增项目"], []),  # the template's words left whole (280)
    ("√延续项目 新增项目", ["延续项目", "新增项目"], ["延续项目"]),  # a tick without a box
    ("是/否", ["是", "否"], []),
    ("高中低", ["高", "中", "低"], []),
    ("口新增 口延续", ["新增", "延续"], []),  # an OCR'd box
    ("1、部门预算项目 £ 2、区直专项 £ 3、上级转移支付项目 R", ["部门预算项目", "区直专项", "上级转移支付项目"],
     ["上级转移支付项目"]),  # Wingdings boxes copied as letters (229)
    ("1、部门预算项目 R 2、市直专项 □", ["部门预算项目", "市直专项"], ["部门预算项目"]),  # an R beside real boxes (259)
    ("■新增 ■延续", ["新增", "延续"], ["新增", "延续"]),
])
def test_an_option_list_gives_its_options_and_the_ones_ticked(text, options, chosen):
    choice = read_choice("项目属性：", text)
    assert choice is not None
    assert (choice.label, choice.text, choice.options, choice.chosen, choice.legible) == (
        "项目属性", text, options, chosen, True)


@pytest.mark.parametrize("text", [
    "延续项目",  # one option: chosen, no list
    "2021年3月",
    "市区绿化养护",  # a value of the project's own wording
    "延续项目 城市绿化",  # a word outside the vocabulary
    "其他运转类: □专项运转类□信息化维护类 特定目标类:□重大活动类 □基建类",  # options under headings of their own
    "□是 □否 是/否",  # two lists run together
    "人口 口径",  # 口 inside words is no box
])
def test_a_value_that_is_no_option_list_gives_none(text):
    assert read_choice("项目属性", text) is None


def test_numbered_options_with_fewer_boxes_than_options_are_illegible_and_so_are_the_sheets_bare_lists():
    # 205: a PDF's copy kept one box of two: which option was ticked cannot be told, nor in the lists that kept none
    lost = read_choice("项目属性", "1、持续性项目 2、新增性项目 □")
    bare = read_choice("项目类别", "1、部门预算项目 2、区直专项")
    boxed = read_choice("项目类型", "□常年性 □一次性")
    assert lost is not None and bare is not None and boxed is not None
    assert (lost.legible, lost.options, lost.unanswered) == (False, ["持续性项目", "新增性项目"], False)
    assert [choice.legible for choice in settled([lost, bare, boxed])] == [False, False, True]
    assert settled([bare, boxed]) == [bare, boxed]  # (a sheet whose boxes are all there keeps its bare lists)


@pytest.mark.parametrize("text", ["1、部门预算项目   ?   2、省直专项   □  3、省对下转移支付项目 □",
                                  "1、部门预算项目?2、省直专项□3、省对下转移支付项目□"])
def test_a_box_whose_glyph_the_copy_lost_makes_the_list_illegible(text):
    # 231: a Word form's ticked box copied as ?; with the spacing gone too, the numbers still part the options
    choice = read_choice("项目类别", text)
    assert choice is not None
    assert (choice.options, choice.legible, choice.unanswered) == (
        ["部门预算项目", "省直专项", "省对下转移支付项目"], False, False)


def test_a_row_of_boxes_alone_is_an_option_row_and_a_box_alone_is_boxes():
    assert is_option_row("1、部门预算项目 □ 2、省直专项 □ 3、省对下转移支付项目 □")
    assert not is_option_row("1、上级专项 2、本级专项")  # without a label nothing says they are options
    assert not is_option_row("项目概况：用于开展筛查工作")
    assert is_boxes("□ √") and is_boxes("£") and not is_boxes("□新增")


_HEADER = """2024年项目支出绩效目标表
项目名称 | 乡镇维稳经费 |
项目属性 | 1、持续性项目 □ 2、新增性项目 ■ |
1、部门预算项目 □ 2、省直专项 □ 3、省对下转移支付项目 □ | |
项目类型 | 部门预算 □ | 切块预算 □ |
是否政府采购 | □是 □否 | 是否公开 | 是/否 |
预算数 | 15 |
一级指标 | 二级指标 | 三级指标 | 指标值
产出指标 | 数量指标 | 排查村数 | ≥18个
效益指标 | 社会效益指标 | 群众投诉率 | ≤5%
满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90%
"""


def test_the_reader_keeps_the_headers_option_lists_with_their_labels():
    sheet = read_bytes(_HEADER.encode(), "options.txt").sheets[0]
    assert [(c.label, c.options, c.chosen) for c in sheet.choices] == [
        ("项目属性", ["持续性项目", "新增性项目"], ["新增性项目"]),
        (None, ["部门预算项目", "省直专项", "省对下转移支付项目"], []),  # a row of boxes whose label the form leaves out
        ("项目类型", ["部门预算", "切块预算"], []),  # the options in cells of their own, after the label's
        ("是否政府采购", ["是", "否"], []),  # a label the vocabulary does not know, before its boxes
        ("是否公开", ["是", "否"], []),  # a 是否 question's plain options
    ]
    assert sheet.budget.total == 15 and sheet.name == "乡镇维稳经费" and len(sheet.indicators) == 3


def test_the_option_lists_survive_the_json_interchange():
    document = read_bytes(_HEADER.encode(), "options.txt")
    again = read_bytes(write_json(document), "options.json")
    assert again.sheets[0].choices == document.sheets[0].choices
