"""Families of false findings and missed flags found on the judged dev documents (issue 10), each checked on the real
document it came from: where the finding is (rule, indicator, row) and what it says, or that none is made."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.cli.check_command import check_document
from jixiao.documents import read_path
from jixiao.review import load_profile
from jixiao.scoring import load_profile as load_scoring_profile

DOCS = Path(__file__).parents[1] / "corpus" / "docs"


def _findings(stem: str, rules: set[str]) -> list:
    """The findings of ``rules`` that ``jixiao check`` reports on corpus document ``stem`` (first file of that stem)."""
    [path] = DOCS.glob(f"{stem}_*")
    review = check_document(read_path(path), load_profile(), load_scoring_profile()).review
    return [f for f in review.findings if f.rule in rules]


# corpus 225 (Anhui 特色种养殖 自评表): ★ core rows print 分值 and 得分 only, their 其中 rows below them the 指标值 and
# 全年实际值 only. The parts carry no points of their own (no JX610 / JXA12 / JXA13 on them); the core rows' values are
# only in their parts, said once (JX107, info). The copy stops in 种植作物成活率 (10 points, 9 scored): its 偏差原因
# cell may be lost with the cut (no JXA10).
def test_core_rows_broken_down_into_parts_are_one_scored_indicator():
    findings = _findings("225", {"JX107", "JX610", "JXA10", "JXA12", "JXA13"})
    assert [(f.rule, f.indicator, f.location.row, f.severity.value) for f in findings] == [
        ("JX107", "补助各类粮食作物种植面积", 17, "info")]
    assert "“补助各类瓜果蔬菜种植面积”、“补助家畜家禽养殖数量”同样如此" in findings[0].message
