"""A goal table with 中期 and 年度 sets side by side whose year's set is blank (corpus 154): the reader reads the
indicators from the 中期 set and says so (P183); the review reports the year's indicators missing (JX102) and
judges the 中期 ones as any table's."""

from __future__ import annotations

from jixiao.documents import read_bytes
from jixiao.review import load_profile, review_document

_ROWS = (
    "项目名称 | 城管执法车辆维修燃油费 |",
    "绩 效 指 标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 二级指标 | 三级指标 | 指标值 | |",
    "产出指标 | 数量指标 | 完成修理养护的设施数量 | ≥90辆 | 数量指标 | ||||",
    "质量指标 | 项目验收合格率 | ≥100% | 质量指标 | |||||",
)


def test_a_blank_year_s_set_is_reported_and_the_long_term_rows_are_judged():
    document = read_bytes("\n".join(_ROWS).encode(), "目标表.txt")
    review = review_document(document, load_profile())
    rules = [f.rule for f in review.findings]
    (missing,) = [f for f in review.findings if f.rule == "JX102"]
    assert "年度指标栏没有填写" in missing.message
    assert "JX802" in rules  # the 中期 ≥100% read and judged


def test_a_year_s_set_filled_is_no_such_finding():
    rows = (
        *_ROWS[:2],
        "产出指标 | 数量指标 | 三年修理养护的设施数量 | ≥270辆 | 数量指标 | 修理养护的设施数量 | ≥90辆 |",
    )
    review = review_document(read_bytes("\n".join(rows).encode(), "目标表.txt"), load_profile())
    assert [f.rule for f in review.findings if f.rule == "JX102"] == []
