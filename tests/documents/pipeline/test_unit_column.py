"""The form's own unit column (度量单位, 计量单位, 計(jì)量單位 …): the reader recognises it by the vocabulary and
gives its cell to the indicator as ``unit_column`` (canonical) and ``unit_column_raw`` (as written), so that review
never reads headings. Rows are those of dev corpus documents."""

from __future__ import annotations

import pytest

from jixiao.documents.pipeline import read_text
from jixiao.documents.pipeline.labels import match_key
from jixiao.documents.vocabulary import column_label
from jixiao.model.lexicon import unglossed


def read(*lines: str):
    return read_text("\n".join(lines).encode(), "case.txt")[0]


def indicators(document) -> dict[str, object]:
    return {i.name: i for sheet in document.sheets for i in sheet.indicators}


# Corpus 118 (a Traditional web copy, every heading glossed in pinyin) under each spelling of the unit column.
def corpus_118(heading: str) -> tuple[str, ...]:
    return (
        "岳陽樓區(qū)價(jià)格認(rèn)證鑒定中心2023年度整體績效目標(biāo)表 | ||||||||",
        "績效指標(biāo) | ||||||||",
        f"一級(jí)指標(biāo) | 二級(jí)指標(biāo) | 三級(jí)指標(biāo) | 指標(biāo)值類型 | *指標(biāo)值 | {heading} | "
        "*指標(biāo)解釋 | 備注 |",
        "產(chǎn)出指標(biāo) | 數(shù)量指標(biāo) | 業(yè)務(wù)工作支出安排金額 | 定量 | 28.8萬元 | % | "
        "該指標(biāo)主要考察業(yè)務(wù)工作支出安排情況 | |",
        "產(chǎn)出指標(biāo) | 質(zhì)量指標(biāo) | 業(yè)務(wù)工作支出到位率 | 定量 | 100 | % | "
        "該指標(biāo)主要考察業(yè)務(wù)工作支出安排到位情況 | |",
        "產(chǎn)出指標(biāo) | 數(shù)量指標(biāo) | 辦理價(jià)格認(rèn)定案件 | 定量 | 120 | 件 | 該指標(biāo)主要考察案件數(shù) | |",
        "效益指標(biāo) | 社會(huì)效益指標(biāo) | 保證單位正常運(yùn)轉(zhuǎn) | 定性 | 應(yīng)保盡保 | % | "
        "該指標(biāo)主要考察單位運(yùn)轉(zhuǎn) | |",
    )


@pytest.mark.parametrize("heading", ["計(jì)量單位", "计量单位", "度量单位", "度量單位", "单位", "指标单位"])
def test_the_unit_column_is_a_column_role_of_the_vocabulary_under_every_spelling(heading):
    assert column_label(match_key(heading)) == "unit"
    rows = indicators(read(*corpus_118(heading)))
    # a value that names its own unit stands beside the column's: both kept, the column's also under its heading
    amount = rows["業務工作支出安排金額"]
    assert (amount.target.unit, amount.unit_column, amount.unit_column_raw) == ("万元", "%", "%")
    assert amount.extra[unglossed(heading)] == "%"  # (the heading as written, the converter's gloss no part of it)
    # a bare number is completed by the column: the same unit in both places, the value cell kept as written
    rate = rows["業務工作支出到位率"]
    assert (rate.target.raw, rate.target.unit, rate.unit_column) == ("100", "%", "%")
    assert (rows["辦理價格認定案件"].target.unit, rows["辦理價格認定案件"].unit_column) == ("件", "件")
    # beside a word the column still says what it says
    assert (rows["保證單位正常運轉"].target.qualitative is not None, rows["保證單位正常運轉"].unit_column) == (True, "%")


def test_a_traditional_unit_cell_is_understood_on_its_simplified_form_and_kept_as_written():
    lines = list(corpus_118("計(jì)量單位"))
    lines[4] = lines[4].replace("| 100 | % |", "| 6.5 | 萬元 |")
    rate = indicators(read(*lines))["業務工作支出到位率"]
    assert (rate.target.unit, rate.unit_column, rate.unit_column_raw) == ("万元", "万元", "萬元")


def test_a_unit_glossed_in_words_is_the_unit_the_value_was_read_with():
    # corpus 112: 单位(文字描述) | %(百分比) beside the number 98
    document = read(
        "四、年度绩效指标完成情况 一级指标 二级指标 三级指标 指标分值 预期指标值 单项指标实际完成值 单项指标完成情况 自评得分",
        "符号 单位(文字描述) 单项指标得分 权重占比(%) 单项指标折算得分",
        "产出指标 质量指标 符合条件申报对象覆盖率 享受补贴政策人数占符合条件申报对象总数的比例 >= 98 %(百分比) 100% 完成 "
        "25.00 25.00 6.25",
        "时效指标 完成率 按照要求每月及时完成符合条件对象审批的比例(百分比) >= 99 %(百分比) 100% 完成 25.00 25.00 6.25",
    )
    rows = indicators(document)
    assert [(i.target.unit, i.unit_column, i.unit_column_raw) for i in rows.values()] == [
        ("%", "%", "%(百分比)"), ("%", "%", "%(百分比)")]


def test_a_figure_in_the_unit_column_is_no_unit():
    # corpus 148: a date serial repeated in the 计量单位 column
    document = read(
        "一级指标 二级指标 三级指标 指标性质 指标方向 目标值 计量单位 分值 备注",
        "产出指标 数量指标 出差人次 正向 = 24 人/次 4",
        "产出指标 时效指标 项目财政资金到位时间 正向 = 44,561 44,561 10",
    )
    rows = indicators(document)
    assert (rows["出差人次"].target.unit, rows["出差人次"].unit_column) == ("人次", "人次")
    late = rows["项目财政资金到位时间"]
    assert (late.unit_column, late.unit_column_raw, late.extra) == (None, "44,561", {"计量单位": "44,561"})


def test_a_form_without_a_unit_column_gives_none():
    document = read("一级指标 | 二级指标 | 三级指标 | 指标值 |", "产出指标 | 数量指标 | 出差人次 | 24人次 |")
    row = document.sheets[0].indicators[0]
    assert (row.target.unit, row.unit_column, row.unit_column_raw) == ("人次", None, None)


def test_a_row_short_of_cells_whose_target_has_no_operator_leaves_its_operator_cell_out():
    # corpus 122's rows under a form of 指标性质 | 指标值 | 度量单位 columns, merged cells dropped: a target written
    # without an operator is the target, not the operator
    document = read("一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | ||",
                    "成本指标 | 人工成本 | ≤ | 620 | 万/月 | ||",
                    "效益指标 | 社会效益指标 | 清扫保洁覆盖率 | ≥ | 99 | % | ||",
                    "可持续影响指标 | 保障期限 | 2020年1月--2020年11月 | |||")
    read_so = {name: (i.target.operator, i.target.raw) for name, i in indicators(document).items()}
    assert read_so["保障期限"] == (None, "2020年1月--2020年11月")
    assert read_so["清扫保洁覆盖率"][0] == "≥"
