"""The audit's metamorphic figures are pinned: a dev self-evaluation laid out as another unit lays it out must not be
audited worse (issue 12).

``audit_variant_pins.json`` holds, in total and per transformation of ``benchmarks/audit_variants.py``, the variants
audited, their findings, the findings the original has no counterpart of (``new``) and the original's correct findings
a variant lost (``lost``). A change that raises ``new`` or ``lost`` fails; one that changes any figure fails asking to
record it:

    JIXIAO_UPDATE_PINS=1 .venv/bin/pytest tests/corpus/test_audit_variant_figures.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from benchmarks.audit_variants import AUDIT_TRANSFORMS, VariantAudit, audit_variants
from benchmarks.selfeval_variants import SELFEVAL_TRANSFORMS

PINS = Path(__file__).with_name("audit_variant_pins.json")


@pytest.fixture(scope="module")
def figures() -> dict:
    by_document, by_transformation = audit_variants()
    total = VariantAudit()
    for document in by_document.values():
        total.add(document)
    return {"total": total.counts(), **{name: result.counts() for name, result in by_transformation.items()}}


def test_audit_variant_figures_do_not_get_worse(figures):
    if os.environ.get("JIXIAO_UPDATE_PINS") == "1" or not PINS.exists():
        PINS.write_text(json.dumps(figures, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    pinned = json.loads(PINS.read_text(encoding="utf-8"))
    worse = [f"{name} {kind}: {pinned[name][kind]} -> {now[kind]}" for name, now in figures.items() if name in pinned
             for kind in ("new", "lost") if now[kind] > pinned[name][kind]]
    assert not worse, "the audit holds worse on the variants than pinned:\n" + "\n".join(worse)
    assert figures == pinned, "the audit variant figures changed (better or new); record them with JIXIAO_UPDATE_PINS=1"


def test_every_self_evaluation_transformation_applies_to_a_dev_document(figures):
    assert set(SELFEVAL_TRANSFORMS) <= set(figures), sorted(set(AUDIT_TRANSFORMS) - set(figures))


# a self-evaluation as a unit publishes it: the money table, the goals, the grid with its points columns, the total
_FORM = "\n".join([
    "| 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |",
    "| 年度资金总额 | 100 | 120 | 110 | 10 | 91.67% | 9.17 |",
    "| 其中：当年财政拨款 | 100 | 120 | 110 | — | 91.67% | — |",
    "| 年度总体目标 | 预期目标 | 实际完成情况 |  |  |  |  |",
    "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |",
    "| 产出指标 | 数量指标 | 新建道路长度 | ≥10公里 | 12公里 | 50 | 50 |",
    "|  | 质量指标 | 验收合格率 | 100% | 98% | 20 | 18 |",
    "| 效益指标 | 社会效益指标 | 受益群众人数 | ≥5000人 | 5200人 | 20 | 20 |",
    "| 总分 |  |  |  |  | 100 | 97.17 |"])


def _variant(name: str, text: str = _FORM) -> list[str]:
    variant = SELFEVAL_TRANSFORMS[name](text)
    assert variant is not None
    return variant.split("\n")


def test_the_points_and_value_columns_in_other_forms_words():
    lines = _FORM.split("\n")
    assert _variant("points_as_weight")[0].endswith("| 权重 | 执行率 | 自评得分 |")
    assert _variant("points_as_weight")[4] == "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 权重 | 自评得分 |"
    assert _variant("points_as_index")[4].endswith("| 指标分值 | 评分 |")
    assert _variant("full_year_headings")[4] == "| 一级指标 | 二级指标 | 三级指标 | 全年目标值 | 全年实际值 | 分值 | 得分 |"
    # (the goals block's own 实际完成情况 stays; only the grid's column is renamed to it)
    assert _variant("actual_as_situation")[3:5] == [lines[3], lines[4].replace("实际完成值", "实际完成情况")]
    # other forms' spellings of the two columns, a formula's letter after them kept; one cell a line too
    lettered = "年初目标值(A) |\n全年实际完成值（B） |\n指标值确定依据 |"
    assert _variant("full_year_headings", lettered) == ["全年目标值(A) |", "全年实际值（B） |", "指标值确定依据 |"]


def test_the_weight_before_the_target_in_every_row_a_row_without_its_merged_level_counted_from_its_end():
    text = _FORM.replace("|  | 质量指标 | 验收合格率", "| 质量指标 | 验收合格率")
    lines = _variant("weight_before_target", text)
    assert lines[4] == "| 一级指标 | 二级指标 | 三级指标 | 分值 | 年度指标值 | 实际完成值 | 得分 |"
    assert lines[5:7] == ["| 产出指标 | 数量指标 | 新建道路长度 | 50 | ≥10公里 | 12公里 | 50 |",
                          "| 质量指标 | 验收合格率 | 20 | 100% | 98% | 18 |"]
    assert lines[8] == text.split("\n")[8]  # (the total below the grid keeps its order)
    assert SELFEVAL_TRANSFORMS["weight_before_target"](_FORM.replace("| 分值 | 得分 |", "| 得分 |")) is None


def test_the_money_in_yuan_changes_the_amounts_and_their_unit_together():
    lines = _variant("money_in_yuan")
    assert lines[:3] == ["| 项目资金（元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |",
                         "| 年度资金总额 | 1000000.00 | 1200000.00 | 1100000.00 | 10 | 91.67% | 9.17 |",
                         "| 其中：当年财政拨款 | 1000000.00 | 1200000.00 | 1100000.00 | — | 91.67% | — |"]
    assert lines[5] == _FORM.split("\n")[5]  # (the grid's figures are no amounts of the money table)
    # amounts that cannot be placed under their columns (a row that lost a cell): no unit is changed over them
    short = _FORM.replace("| 年度资金总额 | 100 | 120 | 110 | 10 |", "| 年度资金总额 | 100 | 120 | 10 |").replace(
        "| 其中：当年财政拨款 | 100 | 120 | 110 | — |", "| 其中：当年财政拨款 | 100 | 120 |")
    assert SELFEVAL_TRANSFORMS["money_in_yuan"](short) is None


def test_the_money_table_goes_below_the_grid_before_the_total():
    lines = _FORM.split("\n")
    assert _variant("execution_after_grid") == [*lines[3:8], *lines[:3], lines[8]]
    # a copy cut inside its grid has nothing below it to put the money before
    assert SELFEVAL_TRANSFORMS["execution_after_grid"]("\n".join(lines[:7])) is None


def test_the_provinces_words_rename_the_money_table_and_the_grid_apart():
    lines = _variant("chongqing_headings")
    assert lines[0] == "| 项目资金（万元） | 年初预算数 | 全年(调整)预算数 | 全年执行数 | 执行率权重 | 执行率(%) | 执行率得分(分) |"
    assert lines[4] == "| 一级指标 | 二级指标 | 三级指标 | 年初指标值 | 全年完成值 | 指标权重(分) | 指标得分(分) |"
    assert _variant("xinjiang_headings")[0].endswith("| 分值权重 | 执行率 | 得分 |")
    assert _variant("xinjiang_headings")[4].endswith("| 年度指标值 | 指标实际完成值 | 指标分值权重 | 指标得分 |")
    assert _variant("fujian_headings")[0] == _FORM.split("\n")[0]  # (the Fujian form's money keeps its words)
    assert _variant("shandong_headings")[4].endswith("| 预期指标值 | 实际完成指标值 | 分值 | 得分 |")
    # a money table noting the rate's points in its score heading is another form's: only the grid is renamed
    hubei = _FORM.replace("| 分值 | 执行率 | 得分 |", "| 执行率 | 得分(10分*执行率) |", 1)
    assert _variant("chongqing_headings", hubei)[0] == hubei.split("\n")[0]


def test_a_completion_rate_column_after_the_actual_blank_where_either_figure_is_words():
    lines = _variant("completion_rate_column", _FORM.replace("| 100% | 98% |", "| 合格 | 合格 |"))
    assert lines[4] == "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 完成率 | 分值 | 得分 |"
    assert lines[5:8] == ["| 产出指标 | 数量指标 | 新建道路长度 | ≥10公里 | 12公里 | 120.00% | 50 | 50 |",
                          "|  | 质量指标 | 验收合格率 | 合格 | 合格 |  | 20 | 18 |",
                          "| 效益指标 | 社会效益指标 | 受益群众人数 | ≥5000人 | 5200人 | 104.00% | 20 | 20 |"]
    assert _variant("scoring_rule_column")[4].endswith("| 实际完成值 | 评分标准 | 分值 | 得分 |")


def test_the_money_tables_rate_before_its_points_or_its_points_in_the_score_heading():
    lines = _variant("rate_before_weight")
    assert lines[:3] == ["| 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 执行率 | 分值 | 得分 |",
                         "| 年度资金总额 | 100 | 120 | 110 | 91.67% | 10 | 9.17 |",
                         "| 其中：当年财政拨款 | 100 | 120 | 110 | 91.67% | — | — |"]
    lines = _variant("points_in_score_heading")
    assert lines[:3] == ["| 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 执行率 | 得分(10分*执行率) |",
                         "| 年度资金总额 | 100 | 120 | 110 | 91.67% | 9.17 |",
                         "| 其中：当年财政拨款 | 100 | 120 | 110 | 91.67% | — |"]
    assert lines[4:] == _FORM.split("\n")[4:]  # (the grid's points stay)
    # a row that lost its blank rate (runs of spaces): which figure is which is not known, no variant
    spaced = ["项目资金（万元）    年初预算数    全年预算数    全年执行数    分值    执行率    得分",
              "年度资金总额    100    120    110    10    9.17"]
    assert SELFEVAL_TRANSFORMS["rate_before_weight"]("\n".join(spaced)) is None
    spaced[1] = "年度资金总额    100    120    110    10    91.67%    9.17"
    assert SELFEVAL_TRANSFORMS["rate_before_weight"]("\n".join(spaced)).split("\n")[1] == \
        "年度资金总额    100    120    110    91.67%    10    9.17"


def test_a_monitoring_tables_headings_in_other_words():
    rows = "\n".join(["| 项目资金（万元） | 年初预算数 | 1-6月执行数 | 全年预计执行数 |",
                      "| 一级指标 | 三级指标 | 指标值 | 1-6月执行情况 | 完成目标可能性(确定能、有可能、不可能) |"])
    assert _variant("monitoring_headings", rows) == [
        "| 项目资金（万元） | 年初预算数 | 截至6月底执行数 | 预计年底执行数 |",
        "| 一级指标 | 三级指标 | 指标值 | 截至6月底完成情况 | 完成目标的可能性(确定能、有可能、不可能) |"]
