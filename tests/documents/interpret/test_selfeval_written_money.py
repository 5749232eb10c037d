"""A self-evaluation form's money and closing fields written otherwise than the standard grid: the amounts with 萬
after them (a copy in Traditional characters of a form that writes 150万), the closing 評價結論 in Traditional, and the
money table's headings each written with its figure in one cell (全年执行数：110万元), the total's row and its parts'.
Made-up forms of ``tests/documents/selfeval_forms.py``."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.documents import read_bytes
from tests.documents.selfeval_forms import LAYOUTS, MONEY, MONEY_READ, form, read_form, text, traditional


def _money(sheet) -> tuple:
    report = sheet.evaluation
    return (report.budget_initial, report.budget_full, report.spent, report.execution_rate, report.execution_weight,
            report.execution_score)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_amounts_written_with_wan_in_traditional_characters_are_read_as_in_simplified(layout):
    # 年度資金總額 | 100萬 | 120萬 | 110萬: the Hubei form's 150万 as a converter site copies it
    money = [MONEY[0], ["年度资金总额", "100万", "120万", "110万", "10", "91.67%", "9.17"]]
    assert _money(read_form(traditional(form(money=money)), layout)) == MONEY_READ


# the rows of a table whose copy starts inside its grid (no title, no headings, no points columns printed) and closes
# with the form's 评价结论: a self-evaluation all the same (corpus 158's first table)
_HEADLESS = [["产出指标", "数量指标", "新建道路长度", "≥10公里", "30"], ["", "质量指标", "验收合格率", "100%", "20"],
             ["效益指标", "社会效益指标", "受益群众人数", "≥5000人", "40"],
             ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "10"], ["合计", "100"],
             ["评价结论", "结合自评情况，说明项目自评总分。（200字以内）"], ["项目负责人：", "财务负责人："]]


@pytest.mark.parametrize("layout", ["pipes", "tabs", "spaces"])
def test_a_headless_table_closed_by_its_conclusion_in_traditional_characters_is_a_self_evaluation(layout):
    document = read_bytes(text(traditional([*_HEADLESS, *form()]), layout).encode(), "case.txt")
    first = document.sheets[0]
    assert first.evaluation is not None
    # (the field's label in the words the rules read; what it holds as the copy writes it)
    assert first.evaluation.notes == ["评价结论：結合自評情況，說明項目自評總分。（200字以內）"]


def _paired(rows: list[list[str]]) -> list[list[str]]:
    """The money rows with each heading written before its figure in one cell, a mark of none left out."""
    headings = rows[0][1:]
    return [[row[0], *(f"{heading}：{figure}" for heading, figure in zip(headings, row[1:]) if figure != "—")]
            for row in rows[1:]]


@pytest.mark.parametrize("layout", ["pipes", "tabs", "spaces"])
def test_money_headings_each_written_with_its_figure_in_one_cell_are_the_money_table(layout):
    part = ["其中：当年财政拨款", "100", "120", "110", "—", "91.67%", "—"]
    rows = form(money=_paired([*MONEY, part]))
    rows.remove(part)  # (the standard form's part row, replaced by its paired one above)
    sheet = read_form(rows, layout)
    assert _money(sheet) == MONEY_READ
    # the part's row after the total's: the fiscal appropriation's share of the year's budget
    assert [(part.label, part.budget_full, part.spent) for part in sheet.evaluation.parts] == [
        ("当年财政拨款", Decimal(120), Decimal(110))]


@pytest.mark.parametrize("layout", ["pipes", "tabs"])
def test_a_row_of_headings_and_figures_in_one_cell_with_other_text_is_no_money_table(layout):
    # (a goals row that happens to hold one such cell is the goals', not the money's)
    rows = form(money=[["项目资金（万元）", "全年预算数：120万元", "用于乡村道路建设"]])
    assert read_form(rows, layout).evaluation.budget_full is None



@pytest.mark.parametrize("layout", ["pipes", "tabs", "spaces"])
def test_money_headings_each_written_with_its_figure_as_a_sentence_are_the_money_table(layout):
    # 年初预算数为100万元 | 全年预算数为120万元 …: the pairs filled in as sentences, the headings' row left out
    rows = form(money=[[MONEY[1][0], *(f"{heading}为{figure}" for heading, figure in zip(MONEY[0][1:], MONEY[1][1:]))]])
    assert _money(read_form(rows, layout)) == MONEY_READ


@pytest.mark.parametrize("layout", ["pipes", "tabs", "spaces"])
def test_figures_that_restate_their_heading_as_a_sentence_are_read_under_it(layout):
    # under 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分, the amounts filled in as 年初预算数为100万元 …
    stated = [MONEY[1][0], *(f"{heading}为{figure}万元" for heading, figure in zip(MONEY[0][1:4], MONEY[1][1:4])),
              *MONEY[1][4:]]
    sheet = read_form(form(money=[MONEY[0], stated]), layout)
    assert _money(sheet) == MONEY_READ
    assert not [d for d in read_bytes_diagnostics(form(money=[MONEY[0], stated]), layout) if d.code == "P106"]


def read_bytes_diagnostics(rows: list[list[str]], layout: str) -> list:
    """The diagnostics of the made-up form ``rows`` read in ``layout``."""
    return read_bytes(text(rows, layout).encode(), "case.txt").diagnostics
