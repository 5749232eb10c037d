"""The sheet's year where a form prints it beside its other heading fields, where a label other than 预算年度 names it,
where the next project's block under one title prints none, and where a document site's preview runs a report's title
on into its text: each case a family of layouts written in other words and figures than the documents it was found in."""

from __future__ import annotations

import pytest

from jixiao.documents.pipeline import read_text

_GRID = ["| 一级指标 | 二级指标 | 三级指标 | 指标值 |", "| 产出指标 | 数量指标 | 养护道路里程 | ≥42公里 |"]
_NAME = "| 项目名称 | 村级公路养护补助 |"


def read(*texts: str):
    return read_text("\n".join(texts).encode(), "case.txt")[0]


@pytest.mark.parametrize(("line", "unit", "money_unit"), [
    # a PDF's or a Word line's text under the title: the year apart from the money unit by one space, or by nothing
    ("（2024年度） 单位：万元", None, "万元"),
    ("(2024年度)单位:万元", None, "万元"),
    ("单位：万元 （2024年）", None, "万元"),
    # the unit's field, the year and the money unit on one line, single-spaced: the year is no word of the unit's name
    ("填报单位：某县交通运输局 2024年度 单位：万元", "某县交通运输局", "万元"),
    ("填报单位(盖章):某县交通运输局 （2024年度）", "某县交通运输局", None),
])
def test_the_year_beside_the_heading_fields_under_the_title_is_the_sheets(line, unit, money_unit):
    sheet = read("项目支出绩效目标表", line, _NAME, *_GRID).sheets[0]
    assert sheet.year == 2024
    assert (sheet.unit.name if sheet.unit else None, sheet.money_unit) == (unit, money_unit)


def test_a_sentence_under_the_title_opening_with_a_year_gives_no_year():
    # (the line is the goals' prose, not the heading's fields: its year is cited, not the form's)
    sheet = read("项目支出绩效目标表", "2024年度 全年完成村道养护42公里", _NAME, *_GRID).sheets[0]
    assert sheet.year is None


@pytest.mark.parametrize("label", ["所属年度", "资金年度", "申报年度"])
def test_a_label_naming_the_year_by_another_word_gives_the_year(label):
    sheet = read("项目支出绩效目标表", _NAME, f"| {label} | 2024 |", *_GRID).sheets[0]
    assert sheet.year == 2024


_SECOND = ["", "| 项目名称 | 乡村学校校舍维修 |", _GRID[0], "| 产出指标 | 数量指标 | 维修校舍面积 | ≥800平方米 |"]


def test_the_next_projects_block_under_one_title_takes_the_titled_forms_year_said():
    # 新洲 楚剧团 (corpus 234): 项目支出绩效自评表(2020 年度), then two projects' blocks, the second with no title
    document = read("项目支出绩效目标表", "（2024年度）", _NAME, *_GRID, *_SECOND)
    first, second = document.sheets
    assert (first.name, first.year, second.name, second.title, second.year) == (
        "村级公路养护补助", 2024, "乡村学校校舍维修", None, 2024)
    said = [(d.location.sheet, d.message) for d in document.diagnostics if d.code == "P190"]
    assert said == [("乡村学校校舍维修", "表中未写年度，按同一标题下上方项目“村级公路养护补助”的2024年取年度")]


def test_a_project_under_a_title_of_its_own_takes_no_year_from_the_form_above():
    document = read("项目支出绩效目标表", "（2024年度）", _NAME, *_GRID, "", "项目支出绩效目标表", *_SECOND[1:])
    assert [sheet.year for sheet in document.sheets] == [2024, None]
    assert not [d for d in document.diagnostics if d.code == "P190"]


def test_a_reports_title_a_preview_runs_on_into_its_text_gives_the_name_and_year():
    # a document site's preview (corpus 232): the page's number, the report's title (…绩效评价自评报告) and its
    # sections run together on one line, the indicators told in its sentences
    line = ("1、2023年度乡村道路养护经费项目绩效评价自评报告一、项目总体情况乡村道路养护经费,主要用于全县村道日常养护。"
            "本项目预算批复 80 万元,支出 72 万元。二、指标完成情况(1)产出-数量目标-养护道路里程实际完成情况:实际完成 42 公里,"
            "未完成目标的原因是雨季延误。(2)产出-时效目标-养护完成及时率实际完成情况:实际完成 95%,未完成目标的原因是资金拨付延迟。")
    document = read("文档简介", line)
    sheet = document.sheets[0]
    assert (document.kind, sheet.name, sheet.year) == ("self-eval", "乡村道路养护经费项目", 2023)
    assert [indicator.name for indicator in sheet.indicators] == ["养护道路里程", "养护完成及时率"]


def test_a_table_of_another_form_below_takes_no_year_from_the_form_above():
    # (a self-evaluation's table stacked under a goal form: its columns are another form's, not the next project's)
    other = ["", "| 项目名称 | 乡村学校校舍维修 |", "| 一级指标 | 二级指标 | 三级指标 | 指标值 | 实际完成值 |",
             "| 产出指标 | 数量指标 | 维修校舍面积 | ≥800平方米 | 820平方米 |"]
    document = read("项目支出绩效目标表", "（2024年度）", _NAME, *_GRID, *other)
    assert [sheet.year for sheet in document.sheets] == [2024, None]
