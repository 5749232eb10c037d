"""The sheet fields (project name, budget total and its parts, annual goals) as real published forms print them
(issues 9 and 12): small snippets of real text, each a family of layouts, not one file."""

from __future__ import annotations

from decimal import Decimal

from jixiao.documents.pipeline import read_text

_GRID = [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
         ["产出指标", "数量指标", "基建工程委托业务项目数量", "≥50个", "50", "8", "8", ""]]


def read(rows: list[list[str]]):
    text = "\n".join("| " + " | ".join(row) + " |" for row in rows)
    return read_text(text.encode(), "case.txt")[0]


def test_the_budget_total_of_a_self_evaluation_is_the_full_years_budget():
    # 棠溪镇 2022 (corpus 006): the total row left at 0, its one part printing 年初 90, 全年 89.974, 执行 89.974; the
    # sheet's budget is the one the execution is measured against, the 年初预算数 stays the evaluation's own
    rows = [["项目支出绩效自评表"], ["项目名称", "委托业务项目"],
            ["项目资金 (万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
            ["年度资金总额:", "0", "0", "0", "10", "0", "0"],
            ["其中:本年财政拨款", "90", "89.974", "89.974", "", "", ""], *_GRID]
    sheet = read(rows).sheets[0]
    assert sheet.budget.total == Decimal("89.974")
    assert (sheet.evaluation.budget_initial, sheet.evaluation.budget_full) == (Decimal(90), Decimal("89.974"))


def test_the_budget_total_is_the_initial_budget_where_no_full_one_is_printed():
    rows = [["项目支出绩效自评表"], ["项目名称", "委托业务项目"],
            ["项目资金 (万元)", "年初预算数", "全年执行数", "分值", "执行率", "得分"],
            ["年度资金总额", "90", "89.974", "10", "99.97%", "9.99"], *_GRID]
    assert read(rows).sheets[0].budget.total == Decimal(90)
