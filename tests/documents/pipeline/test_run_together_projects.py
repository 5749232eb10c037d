"""Several projects' forms in one file: forms run together on one line (a document site's text of a Word file holding
one form per project), where one form's 总分 row meets the next form's 项目名称, with a count's unit that is the
first character of a label run on after a figure; and a publication heading each project's goals with its name."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.documents.pipeline import read_text
from jixiao.documents.pipeline.labels import segment


def read(text: str):
    document, accounting = read_text(text.encode(), "case.txt")
    assert accounting.tokens == accounting.placed + accounting.diagnosed + accounting.chrome
    return document


_FORM = (
    "项目名称{name}主管部门某区剧团实施单位某区文化和旅游局一级指标二级指标三级指标年度指标值实际完成值分值得分"
    "产出指标数量指标{indicator}50件50件5050满意度指标服务对象满意度指标演出人员满意度100%100%5048总分{total}"
)


def test_the_next_projects_name_label_after_a_total_fused_with_its_100_opens_the_next_sheet():
    # corpus 234: 总分10098项目名称中青年演员培训经费…: the total's figures (100 of 98) and then the next form,
    # which has no title of its own; 项 is no unit of the figure before it, but the first character of 项目名称
    text = (
        "项目支出绩效自评表(2020年度)"
        + _FORM.format(name="演出设备更新专项经费", indicator="更新演出设备", total="10098")
        + _FORM.format(name="中青年演员培训经费", indicator="送培青年演员", total="10099")
    )
    document = read(text)
    assert [sheet.name for sheet in document.sheets] == ["演出设备更新专项经费", "中青年演员培训经费"]
    assert [[i.name for i in sheet.indicators] for sheet in document.sheets] == [
        ["更新演出设备", "演出人员满意度"],
        ["送培青年演员", "演出人员满意度"],
    ]
    # the first form's total, read below its grid before the next form begins
    assert document.sheets[0].evaluation.total == Decimal(98)


def test_a_figures_unit_is_not_the_first_character_of_a_label_run_on_after_it():
    pieces = segment(
        "一级指标二级指标三级指标分值年度指标值全年实际值得分产出指标数量指标保障人数102370人2370人10"
        "质量指标公用经费标准5符合要求符合要求5总分10098项目名称初中公用经费"
    )
    # (the document reads the label inside the last piece: the run-together header block's own cut)
    assert pieces[-2:] == ("总分", "10098项目名称初中公用经费")
    # a count's unit stays with its figure where no label follows (2370人 | 2370人)
    assert pieces.count("2370人") == 1 and "102370人" in pieces


def test_a_total_row_below_a_grid_whose_sum_and_score_ran_together_claims_the_score():
    document = read(
        "项目支出绩效自评表\n项目名称 | 某项目 |\n一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
        "产出指标 | 数量指标 | 完成件数 | 50件 | 50件 | 50 | 50 |\n"
        "效益指标 | 服务对象满意度指标 | 满意度 | ≥90% | 95% | 50 | 46 |\n"
        "总分 | 10096 |\n"
    )
    assert document.sheets[0].evaluation.total == Decimal(96)


def _project(name: str, indicator: str) -> list[str]:
    return [
        f"{name}项目绩效目标",
        "(一)中长期绩效目标",
        "全面建立婴幼儿照护服务体系。",
        "(二)中长期绩效指标",
        "项目具体目标表",
        "一级指标",
        "二级指标",
        "指标名称",
        "指标值",
        "产出指标",
        "数量指标",
        indicator,
        "4.5",
        "质量指标",
        "应补尽补率",
        "100%",
    ]


def test_a_publication_of_several_projects_heads_each_grid_with_the_projects_name():
    # corpus 177 (慈溪 重大政策和项目绩效目标, one cell per line): 3岁以下婴幼儿照护服务项目项目绩效目标 over the project's
    # goals and grid, then the next project's heading and grid under the same headings: two sheets, each named
    lines = [
        "2023年慈溪市重大政策和项目绩效目标情况",
        *_project("3岁以下婴幼儿照护服务项目", "每千人托位"),
        *_project("参保城乡居民健康体检经费项目", "体检人数"),
    ]
    document = read("\n".join(lines))
    assert [(sheet.name, [i.name for i in sheet.indicators]) for sheet in document.sheets] == [
        ("3岁以下婴幼儿照护服务项目", ["每千人托位", "应补尽补率"]),
        ("参保城乡居民健康体检经费项目", ["体检人数", "应补尽补率"]),
    ]


def test_a_numbered_section_on_the_projects_goals_names_no_project():
    from jixiao.documents.interpret.header_cells import goals_heading

    assert goals_heading("(二)项目绩效目标") is None
    assert goals_heading("项目绩效目标") is None
    assert goals_heading("2023年慈溪市重大政策和项目绩效目标情况") is None
    assert goals_heading("参保城乡居民健康体检经费项目绩效目标") == "参保城乡居民健康体检经费项目"


@pytest.mark.parametrize("name", [
    # corpus 262: the project's name opens with its year (项目名称2022年原州区…推广项目): the year is no target in 年
    "2022年原州区边销茶推广项目",
    "原州区边销茶推广项目",
])
def test_a_calendar_year_opening_a_name_is_kept_in_it(name):
    text = ("项目支出绩效自评表项目名称" + name + "主管部门原州区民族宗教事务局一级指标二级指标三级指标年度指标值实际完成值分值得分"
            "产出指标数量指标发放茶叶户数3875户3620户2018时效指标发放完成时间2022年12月底前2022年12月底前109")
    pieces = segment(text)
    assert any(piece.endswith(name + "主管部门原州区民族宗教事务局") for piece in pieces)
    # (a year before its month is still a date the row's target holds)
    assert "2022年12月底前" in pieces
    assert read(text).sheets[0].name == name
