"""Sheet fields a form prints in words or figures other than the common ones: the year alone in brackets in the title
(项目支出绩效目标表（2024）), the year under the labels 年份 and 实施年度 (a span there being the project's period), the
budget under 资金规模 and the whole project's 项目总投资 (the span's money, the year's only where the span is one year),
and amounts in capital numerals (拾贰万元, 壹拾贰万叁仟元整), each read and said where it came from."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.documents.pipeline import read_text
from jixiao.review.context import YEAR_INFERRED

_GRID = ["| 一级指标 | 二级指标 | 三级指标 | 指标值 |", "| 产出指标 | 数量指标 | 养护道路里程 | ≥42公里 |"]
_NAME = "| 项目名称 | 村级公路养护补助 |"


def read(*texts: str):
    return read_text("\n".join(texts).encode(), "case.txt")[0]


def said(document, code: str) -> list[tuple[int | None, str | None, str]]:
    return [(d.location.line, d.location.column, d.message) for d in document.diagnostics if d.code == code]


@pytest.mark.parametrize("title", ["项目支出绩效目标表（2024）", "项目支出绩效目标表(2024)", "（2024）项目支出绩效目标表",
                                   "村级公路养护补助项目支出绩效目标表（ 2024 ）"])
def test_a_year_alone_in_brackets_in_the_title_is_the_sheets(title):
    document = read(title, _NAME, *_GRID)
    sheet = document.sheets[0]
    assert (sheet.title, sheet.year) == (title, 2024)
    assert not [d for d in document.diagnostics if d.code in YEAR_INFERRED]  # (stated, not inferred)


def test_a_title_in_a_tables_first_cell_states_its_bracketed_year_too():
    sheet = read("| 项目支出绩效目标表（2024） | 填报单位：某县交通运输局 |", _NAME, *_GRID).sheets[0]
    assert sheet.year == 2024


@pytest.mark.parametrize("title", ["项目支出绩效目标表（1234）", "某县财行(2022)10号村级公路养护补助项目支出绩效目标表",
                                   "项目支出绩效目标表(2022)10号"])
def test_a_bracketed_number_no_form_year_in_the_title_gives_none(title):
    # (1234: no year; 财行(2022)10号: a notice's number, the year it was issued in, inside the name)
    assert read(title, _NAME, *_GRID).sheets[0].year is None


@pytest.mark.parametrize("label", ["年份", "实施年度", "年份：", "实施年度:"])
def test_the_labels_年份_and_实施年度_give_the_year(label):
    sheet = read("项目支出绩效目标表", _NAME, f"| {label} | 2024 |", *_GRID).sheets[0]
    assert (sheet.year, "年度" in sheet.form_fields) == (2024, True)


def test_a_span_under_a_year_label_is_the_period_not_its_last_year():
    # (实施年度 | 2024-2026: a multi-year project; 2026 is no more its budget year than 2024)
    sheet = read("项目支出绩效目标表", _NAME, "| 实施年度 | 2024-2026 |", *_GRID).sheets[0]
    assert (sheet.year, sheet.period.start, sheet.period.end, sheet.period.text) == (None, 2024, 2026, "2024-2026")


@pytest.mark.parametrize("row", ["| 资金规模 | 12 |", "| 资金规模（万元） | 12 |", "资金规模：12万元"])
def test_资金规模_is_the_sheets_budget(row):
    sheet = read("项目支出绩效目标表（2024）", _NAME, row, *_GRID).sheets[0]
    assert (sheet.budget.total, "预算数" in sheet.form_fields) == (Decimal("12"), True)


def test_资金规模_and_项目总投资_in_the_grid_stay_indicators():
    # (成本指标 rows capping the money: names of indicators, no fields of the header)
    rows = ["| 成本指标 | 经济成本指标 | 项目总投资 | ≤120万元 |", "| 成本指标 | 经济成本指标 | 资金规模 | ≤12万元 |"]
    sheet = read("项目支出绩效目标表（2024）", _NAME, *_GRID, *rows).sheets[0]
    assert [i.name for i in sheet.indicators] == ["养护道路里程", "项目总投资", "资金规模"]
    assert (sheet.budget.total, sheet.period) == (None, None)


def test_项目总投资_of_a_span_of_years_is_the_spans_money_said():
    document = read("项目支出绩效目标表（2024）", _NAME, "| 实施期 | 2024年—2026年 |", "| 项目总投资（万元） | 300 |", *_GRID)
    sheet = document.sheets[0]
    assert (sheet.budget.total, sheet.period.budget.total) == (None, Decimal("300"))
    assert said(document, "P160") == [
        (None, "项目总投资（万元）", "表中只写了整个实施期的资金“项目总投资（万元）”300.00，没有写当年的预算数，也没有写明实施期只有一年："
                                 "预算数留空")]


def test_项目总投资_beside_the_years_budget_stays_the_spans():
    sheet = read("项目支出绩效目标表（2024）", _NAME, "| 项目总投资（万元） | 300 | 年度预算数 | 100 |", *_GRID).sheets[0]
    assert (sheet.budget.total, sheet.period.budget.total) == (Decimal("100"), Decimal("300"))


def test_项目总投资_of_a_one_year_span_is_the_years_budget():
    sheet = read("项目支出绩效目标表（2024）", _NAME, "| 项目期 | 1年 |", "项目总投资：120万元", *_GRID).sheets[0]
    assert (sheet.budget.total, sheet.period.budget.total) == (Decimal("120"), Decimal("120"))


@pytest.mark.parametrize(("cell", "total", "read_as"), [
    ("拾贰万元", "12", "12万元"),
    ("壹佰万元整", "100", "100万元"),
    ("人民币壹佰贰拾万零伍仟元整", "120.5", "1205000元"),
])
def test_an_amount_in_capital_numerals_is_read_said(cell, total, read_as):
    document = read("项目支出绩效目标表（2024）", "单位：万元", _NAME, f"| 预算数 | {cell} |", *_GRID)
    assert document.sheets[0].budget.total == Decimal(total)
    assert said(document, "P191") == [(4, "预算数", f"“预算数”的金额“{cell}”以中文大写数字书写，按{read_as}读取")]
    assert not said(document, "P106")


def test_a_label_value_line_in_capital_numerals_names_its_label():
    document = read("项目支出绩效目标表（2024）", "项目名称：村级公路养护补助", "预算数：拾贰万元", *_GRID)
    assert document.sheets[0].budget.total == Decimal("12")
    assert [message for _, _, message in said(document, "P191")] == ["“预算数”的金额“拾贰万元”以中文大写数字书写，按12万元读取"]


def test_the_spans_money_in_capital_numerals_is_read_too():
    document = read("项目支出绩效目标表（2024）", _NAME, "| 项目期 | 1年 |", "| 项目总投资 | 壹佰万元整 |", *_GRID)
    assert document.sheets[0].budget.total == Decimal("100")
    assert len(said(document, "P191")) == 1
