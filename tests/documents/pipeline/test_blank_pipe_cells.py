"""A pipe row (a Word table exported as ``a | b | |``) whose cell is left blank: the bars say where each cell stands,
so the blank keeps its place when the row prints as many cells as the header (its blank cells at the end too), and
the cells after it are not moved into it. Self-evaluation and monitoring forms leave a target blank (016's 社会效益,
Hubei 监控表); read by labels, 良好 was taken for the missing target and the row's actual lost."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.documents.pipeline import read_text
from jixiao.model import Likelihood

_SELF_EVAL = [
    "项目支出绩效自评表 |",
    "(2022年度) |",
    "项目名称 | 道路养护 |",
    "项目资金 (万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |",
    "年度资金总额 | 100 | 100 | 100 | 10 | 100% | 10 |",
    "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |",
    "产出指标 | 数量指标 | 养护里程 | 12公里 | 12公里 | 45 | 45 | |",
]
_MONITOR = [
    "黄石市项目支出绩效监控表 (申遗) |",
    "(2019年度) |",
    "项目名称 | 申遗经费 |",
    "项目资金 (万元) | 年初预算数 | 1-6月执行数 | 全年预计执行数 |",
    "年度资金总额: | 220 | 87.57 | 200 |",
    "一级指标 | 指标名称 | 指标值 | 半年度指标执行情况 | 完成目标可能性 | 备注 |",
    "产出指标 | 举办活动 | ≥12场 | 5场 | 确定能 | |",
]


def _sheet(lines: list[str]):
    (sheet,) = read_text("\n".join(lines).encode(), "case.txt")[0].sheets
    return sheet


@pytest.mark.parametrize(
    "row",
    [
        "效益指标 | 社会效益指标 | 群众出行 | | 良好 | 45 | 40 | |",  # the 指标值 blank, the 偏差原因 too
        "效益指标 | 社会效益指标 | 群众出行 | | 良好 | 45 | 40 | 无 |",  # (as wide as the header: placed as before)
    ],
)
def test_a_blank_target_of_a_self_evaluation_keeps_its_place(row):
    sheet = _sheet([*_SELF_EVAL, row, "满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% | 95% | 10 | 10 | |"])
    indicator, item = sheet.indicators[1], sheet.evaluation.items[1]
    assert (indicator.name, indicator.target.raw) == ("群众出行", "")
    assert (item.actual_raw, item.weight, item.score) == ("良好", Decimal(45), Decimal(40))
    assert sheet.indicators[2].name == "群众满意度"  # (the row after is read as before)


def test_a_blank_target_of_a_monitoring_table_keeps_its_place():
    sheet = _sheet(
        [*_MONITOR, "效益指标 | 群众受益 | | 良好 | 有可能 | |", "满意度指标 | 群众满意度 | ≥90% | 92% | 确定能 | |"]
    )
    assert (sheet.indicators[1].name, sheet.indicators[1].target.raw) == ("群众受益", "")
    progress = sheet.monitoring.items[1]
    assert (progress.actual_raw, progress.likelihood) == ("良好", Likelihood.POSSIBLE)


def test_a_row_printing_fewer_cells_than_the_header_is_still_placed_by_its_labels():
    # its level cells merged away (| 数量指标 | … printed without the 一级指标's cell): narrower than the header, its
    # cells are placed by what they are, not by where they stand
    sheet = _sheet([*_SELF_EVAL, "质量指标 | 验收合格率 | 100% | 98% | 45 | 40 | 个别路段返工 |"])
    indicator, item = sheet.indicators[1], sheet.evaluation.items[1]
    assert (indicator.level2, indicator.name, indicator.target.raw) == ("质量指标", "验收合格率", "100%")
    assert (item.actual_raw, item.score) == ("98%", Decimal(40))


def test_a_row_holding_only_the_tails_of_wrapped_cells_is_not_placed_by_position():
    # corpus 025's 2025 Hunan form with its long cells wrapped onto rows of their own (as a PDF's table extraction
    # writes them): a tail row is as wide as the header and blank elsewhere, but holds no points and no 完成目标可能性,
    # so it is no row of its own (placed by position it became a row with no level and no name)
    text = "\n".join(
        [
            "2025年项目支出绩效目标表 |",
            "项目支出名称 | 基本公共卫生服务 |",
            "一级指标 | 二级指标 | 三级指标 | 指标值类型 | 目标值 | 度量单位 | 指标值内容 | 备注 |",
            "| 成本指标 | 经济成本指标 | 疾病预防控制中心经费 | ≤ | 70 | 万元 | 反映疾病预防 | 反映疾病预防 |",
            "|  |  |  |  |  |  | 控制中心经费。 | 控制中心经费。 |",
            "| 社会成本指标 | 实施项目对社会 | 定性 | 减少 | 反映实施项目对社 | 反映实施项目对社 |  |  |",
            "|  | 产生的不利影响 |  |  | 会产生的不利影响。 | 会产生的不利影响。 |  |  |",
            "| 生态环境成本指标 | 实施项目对生态 | 定性 | 减 |",
        ]
    )
    (sheet,) = read_text(text.encode(), "case.txt")[0].sheets
    assert all(indicator.level2 and indicator.name.strip() for indicator in sheet.indicators)
