"""An error is what a reviewer returns a sheet for on any form: not a guess (a kind inferred from the description, a
header whose labels were read apart from their values, a year the table does not print), not an amount whose 元 was
left out; and a level whose targets are template options never chosen is no level set, as a level of blank targets is
not."""

from __future__ import annotations

from jixiao.model import Diagnostic, Location, Severity
from jixiao.review import load_profile, review_document
from tests.review.sheets import build_document, load_data, patched

BASE = load_data("rule_cases.toml")["base"]


def _review(patch: dict):
    return review_document(build_document(patched(BASE, patch)), load_profile())


def _found(review, rule: str) -> list[tuple[str | None, str | None, str, str]]:
    return [(f.indicator, f.location.column, f.severity.value, f.confidence.value)
            for f in review.findings if f.rule == rule]


def test_a_reverse_indicator_known_only_from_its_description_is_a_warning_said_as_an_inference():
    # corpus 000: 社会影响力 described as 受援群众投诉率 and written ≥: the direction rests on the description's words
    review = _review({"set_rows": {5: ["效益指标", "社会效益指标", "社会影响力", "受援群众投诉率", "≥5%", "历史标准"]}})
    assert _found(review, "JX401") == [("社会影响力", "指标值", "warning", "inference")]
    assert review.sheets[0].grade == "良"


def test_a_cost_standard_per_base_without_its_yuan_is_a_warning_an_amount_in_pieces_an_error():
    # corpus 300: 检查差旅费 | 470 人/天 is 470 元 per person and day with its 元 left out
    per_day = _review({"set_rows": {4: ["产出指标", "成本指标", "村均综治维稳经费", "", "470人/天", "计划标准"]}})
    assert _found(per_day, "JX305") == [("村均综治维稳经费", "指标值", "warning", "high")]
    assert "应为“元/人/天”" in next(f.message for f in per_day.findings if f.rule == "JX305")
    pieces = _review({"set_rows": {4: ["产出指标", "成本指标", "村均综治维稳经费", "", "≤8个", "计划标准"]}})
    assert _found(pieces, "JX305") == [("村均综治维稳经费", "指标值", "error", "high")]


def test_a_name_read_blank_with_the_labels_beside_it_is_a_guess_and_a_blank_name_alone_cannot_enter_the_budget():
    # corpus 003 one cell a line: 预算单位, 项目名称, 预算数 each on a line, their values in a row below unpaired
    unpaired = _review({"name": "", "blank_fields": ["预算单位", "项目名称", "预算数"]})
    assert _found(unpaired, "JX101") == [(None, "项目名称", "warning", "guessed-layout")]
    assert unpaired.sheets[0].grade == "良"
    # corpus 300: 项目名称: printed with nothing beside it; goals of no project cannot enter the budget (差)
    blank = _review({"name": "", "blank_fields": ["项目名称"]})
    assert _found(blank, "JX101") == [(None, "项目名称", "error", "high")]
    assert (blank.sheets[0].grade, blank.sheets[0].capped_by) == ("差", ["JX101"])


def test_a_level_whose_targets_are_mostly_options_left_unchosen_is_returned():
    # corpus 300: both 效益指标 rows 高中低; the sheet's other levels set their targets
    unset = _review({"set_rows": {6: ["效益指标", "可持续影响指标", "长效机制", "", "高中低", ""]},
                     "add_rows": [["效益指标", "经济效益指标", "带动增收", "", "高中低", ""]]})
    assert sorted(_found(unset, "JX907")) == [("带动增收", "指标值", "error", "high"),
                                              ("长效机制", "指标值", "error", "high")]
    # one list beside a set target in its level: the level is set, the list is agreed with the unit
    one = _review({"set_rows": {6: ["效益指标", "可持续影响指标", "长效机制", "", "高中低", ""]}})
    assert _found(one, "JX907") == [("长效机制", "指标值", "warning", "high")]
    # a report on goals approved earlier does not set them: its lists are the report's to explain
    report = _review({"kind": "self-eval", "set_rows": {6: ["效益指标", "可持续影响指标", "长效机制", "", "高中低", ""]},
                      "add_rows": [["效益指标", "经济效益指标", "带动增收", "", "高中低", ""]]})
    assert {severity for _, _, severity, _ in _found(report, "JX907")} == {"warning"}


def test_a_year_the_table_does_not_print_set_against_its_span_is_a_guess():
    # corpus 285 prints 2023 beside a 2025 建设周期 (an error); a year taken from the deadlines (P181) is the reader's
    spec = patched(BASE, {"year": 2023, "period": "2025年1月1日-2025年12月31日"})
    printed = review_document(build_document(spec), load_profile())
    assert _found(printed, "JX950") == [(None, "表头", "error", "high")]
    document = build_document(spec)
    inferred = Diagnostic(code="P181", severity=Severity.INFO, template="表中未写年度，按指标和目标中的时限取年度",
                          location=Location(sheet=document.sheets[0].key))
    guessed = review_document(document.model_copy(update={"diagnostics": [inferred]}), load_profile())
    assert _found(guessed, "JX950") == [(None, "表头", "warning", "inference")]
