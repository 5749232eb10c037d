"""A spreadsheet's text whose line breaks were lost (an .xls/.xlsx copied onto a web page as one line of cells
joined by single spaces): its merged cells come out of order, so the headings of the grid stand among its first
rows' cells, rows are opened by the template's numbers (指标1:), a name's cell wrapped inside its cell is printed
as a cell of its own and a unit is cut from its figure. Compact cases shaped like the Shanxi 项目支出绩效自评表."""

from __future__ import annotations

from decimal import Decimal

from jixiao.documents.pipeline import read_text


def read(line: str):
    # the first line is the file's name, as the page prints it; the second holds the whole sheet
    return read_text(f"卫生服务项目绩效自评表.xlsx\n{line}\n".encode(), "case.txt")


HEADINGS_AMONG_ROWS = (
    "某县项目支出绩效自评表 (2021年度) 项目名称 基本公共卫生服务 主管部门 某县卫生健康局 实施单位 某镇卫生院 "
    "一级指标 — 开展基本公共卫生服务 年度 实际 指标值 完成值 指标1:居民健康档案建档数 38508人 二级指标 三级指标 分值 得分 "
    "37442人 3 3 指标2:发放健康教育资料 不少于12 种 14种 1 1 指标3:孕产妇访视数 214人 203人 2 1.8 "
    "指标4:传染病及突发公共卫生事件报告 率 100% 100% 2 2 质量指标 指标1:档案合格率 90% 92% 5 5")


def test_headings_printed_among_the_first_rows_cells_are_the_grids_columns():
    document, accounting = read(HEADINGS_AMONG_ROWS)
    sheet = document.sheets[0]
    # 一级指标 | 指标值 | 完成值 | 二级指标 | 三级指标 | 分值 | 得分 came out in that order: the columns are the form's
    assert sheet.form_fields[-7:] == ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "权重", "得分"]
    # (实际 | 指标值 | 完成值: the heading 实际完成值 wrapped in its cell, its first line printed before 指标值)
    assert [(i.name, i.target.raw, i.weight, i.extra.get("实际完成值"), i.extra.get("得分")) for i in sheet.indicators] == [
        ("居民健康档案建档数", "38508人", Decimal(3), "37442人", "3"),
        ("发放健康教育资料", "不少于12种", Decimal(1), "14种", "1"),
        ("孕产妇访视数", "214人", Decimal(2), "203人", "1.8"),
        ("传染病及突发公共卫生事件报告率", "100%", Decimal(2), "100%", "2"),
        ("档案合格率", "90%", Decimal(5), "92%", "5"),
    ]
    assert accounting.tokens == accounting.placed + accounting.diagnosed + accounting.chrome


def test_rows_the_template_numbers_are_indicators_before_any_level_name_is_printed():
    indicators = read(HEADINGS_AMONG_ROWS)[0].sheets[0].indicators
    # no 一级/二级 cell stands before the first 质量指标: those rows' levels are not in the text (质量指标 is 产出 in
    # every framework: its 一级指标 is implied, the cell left blank)
    assert [(i.level1, i.level1_raw, i.level2) for i in indicators] == [(None, "", None)] * 4 + [
        ("产出指标", "", "质量指标")]


def test_a_unit_cut_from_its_figure_by_a_space_joins_it():
    target = read(HEADINGS_AMONG_ROWS)[0].sheets[0].indicators[1].target
    assert (target.operator, target.value, target.unit) == ("≥", Decimal(12), "种")


def test_the_forms_vertical_label_among_the_headings_is_no_column():
    line = ("某县项目支出绩效自评表 (2020年度) 项目名称 参保资助 实施单位 某县医保中心 一级指标 二级指标 三级指标 产出指标 "
            "绩 效 指 标 指标值 完成值 分值 得分 数量指标 指标1:全县参保人数 8755 8676 15 13 "
            "质量指标 指标1:资金是否全部纳入医 保统筹 100% 100% 15 15")
    sheet = read(line)[0].sheets[0]
    assert "绩效指标" not in sheet.form_fields
    assert [(i.level1, i.level2, i.name, i.target.raw, i.weight) for i in sheet.indicators] == [
        ("产出指标", "数量指标", "全县参保人数", "8755", Decimal(15)),
        # the name wrapped inside its cell: 保统筹 is its second line, not the target
        ("产出指标", "质量指标", "资金是否全部纳入医保统筹", "100%", Decimal(15)),
    ]


def test_a_money_tables_points_before_the_grid_make_no_header():
    # 分值 | 得分 of the money table stand a few cells before 一级指标: they head no grid, the grid's own do
    line = ("某县项目支出绩效自评表 (2021年度) 项目名称 村级道路养护 全年预算数 全年执行数 分值 执行率 得分 "
            "20 20 10 100% 10 年度总体目标 完成养护 "
            "一级指标 二级指标 三级指标 指标值 完成值 分值 得分 "
            "产出指标 数量指标 养护里程 20公里 20公里 20 20")
    sheet = read(line)[0].sheets[0]
    assert [(i.name, i.target.raw, i.weight) for i in sheet.indicators] == [("养护里程", "20公里", Decimal(20))]


def test_the_years_target_heading_written_as_target_indicator_value_heads_the_target_column():
    line = ("就业补助资金绩效目标自评表 (2022年度) 转移支付(项目)名称 就业补助资金 中央主管部门 人力资源社会保障部 "
            "全年预算数(A) 全年执行数(B) 7165.32 6992.95 其中:中央财政资金 3144.00 3144.00 其他资金 1591.22 1551.84 "
            "一级指标 二级指标 数量指标 三级指标 "
            "年度目标指标值 享受社会保险补贴人员数量 4443 享受公益性岗位补贴人员数量 120")
    sheet = read(line)[0].sheets[0]
    assert [(i.level2, i.name, i.target.raw) for i in sheet.indicators] == [
        ("数量指标", "享受社会保险补贴人员数量", "4443"), ("数量指标", "享受公益性岗位补贴人员数量", "120")]


# an .xls goal table: the merged level cells and the vertical label come out before the rows, the targets mostly
# without an operator, one with it
LEVELS_BEFORE_ROWS = (
    "某市项目支出绩效目标申报表 (2023年度) 项目名称 文物保护经费 主管部门及代码 404-某市文化和旅游局 实施单位 某市文物保护中心 "
    "项目属性 一次性项目 年度目标 完成文物修缮 一级指标 二级指标 数量指标 产出指标 绩 效 指 标 三级指标 指标值 "
    "戏台修缮 1处 文物安全巡查 416处 宣传教育短信 ≥3万条 抢险维修完成率 100% 主要用于文物修缮 "
    "时效指标 产出指标 绩 效 指 标 按期完工率 100%")


def test_rows_whose_targets_are_mostly_without_operator_are_cut_at_their_names():
    sheet = read(LEVELS_BEFORE_ROWS)[0].sheets[0]
    # (the note the copy printed after the last row's target stays with that row)
    assert [(i.name, i.target.raw) for i in sheet.indicators][:3] == [
        ("戏台修缮", "1处"), ("文物安全巡查", "416处"), ("宣传教育短信", "≥3万条")]
    assert [i.name for i in sheet.indicators][3:] == ["抢险维修完成率", "按期完工率"]


def test_the_vertical_label_among_a_streams_level_cells_is_no_indicator():
    document, accounting = read(LEVELS_BEFORE_ROWS)
    assert "绩效指标" not in [i.name for i in document.sheets[0].indicators]
    assert accounting.tokens == accounting.placed + accounting.diagnosed + accounting.chrome


def test_a_unit_columns_cell_stays_with_the_value_it_measures_when_rows_are_cut_at_names():
    text = "\n".join(["一级指标", "二级指标", "三级指标", "单位", "指标值",
                      "产出指标", "数量指标", "猪肉产量稳定率", "%", "≥95%", "能繁母猪稳定率", "%", "90%",
                      "规模养殖场数量", "个", "12", "以上"])
    indicators = read_text(text.encode(), "case.txt")[0].sheets[0].indicators
    assert [(i.name, i.target.raw) for i in indicators][:2] == [("猪肉产量稳定率", "≥95%"), ("能繁母猪稳定率", "90%")]


def test_a_merged_level_cell_printed_twice_before_a_name_is_no_name():
    text = "\n".join(["一级指标", "二级指标", "三级指标", "指标值", "产出指标", "质量指标", "验收合格率", "100%",
                      "质量指标", "质量指标", "巡查覆盖率", "100%", "满意度指标", "服务对象满意度指标", "服务对象满意度指标", "≥95%"])
    document, accounting = read_text(text.encode(), "case.txt")
    assert [(i.level2, i.name, i.target.raw) for i in document.sheets[0].indicators] == [
        ("质量指标", "验收合格率", "100%"), ("质量指标", "巡查覆盖率", "100%"),
        # a level name again with a value after it is the 三级指标 named like its level
        ("服务对象满意度指标", "服务对象满意度指标", "≥95%")]
    assert accounting.tokens == accounting.placed + accounting.diagnosed + accounting.chrome


# the first row's cells around its group's merged cells, as the Shanxi 2020 form comes out (dev document 161): its
# level-2 and name, the form's vertical label, the header's 实施单位 value, the level-1 cell with its points wrapped
# over three lines, the headings (实际完成值 wrapped, its first line before 指标值), then the row's figures and its
# deviation's two lines
GROUP_LEVEL_AFTER_FIRST_ROW = (
    "某县项目支出绩效自评表 (2020年度) 项目名称 参保资助资金 主管部门 某县医疗保障局 实施单位 全年预算数 全年执行数 "
    "分值 执行率 得分 65.66 65.07 10 99% 9 一级 指标 二级指标 三级指标 数量指标 指标1:全县参保人数 绩 效 指 标 "
    "某县医疗保险服务中心 产出 指标 (50分 ) 实际 指标值 完成值 8755 分值 得分 偏差原因分析及改进措 施 8676 15 13 "
    "有新增死亡 人员,导致有偏差 质量指标 指标1:资金是否全部纳入医 保统筹 100% 100% 15 15")


def test_a_groups_level1_cell_printed_after_its_first_row_leaves_the_rows_figures_with_its_name():
    document, accounting = read(GROUP_LEVEL_AFTER_FIRST_ROW)
    # the headings among the cells are the form's columns, 实际 the first line of 实际完成值
    assert "实际完成值" in document.sheets[0].form_fields
    first, second = document.sheets[0].indicators
    assert (first.level1, first.level2, first.name, first.target.raw, first.weight) == (
        "产出指标", "数量指标", "全县参保人数", "8755", Decimal(15))
    assert first.extra == {"实际完成值": "8676", "得分": "13", "偏差原因分析及改进措施": "有新增死亡\n人员,导致有偏差"}
    assert (second.level1, second.level2, second.name, second.target.raw) == ("产出指标", "质量指标", "资金是否全部纳入医保统筹",
                                                                             "100%")
    # the name and its figures were paired across the level-1 cell: said, and no more than a guess
    found = {d.code: d.message for d in document.diagnostics}
    assert "按顺序配对" in found["P102"] and first.confidence < 0.8
    # the unit's name among the row's cells is set aside and said, never the row's target
    assert found["P113"].endswith("某县医疗保险服务中心")
    assert accounting.tokens == accounting.placed + accounting.diagnosed + accounting.chrome


def test_words_after_a_rows_points_with_no_figure_after_them_stay_that_rows_deviation():
    # the same row with another row after its deviation: the words are the deviation, the row after a row of its own
    line = GROUP_LEVEL_AFTER_FIRST_ROW.replace("质量指标 指标1:资金", "指标2:资金")
    names = [i.name for i in read(line)[0].sheets[0].indicators]
    assert names == ["全县参保人数", "资金是否全部纳入医保统筹"]
