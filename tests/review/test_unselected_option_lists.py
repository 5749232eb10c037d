"""JX907 takes the template's option lists from the vocabulary the reader reads a header's option lists with
(jixiao/model/data/options.toml): a list is one whether its options stand run together, between slashes or 、."""

from __future__ import annotations

import pytest

from jixiao.review import load_profile, review_document
from tests.review.sheets import build_document, load_data, patched

BASE = load_data("rule_cases.toml")["base"]


def _unselected(patch: dict) -> list[tuple[str | None, str | None, str]]:
    review = review_document(build_document(patched(BASE, patch)), load_profile())
    return [(f.indicator, f.location.column, f.params["options"]) for f in review.findings if f.rule == "JX907"]


@pytest.mark.parametrize("options", ["高、中、低", "有无", "好中差", "确定能/有可能/不可能"])
def test_a_name_printed_as_a_template_list_in_any_writing_is_left_unselected(options):
    row = ["效益指标", "可持续影响指标", options, "乡村两级调解组织长效运行", "达到预期", "计划标准：综治中心建设方案"]
    assert _unselected({"set_rows": {6: row}}) == [(options, "三级指标", options)]


def test_a_target_of_a_short_list_run_together_is_left_unselected_as_the_header_reads_it():
    row = ["效益指标", "可持续影响指标", "矛盾纠纷多元化解机制", "乡村两级调解组织长效运行", "有无", "计划标准：综治中心建设方案"]
    assert _unselected({"set_rows": {6: row}}) == [("矛盾纠纷多元化解机制", "指标值", "有无")]


def test_a_project_s_own_words_are_no_list():
    row = ["效益指标", "可持续影响指标", "高中低收入群体覆盖", "乡村两级调解组织长效运行", "达到预期", "计划标准：综治中心建设方案"]
    assert _unselected({"set_rows": {6: row}}) == []
