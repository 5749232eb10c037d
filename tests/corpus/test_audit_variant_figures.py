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
