"""Project plan tables (项目计划表, :mod:`jixiao.documents.pipeline.plans`): one project a row, its 绩效目标 cell saying
the targets in words, no indicator grid. Corpus 274 (a Shaanxi notice) prints one, run together in its web copy; the
cases give its cells as a table holds them, and rewordings of other plan tables."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.documents.pipeline import read_text
from jixiao.documents.pipeline.plans import plan_rows
from jixiao.documents.pipeline.tokens import text_lines
from jixiao.documents.read import read_bytes


def read(*rows: str):
    return read_text("\n".join(rows).encode(), "plan.txt")[0]


# corpus 274's header and its one project, cell by cell
_HANBIN = ("| 序号 | 项目名称 | 实施地点 | 建设任务 | 补助标准 | 资金来源 | 实施期限 | 实施单位及责任人 | 绩效目标 | 带贫减贫机制 |",
           ("| 1 | 茶叶优势主导产业项目 | 相关镇办相关村 | 5.机采茶园培育500亩,6.推广使用茶树修剪机和便携式采茶机 | | "
            "230万元 | 2022年5月-12月 | 汉滨区蚕茶果技术中心/陈恒 | 亩产值增长3%以上,带动20户脱贫户户均年增收1000元 | "
            "脱贫户及边缘户园区务工 |"))
# a rewording: another county's 衔接资金 plan, its money heading naming the unit, two projects
_REWORDED = ("| 序号 | 项目名称 | 建设地点 | 建设内容及规模 | 资金规模(万元) | 建设期限 | 绩效目标 | 联农带农机制 |",
             ("| 1 | 石门村产业路硬化项目 | 石门村 | 硬化道路2.5公里 | 80 | 2023年4月-10月 | "
              "硬化道路≥2.5公里,工程验收合格率100%,受益群众满意度≥95% | 方便群众出行 |"),
             ("| 2 | 柳河村蔬菜大棚项目 | 柳河村 | 新建大棚20座 | 60 | 2023年3月-9月 | 新建大棚20座,带动脱贫户增收2000元以上 | "
              "务工、分红 |"))
# a plan with a 绩效指标 column by level beside its goals in words: the targets are the indicators column's
_LEVELLED = ("| 项目名称 | 实施地点 | 建设内容 | 资金规模(万元) | 绩效目标 | 绩效指标 |",
             ("| 槐树村饮水巩固提升项目 | 槐树村 | 新建蓄水池1座 | 35 | 保障群众安全饮水 | "
              "产出指标:新建蓄水池1座;工程验收合格率100%;效益指标:受益人口≥300人 |"))


@pytest.mark.parametrize(("rows", "sheets"), [
    # (带动20户脱贫户户均年增收1000元 sets two targets: how many households are reached, what each gains)
    (_HANBIN, [("茶叶优势主导产业项目", Decimal(230), [
        (None, "亩产值增长", "3%以上"), (None, "带动脱贫户", "20户"), (None, "脱贫户户均年增收", "1000元")])]),
    (_REWORDED, [
        ("石门村产业路硬化项目", Decimal(80), [
            (None, "硬化道路", "≥2.5公里"), (None, "工程验收合格率", "100%"), (None, "受益群众满意度", "≥95%")]),
        ("柳河村蔬菜大棚项目", Decimal(60), [(None, "新建大棚", "20座"), (None, "带动脱贫户增收", "2000元以上")])]),
    (_LEVELLED, [("槐树村饮水巩固提升项目", Decimal(35), [
        ("产出指标", "新建蓄水池", "1座"), ("产出指标", "工程验收合格率", "100%"), ("效益指标", "受益人口", "≥300人")])]),
])
def test_a_plan_tables_projects_are_sheets_whose_goals_give_the_indicators(rows, sheets):
    document = read("某县2022年度项目计划表", *rows)
    assert [(sheet.name, sheet.budget.total, [(i.level1, i.name, i.target.raw) for i in sheet.indicators])
            for sheet in document.sheets] == sheets
    # the plan's other cells describe the project (where, what, when, who): kept as its purpose, nothing dropped
    assert all(sheet.purpose and "：" in sheet.purpose for sheet in document.sheets)
    # a plan row is whole: no cut table to report (a plan has no 满意度指标 to be missing)
    assert not {d.code for d in document.diagnostics} & {"P114", "P119", "P120"}


def test_a_plan_tables_total_row_is_no_project():
    document = read("某县2023年度项目计划表", *_REWORDED, "| | 合计 | | | 140 | | | |")
    assert [(sheet.name, sheet.budget.total) for sheet in document.sheets] == [
        ("石门村产业路硬化项目", Decimal(80)), ("柳河村蔬菜大棚项目", Decimal(60))]


def test_a_plan_projects_goals_in_words_without_a_target_are_its_goals_only():
    document = read(_REWORDED[0], "| 1 | 石门村产业路硬化项目 | 石门村 | 硬化道路2.5公里 | 80 | 2023年4月-10月 | "
                    "改善群众出行条件,助力乡村振兴 | 方便群众出行 |")
    sheet = document.sheets[0]
    assert sheet.name == "石门村产业路硬化项目" and sheet.goals == ["改善群众出行条件,助力乡村振兴"]
    assert sheet.indicators == []  # nothing is made of words that give no target


@pytest.mark.parametrize("header", [
    # one plan heading only: a project's header block laid out in a row, not a plan table
    "| 项目名称 | 实施单位 | 资金总额 | 绩效目标 |",
    # the indicator grid's own headings beside the plan's: the long layout, one row per indicator
    "| 项目名称 | 实施地点 | 建设内容 | 绩效目标 | 三级指标 | 指标值 |",
])
def test_a_row_of_headings_that_is_no_plan_table_is_left_as_it_is(header):
    lines = text_lines(f"{header}\n| 甲项目 | 甲村 | 修路 | 修路1公里 | 道路长度 | 1公里 |")
    assert plan_rows(lines) == lines


def test_a_plan_table_in_a_web_page_is_read_the_same():
    cells = [[cell.strip() for cell in row.strip("| ").split(" | ")] for row in _REWORDED]
    html = "<table>" + "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in cells) + "</table>"
    document = read_bytes(f"<html><body><p>某县2023年度项目计划表</p>{html}</body></html>".encode(), "plan.html")
    assert [(sheet.name, sheet.budget.total, sheet.money_unit, len(sheet.indicators)) for sheet in document.sheets] == [
        ("石门村产业路硬化项目", Decimal(80), "万元", 3), ("柳河村蔬菜大棚项目", Decimal(60), "万元", 2)]


def _run_together(rows: tuple[str, ...]) -> str:
    """The rows of a pipe table as a web page's copy runs them together: every cell straight after the one before."""
    return "".join(cell.strip() for row in rows for cell in row.split("|"))


def test_a_plan_table_run_together_on_one_line_is_cut_by_its_cells_shapes():
    # corpus 274's form: the notice's words, then the headings and the project's cells with no separator at all
    document = read("现将项目计划予以公告(详见下表)。某区2022年度项目计划表" + _run_together(_HANBIN).replace("230万元", "230万"))
    [sheet] = document.sheets
    assert (sheet.name, sheet.budget.total) == ("茶叶优势主导产业项目", Decimal(230))
    assert [(i.name, i.target.raw) for i in sheet.indicators] == [
        ("亩产值增长", "3%以上"), ("带动脱贫户", "20户"), ("脱贫户户均年增收", "1000元")]
    # the goals end at their last figure: the 带贫减贫机制 cell after them describes the project, no target
    assert sheet.purpose.endswith("实施期限：2022年5月-12月；实施单位及责任人：汉滨区蚕茶果技术中心/陈恒；"
                                  "带贫减贫机制：脱贫户及边缘户园区务工")
    # the cut is a guess from the cells' shapes: the reader says how it cut the row, at the row's line
    [cut] = [d for d in document.diagnostics if d.code == "P111" and "实施期限" in d.message]
    assert cut.location.line == 1
    assert "实施期限“2022年5月-12月”｜实施单位及责任人“汉滨区蚕茶果技术中心/陈恒”｜绩效目标“亩产值增长3%以上," in cut.message


def test_a_numbered_plan_run_together_holds_one_sheet_per_project():
    # the money heading names its unit, so the amount is a bare figure right before the period; each project's row
    # opens with its number and a name ending in 项目, after the goals and mechanism of the one before
    document = read("某县2023年度项目计划表" + _run_together(_REWORDED))
    assert [(sheet.name, sheet.budget.total, sheet.money_unit, [(i.name, i.target.raw) for i in sheet.indicators])
            for sheet in document.sheets] == [
        ("石门村产业路硬化项目", Decimal(80), "万元",
         [("硬化道路", "≥2.5公里"), ("工程验收合格率", "100%"), ("受益群众满意度", "≥95%")]),
        ("柳河村蔬菜大棚项目", Decimal(60), "万元", [("新建大棚", "20座"), ("带动脱贫户增收", "2000元以上")])]
    # the place and the works, with no shape between them, run on in one cell: the note names both headings
    cuts = [d.message for d in document.diagnostics if d.code == "P111" and "建设期限" in d.message]
    assert len(cuts) == 2 and all("建设地点、建设内容及规模“" in cut for cut in cuts)


def test_plan_headings_run_together_without_a_period_to_cut_by_are_left_as_they_stand():
    # no shape says where the goals begin (no period, no owner after it): nothing is guessed, the line stays whole
    lines = text_lines("某县项目计划表序号项目名称实施地点建设任务绩效目标1甲村道路项目甲村修路修路1公里")
    assert plan_rows(lines) == lines
