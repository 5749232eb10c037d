"""Run-together text, Traditional characters and OCR noise (layout families 4, 8 and 9 of
../shared/corpus/README.md), on compact made-up snippets of each family."""

from __future__ import annotations

import pytest

from jixiao.documents.pipeline import read_text
from jixiao.documents.pipeline.labels import looks_like_target, segment, split_name_target


def read(text: str):
    document, accounting = read_text(text.encode(), "case.txt")
    assert accounting.tokens == accounting.placed + accounting.diagnosed + accounting.chrome
    return document


def test_traditional_level_names_are_understood_and_a_level_heading_on_its_own_line_still_leads():
    document = read("\n".join([
        "|",
        "一級 指標 |",
        "| 二級指標 | 三級指標 | 指標性質 | 指標值 | 度量單位 |",
        "| 產出指標 | 數量指標 | 補助經費 | ﹦ | 72890 | 元 |",
        "| 質量指標 | 驗收合格率 | ≥ | 95 | % |",
        "| 滿意度指標 | 服務對象滿意度指標 | 滿意度 | ≥ | 90 | % |",
    ]))
    assert [(i.level1, i.level2, i.level2_raw, i.name) for i in document.sheets[0].indicators] == [
        ("产出指标", "数量指标", "數量指標", "补助经费"),
        ("产出指标", "质量指标", "質量指標", "验收合格率"),
        ("满意度指标", "服务对象满意度指标", "服務對象滿意度指標", "满意度"),  # a level word after both levels is the name
    ]


@pytest.mark.parametrize(("text", "parts"), [
    ("免疫规划知识培训次数2次以上", ("免疫规划知识培训次数", "2次以上")),
    ("资金使用效率二100百分比", ("资金使用效率", "二100百分比")),
    ("各项工作完成及时率%=99百分比", ("各项工作完成及时率", "%=99百分比")),
    ("开放天数≥300天", ("开放天数", "≥300天")),
    ("取得2018-2022", None),  # a name that ends in a number keeps it
    ("森林火灾6小时内扑灭率", None),
    ("开展宣传活动次数20次以", None),  # cut by the end of the file: no operator word
    ("覆盖率100%", None),  # a bare percentage may be part of the name: not split without an operator
])
def test_a_name_and_its_target_run_together_are_split_only_at_an_operator(text, parts):
    assert split_name_target(text) == parts


def test_operators_as_words_and_ocr_operators_make_a_target():
    assert looks_like_target("1000人次以上") and looks_like_target("二100百分比") and looks_like_target("%=99百分比")
    assert not looks_like_target("二级指标") and not looks_like_target("100%")


def test_one_cell_lines_holding_name_and_target_are_rows_and_the_split_is_reported():
    document = read("\n".join([
        "一级指标二级指标三级指标指标值及单位",
        "产出指标数量指标检测人次1000人次以上",
        "培训次数2次以上",
        "培训人次200人以上",
    ]))
    indicators = document.sheets[0].indicators
    assert [(i.level2, i.name, i.target.operator, str(i.target.value), i.target.unit) for i in indicators] == [
        ("数量指标", "检测人次", "≥", "1000", "人次"), ("数量指标", "培训次数", "≥", "2", "次"),
        ("数量指标", "培训人次", "≥", "200", "人")]
    split = [d for d in document.diagnostics if d.code == "P102"]
    assert [(d.location.line, "“培训次数2次以上”按形式拆分" in d.message) for d in split][:1] == [(3, True)]
    assert indicators[1].confidence < 0.8


def test_ocr_operators_inside_a_run_together_table_stay_with_their_target():
    assert segment("一级指标二级指标三级指标指标值产出指标质量指标考核完成率%=99百分比成本指标经济成本指标资金使用效率二100百分比") == (
        "一级指标", "二级指标", "三级指标", "指标值", "产出指标", "质量指标", "考核完成率", "%=99百分比", "成本指标",
        "经济成本指标", "资金使用效率", "二100百分比")


def test_a_run_together_self_evaluation_with_short_level_names_and_a_caption_before_the_header():
    document = read("年度绩效目标完成情况一级指标二级指标三级指标年初目标值实际完成值未完成原因及改进措施"
                    "产出指标产出数量灭火设备配备率100%100%达成预期效益指标社会效益重大森林火灾0起0起")
    sheet = document.sheets[0]
    assert [(i.level1, i.level2, i.name, i.target.raw, i.extra.get("实际完成值")) for i in sheet.indicators] == [
        ("产出指标", "数量指标", "灭火设备配备率", "100%", "100%"), ("效益指标", "社会效益指标", "重大森林火灾", "0起", "0起")]


def test_a_numbered_name_that_is_also_a_level_word_stays_a_name():
    assert segment("满意度指标服务对象满意度指标指标1:服务对象满意度90%") == (
        "满意度指标", "服务对象满意度指标", "指标1:服务对象满意度", "90%")
