"""Rows run together whose figures follow the name in the header's own column order (layout family 4 under a
form whose 分值 stands before 年度指标值 and 全年实际值, as Beijing's 2016 自评表 prints them): the run is cut by the
columns the header names after the name, its readings weighed by the table's constraints (a half point at most, the
decimals the table writes its figures with), and said (P154) when more than one is left. Made-up rows in the shape
of dev corpus document 171 (``…申报的数量12.512.512.5完成值达到指标值…``)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.documents.pipeline import read_text
from jixiao.documents.pipeline.figures import Ambiguity
from jixiao.documents.pipeline.leading_figures import split_leading_figures
from jixiao.documents.pipeline.settle import DECIMALS, HALF_POINTS, Sums, TableRow, settle

_WEIGHT_FIRST = ["name", "weight", "target", "actual", "extra:得分计算方法", "deviation"]


def test_a_run_after_the_name_is_cut_by_the_columns_the_header_names_after_it():
    cut = split_leading_figures("数量指标完成申报的道路清扫数量12.512.512.5完成值达到指标值", _WEIGHT_FIRST)
    assert cut is not None
    assert cut.cells == (("level2", "数量指标"), ("name", "完成申报的道路清扫数量"), ("extra:得分计算方法", "完成值达到指标值"))
    assert cut.ambiguous is not None and cut.ambiguous.columns == ("weight", "target", "actual")
    assert ("12.5", "12.5", "12.5") in cut.ambiguous.choices and ("12.5", "12.51", "2.5") in cut.ambiguous.choices


def test_the_header_order_decides_which_column_each_figure_fills():
    # the same run under 分值 | 全年实际值 | 年度指标值 fills the columns in that order
    cut = split_leading_figures("清扫保洁达标率201920达成", ["name", "weight", "actual", "target", "deviation"])
    assert cut is not None and cut.ambiguous is not None and cut.ambiguous.columns == ("weight", "actual", "target")


def test_a_figure_after_the_scoring_rules_sentence_is_the_points_column_after_its_column():
    # corpus 171: 得分计算方法 | 得分, the score run onto the end of the rule's sentence
    slots = ["name", "weight", "target", "actual", "basis", "score", "deviation"]
    cut = split_leading_figures("数量指标完成申报的道路清扫数量12.512.512.5完成值达到指标值,记满分。12.5", slots)
    assert cut is not None and cut.cells[-2:] == (("basis", "完成值达到指标值,记满分。"), ("score", "12.5"))
    # a figure inside the sentence, or after one that goes on, is the sentence's
    cut = split_leading_figures("数量指标完成申报的道路清扫数量12.512.512.5按B/A计分,满分12.5", slots)
    assert cut is not None and cut.cells[-1] == ("basis", "按B/A计分,满分12.5")


@pytest.mark.parametrize(("text", "slots"), [
    # the target first: those forms write it with its operator or unit, cut by the other splitters
    ("清扫保洁达标率12.512.512.5完成", ["name", "target", "actual", "weight", "score"]),
    ("一户年最高救助标准5300元", _WEIGHT_FIRST),  # a figure with its unit is a value, not the columns' figures
    ("道路清扫保洁面积10", _WEIGHT_FIRST),  # a name and its weight, the target on a line of its own
    ("分值年度指标值12.512.5", _WEIGHT_FIRST),  # headings, no row's name
])
def test_a_text_that_is_no_such_row_is_left_to_the_other_readers(text, slots):
    assert split_leading_figures(text, slots) is None


def _fused(run: str, choices, level1: str = "产出指标") -> TableRow:
    return TableRow(level1, {}, Ambiguity(run, ("weight", "target", "actual"), tuple(choices)))


_READINGS = [("12.5", "12.5", "12.5"), ("12.5", "12.51", "2.5"), ("12.51", "2.5", "12.5"), ("12.51", "2.51", "2.5")]


def test_the_decimals_a_reading_writes_alike_settle_the_run():
    settled = settle([_fused("12.512.512.5", _READINGS)], Sums())
    assert {index: (found.choice, found.constraints) for index, found in settled.items()} == {
        0: (("12.5", "12.5", "12.5"), (HALF_POINTS, DECIMALS))}


def test_a_table_writing_figures_of_several_decimal_places_leaves_the_run_open():
    # 2.25 and 12.5 written apart: the table keeps no one number of places, so 12.5 | 12.51 | 2.5 stays possible
    rows = [TableRow("产出指标", {"weight": "2.25", "score": "12.5"}), _fused("12.512.512.5", _READINGS)]
    assert settle(rows, Sums()) == {}


def test_a_weight_first_row_run_together_is_read_or_said():
    document, accounting = read_text("\n".join([
        "项目支出绩效自评表",
        "一级指标二级指标三级指标分值年度指标值(A)全年实际值(B)得分计算方法得分未完成原因分析",
        "产出指标数量指标完成申报的道路清扫数量12.512.512.5完成值达到指标值,记满分",
        "质量指标清扫保洁达标率5555完成值达到指标值,记满分",
    ]).encode(), "case.txt")
    assert accounting.tokens == accounting.placed + accounting.diagnosed + accounting.chrome
    sheet = document.sheets[0]
    assert [(i.name, i.target.raw, i.weight) for i in sheet.indicators] == [
        ("完成申报的道路清扫数量", "12.5", Decimal("12.5")), ("清扫保洁达标率", "", None)]
    assert sheet.evaluation.items[0].actual_raw == "12.5"
    settled = {d.location.line: d.message for d in document.diagnostics if d.code == "P156"}
    ambiguous = {d.location.line: d.message for d in document.diagnostics if d.code == "P154"}
    assert sorted(settled) == [3] and "分值12.5｜年度指标值12.5｜全年实际值12.5" in settled[3] and DECIMALS in settled[3]
    # 5 | 5 | 55 and 5 | 55 | 5 both fit: never guessed, said on its line
    assert sorted(ambiguous) == [4] and "“5555”" in ambiguous[4]


def test_the_score_after_the_scoring_rules_sentence_is_read_under_its_joined_heading():
    # corpus 171: 得分计算方法得分 is two headings run together; the rule's sentence ends, then the row's score
    document, _ = read_text("\n".join([
        "项目支出绩效自评表",
        "一级指标二级指标三级指标分值年度指标值(A)全年实际值(B)得分计算方法得分未完成原因分析",
        "产出指标数量指标完成申报的道路清扫数量12.512.512.5完成值达到指标值,记满分。12.5",
    ]).encode(), "case.txt")
    sheet = document.sheets[0]
    # (the scoring rule is the row's 指标值确定依据; form_fields name the columns canonically)
    assert sheet.form_fields[-3:] == ["指标值确定依据", "得分", "偏差原因分析及改进措施"]
    (item,) = sheet.evaluation.items
    assert (item.weight, item.actual_raw, item.score) == (Decimal("12.5"), "12.5", Decimal("12.5"))
    assert sheet.indicators[0].basis == "完成值达到指标值,记满分。"


_SCORED_AFTER_RULE = ["name", "weight", "target", "actual", "basis", "score", "deviation"]


def test_a_date_in_the_names_sentence_stays_in_the_name_and_the_empty_rule_lets_the_score_run_on():
    # corpus 262: …确定于2022年12月底前发放完毕101001009.34, no 得分计算方法 between the actual and the score
    cut = split_leading_figures("时效指标确定于2022年12月底前发放完毕101001009.34", _SCORED_AFTER_RULE)
    assert cut is not None and cut.cells == (("level2", "时效指标"), ("name", "确定于2022年12月底前发放完毕"))
    assert cut.ambiguous is not None and cut.ambiguous.columns == ("weight", "target", "actual", "score")
    assert ("10", "100", "100", "9.34") in cut.ambiguous.choices


def test_a_sentence_cut_at_its_date_leaves_no_fragment_read_as_a_name():
    # a whole table on one line (corpus 262): the date after 于 is the sentence's, never a target cutting the name
    document, _ = read_text("".join([
        "项目支出绩效自评表(2022年度)项目名称送茶入户推广项目主管部门及代码宗教事务局实施单位民族宗教事务局",
        "绩效指标一级指标二级指标三级指标分值指标值(A)全年实际值(B)得分计算方法得分未完成原因分析",
        "产出指标(40分)数量指标(必填硬性指标)送茶入户目标人群3875人,2010010020",
        "时效指标(必填)确定于2022年12月底前发放完毕101001009.34",
        "成本指标(必填硬性指标)38.75万元1038.7536.29.34",
    ]).encode(), "case.txt")
    names = [indicator.name for indicator in document.sheets[0].indicators]
    assert "确定于2022年12月底前发放完毕" in names and "确定于" not in names
    # its figures are read only as the table's arithmetic settles them, or said
    assert any(d.code in ("P154", "P156") and "101001009.34" in d.message for d in document.diagnostics)
