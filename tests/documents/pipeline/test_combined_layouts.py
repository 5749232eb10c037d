"""Layouts that combine two families of ../shared/corpus/README.md, as the compound variants of
benchmarks/compound_variants.py write them: one cell a line in Traditional characters with a converter's pinyin
glosses (families 1 and 8), a row run together with OCR's slips in its figures (4 and 9), and spaced columns with
a 序号 column before merged level cells (3 and 2/7)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.documents.pipeline import read_text
from jixiao.model.lexicon import unglossed


def read(text: str):
    document, accounting = read_text(text.encode(), "case.txt")
    assert accounting.tokens == accounting.placed + accounting.diagnosed + accounting.chrome
    return document


def _rows(document) -> list[tuple[str | None, str, str | None]]:
    return [(i.level2, i.name, i.target.raw if i.target else None) for s in document.sheets for i in s.indicators]


# (a Chongqing 一般性项目绩效目标表 copied one cell a line, as a converter site glosses it)
_GLOSSED_CELLS = "\n".join([
    "專(zhuān)項(xiàng)資金名稱 |", "在職村幹部補(bǔ)助 |", "績(jī)效指標(biāo) |", "指標(biāo) |", "指標(biāo)權(quán)重 |",
    "計(jì)量單位 |", "指標(biāo)性質(zhì) |", "指標(biāo)值 |", "發(fā)放人數(shù) |", "20 |", "人 |", "≥ |", "80 |",
    "按月發(fā)放 |", "20 |", "次 |", "= |", "1 |"])


@pytest.mark.parametrize("text", [_GLOSSED_CELLS, _GLOSSED_CELLS.replace("(zhuān)", "").replace("(biāo)", "")])
def test_pinyin_glosses_of_a_converter_site_do_not_hide_the_headings_of_a_table_one_cell_a_line(text):
    document = read(text)
    assert [(i.name, i.target.operator, i.target.value, i.target.unit) for i in document.sheets[0].indicators] == [
        ("發放人數", "≥", Decimal(80), "人"), ("按月發放", "=", Decimal(1), "次")]


@pytest.mark.parametrize(("text", "expected"), [
    ("績(jī)效目標(biāo)", "績效目標"),
    ("巡查里程(km) | ≥120km | 达标率(A) | 氨氮(NH3-N)", "巡查里程(km) | ≥120km | 达标率(A) | 氨氮(NH3-N)"),
    ("萬(wàn)元\n項(xiàng)目", "萬元\n項目")])
def test_only_a_toned_syllable_after_a_character_is_a_gloss(text, expected):
    assert unglossed(text) == expected


def test_ocr_slips_in_a_row_run_together_cut_it_where_the_figure_ends_and_are_noted():
    document = read("\n".join([
        "项目名称：民办园房租补贴", "一级指标二级指标三级指标指标值",
        "产出指标数量指标补贴民办幼儿园数量≥2〇个", "补贴民办园租用面积≥26970，7平方米",
        "质量指标补贴发放合规率≥9O%", "成本指标补贴标准≤7I.86元/平方米"]))
    indicators = document.sheets[0].indicators
    assert [(i.name, i.target.raw, i.target.value) for i in indicators] == [
        ("补贴民办幼儿园数量", "≥2〇个", Decimal(20)), ("补贴民办园租用面积", "≥26970，7平方米", Decimal("26970.7")),
        ("补贴发放合规率", "≥9O%", Decimal(90)), ("补贴标准", "≤7I.86元/平方米", Decimal("71.86"))]
    assert indicators[3].target.unit == "元/平方米"  # (what the unit is per stays in the target's cell)
    # the raw target is as the document writes it; the reading says what it undid
    assert all(note.code.value == "ocr_repaired" for i in indicators for note in i.target.notes)


def test_a_spaced_row_opening_with_its_serial_number_is_not_read_from_its_name_column():
    document = read("\n".join([
        "项目名称    特色种养业奖补", "绩效指标    一级 指标",
        "序号    二级指标    三级指标    分值    年度指标值    全年实际值    得分    未完成原因及拟采取的改进措施",
        "产 出 指 标 (50分) |",
        "1    数量指标    补助各类瓜果蔬菜种植面积    20    29.5亩    29.5亩    20",
        "2    其中桃树种植面积    1.5亩    1.5亩",
        # (as wide as the columns after the levels: its 二级 cell merged away, its empty 原因 cell gone)
        "3    补助鱼塘面积    10    3亩    3亩    10",
        "4    质量指标", "5    种植作物成活率    5    95%    95%    5"]))
    assert _rows(document) == [("数量指标", "补助各类瓜果蔬菜种植面积", "29.5亩"), ("数量指标", "其中桃树种植面积", "1.5亩"),
                               ("数量指标", "补助鱼塘面积", "3亩"), ("质量指标", "种植作物成活率", "95%")]
    weights = [i.weight for i in document.sheets[0].indicators]
    assert weights == [Decimal(20), None, Decimal(10), Decimal(5)]


def test_a_name_wrapped_onto_a_line_of_its_own_below_a_spaced_row_joins_the_name():
    document = read("\n".join([
        "项目名称    瓶改管工程",
        "一级指标    二级指标    三级指标    目标值    实际 完成值    分值    得分    偏差原因分析",
        "产出指标 (50分)    数量指标    城中村、住宅    12个    12个    10    10", "区任务完成量",
        "实现清瓶城中村    12个    12个    5    5", "、住宅区数",
        "质量指标    管道天然气年度    100%    100%    5    5", "改造任务完成率",
        "工程竣工验收合格率    100%    100%    5    5"]))
    assert _rows(document) == [("数量指标", "城中村、住宅区任务完成量", "12个"), ("数量指标", "实现清瓶城中村、住宅区数", "12个"),
                               ("质量指标", "管道天然气年度改造任务完成率", "100%"), ("质量指标", "工程竣工验收合格率", "100%")]


def test_the_wrapped_name_of_a_row_of_a_name_and_its_target_alone_joins_it_too():
    # a goal table of name and target only (its merged level cells printed once): a row of two cells wraps as well
    document = read("\n".join([
        "项目名称    主体班",
        "一级指标    二级指标    三级指标    指标值",
        "产出指标    数量指标    主体班培训人次    280人次",
        "邀请校外名师    25人次", "、领导授课人次",
        "情景教学或外训批次    6次",
        "质量指标    邀请校外名师、    100%", "领导授课完成率",
        "课程数量达标率    100%"]))
    assert _rows(document) == [
        ("数量指标", "主体班培训人次", "280人次"), ("数量指标", "邀请校外名师、领导授课人次", "25人次"),
        ("数量指标", "情景教学或外训批次", "6次"), ("质量指标", "邀请校外名师、领导授课完成率", "100%"),
        ("质量指标", "课程数量达标率", "100%")]


def test_a_one_cell_line_of_a_figure_or_a_numbered_name_below_a_spaced_row_is_no_tail_of_its_name():
    document = read("\n".join([
        "项目名称    瓶改管工程",
        "一级指标    二级指标    三级指标    目标值    实际 完成值    分值    得分",
        "产出指标    数量指标    改造完成户数    1785套    1806套    5    5", "指标2:改造验收合格率",
        "质量指标    工程竣工验收合格率    100%    100%    5    5"]))
    names = [name for _, name, _ in _rows(document)]
    assert names[0] == "改造完成户数" and "工程竣工验收合格率" in names


def test_a_row_holding_other_cells_is_no_tail_of_the_name_above_when_it_is_longer_than_that_name():
    document = read("\n".join([
        "项目名称    数字图书馆资源共享",
        "一级指标    二级指标    三级指标    年初目标值(A)    实际完成值(B)    得分",
        "效益指标(30分)    社会效益    使读者更方便快捷查找检阅    独有数据资源查询    独有数据资源查询",
        "促进黄石文化经济发展,丰富市民文化活动",  # (a row of its own, its target and actual cells empty)
        "环境效益    数字图书馆环境优良无污染    良好    良好    10"]))
    names = [name for _, name, _ in _rows(document)]
    assert names[:2] == ["使读者更方便快捷查找检阅", "促进黄石文化经济发展,丰富市民文化活动"]


def test_run_together_text_whose_heading_a_page_wrapped_is_read_without_failing():
    # (the heading's second line opens no row: the columns the grid found leave no slot after the levels)
    document = read("\n".join([
        "项目名称:农村义务教育薄弱学校改造", "绩效指标一级指标二级", "指标指标内容指标值", "产出指标数量指标农村义务教育学校改造覆盖率100%",
        "质量指标校舍维修改造质量合格率100%", "社会公众或服务对象满意度指标学生家长满意度≥90%"]))
    assert document.source == "case.txt"
