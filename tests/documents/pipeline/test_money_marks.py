"""A self-evaluation's money rows with marks of none (issue 9, "every token accounted for"): a dash or slash in any
spelling (-, —, ——, /, ／, －) says its column holds nothing, and holds that column: the cells after it keep theirs.
A part row (其中：当年财政拨款, 上年结转资金, 其他资金) prints the form's marks under 分值 and 得分; a cell that no
column takes is said with its row (P158), never dropped; a total row whose score failed as a figure (总分 | 40 | NaN)
is said (P159), not read from the cells left. Compact made-up rows in the shapes of the corpus's forms; each checks
where the cells land and that every cell of the money rows is accounted for."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.documents.pipeline import read_text

_HEADINGS = ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
_GRID = [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
         ["产出指标", "数量指标", "新建道路长度", "≥10公里", "12公里", "40", "36", ""]]
_MARKS = ["-", "—", "——", "/", "／", "－", "–"]


def read(rows: list[list[str]]):
    text = "\n".join("| " + " | ".join(row) + " |" for row in rows)
    return read_text(text.encode(), "case.txt")


def balanced(accounting) -> bool:
    return accounting.tokens == accounting.placed + accounting.diagnosed + accounting.chrome


def codes(document, code: str):
    return [found for found in document.diagnostics if found.code == code]


@pytest.mark.parametrize("mark", _MARKS)
@pytest.mark.parametrize(("total", "expected"), [
    # a mark under 年初预算数: the figures after it stay under their headings
    (["{m}", "1000", "990", "10", "99%", "9.9"], (None, "1000", "990", "99", "10", "9.9")),
    # a mark under 执行率 (nothing spent of a budget of 0): the score after it is still the 得分
    (["0", "0", "0", "10", "{m}", "0"], ("0", "0", "0", None, "10", "0")),
    # marks under 分值 and 得分 (a form that scores the rate elsewhere)
    (["500", "600", "540", "{m}", "90%", "{m}"], ("500", "600", "540", "90", None, None)),
])
def test_a_mark_of_none_in_the_total_row_holds_its_column(mark, total, expected):
    document, accounting = read([["项目支出绩效自评表"], ["项目名称", "乡村道路建设"], _HEADINGS,
                                 ["年度资金总额", *(cell.format(m=mark) for cell in total)], *_GRID])
    evaluation = document.sheets[0].evaluation
    read_as = (evaluation.budget_initial, evaluation.budget_full, evaluation.spent, evaluation.execution_rate,
               evaluation.execution_weight, evaluation.execution_score)
    assert read_as == tuple(None if figure is None else Decimal(figure) for figure in expected)
    assert not codes(document, "P158") and balanced(accounting)


@pytest.mark.parametrize("mark", _MARKS)
@pytest.mark.parametrize(("part", "fiscal"), [
    # the form's marks under 分值 and 得分, the rate's cell left blank (lost in a text copy): the amounts stay
    # under the amounts, the marks are no rate
    (["其中：当年财政拨款", "880", "880", "880", "{m}", "{m}"], "880"),
    # a mark under 年初预算数: the part's year budget is the figure after it, not shifted left
    (["其中：当年财政拨款", "{m}", "870", "860", "{m}", "99%", "{m}"], "870"),
    # the part with marks only
    (["其中：当年财政拨款", "{m}", "{m}"], None),
])
def test_a_part_rows_marks_hold_their_columns(mark, part, fiscal):
    rows = [["项目支出绩效自评表"], ["项目名称", "乡村道路建设"], _HEADINGS,
            ["年度资金总额", "880", "880", "880", "10", "10"],  # (the rate's cell left blank)
            [cell.format(m=mark) for cell in part], ["上年结转资金", mark, mark], ["其他资金", mark, mark], *_GRID]
    document, accounting = read(rows)
    sheet = document.sheets[0]
    assert sheet.budget.fiscal == (None if fiscal is None else Decimal(fiscal))
    assert sheet.budget.other is None and not sheet.budget.sources
    # a part's mark is no rate, 分值 or 得分 for the total row that left its rate blank
    evaluation = sheet.evaluation
    assert (evaluation.execution_rate, evaluation.execution_weight, evaluation.execution_score) == (
        None, Decimal(10), Decimal(10))
    assert not codes(document, "P147") and not codes(document, "P158")
    assert balanced(accounting)


def test_a_cell_no_column_takes_is_said_with_its_row_never_dropped():
    rows = [["项目支出绩效自评表"], ["项目名称", "乡村道路建设"], _HEADINGS,
            ["年度资金总额", "100", "100", "90", "10", "90%", "9", "7", "见说明"], *_GRID]
    document, accounting = read(rows)
    evaluation = document.sheets[0].evaluation
    assert (evaluation.spent, evaluation.execution_score) == (Decimal(90), Decimal(9))
    [said] = codes(document, "P158")
    assert (said.location.table, said.location.line, said.location.column) == (1, 4, "年度资金总额")
    assert said.location.row is not None
    assert said.set_aside == ("7", "见说明") and "“7”、“见说明”" in said.message and "得分" in said.message
    _, without = read([["项目支出绩效自评表"], ["项目名称", "乡村道路建设"], _HEADINGS, *_GRID])
    assert balanced(accounting) and accounting.diagnosed - without.diagnosed == 2


def test_the_next_rows_figures_run_on_after_the_headings_are_placed_not_dropped():
    # a PDF's text flow: the headings, the total's figures and the part's (its label printed elsewhere), one line
    flow = ["全年预算数", "全年执行数", "分值", "执行率", "得分", "65.66", "65.07", "10", "99%", "9",
            "65.66", "65.07", "—", "99%", "—"]
    document, accounting = read([["项目支出绩效自评表"], ["项目名称", "医疗保险补助"], flow, *_GRID])
    evaluation = document.sheets[0].evaluation
    assert (evaluation.budget_full, evaluation.spent, evaluation.execution_rate, evaluation.execution_score) == (
        Decimal("65.66"), Decimal("65.07"), Decimal(99), Decimal(9))
    assert not codes(document, "P158") and balanced(accounting)
    # every cell of the money line is counted, and placed: the part's five as much as the headings and the total's
    _, without = read([["项目支出绩效自评表"], ["项目名称", "医疗保险补助"], *_GRID])
    assert (accounting.tokens - without.tokens, accounting.placed - without.placed) == (len(flow), len(flow))


@pytest.mark.parametrize("failed", ["NaN", "nan", "Infinity", "-inf", "1e999999", "#DIV/0!", "#VALUE!"])
def test_a_total_row_whose_score_failed_as_a_figure_is_said_not_read_from_the_weights(failed):
    document, _ = read([["项目支出绩效自评表"], ["项目名称", "乡村道路建设"], *_GRID, ["总分", "40", failed]])
    assert document.sheets[0].evaluation.total is None  # (not the 40 of the weights' sum)
    [said] = codes(document, "P159")
    assert (said.location.line, said.location.column) == (5, "总分") and said.location.row is not None
    assert f"“{failed}”" in said.message


def test_a_total_row_with_its_score_is_read_and_says_nothing():
    document, _ = read([["项目支出绩效自评表"], ["项目名称", "乡村道路建设"], *_GRID, ["总分", "40", "36"]])
    assert document.sheets[0].evaluation.total == Decimal(36)
    assert not codes(document, "P159")
