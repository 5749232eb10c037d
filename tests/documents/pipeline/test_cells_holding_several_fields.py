"""One printed cell holding what belongs to several fields: an indicator's name with its explanation (指标解释)
and target run together (corpus 180's layout), the template's empty rows whose numbering ran together into one
cell (``指标1:指标2:``, corpus 234); and one field holding several cells: the values of the sub-units a merged value
heading spans (区域目标值 over one column per district, corpus 180). Each read the same whether the cells ran
together on a line, stand one a line, or sit in a Word or Excel grid; a cut that is a guess is said at its row."""

from __future__ import annotations

import pytest

from jixiao.documents import read_bytes
from jixiao.documents.pipeline import read_text
from jixiao.documents.pipeline.labels import clean_name, split_explained_target
from tests.documents.office_files import LEFT, UP, docx_file, xlsx_file

_HEADINGS = ("一级指标", "二级指标", "三级指标", "指标解释", "目标值")
# (level 1, level 2, the name's cell holding its explanation, the target)
_ROWS = (("产出指标", "数量指标", "补助县数量反映补助县数量情况", "≥7个"),
         ("", "时效指标", "资金下达及时性反映资金下达及时情况", "及时"),
         ("效益指标", "社会效益指标", "宗教场所规范化水平反映宗教场所管理规范化情况", "明显提升"))
_READ = [("数量指标", "补助县数量", "≥7个", "反映补助县数量情况"),
         ("时效指标", "资金下达及时性", "及时", "反映资金下达及时情况"),
         ("社会效益指标", "宗教场所规范化水平", "明显提升", "反映宗教场所管理规范化情况")]


def _read(*lines: str):
    document, _ = read_text("\n".join(("专项转移支付绩效目标表", "项目名称：宗教管理经费补助", *lines)).encode(), "case.txt")
    return document


def _indicators(document) -> list[tuple]:
    return [(indicator.level2, indicator.name, indicator.target.raw, indicator.description)
            for sheet in document.sheets for indicator in sheet.indicators]


def _said(document, code: str) -> dict[int | None, str]:
    return {item.location.line: item.message for item in document.diagnostics if item.code == code}


def test_a_run_together_rows_explanation_is_cut_off_its_name_and_its_target_kept_under_the_target_column():
    # each row's cells ran together on its line: the explanation stayed with the name, and the target then took the
    # 指标解释 column (明显提升) or was left in the explanation (…情况及时)
    document = _read("".join(_HEADINGS), *("".join(row) for row in _ROWS))
    assert _indicators(document) == _READ
    said = _said(document, "P111")
    assert "“资金下达及时性反映资金下达及时情况”按“反映”拆分为三级指标与指标解释" in said[5]
    assert "“宗教场所规范化水平反映宗教场所管理规范化情况”按“反映”拆分为三级指标与指标解释" in said[6]


def test_a_cell_per_line_rows_explanation_in_its_names_cell_leaves_the_target_in_its_column():
    lines = [*_HEADINGS]
    for row in _ROWS:
        lines += [cell for cell in row[:2] if cell] + [row[2], row[3]]
    document = _read(*lines)
    assert _indicators(document) == _READ
    said = _said(document, "P102")  # (at each row's first line, its level name's)
    assert "“资金下达及时性反映资金下达及时情况”按“反映”拆分为三级指标与指标解释" in said[12]
    assert "“宗教场所规范化水平反映宗教场所管理规范化情况”按“反映”拆分为三级指标与指标解释" in said[15]


def test_a_name_whose_explanation_has_its_own_cell_is_not_cut():
    document = _read(*_HEADINGS, "产出指标", "数量指标", "补助县数量", "反映补助县数量情况", "≥7个")
    assert _indicators(document) == [("数量指标", "补助县数量", "≥7个", "反映补助县数量情况")]
    assert not _said(document, "P102")


@pytest.mark.parametrize(("text", "parts"), [
    ("资金下达及时性反映资金下达及时情况及时", ("资金下达及时性反映资金下达及时情况", "及时")),
    ("服务质量该指标反映服务质量的提升程度明显提升", ("服务质量该指标反映服务质量的提升程度", "明显提升")),
    # the explanation's own last words are no target: nothing closes it before them
    ("资金使用合规性反映资金使用是否合规", None),
    ("宗教场所规范化水平反映宗教场所管理规范化情况", None),
    ("群众满意度较高", None),  # no explanation
])
def test_a_qualitative_target_is_cut_off_an_explanation_only_after_its_closing_words(text, parts):
    assert split_explained_target(text) == parts


def test_the_template_numbering_of_empty_rows_run_together_leaves_no_name():
    assert clean_name("指标1:指标2:") == ""
    assert clean_name("指标1: 指标2:") == ""
    assert clean_name("指标1:指标2:门诊人次") == "门诊人次"
    assert clean_name("指标1:指标完成率") == "指标完成率"  # (指标 opening a name is no numbering)


_EVALUATION = [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
               ["产出指标", "数量指标", "演出场次", "50场", "52场", "20", "20"],
               ["效益指标", "社会效益指标", "指标1:指标2:", "", "", "", ""],
               ["满意度指标", "服务对象满意度指标", "观众满意度", "≥90%", "95%", "20", "20"]]


@pytest.mark.parametrize("form", ["txt", "docx", "xlsx"])
def test_a_cell_holding_the_numbering_of_two_empty_template_rows_is_no_indicator(form):
    # corpus 234: the template's empty rows 指标1: and 指标2: ran together into one cell, read as an indicator
    # named 指标2:
    if form == "txt":
        data = "\n".join(["项目支出绩效自评表", *(" | ".join(row) for row in _EVALUATION), "填表人：张明"]).encode()
    else:
        data = docx_file("项目支出绩效自评表", _EVALUATION) if form == "docx" else xlsx_file(_EVALUATION)
    document = read_bytes(data, f"case.{form}")
    assert [(indicator.level2, indicator.name) for sheet in document.sheets for indicator in sheet.indicators] == [
        ("数量指标", "演出场次"), ("服务对象满意度指标", "观众满意度")]


# corpus 180's attachment: a value heading merged over one column per district, the districts named below it
_BY_DISTRICT = [["一级指标", "二级指标", "三级指标", "指标解释", "区域目标值", LEFT, LEFT],
                [UP, UP, UP, UP, "新罗区", "永定区", "上杭县"],
                ["产出指标", "数量指标", "补助县数量", "反映补助县数量情况", "2", "3", "1"],
                [UP, "质量指标", "项目资金使用合规性", "反映项目资金使用合规情况", "≥95%", "≥95%", "≥95%"]]


@pytest.mark.parametrize("form", ["docx", "xlsx"])
def test_each_sub_units_value_under_a_merged_value_heading_keeps_a_field_of_its_own(form):
    # the three districts' values were glued into one field under 区域目标值 (2\n3\n1), the district row read as a
    # row of no indicator
    data = docx_file("专项转移支付绩效目标表", _BY_DISTRICT) if form == "docx" else xlsx_file(_BY_DISTRICT)
    document = read_bytes(data, f"case.{form}")
    read = [(indicator.name, indicator.target.raw, dict(indicator.extra)) for indicator in document.sheets[0].indicators]
    assert read == [("补助县数量", "", {"新罗区": "2", "永定区": "3", "上杭县": "1"}),  # (no one target)
                    ("项目资金使用合规性", "≥95%", {"新罗区": "≥95%", "永定区": "≥95%", "上杭县": "≥95%"})]
    assert not [item for item in document.diagnostics if item.code == "P108"]
    assert document.unaccounted == 0


def test_a_row_of_figures_under_a_merged_value_heading_is_no_row_of_sub_units():
    table = [_BY_DISTRICT[0], [UP, UP, UP, UP, "2022", "2023", "2024"], *_BY_DISTRICT[2:]]
    document = read_bytes(docx_file("专项转移支付绩效目标表", table), "case.docx")
    assert "2022" not in document.sheets[0].indicators[0].extra
