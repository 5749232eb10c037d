"""The sheet's year, period and annual goals as real published forms print them (issue 9): each case a family of
layouts written in other words and figures than the corpus document it was found in."""

from __future__ import annotations

import pytest

from jixiao.documents.pipeline import read_text

_GRID = ["| 一级指标 | 二级指标 | 三级指标 | 指标值 |", "| 产出指标 | 数量指标 | 养护道路里程 | ≥42公里 |"]


def read(*texts: str):
    return read_text("\n".join(texts).encode(), "case.txt")[0]


def test_the_year_printed_alone_above_a_form_whose_title_is_not_read_is_the_sheets():
    # 奉节 审批表 (corpus 285), 叶集 (191: the title run on at the end of a page's paragraph), 芜湖 申报明细表 (280): the
    # (2023年度) line stands before any sheet was opened, and the first form takes it
    sheet = read("区级财政项目支出绩效目标核定表", "（ 2024年度 ）", "| 项目名称 | 乡村道路养护经费 |", *_GRID).sheets[0]
    assert sheet.year == 2024


def test_a_blank_year_label_keeps_the_year_the_title_states():
    # 马铃薯 自评表(2022年度) (corpus 106), 银川 (104): the form's 年度 label, left blank or heading its goals in the
    # rows below, erased the title's year
    sheet = read("2023年度项目支出绩效目标表", "| 项目名称 | 村级公路养护补助 |", "| 年度 | |", *_GRID).sheets[0]
    assert sheet.year == 2023


def test_the_title_as_the_first_cell_of_a_row_gives_the_year():
    # 永德 (corpus 102): 2022年度项目支出绩效自评表 | 部门:XX, the title in a row beside a field
    sheet = read("| 2021年度项目支出绩效目标表 | 单位:某县公路养护中心 |", "| 项目名称 | 村级公路养护补助 |",
                 *_GRID).sheets[0]
    assert sheet.year == 2021


def test_a_pages_line_naming_the_title_among_its_fields_gives_no_year():
    # (corpus 159: 名称: 转移支付区域(项目)绩效目标自评表 (2021) 发布日期: 2022年04月02日: 2022 is the page's date)
    sheet = read("| 名称: 项目支出绩效目标表 (2020) 发布日期: 2021年3月5日 | 单位:某县公路养护中心 |",
                 "| 项目名称 | 村级公路养护补助 |", *_GRID).sheets[0]
    assert sheet.year is None


def test_the_construction_period_is_the_sheets_period():
    # 奉节 (corpus 285): 建设周期 | 2025年1月1日-2025年12月31日 beside the heading's 2023年度
    sheet = read("项目支出绩效目标表", "| 项目名称 | 村级公路养护补助 | 项目建设周期 | 2024年3月—2026年6月 |", *_GRID).sheets[0]
    assert (sheet.period.start, sheet.period.end, sheet.period.text) == (2024, 2026, "2024年3月—2026年6月")


def test_a_goals_label_with_its_parts_listed_keeps_the_expected_part_as_the_goals():
    # 芜湖 申报明细表 (corpus 280): 项目绩效目标(含项目概况、设立依据、必要性及预期目标) 项目概况:… , the label and the
    # first part in one cell, each part labelled; the goals are the 预期目标 part, what comes before describes the project
    sheet = read(
        "项目支出绩效目标表", "| 项目名称 | 老年人健康体检经费 |",
        "项目绩效目标(含项目概况、必要性及预期目标) 项目概况:为辖区老年人提供免费体检。   必要性:人口老龄化加快。"
        "   预期目标:全年完成65岁以上老年人体检3000人次,体检率不低于70%。",
        *_GRID).sheets[0]
    assert sheet.goals == ["全年完成65岁以上老年人体检3000人次,体检率不低于70%。"]
    assert sheet.purpose.startswith("项目概况:为辖区老年人提供免费体检。")


def test_a_goals_label_with_a_note_spaced_from_its_goal_in_one_cell_gives_the_goal():
    # (the label's bracketed note keeps it from being read as run on with its value)
    sheet = read("项目支出绩效目标表", "| 项目名称 | 老年人健康体检经费 |",
                 "| 项目绩效目标(含年度预期) 全年完成体检3000人次 | |", *_GRID).sheets[0]
    assert sheet.goals == ["全年完成体检3000人次"]


def test_a_self_evaluation_reports_title_gives_its_sheets_year():
    # 锡林郭勒 (corpus 188), 无为 (190), 中方 (245: 2022年度XX项目支出绩效自评报告): the report's year, in its title only
    sheet = read("某县2024年度道路养护资金绩效自评报告", "| 项目名称 | 村级公路养护补助 |",
                 "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 |",
                 "| 产出指标 | 数量指标 | 养护道路里程 | ≥42公里 | 45公里 |").sheets[0]
    assert sheet.year == 2024


def test_the_year_opening_a_funds_name_in_a_reports_title_is_not_the_reports():
    from jixiao.documents.interpret.header_cells import report_year

    assert report_year("2021年中央农业生产发展资金绩效自评报告") is None
    assert report_year("农业生产发展资金2023年绩效评价报告") == 2023
    assert report_year("2022年度残疾人康复项目支出绩效自评报告") == 2022


def test_the_year_before_the_last_piece_of_a_title_broken_over_lines_is_the_forms():
    # 衡山 (corpus 134: a document site's file name as a title, then 2020年度 / 县级专项资金 / 绩效目标自评表), 鄂州 (004)
    sheet = read("乡镇公共服务资金绩效目标表.docx", "2024年度", "乡镇公共服务资金", "绩效目标表",
                 "| 项目名称 | 村级公路养护补助 |", *_GRID).sheets[0]
    assert sheet.year == 2024


def test_the_year_under_the_title_broken_from_its_year_word_is_joined_again():
    # 普陀 (corpus 208), a PDF's text: 财政项目支出绩效自评表 / (2022 / 年度)
    sheet = read("项目支出绩效目标表", "(2024", "年度)", "| 项目名称 | 村级公路养护补助 |", *_GRID).sheets[0]
    assert sheet.year == 2024


def test_a_line_naming_a_table_of_a_year_above_the_first_form_gives_its_year():
    # 黄石 2022年度共享工程项目自评表 (corpus 212), 广水 (165: a file's name, …2021年度乡村道路项目自评表.pdf): a title the
    # form words do not know, above the form
    for title in ("2024年度乡村公路养护项目自评表", "某县交通运输局2024年度乡村公路项目自评表.pdf"):
        sheet = read(title, "| 项目名称 | 村级公路养护补助 |", *_GRID).sheets[0]
        assert sheet.year == 2024, title
    assert read("2024年度乡村公路养护资金,按计划拨付表", "| 项目名称 | 村级公路养护补助 |", *_GRID).sheets[0].year is None


def test_a_goals_label_broken_at_a_space_is_no_label_and_goal():
    # 奉节 (corpus 285): 年度主要目标 和成果 | 全力以赴…: the label's words after the space are no goal
    sheet = read("项目支出绩效目标表", "| 项目名称 | 老年人健康体检经费 |",
                 "| 年度主要目标 和成果 | 全年完成体检3000人次。 |", *_GRID).sheets[0]
    assert sheet.goals == ["全年完成体检3000人次。"]


_SELF_EVAL = ["| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 |",
              "| 产出指标 | 数量指标 | 养护道路里程 | ≥42公里 | 45公里 |"]


@pytest.mark.parametrize(("title", "year"), [
    # 同心 (corpus 127, 202): a site's 标题: row naming the notice of the goals set, the year inside the project's words
    ("| 标 题: | 关于解决某县2024年村级道路硬化项目资金绩效目标设定的公示 |", 2024),
    ("标题: 某县2023年乡村公路养护项目绩效目标设定", 2023),
    # 慈溪 (177): a publication of goals under its year
    ("2022年某市重大政策和项目绩效目标情况", 2022),
    # 大英 (228): a department's accounts publication, the self-evaluation among its tables
    ("某县交通运输局2021年度部门决算", 2021),
    # a sentence citing a document of a year is no title, nor is a span's heading; one citing the notice that passes
    # down the funds of a year gives that year as the funds' (P182, test_year_from_page.py), not as a title's
    ("根据《关于印发2023年乡村振兴工作要点的通知》精神,安排资金", None),
    ("根据《关于下达2023年中央财政衔接推进乡村振兴资金预算指标的通知》精神,安排资金", 2023),
    ("2024-2026年绩效目标", None),
])
def test_a_publications_title_gives_the_year_of_the_sheets_that_state_none(title, year):
    for grid in (_GRID, _SELF_EVAL):
        sheet = read(title, "| 项目名称 | 村级公路养护补助 |", *grid).sheets[0]
        assert sheet.year == year, (title, grid[0])
    # a form's own year stands over the publication's
    assert read(title, "2019年度项目支出绩效自评表", "| 项目名称 | 村级公路养护补助 |", *_SELF_EVAL).sheets[0].year == 2019


@pytest.mark.parametrize(("lines", "year"), [
    # 荆门 (corpus 140): Hubei's 申报表 prints 起止时间 beside 项目负责人, within one year
    (("| 项目负责人 | 张三 | 起止时间 | 2024年1月—12月 |",), 2024),
    # the same span in other labels and layouts: one cell per line, a span of months written with points
    (("项目起止时间", "2023.1—2023.12"), 2023),
    (("| 项目期限 | 2022年 |",), 2022),
    # a span of several years, or of one year it does not name, says no year
    (("| 起止时间 | 2024年1月—2025年6月 |",), None),
    (("| 项目期 | 1年 |",), None),
])
def test_a_span_within_one_year_gives_the_year_where_nothing_else_states_one(lines, year):
    document = read("| 项目名称 | 村级公路养护补助 |", *lines, *_GRID)
    (sheet,) = document.sheets
    assert sheet.year == year
    said = [d.message for d in document.diagnostics if d.code == "P180"]
    assert len(said) == (year is not None) and all("按实施期“" in message for message in said)
    # a title's year stands over the span's, and nothing is said
    titled = read("2019年度项目支出绩效目标表", "| 项目名称 | 村级公路养护补助 |", *lines, *_GRID)
    assert titled.sheets[0].year == 2019 and not any(d.code == "P180" for d in titled.diagnostics)


_TRADITIONAL_GRID = ["| 一級指標 | 二級指標 | 三級指標 | 指標值 |", "| 產出指標 | 數量指標 | 養護道路里程 | ≥42公里 |"]


@pytest.mark.parametrize("cells", [lambda text: text, lambda text: f"| {text} | |"], ids=["line", "pipe-row"])
@pytest.mark.parametrize(("title", "year", "name"), [
    # 黄冈 (corpus 015), 丽江 (119), 宁德 (220): a converter site's or a Traditional province's forms
    ("項目支出績效自評表（2021年度）", 2021, None),
    ("2022年度項目支出績效目標表", 2022, None),
    # a title naming its project names the sheet, in the characters it is written in
    ("村級公路養護補助項目績效目標表", None, "村級公路養護補助項目"),
])
def test_a_title_in_traditional_characters_is_the_forms_title(cells, title, year, name):
    (sheet,) = read(cells(title), *_TRADITIONAL_GRID).sheets
    assert (sheet.title, sheet.year, sheet.name) == (title, year, name)


@pytest.mark.parametrize("name", ["2020年省级卫片执法补助经费支出绩效自评表", "2020年省級衛片執法補助經費支出績效自評表"])
@pytest.mark.parametrize("cells", [lambda text: text, lambda text: f"| {text} |"], ids=["line", "pipe-row"])
def test_the_line_under_a_name_label_alone_is_the_name_though_it_reads_like_a_title(cells, name):
    # 丽江 (corpus 119): 项目名称 | then, on the next line, the name the form prints, ending in the form's words
    (sheet,) = read(cells("2020年度项目支出绩效自评表"), cells("项目名称"), cells(name), *_GRID).sheets
    assert (sheet.title, sheet.name, sheet.year) == ("2020年度项目支出绩效自评表", name, 2020)
