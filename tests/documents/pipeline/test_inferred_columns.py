"""Columns inferred from the rows' content when no header names them (:mod:`jixiao.documents.pipeline.inferred`):
a web copy that starts inside a table. Cases after the corpus."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.documents.pipeline import read_text


def read(text: str):
    return read_text(text.encode(), "case.txt")[0]


def test_rows_of_a_table_whose_header_is_not_in_the_file():
    # corpus 158: the copy starts in a row whose level cells were merged above it
    document = read("\n".join([
        "城乡居民医保参保工作经费发放及时率 | = | 100 | % | 5 | ||||||",
        "成本指标 | 城乡居民参保网络宣传成本预算 | ≤ | 101400 | 元 | 5 | |||||",
        "效益指标 | 社会效益指标 | 城乡居民参保网络宣传群众知晓率 | = | 100 | % | 15 | ||||",
        "可持续影响指标 | 城乡居民医保参保机制健全性 | 定性 | 优良中低差 | 10 | ||||||",
        "合计 | 100 | |||||||||",
    ]))
    sheet = document.sheets[0]
    assert [(i.level1, i.level2, i.name, i.target.operator, i.target.value, i.target.unit, i.weight)
            for i in sheet.indicators] == [
        (None, None, "城乡居民医保参保工作经费发放及时率", "=", Decimal(100), "%", Decimal(5)),
        (None, "成本指标", "城乡居民参保网络宣传成本预算", "≤", Decimal(101400), "元", Decimal(5)),
        ("效益指标", "社会效益指标", "城乡居民参保网络宣传群众知晓率", "=", Decimal(100), "%", Decimal(15)),
        ("效益指标", "可持续影响指标", "城乡居民医保参保机制健全性", None, None, None, Decimal(10))]
    # every row rests on the guess, and says so where it stands
    assert all(i.confidence <= 0.5 for i in sheet.indicators)
    assert [d.location.line for d in document.diagnostics if d.code == "P111"] == [1, 2, 3, 4]


def test_rows_without_a_level_name_are_not_taken_for_a_headerless_table():
    text = "\n".join(["项目名称 | 城乡居民监管工作经费 |", "资金总额 | = | 100 | 万元 |", "到位资金 | = | 100 | 万元 |"])
    assert not read_text(text.encode(), "case.txt")[0].sheets[0].indicators


def test_a_run_together_table_that_goes_from_its_goals_straight_to_its_first_row():
    # a notice whose 绩效目标表 lost its row of headings when the page ran it together: after the header block come
    # a level-1 name, a level-2 name, the name (restated word for word by its 指标解释) and the target
    document = read("专项资金绩效目标表(2026年度)项目名称某专项资金主管部门(单位)名称某县委宣传部资金情况(万元)"
                    "资金总额:15其中:财政拨款15其他资金0总体目标全年接待国际友人,宣传茶文化。"
                    "产出指标数量指标邀请国际友人涉及国家数量邀请国际友人涉及国家数量≥3个")
    indicators = document.sheets[0].indicators
    assert [(i.level1, i.level2, i.name, i.description, i.target.raw) for i in indicators] == [
        ("产出指标", "数量指标", "邀请国际友人涉及国家数量", "邀请国际友人涉及国家数量", "≥3个")]
    assert any(d.code == "P111" and "表头不在文件中" in d.message for d in document.diagnostics)


def test_a_stream_without_a_level_name_then_a_target_implies_no_columns():
    document = read("总体目标全年接待国际友人100人次。产出指标是本项目的重点,接待人次不少于100人次。")
    assert not document.sheets or not document.sheets[0].indicators


def test_a_self_evaluation_copied_from_inside_its_table_with_padding_rows_between():
    # corpus 213: padding rows (``| |||``) stand between the rows, a wrapped row continues on a row of its own with
    # its target said again as the actual value, and three figures after the unit are actual, weight and score
    document = read("\n".join([
        "公益性讲座知晓率 | = | 100 | % | 100 | 5 | 5 |",
        "| |||",
        "可持续影响指标 | 图书馆管理机制健全性 | 定性 | 好坏 |",
        "| 好坏 | 5 | 4 |",
        "| ||",
        "满意度指标 | 服务对象满意度指标 | 活动参与人员满意度 | ≥ | 95 | % | 96 | 5 | 5 |",
        "| |",
        "聘用人员满意度 | ≥ | 95 | % | 90 | 5 | 3 |",
        "| |||",
        "合计 | 100 | 100 |",
    ]))
    sheet = document.sheets[0]
    assert [(i.level2, i.name, i.target.operator, i.target.raw) for i in sheet.indicators] == [
        (None, "公益性讲座知晓率", "=", "100"),
        ("可持续影响指标", "图书馆管理机制健全性", None, "好坏"),
        ("服务对象满意度指标", "活动参与人员满意度", "≥", "95"),
        ("服务对象满意度指标", "聘用人员满意度", "≥", "95")]
    assert [(item.actual_raw, item.weight, item.score) for item in sheet.evaluation.items] == [
        ("100", Decimal(5), Decimal(5)), ("好坏", Decimal(5), Decimal(4)),
        ("96", Decimal(5), Decimal(5)), ("90", Decimal(5), Decimal(3))]
    assert document.unaccounted == 0


def test_a_row_of_text_and_figures_after_a_row_is_its_own_indicator_unless_it_repeats_the_target():
    document = read("\n".join([
        "产出指标 | 数量指标 | 培训人次 | ≥ | 100 | 人次 | 10 |",
        "| 培训天数 | 5 | 4 |",
        "质量指标 | 合格率 | ≥ | 90 | % | 10 |",
    ]))
    assert [i.name for i in document.sheets[0].indicators] == ["培训人次", "培训天数", "合格率"]


def test_a_headerless_self_evaluations_actual_weight_and_score_are_told_by_their_content():
    # a value after the target, then two figures the second no more than the first: 实际完成值 | 分值 | 得分
    document = read("\n".join([
        "2023年度护林员补助资金绩效自评表",
        "| 产出指标 | 数量指标 | 护林员人数 | ≥48人 | 48人 | 20 | 20 |",
        "| 产出指标 | 质量指标 | 考核合格率 | ≥95% | 98% | 20 | 18 |",
        "| 满意度指标 | 服务对象满意度指标 | 护林员满意度 | ≥90% | 95% | 10 | 10 |",
    ]))
    sheet = document.sheets[0]
    assert [(i.name, i.target.raw, i.weight) for i in sheet.indicators] == [
        ("护林员人数", "≥48人", Decimal(20)), ("考核合格率", "≥95%", Decimal(20)), ("护林员满意度", "≥90%", Decimal(10))]
    assert [(item.actual_raw, item.score) for item in sheet.evaluation.items] == [
        ("48人", Decimal(20)), ("98%", Decimal(18)), ("95%", Decimal(10))]


def test_a_headerless_goal_tables_second_value_column_is_not_taken_for_an_actual():
    # 年度指标值 | 实施期指标值 (no points after them): the second value stays a column of its own
    document = read("\n".join([
        "| 产出指标 | 数量指标 | 护林员人数 | ≥48人 | ≥150人 |",
        "| 产出指标 | 质量指标 | 考核合格率 | ≥95% | ≥95% |",
    ]))
    sheet = document.sheets[0]
    assert [i.target.raw for i in sheet.indicators] == ["≥48人", "≥95%"]
    assert sheet.evaluation is None or not any(item.actual_raw for item in sheet.evaluation.items)


def test_a_headerless_self_evaluation_with_the_weight_before_the_target():
    # Anhui's 自评表 (corpus 125) copied from inside its table: 分值 | 年度指标值 | 全年实际值 | 得分 after the name, no
    # operator written
    document = read("\n".join([
        "2023年度特色种养补贴项目绩效自评表",
        "| 产出指标 | 数量指标 | 补助种植面积 | 20 | 29.5亩 | 29.5亩 | 20 |",
        "| 产出指标 | 质量指标 | 种植作物成活率 | 5 | 95% | 95% | 5 |",
    ]))
    sheet = document.sheets[0]
    assert [(i.name, i.target.raw, i.weight) for i in sheet.indicators] == [
        ("补助种植面积", "29.5亩", Decimal(20)), ("种植作物成活率", "95%", Decimal(5))]
    assert [(item.actual_raw, item.score) for item in sheet.evaluation.items] == [("29.5亩", Decimal(20)), ("95%", Decimal(5))]


def test_a_headerless_self_evaluation_copied_one_cell_per_line():
    document = read("\n".join(["2023年度护林员补助资金绩效自评表", "产出指标", "数量指标", "护林员人数", "≥48人", "48人", "20", "20",
                               "质量指标", "考核合格率", "≥95%", "98%", "20", "18"]))
    sheet = document.sheets[0]
    assert [(i.level2, i.name, i.target.raw, i.weight) for i in sheet.indicators] == [
        ("数量指标", "护林员人数", "≥48人", Decimal(20)), ("质量指标", "考核合格率", "≥95%", Decimal(20))]
    assert [(item.actual_raw, item.score) for item in sheet.evaluation.items] == [("48人", Decimal(20)), ("98%", Decimal(18))]
    assert not [d for d in document.diagnostics if d.code == "P113"]  # every cell has its column


def test_a_stream_that_starts_inside_its_table_is_read_by_its_rows_of_names_and_figures():
    # corpus 158 copied one cell per line: the copy starts in a row whose level cells were merged above it, its
    # operator, figure, unit and points each on a line; the rows below name their levels
    document = read("\n".join(["城乡居民医保参保工作经费发放及时率", "=", "100", "%", "5",
                               "成本指标", "城乡居民参保网络宣传成本预算", "≤", "101400", "元", "5",
                               "效益指标", "社会效益指标", "城乡居民参保网络宣传群众知晓率", "=", "100", "%", "15",
                               "合计", "100"]))
    sheet = document.sheets[0]
    assert [(i.level1, i.level2, i.name, i.target.operator, i.target.value, i.target.unit, i.weight)
            for i in sheet.indicators] == [
        (None, None, "城乡居民医保参保工作经费发放及时率", "=", Decimal(100), "%", Decimal(5)),
        (None, "成本指标", "城乡居民参保网络宣传成本预算", "≤", Decimal(101400), "元", Decimal(5)),
        ("效益指标", "社会效益指标", "城乡居民参保网络宣传群众知晓率", "=", Decimal(100), "%", Decimal(15))]
    assert any(d.code == "P111" and "表头不在文件中" in d.message for d in document.diagnostics)


def test_a_sentence_and_its_money_before_a_headerless_stream_are_no_row_of_it():
    # corpus 182: the goals' last sentence and the fund's amount stand right before the first levelled row
    document = read("\n".join(["国际友人到武夷星体验中国茶文化,邀请国际茶文化志愿者参与文化节活动,", "15万元", "产出指标", "数量指标",
                               "邀请国际友人涉及国家数量", "≥3个", "质量指标", "培训合格率", "≥95%"]))
    assert [(i.level1, i.name, i.target.raw) for i in document.sheets[0].indicators] == [
        ("产出指标", "邀请国际友人涉及国家数量", "≥3个"), ("产出指标", "培训合格率", "≥95%")]


def test_amounts_under_their_labels_one_cell_per_line_are_no_headerless_table():
    # corpus 034 copied one cell per line: a money table's labels and amounts are names and figures, but no level
    document = read("\n".join(["预算执行情况", "其中:中央补助", "2.38", "万元", "其中:中央补助", "2.38万元",
                               "地方资金/其他", "万元"]))
    assert not document.sheets or not document.sheets[0].indicators


@pytest.mark.parametrize(("rows", "read_rows"), [
    # corpus 125 without its heading row: after the first row, names with a figure and its unit, no operator
    (["数量指标 | ★补助各类瓜果蔬菜种植面积 | 20 | 29.5亩 | 29.5亩 | 20 | ||||", "其中桃树种植面积 | 1.5亩 | 1.5亩 | ||||||||",
      "其中苹果树种植面积 | 5亩 | 5亩 | ||||||||"],
     [("数量指标", "补助各类瓜果蔬菜种植面积", "29.5亩"), ("数量指标", "其中桃树种植面积", "1.5亩"),
      ("数量指标", "其中苹果树种植面积", "5亩")]),
    # corpus 162 without its heading row: after a level name a bare figure makes an indicator row (the file ends
    # in it: it is reported cut off, P120, as where its heading is printed)
    (["数量指标 | 享受医疗救助人次 | ≥50000人次 | 110406 | |||", "质量指标 | 医疗救助合规率 | 100"],
     [("数量指标", "享受医疗救助人次", "≥50000人次")]),
])
def test_rows_of_names_and_figures_with_units_imply_the_columns_of_a_headerless_table(rows, read_rows):
    document = read("\n".join(["绩效指标 | 一级 指标 |", "产 出 指 标 (50分) |", *rows]))
    indicators = document.sheets[0].indicators
    assert [(i.level2, i.name, i.target.raw) for i in indicators] == read_rows
    assert [d.location.line for d in document.diagnostics if d.code == "P111"] == list(range(3, 3 + len(rows)))

