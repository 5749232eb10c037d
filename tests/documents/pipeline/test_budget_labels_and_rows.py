"""The sheet's budget where a goal form labels it in a money table's words, beside its section's label alone, in
other words for the total, and in a row of values under a row of amount labels with a cell left blank (Word and
Excel forms): each case a family of layouts, none a corpus document's words."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.documents import read_bytes
from jixiao.documents.pipeline import read_text
from tests.documents.office_files import UP, docx_file, xlsx_file

_GRID = [["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "养护道路里程", "≥42公里"]]
_NAME = "| 项目名称 | 村级公路养护补助 |"


def _piped(rows: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(row) + " |" for row in rows]


def read(*texts: str):
    return read_text("\n".join([*texts, *_piped(_GRID)]).encode(), "case.txt")[0].sheets[0]


@pytest.mark.parametrize("row", [
    # a goal form labelling its budget as a self-evaluation's money table heads its columns
    "| 年度预算数 | 18.5 |", "| 本年预算 | 18.5 |", "| 年度预算数（万元） | 18.5 |",
    # the total's other labels
    "| 预算总金额 | 18.5 |", "| 预算安排数 | 18.5 |", "| 申报金额 | 18.5 |", "| 资金金额 | 18.5 |",
    # the money block's label with the amount beside it and nothing else
    "| 项目资金(万元) | 18.5 |",
])
def test_the_years_budget_in_a_goal_forms_other_words_is_its_total(row):
    sheet = read("项目支出绩效目标表", _NAME, row)
    assert sheet.budget.total == Decimal("18.5")
    assert sheet.evaluation is None


def test_the_money_blocks_label_before_its_own_labels_heads_them():
    # (项目资金(万元) | 年度资金总额： | 18.5: the section's label, then the total's label and amount, as before)
    sheet = read("项目支出绩效目标表", _NAME, "| 项目资金(万元) | 年度资金总额： | 18.5 |", "| | 其中：财政拨款 | 18.5 |")
    assert (sheet.budget.total, sheet.budget.fiscal) == (Decimal("18.5"), Decimal("18.5"))


_MONEY_ROWS = [
    # the 其他资金 cell left blank under its label: the values stand in their labels' columns
    ([["资金总额", "其中：财政拨款", "其他资金", ""], ["18.5", "18.5", "", ""]], (Decimal("18.5"), Decimal("18.5"), None)),
    # the money block's label merged down beside its labels and values; the fiscal cell left blank
    ([["项目资金（万元）", "年度资金总额", "财政拨款", "其他资金"], [UP, "18.5", "", "18.5"]],
     (Decimal("18.5"), None, Decimal("18.5"))),
]


@pytest.mark.parametrize(("rows", "budget"), _MONEY_ROWS)
@pytest.mark.parametrize("name", ["case.docx", "case.xlsx"])
def test_values_under_a_row_of_amount_labels_with_a_blank_stand_in_their_labels_columns(rows, budget, name):
    table = [["项目名称", "村级公路养护补助", None, None], *rows, *_GRID]
    data = docx_file("项目支出绩效目标表", table) if name.endswith("docx") else xlsx_file(
        [["项目支出绩效目标表", None, None, None], *table])
    sheet = read_bytes(data, name).sheets[0]
    assert (sheet.budget.total, sheet.budget.fiscal, sheet.budget.other) == budget


def test_values_under_a_row_of_amount_labels_with_a_blank_in_a_text_copy():
    # a text copy drops the blank cell at the row's end: the values left stand under the labels they start under
    sheet = read("项目支出绩效目标表", _NAME, "| 资金总额 | 其中：财政拨款 | 其他资金 |", "| 18.5 | 18.5 | |")
    assert (sheet.budget.total, sheet.budget.fiscal, sheet.budget.other) == (Decimal("18.5"), Decimal("18.5"), None)
