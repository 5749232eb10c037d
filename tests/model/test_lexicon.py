"""Folding and conversion to Simplified: what every vocabulary match rests on."""

from __future__ import annotations

import pytest

from jixiao.model.lexicon import WrittenText, fold, simplified


@pytest.mark.parametrize(("text", "folded"), [
    ("≧９５％", "≥95%"),  # a variant operator and full-width figures
    ("不少於　１００萬元", "不少于100万元"),  # Traditional characters and a full-width space
    ("100 万元", "100万元"),
    ("项目名称", "项目名称"),  # nothing to change
])
def test_fold_turns_every_spelling_of_a_word_into_one(text, folded):
    assert fold(text) == folded


def test_full_width_figures_become_ascii_in_simplified_text_and_only_those():
    assert simplified("饲养动物免疫率５％＝１００，達標") == "饲养动物免疫率5%=100，达标"
    assert simplified("绩效目标，达标") == "绩效目标，达标"


def test_the_small_forms_of_the_operators_become_ascii_one_for_one():
    # (a PDF's CJK font prints = > < in their small forms: 项目验收合格率﹦100%)
    assert simplified("项目验收合格率﹦100%，及时率﹥90%，差错率﹤5%") == "项目验收合格率=100%，及时率>90%，差错率<5%"


def test_a_written_text_gives_pieces_back_as_written():
    text = WrittenText("產出指標 數量指標 培训人次 ≥５００人次")
    assert text.changed and text.of("数量指标") == "數量指標"
