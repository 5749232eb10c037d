"""Headings OCR scrambled: a heading wrapped in a narrow cell read column by column (参考 / 分值 as 考值参分) is
still known by its characters, and run onto the known heading after it, it is cut off that heading."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.documents.pipeline import read_text
from jixiao.documents.pipeline.labels import column_kind, segment


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("考值参分", "weight"),  # 参考分值
        ("成值完际实", "actual"),  # 实际完成值
        ("值标指度年", "target"),  # 年度指标值
        ("级三", None),  # (two characters: too few to be known by them alone)
        ("指标名称", "name"),
    ],
)
def test_a_heading_is_known_by_its_characters_in_any_order(text, kind):
    assert column_kind(text) == kind


def test_words_that_share_no_heading_s_characters_exactly_are_no_heading():
    assert column_kind("分值参考价") is None
    assert column_kind("值分") is None


def test_a_scrambled_heading_run_onto_the_known_heading_after_it_is_cut_off():
    pieces = segment("一级指标二级指标三级指标考值参分指标值(八)全年实际值得分产出指标数量指标保障人数102370人2370人10")
    assert pieces[3:6] == ("考值参分", "指标值(八)", "全年实际值")


def test_a_run_together_self_evaluation_under_a_scrambled_weight_heading_reads_its_weights():
    # corpus 104: 参考分值 OCR'd as 考值参分 and run onto 指标值(A) (its A read as 八): without the weight's column
    # no header was found, and the document was refused
    text = (
        "项目支出绩效自评表(2021年)项目名称初中公用经费一级指标二级指标三级指标考值参分指标值(八)全年实际值(B)得分"
        "产出指标数量指标保障人数102370人2370人10质量指标公用经费标准5符合相关文件要求符合相关文件要求5"
    )
    document, accounting = read_text(text.encode(), "case.txt")
    assert accounting.tokens == accounting.placed + accounting.diagnosed + accounting.chrome
    sheet = document.sheets[0]
    assert [(i.level2, i.name, i.target.raw, i.weight) for i in sheet.indicators] == [
        ("数量指标", "保障人数", "2370人", Decimal(10)),
        ("质量指标", "公用经费标准", "符合相关文件要求", Decimal(5)),
    ]
    assert [(item.actual_raw, item.score) for item in sheet.evaluation.items] == [
        ("2370人", Decimal(10)),
        ("符合相关文件要求", Decimal(5)),
    ]
