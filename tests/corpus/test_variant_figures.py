"""The metamorphic figures are pinned: dev documents rewritten in another textual form must not read worse.

``variant_pins.json`` holds, per transformation of ``benchmarks/variants.py`` and ``benchmarks/header_variants.py``,
the indicators and the sheet fields (name, budget total, goals) read right in the variants of a fixed set of dev
documents (and in their originals). A change that lowers any transformation's
figure fails; one that raises it fails asking to record it:

    JIXIAO_UPDATE_PINS=1 .venv/bin/pytest tests/corpus/test_variant_figures.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from benchmarks.compound_variants import COMPOUND_TRANSFORMS, COMPOUNDS
from benchmarks.corpus_variants import dev_texts, variant_figures
from benchmarks.header_variants import HEADER_TRANSFORMS
from benchmarks.variants import TRANSFORMS, variants

PINS = Path(__file__).with_name("variant_pins.json")
# dev documents in every text layout the corpus has: pipes with merged cells dropped (102, 125, 128, 146), pipes
# whole (003, 111), one cell per line (105, 113), runs of spaces (151), single spaces (037, 170), a self-evaluation
# with its money rows (107, 134); self-evaluations whose money table, points columns and total the self-evaluation
# transformations rewrite: its rate printed (008, 169, one cell per line), its points columns full in every row (110);
# header blocks with the money unit on a line of its own (022) and pairs of labels and values over merged cells (130),
# for the header layouts; an OCR text run together with a 指标性质 column (157), whose cells OCR scrambles
DOCUMENTS = ["003", "008", "022", "037", "102", "105", "107", "110", "111", "113", "125", "128", "130", "134", "146",
             "151", "157", "169", "170"]


@pytest.fixture(scope="module")
def figures() -> dict:
    return {name: result.figures() for name, result in variant_figures(dev_texts(DOCUMENTS)).items()}


def test_variant_figures_do_not_get_worse(figures):
    if os.environ.get("JIXIAO_UPDATE_PINS") == "1" or not PINS.exists():
        PINS.write_text(json.dumps(figures, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    pinned = json.loads(PINS.read_text(encoding="utf-8"))
    worse = [f"{name} {kind}: {pinned[name][kind]} -> {now[kind]}" for name, now in figures.items() if name in pinned
             for kind in ("right", "reported", "header") if now[kind] < pinned[name].get(kind, 0)]
    assert not worse, "jixiao reads the variants worse than pinned:\n" + "\n".join(worse)
    assert figures == pinned, "the variant figures changed (better or new); record them with JIXIAO_UPDATE_PINS=1"


def test_every_transformation_applies_to_the_pinned_documents(figures):
    assert all(result["documents"] for result in figures.values()), figures


_PIPED = "\n".join(["| 一级指标 | 二级指标 | 三级指标 | 指标值 |", "| 产出指标 | 数量指标 | 建设完成的农村公路里程数 | ≥18公里 |",
                    "| 效益指标 | 社会效益指标 | 受益人数 | ≥1200人 |", "| 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% |",
                    "| 满意度指标 | 服务对象满意度指标 | 村民满意度 | ≥90% |"])
_SPACED = _PIPED.replace(" | ", "    ").replace("| ", "").replace(" |", "")
# the last row's merged level cells left empty
_MERGED = _PIPED.replace("| 满意度指标 | 服务对象满意度指标 | 村民", "|  |  | 村民")


# a self-evaluation: its money table, its grid with the points columns, its total
_SELF_EVALUATION = ("| 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
                    "| 年度资金总额 | 100 | 120 | 110 | 10 | 91.67% | 9.17 |\n"
                    "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
                    "| 产出指标 | 数量指标 | 新建道路长度 | ≥10公里 | 12公里 | 50 | 50 |\n"
                    "| 效益指标 | 社会效益指标 | 受益人数 | ≥1200人 | 1100人 | 30 | 27 |\n"
                    "| 总分 |  |  |  |  | 90 | 86.17 |")


# a 指标性质 column (定性指标, 定量指标)
_NATURES = _PIPED.replace("三级指标 | 指标值", "三级指标 | 指标性质 | 指标值").replace("数 | ≥18", "数 | 定量指标 | ≥18")


@pytest.mark.parametrize("name", list(TRANSFORMS))
def test_every_transformation_rewrites_a_table(name):
    assert any(variants(text, [name]).get(name) not in (None, text)
               for text in (_PIPED, _SPACED, _MERGED, _SELF_EVALUATION, _NATURES))


def test_the_self_evaluation_transformations_rewrite_only_their_cells():
    lines = _SELF_EVALUATION.split("\n")
    assert _variant("money_headings_renamed", _SELF_EVALUATION)[0] == (
        "| 项目资金（万元） | 年初预算 | 调整预算数 | 实际支出数 | 分值 | 预算执行率 | 得分 |")
    assert _variant("rate_as_fraction", _SELF_EVALUATION)[1] == "| 年度资金总额 | 100 | 120 | 110 | 10 | 0.9167 | 9.17 |"
    assert _variant("rate_without_percent", _SELF_EVALUATION)[1] == "| 年度资金总额 | 100 | 120 | 110 | 10 | 91.67 | 9.17 |"
    # (a target's percent in the grid is no rate of the money table)
    in_grid = _SELF_EVALUATION.replace("≥1200人", "≥90%")
    assert _variant("rate_as_fraction", in_grid)[4].endswith("| ≥90% | 1100人 | 30 | 27 |")
    swapped = _variant("score_before_weight", _SELF_EVALUATION)
    assert swapped[:2] == lines[:2] and swapped[2].endswith("| 得分 | 分值 |") and swapped[5].endswith("| 86.17 | 90 |")
    assert _variant("total_in_prose", _SELF_EVALUATION)[5] == "经自评，该项目自评得分为86.17分。"
    assert _variant("money_units_in_headings", _SELF_EVALUATION)[:2] == [
        "| 项目资金 | 年初预算数（万元） | 全年预算数（万元） | 全年执行数（万元） | 分值 | 执行率 | 得分 |", lines[1]]
    two = _variant("money_headings_two_rows", _SELF_EVALUATION)
    assert two[:2] == ["| 项目资金（万元） | 年初 | 全年 | 全年 | 分值 | 执行率 | 得分 |", "|  | 预算数 | 预算数 | 执行数 |  |  |  |"]


def test_a_total_row_after_other_closing_cells_keeps_them_and_its_grade_goes_into_the_sentence():
    text = "| 其他需要说明事项 | 无 | 总分 | 100 | 96 | 优 |"
    assert _variant("total_in_prose", text) == ["| 其他需要说明事项 | 无 |", "经自评，该项目自评得分为96分，评价等级为优。"]
    # one cell a line: the figures on the lines after the label go with it
    assert _variant("total_in_prose", "得分\n总分\n100\n96\n注：") == ["得分", "经自评，该项目自评得分为96分。", "注："]


@pytest.mark.parametrize("name", ["pipes_to_tabs", "pipes_to_spaces", "spaces_to_tabs", "spaces_to_pipes",
                                  "cell_per_line", "blank_lines"])
def test_a_layout_transformation_changes_only_the_separators(name):
    for text in (_PIPED, _SPACED):
        variant = variants(text, [name]).get(name, text)
        assert "".join(variant.split()).replace("|", "") == "".join(text.split()).replace("|", "")


def test_the_added_rows_and_columns_are_the_heading_again_a_serial_number_and_a_remark():
    assert variants(_PIPED, ["header_repeated"])["header_repeated"].split("\n")[2] == _PIPED.split("\n")[0]
    serial = variants(_PIPED, ["serial_column"])["serial_column"].split("\n")
    assert serial[0].startswith("| 序号 | 一级指标") and serial[2].startswith("| 2 | 效益指标")
    remark = variants(_SPACED, ["remark_column"])["remark_column"].split("\n")
    assert remark[0].endswith("指标值    备注") and remark[3].endswith("≥90%    无")


def test_an_added_column_stays_in_the_grid_and_on_the_heading_s_first_or_last_line():
    # a heading row a text copy broke over two lines, the grid's total and the next form below it
    text = "\n".join(["| 一级指标 | 二级指标 | 三级指标 | 指标值 |", "| 实际完成值 | 分值 | 得分 |  |",
                      "| 产出指标 | 数量指标 | 培训人次 | ≥500人次 | 520人次 | 10 | 10 |", "| 发放手册数量 | ≥1000册 | 1000册 | 10 | 10 |",
                      "| 合计 | 20 | 20 |", "| 项目名称 | 某培训项目 |"])
    serial = _variant("serial_column", text)
    assert serial[:4] == ["| 序号 | 一级指标 | 二级指标 | 三级指标 | 指标值 |", "| 实际完成值 | 分值 | 得分 |  |",
                          "| 1 | 产出指标 | 数量指标 | 培训人次 | ≥500人次 | 520人次 | 10 | 10 |",
                          "| 2 | 发放手册数量 | ≥1000册 | 1000册 | 10 | 10 |"]
    assert serial[4:] == text.split("\n")[4:]
    remark = _variant("remark_column", text)
    assert remark[:2] == ["| 一级指标 | 二级指标 | 三级指标 | 指标值 |", "| 实际完成值 | 分值 | 得分 | 备注 |"]
    assert remark[4:] == text.split("\n")[4:]


def test_the_operator_and_unit_columns_split_a_row_s_target_not_what_was_achieved():
    lines = _variant("operator_unit_columns", "\n".join(["| 三级指标 | 指标值 | 实际完成值 |", "| 兑付率 | ≥100% | ≥100% |"]))
    assert lines[1] == "| 兑付率 | ≥ | 100 | % | ≥100% |"


def _variant(name: str, text: str) -> list[str]:
    return variants(text, [name])[name].split("\n")


@pytest.mark.parametrize(("name", "heading"), [("target_heading", "目标值"), ("expected_heading", "预期目标值"),
                                               ("performance_value_heading", "绩效指标值")])
def test_a_value_heading_synonym_renames_the_whole_cell_only(name, heading):
    text = "| 三级指标 | 指标值 | 指标值确定依据 |\n| 受益人数 | ≥1200人 | 计划标准 |\n年度指标值 |"
    assert _variant(name, text) == [f"| 三级指标 | {heading} | 指标值确定依据 |", "| 受益人数 | ≥1200人 | 计划标准 |",
                                    f"{'年度目标值' if name == 'target_heading' else heading} |"]


def test_the_name_and_level_heading_synonyms():
    assert _variant("name_heading", _PIPED)[0] == "| 一级指标 | 二级指标 | 指标名称 | 指标值 |"
    assert _variant("specific_heading", _SPACED)[0] == "一级指标    二级指标    具体指标    指标值"
    assert _variant("short_level_headings", _PIPED)[0] == "| 一级 | 二级 | 三级 | 指标值 |"


def test_the_operator_and_the_unit_get_columns_of_their_own_in_every_layout():
    piped = _variant("operator_unit_columns", _PIPED)
    assert piped[:2] == ["| 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 |",
                         "| 产出指标 | 数量指标 | 建设完成的农村公路里程数 | ≥ | 18 | 公里 |"]
    # one cell a line: the target's parts one a line; a figure written without an operator stays whole
    lines = "三级指标 |\n指标值 |\n受益人数 |\n>=21933人 |\n实际人数 |\n21980人 |"
    assert _variant("operator_unit_columns", lines) == ["三级指标 |", "指标性质 |", "指标值 |", "度量单位 |", "受益人数 |",
                                                        ">= |", "21933 |", "人 |", "实际人数 |", "21980人 |"]
    # (the padding of empty cells that closes the row stays after its last part)
    assert _variant("unit_column", "指标值 |\n受益人数 |\n≥90% | |||\n实际人数 |") == [
        "指标值 |", "计量单位 |", "受益人数 |", "≥90 |", "% | |||", "实际人数 |"]
    assert _variant("unit_column", _SPACED)[1].endswith("≥18    公里")
    # no value heading to split (年度 指标值 broken by a space): no such form
    assert variants(_PIPED.replace("| 指标值 |", "| 年度 指标值 |"), ["operator_unit_columns"]) == {}


def test_the_level1_column_goes_only_where_level2_cells_stand():
    assert _variant("level1_dropped", _PIPED)[:2] == ["| 二级指标 | 三级指标 | 指标值 |",
                                                      "| 数量指标 | 建设完成的农村公路里程数 | ≥18公里 |"]
    prose = "年度绩效目标 | 产出指标 | 开展巡查8次;培训2次 |\n效益指标 | 宣传覆盖人次≥20万人次 |"
    assert variants(prose, ["level1_dropped"]) == {}
    # one cell a line, a merged cell marked by a TAB alone (the Word export of the sample): its marks would stay
    tabbed = "\t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n\t产出指标\n\t数量指标\n\t里程数\n\t≥18公里\n\t\n\t质量指标\n\t合格率\n\t≥95%"
    assert variants(tabbed, ["level1_dropped"]) == {}
    # a level-2 name with the template's note after it is a level-2 cell
    outline = "指标值\n   产出指标\n    数量指标(必填)\n     疫苗使用率\n100%"
    assert _variant("level1_dropped", outline) == ["指标值", "    数量指标(必填)", "     疫苗使用率", "100%"]


def test_the_headings_wrap_onto_a_second_row_under_their_heads():
    assert _variant("heading_two_lines", _PIPED)[:2] == ["| 一级 | 二级 | 三级 | 指标值 |", "| 指标 | 指标 | 指标 | (年度) |"]
    # a row without a leading pipe cannot open with an empty cell: it leaves it out
    # one cell a line: the tail is the cell's second line, without the TAB that opens a cell
    assert variants("\t一级指标\n\t指标值\n\t产出指标\n\t≥18公里", ["heading_two_lines"])["heading_two_lines"] == (
        "\t一级\n指标\n\t指标值\n(年度)\n\t产出指标\n\t≥18公里")
    framed = "绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 |\n产出指标 | 数量指标 | 里程数 | ≥18公里 |"
    assert _variant("heading_two_lines", framed)[:2] == ["绩效指标 | 一级 | 二级 | 三级 | 指标值 |",
                                                         "指标 | 指标 | 指标 | (年度) |"]


def test_counts_and_amounts_get_thousands_separators_years_and_codes_do_not():
    text = "2023年度 | 820001-马踏镇 |\n| 受益人数 | ≥21933人 | 3309840.00 | 2020 |"
    assert _variant("thousands_separators", text) == ["2023年度 | 820001-马踏镇 |",
                                                      "| 受益人数 | ≥21,933人 | 3,309,840.00 | 2020 |"]
    # a figure inside a name, and a rate (≥100100%: a target fused with its score), stay as written
    assert variants("| 1290.3平方米冷库建设 | ≥100100% |", ["thousands_separators"]) == {}


def test_the_weight_follows_each_rows_last_filled_cell():
    text = "三级指标 | 指标值 | ||\n受益人数 | ≥1200人 | ||\n群众满意度 | ≥90% | ||"
    assert _variant("weight_column", text) == ["三级指标 | 指标值 | 权重 |  |  |", "受益人数 | ≥1200人 | 50 |  |  |",
                                               "群众满意度 | ≥90% | 50 |  |  |"]
    # the weights sum to 100, the first row taking what does not divide; a form printing its 分值 gets no second column
    three = "\n".join(_PIPED.split("\n")[:4])
    assert [line.rsplit(" | ", 1)[-1] for line in _variant("weight_column", three)] == ["权重 |", "34 |", "33 |", "33 |"]
    assert variants(_PIPED.replace("| 指标值 |", "| 指标值 | 分值 |"), ["weight_column"]) == {}


def test_merged_level_cells_are_written_once_or_filled_down():
    assert _variant("levels_once", _PIPED)[3:] == ["| 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% |",
                                                   "|  |  | 村民满意度 | ≥90% |"]
    assert _variant("levels_once", _SPACED)[4] == "村民满意度    ≥90%"
    assert _variant("levels_repeated", _MERGED)[4] == "| 满意度指标 | 服务对象满意度指标 | 村民满意度 | ≥90% |"
    spaced = _MERGED.replace(" | ", "    ").replace("| ", "").replace(" |", "").replace("  \n", "\n")
    # (the row keeps the indentation its empty cells left)
    assert _variant("levels_repeated", spaced)[4].lstrip() == "满意度指标    服务对象满意度指标    村民满意度    ≥90%"


def test_a_long_term_value_stands_beside_the_years():
    lines = _variant("long_term_column", _PIPED)
    assert lines[:3] == ["| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 中长期指标值 |",
                         "| 产出指标 | 数量指标 | 建设完成的农村公路里程数 | ≥18公里 | ≥54公里 |",
                         "| 效益指标 | 社会效益指标 | 受益人数 | ≥1200人 | ≥3600人 |"]
    assert lines[3].endswith("| ≥90% | ≥90% |")  # (a rate is the same over the longer term)
    # a form with operator and unit columns has no value column between them
    assert variants(_PIPED.replace("| 指标值 |", "| 指标值 | 度量单位 |"), ["long_term_column"]) == {}


def test_a_long_term_set_stands_before_the_years_and_a_merged_level_leaves_both_names_alone():
    lines = _variant("long_term_set", _MERGED)
    assert lines == ["| 一级指标 | 二级指标 | 三级指标 | 指标值 | 二级指标 | 三级指标 | 指标值 |",
                     "| 产出指标 | 数量指标 | 建设完成的农村公路里程数 | ≥54公里 | 数量指标 | 建设完成的农村公路里程数 | ≥18公里 |",
                     "| 效益指标 | 社会效益指标 | 受益人数 | ≥3600人 | 社会效益指标 | 受益人数 | ≥1200人 |",
                     "| 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% | 服务对象满意度指标 | 群众满意度 | ≥90% |",
                     "| 村民满意度 | ≥90% | 村民满意度 | ≥90% |"]
    # a grid with other columns, or a row of another shape inside it, has no such form
    assert variants(_PIPED.replace("| 指标值 |", "| 指标值 | 度量单位 |"), ["long_term_set"]) == {}
    assert variants(_PIPED.replace("| 受益人数 | ≥1200人 |", "| 受益人数 | ≥ | 1200人 |"), ["long_term_set"]) == {}


# a header block above the grid, in pipe rows and one cell a line
_HEADED = "\n".join(["项目支出绩效目标表", "单位：万元", "| 项目名称 | 乡镇环境治理经费 |", "| 主管部门 | 某乡人民政府 |",
                     "| 年度资金总额 | 18.00 |", "| 年度目标 | 完成18个村的环境整治 |", _PIPED])
_HEADED_LINES = "\n".join(["项目支出绩效目标表", "单位：万元", "项目名称", "乡镇环境治理经费", "年度资金总额", "18.00",
                           "年度目标", "完成18个村的环境整治", "三级指标", "指标值", "整治村数", "≥18个"])


def _header_variant(name: str, text: str) -> list[str]:
    return variants(text, [name], HEADER_TRANSFORMS)[name].split("\n")


@pytest.mark.parametrize("name", list(HEADER_TRANSFORMS))
def test_every_header_transformation_rewrites_a_header_block_and_leaves_the_grid(name):
    variant = variants(_HEADED, [name], HEADER_TRANSFORMS)[name]
    assert variant != _HEADED and variant.endswith(_PIPED)


def test_the_header_transformations_move_labels_and_values_as_the_forms_do():
    assert _header_variant("label_synonyms", _HEADED)[2:6] == [
        "| 专项名称 | 乡镇环境治理经费 |", "| 主管部门 | 某乡人民政府 |", "| 年度金额 | 18.00 |", "| 年度绩效目标 | 完成18个村的环境整治 |"]
    assert _header_variant("label_value_one_cell", _HEADED)[2:6] == [
        "| 项目名称：乡镇环境治理经费 |", "| 主管部门 | 某乡人民政府 |", "| 年度资金总额：18.00 |", "| 年度目标：完成18个村的环境整治 |"]
    assert _header_variant("label_value_one_cell", _HEADED_LINES)[2:5] == [
        "项目名称：乡镇环境治理经费", "年度资金总额：18.00", "年度目标：完成18个村的环境整治"]
    assert _header_variant("value_below_label", _HEADED)[2:4] == ["| 项目名称 |", "| 乡镇环境治理经费 |"]
    assert _header_variant("pairs_side_by_side", _HEADED)[2:4] == [
        "| 项目名称 | 乡镇环境治理经费 | 主管部门 | 某乡人民政府 |", "| 年度资金总额 | 18.00 | 年度目标 | 完成18个村的环境整治 |"]
    assert _header_variant("label_merged_cells", _HEADED)[2] == "| 项目名称 |  | 乡镇环境治理经费 |"
    assert _header_variant("amount_unit_in_value", _HEADED)[1:5] == [
        "", "| 项目名称 | 乡镇环境治理经费 |", "| 主管部门 | 某乡人民政府 |", "| 年度资金总额 | 18.00万元 |"]
    assert _header_variant("amount_unit_in_label", _HEADED_LINES)[4:6] == ["年度资金总额(万元)", "18.00"]
    assert _header_variant("name_in_title", _HEADED)[:3] == ["乡镇环境治理经费绩效目标表", "单位：万元", "| 主管部门 | 某乡人民政府 |"]


def test_a_self_evaluations_money_table_is_no_labels_value():
    money = "\n".join(["| 项目名称 | 临时救助 |", "| 年初预算数 | 全年预算数 | 全年执行数 |", "| 年度资金总额 | 10 | 10 | 9 |", _PIPED])
    assert variants(money, ["label_value_one_cell", "value_below_label", "amount_unit_in_value"], HEADER_TRANSFORMS) == {}


def test_the_heading_row_goes_and_the_body_stays():
    assert _variant("no_heading_row", _PIPED) == _PIPED.split("\n")[1:]
    assert _variant("no_heading_row", _SPACED) == _SPACED.split("\n")[1:]
    assert variants("受益人数 | ≥1200人 |", ["no_heading_row"]) == {}  # (no heading: nothing to leave out)


def test_the_value_column_moves_before_the_name_by_the_heading_or_by_its_target():
    assert _variant("columns_reordered", _PIPED)[:2] == ["| 一级指标 | 二级指标 | 指标值 | 三级指标 |",
                                                         "| 产出指标 | 数量指标 | ≥18公里 | 建设完成的农村公路里程数 |"]
    # a spaced row that lost its merged cells swaps its target with the name before it
    spaced = _SPACED.replace("满意度指标    服务对象满意度指标    村民", "村民")
    assert _variant("columns_reordered", spaced)[4] == "≥90%    村民满意度"
    # a heading whose value does not follow the name has no such form
    assert variants(_PIPED.replace("三级指标 | 指标值", "指标值 | 三级指标"), ["columns_reordered"]) == {}


def test_the_description_column_holds_free_text_with_figures_after_the_name():
    lines = _variant("description_column", _PIPED)
    assert lines[0] == "| 一级指标 | 二级指标 | 三级指标 | 指标解释 | 指标值 |"
    assert lines[4] == "| 满意度指标 | 服务对象满意度指标 | 村民满意度 | 反映项目实施的实际完成情况，完成率100%得满分，每降低10%扣1分 | ≥90% |"
    # a row that lost its merged cells gets it as many cells from its end
    assert _variant("description_column", _MERGED)[4].startswith("|  |  | 村民满意度 | 反映项目实施")


def test_ocr_slips_one_figure_a_row_and_a_space_only_where_cells_are_not_spaced():
    assert [line.rsplit(" | ", 1)[-1] for line in _variant("ocr_confusions", _PIPED)] == [
        "指标值 |", "≥l8公里 |", "≥l200人 |", "≥9 0% |", "≥9 0% |"]
    assert [line.rsplit("    ", 1)[-1] for line in _variant("ocr_confusions", _SPACED)[1:]] == [
        "≥l8公里", "≥l200人", "≥9〇%", "≥9〇%"]
    # a decimal figure's point read as a comma; the header above the grid keeps its figures
    text = "年度资金总额 | 4753.66 |\n" + _PIPED.replace("≥18公里", "≥3.45万亩")
    assert _variant("ocr_confusions", text)[:3] == ["年度资金总额 | 4753.66 |", _PIPED.split("\n")[0],
                                                    "| 产出指标 | 数量指标 | 建设完成的农村公路里程数 | ≥3，45万亩 |"]


def test_the_nature_cells_are_scrambled_in_turn_below_the_heading_only():
    text = ("说明：指标性质填定性指标或定量指标\n| 三级指标 | 指标性质 | 指标值 |\n| 验收合格率 | 定量指标 | 100% |\n"
            "| 群众满意度 | 定量指标 | ≥90% |\n| 管理制度健全性 | 定性指标 | 健全 |\n| 定性指标完成情况 | 定性指标 | 好 |")
    lines = _variant("scrambled_natures", text)
    assert lines[0] == "说明：指标性质填定性指标或定量指标"  # (above the heading: words of a note, not cells)
    assert [line.split(" | ")[1] for line in lines[2:]] == ["量标定指", "定指量标", "标性定指", "性标定指"]
    assert lines[-1].startswith("| 定性指标完成情况 |")  # (the words inside a name stay)
    assert variants(text.replace("定性指标", "定性").replace("定量指标", "定量"), ["scrambled_natures"]) == {}


@pytest.mark.parametrize("text", [_PIPED, _SPACED, _PIPED.replace(" | ", "\t").replace("| ", "").replace(" |", "")])
def test_separators_removed_joins_each_rows_cells_and_keeps_its_line(text):
    assert _variant("separators_removed", text) == [
        "一级指标二级指标三级指标指标值", "产出指标数量指标建设完成的农村公路里程数≥18公里", "效益指标社会效益指标受益人数≥1200人",
        "满意度指标服务对象满意度指标群众满意度≥90%", "满意度指标服务对象满意度指标村民满意度≥90%"]


def test_separators_removed_leaves_the_empty_cells_out_and_one_cell_lines_alone():
    lines = _variant("separators_removed", "项目名称\n" + _MERGED)
    assert lines[0] == "项目名称" and lines[-1] == "村民满意度≥90%"


def test_pinyin_glosses_follow_the_characters_a_converter_site_glosses_in_traditional_text():
    lines = _variant("pinyin_glosses", _PIPED)
    assert lines[0] == "| 一級(jí)指標(biāo) | 二級(jí)指標(biāo) | 三級(jí)指標(biāo) | 指標(biāo)值 |"
    assert lines[2] == "| 效益指標(biāo) | 社會(huì)效益指標(biāo) | 受益人數(shù) | ≥1200人 |"


def test_the_indented_outline_shows_the_levels_by_indentation_and_the_value_at_the_margin():
    assert _variant("indented_outline", _MERGED + "\n| 合计 | 100 |") == [
        "项目", "指标值", "   产出指标", "    数量指标", "     建设完成的农村公路里程数", "≥18公里", "   效益指标", "    社会效益指标",
        "     受益人数", "≥1200人", "   满意度指标", "    服务对象满意度指标", "     群众满意度", "≥90%", "     村民满意度", "≥90%",
        "| 合计 | 100 |"]
    # the target's operator and unit columns are written with it; a wider grid (what was done, points) has no outline
    split = _variant("operator_unit_columns", _PIPED)
    assert _variant("indented_outline", "\n".join(split))[5] == "≥18公里"
    assert variants(_SELF_EVALUATION, ["indented_outline", "rows_as_prose"]) == {}


def test_rows_as_prose_say_each_level2_group_in_a_sentence_under_its_numbered_level1():
    text = _MERGED.replace("| 效益指标 | 社会效益指标 | 受益人数 | ≥1200人 |",
                           "| 效益指标 | 社会效益指标 | 受益人数 | ≥1200人 |\n|  | 时效指标 | 完成时限 | 2023年12月底前 |")
    assert _variant("rows_as_prose", text) == [
        "一、产出指标", "数量指标：建设完成的农村公路里程数≥18公里。", "二、效益指标", "社会效益指标：受益人数≥1200人。",
        "时效指标：完成时限，2023年12月底前。", "三、满意度指标", "服务对象满意度指标：群众满意度≥90%；村民满意度≥90%。"]


def test_a_compound_applies_its_steps_in_turn_and_only_where_each_applies():
    assert set(COMPOUND_TRANSFORMS) == {"+".join(steps) for steps in COMPOUNDS}
    spaced_wrapped = COMPOUND_TRANSFORMS["pipes_to_spaces+heading_two_lines"](_PIPED).split("\n")
    assert spaced_wrapped[:3] == ["一级    二级    三级    指标值", "指标    指标    指标    (年度)",
                                  "产出指标    数量指标    建设完成的农村公路里程数    ≥18公里"]
    lines = COMPOUND_TRANSFORMS["cell_per_line+traditional"](_PIPED).split("\n")
    assert lines[:5] == ["一級指標", "二級指標", "三級指標", "指標值", "產出指標"]
    # a spaced table has no pipes to turn into spaces: the compound does not apply (its second step alone would)
    assert COMPOUND_TRANSFORMS["pipes_to_spaces+heading_two_lines"](_SPACED) is None
    # OCR's slips in a row whose cells are to run together: no space, which may separate two cells there
    run = COMPOUND_TRANSFORMS["ocr_slips_unspaced+separators_removed"](_PIPED).split("\n")
    assert run[1:4] == ["产出指标数量指标建设完成的农村公路里程数≥l8公里", "效益指标社会效益指标受益人数≥l200人",
                        "满意度指标服务对象满意度指标群众满意度≥9〇%"]
