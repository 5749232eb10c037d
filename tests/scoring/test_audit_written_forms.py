"""The audit of forms written otherwise than the rules' words: in Traditional characters (a converter site's copy), with
the operator and the unit in columns of their own (指标性质 | 指标值 | 度量单位, the Sichuan 2023 and Yunnan forms), and a
monitoring table heading its projection 预计年底执行数. The rules find what they find on the standard form, and quote
the cells as the document writes them. Made-up forms of ``tests/documents/selfeval_forms.py``."""

from __future__ import annotations

import pytest

from jixiao.documents import read_bytes
from jixiao.scoring import load_profile
from jixiao.scoring.audit import audit_document, audit_sheet
from jixiao.scoring.audit.written import in_simplified
from tests.conftest import texts
from tests.documents.selfeval_forms import GRID, LAYOUTS, MONEY, form, read_form, text, traditional

CENTRAL = load_profile("central")


def _qualitative(actual: str) -> list[list[str]]:
    """The standard grid with a qualitative 效益 row answered ``actual``."""
    return [*GRID, ["", "可持续影响指标", "道路管护机制健全性", "健全", actual, "0", "0", ""]]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_form_in_traditional_characters_is_audited_by_its_words_and_quoted_as_written(layout):
    sheet = read_form(traditional(form(grid=_qualitative("达成预期指标"))), layout)
    found = [f for f in audit_sheet(sheet, CENTRAL) if f.rule == "JXA17"]
    assert [(f.indicator, texts(f)["actual"]) for f in found] == [("道路管護機制健全性", "達成預期指標")]
    assert "達成預期指標" in found[0].message


def test_a_form_in_simplified_characters_is_audited_as_it_is():
    # (a formula's letters after a heading, 全年执行数(B), are the document's own words, no gloss to remove)
    money = [
        ["项目资金（万元）", "年初预算数", "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分"],
        MONEY[1],
    ]
    sheet = read_form(form(money=money, grid=_qualitative("达成预期指标")), "pipes")
    assert "全年执行数(B)" in sheet.evaluation.money_headings
    assert in_simplified(sheet) == (sheet, {})


@pytest.mark.parametrize("layout", ["pipes", "tabs"])
@pytest.mark.parametrize(
    ("headings", "cells"),
    [
        (["指标性质", "指标值", "度量单位"], ["≥", "8400", "元"]),  # the Sichuan 2023 and Yunnan forms
        (["指标值", "计量单位"], ["≥8400", "元"]),  # the Hubei and Anhui budget systems' exports
        (["指标值"], ["≥8400元"]),  # the standard form
    ],
)
def test_a_worked_out_figure_on_its_bound_is_noted_with_the_operator_and_unit_in_their_own_columns(
    headings, cells, layout
):
    grid = [
        ["一级指标", "二级指标", "三级指标", *headings, "实际完成值", "分值", "得分"],
        ["效益指标", "经济效益指标", "务工人员年人均增收", *cells, "8400元", "30", "30"],
        ["产出指标", "数量指标", "新建道路长度", *([""] * (len(headings) - 1)), "10公里", "12公里", "60", "60"],
    ]
    found = [f for f in audit_sheet(read_form(form(grid=grid, total=None), layout), CENTRAL) if f.rule == "JXA17"]
    assert [(f.indicator, texts(f)["actual"], texts(f)["target"]) for f in found] == [
        ("务工人员年人均增收", "8400元", "≥8400元")
    ]


@pytest.mark.parametrize("layout", ["pipes", "tabs"])
@pytest.mark.parametrize("heading", ["全年预计执行数", "预计年底执行数", "年底预计支出数"])
def test_a_projection_column_left_blank_is_reported_in_any_of_its_words(heading, layout):
    rows = [
        ["项目支出绩效运行监控表"],
        ["（2023年度）"],
        ["项目名称", "乡村道路建设"],
        ["项目资金（万元）", "年初预算数", "1-6月执行数", heading],
        ["年度资金总额", "220", "87.57", ""],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "1-6月执行情况", "完成目标可能性"],
        ["产出指标", "数量指标", "新建道路长度", "≥10公里", "6公里", "确定能"],
    ]
    document = read_bytes(text(rows, layout).encode(), "case.txt")
    found = [texts(f) for f in audit_document(document, CENTRAL) if f.rule == "JXM05"]
    assert [(params["heading"], params["spent"]) for params in found] == [(heading, "87.57")]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_template_rows_a_traditional_copy_leaves_in_its_grid_are_reported_as_in_simplified(layout):
    # the template's numbered rows left empty (時效指標 | 指標1: | …), which the reader sets aside (P108) under the sheet
    # named as the copy writes it (鄉村道路建設), while the rules read the sheet as its Simplified reading
    grid = [*GRID, ["", "时效指标", "指标1:", "", "", "", "", ""], ["", "", "指标2:", "", "", "", "", ""]]
    document = read_bytes(text(traditional(form(grid=grid)), layout).encode(), "case.txt")
    found = [f for f in audit_document(document, CENTRAL) if f.rule == "JXA11"]
    assert [(f.location.sheet, texts(f)["field"]) for f in found] == [("鄉村道路建設", "三级指标")]
    assert texts(found[0])["text"] == "指标1:、指标2:"


@pytest.mark.parametrize("layout", ["pipes", "tabs", "spaces"])
def test_an_execution_score_is_checked_where_each_money_heading_is_written_with_its_figure(layout):
    # 年度资金总额 | 年初预算数：100 | 全年预算数：120 | 全年执行数：110 | 分值：10 | 执行率：91.67% | 得分：10
    money = [[MONEY[1][0], *(f"{heading}：{figure}" for heading, figure in zip(MONEY[0][1:], [*MONEY[1][1:6], "10"]))]]
    found = [texts(f) for f in audit_sheet(read_form(form(money=money), layout), CENTRAL) if f.rule == "JXA23"]
    assert [(params["score"], params["expected"]) for params in found] == [("10", "9.17")]
