"""Figures fused into one run of digits (layout family 4 of ../shared/corpus/README.md): corpus 143 (Chongqing
部门整体 自评表, run together: 计量单位, then 指标值, 指标权重, 全年完成值, 指标得分 with no space) and 030 (Hebei
评价指标表: ``达到预计值210010``, a target of 2100 and 10 points)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.documents.pipeline import read_text
from jixiao.documents.pipeline.figures import fused_run, split_figures

_FOUR = ["target", "weight", "actual", "score"]


@pytest.mark.parametrize(("run", "kinds", "percent", "parts", "readings"), [
    ("210010", ["target", "weight"], False, ("2100", "10"), 1),  # 21001|0 has no weight, 2|10010 too many points
    ("901010010", _FOUR, True, ("90", "10", "100", "10"), 4),
    ("2810810", _FOUR, False, ("28", "10", "8", "10"), 4),  # 28|10|81|0 fits as well: a guess
    ("250105010", _FOUR, False, ("250", "10", "50", "10"), 5),
    ("0.910010", _FOUR, True, ("0.9", "10", "0", "10"), 2),
    ("0.4100.110", _FOUR, True, ("0.4", "10", "0.1", "10"), 4),
])
def test_a_run_is_read_as_one_figure_per_column(run, kinds, percent, parts, readings):
    split = split_figures(run, kinds, percent=percent)
    assert (split.parts, split.readings, split.guessed) == (parts, readings, readings > 1)


def test_no_reading_fits_a_run_whose_points_cannot_be_points():
    assert split_figures("0000", ["target", "weight"]) is None  # 00|00 and 0|000: leading zeros, a weight of 0


def test_a_weight_the_table_prints_elsewhere_is_preferred_to_full_marks():
    assert split_figures("2810810", _FOUR).parts == ("28", "10", "8", "10")
    assert split_figures("2810810", _FOUR, weights=[Decimal(8)]).parts == ("2", "8", "1081", "0")


def test_an_actual_that_repeats_its_target_is_preferred_when_nothing_else_decides():
    # corpus 136: 6 | 6 | 20 rather than 66 | 2 | 0 (both fit; no weight column to choose by)
    assert split_figures("6620", ["target", "actual", "score"]).parts == ("6", "6", "20")
    assert split_figures("66120", ["target", "actual", "score"]).parts == ("6", "61", "20")  # none repeats: first fit
    assert split_figures("12120", ["target", "actual", "score"]).parts == ("12", "12", "0")


def test_prose_before_the_run_stays_with_the_first_figure():
    assert fused_run("达到预计值210010") == ("达到预计值", "210010")
    assert fused_run("0.910010") == ("", "0.910010")
    assert fused_run("95%") is None and fused_run("12") is None


def test_a_row_whose_figures_fused_reads_each_into_its_column_and_says_when_it_guessed():
    text = "\n".join([
        "重庆市梁平区林业局2023年度部门整体绩效自评表",
        "指标名称 计量单位 指标性质 指标值 指标权重(分) 全年完成值 指标得分(分) 说明",
        "天然林和公益林管护当期任务完成率 % 901010010",
        "森林火灾受害率 % 0.910010",
    ])
    document, accounting = read_text(text.encode(), "case.txt")
    assert accounting.tokens == accounting.placed + accounting.diagnosed + accounting.chrome
    sheet = document.sheets[0]
    assert [(i.name, i.target.value, i.target.unit, i.weight) for i in sheet.indicators] == [
        ("天然林和公益林管护当期任务完成率", Decimal(90), "%", Decimal(10)), ("森林火灾受害率", Decimal("0.9"), "%", Decimal(10))]
    assert [(item.actual_raw, item.score) for item in sheet.evaluation.items] == [("100", Decimal(10)), ("0", Decimal(10))]
    guesses = [d for d in document.diagnostics if d.code == "P102"]
    assert [d.location.line for d in guesses] == [3, 4] and "901010010" in guesses[0].message
    assert all(i.confidence < 0.75 for i in sheet.indicators)


def test_a_row_run_together_on_its_line_whose_figures_fused_reads_its_level_name_and_figures():
    # corpus 207: an HTML self-evaluation copied one row to a line, its cells run together, the 指标值 and
    # 全年实际完成值 figures fused with no unit (2020 is 20 | 20, the one reading of a target and an actual of one size:
    # 202 | 0 is none). Only an actual that repeats its target shows the digits are a run (开展培训活动120 is a name:
    # see test_self_evaluation)
    text = "\n".join([
        "一级指标", "二级指标", "三级指标", "指标值", "全年实际完成值", "未完成原因和改进措施",
        "数量指标建设普通省道二级公路32.1公里2020",
        "时效指标按期完成投资1010",
        "经济效益指标",
        "对经济发展的促进作用1010",
    ])
    document = read_text(text.encode(), "case.txt")[0]
    sheet = document.sheets[0]
    assert [(i.level2, i.name, i.target.raw) for i in sheet.indicators] == [
        ("数量指标", "建设普通省道二级公路32.1公里", "20"), ("时效指标", "按期完成投资", "10"),
        ("经济效益指标", "对经济发展的促进作用", "10")]
    assert [item.actual_raw for item in sheet.evaluation.items] == ["20", "10", "10"]
    guesses = [d.message for d in document.diagnostics if d.code == "P102"]
    assert len(guesses) == 3 and "指标值20｜全年实际完成值20" in guesses[0] and "请核对" not in guesses[0]


def test_a_name_ending_in_digits_before_a_target_cell_of_its_own_keeps_them():
    text = "\n".join(["一级指标", "二级指标", "三级指标", "指标值", "全年实际完成值",
                      "数量指标", "建设道路2020", "≥10公里", "12公里"])
    indicators = read_text(text.encode(), "case.txt")[0].sheets[0].indicators
    assert [(i.name, i.target.raw) for i in indicators] == [("建设道路2020", "≥10公里")]


def test_a_run_after_an_actual_that_ends_with_its_unit_is_the_points_after_it():
    # the standard form's rows run together: 12公里 is the actual whole, 2020 its 分值 and 得分
    text = "\n".join([
        "项目支出绩效自评表",
        "一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施",
        "产出指标数量指标新建道路长度≥10公里12公里2020",
        "效益指标社会效益指标惠及人口≥5000人6000人2018",
    ])
    sheet = read_text(text.encode(), "case.txt")[0].sheets[0]
    assert [(i.name, i.target.raw) for i in sheet.indicators] == [("新建道路长度", "≥10公里"), ("惠及人口", "≥5000人")]
    assert [(item.actual_raw, item.weight, item.score) for item in sheet.evaluation.items] == [
        ("12公里", 20, 20), ("6000人", 20, 18)]


def test_rows_run_together_whose_targets_have_no_operator_and_the_total_below_them():
    # 验收合格率100%98%2018个别路段返工: the first figure that another follows at once is the target, then the actual,
    # the fused points and the 偏差原因; 总分10096.17 ends the grid (100 of weights, 96.17 claimed)
    text = "\n".join([
        "项目支出绩效自评表",
        "一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施",
        "产出指标数量指标新建道路长度≥10公里12公里2020",
        "质量指标验收合格率100%98%2018个别路段返工",
        "数量指标改造村庄2个2个1010",
        "总分10096.17",
    ])
    sheet = read_text(text.encode(), "case.txt")[0].sheets[0]
    assert [(i.name, i.target.raw) for i in sheet.indicators] == [
        ("新建道路长度", "≥10公里"), ("验收合格率", "100%"), ("改造村庄", "2个")]
    evaluation = sheet.evaluation
    assert [(item.actual_raw, item.weight, item.score, item.deviation) for item in evaluation.items] == [
        ("12公里", 20, 20, None), ("98%", 20, 18, "个别路段返工"), ("2个", 10, 10, None)]
    assert evaluation.total == Decimal("96.17")


def test_a_target_and_actual_of_other_sizes_are_no_split_of_a_run():
    # with no points after them, 100 is one figure (a copy stopping before the actual), not 10 | 0; 9895 is 98 | 95
    assert split_figures("100", ["target", "actual"]) is None
    assert split_figures("9895", ["target", "actual"]).parts == ("98", "95")


def test_a_row_run_together_in_full_width_digits_reads_as_in_half_width():
    # the same family as corpus 207, its digits full-width (a copy from a page that prints them so): the figures are
    # split as written
    text = "\n".join([
        "一级指标", "二级指标", "三级指标", "指标值", "全年实际完成值", "未完成原因和改进措施",
        "数量指标维修农村危桥１２座１５１５",
        "质量指标验收合格率９５９５",
        "社会效益指标",
        "群众出行条件改善程度３０３０",
    ])
    sheet = read_text(text.encode(), "case.txt")[0].sheets[0]
    assert [(i.level2, i.name, i.target.raw, i.target.value) for i in sheet.indicators] == [
        ("数量指标", "维修农村危桥１２座", "１５", Decimal(15)), ("质量指标", "验收合格率", "９５", Decimal(95)),
        ("社会效益指标", "群众出行条件改善程度", "３０", Decimal(30))]
    assert [item.actual_raw for item in sheet.evaluation.items] == ["１５", "９５", "３０"]
