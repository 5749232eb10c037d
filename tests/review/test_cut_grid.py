"""A self-evaluation copy that stops right after its indicator header, on the form's frame label and first level
(corpus 239): the reader says the rows are after the cut (P126), so the review does not return the table for having
no indicator (JX102) and gives it no grade."""

from __future__ import annotations

import pytest

from jixiao.documents import read_bytes
from jixiao.review import load_profile, review_document

_HEAD = ("项目支出绩效自评表", "项目名称 入户调查经费",
         "一级指标 二级指标 三级指标 指标值 指标实际完成值 指标得分 偏差原因分析及改进措施")


@pytest.mark.parametrize("last", ["年度绩效指标完成情况 产出指标", "产出指标 数量指标"])
def test_a_grid_cut_before_its_first_row_is_not_reviewed_as_a_table_without_indicators(last):
    document = read_bytes("\n".join((*_HEAD, last)).encode(), "自评表.txt")
    assert [d.code for d in document.diagnostics if d.code == "P126"] == ["P126"]  # the reader's word
    review = review_document(document, load_profile())
    assert [f.rule for f in review.findings if f.rule == "JX102"] == []
    assert review.sheets[0].grade is None


def test_a_grid_whose_rows_were_read_is_not_said_to_be_cut_before_them():
    document = read_bytes("\n".join((*_HEAD, "产出指标 数量指标 调查户数 120户 120户 20")).encode(), "自评表.txt")
    assert "P126" not in [d.code for d in document.diagnostics]


def test_a_copy_that_stops_inside_its_indicator_header_says_so_and_is_not_returned_for_no_indicators():
    # corpus 244 (Sichuan 自评表): the text ends in the header's last heading (未完成原), no row printed
    document = read_bytes("\n".join(("项目支出绩效自评表", "项目名称 | 重大传染病防治项目 |", "绩效指标 | 一级 指标 |",
                                     "二级指标 | 三级指标 | 指标值 | 全年实际完成值 | 未完成原")).encode(), "自评表.txt")
    (cut,) = [d for d in document.diagnostics if d.code == "P126"]
    assert cut.location.line == 4 and "最后是“未完成原”" in cut.message
    review = review_document(document, load_profile())
    assert [f.rule for f in review.findings if f.rule == "JX102"] == []
