"""The money table's rows under its total (其中：中央财政资金, 地方财政资金, 其他资金): read as the evaluation's parts, and
what they spent held against what the total says was spent (JXA43). Rows of dev documents (corpus 286: 朝天区全民健身中心
2023; 244 and 162: a 地方资金 row, a label not read as a source) and rewordings of them; each case checks where and
what is reported, and the clean cases give nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.documents import read_bytes
from jixiao.scoring import load_profile
from jixiao.scoring.audit import audit_sheet
from tests.conftest import texts

CENTRAL = load_profile("central")


def _form(money: list[str]) -> str:
    """286's form (`cell |` rows) to its first indicator, with ``money``: the total's row and its parts'."""
    return (
        "\n".join(
            [
                "中央转移支付广元市朝天区全民健身中心项目绩效自评表 | |||||||",
                "(2023年度) | |||||||",
                "转移支付(项目)名称 | 广元市朝天区全民健身中心项目 | ||||||",
                "中央主管部门 | 国家体育总局 | ||||||",
                "地方主管部门 | 广元市朝天区人民政府 | 资金使用单位 | 广元市朝天区体育发展中心 | ||||",
                "资金投入情况 (万元) |",
                "全年预算数(A) | 全年执行数(B) | 预算执行率(B/A×100%) | ||||",
                *money,
                "资金管理情况 | 情况说明 | 存在问题和改进措施 | |||||",
                "分配科学性 | 资金分配科学合理 | ||||||",
                "绩效指标 |",
                "一级 指标 |",
                "二级指标 | 三级指标 | 指标值 | 全年实际完成值 | 未完成原因和改进措施 | |",
                "产 出 指 标 |",
                "数量指标 | 新建全民健身中心数量 | 1个 | 1个 | |||",
                "质量指标 | 工程验收合格率 | 100% | 100% | |||",
            ]
        )
        + "\n"
    )


def _audit(money: list[str]):
    (sheet,) = read_bytes(_form(money).encode("utf-8"), "286.txt").sheets
    return sheet, [f for f in audit_sheet(sheet, CENTRAL) if f.rule == "JXA43"]


CHAOTIAN = [
    "年度资金总额: | 2000 | 1157.97 | 57.89% | ||||",
    "其中:中央财政资金 | 2000 | 1157.9 | 57.89% | ||||",
    "地方财政资金 | |||||||",
    "其他资金 | |||||||",
]


def test_the_parts_are_read_with_their_figures_and_line():
    sheet, _ = _audit(CHAOTIAN)
    assert [(part.label, part.budget_full, part.spent, part.line) for part in sheet.evaluation.parts] == [
        ("中央财政资金", Decimal("2000"), Decimal("1157.9"), 9)
    ]


def test_what_the_parts_spent_against_the_totals_spending_is_reported_with_the_difference():
    # 286: 中央财政资金 spent 1157.9 of a total spent 1157.97, the other sources blank: 0.07 apart, more than the 0.055
    # the printed places allow
    _, (finding,) = _audit(CHAOTIAN)
    said = texts(finding)
    assert (finding.location.row, finding.location.column, finding.severity.value) == (9, "全年执行数", "warning")
    assert (said["spent"], said["sum"], said["difference"]) == ("1157.97", "1157.9", "0.07")
    assert "其中中央财政资金执行 1157.9，合计 1157.9" in finding.message


@pytest.mark.parametrize(
    "money",
    [
        # the parts add up (a rewording of 286 with its local money spent)
        [
            "年度资金总额: | 2000 | 1157.97 | 57.90% | ||||",
            "其中:中央财政资金 | 1800 | 1000.00 | 55.56% | ||||",
            "地方财政资金 | 200 | 157.97 | 78.99% | ||||",
            "其他资金 | |||||||",
        ],
        # within the printed places: 1157.9 stands for 1157.85–1157.95, the total 1157.93
        ["年度资金总额: | 2000 | 1157.93 | 57.90% | ||||", "其中:中央财政资金 | 2000 | 1157.9 | 57.90% | ||||"],
        # 244: 地方资金 is not read as a source, so the parts read (730.4 of a budget of 811.54) are not all the total's
        [
            "年度资金总额: | 811.54 | 811.54 | 100% | ||||",
            "其中:中央财政资金 | 730.4 | 730.4 | 100.00% | ||||",
            "地方资金 | 81.14 | 81.14 | 100% | ||||",
            "其他资金 | |||||||",
        ],
    ],
)
def test_parts_that_add_up_or_may_not_be_all_the_totals_are_not_reported(money):
    assert _audit(CHAOTIAN)[1] != []  # (286's own rows are)
    assert _audit(money)[1] == []
