"""A self-evaluation whose only table is an evaluation framework's score sheet (财预〔2011〕285号 items with 分值 and
得分, no 指标值) has no performance indicator (JX102), whether its rows were read as framework rows or the reader set
the table aside as a score sheet (P122, corpus 172)."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.documents import read_bytes, read_path
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
    # (not a score sheet of framework rows; the one-cell-a-line rows' bare points, where the reader once took 20 and
    # 8 for names, name no indicator either)
    assert not any("只有评价体系的框架行" in f.message for f in review.findings if f.rule == "JX102")


DOCS = Path(__file__).parents[1] / "corpus" / "docs"


@pytest.mark.parametrize(("stem", "severity", "grade", "cut_before_results"), [
    # 172: the score sheet reaches 项目绩效 and 经济效益 without a target: it has no indicator, returned, 差
    ("172_hainan-commerce-service-trade-framework-only-selfeval-undated", Severity.ERROR, "差", False),
    # 228: the copy stops in 部门预算管理, before the framework's 绩效 part: the indicators may follow the cut
    ("228_sichuan-daying-trade-union-dept-evaluation-framework-selfeval-2020", Severity.WARNING, "良", True),
])
def test_a_score_sheet_cut_before_its_results_part_may_have_indicators_after_the_cut(stem, severity, grade,
                                                                                      cut_before_results):
    review = review_document(read_path(DOCS / f"{stem}.txt"), load_profile())
    [finding] = [f for f in review.findings if f.rule == "JX102"]
    assert (finding.indicator, finding.severity) == (None, severity)
    assert ("指标可能在截断之后" in finding.message) is cut_before_results
    assert review.sheets[0].grade == grade


def test_the_rows_set_aside_are_read_from_the_diagnostics_fields_not_their_words():
    # 228 again: a results heading among the cells the reader set aside (Diagnostic.set_aside) shows the score sheet
    # reached its results part before the cut; the same words only in a message's text say nothing
    document = read_path(DOCS / "228_sichuan-daying-trade-union-dept-evaluation-framework-selfeval-2020.txt")
    index = next(n for n, d in enumerate(document.diagnostics) if d.code == "P108")
    aside = document.diagnostics[index]

    def cut_before_results(note) -> bool:
        notes = [*document.diagnostics[:index], note, *document.diagnostics[index + 1:]]
        review = review_document(document.model_copy(update={"diagnostics": notes}), load_profile())
        [finding] = [f for f in review.findings if f.rule == "JX102"]
        return "指标可能在截断之后" in finding.message

    assert cut_before_results(aside)
    assert not cut_before_results(aside.model_copy(update={"set_aside": (*aside.set_aside, "项目绩效")}))
    assert cut_before_results(aside.model_copy(update={"message": aside.message + "｜项目绩效"}))
