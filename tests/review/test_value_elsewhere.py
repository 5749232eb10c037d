"""JX107 (指标值 empty) stays silent when the row's value stands in a column the reader set aside and found to hold
a value of the row (``value_columns``: 评价指标值, 目标完成值, a second 目标值). Which columns those are is the
reader's business (by the vocabulary's column roles, Traditional headings alike); the rule never reads the
headings' words. Rows are dev corpus 135's (江苏宜兴 基本公共卫生服务 自评表: 项目资金管理要求 under 评价指标值,
its 标准值 cell empty)."""

from __future__ import annotations

import pytest

from jixiao.documents.pipeline import read_text
from jixiao.model import Indicator
from jixiao.model.lexicon import unglossed
from jixiao.review import load_profile, review_document
from tests.review.sheets import build_document, load_data

BASE = load_data("rule_cases.toml")["base"]
NAME = "项目资金管理要求"
# corpus 135's row 8 as the reader keeps it aside (its 得分 cell, a figure, would say the value is there anyway)
READ_135 = {"目标名称": "1.资金管理情况", "目标值": "专账核算", "目标完成值": "专账核算", "评价指标值": NAME, "得分": "2"}


def _jx107(extra: dict[str, str], value_columns: list[str]) -> list[str]:
    """JX107's findings on the base sheet with corpus 135's row added, ``extra`` and ``value_columns`` as given."""
    document = build_document({**BASE, "rows": [*BASE["rows"], ["二、管理目标", "", NAME, "", "", ""]]})
    sheet = document.sheets[0]
    row = sheet.indicators[-1].model_copy(update={"extra": extra, "value_columns": value_columns})
    return _findings(_with_rows(document, [*sheet.indicators[:-1], row]))


def _with_rows(document, indicators: list[Indicator]):
    return document.model_copy(update={"sheets": [document.sheets[0].model_copy(update={"indicators": indicators})]})


def _findings(document) -> list[str]:
    return [f.message for f in review_document(document, load_profile()).findings if f.rule == "JX107"]


@pytest.mark.parametrize(("extra", "value_columns", "reported"), [
    # the row as read: its value columns listed
    (READ_135, ["目标值", "目标完成值", "评价指标值"], False),
    # the 评价指标值 cell alone, in Simplified and in Traditional: listed, it holds the row's value
    ({"评价指标值": NAME}, ["评价指标值"], False),
    ({"評價指標值": NAME}, ["評價指標值"], False),
    ({"評(píng)價(jià)指標(biāo)值": NAME}, ["評(píng)價(jià)指標(biāo)值"], False),
    # not listed, the same headings say nothing, whatever their words (指标值, 指標)
    ({"评价指标值": NAME}, [], True),
    ({"評價指標值": NAME}, [], True),
    ({"指标值说明": "按财务制度专账核算"}, [], True),  # a description column
    # listed but empty: no value there
    ({"评价指标值": " "}, ["评价指标值"], True),
])
def test_a_value_in_a_column_the_reader_found_holds_one_is_a_value_elsewhere(extra, value_columns, reported):
    found = _jx107(extra, value_columns)
    assert bool(found) is reported, found
    if reported:
        assert found == [f"指标“{NAME}”的“指标值”为空"]


def _read_135(actual: str, evaluated: str):
    """Corpus 135's header and rows 2, 8 and 9 (without their 得分 column) under the given headings."""
    lines = ["基本公共卫生服务项目绩效自评表",
             f"一级指标 | 目标名称 | 目标值 | 评价指标 | 标准值 | {actual} | {evaluated} | 权重分值 | 评分规则",
             "一、投入目标 | 1.预算投入资金 | 6475 | 预算完成率 | 100% | 6475 | 100% | 1 | 预算完成率超出正负10%不得分",
             f"二、管理目标 | 资金管理情况 | 专账核算 | {NAME} | | 专账核算 | {NAME} | 2 | 专账核算资金/实际投入资金*100%≠100%则不得分",
             "二、管理目标 | 财务管理 | 支出符合财务管理制度规定 | 财务管理规范度 | 100% | 符合财务管理制度规定 | 财务管理规范度 | 2 | "
             "支出手续不完备酌情扣分,支出不符合项目要求不得分"]
    return read_text("\n".join(lines).encode(), "case.txt")[0]


@pytest.mark.parametrize(("actual", "evaluated"), [
    ("目标完成值", "评价指标值"),
    ("目標完成值", "評價指標值"),  # Traditional
    ("目標(biāo)完成值", "評(píng)價(jià)指標(biāo)值"),  # Traditional, glossed in pinyin
])
def test_the_reader_finds_the_value_columns_by_their_role_and_jx107_follows(actual, evaluated):
    document = _read_135(actual, evaluated)
    row = next(i for i in document.sheets[0].indicators if i.name == NAME)
    # (the headings as written, a converter's pinyin gloss no part of them)
    assert row.target.raw == "" and row.extra[unglossed(evaluated)] == NAME
    assert row.value_columns == ["目标值", unglossed(actual), unglossed(evaluated)]  # 目标名称 (a name column) is none
    assert _findings(document) == []
    # the same row without what the reader found: the cells are all words, so the 指标值 is empty
    cleared = [i.model_copy(update={"value_columns": []}) for i in document.sheets[0].indicators]
    assert _findings(_with_rows(document, cleared)) == [f"指标“{NAME}”的“指标值”为空"]
