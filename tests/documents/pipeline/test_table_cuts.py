"""Where a text copy stops inside an indicator table: the row cut is left out, a whole row before the cut is not
(corpus 215: the file stops on the 满意度指标 cell after a 可持续影响 row that gives only its wording)."""

from __future__ import annotations

from jixiao.documents.pipeline import read_text

HEAD = ("项目名称 | 水源涵养林建设项目 |", "一级指标 | 二级指标 | 三级指标 | 指标值 |",
        "产出指标 | 数量指标 | 营造林面积 | 80000亩 |")
WORDED = "效益指标 | 可持续影响指标 | 提高森林生态系统服务功能,显著改善生态环境。 | |"


def read(*lines: str):
    return read_text("\n".join(lines).encode(), "case.txt")[0]


def test_a_file_stopping_on_a_level_name_keeps_the_whole_row_above_it():
    document = read(*HEAD, WORDED, "满意度指标")
    names = [indicator.name for indicator in document.sheets[0].indicators]
    assert names == ["营造林面积", "提高森林生态系统服务功能,显著改善生态环境。"]
    codes = {d.code for d in document.diagnostics}
    assert "P120" not in codes and "P119" in codes  # (the rows under 满意度指标 are missing, none was cut)


def test_a_row_stopping_before_its_target_is_still_left_out():
    document = read(*HEAD, "效益指标 | 可持续影响指标 | 提高森林生态系统服务功能")
    assert [indicator.name for indicator in document.sheets[0].indicators] == ["营造林面积"]
    assert "P120" in {d.code for d in document.diagnostics}


# A self-evaluation copied as spaced text whose copy stops inside its last row (corpus 144, 238): the rows above go
# on to their 分值 and 得分, so the last one is cut, whatever of it was read.
SELF_EVALUATION = (
    "项目名称:禁毒宣传经费",
    "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分",
    "产出指标 数量指标 禁毒舞台剧宣传的场次 ≥1场 1场 12 12",
    "毛发检查试剂数量 ≥2400份 3200份 12 12",
)


def _names(document) -> list[str]:
    return [indicator.name for sheet in document.sheets for indicator in sheet.indicators]


def test_a_last_row_printing_fewer_cells_than_every_scored_row_above_is_cut():
    document = read(*SELF_EVALUATION, "质量指标 经费支出合规性 严格执行相关财经法规制度 严格执行相关财经法")
    assert _names(document) == ["禁毒舞台剧宣传的场次", "毛发检查试剂数量"]
    [cut] = [d for d in document.diagnostics if d.code == "P120"]
    assert cut.location.line == 5 and "经费支出合规性" in cut.message


def test_a_whole_last_row_of_a_cut_copy_stays():
    document = read(*SELF_EVALUATION, "质量指标 经费支出合规性 严格执行相关财经法规制度 严格执行 12 12")
    assert _names(document)[-1] == "经费支出合规性"
    assert "P120" not in {d.code for d in document.diagnostics}


def test_a_row_with_fewer_cells_before_the_end_of_the_file_stays():
    document = read(*SELF_EVALUATION, "尿检试剂数量 ≥100份 12 12", "质量指标 经费支出合规性 严格执行 严格执行 12 12")
    assert _names(document) == ["禁毒舞台剧宣传的场次", "毛发检查试剂数量", "尿检试剂数量", "经费支出合规性"]


def test_a_goal_tables_last_row_leaving_a_cell_blank_stays():
    # no score printed above it: the blank 权重 is the preparer's to answer for, not the copy's cut
    document = read("项目名称:禁毒宣传经费", "一级指标 二级指标 三级指标 指标值 权重",
                    "产出指标 数量指标 禁毒舞台剧宣传的场次 ≥1场 10", "毛发检查试剂数量 ≥2400份 10",
                    "质量指标 经费支出合规性 严格执行相关财经法规制度")
    assert _names(document)[-1] == "经费支出合规性"


def test_the_forms_execution_row_stopping_after_its_name_is_cut():
    # corpus 112: the Hebei form's 预算执行率 row closes the grid; the copy stops on its two label cells
    document = read(
        "项目名称: 19名百岁老人高龄津贴",
        "一级指标 二级指标 三级指标 指标解释 符号 指标值 单位 实际完成值 完成情况 单项得分 权重 折算得分",
        "产出指标 质量指标 符合条件申报对象覆盖率 享受补贴人数占申报对象总数的比例 >= 98 % 100% 完成 25.00 25.00 6.25",
        "时效指标 完成率 按要求每月及时完成审批的比例 >= 99 % 100% 完成 25.00 25.00 6.25",
        "效果指标 社会效益指标 补贴发放率 高龄补贴发放完成率 >= 75 % 100% 完成 30.00 30.00 9.00",
        "预算执行率 预算执行率")
    assert "预算执行率" not in _names(document) and len(_names(document)) == 3
    assert "P120" in {d.code for d in document.diagnostics}


def test_a_last_row_stopping_on_a_bare_figure_where_the_rows_above_write_units_is_cut():
    # corpus 168: 验收合格率 | 1 is the start of its 100%
    document = read("项目名称:精准康复服务", "一级指标 二级指标 三级指标 指标值",
                    "产出指标 数量指标 签约康复人数 ≥18000人", "涉及乡镇街数量 =22个", "发放辅助器具人数 ≥4000人",
                    "质量指标 验收合格率 1")
    assert _names(document) == ["签约康复人数", "涉及乡镇街数量", "发放辅助器具人数"]
    assert "P120" in {d.code for d in document.diagnostics}


def test_a_reports_sentence_cut_inside_what_an_item_achieved_leaves_the_item_out():
    # corpus 189: …实际完成飞行小时数/计划小时数≥80%,实际完 (the file ends inside the figure achieved)
    document = read(
        "2022年森林航空消防租机经费绩效自评报告", "", "4.绩效指标完成情况分析。", "", "(1)产出指标。", "",
        "数量指标:布防飞机数量≥6架,实际布防6架;飞机飞行时长≥928小时,实际飞行时长909.93小时。", "",
        "质量指标:实际完成飞行小时数/计划小时数≥80%,实际完")
    assert _names(document) == ["布防飞机数量", "飞机飞行时长"]
    assert "P120" in {d.code for d in document.diagnostics}


# A self-evaluation whose copy stops on its last row's target, before the 实际完成值 every row above prints: in a TAB
# copy, a pipe copy whose row was closed again, or one cell a line (corpus 212, 162), the row is cut.
_GRID = ("项目名称:农村饮水安全巩固提升", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分")
_ROWS = (("产出指标", "数量指标", "新建集中供水工程", "≥12处", "14处", "20", "20"),
         ("", "质量指标", "水质检测合格率", "≥95%", "97%", "20", "20"))
_CUT = ("效益指标", "社会效益指标", "受益群众饮水条件", "明显改善")


def _tabbed(*rows: tuple[str, ...]) -> list[str]:
    return ["\t".join(row) for row in rows]


def test_a_tab_copy_stopping_on_the_last_rows_target_leaves_the_row_out():
    document = read(_GRID[0], *_tabbed(_GRID[1:], *_ROWS, _CUT))
    assert _names(document) == ["新建集中供水工程", "水质检测合格率"]
    [cut] = [d for d in document.diagnostics if d.code == "P120"]
    assert "受益群众饮水条件" in cut.message


def test_a_closed_pipe_row_stopping_on_its_target_at_the_end_of_the_file_is_cut():
    document = read(_GRID[0], *("| " + " | ".join(row) + " |" for row in (_GRID[1:], *_ROWS, _CUT)))
    assert _names(document) == ["新建集中供水工程", "水质检测合格率"]
    assert "P120" in {d.code for d in document.diagnostics}


def test_a_one_cell_a_line_copy_stopping_on_the_last_rows_target_leaves_the_row_out():
    document = read(_GRID[0], *(cell for row in (_GRID[1:], *_ROWS, _CUT) for cell in row if cell))
    assert _names(document) == ["新建集中供水工程", "水质检测合格率"]
    assert "P120" in {d.code for d in document.diagnostics}


def test_a_last_row_leaving_its_actual_blank_before_the_total_stays():
    # the table goes on to its total: the blank 实际完成值 is the unit's, for the audit to report
    document = read(_GRID[0], *_tabbed(_GRID[1:], *_ROWS, _CUT, ("总分", "", "", "", "", "100", "90")))
    assert _names(document)[-1] == "受益群众饮水条件"
    assert "P120" not in {d.code for d in document.diagnostics}


def test_a_goal_tables_tab_row_ending_on_its_target_stays():
    # no 实际完成值 column: the target is all a goal table's row prints
    document = read("项目名称:农村饮水安全巩固提升", "一级指标\t二级指标\t三级指标\t指标值",
                    "产出指标\t数量指标\t新建集中供水工程\t≥12处", "效益指标\t社会效益指标\t受益群众饮水条件\t明显改善")
    assert _names(document)[-1] == "受益群众饮水条件"


def test_a_tab_copy_stopping_on_a_figure_that_could_be_two_is_cut_not_split():
    # 100 is no target of 10 and an actual of 0 run together: with no points after them, only figures of one size are
    document = read(_GRID[0], *_tabbed(_GRID[1:5] + _GRID[5:6], ("产出指标", "数量指标", "救助人次", "≥5000人次", "11040"),
                                       ("", "质量指标", "救助合规率", "100")))
    assert _names(document) == ["救助人次"]
    assert "P120" in {d.code for d in document.diagnostics}


def test_a_tab_rows_last_row_printing_fewer_cells_than_every_scored_row_above_is_cut():
    # a TAB copy drops a row's trailing empty cells as spaced text does: no closing bar says the row was whole
    rows = ["\t".join(line.replace(":", " ").split(" ")) if index else line for index, line in enumerate(SELF_EVALUATION)]
    document = read(*rows, "质量指标\t经费支出合规性\t严格执行相关财经法规制度\t严格执行相关财经法")
    assert _names(document) == ["禁毒舞台剧宣传的场次", "毛发检查试剂数量"]
    assert "P120" in {d.code for d in document.diagnostics}
