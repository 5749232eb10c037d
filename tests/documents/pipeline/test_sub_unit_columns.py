"""One value column per sub-unit under a 目标值 caption (区域目标值 over 西坪镇 | 桃舟乡 | 芦田镇), in grids whose
names stand on a heading row below the caption, in streams of one cell per line and in run-together text: the names are the columns (``Indicator.extra``), a value every sub-unit
shares is the row's target, as in a grid whose headings are the names. Compact made-up cases."""

from __future__ import annotations

import pytest

from jixiao.documents import read_bytes
from jixiao.documents.pipeline import read_text
from tests.documents.office_files import LEFT, UP, Table, docx_file, xlsx_file

_TOWNS = ("西坪镇", "桃舟乡", "芦田镇")


def read(text: str):
    return read_text(text.encode(), "case.txt")[0]


def _by_town(*values: str) -> dict[str, str]:
    return dict(zip(_TOWNS, values))


def test_run_together_caption_names_and_rows():
    text = ("项目名称乡村水利补助资金情况(万元)资金总额:30绩效指标一级指标二级指标三级指标指标解释区域目标值西坪镇桃舟乡芦田镇"
            "产出指标数量指标水利工程建设数量反映水利工程建设情况211质量指标工程验收合格率反映工程验收合格情况>=95%>=95%>=95%"
            "效益指标社会效益指标受益群众满意度反映群众满意情况>=90%>=90%>=90%")
    built, passed, satisfied = read(text).sheets[0].indicators
    # the caption is no indicator; each row's name and explanation cut apart, its values under the towns
    assert (built.name, built.description, built.extra) == (
        "水利工程建设数量", "反映水利工程建设情况", _by_town("2", "1", "1"))
    assert built.target.raw == ""  # the towns differ: no one target
    assert (passed.name, passed.description, passed.extra) == (
        "工程验收合格率", "反映工程验收合格情况", _by_town(">=95%", ">=95%", ">=95%"))
    assert (passed.target.operator, passed.target.value, passed.target.unit) == ("≥", 95, "%")  # shared by all
    assert (satisfied.level1, satisfied.name, satisfied.target.raw) == ("效益指标", "受益群众满意度", ">=90%")


def test_run_together_text_cut_after_the_first_word_of_an_explanation_leaves_that_row_out():
    text = ("绩效指标一级指标二级指标三级指标指标解释区域目标值西坪镇桃舟乡芦田镇产出指标数量指标水利工程建设数量"
            "反映水利工程建设情况211质量指标工程验收合格率反映工程验收合格情况>=95%>=95%>=95%项目完成率反映")
    document = read(text)
    assert [indicator.name for indicator in document.sheets[0].indicators] == ["水利工程建设数量", "工程验收合格率"]
    assert [d.code for d in document.diagnostics if d.code in ("P114", "P120")] == ["P120"]


@pytest.mark.parametrize("caption", ["区域目标值", "指标值"])
def test_caption_and_names_one_per_line(caption):
    text = "\n".join(["一级指标", "二级指标", "三级指标", caption, *_TOWNS,
                      "产出指标", "数量指标", "开展水利工程建设(个)", "2", "1", "1",
                      "质量指标", "资金使用合规性", ">=95%", ">=95%", ">=95%"])
    built, used = read(text).sheets[0].indicators
    assert (built.name, built.target.raw, built.extra) == ("开展水利工程建设(个)", "", _by_town("2", "1", "1"))
    assert (used.name, used.target.raw, used.extra) == ("资金使用合规性", ">=95%", _by_town(">=95%", ">=95%", ">=95%"))


def test_headings_of_figures_after_the_value_column_are_no_sub_units():
    # 指标标准或依据 | 2021年实际实现值 | 预期2022年实现值 after 指标值 name further columns, not towns: 指标值 stays
    # the target's column
    text = "\n".join(["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "指标标准或依据", "2021年实际实现值",
                      "预期2022年实现值", "产出指标", "数量指标", "主体班培训人次", "280人次", "上级文件", "260人次", "280人次"])
    first = read(text).sheets[0].indicators[0]
    assert (first.name, first.target.raw) == ("主体班培训人次", "280人次")


_GRID: Table = [
    ["一级指标", "二级指标", "三级指标", "指标解释", "区域目标值", LEFT, LEFT],
    [UP, UP, UP, UP, *_TOWNS],
    ["产出指标", "数量指标", "水利工程建设数量", "反映建设情况", "2", "1", "1"],
    ["产出指标", "质量指标", "工程验收合格率", "反映验收情况", ">=95%", ">=95%", ">=95%"],
]


@pytest.mark.parametrize("document", [
    lambda: read_bytes(xlsx_file(_GRID), "case.xlsx"),
    lambda: read_bytes(docx_file(_GRID), "case.docx"),
    # pipe rows: the caption's merged cells empty, the names on the row below
    lambda: read("\n".join("| " + " | ".join("" if cell in (LEFT, UP) else cell for cell in row) + " |"
                           for row in _GRID)),
], ids=["xlsx", "docx", "pipe-rows"])
def test_grid_caption_over_a_row_of_names(document):
    built, passed = document().sheets[0].indicators
    assert (built.name, built.target.raw, built.extra) == ("水利工程建设数量", "", _by_town("2", "1", "1"))
    assert (passed.name, passed.target.raw, passed.extra) == (
        "工程验收合格率", ">=95%", _by_town(">=95%", ">=95%", ">=95%"))
