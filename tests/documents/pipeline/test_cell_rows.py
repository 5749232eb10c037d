"""Families 1 and 2 of the corpus (../shared/corpus/README.md): one cell per line, and ``cell |`` pipe rows whose
merged cells are simply absent. Compact made-up cases of those layouts."""

from __future__ import annotations

import pytest

from jixiao.documents.pipeline import read_text


def read(text: str):
    return read_text(text.encode(), "case.txt")[0]


@pytest.mark.parametrize("text", [
    # pipe rows: the merged 产出指标 cell is absent from the 成本指标 row
    "\n".join(["一级指标 | 二级指标 | 三级指标 | 指标值 |",
               "产出指标 | 数量指标 | 新建道路 | 2公里 |",
               "成本指标 | 补助标准 | ≤120万元 |",
               "效益指标 | 社会效益指标 | 受益人数 | ≥100人 |"]),
    # one cell per line, the 一级指标 repeated on every row
    "\n".join(["一级指标", "二级指标", "三级指标", "指标值",
               "产出指标", "数量指标", "新建道路", "2公里",
               "产出指标", "成本指标", "补助标准", "≤120万元",
               "效益指标", "社会效益指标", "受益人数", "≥100人"]),
], ids=["pipe-rows", "one-cell-per-line"])
def test_cost_written_where_a_level1_stands_under_output_is_the_legacy_level2(text):
    indicators = read(text).sheets[0].indicators
    assert [(i.level1, i.level2, i.name) for i in indicators] == [
        ("产出指标", "数量指标", "新建道路"), ("产出指标", "成本指标", "补助标准"), ("效益指标", "社会效益指标", "受益人数")]


def test_cost_under_output_level2s_whose_output_cell_was_lost_is_the_legacy_level2():
    # corpus 206: the 产出指标 cell stands elsewhere (its points, (50分), on a line of its own), the rows above name
    # only their level 2 (时效指标): 成本指标 with no level 2 after it continues that 产出 group
    text = "\n".join(["一级指标 | 二级指标 | 三级指标 | 指标值 |",
                      "数量指标 | 全年免费开放 | 100% |",
                      "时效指标 | 免费开放率 | 100% |",
                      "成本指标 | 实际成本与工作内容的匹配程度 | 45万 |"])
    assert [i.level2 for i in read(text).sheets[0].indicators] == ["数量指标", "时效指标", "成本指标"]


def test_cost_followed_by_a_2021_level2_stays_a_level1():
    text = "\n".join(["一级指标 | 二级指标 | 三级指标 | 指标值 |",
                      "产出指标 | 数量指标 | 新建道路 | 2公里 |",
                      "成本指标 | 经济成本指标 | 补助标准 | ≤120万元 |"])
    indicators = read(text).sheets[0].indicators
    assert (indicators[1].level1, indicators[1].level2) == ("成本指标", "经济成本指标")


def test_a_form_without_levels_is_read_and_a_table_caption_ends_it():
    # Chongqing's 一般性项目 form: the vertical 绩效指标 label, a bare 指标 name column, no 一级/二级 levels;
    # a lone bar is an empty cell; the next table's caption (表十二) ends the grid.
    text = "\n".join([
        "项目名称 |", "乡村公路养护 |",
        "绩效指标 |", "指标 |", "指标权重 |", "计量单位 |", "指标性质 |", "指标值 |",
        "养护里程 |", "20 |", "公里 |", "≥ |", "80 |",
        "群众满意 |", "20 |", "|", "定性 |", "|",
        "表十二 |", "|", "|", "2023年项目绩效目标表 |", "项目名称 |", "村干部补助 |",
    ])
    document = read(text)
    sheet = document.sheets[0]
    assert [(i.level1, i.name, i.target.raw, i.target.operator, i.target.value, i.target.unit, i.weight)
            for i in sheet.indicators] == [
        (None, "养护里程", "80", "≥", 80, "公里", 20), (None, "群众满意", "", None, None, None, 20)]
    assert sheet.form_fields[-5:] == ["三级指标", "权重", "度量单位", "指标性质", "指标值"]


def test_a_level_name_wrapped_inside_its_cell_is_one_name():
    text = "\n\n".join(["一级指标", "二级指标", "三级", "指标", "指标值",
                        "效益指标", "经济效益", "指标", "年增粮食", "3500公斤",
                        "社会效益", "指标", "受益人数", "≥500人"])
    indicators = read(text).sheets[0].indicators
    assert [(i.level2, i.name, i.target.raw) for i in indicators] == [
        ("经济效益指标", "年增粮食", "3500公斤"), ("社会效益指标", "受益人数", "≥500人")]


def test_an_empty_level2_row_before_the_next_level2_and_rows_without_operators():
    # one cell per line: 经济效益指标 has no indicator; two rows under 数量指标 whose targets carry no operator
    text = "\n".join(["一级指标", "二级指标", "三级指标", "指标值", "绩效标准",
                      "产出指标", "数量指标", "配备车辆数", "10", "计划标准", "风炮射程", "80米", "计划标准",
                      "效益指标", "经济效益指标", "社会效益指标", "市民满意程度", "85%", "计划标准"])
    indicators = read(text).sheets[0].indicators
    assert [(i.level2, i.name, i.target.raw) for i in indicators] == [
        ("数量指标", "配备车辆数", "10"), ("数量指标", "风炮射程", "80米"), ("社会效益指标", "市民满意程度", "85%")]


def test_a_self_evaluation_form_numbering_its_rows_with_a_heading_split_over_two_lines():
    # Hebei 自评表 one cell per line (corpus 101): ``年度`` / ``指标值`` is one heading, ``指标1`` runs into the name,
    # the template's empty ``指标2`` / ``……`` rows are no indicators, a row's deviation note follows its points
    text = "\n".join(["一级指标", "二级指标", "三级指标", "年度", "指标值", "实际", "完成值", "分值", "得分",
                      "偏差原因分析及改进措施", "产出指标", "数量指标", "指标1工程资金金额", "43.2", "37.24", "10", "9",
                      "已完工,剩余3%尾款未付,且最高限价低于预算金额。提高预算准确度。", "指标2", "……", "质量指标",
                      "指标1工程完工率", "100", "100", "10", "10", "指标2工程验收合格率", "100", "100", "10", "10", "……",
                      "生态效益", "指标", "指标1", "指标2", "……"])
    sheet = read(text).sheets[0]
    assert [(i.level2, i.name, i.target.raw) for i in sheet.indicators] == [
        ("数量指标", "工程资金金额", "43.2"), ("质量指标", "工程完工率", "100"), ("质量指标", "工程验收合格率", "100")]
    assert [(item.actual_raw, item.weight, item.score) for item in sheet.evaluation.items] == [
        ("37.24", 10, 9), ("100", 10, 10), ("100", 10, 10)]


def test_a_pipe_row_running_header_fields_group_headings_their_parts_and_the_first_row_together():
    # Yunnan 自评表 (corpus 102): the merged header cells lost their rows, so one pipe row holds the goals, the
    # group headings (年度指标值 | 实际完成值 | 分值 | 得分), the headings of their parts (指标性质 | 指标值 | 度量单位)
    # and the first indicator row; ═ is the operator =, 服务对象满意度指标等 the level 2, 总分 ends the grid
    text = "\n".join([
        "| — | 年度 总体 目标 | 预期目标 | 实际完成情况 | 确保每一个学生都能享受到国家政策福利,改善学生体质 | 确保每一个学生都能享受到"
        "国家政策福利,改善学生体质 | 绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 | 一级指标 | "
        "二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 产出指标 | 数量指标 | 学生受资助人数 | ≧ | 735 | 人次 | 735 | 10 | "
        "10 |",
        "| 成本指标 | 生均补助标准达标率 | ═ | 100 | % | 100% | 10 | 10 |",
        "| 满意度指标 | 服务对象满意度指标等 | 学生满意度 | ≧ | 95 | % | 100% | 10 | 10 |",
        "| 其他需要说明事项 | 无 | 总分 | 100 | 96 | 优 |",
    ])
    sheet = read(text).sheets[0]
    assert [(i.level2, i.name, i.target.operator, i.target.value, i.target.unit) for i in sheet.indicators] == [
        ("数量指标", "学生受资助人数", "≥", 735, "人次"), ("成本指标", "生均补助标准达标率", "=", 100, "%"),
        ("服务对象满意度指标", "学生满意度", "≥", 95, "%")]
    assert [(item.actual_raw, item.weight, item.score) for item in sheet.evaluation.items] == [
        ("735", 10, 10), ("100%", 10, 10), ("100%", 10, 10)]


def test_cell_bar_lines_with_the_weight_before_the_target_and_a_compound_unit_per_person_month():
    # Anhui 自评表 as ``cell |`` lines (corpus 111): ★ core marks and (≥**元/人·月) residue in the names, the weight
    # before the target, ``元/人*月`` a unit per person and month
    text = "\n".join([
        "一级指标 |", "二级指标 |", "三级指标 |", "分值 |", "年度指标值 |", "全年实际值 |", "得分 |",
        "未完成原因及拟采取的改进措施 |", "|", "产出指标(50分) |", "质量指标 |", "★农村低保标准(≥**元/人·月) |", "5 |",
        ">=530元/人*月 |", "583元/人*月 |", "5 |", "|", "|", "|", "|",
        "农村特困人员救助供养基本生活标准(≥**元/人·月) |", "5 |", ">=570元/人*月 |", "758元/人*月 |", "5 |", "|", "|"])
    sheet = read(text).sheets[0]
    assert [(i.level2, i.name, i.target.operator, i.target.value, i.target.unit) for i in sheet.indicators] == [
        ("质量指标", "农村低保标准", "≥", 530, "元/人·月"), ("质量指标", "农村特困人员救助供养基本生活标准", "≥", 570, "元/人·月")]
    assert [(item.weight, item.actual_raw, item.score) for item in sheet.evaluation.items] == [
        (5, "583元/人*月", 5), (5, "758元/人*月", 5)]


def test_the_forms_numbering_of_a_name_one_cell_a_line_is_kept_in_the_cell_as_written():
    # corpus 034: one cell per line with blank lines between, the template's 指标1: before each name; the name is
    # read without it and the cell as written keeps it (nothing of a token is dropped)
    document = read("\n".join(["一级指标", "", "二级指标", "", "三级指标", "", "指标值", "",
                               "产出指标", "", "数量指标", "", "指标1:抽检批次", "", "≥100批次", "",
                               "指标2:科普宣传活动", "", "≥2次"]))
    assert [(i.name, i.name_raw, i.target.raw) for i in document.sheets[0].indicators] == [
        ("抽检批次", "指标1:抽检批次", "≥100批次"), ("科普宣传活动", "指标2:科普宣传活动", "≥2次")]


def test_a_level_name_run_into_the_first_part_of_a_wrapped_level_2_gets_a_line_of_its_own():
    # corpus 207: 满意度指标 | 服务对象 / 满意度指标 | … run together, the level-2 cell wrapped over two lines
    text = "\n".join(["一级指标", "二级指标", "三级指标", "指标值",
                      "产出指标", "数量指标", "新建道路", "2公里",
                      "满意度指标服务对象", "满意度指标", "群众满意度", "≥90%"])
    indicators = read(text).sheets[0].indicators
    assert [(i.level1, i.level2, i.name) for i in indicators] == [
        ("产出指标", "数量指标", "新建道路"), ("满意度指标", "服务对象满意度指标", "群众满意度")]


# corpus 125 copied one cell per line (Anhui's 自评表): breakdown rows under a ★ row print no 分值 or 得分
_BREAKDOWN = ["绩效目标自评表", "项目名称", "河西村特色种养补贴到户项目", "一级指标", "二级指标", "三级指标", "分值", "年度指标值",
              "全年实际值", "得分", "未完成原因及拟采取的改进措施", "产出指标", "数量指标",
              "★补助各类瓜果蔬菜种植面积", "20", "29.5亩", "29.5亩", "20", "其中桃树种植面积", "1.5亩", "1.5亩",
              "其中苹果树种植面积", "5亩", "5亩", "其中露天蔬菜", "20亩", "20亩", "其中大棚蔬菜", "3亩", "3亩",
              "★补助鱼塘面积", "10", "3亩", "3亩", "10", "其中鱼塘养殖面积", "3亩", "3亩", "★补助家畜家禽养殖数量", "10",
              "192只", "192只", "10", "其中羊养殖数量", "180只", "180只", "其中猪养殖数量", "12头", "12头"]


def test_a_streams_rows_without_points_open_at_their_names():
    # 36 cells under 6 columns: cut by the count, rows opened with figures (1.5亩 | 1.5亩 | 其中苹果树种植面积 …)
    sheet = read("\n".join(_BREAKDOWN)).sheets[0]
    assert [(i.name, i.target.raw) for i in sheet.indicators] == [
        ("补助各类瓜果蔬菜种植面积", "29.5亩"), ("其中桃树种植面积", "1.5亩"), ("其中苹果树种植面积", "5亩"),
        ("其中露天蔬菜", "20亩"), ("其中大棚蔬菜", "3亩"), ("补助鱼塘面积", "3亩"), ("其中鱼塘养殖面积", "3亩"),
        ("补助家畜家禽养殖数量", "192只"), ("其中羊养殖数量", "180只"), ("其中猪养殖数量", "12头")]
    assert [(item.actual_raw, item.weight, item.score) for item in sheet.evaluation.items][:3] == [
        ("29.5亩", 20, 20), ("1.5亩", None, None), ("5亩", None, None)]


def test_a_names_wrapped_end_printed_after_its_figure_rejoins_the_name():
    # corpus 216 (a PDF's text flow): the name's cell was taller than the figure's line, so its end comes after it
    document = read("\n".join(["二级指标指标内容指标值备注", "数量指标", "各种强制免率、屠宰率", "100%", "及检疫率"]))
    (indicator,) = document.sheets[0].indicators
    assert (indicator.name, indicator.target.raw) == ("各种强制免率、屠宰率及检疫率", "100%")
    assert any("“及检疫率”按形式并入" in d.message for d in document.diagnostics)


def test_a_qualitative_row_without_its_unit_cell_and_the_reports_next_section():
    # corpus 248 (Chongqing 绩效自评工作报告): one cell per line under 指标名称 | 计量单位 | 指标性质 | 指标值; a
    # 定性 row has no unit cell, so the figure before it ends the row above and is no name; the report's next
    # section, whose heading holds a bracketed word, is not the last row's target
    text = "\n".join([
        "(三)绩效目标。",
        *(f"{cell} |" for cell in ["指标名称", "计量单位", "指标性质", "指标值", "辅警人员", "人", "=", "512",
                                   "项目持续期", "定性"]),
        "基本建立 | |",
        *(f"{cell} |" for cell in ["受益对象满意度", "%", "≥", "95"]),
        "(四)部门(单位)职能职责。",
        "丰都县公安局是主管全县社会治安的县政府组成部门,有内设所队室22个,派出所17个。",
    ])
    indicators = read(text).sheets[0].indicators
    assert [(i.name, i.target.raw) for i in indicators] == [
        ("辅警人员", "512"), ("项目持续期", "基本建立"), ("受益对象满意度", "95")]


def test_a_total_stating_its_full_marks_closes_the_grid_and_claims_the_total():
    # corpus 259 (Yunnan 项目支出绩效自评表, one cell a line with bars): 总分(100分) | 100 | 自评等级 | 优 below the
    # grid is the claimed total, not an indicator named 总分(100分)
    cells = ["一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分",
             "满意度指标(10分)", "服务对象满意度指标", "重点优抚对象满意率", "100%", "100%", "10",
             "总分(100分)", "100", "自评等级", "优"]
    text = "\n".join(["2022年度项目支出绩效自评表", "项目名称", "|", "春节走访慰问经费", "|",
                      *(line for cell in cells for line in (cell, "|"))])
    sheet = read(text).sheets[0]
    assert [i.name for i in sheet.indicators] == ["重点优抚对象满意率"]
    assert sheet.evaluation.total == 100


def test_a_name_opening_with_its_target_one_cell_a_line_is_the_rows_name():
    # a self-evaluation copied one cell a line whose name quotes the target it sets (≥98%群众饮水达标): the name, then
    # that target and the same achieved, then the points; the next row opens after them (corpus 212's family)
    text = "\n".join(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "得分",
                      "产出指标", "数量指标", "新建供水管网", "≥12公里", "13公里", "20",
                      "效益指标", "可持续影响指标", "≥98%群众饮水达标", "≥98%", "≥98%", "10",
                      "满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "95%", "10"])
    sheet = read(text).sheets[0]
    assert [(i.name, i.target.raw) for i in sheet.indicators] == [
        ("新建供水管网", "≥12公里"), ("≥98%群众饮水达标", "≥98%"), ("受益群众满意度", "≥90%")]
    assert [(item.actual_raw, item.score) for item in sheet.evaluation.items][1] == ("≥98%", 10)
