"""Rows of the corpus documents of batch 7 (moved to dev on 2026-12-04), each the shape of a layout family that
recurs in other bodies' self-evaluations: a site's menu above a space-separated table, a section title above the
header's first heading printed on a line of its own, parent rows numbered 一、 over parts numbered 1、, a 评分标准
column of sentences between the achieved value and the points, the form's vertical label opening the first row, a
部门整体 money block whose columns are numbered ①–⑦. Where each row was read, and what."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.documents.interpret.sheet_builder import money_key
from jixiao.documents.pipeline import read_text
from jixiao.documents.pipeline.labels import clean_name, is_chrome


def read(*lines: str):
    return read_text("\n".join(lines).encode(), "case.txt")


def accounted(accounting) -> bool:
    """Every token of the tables placed, diagnosed or marked as chrome."""
    return accounting.tokens == accounting.placed + accounting.diagnosed + accounting.chrome


def rows(document) -> list[tuple]:
    """Each indicator's level 2, name, target, and the achieved value, 分值 and 得分 reported for it."""
    found = []
    for sheet in document.sheets:
        items = {item.indicator: item for item in sheet.evaluation.items} if sheet.evaluation else {}
        for position, indicator in enumerate(sheet.indicators, start=1):
            item = items.get(position)
            found.append((indicator.level2, indicator.name, indicator.target.raw,
                          *((item.actual_raw, item.weight, item.score) if item else (None, None, None))))
    return found


# corpus 237 (Anhui 自评表, cells joined by single spaces), its 一级 heading wrapped over two lines of its own
_TABLE = ("年度绩效指标完成情况", "一级", "指标", "二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施",
          "(50分)", "数量指标 指标1:接受业务培训人数 200 200余人 10 10", "指标2:科普馆参观人数 500 600余人 10 10",
          "质量指标 指标1:台网运行率 ≥95% 99.12% 10 10")
_READ = [("数量指标", "接受业务培训人数", "200", "200余人", Decimal(10), Decimal(10)),
         ("数量指标", "科普馆参观人数", "500", "600余人", Decimal(10), Decimal(10)),
         ("质量指标", "台网运行率", "≥95%", "99.12%", Decimal(10), Decimal(10))]


@pytest.mark.parametrize("menu", [
    # the government site's top menu, each item closed by the bar that separates it from the next
    ("  • 设为首页|", "  • 加入收藏|", "• 长辈版|", "• 无障碍浏览|"),
    ("· 关怀模式|", "· 繁体|", "· 手机版|", "· 返回主站|"),
])
def test_a_sites_menu_of_barred_items_does_not_hide_a_table_whose_cells_single_spaces_separate(menu):
    # the menu's bars outnumbered the table's rows: the rows were read as text with spaces in it, no cells
    document, _ = read(*menu, "项目名称 防震减灾综合保障", *_TABLE)
    assert rows(document) == _READ
    assert all(is_chrome(item) for item in menu)


def test_a_section_title_above_the_headers_first_heading_stays_apart_from_it():
    # 年度绩效指标完成情况 | 一级指标 is a title and a heading, not one heading wrapped (which would open a second
    # header, and a second sheet, above the real one)
    document, _ = read("项目名称 防震减灾综合保障", *_TABLE)
    (sheet,) = document.sheets
    assert sheet.name == "防震减灾综合保障"
    assert rows(document) == _READ


@pytest.mark.parametrize(("cell", "name"), [
    ("一、示范区建立", "示范区建立"),
    ("四、农户施肥情况调查(户)", "农户施肥情况调查(户)"),
    ("(二)化肥减量增效田间试验", "化肥减量增效田间试验"),
    ("1、施用配方肥", "施用配方肥"),
    # a numeral that is part of the name stays
    ("一次性补助发放人数", "一次性补助发放人数"),
    ("二类疫苗接种率", "二类疫苗接种率"),
])
def test_a_parent_rows_outline_number_is_no_part_of_its_name(cell, name):
    # corpus 229: parent rows numbered 一、 二、 scored again in their parts numbered 1、 2、
    assert clean_name(cell) == name


def test_outline_numbered_parent_rows_and_their_parts_are_read_without_their_numbers():
    document, _ = read(
        "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |",
        "产出指标 | 数量指标 | 一、示范区建立 | ≧20000亩 | 20000亩 | 15.0 | 15 |",
        "1、施用配方肥 | ≧18500亩 | 18500亩 | 5.0 | 5 |",
        "二、化肥减量增效田间试验 | ≧15组 | 15组 | 15.0 | 15 |")
    assert [name for _, name, *_ in rows(document)] == ["示范区建立", "施用配方肥", "化肥减量增效田间试验"]
    # the names keep the numbers as written beside them (the review may say the parent is scored twice)
    assert document.sheets[0].indicators[0].name_raw == "一、示范区建立"


def test_a_scoring_rule_column_of_sentences_after_the_achieved_value_is_no_prose_of_indicators():
    # corpus 238 (Fujian 部门整体 自评表): 评分标准 between 实际完成值 and 指标分值; its sentences name figures
    # (满分6分, 达9个得6分, 扣1分) that were read as three indicators of their own
    document, accounting = read(
        "一级指标 二级指标 三级指标 绩效目标值 实际完成值 评分标准 指标分值 自评得分 未完成原因",
        "产出目标 数量目标 抽查全市地震监测台站运维情况个数 9个 9个 "
        "本指标满分6分,开展全市地震监测台站运维情况抽查数量达9个得6分,少检查一个扣1分,扣完为止。 6 6 已完成",
        "开展防震减灾科普宣传活动场数 10场 11场 本指标满分6分,活动场数达10场得6分,少一场扣1分,扣完为止。 6 5 未完成")
    assert rows(document) == [
        ("数量目标", "抽查全市地震监测台站运维情况个数", "9个", "9个", Decimal(6), Decimal(6)),
        ("数量目标", "开展防震减灾科普宣传活动场数", "10场", "11场", Decimal(6), Decimal(5))]
    assert accounted(accounting)
    # the rule is the row's 评分标准, kept with it
    assert [i.basis for i in document.sheets[0].indicators] == [
        "本指标满分6分,开展全市地震监测台站运维情况抽查数量达9个得6分,少检查一个扣1分,扣完为止。",
        "本指标满分6分,活动场数达10场得6分,少一场扣1分,扣完为止。"]


@pytest.mark.parametrize("frame", ["年度绩效指标完成情况", "绩效指标"])
def test_the_forms_vertical_label_opening_the_first_row_before_its_levels_is_no_indicator(frame):
    # corpus 239 (Xinjiang 自评表, cut at its first level): the frame cell printed on the first row, not in the header
    document, accounting = read(
        "一级指标 二级指标 三级指标 指标值 指标实际完成值 指标得分 偏差原因分析及改进措施",
        f"{frame} 产出指标 数量指标 调查户数 120户 120户 20")
    assert rows(document) == [("数量指标", "调查户数", "120户", "120户", None, Decimal(20))]
    assert accounted(accounting)
    cut, _ = read("一级指标 二级指标 三级指标 指标值 指标实际完成值 指标得分 偏差原因分析及改进措施", f"{frame} 产出指标")
    assert rows(cut) == []
    # the file stops on the first level: the rows are after the cut (P126), the level cell is left unread (P108)
    (stops,) = [d for d in cut.diagnostics if d.code == "P126"]
    assert stops.location.line == 2 and f"最后是“{frame}｜产出指标”" in stops.message
    (left,) = [d for d in cut.diagnostics if d.code == "P108"]
    assert "产出指标" in left.message and left.location.line == 2



@pytest.mark.parametrize(("heading", "key"), [
    ("年初部门预算安排金额(含历年结余结转)①", "budget_initial"),
    ("年度拨付金额④", "spent"),
    ("支出实现率(%)⑤=④/③", "execution_rate"),
    # columns the audit does not use stay unnamed
    ("本年度结余金额⑥=③-④", None),
    ("资金结余率(%)⑦=⑥/③", None),
    # the other forms' headings with their notes
    ("执行率(B/A)", "execution_rate"),
    ("全年预算数(A)", "budget_full"),
])
def test_a_money_headings_circled_number_formula_and_inclusion_note_are_no_part_of_it(heading, key):
    # corpus 238 (Fujian 部门整体支出绩效自评表): each money column numbered ①–⑦, the derived ones with their formula
    assert money_key(heading) == key


def test_a_dept_self_evaluations_money_block_with_numbered_columns_is_read():
    document, _ = read(
        "部门整体支出绩效自评表",
        "部门(单位)名称 宁德市地震局 部门预算编码 409001007",
        "财政资金安排和使用情况 资金结构 预算安排 拨付情况 结余情况",
        "(万元) 年初部门预算安排金额(含历年结余结转)① 年中调整金额② 小计 年度拨付金额 支出实现率(%)⑤=④/③ "
        "本年度结余金额⑥=③-④ 资金结余率(%)⑦=⑥/③",
        "  ③=①+②",
        "财政资金小计 130.54 58.07 188.61 188.45 99.92 0.16 0.08",
        "一级指标 二级指标 三级指标 绩效目标值 实际完成值 评分标准 指标分值 自评得分 未完成原因",
        "产出目标 数量目标 抽查台站运维情况个数 9个 9个 本指标满分6分,达9个得6分,少检查一个扣1分,扣完为止。 6 6 已完成")
    evaluation = document.sheets[0].evaluation
    assert (evaluation.budget_initial, evaluation.spent, evaluation.execution_rate) == (
        Decimal("130.54"), Decimal("188.45"), Decimal("99.92"))


_RUN_TOGETHER_HEAD = "绩效指标一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施产出指标数量指标"


@pytest.mark.parametrize(("body", "expected"), [
    # corpus 234 (a document site's copy, rows run together): the first row's 分值 and 得分 (20, 20) run onto the next
    # row's name
    ("更新剧团老化、损坏的音50件50件2020望新点胸艮必具100件100件2020质量指标",
     [("更新剧团老化、损坏的音", "50件", Decimal(20), Decimal(20)), ("望新点胸艮必具", "100件", Decimal(20), Decimal(20))]),
    # a rewording: a score below its points, after a target in 万元
    ("购置设备数量5台5台1512维修设备成本3万元3万元1010质量指标",
     [("购置设备数量", "5台", Decimal(15), Decimal(12)), ("维修设备成本", "3万元", Decimal(10), Decimal(10))]),
])
def test_a_rows_points_run_together_onto_the_next_row_s_name_are_cut_off_it(body, expected):
    document, _ = read(_RUN_TOGETHER_HEAD + body)
    sheet = document.sheets[0]
    assert [(i.name, i.target.raw, item.weight, item.score)
            for i, item in zip(sheet.indicators, sheet.evaluation.items)][:2] == expected


def test_four_digits_opening_a_name_that_cannot_be_points_stay_in_it():
    # 20 then 35: a score above its points, so no 分值 and 得分: the digits are the name's (2035远景目标)
    document, _ = read(_RUN_TOGETHER_HEAD + "购置设备数量5台5台2035远景目标完成率100%100%1010质量指标")
    assert [i.name for i in document.sheets[0].indicators][:2] == ["购置设备数量", "2035远景目标完成率"]


def test_a_level2_cell_with_a_word_typed_twice_is_that_level_kept_as_written():
    # 229: 隆阳区 自评表, 社会效益效益指标 in the 二级指标 column: the level it doubles, never glued to the name
    document, _ = read("2022年度项目支出绩效自评表",
                       "一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分 |",
                       "产出指标 | 质量指标 | 示范区配方肥到位率 | ≧80% | 85.6% | 10.0 |",
                       "效益指标 | 社会效益效益指标 | 受益农户数 | 5000户 | 5000户 | 5.0 |")
    indicator = document.sheets[0].indicators[1]
    assert (indicator.level1, indicator.level2, indicator.level2_raw, indicator.name, indicator.target.raw) == (
        "效益指标", "社会效益指标", "社会效益效益指标", "受益农户数", "5000户")
