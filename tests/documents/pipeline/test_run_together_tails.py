"""Rows whose cells ran together with no separator (layout family 4 of ../shared/corpus/README.md, and the
``separators_removed`` variant of ``benchmarks/variants.py``): what follows a row's target is cut by the header's
columns after the target column (an actual in the target's shape, the points, then words), and a run of figures
that reads more than one way is never guessed: it is left out and said (P154) on its line, unless the table's
arithmetic leaves one reading (:mod:`jixiao.documents.pipeline.settle`, P156)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.documents.pipeline import read_text
from jixiao.documents.pipeline.figures import Ambiguity, Tail, cut_tail
from jixiao.documents.pipeline.labels import heading_pieces

_SELF_EVALUATION = ["actual", "weight", "score", "extra:偏差原因分析及改进措施"]


@pytest.mark.parametrize(("tail", "target", "kinds", "cut"), [
    # an actual in the target's shape, then 分值 | 得分 fused: 10 | 10 is the only reading (1010 is no weight)
    ("98%1010", "≥95%", _SELF_EVALUATION, Tail((("actual", "98%"), ("weight", "10"), ("score", "10")))),
    ("21公里2020", "≥20公里", _SELF_EVALUATION, Tail((("actual", "21公里"), ("weight", "20"), ("score", "20")))),
    ("100%109", "=100%", _SELF_EVALUATION, Tail((("actual", "100%"), ("weight", "10"), ("score", "9")))),
    # 55 alone would be more points than one indicator carries: 5 | 5
    ("92%55", "≥90%", _SELF_EVALUATION, Tail((("actual", "92%"), ("weight", "5"), ("score", "5")))),
    # words after the points: the next column that holds words
    ("98%1010未完成原因", "≥95%", _SELF_EVALUATION,
     Tail((("actual", "98%"), ("weight", "10"), ("score", "10"), ("", "未完成原因")))),
    # after the actual the columns are points: words opening with a unit's character (部, 个) are the next cell
    ("100%109部分路段延期", "=100%", _SELF_EVALUATION,
     Tail((("actual", "100%"), ("weight", "10"), ("score", "9"), ("", "部分路段延期")))),
    # a goal table's 权重 and 指标方向性 after the target (its unit column already filled by the target's unit)
    ("10正向指标", "≥95%", ["unit", "weight", "direction"], Tail((("weight", "10"), ("", "正向指标")))),
    # 44 is 4 | 4 or 44 with its score left empty: not guessed
    ("100%44", "=100%", _SELF_EVALUATION,
     Tail((("actual", "100%"),), Ambiguity("44", ("weight", "score"), (("4", "4"), ("44",))))),
    # a target with no unit whose figures run on into the actual and the points: many readings, none guessed
    ("", "≥10001200", _SELF_EVALUATION, None),
])
def test_the_tail_of_a_row_is_cut_by_the_columns_after_its_target(tail, target, kinds, cut):
    found = cut_tail(tail, target, kinds)
    if cut is None:
        assert found is not None and found.cells == () and found.ambiguous is not None
        run = found.ambiguous
        assert (run.run, run.columns[0], len(run.choices) > 1, run.prefix) == ("10001200", "target", True, "≥")
        assert ("1000", "1200") in run.choices
    else:
        assert found == cut


@pytest.mark.parametrize(("tail", "target", "kinds"), [
    ("20万元正常", "≥95%", ["weight", "score"]),  # a figure with its unit is a value, not points
    ("计划标准", "≥18个", ["weight"]),  # words only, no actual column first: nothing to cut
    ("735人次1010", "≧735人次", ["weight", "score"]),  # a figure with a unit where points should stand
    ("7351010", "≧735人次", _SELF_EVALUATION),  # an actual without the target's unit: not in its shape
    ("1010", "≥95%", ["direction"]),  # no points column follows the target
])
def test_a_tail_the_columns_do_not_explain_is_left_alone(tail, target, kinds):
    assert cut_tail(tail, target, kinds) is None


_RUN_TOGETHER = "\n".join([
    "2023年度项目支出绩效自评表",
    "项目名称乡村道路养护项目",
    "一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施",
    "产出指标数量指标养护道路里程≥20公里21公里2020",
    "质量指标养护验收合格率≥95%98%1010",
    "道路完好率≥90%92%55",
    "时效指标按时完工率=100%100%44",
    "效益指标社会效益指标受益群众人数≥10001200",
    "满意度指标服务对象满意度指标群众满意度≥90%95%109",
])


def _read(text: str):
    document, accounting = read_text(text.encode(), "case.txt")
    assert accounting.tokens == accounting.placed + accounting.diagnosed + accounting.chrome
    return document


def test_a_self_evaluation_run_together_reads_each_row_into_its_columns():
    document = _read(_RUN_TOGETHER)
    sheet = document.sheets[0]
    assert [(i.level2_raw, i.name, i.target.raw) for i in sheet.indicators] == [
        ("数量指标", "养护道路里程", "≥20公里"), ("质量指标", "养护验收合格率", "≥95%"),
        ("质量指标", "道路完好率", "≥90%"),  # a row opening with its name, under the rows above it
        ("时效指标", "按时完工率", "=100%"), ("社会效益指标", "受益群众人数", ""),
        ("服务对象满意度指标", "群众满意度", "≥90%")]
    assert [(item.actual_raw, item.weight, item.score) for item in sheet.evaluation.items] == [
        ("21公里", Decimal(20), Decimal(20)), ("98%", Decimal(10), Decimal(10)), ("92%", Decimal(5), Decimal(5)),
        ("100%", Decimal(4), Decimal(4)), (None, None, None), ("95%", Decimal(10), Decimal(9))]
    # each row says how it was cut, on its own line
    said = {d.location.line: d.message for d in document.diagnostics if d.code == "P111"}
    assert sorted(said) == [4, 5, 6, 7, 8, 9]
    assert "实际完成值“98%”｜分值“10”｜得分“10”" in said[5]


# A self-evaluation form with no points columns (年度指标值 | 实际完成值 only), run together row by row: each row ends on
# its actual, which takes its target's shape (a unit per person, a bound said in words, a period or words met)
_UNSCORED = "\n".join([
    "2022年度农村饮水工程绩效自评表",
    "一级指标二级指标三级指标年度指标值实际完成值",
    "产出指标数量指标新建供水站8座7座",
    "改造入户管网1500户1620户",
    "成本指标入户管网补助标准800元/户760元/户",
    "时效指标工程建设期限2022.3-2022.112022.3-2022.11",
    "效益指标社会效益指标农村自来水普及率95%及以上96.2%",
    "可持续影响指标长效管护机制逐步健全逐步健全",
])


def test_a_run_together_self_evaluation_without_points_ends_each_row_on_its_actual():
    sheet = _read(_UNSCORED).sheets[0]
    assert [(i.name, i.target.raw) for i in sheet.indicators] == [
        ("新建供水站", "8座"), ("改造入户管网", "1500户"), ("入户管网补助标准", "800元/户"),
        ("工程建设期限", "2022.3-2022.11"), ("农村自来水普及率", "95%及以上"), ("长效管护机制", "逐步健全")]
    assert [item.actual_raw for item in sheet.evaluation.items] == [
        "7座", "1620户", "760元/户", "2022.3-2022.11", "96.2%", "逐步健全"]


def test_a_fused_number_that_reads_more_than_one_way_is_left_out_and_said_on_its_line():
    document = _read(_RUN_TOGETHER)
    ambiguous = {d.location.line: d.message for d in document.diagnostics if d.code == "P154"}
    settled = {d.location.line: d.message for d in document.diagnostics if d.code == "P156"}
    # 44 is 4 | 4 or 44 with no score: every other row prints its score, so the table settles it
    assert sorted(settled) == [7] and "“44”" in settled[7] and "分值4｜得分4" in settled[7]
    # the target's figures ran on into the actual and the points: no reading fills the columns the other rows
    # fill, so the target is left out with them
    assert sorted(ambiguous) == [8]
    assert "“10001200”可读作" in ambiguous[8] and "年度指标值1000｜实际完成值1200" in ambiguous[8]


def test_a_goal_table_run_together_reads_its_weight_and_direction():
    document = _read("\n".join([
        "部门预算项目绩效目标申报表(2023年度)",
        "一级指标二级指标三级指标指标性质指标值度量单位权重指标方向性",
        "效益指标社会效益指标维护社会稳定≥95%10正向指标",
        "产出指标数量指标行政村数量=11个10正向指标",
    ]))
    assert [(i.name, i.target.raw, i.weight) for i in document.sheets[0].indicators] == [
        ("维护社会稳定", "≥95%", Decimal(10)), ("行政村数量", "=11个", Decimal(10))]
    assert not [d for d in document.diagnostics if d.code in ("P113", "P154")]


def test_the_double_bar_operator_of_some_templates_opens_a_run_together_target():
    document = _read("\n".join([
        "2022年度项目支出绩效自评表",
        "一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施",
        "产出指标成本指标生均补助标准达标率═100%100%1010",
    ]))
    indicator = document.sheets[0].indicators[0]
    assert (indicator.name, indicator.target.operator, indicator.weight) == ("生均补助标准达标率", "=", Decimal(10))


def test_headings_broken_by_spaces_and_rows_without_operators_run_together():
    # a Guangdong form extracted with no separators: headings whose boxes broke them with a space (实际 完成值),
    # rows whose targets have no operator, one opening with its name under the rows above it
    document = _read("\n".join([
        "项目支出绩效自评表",
        "一级指标二级指标三级指标目标值实际 完成值分值得分偏差原因分析 及改进措施",
        "产出指标 (50分)数量指标任务完成量12个12个1010",
        "住宅改造套数1785套1806套55",
        "质量指标改造任务完成率100%100%55",
    ]))
    sheet = document.sheets[0]
    assert [(i.name, i.target.raw) for i in sheet.indicators] == [
        ("任务完成量", "12个"), ("住宅改造套数", "1785套"), ("改造任务完成率", "100%")]
    assert [(item.actual_raw, item.weight, item.score) for item in sheet.evaluation.items] == [
        ("12个", Decimal(10), Decimal(10)), ("1806套", Decimal(5), Decimal(5)), ("100%", Decimal(5), Decimal(5))]


def test_a_weight_column_before_the_target_run_together():
    # a Ningxia/Anhui form (分值 | 年度指标值 | 全年实际值 | 得分): the weight runs into the target the actual repeats,
    # or ends the name before a target written with its operator
    document = _read("\n".join([
        "项目支出绩效自评表",
        "一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因分析",
        "产出指标数量指标补助种植面积2029.5亩29.5亩20",
        "补助鱼塘面积103亩3亩10",
        "效益指标经济效益指标带动农户增收(总收入)20≥11万元12万元20",
    ]))
    sheet = document.sheets[0]
    read = [(indicator.name, indicator.target.raw, item.weight, item.actual_raw, item.score)
            for indicator, item in zip(sheet.indicators, sheet.evaluation.items)]
    assert read == [("补助种植面积", "29.5亩", 20, "29.5亩", 20), ("补助鱼塘面积", "3亩", 10, "3亩", 10),
                    ("带动农户增收(总收入)", "≥11万元", 20, "12万元", 20)]
    assert [indicator.weight for indicator in sheet.indicators] == [20, 10, 20]


@pytest.mark.parametrize(("text", "pieces"), [
    ("分值得分偏差原因分析及改进措施", ("分值", "得分", "偏差原因分析及改进措施")),
    ("实际 完成值分值得分", ("实际完成值", "分值", "得分")),  # a heading its box broke with a space
    ("完成目标可能性(确定能、有可能、不可能)备注", ("完成目标可能性", "备注")),  # a heading's gloss left out
    ("指标值(A)全年实际值(B)", ("指标值", "全年实际值")),
    ("分值10得分9", None),  # figures are no headings
])
def test_headings_run_together_are_cut_by_their_spellings(text, pieces):
    assert heading_pieces(text) == pieces


def test_words_met_to_the_letter_then_the_points_are_the_target_the_actual_and_the_score():
    # a qualitative row run together: its target and the same words as its actual, then its 得分 (corpus 212's family)
    from jixiao.documents.pipeline.labels import split_run_together

    assert split_run_together("质量指标维修质量验收合格一次验收合格一次验收合格8") == (
        ("level2", "质量指标"), ("name", "维修质量验收合格"), ("target", "一次验收合格"), ("after", "一次验收合格"),
        ("after", "8"))


def test_a_level_names_required_mark_run_together_stays_with_the_level_not_the_name():
    # the form prints 必填 after the level names it requires (数量指标(必填硬性指标), corpus 262): in text run together
    # it is cut with its level, so that no indicator's name opens with the form's own words
    document = read_text(("项目支出绩效目标表一级指标二级指标三级指标指标值产出指标(40分)数量指标(必填硬性指标)培训农民人数≥100人"
                          "质量指标(必填)培训合格率≥95%效益指标社会效益指标(选填)带动就业人数≥20人").encode(), "x.txt")[0]
    assert [(i.level2, i.level2_raw, i.name, i.name_raw, i.target.raw) for i in document.sheets[0].indicators] == [
        ("数量指标", "数量指标(必填硬性指标)", "培训农民人数", None, "≥100人"),
        ("质量指标", "质量指标(必填)", "培训合格率", None, "≥95%"),
        ("社会效益指标", "社会效益指标(选填)", "带动就业人数", None, "≥20人")]
