"""A self-evaluation's sheet budget is the year's full (adjusted) budget; its goals were set against the budget at the
year's start (corpus 006: 年初预算数 90, 全年预算数 89.974, a cost target ≤90万元)."""

from __future__ import annotations

from jixiao.documents import read_bytes
from jixiao.review import load_profile, review_document

_MONEY = ["| 项目名称 | 委托业务项目 |", "| 项目资金 (万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |"]
_GRID = ["| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |",
         "| 产出指标 | 成本指标 | 项目总成本 | ≤90万元 | 89.974万元 | 10 | 10 |"]


def _cost_findings(figures: str) -> list[str]:
    text = "\n".join(["项目支出绩效自评表", *_MONEY, figures, *_GRID])
    review = review_document(read_bytes(text.encode(), "自评表.txt"), load_profile())
    return [finding.rule for finding in review.findings if finding.rule == "JX306"]


def test_a_cost_within_the_initial_budget_is_within_the_budget_though_the_adjusted_one_is_lower():
    assert _cost_findings("| 年度资金总额 | 90 | 89.974 | 89.974 | 10 | 100% | 10 |") == []


def test_a_cost_above_both_budgets_is_above_the_budget():
    assert _cost_findings("| 年度资金总额 | 80 | 85 | 85 | 10 | 100% | 10 |") == ["JX306"]
