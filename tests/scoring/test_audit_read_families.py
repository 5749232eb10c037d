"""The audit of self-evaluation forms read from text in the shapes of other families (the 执行率 as a fraction, the
money columns in other words, the 得分 column before the 分值 column, the total said in a sentence, the grade in a
row of its own): the audit finds what the printed figures contradict, with the score it expects, and nothing that
only the form's shape would make it find. Made-up forms of ``tests/documents/selfeval_forms.py``."""

from __future__ import annotations

import pytest

from jixiao.scoring import load_profile
from jixiao.scoring.audit import audit_sheet
from tests.conftest import texts
from tests.documents.selfeval_forms import GRID, LAYOUTS, MONEY, TOTAL, form, read_form

CENTRAL = load_profile("central")
_MONEY_CODES = ("JXA04", "JXA05", "JXA23")
_TOTAL_CODES = ("JXA06", "JXA07")


def _found(rows: list[list[str]], layout: str, codes: tuple[str, ...]) -> dict[str, dict]:
    return {f.rule: texts(f) for f in audit_sheet(read_form(rows, layout), CENTRAL) if f.rule in codes}


def _money(rate: str, score: str = "9.17", headings: list[str] | None = None) -> list[list[str]]:
    return [headings or MONEY[0], [*MONEY[1][:5], rate, score]]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("rate", ["91.67%", "0.9167", "91.67"])
def test_a_rate_printed_in_any_form_that_agrees_with_the_money_is_not_reported(rate, layout):
    assert _found(form(money=_money(rate)), layout, _MONEY_CODES) == {}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("rate", ["91.67%", "0.9167"])
def test_an_execution_score_above_what_the_rate_gives_is_reported_with_the_score_it_should_have(rate, layout):
    found = _found(form(money=_money(rate, score="10")), layout, _MONEY_CODES)
    assert list(found) == ["JXA23"]
    assert (found["JXA23"]["score"], found["JXA23"]["expected"]) == ("10", "9.17")


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_printed_rate_the_renamed_money_columns_contradict_is_reported(layout):
    # 调整预算数 120 and 实际支出数 110: 91.67%, not the 95% printed (the score follows the amounts: 9.17)
    headings = ["项目资金（万元）", "年初预算", "调整预算数", "实际支出数", "分值", "预算执行率", "得分"]
    found = _found(form(money=_money("95%", headings=headings)), layout, _MONEY_CODES)
    assert (found["JXA04"]["printed"], found["JXA04"]["computed"]) == ("95", "91.67")


def _reordered(total: str) -> tuple[list[list[str]], list[str]]:
    """The grid with its 得分 column before its 分值 column, and its totals row claiming ``total``."""
    order = [0, 1, 2, 3, 4, 6, 5, 7]
    rows = [[row[index] for index in order] for row in [*GRID, [*TOTAL[:6], total, ""]]]
    return rows[:-1], rows[-1]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(("total", "expected"), [("97.17", {}), ("99", {"total": "99", "sum": "97.17"})])
def test_a_totals_row_with_the_score_before_the_weights_sum(total, expected, layout):
    # 30 + 18 + 30 + 10 + the execution's 9.17 = 97.17; the weights' 100 is no claim
    grid, row = _reordered(total)
    found = _found(form(grid=grid, total=row), layout, _TOTAL_CODES)
    assert {key: value for key, value in found.get("JXA06", {}).items() if key != "sheet"} == expected


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(("said", "codes"), [
    ("经自评，该项目自评得分为97.17分，评价等级为优。", {}),
    ("经自评，该项目自评得分为99分，评价等级为优。", {"JXA06": ("99", "97.17")}),
    ("经自评，该项目自评得分为97.17分，评价等级为良。", {"JXA07": ("良", "优")}),
])
def test_the_total_and_grade_said_below_the_grid_are_checked(said, codes, layout):
    found = _found(form(total=None, after=[[said]]), layout, _TOTAL_CODES)
    # the total against the sum of the scores (JXA06), the grade against the one the total earns (JXA07)
    figures = {"JXA06": ("total", "sum"), "JXA07": ("grade", "expected")}
    assert {code: tuple(params[key] for key in figures[code]) for code, params in found.items()} == codes


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_grade_row_of_its_own_that_does_not_follow_the_total_is_reported(layout):
    found = _found(form(after=[["自评等级", "中"]]), layout, _TOTAL_CODES)
    assert {code: (params["grade"], params["expected"]) for code, params in found.items()} == {"JXA07": ("中", "优")}


@pytest.mark.parametrize("layout", ["pipes", "tabs"])
def test_a_blank_target_is_not_read_as_a_missing_actual(layout):
    # 受益群众人数's 指标值 left blank and its 实际完成值 in words: layouts that keep empty cells keep the blank in its
    # place, so the actual is read as the actual (not taken for the target) and no 完成值 is said to be missing
    grid = [row[:] for row in GRID]
    grid[3][3:5] = ["", "良好"]
    found = [f.rule for f in audit_sheet(read_form(form(grid=grid), layout), CENTRAL) if f.indicator == "受益群众人数"]
    assert "JXA12" not in found
    sheet = read_form(form(grid=grid), layout)
    assert (sheet.indicators[2].target.raw, sheet.evaluation.items[2].actual_raw) == ("", "良好")
