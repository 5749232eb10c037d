"""Reader diagnostics are data rendered late, as findings are (:mod:`jixiao.model.wording`): each carries its code's
template and the parameters that fill it, each parameter one cell text, name, figure or phrase, and its message is
rendered from them; a diagnostic written before (its message alone) is still read and shows the same text."""

from __future__ import annotations

import re

import pytest

from jixiao.documents.codes import KINDS, diagnostic
from jixiao.documents.pipeline import read_text
from jixiao.model import Diagnostic, Document, Location
from jixiao.model.wording import Phrase, quoted_cells, slots_of

# the score sheet's rule for scoring printed under a row (corpus 206), set aside (P108); its cell holds braces and markup
HOSTILE = "记满分{x}<script>alert(1)</script>"
SET_ASIDE = "\n".join((
    "项目名称:文化馆免费开放",
    "一级指标 二级指标 三级指标 预期指标值(A) 实际完成指标值(B) 分值 得分 未完成原因 得分计算方法",
    "产出指标 数量指标 全年免费开放 100% 100% 12.5 12.5",
    f"定量指标计算:完成值达到指标值,{HOSTILE};未达到指标值,按B/A或A/B*该指标分值记分。",
    "-",
    "质量指标 免费开放管理制度健全、执行有效性 100% 100% 12.5 12.5",
    "满意度指标 服务对象满意度指标 群众满意度 ≥90% 95% 10 10"))


@pytest.mark.parametrize("kind", KINDS.values(), ids=lambda kind: kind.code)
def test_every_diagnostic_template_renders_with_its_parameters(kind):
    values = {slot: f"值{number}" for number, slot in enumerate(sorted(slots_of(kind.template)))}
    found = diagnostic(kind.code, Location(file="case.txt"), **values)
    assert (found.template, found.params) == (kind.template, values)
    assert found.message == kind.template.format(**values)
    assert not re.search(r"\{\w+\}", found.message)  # no slot left unfilled


def test_a_diagnostic_lacking_a_slot_is_refused_where_it_is_made():
    with pytest.raises(ValueError, match="P113: no value for text"):
        diagnostic("P113", Location())


def test_a_phrase_is_spliced_into_the_template_its_words_template_its_cells_parameters():
    # P102's how: two notes of the same shape, each cell still one parameter under its own name
    how = Phrase.joined([Phrase("“{cell}”按形式认作{column}", {"cell": "≥90%", "column": "指标值"}),
                         Phrase("“{cell}”按形式认作{column}", {"cell": "{x}", "column": "指标解释"})])
    found = diagnostic("P102", Location(row=3), how=how)
    assert found.template == ("本行的单元格与表头的列不能一一对应，已按内容对齐：“{how_part_1_cell}”按形式认作{how_part_1_column}；"
                              "“{how_part_2_cell}”按形式认作{how_part_2_column}")
    assert found.params == {"how_part_1_cell": "≥90%", "how_part_1_column": "指标值", "how_part_2_cell": "{x}",
                            "how_part_2_column": "指标解释"}
    assert found.message == "本行的单元格与表头的列不能一一对应，已按内容对齐：“≥90%”按形式认作指标值；“{x}”按形式认作指标解释"


@pytest.mark.parametrize("limit", [0, 1, 2, 3, 4, 5, 7, 80])
def test_cells_quoted_shortened_are_the_joined_text_cut_each_cell_a_parameter(limit):
    cells = ["甲乙", "{x}", "", "丙"]
    quoted = quoted_cells(cells, limit=limit)
    assert str(quoted) == "｜".join(cells)[:limit]
    assert all(value in "".join(cells) for value in quoted.params.values())


def test_a_cell_read_from_a_document_is_a_parameter_never_template_text():
    document, _ = read_text(SET_ASIDE.encode(), "case.txt")
    [said] = [d for d in document.diagnostics if d.code == "P108"]
    assert HOSTILE not in said.template and "{x}" not in said.template
    assert [value for value in said.params.values() if HOSTILE in value] == [
        "定量指标计算:完成值达到指标值,记满分{x}<script>alert(1)</script>;未达到指标值,按B/A或A/B*该指标分值记分。"]
    assert said.message == f"本行没有三级指标和指标值，未读作指标：{said.params['text_cell_1']}｜-"
    # stored and read back (the web's Sheet.reading, the interchange format), the same template, data and text
    again = Document.model_validate_json(document.model_dump_json())
    assert [(d.template, d.params, d.message) for d in again.diagnostics] == [
        (d.template, d.params, d.message) for d in document.diagnostics]


def test_the_json_of_a_diagnostic_gives_its_template_and_parameters_beside_its_message():
    found = diagnostic("P106", Location(row=2), field="资金总额", value="三十{万}")
    assert found.model_dump(mode="json", include={"template", "params", "message"}) == {
        "template": "“{field}”的值“{value}”不是数字", "params": {"field": "资金总额", "value": "三十{万}"},
        "message": "“资金总额”的值“三十{万}”不是数字"}


@pytest.mark.parametrize("message", ["本行没有三级指标和指标值，未读作指标：记满分{x}｜<b>", "文件不是 UTF-8 编码，已按 GB18030 读取"])
def test_a_diagnostic_written_before_with_its_message_alone_shows_the_same_text(message):
    stored = {"code": "P108", "severity": "warning", "message": message, "location": {"sheet": "工会经费", "row": 7}}
    read = Diagnostic.model_validate(stored)
    assert (read.message, read.params) == (message, {})
    assert Diagnostic.model_validate_json(read.model_dump_json()).message == message
