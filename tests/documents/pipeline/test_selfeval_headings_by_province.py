"""Self-evaluation and monitoring forms whose columns other provinces word otherwise: the points with their unit
(指标权重(分), 执行率得分(分): the Chongqing forms), the year's budget as approved or available (年初批复数, 全年可用预算数),
what was spent counted up (累计执行数, 全年实际支出, 决算数), what was done by the year's end (年末实际完成值), the
reasons headed by the points taken off (扣分原因), a monitoring table's projection and likelihood (预计年底执行数,
完成目标的可能性, 能否完成目标). Each heading is read as its column, and a whole form so headed in every text layout is
read as the standard one. Made-up forms (``tests/documents/selfeval_forms.py``)."""

from __future__ import annotations

from decimal import Decimal

import opencc
import pytest

from jixiao.documents import read_bytes
from jixiao.documents.interpret.sheet_builder import money_key
from jixiao.documents.pipeline.labels import column_kind
from jixiao.documents.pipeline.money_text import rate_points
from jixiao.model import Likelihood
from tests.documents.selfeval_forms import GRID, ITEMS, LAYOUTS, MONEY, MONEY_READ, form, read_form, text


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("分值(分)", "weight"),
        ("得分（分）", "score"),
        ("执行率得分(分)", "score"),
        ("年初批复数", "budget_initial"),
        ("年初预算批复数", "budget_initial"),
        ("全年可用预算数", "budget_full"),
        ("全年批复预算数", "budget_full"),
        ("全年预算总额", "budget_full"),
        ("累计执行数", "spent"),
        ("全年累计执行数", "spent"),
        ("全年实际支出", "spent"),
        ("决算数", "spent"),
        ("1-6月实际支出数", "spent"),
        ("截至7月底执行数", "spent"),
        ("预计年底执行数", "spent_expected"),
        ("年底预计支出数", "spent_expected"),
        ("预计执行数", "spent_expected"),
        # no money column: a budget's adjustment is no budget, a sheet's total label stays the header's
        ("预算调整数", None),
        ("年度预算金额（万元）", None),
        ("实际", None),
        ("支出", None),
    ],
)
def test_money_headings_in_other_provinces_words(heading, key):
    assert money_key(heading) == key


def test_the_rate_points_in_the_heading_of_the_execution_score():
    assert rate_points("执行率得分(20分*执行率)") == "20"
    assert money_key("执行率得分(20分*执行率)") == "score"


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("年末实际完成值", "actual"),
        ("截至年底完成值", "actual"),
        ("年终完成值", "actual"),
        ("计划值", "target"),
        ("年度计划值", "target"),
        ("年初设定目标值", "target"),
        ("单项得分", "score"),
        ("自评分值", "score"),
        ("指标分值权重", "weight"),
        ("扣分原因", "deviation"),
        ("扣分理由", "deviation"),
        ("未达标原因", "deviation"),
        ("偏差说明", "deviation"),
        ("预计年底完成值", "expected"),
        ("全年预计实现值", "expected"),
        ("预计完成值", "expected"),
        ("完成目标的可能性", "likelihood"),
        ("能否完成目标", "likelihood"),
        ("是否能完成年度目标", "likelihood"),
        # a rate of the points or of completion heads no points or actual column; the remedy alone is no reason
        ("得分率", None),
        ("实际完成率", None),
        ("改进措施", None),
    ],
)
def test_grid_headings_in_other_provinces_words(heading, kind):
    assert column_kind(heading) == kind


def _evaluation(sheet) -> tuple:
    evaluation = sheet.evaluation
    return (
        evaluation.budget_initial,
        evaluation.budget_full,
        evaluation.spent,
        evaluation.execution_rate,
        evaluation.execution_weight,
        evaluation.execution_score,
    )


def _items(sheet) -> list[tuple]:
    return [(item.actual_raw, item.weight, item.score) for item in sheet.evaluation.items]


# the Chongqing form's words: 全年(调整)预算数 | 执行率(%) | 执行率权重 | 执行率得分(分) over the money, 年初指标值 |
# 全年完成值 | 指标权重(分) | 指标得分(分) over the indicators
_CHONGQING_MONEY = [
    ["项目资金（万元）", "年初预算数", "全年(调整)预算数", "全年执行数", "执行率权重", "执行率(%)", "执行率得分(分)"],
    MONEY[1],
]
_CHONGQING_GRID = [
    ["一级指标", "二级指标", "三级指标", "年初指标值", "全年完成值", "指标权重(分)", "指标得分(分)", "扣分原因"],
    *GRID[1:],
]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_form_in_the_chongqing_words_is_read_as_the_standard_one(layout):
    sheet = read_form(form(money=_CHONGQING_MONEY, grid=_CHONGQING_GRID), layout)
    assert _evaluation(sheet) == MONEY_READ
    assert [(actual, Decimal(weight), Decimal(score)) for actual, weight, score in ITEMS] == _items(sheet)
    assert sheet.evaluation.items[1].deviation == "个别路段返工"


def _monitor(money_headings: list[str], likelihood: str) -> list[list[str]]:
    return [
        ["项目支出绩效运行监控表"],
        ["（2023年度）"],
        ["项目名称", "乡村道路建设"],
        ["项目资金（万元）", *money_headings],
        ["年度资金总额", "220", "87.57", ""],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "截至6月底完成情况", likelihood, "备注"],
        ["产出指标", "数量指标", "新建道路长度", "≥10公里", "4公里", "有可能", ""],
        ["", "质量指标", "验收合格率", "100%", "100%", "确定能", ""],
    ]


@pytest.mark.parametrize("layout", ["pipes", "tabs"])
@pytest.mark.parametrize("likelihood", ["完成目标的可能性", "能否完成目标", "完成目标可能性"])
@pytest.mark.parametrize(
    "money_headings",
    [["年初预算数", "截至6月底执行数", "预计年底执行数"], ["年初预算数", "1-6月执行数", "全年预计执行数"]],
)
def test_a_monitoring_table_in_other_words_keeps_its_money_progress_and_likelihood(money_headings, likelihood, layout):
    sheet = read_bytes(text(_monitor(money_headings, likelihood), layout).encode(), "case.txt").sheets[0]
    report = sheet.monitoring
    assert (report.months, report.budget, report.spent, report.projected_spent) == (
        6,
        Decimal(220),
        Decimal("87.57"),
        None,
    )
    assert report.money_headings == money_headings
    assert [(item.actual_raw, item.likelihood) for item in report.items] == [
        ("4公里", Likelihood.POSSIBLE),
        ("100%", Likelihood.CERTAIN),
    ]


@pytest.mark.parametrize("convert", [str, opencc.OpenCC("s2t").convert])
def test_the_subtotal_after_the_adjustment_is_the_years_budget_in_traditional_characters_too(convert):
    # the Fujian 部门整体 form: 年初部门预算安排金额① | 年中调整金额② | 小计 (③=①+②), what the rate divides by
    money = [
        ["项目资金（万元）", "年初部门预算安排金额①", "年中调整金额②", "小计", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "100", "20", "120", "110", "10", "91.67%", "9.17"],
    ]
    rows = [[convert(cell) for cell in row] for row in form(money=money)]
    evaluation = read_form(rows, "pipes").evaluation
    assert (evaluation.budget_initial, evaluation.budget_full, evaluation.spent) == (
        Decimal(100),
        Decimal(120),
        Decimal(110),
    )


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("convert", [str, opencc.OpenCC("s2t").convert])
def test_a_money_table_without_its_rows_is_a_self_evaluation_by_its_title_in_traditional_characters_too(
    convert, layout
):
    # a copy cut after the money table: the title says what the sheet is (項目支出績效自評表), no grid heading does
    rows = [[convert(cell) for cell in row] for row in form()[:6]]
    sheet = read_bytes(text(rows, layout).encode(), "case.txt").sheets[0]
    assert _evaluation(sheet)[:3] == MONEY_READ[:3]
