"""Family 10 of the corpus (../shared/corpus/README.md): self-evaluation and monitoring tables, whose printed
figures (年初预算数, 执行数, 执行率, 分值, 得分, 实际完成值, the claimed total) go to the sheet's records, the input of
the audit of self-evaluations. Compact made-up cases."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.documents.pipeline import read_text


def read(text: str):
    return read_text(text.encode(), "case.txt")[0]


def test_a_section_points_figure_where_the_score_heading_stands_heads_the_score_column():
    # one cell per line: the heading row ends with the section's points (50) where 得分 would stand
    text = "\n\n".join(["某项目绩效自评表", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成指标值", "50",
                        "产出指标", "质量指标", "指标1:人员培训", "已完成", "已完成", "5",
                        "指标2:案件查办率", "100%", "98%", "4"])
    sheet = read(text).sheets[0]
    assert [(i.name, i.target.raw) for i in sheet.indicators] == [("人员培训", "已完成"), ("案件查办率", "100%")]
    assert [(item.actual_raw, item.score) for item in sheet.evaluation.items] == [
        ("已完成", Decimal(5)), ("98%", Decimal(4))]


_GRID = ["一级指标 |", "二级指标 |", "三级指标 |", "指标值 |", "完成值 |", "权重 |", "得分 |",
         "产出指标 |", "数量指标 |", "发放覆盖率 |", "100% |", "100% |", "60 |", "60 |"]


def test_money_figures_running_on_after_their_headings_in_one_cell_per_line():
    # Sichuan's form as one cell per line: the figures row (总额 …) follows the headings with no row boundary,
    # its 得分 cell empty and a note after the figures
    text = "\n".join(["部门预算项目支出绩效自评表(2023年度) |", "项目名称 |", "工资性支出 |",
                      "年度预算数(万元) |", "年初预算 |", "调整后预算数 |", "预算执行数 |", "预算执行率 |", "权重 |",
                      "得分 |", "原因 |", "总额 |", "238.93 |", "251.89 |", "251.89 |", "100.00% |", "10 |", "|",
                      "1.预算执行率未达到90%的需说明原因 |", *_GRID])
    evaluation = read(text).sheets[0].evaluation
    assert (evaluation.budget_initial, evaluation.budget_full, evaluation.spent, evaluation.execution_rate,
            evaluation.execution_weight, evaluation.execution_score) == (
        Decimal("238.93"), Decimal("251.89"), Decimal("251.89"), Decimal("100.00"), Decimal(10), None)


def test_money_headings_with_formula_notes_and_a_note_after_the_figures():
    text = "\n".join([
        "绩效目标自评表",
        "| 资金情况(万元) | 全年预算数(A) | 全年执行数(B) | 分值 | 执行率(B/A) | 得分 | 原因 |",
        "| 年度资金总额: | 9.48 | 9.00 | 10 | 94.9% | 9 | 部分资金未拨付 |",
        "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 全年实际值 | 分值 | 得分 |",
        "| 产出指标 | 数量指标 | 补助种植面积 | 29.5亩 | 29.5亩 | 20 | 20 |",
    ])
    evaluation = read(text).sheets[0].evaluation
    assert (evaluation.budget_full, evaluation.spent, evaluation.execution_rate, evaluation.execution_score) == (
        Decimal("9.48"), Decimal("9.00"), Decimal("94.9"), Decimal(9))


def test_levels_with_their_points_and_the_templates_ellipsis_row():
    text = "\n".join([
        "绩效目标自评表",
        "| 一级指标 | 二级指标 | 三级指标 | 分值 | 年度指标值 | 全年实际值 | 得分 |",
        "| 产 出 指 标 (50分) | 数量指标 | 补助种植面积 | 20 | 29.5亩 | 29.5亩 | 20 |",
        "| …… |",
        "| 效 益 指 标 (30分) | 社会效益指标 | 受益人口数量 | 10 | 90人 | 90人 | 10 |",
    ])
    document = read(text)
    sheet = document.sheets[0]
    assert [(i.level1, i.level2, i.name) for i in sheet.indicators] == [
        ("产出指标", "数量指标", "补助种植面积"), ("效益指标", "社会效益指标", "受益人口数量")]
    assert [item.actual_raw for item in sheet.evaluation.items] == ["29.5亩", "90人"]
    (ellipsis,) = [d for d in document.diagnostics if d.code == "P108"]
    assert ellipsis.location.line == 4


def test_money_figures_whose_row_label_is_merged_away():
    text = "\n".join([
        "项目绩效自评表",
        "| 债券资金管理指标(10分) | 总体支出进度 | 实际支出金额 | 下达额度 | 实际完成值 | 分值 | 得分 |",
        "| 1,437 | 1,500 | 95.8% | 10 | 9 |",
        "| 一级指标 | 二级指标 | 三级指标 | 目标值 | 实际完成值 | 分值 | 得分 |",
        "| 产出指标 | 数量指标 | 改造小区 | 12个 | 12个 | 10 | 10 |",
    ])
    evaluation = read(text).sheets[0].evaluation
    assert (evaluation.spent, evaluation.budget_full) == (Decimal(1437), Decimal(1500))


def test_a_sub_row_whose_points_cells_are_merged_above_keeps_its_actual():
    # the 其中 rows share the 分值 and 得分 cells of the ★ row above (merged, so absent from their pipe rows)
    text = "\n".join([
        "绩效目标自评表",
        "| 一级指标 | 二级指标 | 三级指标 | 分值 | 年度指标值 | 全年实际值 | 得分 | 未完成原因 |",
        "| 产出指标 | 数量指标 | ★补助种植面积 | 20 | 29.5亩 | 29.5亩 | 20 |",
        "| 其中桃树种植面积 | 1.5亩 | 1.4亩 |",
    ])
    sheet = read(text).sheets[0]
    assert [(i.name, i.target.raw, i.weight) for i in sheet.indicators] == [
        ("补助种植面积", "29.5亩", 20), ("其中桃树种植面积", "1.5亩", None)]
    assert [(item.actual_raw, item.score) for item in sheet.evaluation.items] == [
        ("29.5亩", Decimal(20)), ("1.4亩", None)]


def test_the_pre_2018_evaluation_form_with_section_rows_and_bars_on_lines_of_their_own():
    # 绩效目标、评价指标与标准值: a goal (目标名称, 目标值, 目标完成值) measured by an indicator (评价指标, 标准值,
    # 评价指标值); levels are section rows (一、投入目标 and empty cells); each cell is followed by a bar on a line
    # of its own, so two bars in a row enclose an empty cell
    cells = ["目标名称", "目标值", "评价指标", "标准值", "目标完成值", "评价指标值", "权重分值", "评分规则", "得分",
             "一、投入目标", *[""] * 8,
             "1.预算投入资金", "6475", "预算完成率", "100%", "6475", "100%", "1", "超出正负10%不得分", "1",
             "二、管理目标", *[""] * 8,
             "1.资金管理情况", "专账核算", "资金管理要求", "", "专账核算", "符合", "2", "查阅资料", "2",
             "三、产出目标", *[""] * 8,
             "建档数", "9400份", "建档率=建档人数/常住居民数*100%", "≥75%", "10244", "81.74%", "5",
             "根据评价指标得分,≥70%得3分,<65%不得分", "5"]
    text = "\n".join(line for cell in cells for line in ([cell, "|"] if cell else ["|"]))
    sheet = read(text).sheets[0]
    assert [(i.name, i.target.raw, i.extra.get("目标名称")) for i in sheet.indicators] == [
        ("预算完成率", "100%", "1.预算投入资金"), ("资金管理要求", "", "1.资金管理情况"), ("建档率", "≥75%", "建档数")]
    assert sheet.indicators[2].description == "建档人数/常住居民数*100%"
    assert [(item.actual_raw, item.weight, item.score) for item in sheet.evaluation.items] == [
        ("100%", 1, 1), ("符合", 2, 2), ("81.74%", 5, 5)]


def test_group_headings_above_the_headings_of_their_parts_and_traditional_money_headings():
    text = "\n".join([
        "| 2020年度項目支出績效自評表 |",
        "| 年初預算數 | 全年預算數 | 全年執行數 | 分值 | 執行率 | 得分 |",
        "| 年度資金總額 | 7.29 | 7.29 | 7.00 | 10.00 | 96% | 9.60 |",
        "| 績效指標 | 年度指標值 | 實際完成值 | 分值 | 得分 | 偏差原因分析及改進措施 |",
        "|",
        "一級 指標 |",
        "二級指標 | 三級指標 | 指標性質 | 指標值 | 度量單位 |",
        "| 產出指標 | 數量指標 | 補助經費 | ﹦ | 72890 | 元 | 72890 | 10.00 | 9.00 |",
        "| 質量指標 | 驗收合格率 | ≥ | 100 | % | 100 | 20 | 19 |",
    ])
    sheet = read(text).sheets[0]
    assert [(i.level1, i.level2, i.name, i.target.operator, i.target.value, i.target.unit) for i in sheet.indicators] == [
        ("产出指标", "数量指标", "補助經費", "=", 72890, "元"), ("产出指标", "质量指标", "驗收合格率", "≥", 100, "%")]
    evaluation = sheet.evaluation
    assert (evaluation.budget_initial, evaluation.spent, evaluation.execution_rate) == (
        Decimal("7.29"), Decimal("7.00"), Decimal(96))
    assert [(item.actual_raw, item.weight, item.score) for item in evaluation.items] == [
        ("72890", 10, 9), ("100", 20, 19)]


def test_a_pipe_row_whose_actual_looks_like_its_target_stays_one_row():
    text = "\n".join([
        "项目绩效自评表",
        "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |",
        "| 效益指标 | 社会效益指标 | 受益人数 | ≥500人 | 520人 | 10 | 10 |",
        "| 经济效益 指标 | 奖补资金兑付率(%) | ≥100% | ≥100% | 10.8 | 10.8 |",
    ])
    sheet = read(text).sheets[0]
    assert [(i.name, i.target.raw) for i in sheet.indicators] == [("受益人数", "≥500人"), ("奖补资金兑付率(%)", "≥100%")]
    assert [(item.actual_raw, item.weight, item.score) for item in sheet.evaluation.items][1] == (
        "≥100%", Decimal("10.8"), Decimal("10.8"))


def test_the_spent_figure_labelled_in_the_header_block_one_cell_per_line():
    text = "\n\n".join(["食品监管补助资金区域绩效目标自评表", "专项名称", "食品监管补助资金", "预算执行情况",
                        "预算数:", "2.38", "执行数:", "2.30", "一级指标", "二级指标", "三级指标", "年度指标值",
                        "实际完成指标值", "产出指标", "质量指标", "人员培训", "已完成", "已完成"])
    sheet = read(text).sheets[0]
    assert (sheet.budget.total, sheet.evaluation.spent) == (Decimal("2.38"), Decimal("2.30"))


_ONE_GRID = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
             "产出指标", "数量指标", "补助村数", "≥8个", "8", "50", "50"]


def test_money_headings_broken_over_lines_and_a_figure_per_heading_in_one_cell_per_line():
    # Hebei and Anhui forms copied one cell per line: 年初 / 预算数 are one heading, and the 年度资金总额 row takes
    # a figure under each of the six headings (not one amount, as a 预算数 label does)
    text = "\n".join(["项目支出绩效自评表", "项目名称", "暖通改造经费", "项目资金", "(万元)", "年初", "预算数", "全年",
                      "预算数", "全年", "执行数", "分值", "执行率", "得分", "年度资金总额", "43.2", "43.2", "37.24",
                      "10", "86%", "9", "其中:当年财政拨款", "43.2", "43.2", "37.24", "其他资金", *_ONE_GRID])
    sheet = read(text).sheets[0]
    evaluation = sheet.evaluation
    assert (evaluation.budget_initial, evaluation.budget_full, evaluation.spent, evaluation.execution_weight,
            evaluation.execution_rate, evaluation.execution_score) == (
        Decimal("43.2"), Decimal("43.2"), Decimal("37.24"), Decimal(10), Decimal(86), Decimal(9))
    assert [i.name for i in sheet.indicators] == ["补助村数"]


def test_money_headings_on_lines_of_their_own_between_row_breaks():
    # Anhui's form with a bar after each cell: the headings row opens with a heading, not with a label
    cells = [["资金情况(万元)", "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分"],
             ["年度资金总额:", "30", "30", "10", "100%", "10"], ["其他资金"]]
    text = "\n\n".join(["绩效目标自评表 (2019年度) |", "项目名称 |\n临时救助 |",
                        *["\n".join(f"{cell} |" for cell in row) for row in cells],
                        "\n".join(f"{cell} |" for cell in _ONE_GRID)])
    evaluation = read(text).sheets[0].evaluation
    assert (evaluation.budget_full, evaluation.spent, evaluation.execution_rate, evaluation.execution_score) == (
        Decimal(30), Decimal(30), Decimal(100), Decimal(10))


def test_a_total_row_left_at_zero_takes_the_sum_of_its_parts():
    # Anhui (Chizhou) exports: 年度资金总额 prints 0 0 0 10 0 0 while 其中:本年财政拨款 and 其他资金 are filled
    text = "\n".join([
        "项目支出绩效自评表",
        "| 项目名称 | 村级运转经费 |",
        "| 项目资金(万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |",
        "| 年度资金总额: | 0 | 0 | 0 | 10 | 0 | 0 |",
        "| 其中:本年财政拨款 | 200 | 180 | 130.5 |",
        "| 其他资金 | 2.64 | 2.64 | 2.412 |",
        "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |",
        "| 产出指标 | 数量指标 | 补助村数 | ≥8个 | 8 | 50 | 50 |",
    ])
    sheet = read(text).sheets[0]
    evaluation = sheet.evaluation
    assert (evaluation.budget_initial, evaluation.budget_full, evaluation.spent) == (
        Decimal("202.64"), Decimal("182.64"), Decimal("132.912"))
    assert (evaluation.execution_weight, evaluation.execution_rate) == (Decimal(10), Decimal(0))  # as printed
    assert sheet.budget.total == Decimal("182.64")  # the sheet's budget is the year's full one, the rate's base


@pytest.mark.parametrize("money, amount", [
    # Sichuan's 转移支付 form: 转移支付预算数(A) | 5.8万 | 预算执行率(B/A) | 100%, then 转移支付执行数(B) | 5.8万
    (["| 转移支付预算数(A) | 5.8万 | 预算执行率(B/A) | 100% |", "| 转移支付执行数(B) | 5.8万 |"], "5.8"),
    # corpus 162: 预算执行率(B/A×100%), amounts written with 万
    (["资金投入情况(万元) | 全年预算数(A) | 全年执行数(B) | 预算执行率(B/A×100%) | ||||",
      "年度资金总额: | 3359.62万 | 3359.62万 | 100% | ||||"], "3359.62"),
])
def test_money_headings_as_pipe_rows(money, amount):
    text = "\n".join(["转移支付绩效自评表", *money,
                      "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 |",
                      "| 产出指标 | 数量指标 | 抽检批次 | ≥148批次 | 148批次 |"])
    evaluation = read(text).sheets[0].evaluation
    assert (evaluation.budget_full, evaluation.spent, evaluation.execution_rate) == (
        Decimal(amount), Decimal(amount), Decimal(100))


@pytest.mark.parametrize("money", [
    # the Sichuan 转移支付 form's money table (corpus 036) laid out in columns, the year's column first
    ["| 年度 | 转移支付预算数(A) | 转移支付执行数(B) | 预算执行率(B/A) |", "| 2021 | 5.8 | 5.8 | 100% |"],
    # the row's own label before the year's column (corpus 162's 资金投入情况(万元))
    ["| 资金投入情况(万元) | 年度 | 全年预算数(A) | 全年执行数(B) | 预算执行率(B/A×100%) |",
     "| 年度资金总额: | 2021 | 5.8 | 5.8 | 100% |"],
])
def test_a_money_tables_year_column_before_its_amounts_holds_no_amount(money):
    text = "\n".join(["转移支付绩效自评表", *money,
                      "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 |",
                      "| 产出指标 | 数量指标 | 抽检批次 | ≥148批次 | 148批次 |"])
    document = read(text)
    evaluation = document.sheets[0].evaluation
    assert (evaluation.budget_full, evaluation.spent, evaluation.execution_rate) == (
        Decimal("5.8"), Decimal("5.8"), Decimal(100))
    assert not [said.code for said in document.diagnostics if said.code in ("P148", "P158")]


def test_a_figures_row_short_of_a_cell_is_aligned_on_its_rate():
    # Yunnan: the 全年执行数 cell is empty and left out of the pipe row; the rate and the points keep their headings
    text = "\n".join([
        "项目支出绩效自评表",
        "| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | 年度资金总额 |",
        "| 387664.62 | 387664.62 | 10 | 100% | 10 |",
        "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |",
        "| 产出指标 | 质量指标 | 营养改善计划覆盖率 | ≥100% | 100% | 10 | 10 |",
        "| 其他需要说明事项 | 无 | 总分 | 100 | 96 | 优 |",
    ])
    evaluation = read(text).sheets[0].evaluation
    assert (evaluation.budget_initial, evaluation.budget_full, evaluation.spent, evaluation.execution_weight,
            evaluation.execution_rate, evaluation.execution_score) == (
        Decimal("387664.62"), Decimal("387664.62"), None, Decimal(10), Decimal(100), Decimal(10))
    # the claimed total and grade stand after another trailer in the last row, which is no indicator
    assert (evaluation.total, evaluation.grade, len(evaluation.items)) == (Decimal(96), "优", 1)


def test_the_money_tables_reason_cell_is_kept_as_printed():
    text = "\n".join([
        "绩效目标自评表",
        "| 资金情况(万元) | 年初预算数 | 全年预算数 | 全年执行数 | 执行率 | 原因 |",
        "| 年度资金总额: | 20 | 24 | 24 | 100% | 追加设备采购资金4万元 |",
        "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 得分 |",
        "| 产出指标 | 数量指标 | 采购设备 | 4台 | 4台 | 50 |",
    ])
    assert read(text).sheets[0].evaluation.budget_note == "追加设备采购资金4万元"


@pytest.mark.parametrize("heading", ["1-6月执行数", "１-６月执行数", "１－６月執行數"])
def test_a_monitoring_period_named_only_by_the_spending_heading(heading):
    # Hubei 监控表 whose title names no period: the 1-6月执行数 heading does, full-width or Traditional as a copy
    # prints it too
    text = "\n".join([
        "黄石市项目支出绩效监控表 (申遗) |",
        "项目名称 | 申遗经费 |",
        f"项目资金 (万元) | 年初预算数 | {heading} | 全年预计执行数 |",
        "年度资金总额: | 220 | 87.57 |",
        "一级指标 | 二级指标 | 指标名称 | 指标值 | 执行情况 | 完成目标可能性 |",
        "产出指标 | 数量指标 | 申报材料 | 1套 | 编制中 | 确定能 |",
    ])
    monitoring = read(text).sheets[0].monitoring
    assert (monitoring.months, monitoring.budget, monitoring.spent, monitoring.projected_spent) == (
        6, Decimal(220), Decimal("87.57"), None)


def test_a_stream_heading_broken_over_two_lines_is_one_column():
    # Hebei 自评表 one cell per line: 年度 / 指标值 is the 年度指标值 column (年度 alone is a header-block label),
    # and the columns after it (实际完成值, 分值, 得分) stay in the header
    text = "\n".join(["项目支出绩效自评表", "一级指标", "二级指标", "三级指标", "年度", "指标值", "实际完成值", "分值", "得分",
                      "偏差原因分析及改进措施", "产出指标", "数量指标", "工程资金金额", "43.2", "37.24", "10", "9",
                      "剩余3%尾款未付", "质量指标", "工程完工率", "100", "100", "10", "10"])
    sheet = read(text).sheets[0]
    assert [(i.name, i.target.raw) for i in sheet.indicators] == [("工程资金金额", "43.2"), ("工程完工率", "100")]
    assert [(item.actual_raw, item.weight, item.score, item.deviation) for item in sheet.evaluation.items] == [
        ("37.24", Decimal(10), Decimal(9), "剩余3%尾款未付"), ("100", Decimal(10), Decimal(10), None)]


def test_a_pipe_row_holding_the_header_fused_with_the_rows_around_it():
    # Yunnan's 自评表 copied from a web page that lost the row breaks: the goals, the two header rows (the groups,
    # then the parts of 年度指标值 after the levels) and the first indicator row are one pipe row
    text = "\n".join([
        "项目支出绩效自评表",
        "| 年度总体目标 | 预期目标 | 实际完成情况 | 改善学生体质 | 改善学生体质 | 绩效指标 | 年度指标值 | 实际完成值 | 分值 "
        "| 得分 | 偏差原因分析及改进措施 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 产出指标 "
        "| 数量指标 | 学生受资助人数 | ≧ | 735 | 人次 | 735 | 10 | 10 |",
        "| 时效指标 | 资金到位及时率 | ≧ | 100 | % | 100% | 10 | 7 |",
    ])
    sheet = read(text).sheets[0]
    assert [(i.level2, i.name, i.target.value, i.target.unit) for i in sheet.indicators] == [
        ("数量指标", "学生受资助人数", Decimal(735), "人次"), ("时效指标", "资金到位及时率", Decimal(100), "%")]
    assert [(item.actual_raw, item.weight, item.score) for item in sheet.evaluation.items] == [
        ("735", Decimal(10), Decimal(10)), ("100%", Decimal(10), Decimal(7))]

def test_merged_headings_whose_parts_are_printed_on_the_next_line():
    # corpus 112 (Hebei 自评表 as PDF text): 预期指标值 spans 符号 | value | 单位, 自评得分 spans 单项指标得分 | 权重占比 |
    # 单项指标折算得分, their parts on the line below; a numbered section caption opens the heading line
    text = "\n".join([
        "成安县民政局2020年度预算项目绩效自评表",
        "四、年度绩效指标完成情况 一级指标 二级指标 三级指标 指标分值 预期指标值 单项指标实际完成值 单项指标完成情况 自评得分",
        "符号 单位(文字描述) 单项指标得分 权重占比(%) 单项指标折算得分",
        "产出指标 质量指标 符合条件申报对象覆盖率 享受补贴政策人数占符合条件申报对象总数的比例 >= 98 %(百分比) 100% 完成 25.00 25.00 6.25",
        "时效指标 完成率 按照要求每月及时完成符合条件对象审批的比例(百分比) >= 99 %(百分比) 100% 完成 25.00 25.00 6.25",
    ])
    sheet = read(text).sheets[0]
    assert [(i.level2, i.name, i.target.operator.value, i.target.value, i.target.unit, i.weight)
            for i in sheet.indicators] == [("质量指标", "符合条件申报对象覆盖率", "≥", Decimal(98), "%", Decimal(25)),
                                           ("时效指标", "完成率", "≥", Decimal(99), "%", Decimal(25))]
    assert [(item.actual_raw, item.score) for item in sheet.evaluation.items] == [
        ("100%", Decimal("6.25")), ("100%", Decimal("6.25"))]
    assert sheet.indicators[0].extra["单项指标得分"] == "25.00"


def test_a_bare_number_takes_operator_and_unit_from_the_templates_residue_in_the_name():
    # Yunnan's form (corpus 160): the residue (≥**平方米) / (≥台) left in the name says what the bare value means
    text = "\n\n".join(["2022年度项目支出绩效自评表", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)",
                        "得分", "产出指标(40分)", "数量指标", "公猪舍(≥**平方米)", "22.8", "22.8", "1",
                        "冲洗机(≥台)", "1", "1", "1", "消毒池(≥**个人)", "3", "3", "1"])
    sheet = read(text).sheets[0]
    assert [(i.name, i.target.operator, str(i.target.value), i.target.unit, i.target.raw) for i in sheet.indicators] == [
        ("公猪舍", "≥", "22.8", "平方米", "22.8"), ("冲洗机", "≥", "1", "台", "1"), ("消毒池", None, "3", None, "3")]


@pytest.mark.parametrize("block", [
    "部门整体绩效自评表主管部门财政处室自评总分(分)97.6部门联系人",  # corpus 157: run together
    "马铃薯项目绩效目标自评表(2022年度)项目总得分97.6分项目名称",  # corpus 106
    "项目主管单 位 自评总分: 97.6 项目实施单位",  # corpus 165
    # corpus 034, one cell per line: the label's cell spans the rows beside it, its figure comes after them
    "专项名称\n食品监管补助资金\n自评得分\n省级财政部门\n四川省财政厅\n97.6\n",
])
def test_the_total_claimed_in_the_header_block(block):
    text = "\n".join([block, *(" | ".join(row) for row in (
        ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "补助种植面积", "29.5亩", "29.5亩", "20", "20"]))])
    assert read(text).sheets[0].evaluation.total == Decimal("97.6")


def test_a_figure_under_the_money_headings_after_the_label_is_no_total():
    text = "\n".join(["项目绩效自评表", "自评得分", "全年预算数", "全年执行数", "执行率", "年度资金总额", "50", "50", "100%",
                      "一级指标 | 二级指标 | 三级指标 | 指标值 | 实际完成值 | 得分",
                      "产出指标 | 数量指标 | 补助种植面积 | 29.5亩 | 29.5亩 | 20"])
    assert read(text).sheets[0].evaluation.total is None


def test_a_figure_over_a_hundred_after_the_label_is_no_total():
    text = "\n".join(["项目绩效自评表 自评得分 2022 年", "一级指标 | 二级指标 | 三级指标 | 指标值 | 实际完成值 | 得分",
                      "产出指标 | 数量指标 | 补助种植面积 | 29.5亩 | 29.5亩 | 20"])
    assert read(text).sheets[0].evaluation.total is None


@pytest.mark.parametrize("after, total", [
    ("", None),
    ("100偏差大或目标未完成原因分析无", "100"),  # corpus 136: run together with the next cells
    ("99.6偏差大或目標未完成原因分析", "99.6"),  # corpus 015 (總分, Traditional)
    ("100100注:1.一级指标分值统一设置为", "100"),  # corpus 117: the weights' 100, then the score's
    ("10090注:", "90"),
    ("100\n95\n优", "95"),  # one cell per line: the weights' sum, then the score
    ("100分,其中产出指标50分", None),  # a note's full marks
])
def test_the_total_below_a_grid_whose_cells_ran_together(after, total):
    # a document site's text cut into one cell per line: 总分 closes the grid, its figures run on into the note
    text = "\n".join(["项目绩效自评表", "一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "得分",
                      "产出指标", "数量指标", "补助种植面积", "29.5亩", "29.5亩", "20", "总分", after])
    evaluation = read(text).sheets[0].evaluation
    assert evaluation.total == (Decimal(total) if total else None)


def test_a_weight_run_into_the_target_after_it_is_cut_off():
    # corpus 117 as a document site cut it: 分值 before 年度指标值, the weight fused onto the target that the
    # actual beside it repeats (1020万元 | 20万元 is 10 | 20万元)
    text = "\n".join(["项目绩效自评表", "一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分",
                      "产出指标", "数量指标", "安装坡面水标尺", "10", "≥266米", "≥266米", "10",
                      "质量指标", "项目验收合格率", "20100%", "100%", "20",
                      "成本指标", "项目计划总投资", "1020万元", "20万元", "10"])
    sheet = read(text).sheets[0]
    assert [(i.name, i.target.raw, item.weight, item.actual_raw, item.score)
            for i, item in zip(sheet.indicators, sheet.evaluation.items)] == [
        ("安装坡面水标尺", "≥266米", Decimal(10), "≥266米", Decimal(10)),
        ("项目验收合格率", "100%", Decimal(20), "100%", Decimal(20)),
        ("项目计划总投资", "20万元", Decimal(10), "20万元", Decimal(10))]



@pytest.mark.parametrize(("rows", "cut"), [
    # the copy stops before any 满意度指标 (P119): the rows after are missing, so the points printed are a part
    (["| 产出指标 | 数量指标 | 发放覆盖率 | 100% | 100% | 60 | 60 |"], True),
    # the table ends on its 满意度 row and its total: whole
    (["| 产出指标 | 数量指标 | 发放覆盖率 | 100% | 100% | 80 | 80 |",
      "| 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% | 95% | 10 | 10 |"], False),
])
def test_a_self_evaluation_cut_inside_its_table_says_so(rows, cut):
    text = "\n".join(["绩效自评表", "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |", *rows])
    document = read(text)
    assert (document.sheets[0].evaluation.cut, "P119" in {d.code for d in document.diagnostics}) == (cut, cut)


def test_a_score_run_into_the_next_goal_blocks_label():
    # Hubei's 2020 form run together (corpus 015): each 年度绩效目标N(40分) block repeats the grid's headings; the last
    # score of a block is printed against the next block's label (…98%98%19.6年度绩效目标2(40分)…), 年度 not its unit
    heading = "一级指标二级指标三级指标年初目标值(A)实际完成值(B)得分"
    text = ("水土保持监测项目绩效自评表年度绩效目标1(40分)" + heading + "产出指标质量指标监测数据必须合格100%100%10"
            "满意度指标服务对象满意度指标整编资料审核98%98%19.6年度绩效目标2(40分)" + heading
            + "产出指标质量指标监测数据资料整编100%100%20")
    sheet = read(text).sheets[0]
    assert [(i.name, item.actual_raw, item.score) for i, item in zip(sheet.indicators, sheet.evaluation.items)] == [
        ("监测数据必须合格", "100%", Decimal(10)), ("整编资料审核", "98%", Decimal("19.6")),
        ("监测数据资料整编", "100%", Decimal(20))]


def test_a_score_whose_cell_took_the_cells_after_it_keeps_its_figure():
    # corpus 135: the 得分 column is the row's last, and the cells after it (the next row's name) join it
    text = "\n".join(["绩效自评表", "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分",
                      "产出指标 数量指标 儿童健康管理率 ≥90% 99.83% 5 5 孕产妇健康管理率"])
    sheet = read(text).sheets[0]
    assert [(item.actual_raw, item.weight, item.score) for item in sheet.evaluation.items] == [
        ("99.83%", Decimal(5), Decimal(5))]


def test_the_rate_ending_a_row_of_label_and_figure_pairs_under_group_headings():
    # corpus 112 (Hebei county form): each group heading stands over a label and its figure, the rate's over a figure
    text = "\n".join(["成安县民政局2020年度预算项目绩效自评表", "项目名称: 百岁老人高龄津贴",
                      "二、预算执行情况  预算安排情况(调整后)  资金到位情况  资金执行情况  预算执行进度(%)",
                      "预算数  6.84  到位数  6.84  执行数  6.84  100.00",
                      "一级指标  二级指标  三级指标  指标值  实际完成值  权重  得分",
                      "产出指标  质量指标  覆盖率  ≥98%  100%  25  25"])
    evaluation = read(text).sheets[0].evaluation
    assert (evaluation.spent, evaluation.execution_rate) == (Decimal("6.84"), Decimal("100.00"))


def test_the_amount_used_in_the_header_block_of_the_framework_form():
    # corpus 172 (Hainan, 项目决策/项目管理 framework rows): 计划投资额 | 实际到位资金 | 实际使用情况(万元), each with its figure
    text = "\n".join(["服务贸易项目绩效自评表", "项目名称: 服务贸易项目",
                      "计划投资额(万元)  570  实际到位资金(万元)  398.88  实际使用情况(万元)  395.86",
                      "一级指标  二级指标  三级指标  指标值  实际完成值  分值  得分",
                      "产出指标  数量指标  支持项目数  ≥10个  12个  20  20"])
    assert read(text).sheets[0].evaluation.spent == Decimal("395.86")


# A copy that starts inside a 自评表 (its title and headings on the page before): the rows' columns are inferred, and
# only the closing fields below the grid say that the table is a self-evaluation.
_HEADLESS_ROWS = ["城乡居民医保经费发放及时率 | = | 100 | % | 5 |",
                  "效益指标 | 社会效益指标 | 参保群众知晓率 | = | 100 | % | 15 |",
                  "满意度指标 | 服务对象满意度指标 | 参保人员满意度 | ≥ | 90 | % | 10 |",
                  "合计 | 100 |"]


@pytest.mark.parametrize(("closing", "kind", "notes"), [
    (["评价结论 | 结合自评情况,说明项目自评总分。(200字以内) |", "存在问题 | 暂无 |"], "self-eval",
     ["评价结论：结合自评情况,说明项目自评总分。(200字以内)", "存在问题：暂无"]),
    (["自评结论 | 及时、足额缴纳。 |"], "self-eval", ["自评结论：及时、足额缴纳。"]),
    # 存在问题 alone also closes a goal table's note: no conclusion, no self-evaluation
    (["存在问题 | 暂无 |"], "goal", None),
])
def test_a_table_whose_header_is_not_in_the_file_is_a_self_evaluation_when_a_conclusion_closes_it(closing, kind, notes):
    document = read("\n".join([*_HEADLESS_ROWS, *closing]))
    sheet = document.sheets[0]
    assert document.kind == kind
    assert [i.weight for i in sheet.indicators] == [Decimal(5), Decimal(15), Decimal(10)]
    assert not {"权重", "实际完成值", "得分"} & set(sheet.form_fields)  # the inferred columns are not the form's
    if notes is None:
        assert sheet.evaluation is None
    else:
        assert sheet.evaluation.notes == notes and sheet.evaluation.headless and not sheet.evaluation.cut
        assert [item.weight for item in sheet.evaluation.items] == [Decimal(5), Decimal(15), Decimal(10)]


@pytest.mark.parametrize(("text", "weights", "notes"), [
    # corpus 164 as a document site stored it: a 自评表's rows and its closing fields run together on one line
    ("产出指标数量指标足额保障率=100% 22.5 科目调整次数≤10次 22.5 时效指标按时发放率=100% 22.5 合计100 "
     "评价结论及时、足额缴纳。存在问题暂无改进措施暂无项目负责人:财务负责人:",
     [Decimal("22.5")] * 3, ["评价结论：及时、足额缴纳。", "存在问题：暂无", "改进措施：暂无"]),
    # a goal table's rows run together: no figure of points after the targets, no conclusion
    ("产出指标数量指标足额保障率=100% 科目调整次数≤10次 时效指标按时发放率=100%", [None] * 3, None),
])
def test_rows_run_together_with_their_points_and_closing_fields(text, weights, notes):
    document = read(text)
    sheet = document.sheets[0]
    assert [i.name for i in sheet.indicators] == ["足额保障率", "科目调整次数", "按时发放率"]
    assert [i.weight for i in sheet.indicators] == weights
    if notes is None:
        assert document.kind == "goal" and sheet.evaluation is None
    else:
        # the closing fields say the table ends in the file: not a copy cut inside it (its last row is not exempt)
        assert document.kind == "self-eval" and sheet.evaluation.notes == notes
        assert sheet.evaluation.headless and not sheet.evaluation.cut
        assert not {d.code for d in document.diagnostics} & {"P114", "P119", "P120"}


@pytest.mark.parametrize(("row", "expected"), [
    # a word target written again as the actual marks its row like a target shape does
    ("群众生产生活条件改善状况10显著提升显著提升10", ("群众生产生活条件改善状况", "显著提升", "显著提升", Decimal(10))),
    ("群众生产生活条件改善状况10有所改善有所改善8", ("群众生产生活条件改善状况", "有所改善", "有所改善", Decimal(8))),
])
def test_a_run_together_row_whose_word_target_is_written_again_as_its_actual_is_a_row_of_its_own(row, expected):
    text = ("某项目绩效自评表\n绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因及拟采取的改进措施"
            "效益指标(20分)社会效益指标受益脱贫户人口数10≥1000人≥1000人10" + row
            + "满意度指标(10分)服务对象满意度指标受益脱贫户满意度10≥95%≥95%10总分100100")
    sheet = read(text).sheets[0]
    assert [i.name for i in sheet.indicators] == ["受益脱贫户人口数", expected[0], "受益脱贫户满意度"]
    indicator, item = sheet.indicators[1], sheet.evaluation.items[1]
    assert (indicator.name, indicator.target.raw, item.actual_raw, item.score) == expected


def test_a_name_a_stream_prints_again_after_its_target_is_counted_not_read_as_a_row():
    text = "\n\n".join(["某转移支付绩效目标自评表", "一级指标", "二级指标", "三级指标", "年度指标值", "全年完成值",
                        "未完成原因和改进措施", "产出指标", "数量指标", "建设环境空气质量自动监测子站", "11个",
                        "建设环境空气质量自动监测子站", "0", "原计划建设内容不适合现状"])
    document, accounting = read_text(text.encode(), "case.txt")
    (indicator,) = document.sheets[0].indicators
    (item,) = document.sheets[0].evaluation.items
    assert (indicator.name, indicator.target.raw, item.actual_raw, item.deviation) == (
        "建设环境空气质量自动监测子站", "11个", "0", "原计划建设内容不适合现状")
    assert not accounting.unaccounted


def test_a_name_equal_to_the_one_before_its_target_that_is_no_figure_is_a_row_of_its_own():
    # (an actual written like its name is not the name again: only after a figure)
    text = "\n\n".join(["某项目绩效自评表", "一级指标", "二级指标", "三级指标", "年度指标值", "全年完成值", "产出指标",
                        "质量指标", "验收合格", "合格", "验收合格", "合格"])
    names = [i.name for i in read(text).sheets[0].indicators]
    assert "验收合格" in names


@pytest.mark.parametrize("rows, goals, done", [
    # the values in the row after the labels (corpus 139, 162): the goal, then what the sheet says was done
    (["年度绩效目标 | 预期目标 | 全年实际完成情况 |", "目标1:年底前完工 | 12月14日前已完工 |"],
     ["年底前完工"], "12月14日前已完工"),
    # section labels before the pair, the completion still the template's instruction (corpus 158's second sheet)
    (["项目基本情况 | 1.项目年度目标完成情况 | 项目年度目标 | 年度目标完成情况 |",
      "发放14人工资 | 对照年度目标,说明相关任务目标的完成情况(100字以内) |"],
     ["发放14人工资"], "对照年度目标,说明相关任务目标的完成情况(100字以内)"),
    # the values in the labels' own row, as many cells for the completion as for the goal (corpus 169)
    (["年度总体目标 | 预期目标 | 实际完成情况 | 目标1:造林1.2万亩 | 目标2:森林经营16万亩 | 造林1.2万亩 | 森林经营16万亩 |"],
     ["造林1.2万亩", "森林经营16万亩"], "造林1.2万亩\n森林经营16万亩"),
    # a flattened spreadsheet: the pair after a label still waiting for its value (项目资金), the completion
    # restating the goal wrapped over two cells (corpus 161)
    (["项目资金 |", "— | 预期目标 | 实际完成情况 | 提高医疗保障水平,推进因病致贫问题的根本性解决 | "
      "提高医疗保障水平,推进了因病致贫问题的基本性 | 解决 |"],
     ["提高医疗保障水平,推进因病致贫问题的根本性解决"], "提高医疗保障水平,推进了因病致贫问题的基本性\n解决"),
])
def test_the_overall_goal_printed_as_planned_and_as_done(rows, goals, done):
    text = "\n".join(["项目支出绩效自评表 |", "项目名称 | 某项目 |", *rows, *_GRID])
    sheet = read(text).sheets[0]
    assert sheet.goals == goals
    assert sheet.evaluation.overall_actual == done


_DIGITLESS_HEADER = "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |"


@pytest.mark.parametrize(("rows", "warned"), [
    # a document site stripped every digit: no 分值, no 得分, no figure in any target or actual (corpus 145)
    (["| 产出指标 | 数量指标 | 国家奖学金人数 | 人 | 人 | | |", "| 产出指标 | 成本指标 | 人均资助 | 元 | 元 | | |",
      "| 效益指标 | 社会效益指标 | 资金发放率 | % | % | | |"], True),
    # word targets with their points printed: a self-evaluation with its figures
    (["| 产出指标 | 数量指标 | 制度是否健全 | 是 | 是 | 30 | 30 |", "| 产出指标 | 质量指标 | 档案是否规范 | 是 | 是 | 30 | 30 |",
      "| 效益指标 | 社会效益指标 | 群众是否满意 | 是 | 是 | 40 | 40 |"], False),
    # two rows without figures are too few to say the copy lost them
    (["| 产出指标 | 数量指标 | 国家奖学金人数 | 人 | 人 | | |", "| 产出指标 | 成本指标 | 人均资助 | 元 | 元 | | |"], False),
])
def test_a_self_evaluation_without_a_single_figure_says_its_digits_were_lost(rows, warned):
    document = read("\n".join(["学生资助项目绩效自评表", _DIGITLESS_HEADER, *rows]))
    found = [d for d in document.diagnostics if d.code == "P123"]
    assert bool(found) == warned
    if warned:
        assert (found[0].location.file, found[0].location.table) == ("case.txt", 1)
        assert "3个指标都没有任何数字" in found[0].message


_STRIPPED = ("学生资助项目绩效自评表\n一级指标二级指标三级指标年初目标值实际完成值得分产出指标{counts}成本指标"
             "国家奖学金人均资助国家助学金人均资助效益指标社会效益指标资金发放率分困难生完成学业率过程指标评审程序是否公正是是")


@pytest.mark.parametrize(("counts", "names", "remark"), [
    # the copy stripped every digit (corpus 145): the names of a block run together, cut after their shared ending;
    # 数量 (its 指标 lost) is their level, the 分 a lost weight left is no name's, the remark after it the row's before
    ("数量国家奖学金人数分(因全校总人数减少,指标数减少)国家助学金人数应征入伍人数",
     [("数量指标", "国家奖学金人数"), ("数量指标", "国家助学金人数"), ("数量指标", "应征入伍人数")],
     "因全校总人数减少,指标数减少"),
    # one name whose parts end alike (…人数占…人数) stays whole
    ("数量指标受助人数占学生人数", [("数量指标", "受助人数占学生人数")], None),
])
def test_names_run_together_where_the_copy_stripped_the_figures_are_cut_at_their_shared_ending(counts, names, remark):
    document = read(_STRIPPED.format(counts=counts))
    sheet = document.sheets[0]
    assert [(i.level2, i.name) for i in sheet.indicators] == [
        *names, ("成本指标", "国家奖学金人均资助"), ("成本指标", "国家助学金人均资助"),
        ("社会效益指标", "资金发放率"), ("社会效益指标", "困难生完成学业率"), ("过程指标", "评审程序是否公正")]
    assert sheet.evaluation.items[0].deviation == remark
    assert [item.indicator for item in sheet.evaluation.items] == list(range(1, len(sheet.indicators) + 1))
    said = [d for d in document.diagnostics if d.code == "P157"]
    assert said[-1].message.startswith("没有数字的自评表中，“资金发放率分困难生完成学业率”")
    assert "拆为2个指标：资金发放率、困难生完成学业率" in said[-1].message
    # each names the row its run-together name was read from, like the other diagnostics of a row
    assert all(d.location.row is not None and d.location.table == 1 for d in said)
    assert said[-1].location.row > said[0].location.row


def test_a_name_of_its_own_in_a_table_without_figures_is_not_cut_at_a_character_it_repeats():
    # an office copy of corpus 145, each name in its cell: 助 ends 国家助 and 人均资助, yet no 分 follows the first
    document = read("\n".join(["学生资助项目绩效自评表", _DIGITLESS_HEADER,
                                "| 产出指标 | 数量指标 | 国家助学金人数 | | | | |",
                                "| 产出指标 | 成本指标 | 国家助学金人均资助 | | | | |",
                                "| 效益指标 | 社会效益指标 | 资金发放率 | | | | |",
                                "| 效益指标 | 社会效益指标 | 困难生完成学业率 | | | | |"]))  # (the last row taken as cut)
    assert [i.name for i in document.sheets[0].indicators] == ["国家助学金人数", "国家助学金人均资助", "资金发放率"]
    assert [d.code for d in document.diagnostics if d.code in ("P123", "P157")] == ["P123"]


def test_names_alike_in_a_table_with_its_figures_are_not_cut():
    document = read("项目绩效自评表\n一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分\n"
                    "产出指标 | 数量指标 | 国家奖学金人数国家助学金人数 | 20人 | 20人 | 50 | 50\n"
                    "产出指标 | 成本指标 | 人均资助 | 8000元 | 8000元 | 50 | 50")
    assert [i.name for i in document.sheets[0].indicators] == ["国家奖学金人数国家助学金人数", "人均资助"]
    assert not [d for d in document.diagnostics if d.code == "P157"]


@pytest.mark.parametrize(("headings", "value_columns"), [
    # an actual value column and a projected one hold a value of the row; a score and a remark do not
    (("实际完成值", "得分", "备注"), ["实际完成值"]),
    (("實際完成值", "全年預計完成值", "得分"), ["實際完成值", "全年預計完成值"]),  # Traditional
    (("评价指标值", "目标值", "备注"), ["评价指标值", "目标值"]),  # corpus 135: a second 指标值 column too
    # a header field's heading beside 指标值 holds the goals (年度目标), no value of the row
    (("年度目标", "备注", "说明"), []),
])
def test_the_columns_set_aside_that_hold_a_value_of_the_row_are_named_by_their_role(headings, value_columns):
    rows = ["一级指标 | 二级指标 | 三级指标 | 指标值 | " + " | ".join(headings),
            "产出指标 | 数量指标 | 培训人次 | ≥200人次 | 已完成 | 甲 | 乙",
            "产出指标 | 质量指标 | 培训合格率 | ≥95% | 已完成 | 甲 | 乙"]
    for indicator in read("\n".join(rows)).sheets[0].indicators:
        assert set(indicator.extra) == set(headings) and sorted(indicator.value_columns) == sorted(value_columns)


def test_names_printed_apart_from_their_figures_are_paired_with_them_in_order():
    # corpus 170: a spreadsheet's text taken out line by line; the name whose cell wrapped (…报告 | 数) ends below the
    # figures of the row beside it, so two names come first, then both rows' figures in the same order
    text = "\n".join(["某项目绩效自评表", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                      "产出指标", "数量指标", "指标1:建立预防接种证", "221人", "221人", "2", "2",
                      "指标2:传染病及突发公共卫生事件报告", "数", "指标3:家庭医生签约率",
                      "14例", "14例", "2", "2", "24694人", "22584人", "2", "1.7",
                      "质量指标", "指标1:疫苗接种率", "100%", "97.3%", "2", "1.9"])
    document, accounting = read_text(text.encode(), "case.txt")
    sheet = document.sheets[0]
    assert [(i.name, i.target.raw) for i in sheet.indicators] == [
        ("建立预防接种证", "221人"), ("传染病及突发公共卫生事件报告数", "14例"), ("家庭医生签约率", "24694人"),
        ("疫苗接种率", "100%")]
    assert [(item.actual_raw, item.score) for item in sheet.evaluation.items][1:3] == [
        ("14例", Decimal(2)), ("22584人", Decimal("1.7"))]
    assert accounting.unaccounted == [] and accounting.tokens == accounting.placed + accounting.diagnosed
    paired = [d for d in document.diagnostics if "分开印出" in d.message]
    assert [d.location.line for d in paired] == [16, 18]  # where each name stands


def test_a_name_row_followed_by_a_row_whose_figures_fill_only_one_row_is_not_paired():
    # a name with no figures (its cells left empty) above a full row: the row keeps its own figures
    text = "\n".join(["某项目绩效自评表", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                      "产出指标", "数量指标", "指标1:建立预防接种证", "指标2:家庭医生签约率", "14例", "14例", "2", "2"])
    sheet = read(text).sheets[0]
    assert [(i.name, i.target.raw) for i in sheet.indicators][-1] == ("家庭医生签约率", "14例")


@pytest.mark.parametrize(("cell", "name", "figures"), [
    # corpus 136: target 6, actual 6 and 20 points fused onto the name, the row's only cell
    ("补贴渔船数6620", "补贴渔船数", ("6", "6", Decimal(20))),
    # a name that ends with a figure no target repeated as its actual explains keeps it
    ("开展培训活动120", "开展培训活动120", ("", None, None)),
])
def test_figures_fused_onto_the_name_of_a_row_of_one_cell_are_split_when_the_actual_repeats_the_target(
        cell, name, figures):
    text = "\n".join(["某项目绩效自评表", "二级指标", "三级指标", "年初目标值", "实际完成值", "得分",
                      "数量指标", cell, "质量指标", "渔船补贴发放率", "100%", "100%", "10"])
    document, accounting = read_text(text.encode(), "case.txt")
    sheet = document.sheets[0]
    first, item = sheet.indicators[0], sheet.evaluation.items[0]
    assert (first.name, first.target.raw, item.actual_raw, item.score) == (name, *figures)
    assert accounting.unaccounted == []
    assert any(f"“{cell}”按形式拆分为三级指标" in d.message for d in document.diagnostics) == (name != cell)


def test_a_template_row_left_empty_above_a_full_row_takes_none_of_its_figures():
    # 指标1 left unfilled; 指标2's four figures are one row's (target, actual, points, score), not two rows of two
    text = "\n".join(["某项目绩效自评表", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                      "产出指标", "数量指标", "指标1:", "指标2:培训场次", "10", "8", "5", "4"])
    sheet = read(text).sheets[0]
    assert [(i.name, i.target.raw) for i in sheet.indicators][-1] == ("培训场次", "10")
    assert not any("分开印出" in d.message for d in read(text).diagnostics)


@pytest.mark.parametrize(("tail", "cut"), [
    # a PDF's text gives the columns in blocks, names before values: the file stops on the values' heading (corpus 208)
    (["总分", "-2-", "年度", "指标值"], True),
    # the same names closed by the total alone: the table ends in the file, its blanks are the author's
    (["总分"], False),
])
def test_a_file_ending_on_the_value_heading_after_the_names_is_cut(tail, cut):
    head = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]
    first = ["财政项目支出绩效自评表", "项目名称", "河道保洁", *head,
             "产出指标", "数量指标", "保洁河道长度", "≥30公里", "32公里", "50", "50",
             "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "50", "50", "总分", "100"]
    second = ["财政项目支出绩效自评表", "项目名称", "对口帮扶经费", "一级指标", "二级指标", "三级指标",
              "产出指标", "数量指标", "经费使用率", "质量指标", "经费完成情况", *tail]
    document = read("\n".join([*first, *second]))
    assert len(document.sheets) == 2 and [i.name for i in document.sheets[1].indicators] == ["经费使用率", "经费完成情况"]
    cuts = [d.location.table for d in document.diagnostics if d.code in ("P114", "P119", "P120", "P124")]
    assert (document.sheets[1].evaluation.cut, cuts) == (cut, [2] if cut else [])


@pytest.mark.parametrize(("figures", "money"), [
    # corpus 246 (临翔区 野生动物收容所 2023): two amounts, 31.69 ÷ 32.4 = 97.81% printed 97.80%: a budget column is
    # blank (which one the row does not say: the first amount stays where it was printed, the year's budget either
    # way), the second amount is the spending
    ("| 32.4 | 31.69 | 10 | 97.80% | 9 |", (Decimal("32.4"), None, Decimal("31.69"), Decimal("97.80"))),
    ("| 32.4 | 31.69 | 10 | 98% | 9 |", (Decimal("32.4"), None, Decimal("31.69"), Decimal(98))),
    # a rate that is not their ratio: a budget adjusted, the spending blank
    ("| 32.4 | 31.69 | 10 | 90% | 9 |", (Decimal("32.4"), Decimal("31.69"), None, Decimal(90))),
])
def test_two_amounts_whose_ratio_is_the_printed_rate_are_budget_and_spending(figures, money):
    rows = ["项目支出绩效自评表", "| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | 年度资金总额 |", figures,
            "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |",
            "| 产出指标 | 数量指标 | 野生动物收容所 | ≥200平方米 | 204.46平方米 | 10 | 10 |"]
    evaluation = read("\n".join(rows)).sheets[0].evaluation
    assert (evaluation.budget_initial, evaluation.budget_full, evaluation.spent, evaluation.execution_rate) == money
    assert (evaluation.execution_weight, evaluation.execution_score) == (Decimal(10), Decimal(9))


def test_a_plain_budget_heading_over_the_figures_row():
    # corpus 231 (Hubei 项目自评表 on a converter mirror, Traditional with pinyin glosses): the money table heads its
    # budget 预算数(A), with no 年初 or 全年, beside 执行数(B), 执行率(B/A) and 得分 with its note on the next line
    text = "\n".join([
        "2022年度科普經(jīng)費項目自評表",
        "項目名稱 科學(xué)普及經(jīng)費",
        "預(yù)算執(zhí)行情況(萬元)",
        "(20分)",
        "  預(yù)算數(shù)(A) 執(zhí)行數(shù)(B) 執(zhí)行率(B/A) 得分",
        "(20分*執(zhí)行率)",
        "年度財政資金總額 104 103.97 99.97 19",
        "年度績效目標(biāo)1(80分) 一級指標(biāo) 二級指標(biāo) 三級指標(biāo) 年初目標(biāo)值(A) 實際完成值(B) 得分",
        "產(chǎn)出指標(biāo) 數(shù)量指標(biāo) 開展全國科普日專題科普活動 10場 9場 7",
    ])
    sheet = read(text).sheets[0]
    evaluation = sheet.evaluation
    assert (evaluation.budget_full, evaluation.spent, evaluation.execution_rate) == (
        Decimal(104), Decimal("103.97"), Decimal("99.97"))
    assert sheet.budget.total == Decimal(104)
    # the score heading's note (20分*执行率) gives the rate's points where no 分值 column does
    assert (evaluation.execution_weight, evaluation.execution_score) == (Decimal(20), Decimal(19))


def test_a_target_said_with_its_direction_stays_whole_under_a_block_label_heading():
    # corpus 231: the heading row opens with the block's label (年度绩效目标1(80分)), so the rows are a cell short
    # of it; the target 提升10% is one cell, its 提升 no part of the indicator's name
    text = "\n".join([
        "2022年度科普经费项目自评表",
        "项目名称 科学普及经费",
        "年度绩效目标1(80分) 一级指标 二级指标 三级指标 年初目标值(A) 实际完成值(B) 得分",
        "效益指标 社会效益指标 公民科学文化素质 提升10% 提升10% 6",
    ])
    (indicator,) = read(text).sheets[0].indicators
    assert (indicator.name, indicator.target.raw, indicator.target.value, indicator.target.unit) == (
        "公民科学文化素质", "提升10%", Decimal(10), "%")


def test_a_self_evaluation_work_reports_title_and_money_sentence_above_its_goal_table():
    # corpus 248 (Chongqing 绩效自评工作报告): the title names the fund, a sentence states the money, then the goal
    # table one cell a line
    text = "\n".join([
        "丰都县公安局2022年度辅警人员经费绩效自评工作报告",
        "(二)项目资金情况。",
        "全年预算数2565万元,全年执行数2565万元,预算执行率100%。",
        "(三)绩效目标。",
        *(f"{cell} |" for cell in ["指标名称", "计量单位", "指标性质", "指标值", "辅警人员", "人", "=", "512"]),
    ])
    sheet = read(text).sheets[0]
    assert sheet.name == "辅警人员经费"
    assert (sheet.evaluation.spent, sheet.evaluation.execution_rate) == (Decimal(2565), Decimal(100))
