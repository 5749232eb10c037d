"""A self-evaluation whose only table is an evaluation framework's score sheet (财预〔2011〕285号 items with 分值 and
得分, no 指标值) has no performance indicator (JX102), whether its rows were read as framework rows or the reader set
the table aside as a score sheet (P122, corpus 172)."""

from __future__ import annotations

from jixiao.documents import read_bytes
from jixiao.model import Severity
from jixiao.review import load_profile, review_document
from tests.documents.interpret.test_spurious_rows import FRAMEWORK  # corpus 172, one cell per line


def test_a_score_sheet_the_reader_set_aside_has_no_performance_indicator():
    document = read_bytes(FRAMEWORK.encode(), "服务贸易项目绩效自评表.txt")
    assert [d.code for d in document.diagnostics].count("P122") == 1  # the reader's word, the premise of the rule
    review = review_document(document, load_profile())
    [finding] = [f for f in review.findings if f.rule == "JX102"]
    assert finding.severity is Severity.ERROR and "只有评价体系的框架行" in finding.message
    assert review.sheets[0].grade == "差"


def test_a_table_with_values_beside_its_points_is_reviewed_as_indicators():
    text = FRAMEWORK.replace("三级指标\n分值\n得分", "三级指标\n指标值\n分值\n得分").replace(
        "目标内容\n4\n4", "目标内容\n明确\n4\n4")
    review = review_document(read_bytes(text.encode(), "自评表.txt"), load_profile())
    assert [f.message for f in review.findings if f.rule == "JX102"] == []
