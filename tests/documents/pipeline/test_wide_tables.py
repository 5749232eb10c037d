"""Family 7 of the corpus (../shared/corpus/README.md): wide tables with 长期/中期 and 年度 column pairs side by
side, one value column per sub-unit, separate operator, unit and weight columns. Compact made-up cases."""

from __future__ import annotations

import pytest

from jixiao.documents.pipeline import read_text
from jixiao.documents.pipeline.labels import split_name_row

_PAIRED = ["一级指标", "二级指标(长期)", "三级指标(长期)", "指标值(长期)", "二级指标(年度)", "三级指标(年度)", "指标值(年度)"]


def read(text: str):
    return read_text(text.encode(), "case.txt")[0]


@pytest.mark.parametrize("text", [
    # one cell per line, the long-term 三级指标 and 指标值 left blank (blank cells are absent)
    "\n \n".join([*_PAIRED, "产出指标", "数量指标", " ", " ", "数量指标", "建设工程数量", "2",
                  "效益指标", "社会效益指标", " ", " ", "社会效益指标", "办学条件", "持续改善"]),
    # the same with the long-term set filled
    "\n".join([*_PAIRED, "产出指标", "数量指标", "三年建设工程数量", "6", "数量指标", "建设工程数量", "2",
               "效益指标", "社会效益指标", "三年办学条件", "显著改善", "社会效益指标", "办学条件", "持续改善"]),
    # pipe rows as wide as the header
    "\n".join(["| " + " | ".join(_PAIRED) + " |",
               "| 产出指标 | 数量指标 | 三年建设工程数量 | 6 | 数量指标 | 建设工程数量 | 2 |",
               "| 效益指标 | 社会效益指标 | | | 社会效益指标 | 办学条件 | 持续改善 |"]),
], ids=["cells-long-blank", "cells-long-filled", "pipe-rows"])
def test_long_term_and_annual_pairs_the_annual_set_is_the_sheets_indicators(text):
    indicators = read(text).sheets[0].indicators
    assert [(i.level1, i.level2, i.name, i.target.raw) for i in indicators] == [
        ("产出指标", "数量指标", "建设工程数量", "2"), ("效益指标", "社会效益指标", "办学条件", "持续改善")]
    assert indicators[0].extra.get("二级指标(长期)") == "数量指标"


_TWICE = ["一级指标", "二级指标", "三级指标", "指标值", "二级指标", "三级指标", "指标值"]


def _both_sets(text: str) -> tuple[list, list[tuple]]:
    """The indicators read from pipe rows, and each one's level 2, name, target and long-term target."""
    indicators = read("\n".join(text)).sheets[0].indicators
    return indicators, [(i.level2, i.name, i.target.raw, i.long_term_target.raw if i.long_term_target else None)
                        for i in indicators]


@pytest.mark.parametrize(("header", "long_heading"), [(_TWICE, "三级指标"), (_PAIRED, "三级指标(长期)")],
                         ids=["set-named-twice", "sets-named-by-period"])
def test_a_row_whose_level_cells_are_merged_holds_both_sets_one_indicator(header, long_heading):
    # corpus 279: each set's 二级指标 merged over its rows, so a row below the first of a group prints the long-term
    # name and target, then the year's: one indicator, its long-term cells kept with it
    indicators, read_sets = _both_sets(["| " + " | ".join(header) + " |",
                                        "| 产出指标 | 数量指标 | 三年检测仪器 | ≥150个 | 数量指标 | 检测仪器 | ≥57个 |",
                                        "| 三年购买试剂 | ≥300个 | 购买试剂 | ≥100个 ||",
                                        "| 质量指标 | 三年监测合格率 | ≥95% | 质量指标 | 监测合格率 | ≥98% |",
                                        "| 三年维修次数 | ≥12次 | 维修次数 | ≥4次 |"])
    assert read_sets == [("数量指标", "检测仪器", "≥57个", "≥150个"), ("数量指标", "购买试剂", "≥100个", "≥300个"),
                         ("质量指标", "监测合格率", "≥98%", "≥95%"), ("质量指标", "维修次数", "≥4次", "≥12次")]
    assert indicators[1].extra[long_heading] == "三年购买试剂"


def test_both_sets_after_levels_filled_down_and_with_words_for_targets_are_one_indicator():
    # the merged level cells filled down on every row (a spreadsheet unmerged before export), the second 二级指标
    # only on the group's first row; the targets words and dates, which no target shape marks
    _, read_sets = _both_sets(["| 绩 效 指 标 | " + " | ".join(_TWICE) + " |",
                               "| 产出指标 | 时效指标 | 三年补贴期限 | 2020—2022年 | 时效指标 | 补贴期限 | 2020.1.1-2020.12.31 |",
                               "| 产出指标 | 时效指标 | 三年发放时间 | 每年12月前 | 发放时间 | 12月前 |",
                               "| 效益指标 | 社会效益指标 | 办学条件 | 显著改善 | 社会效益指标 | 办学条件 | 持续改善 |",
                               "| 普及普惠发展 | 显著促进 | 普及普惠发展 | 有所促进 |"])
    assert read_sets == [
        ("时效指标", "补贴期限", "2020.1.1-2020.12.31", "2020—2022年"), ("时效指标", "发放时间", "12月前", "每年12月前"),
        ("社会效益指标", "办学条件", "持续改善", "显著改善"), ("社会效益指标", "普及普惠发展", "有所促进", "显著促进")]


def test_a_row_of_two_indicators_under_a_table_with_an_empty_long_term_set_stays_two():
    # the long-term set left empty above: a row of two names and two targets is two of the year's rows
    text = "\n".join(["| " + " | ".join(_TWICE) + " |",
                      "| 产出指标 | 数量指标 | | | 数量指标 | 检测仪器 | ≥57个 |",
                      "| 购买试剂 | ≥100个 | 维修次数 | ≥4次 |"])
    assert [i.name for i in read(text).sheets[0].indicators] == ["检测仪器", "购买试剂", "维修次数"]


@pytest.mark.parametrize("text", [
    # sets named by period, the year's 二级指标 repeated, its other cells blank
    "\n".join(["| " + " | ".join(_PAIRED) + " |",
               "| 产出指标 | 数量指标 | 三年建设工程数量 | 6 | 数量指标 | | |",
               "| 效益指标 | 社会效益指标 | 三年办学条件 | 显著改善 | 社会效益指标 | | |"]),
    # the set named twice, pipe rows as wide as the header, the year's 二级指标 repeated
    "\n".join(["| " + " | ".join(_TWICE) + " |",
               "| 产出指标 | 数量指标 | 三年建设工程数量 | 6 | 数量指标 | | |",
               "| 效益指标 | 社会效益指标 | 三年办学条件 | 显著改善 | 社会效益指标 | | |"]),
], ids=["sets-named-by-period", "set-named-twice"])
def test_a_grid_whose_year_s_set_is_blank_is_read_from_its_long_term_set(text):
    document = read(text)
    indicators = document.sheets[0].indicators
    assert [(i.level2, i.name, i.target.raw, i.long_term_target.raw if i.long_term_target else None)
            for i in indicators] == [("数量指标", "三年建设工程数量", "6", "6"),
                                     ("社会效益指标", "三年办学条件", "显著改善", "显著改善")]
    assert [d.code for d in document.diagnostics].count("P183") == 1


def test_a_row_with_its_long_term_set_alone_under_rows_of_the_year_s_set_is_no_indicator_of_the_year():
    # a row whose year's set is blank below rows that filled theirs: the table has the year's indicators, and this
    # one gives none for the year
    text = "\n".join(["| " + " | ".join(_TWICE) + " |",
                      "| 产出指标 | 数量指标 | 三年检测仪器 | ≥150个 | 数量指标 | 检测仪器 | ≥57个 |",
                      "| 效益指标 | 社会效益指标 | 三年办学条件 | 显著改善 | 社会效益指标 | | |"])
    document = read(text)
    assert [i.name for i in document.sheets[0].indicators] == ["检测仪器"]
    assert "P183" not in {d.code for d in document.diagnostics}


def test_the_long_term_target_is_kept_with_the_annual_indicator():
    text = "\n".join([*_PAIRED, "产出指标", "数量指标", "三年建设工程数量", "6", "数量指标", "建设工程数量", "2"])
    (indicator,) = read(text).sheets[0].indicators
    assert (indicator.long_term_target.raw if indicator.long_term_target else None) == "6"
    assert indicator.extra["三级指标(长期)"] == "三年建设工程数量"


def test_a_long_term_heading_merged_over_its_parts_in_a_grid():
    # Excel: 长期指标 and 年度指标 each merged over 三级指标 | 指标值 on the row below
    from jixiao.documents.blocks import Cell, Layout, Row
    from jixiao.documents.pipeline import read_layout

    def row(number: int, *texts: str) -> Row:
        return Row([Cell(text, column) for column, text in enumerate(texts)], table=1, row=number)

    layout = Layout(name="xlsx", blocks=[
        row(1, "一级指标", "二级指标", "长期指标", "", "年度指标", ""),
        row(2, "", "", "三级指标", "指标值", "三级指标", "指标值"),
        row(3, "产出指标", "数量指标", "三年绿化道路", "=10000米", "绿化道路", "=3500米"),
    ])
    (indicator,) = read_layout(layout, "case.xlsx", "xlsx")[0].sheets[0].indicators
    assert (indicator.name, indicator.target.raw, indicator.long_term_target.raw) == ("绿化道路", "=3500米", "=10000米")
    assert indicator.extra == {"长期指标": "三年绿化道路"}


def test_one_value_column_per_sub_unit_and_the_unit_written_in_the_name():
    text = "\n".join([
        "| 一级指标 | 二级指标 | 三级指标 | 指标解释 | 西坪镇 | 桃舟乡 | 芦田镇 |",
        "| 产出指标 | 数量指标 | 开展水利工程建设(个) | 反映工程开展情况 | 1 | 1 | 1 |",
        "| 产出指标 | 数量指标 | 修复河堤长度(米) | 反映修复情况 | 200 | 150 | 300 |",
    ])
    built, repaired = read(text).sheets[0].indicators
    assert (built.target.raw, built.target.value, built.target.unit, built.target.unit_inferred) == ("1", 1, "个", True)
    assert built.extra == {"西坪镇": "1", "桃舟乡": "1", "芦田镇": "1"}
    assert (repaired.target.raw, repaired.extra["芦田镇"]) == ("", "300")  # towns differ: no one target


# corpus 153 (a Hebei 绩效目标表): 绩效指标评价标准 split into one standard per grade on the row below (优 | 良 | 中 |
# 差); the best grade's standard is the target, the others are kept under their headings
_GRADED_ROWS = [("产出指标", "救助覆盖率", "是否应救尽救", "100%", "90%", "85%", "85%", "按临时救助标准评价"),
                ("", "低保资金按标准发放的比率", "按标准发放的比率", "90%", "80%", "70%", "70%", "按临时救助标准评价")]


@pytest.mark.parametrize("text", [
    "\n".join(["| 绩效指标分类 | 绩效指标 | 绩效指标描述 | 绩效指标评价标准 | | | | 评价标准确定依据 |",
               "| | | | 优 | 良 | 中 | 差 | |", *("| " + " | ".join(row) + " |" for row in _GRADED_ROWS)]),
    "\n".join(["绩效指标分类", "绩效指标", "绩效指标描述", "绩效指标评价标准", "评价标准确定依据", "优", "良", "中", "差",
               *(cell for row in _GRADED_ROWS for cell in row if cell)]),
    "\n".join(["绩效指标分类", "绩效指标", "绩效指标描述", "绩效指标评价标准", "评价标准确定依据", "优良中差",
               *(cell for row in _GRADED_ROWS for cell in row if cell)]),
], ids=["pipe-rows", "one-cell-per-line", "grades-run-together"])
def test_a_standards_column_split_by_grade_gives_the_best_grade_as_target(text):
    indicators = read(text).sheets[0].indicators
    assert [(i.level1, i.name, i.target.raw) for i in indicators] == [
        ("产出指标", "救助覆盖率", "100%"), ("产出指标", "低保资金按标准发放的比率", "90%")]
    assert indicators[0].extra == {"良": "90%", "中": "85%", "差": "85%", "评价标准确定依据": "按临时救助标准评价"}
    assert indicators[0].description == "是否应救尽救"


def test_a_grid_whose_standards_column_is_merged_over_its_grades():
    from jixiao.documents.blocks import Cell, Layout, Row
    from jixiao.documents.pipeline import read_layout

    def row(number: int, *texts: str) -> Row:
        return Row([Cell(text, column) for column, text in enumerate(texts)], table=1, row=number)

    layout = Layout(name="xlsx", blocks=[
        row(1, "绩效指标分类", "绩效指标", "绩效指标描述", "绩效指标评价标准", "", "", "", "评价标准确定依据"),
        row(2, "", "", "", "优", "良", "中", "差", ""),
        *(row(3 + at, *cells) for at, cells in enumerate(_GRADED_ROWS)),
    ])
    indicators = read_layout(layout, "case.xlsx", "xlsx")[0].sheets[0].indicators
    assert [(i.name, i.target.raw, i.extra.get("差")) for i in indicators] == [
        ("救助覆盖率", "100%", "85%"), ("低保资金按标准发放的比率", "90%", "70%")]


def test_a_figure_where_a_streams_description_stands_is_the_target_the_description_ran_into_the_name():
    # corpus 153 run together: the name and its description are one cell, the figures follow
    text = "\n".join(["绩效指标分类", "绩效指标", "绩效指标描述", "绩效指标评价标准", "评价标准确定依据", "优", "良", "中", "差",
                      "产出指标", "救助覆盖率是否应救尽救", "100%", "90%", "85%", "85%", "按临时救助标准评价"])
    (indicator,) = read(text).sheets[0].indicators
    assert (indicator.name, indicator.target.raw, indicator.description) == ("救助覆盖率是否应救尽救", "100%", None)


# A wide form run together one row a line (families 4 and 7): 指标值, then 指标值内容, 评(扣)分标准, 度量单位 (a dash
# when empty), 指标值类型 and 备注 fused after it; an empty row's cells stand apart, its dash run onto its 指标值类型.
_RUN_TOGETHER_WIDE = """部门:301_某县水利局金额单位:万元
一级指标二级指标三级指标指标值指标值内容评(扣分标准) 度量单位指标值类型备注
301002  农村饮水工程维护费12.00
成本指标经济成本指标单处维护标准2000元/处.每年反映每处工程维护标准按标准支出得10分,每超1%扣1分-定量
社会成本指标



-定性
产出指标数量指标维护工程处数60反映维护工程数量完成得10分,每少1处扣1分-定量
质量指标维护验收合格率95%以上验收合格处数/维护处数95%得10分,每降低1%扣1分-定量
水质抽检达标率98%以上达标次数/抽检次数98%得10分,每降低1%扣1分-定量
时效指标维护完成时间2024年10月31日反映维护完成时间按期完成得10分,每超出10天扣1分-定量
效益指标经济效益指标



-定性
社会效益指标供水保证率大于95%全年正常供水天数/365天达到得10分-定量
群众用水负担有所减轻对群众用水负担减轻情况较大得10分,一般得6分-定性
"""


def test_a_wide_form_run_together_one_row_a_line_reads_each_rows_name_and_target():
    indicators = read(_RUN_TOGETHER_WIDE).sheets[0].indicators
    assert [(i.level2, i.name, i.target.operator and i.target.operator.value, i.target.value and str(i.target.value),
             i.target.unit or i.target.raw) for i in indicators] == [
        ("经济成本指标", "单处维护标准", None, "2000", "元/处·年"),
        ("数量指标", "维护工程处数", None, "60", "60"),
        ("质量指标", "维护验收合格率", "≥", "95", "%"),
        ("质量指标", "水质抽检达标率", "≥", "98", "%"),
        ("时效指标", "维护完成时间", None, None, "2024年10月31日"),
        ("社会效益指标", "供水保证率", ">", "95", "%"),
        ("社会效益指标", "群众用水负担", None, None, "有所减轻"),
    ]
    # the words after the target stay whole in the column after 指标值, the row's explanation
    assert indicators[2].description == "验收合格处数/维护处数95%得10分,每降低1%扣1分-定量"
    assert indicators[4].target.date is not None


@pytest.mark.parametrize(("text", "parts"), [
    # a percentage with its operator word after it, then the explanation
    ("设备完好率90%以上完好台数/设备总台数", (("name", "设备完好率"), ("target", "90%以上"), ("after", "完好台数/设备总台数"))),
    ("学员就业率60%及以上就业人数/参训人数", (("name", "学员就业率"), ("target", "60%及以上"), ("after", "就业人数/参训人数"))),
    # an operator word before the figure
    ("幼儿入园率大于85%适龄幼儿入园情况", (("name", "幼儿入园率"), ("target", "大于85%"), ("after", "适龄幼儿入园情况"))),
    # a date; a bare count that an explanation opening with 反映 follows
    ("项目完工时间2025年6月30日反映完工时间", (("name", "项目完工时间"), ("target", "2025年6月30日"), ("after", "反映完工时间"))),
    ("培训教师人数120反映参训教师人数", (("name", "培训教师人数"), ("target", "120"), ("after", "反映参训教师人数"))),
    # a word of the qualitative vocabulary
    ("村容村貌明显改善村庄环境整治情况", (("name", "村容村貌"), ("target", "明显改善"), ("after", "村庄环境整治情况"))),
])
def test_a_row_run_together_whose_target_has_no_operator_before_it_is_cut_after_its_target(text, parts):
    assert split_name_row(text) == parts


@pytest.mark.parametrize("text", [
    "新建2处蓄水池工程",  # a count inside a name, no target shape after it
    "率90%以上完好台数",  # too short a name before the figure
    "资金拨付及时率",  # nothing after the name
])
def test_a_row_without_a_target_before_words_is_not_cut(text):
    assert split_name_row(text) is None



def test_a_target_and_its_actual_run_together_keep_the_targets_operator_word():
    # no words after them: the actual in the target's shape ends the row, never cut short of 及以上
    assert split_name_row("学员就业率60%及以上53.53%") == (
        ("name", "学员就业率"), ("target", "60%及以上"), ("after", "53.53%"))
