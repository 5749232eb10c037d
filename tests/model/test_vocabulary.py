from itertools import product

import pytest

from jixiao.model import (
    Framework,
    Indicator,
    canonical_level1,
    canonical_level2,
    form_text,
    level2_parents,
    not_an_indicator,
)
from jixiao.model.vocabulary import may_end_level_name


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [("效果指标", "效益指标"), ("产出指标", "产出指标"), ("产出", "产出指标"), ("一、产出指标", "产出指标"),
     ("满意度指标", "满意度指标"), ("产出指标(50分)", "产出指标"), ("效益指标（30分）", "效益指标"),
     # points as a range, inside or after the brackets (a Sichuan form, corpus 037 family): the level still reads
     ("成本指标(0-20)分", "成本指标"), ("产出指标(40-50分)", "产出指标"),
     # corpus 169: the points' opening bracket lost (效益指标 | 30分)), a figure without 分 no points
     ("效益指标30分)", "效益指标"), ("效益指标30)", None),
     # Guangdong's 批复表 names its first level 预期产出指标 (corpus 290's family)
     ("预期产出指标", "产出指标"), ("三、预期产出指标(40分)", "产出指标"),
     ("不是指标", None), ("", None)],
)
def test_level1(raw, canonical):
    assert canonical_level1(raw) == canonical


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [("数量", "数量指标"), ("环境效益指标", "生态效益指标"), ("生态效益指标", "生态效益指标"),
     ("社会效益 指标", "社会效益指标"), ("服务对象满意度", "服务对象满意度指标"), ("１.质量指标", "质量指标"),
     # corpus 199: a Zhejiang form's own wording of the level-2 names
     ("可持续性发展影响指标", "可持续影响指标"), ("服务对象或受益者满意度指标", "服务对象满意度指标"),
     # the level 1 run into the level 2, as 产出数量 is, written with 指标 (a report's 1.产出数量指标：…)
     ("产出数量指标", "数量指标"), ("产出时效指标", "时效指标"),
     # corpus 229: a word typed twice is the level it doubles; the level's own 指标 said again ends it (数量指标指标1:
     # is 数量指标 and the next cell's 指标1), so that text names no level
     ("社会效益效益指标", "社会效益指标"), ("数量指标指标", None), ("效益效益", None),
     # the form's gloss in brackets (corpus 290's family: Guangdong's 批复表): an alternative it allows, inside the
     # name or after it, or the narrower names it means, after it; the level is the name without the gloss
     ("质量指标(或技术标准指标)", "质量指标"), ("时效指标(进度指标)", "时效指标"),
     ("时效指标（完工指标、节点指标）", "时效指标"), ("投资(或预算规模)控制指标", "成本指标"),
     # a bracket that is no gloss still names no level
     ("质量指标(验收)", None)],
)
def test_level2(raw, canonical):
    assert canonical_level2(raw) == canonical


def test_frameworks_place_cost_differently():
    assert level2_parents(Framework.LEGACY)["成本指标"] == "产出指标"
    assert level2_parents(Framework.Y2021)["经济成本指标"] == "成本指标"
    assert "成本指标" not in level2_parents(Framework.Y2021)


@pytest.mark.parametrize(("written", "level2"), [("进度指标", "进度指标"), ("制度指标", "制度指标"), ("数量目标", "数量目标"),
                                               ("1.数量目标", "数量目标"), ("（二）质量目标", "质量目标"), ("过程指标", "过程指标"),
                                               ("工作量指标", None)])
def test_level2_names_outside_the_framework_are_kept_as_written_when_forms_use_them(written, level2):
    # corpus 015 (进度指标), 030 (制度指标), 037 (数量目标 under 产出目标): not mapped to 时效指标, not lost either;
    # 135 and 037 number them as sections (1.数量目标), as tables number the framework's own level names
    indicator = Indicator.from_cells(level1="产出指标", level2=written, name="取得2018-2022监测资料", target="100%")
    assert (indicator.level2, indicator.level2_raw, canonical_level2(written)) == (level2, written, None)


@pytest.mark.parametrize("framework", list(Framework))
def test_level2_parents_are_built_once_and_shared_read_only(framework):
    # Every row of every sheet asks: the mapping is built once per framework, so no caller may change it.
    parents = level2_parents(framework)
    assert parents is level2_parents(framework)
    with pytest.raises(TypeError):
        parents["数量指标"] = "效益指标"  # type: ignore[index]
    assert dict(parents) == dict(level2_parents(framework))


def test_traditional_level_names_are_understood_and_kept_as_written():
    # corpus 151 in Traditional: the NDRC form's own level-2 name (监督检查指标) as well as the framework's
    assert (canonical_level1("產出指標"), canonical_level2("滿意度指標")) == ("产出指标", "服务对象满意度指标")
    indicator = Indicator.from_cells(level1="產出指標", level2="監督檢查指標", name="審計、督查、巡視等指出問題項目比例",
                                     target="≤1%")
    assert (indicator.level1, indicator.level2, indicator.level2_raw) == ("产出指标", "监督检查指标", "監督檢查指標")
    assert (indicator.target.operator, indicator.target.value, indicator.target.raw) == ("≤", 1, "≤1%")


@pytest.mark.parametrize(("name", "expected"), [
    ("满意度指标(10分)", True),  # a 一级指标 label heading the rows below
    ("30分)", True),  # a level's points broken off its label (corpus 169)
    ("95%", True), ("75元", True), ("24694人", True),  # values an out-of-order copy put in the name column (161, 170)
    ("村", True),  # a word broken off the cell above
    ("-定性", True), ("定量", True),  # the 指标性质 cell of a spare row whose name is the copy's dash (corpus 276)
    ("定性指标完成率", False),
    ("整治村数", False), ("5G基站建设数", False), ("2021年项目完成率", False),
])
def test_a_name_that_holds_no_indicator_of_its_own(name, expected):
    assert not_an_indicator(Indicator.from_cells(name=name, target="≥1个")) is expected


@pytest.mark.parametrize(("target", "weight", "expected"), [
    ("1038.7536.29.34", "10", True),  # figures of three cells run together (corpus 262)
    ("≥12种", "116", True),  # a weight above a whole table's 100 points (corpus 170: 1 and a figure after it)
    ("2022.12.31前", "10", False), ("2020.1.1-2020.12.31", "10", False),  # dates written with points
    ("≥95.5%", "100", False),
])
def test_a_row_whose_value_or_weight_cell_holds_other_cells(target, weight, expected):
    assert not_an_indicator(Indicator.from_cells(name="整治村数", target=target, weight=weight)) is expected


@pytest.mark.parametrize(("name", "expected"), [
    ("区域目标值新罗区永定区上杭县", True),  # the value columns' heading over one column per district (corpus 180)
    ("定量指标计算:完成值达到指标值,记满分;未达到指标值,按B/A或A/B*", True),  # the rule for scoring (corpus 206)
    ("指标2:", False),  # a numbered spare row: the form's, but the preparer's to fill (the review reports it)
    ("目标完成率", False), ("年度指标完成情况", False), ("是否完成绩效目标申报表中申报的数量", False),
])
def test_the_forms_own_text_in_the_name_column(name, expected):
    assert form_text(name) is expected


# pieces level names are written with: spellings, Traditional ones, numbering, points, 值, 等, spaces, other words
_NAME_PIECES = ["产出", "指标", "效益", "满意度", "服务对象", "社会", "经济效益", "成本", "质量", "时效", "可持续影响",
                "標", "產出", "質量", "響", "值", "等", "(50分)", "（30分）", "(0-20)分", "一、", "１.", "3)", " ", "\u3000",
                "的", "x", "⑴", "分", "）"]


def test_a_text_read_as_a_level_name_ends_where_may_end_level_name_says_one_can():
    # (the reader tries only the prefixes of a line that may end a level name: one that could end it and was
    # not tried would lose the name)
    for length in (1, 2, 3):
        for pieces in product(_NAME_PIECES, repeat=length):
            text = "".join(pieces)
            if canonical_level1(text) or canonical_level2(text):
                assert may_end_level_name(text[-1]), text


@pytest.mark.parametrize(("char", "expected"), [("标", True), ("標", True), ("值", True), ("）", True), (" ", True),
                                                ("的", False), ("x", False)])
def test_may_end_level_name(char, expected):
    assert may_end_level_name(char) is expected
