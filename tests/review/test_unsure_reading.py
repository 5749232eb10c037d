"""Findings that rest on a reading that was not sure, or on a field the form lacks, are not reported as the table's
mistakes (``benchmarks.review_variants``: the same table in another layout must not give findings the original does
not). Each case builds the sheet a reader makes of such a layout and checks where and what is (not) reported."""

from __future__ import annotations

import pytest

from jixiao.model import Diagnostic, GoalSheet, Indicator, Location, Severity
from jixiao.review import load_profile, review_document
from jixiao.review.context import cells_in_name
from jixiao.review.forms import recognise_form
from tests.review.sheets import build_document, build_sheet, load_data

BASE = load_data("rule_cases.toml")["base"]
KEY = BASE["code"]  # how findings name the base sheet


def _with(spec: dict, *, layout: str | None = None, diagnostics: list[Diagnostic] = (), sheets: list[GoalSheet] = ()):
    document = build_document(spec)
    return document.model_copy(update={"layout": layout, "diagnostics": list(diagnostics),
                                       "sheets": [*document.sheets, *sheets]})


def _set_aside(*cells: str, sheet: str = KEY) -> Diagnostic:
    # the reader's P108: a row of the grid without a name and a value, set aside
    return Diagnostic(code="P108", severity=Severity.WARNING, template="本行没有三级指标和指标值，未读作指标",
                      location=Location(sheet=sheet), set_aside=cells)


def _findings(document, rule: str):
    return [f for f in review_document(document, load_profile()).findings if f.rule == rule]


# A Sichuan-style grid (指标方向性 and 权重 on every row) whose copy stops inside its last row: the weights read add up
# to 60 and the 时效 row is after the cut. Written with TABs, the reader cannot see the cut (corpus 003's variants).
_WEIGHTED = [
    ["满意度指标", "服务对象满意度指标", "辖区内群众满意度", "", "≥95%", "", "10", "正向指标"],
    ["效益指标", "经济效益指标", "促进农村集体经济发展", "", "≥95%", "", "10", "正向指标"],
    ["效益指标", "社会效益指标", "维护社会稳定", "", "≥95%", "", "10", "正向指标"],
    ["产出指标", "质量指标", "保障村社区正常运转", "", "≥95%", "", "20", "正向指标"],
]


@pytest.mark.parametrize(("layout", "direction", "reported"), [
    ("text-tabbed", "", False),  # the last row stops before the 指标方向性 every row above fills: cut there
    ("text-tabbed", "正向指标", True),  # a whole last row: the weights are the table's
    (None, "", True),  # a Word or Excel table is not cut by the end of a text copy
])
def test_a_text_copy_ending_on_a_short_row_is_cut_there(layout, direction, reported):
    spec = {**BASE, "rows": [*_WEIGHTED, ["产出指标", "数量指标", "行政村数量", "", "=11个", "", "10", direction]]}
    document = _with(spec, layout=layout)
    weights = _findings(document, "JX609")
    assert [(f.sheet, f.location.column, f.severity.value) for f in weights] == \
        ([(KEY, "权重", "error")] if reported else [])
    assert "合计为60" in weights[0].message if reported else True
    # the output groups after the cut are not said missing either
    assert bool([f for f in _findings(document, "JX104") if "时效指标" in f.message]) is reported


@pytest.mark.parametrize(("cells", "reported"), [
    (("2021年实际实现值", "预期2022年实现值", "30"), False),  # a weight alone in a row set aside: the total is unsure
    (("2021年实际实现值", "预期2022年实现值"), True),  # headings only (a year is not a figure): the total stands
])
def test_a_weight_total_short_of_100_is_not_reported_beside_a_figure_the_reader_set_aside(cells, reported):
    spec = {**BASE, "rows": [*_WEIGHTED, ["产出指标", "数量指标", "行政村数量", "", "=11个", "", "10", "正向指标"]]}
    document = _with(spec, diagnostics=[_set_aside(*cells)])
    assert [f.location.column for f in _findings(document, "JX609")] == (["权重"] if reported else [])


@pytest.mark.parametrize(("cells", "severity"), [(("90",), "warning"), (("说明",), "error")])
def test_blank_values_beside_a_value_the_reader_set_aside_are_no_return(cells, severity):
    # corpus 150 written with the operator and unit in columns of their own, one cell a line: a value (90) split off
    # its row and set aside, the rows' 指标值 read empty
    rows = [[*row[:4], "", row[5]] for row in BASE["rows"]]
    document = _with({**BASE, "rows": rows}, diagnostics=[_set_aside(*cells)])
    blanks = _findings(document, "JX107")
    assert {(f.location.column, f.severity.value) for f in blanks} == {("指标值", severity)}
    assert len(blanks) == len(rows)


def test_a_placeholder_mark_on_a_cell_read_empty_is_not_template_residue():
    # corpus 154 with 指标性质 | 指标值 | 度量单位 columns: the reader marked the row's value a placeholder (≤****000元)
    # and placed the row off its cells, its 指标值 empty; the residue is not in the cell, so it is not reported there
    def residue(raw: str) -> list[tuple[str | None, str]]:
        document = build_document(BASE)
        sheet = document.sheets[0]
        row = sheet.indicators[3]
        target = row.target.model_copy(update={"raw": raw, "placeholder": True})
        rows = [*sheet.indicators[:3], row.model_copy(update={"target": target}), *sheet.indicators[4:]]
        document = document.model_copy(update={"sheets": [sheet.model_copy(update={"indicators": rows})]})
        return [(f.indicator, f.location.column) for f in _findings(document, "JX108")]

    assert residue("") == []
    assert residue("≥**万元/村") == [("村均综治维稳经费", "指标值")]


_IDLE_BENEFITS = [
    ["效益指标", "经济效益指标", "增加就业机会,提高农民收入。", "", "", ""],
    ["效益指标", "社会效益指标", "受益人数", "", "≥132人", ""],
    ["效益指标", "生态效益指标", "提高森林覆盖率,促进生物多样性保护。", "", "", ""],
    ["效益指标", "可持续影响指标", "显著改善项目区生态环境", "", "", ""],
]


@pytest.mark.parametrize(("cut", "reported"), [(True, False), (False, True)])
def test_the_row_a_copy_ends_on_shows_nothing_of_what_the_benefits_set(cut, reported):
    # corpus 215 with a 序号 column: the copy ends on the 可持续影响 row, kept with its value lost (P114)
    spec = {**BASE, "rows": [*BASE["rows"][:4], BASE["rows"][6], *_IDLE_BENEFITS]}
    ends = Diagnostic(code="P114", severity=Severity.INFO, template="表格在文件末尾中断", location=Location(sheet=KEY))
    document = _with(spec, diagnostics=[ends] if cut else [])
    assert [(f.location.column, f.severity.value) for f in _findings(document, "JX919")] == \
        ([("一级指标", "error")] if reported else [])


@pytest.mark.parametrize(("continuation", "reported"), [
    ({}, False),  # the heading printed again after a page break: the reader opened a sheet without title or name
    ({"name": "乡镇环境治理经费", "code": "434-4.05-JXN-HJZL"}, True),  # another project's sheet: this one is empty
])
def test_a_grid_that_goes_on_after_its_heading_is_printed_again_is_not_empty(continuation, reported):
    # corpus 016 with its heading row repeated halfway down the grid
    spec = {**BASE, "rows": []}
    after = build_sheet({"rows": BASE["rows"][:3], **continuation})
    document = _with(spec, sheets=[after])
    assert [(f.sheet, f.severity.value) for f in _findings(document, "JX102")] == \
        ([(KEY, "error")] if reported else [])


@pytest.mark.parametrize(("level2", "reported"), [("时效指标", False), ("经济成本指标", True)])
def test_a_row_naming_another_group_is_not_a_cost_row_under_a_carried_cost_level(level2, reported):
    # corpus 115 without its 一级 column: 成本指标(必填硬性指标), the 二级 of the first rows, read as their 一级 and
    # carried down to every row; a row that names its own group (时效指标) is that group's, not a cost
    rows = [["成本指标", "", "按照物价部门定价标准采购", "", "≤30万元", ""],
            ["", level2, "疫苗提供及时率", "", "100%", ""]]
    document = build_document({**BASE, "rows": [*BASE["rows"], *rows]})
    assert [f.indicator for f in _findings(document, "JX901")] == (["疫苗提供及时率"] if reported else [])


@pytest.mark.parametrize(("levels", "form"), [
    (("一、投入目标", "1.数量目标", "二、管理目标", "三、产出目标"), "pre2018-targets"),  # numbered as the form prints them
    (("投入目标", "数量目标", "管理目标", "产出目标"), "pre2018-targets"),
    (("产出指标", "数量指标", "效益指标", "社会效益指标"), "generic"),  # the standard levels name no form
])
def test_a_form_is_recognised_by_its_numbered_levels_without_its_title(levels, form):
    # corpus 037 in Traditional characters: its title (…绩效目标、评价指标与标准值表) was not read
    level1, level2, other1, other2 = levels
    sheet = build_sheet({"name": "食品药品监管事业发展专项", "rows": [
        [level1, level2, "预算完成率", "", "100%", ""], [other1, "", "财务管理规范度", "", "规范", ""],
        [other2, level2, "按时完成率", "", "100%", ""]]})
    assert recognise_form(sheet).name == form


@pytest.mark.parametrize(("cells", "reported"), [
    (("贫困地区新增特色产业数量", "≥1个", "9"), False),  # a row set aside with its value: it may be the 数量指标
    (("产出指标", "数量指标"), True),  # level names alone: no row of the group stands there
])
def test_a_group_is_not_said_missing_beside_a_row_the_reader_set_aside_with_its_figure(cells, reported):
    # corpus 178 with a 权重 column: the 数量 rows, their level cells merged away, set aside (P108) with their values
    document = _with({**BASE, "rows": BASE["rows"][2:]}, diagnostics=[_set_aside(*cells)])
    assert [(f.location.column, f.message) for f in _findings(document, "JX104")] == \
        ([("二级指标", f"项目“{KEY}”的产出指标中没有“数量指标”"), ("二级指标", f"项目“{KEY}”的产出指标中没有“质量指标”")]
         if reported else [])


@pytest.mark.parametrize(("cut", "reported"), [(True, False), (False, True)])
def test_the_row_a_copy_ends_on_is_not_said_to_lack_its_unit(cut, reported):
    # corpus 200 as TAB rows: the copy ends on 补助标准 | 15, its unit perhaps after the cut (P119 keeps the row)
    spec = {**BASE, "rows": [*BASE["rows"], ["产出指标", "成本指标", "补助标准", "", "≤15", ""]]}
    ends = Diagnostic(code="P119", severity=Severity.INFO, template="指标表在文件末尾结束", location=Location(sheet=KEY))
    document = _with(spec, diagnostics=[ends] if cut else [])
    assert [(f.indicator, f.location.column) for f in _findings(document, "JX202")] == \
        ([("补助标准", "指标值")] if reported else [])


@pytest.mark.parametrize(("target", "reported"), [
    ("≤50,000元", False),  # thousands separators, as the Sichuan budget system and Excel exports print figures
    ("≤****000元", False),  # a figure masked by the copy's publisher
    ("≤05万元", True),  # a decimal point lost
])
def test_a_figure_with_thousands_separators_is_not_garbled(target, reported):
    spec = {**BASE, "rows": [*BASE["rows"][:3], ["产出指标", "成本指标", "打井、配电", "", target, ""], *BASE["rows"][4:]]}
    found = _findings(build_document(spec), "JX925")
    assert [(f.indicator, f.location.column) for f in found] == ([("打井、配电", "指标值")] if reported else [])


@pytest.mark.parametrize(("level2", "reported"), [("", False), ("进度指标", True)])
def test_a_row_named_by_its_group_counts_for_the_group_where_its_level2_cell_was_not_read(level2, reported):
    # corpus 199 in Traditional characters: a form whose rows are the level names (數量指標 | 375萬平方米), read
    # without its 二级 column; a row whose 二级 cell says another group is that group's
    rows = [["產出指標", "", "數量指標", "", "375萬平方米", ""], ["產出指標", level2, "質量指標", "", "100%", ""],
            ["產出指標", "", "時效指標", "", "全年", ""], *BASE["rows"][4:]]
    found = _findings(build_document({**BASE, "rows": rows}), "JX104")
    assert [f.message for f in found] == ([f"项目“{KEY}”的产出指标中没有“质量指标”"] if reported else [])


@pytest.mark.parametrize(("cells", "severity"), [
    (("未完成原",), "warning"),  # a fragment the copy ends on: no row was found, the sheet is not returned for it
    (("88100",), "error"),  # figures without their names: the grid is there, its indicators are not (corpus 005)
])
def test_an_empty_grid_beside_text_set_aside_without_a_figure_is_no_return(cells, severity):
    # corpus 244 one cell a line: the copy ends in the grid's heading, its last words set aside (P108)
    document = _with({**BASE, "rows": []}, diagnostics=[_set_aside(*cells)])
    (empty,) = _findings(document, "JX102")
    assert (empty.sheet, empty.severity.value) == (KEY, severity)
    assert ("未完成原" in empty.message) is (severity == "warning")


def _doubt(code: str, row: int, sheet: str = KEY) -> Diagnostic:
    # the reader's word of doubt on one row of the grid (P102 aligned by content, P105 a 二级 cell naming no level, P111
    # guessed, P113 a cell unplaced)
    return Diagnostic(code=code, severity=Severity.WARNING, template="本行的单元格与表头的列不能一一对应",
                      location=Location(sheet=sheet, table=1, row=row))


# A weighted grid whose first row (the money table's 基层组织活动经费, read into the grid) has no weight and holds in its
# 指标值 the row's description.
_SHIFTED = [["满意度指标", "服务对象满意度指标", "基层组织活动经费", "", "包括必要的办公用品费、水电费、报刊费等村社区办公经费", "",
             "", "正向指标"], *_WEIGHTED[1:], ["产出指标", "数量指标", "行政村数量", "", "=11个", "", "10", "正向指标"]]


@pytest.mark.parametrize(("code", "doubted"), [("P102", True), ("P105", True), ("P111", True), ("P113", True), ("P154", True),
                                               ("P104", False)])
def test_a_finding_whose_premise_is_where_the_cells_stand_is_not_made_on_a_row_read_in_doubt(code, doubted):
    # corpus 003 with a 序号 column: the reader aligned the row by its content, its weight and value misplaced. The
    # blank weight (JX610) rests on where the cells stand and is not reported; the value that is no amount (JX205)
    # rests on what the cell says and stays, as a guess. A name the vocabulary does not know (P104) is no doubt.
    document = _with({**BASE, "rows": _SHIFTED}, diagnostics=[_doubt(code, 1)])
    assert [(f.indicator, f.location.column) for f in _findings(document, "JX610")] == \
        ([] if doubted else [("基层组织活动经费", "权重")])
    assert [(f.indicator, f.confidence.value) for f in _findings(document, "JX205")] == \
        [("基层组织活动经费", "guessed-layout" if doubted else "high")]


@pytest.mark.parametrize("code", ["P102", "P113"])
def test_other_findings_on_a_row_read_in_doubt_say_so_and_are_at_most_warnings(code):
    # the 数量 row's value without a unit, on a row the reader placed by content: the finding stands, as a guess
    rows = [*BASE["rows"][:1], ["产出指标", "数量指标", "矛盾纠纷排查行政村数", "", "", ""], *BASE["rows"][1:]]
    plain = _findings(_with({**BASE, "rows": rows}), "JX107")
    doubted = _findings(_with({**BASE, "rows": rows}, diagnostics=[_doubt(code, 2)]), "JX107")
    assert [(f.indicator, f.confidence.value) for f in plain] == [("矛盾纠纷排查行政村数", "high")]
    assert [(f.indicator, f.confidence.value, f.severity.value) for f in doubted] == \
        [("矛盾纠纷排查行政村数", "guessed-layout", "warning")]


@pytest.mark.parametrize(("name", "run_together"), [
    ("时效指标项目完工时限2023年12月2023年10月", True),  # 246 without separators: levels, name and values in one cell
    ("质量指标经费支出合规性较高质量指标项目验收合格率", True),  # two rows' levels and names
    ("成本指标补助标准15", True),
    ("质量指标达标率", False),  # a name that happens to begin so, with nothing run on
    ("项目完工时限2023年", False),  # no level at its start
    ("保障退休职工人数(人)=81人该指标值数据合理", True),  # 128 without separators: value and basis in the name
    ("群众满意度≥90%的村数", False),  # a threshold inside a name that goes on briefly: what it counts
])
def test_a_name_holding_its_rows_other_cells_is_a_row_run_together(name, run_together):
    # nothing on a row run together is held against the table (its blank value is in its name)
    rows = [*BASE["rows"], ["", "", name, "", "", ""]]
    found = [f for f in review_document(build_document({**BASE, "rows": rows}), load_profile()).findings
             if f.indicator == name]
    assert cells_in_name(Indicator.from_cells(name=name)) is run_together
    if run_together:
        assert found == []


@pytest.mark.parametrize(("diagnostics", "reported"), [([], True), ([_doubt("P111", 3)], False),
                                                       ([_set_aside("受益人数")], False)])
def test_a_blank_name_is_not_the_tables_where_the_reader_placed_cells_in_doubt(diagnostics, reported):
    # a wrapped name's lines, or a name split from its value, set aside or placed on another row: the row with the
    # value and no name is the reader's, not a cell the unit left blank
    rows = [*BASE["rows"], ["效益指标", "社会效益指标", "", "", "≥132人", ""]]
    found = [(f.location.row, f.location.column) for f in _findings(_with({**BASE, "rows": rows},
                                                                          diagnostics=diagnostics), "JX107")]
    assert found == ([(8, "三级指标")] if reported else [])


def test_a_weight_total_over_rows_read_in_doubt_is_a_warning():
    rows = [*_WEIGHTED, ["产出指标", "数量指标", "行政村数量", "", "=11个", "", "30", "正向指标"]]
    for diagnostics, severity in (([], "error"), ([_doubt("P102", 2)], "warning")):
        found = _findings(_with({**BASE, "rows": rows}, diagnostics=diagnostics), "JX609")
        assert [(f.location.column, f.severity.value) for f in found] == [("权重", severity)]


@pytest.mark.parametrize(("doubted", "reported"), [(None, True), (3, False)])
def test_a_figure_shared_across_categories_leaves_out_rows_read_in_doubt(doubted, reported):
    # 003's ≥95% in four categories; one of them on a row the reader placed by content may be another cell's figure
    rows = [["产出指标", "质量指标", "保障村社区正常运转", "", "≥95%", ""],
            ["效益指标", "经济效益指标", "促进农村集体经济发展", "", "≥95%", ""],
            ["效益指标", "可持续影响指标", "经济、环境等方面可持续发展", "", "≥95%", ""],
            ["满意度指标", "服务对象满意度指标", "辖区内群众满意度", "", "≥95%", ""], *BASE["rows"][:1]]
    diagnostics = [_doubt("P102", doubted)] if doubted else []
    found = _findings(_with({**BASE, "rows": rows}, diagnostics=diagnostics), "JX921")
    assert [f.location.column for f in found] == (["指标值"] if reported else [])


@pytest.mark.parametrize(("inferred", "reported"), [(False, True), (True, False)])
def test_a_deadline_after_a_year_the_reader_took_from_the_project_name_is_not_reported(inferred, reported):
    # made up: a table printing no year, named 2022年…项目: the reader takes 2022 from the name (P125), which may be the
    # year the project began, not the budget year the deadline is held against
    rows = [*BASE["rows"], ["产出指标", "时效指标", "项目完成时间", "", "2023年底", ""]]
    year = Diagnostic(code="P125", severity=Severity.INFO, template="表中未写年度，按项目名称中的“2022年”取年度",
                      location=Location(sheet=KEY))
    document = _with({**BASE, "year": 2022, "rows": rows}, diagnostics=[year] if inferred else [])
    assert [f.indicator for f in _findings(document, "JX929")] == (["项目完成时间"] if reported else [])


@pytest.mark.parametrize(("inferred_rows", "severity"), [
    ((), "error"),
    ((1, 2, 3, 4, 5, 6), "error"),  # one row placed under the header's columns: the header was read
    ((1, 2, 3, 4, 5, 6, 7), "warning"),  # every row's columns inferred: the header is not in the file
])
def test_header_fields_missing_under_a_header_inferred_from_the_rows_are_warnings(inferred_rows, severity):
    # made up: a list form whose header row (项目名称 | 年度目标 | 一级指标 …) a copy lost; the reader inferred every row's
    # columns from their content (P111 on each), and the name and goals beside them were not told apart from the rows
    document = _with({**BASE, "name": "", "goals": []}, diagnostics=[_doubt("P111", row) for row in inferred_rows])
    assert [f.severity.value for f in _findings(document, "JX106")] == [severity]
    assert [(f.location.column, f.severity.value) for f in _findings(document, "JX101")] == [("项目名称", severity)]


@pytest.mark.parametrize(("sheet_table", "notes_table", "severity"), [
    (1, None, "warning"),  # notes naming no table are from a reading of one table: they hold for its rows
    (1, 1, "warning"),
    (1, 2, "error"),  # notes on the rows of another table (a split grid numbers each part's rows from 1)
    (None, 2, "error"),  # notes naming a table do not hold for the rows of an unnumbered sheet
])
def test_a_header_is_inferred_only_where_the_notes_name_the_rows_own_table(sheet_table, notes_table, severity):
    notes = [_doubt("P111", row).model_copy(update={"location": Location(sheet=KEY, table=notes_table, row=row)})
             for row in range(1, 8)]
    document = _with({**BASE, "name": ""}, diagnostics=notes)
    document.sheets[0].table = sheet_table
    assert [(f.location.column, f.severity.value) for f in _findings(document, "JX101")] == [("项目名称", severity)]


def test_a_level_name_with_a_word_typed_twice_is_said_once_at_its_first_row():
    # corpus 229: 社会效益效益指标, which the reader understands as 社会效益指标, written on two rows of its group (a merged
    # cell): the form's text, reported once where the group starts
    rows = [*BASE["rows"][:4], ["效益指标", "社会效益效益指标", "受益农户数", "", "≥5000户", ""],
            ["效益指标", "社会效益效益指标", "带动就业人数", "", "≥20人", ""], *BASE["rows"][4:]]
    found = _findings(build_document({**BASE, "rows": rows}), "JX925")
    assert [(f.indicator, f.location.column, f.message) for f in found] == [
        ("受益农户数", "二级指标", "指标“受益农户数”的二级指标中“社会效益效益指标”把“效益”写了两遍，请对照原件改正")]
