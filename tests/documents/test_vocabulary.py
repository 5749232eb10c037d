"""Which cell text the label vocabulary takes for which sheet field, beyond its listed spellings."""

from __future__ import annotations

import pytest

from jixiao.documents.vocabulary import column_label, header_label, header_labels, names_a_unit
from jixiao.model.lexicon import fold, fold_all


@pytest.mark.parametrize(("text", "field"), [
    ("项目(专项)名称", "name"),  # a word in brackets inside a listed spelling
    ("资金用途及立项依据", "purpose"),  # a prose field's label joined to more words of its own
    ("项目概况和主要内容", "purpose"),
    ("*年度总体目标", "goals"),  # a required field's mark
    ("绩??效??目??标", "goals"),  # spaces lost to ? inside a spaced-out label
    ("预算数及执行数", None),  # an amount's label joined to another heads two columns of figures, not one field
    ("资金用途及立项依据1", None),
    ("(2022年度)", None),
])
def test_a_header_label_is_recognised_whole_in_the_spellings_real_forms_print(text, field):
    assert header_label(text) == field


@pytest.mark.parametrize(("text", "field"), [
    # an amount's label saying which government's budget it is and that the unit applied for it (corpus 290's family:
    # 本年度申请市财政预算资金(万元) beside 中期市财政预算(万元)), composed with the year's words and the money unit
    ("当年申请县级财政预算资金(万元)", "total"), ("本年区财政预算资金", "total"), ("本年度预算资金(元)", "total"),
    ("中期省财政预算(万元)", "period_total"),
    ("财政预算、决算", None), ("申请省财政预算的请示", None), ("本年度项目名称(万元)", None),
])
def test_an_amount_label_naming_whose_budget_it_is(text, field):
    assert header_label(text) == field


def test_a_required_mark_does_not_hide_a_grid_column():
    assert column_label("*指标值") == "target"


def test_a_bracketed_word_before_a_label_is_a_numbering_not_part_of_it():
    # corpus 113: (一)财政拨款小计 is the first line of a money table, no 财政拨款 label with 小计 its value
    assert header_label("(一)财政拨款") is None


@pytest.mark.parametrize(("text", "field"), [
    ("年度金额(提前下达)", "total"),  # an amount's label with a note on which money it is (226)
    ("资金总额(含结转)", "total"),
    ("项目名称(提前下达)", None),  # only an amount's label takes a note
    ("项目类型", "attribute"),  # the form's fields on the kind of project: labels, though no field of the sheet
    ("填报日期", "attribute"),
])
def test_an_amount_label_with_a_note_and_the_forms_attribute_labels(text, field):
    assert header_label(text) == field


# Spellings that reach every branch of the lookup (a bracketed word inside, a joined field, a summed amount, a noted
# amount), in Traditional, full-width and spaced forms, and prefixes of cells that run a label into its value.
_SPELLINGS = ["项目(专项)名称", "資金用途及立項依據", "资金使用情况(万元)合计", "年度金额(提前下达)", "其中：财政拨款",
              "*年度总体目标", "項 目 名 稱", "ＡＢＣ１２３", "", "  ", "预算数及执行数", "項目名稱乡镇维稳经费", "资金总额１５"]


@pytest.mark.parametrize("text", _SPELLINGS)
def test_labels_asked_together_are_the_labels_asked_one_by_one(text):
    prefixes = [text[:length] for length in range(len(text), 0, -1)]
    assert header_labels(prefixes) == [header_label(prefix) for prefix in prefixes]
    assert fold_all(prefixes) == [fold(prefix) for prefix in prefixes]


@pytest.mark.parametrize(("text", "unit"), [
    ("井研县马踏镇人民政府", True),
    ("某区财政国库支付中心", True),
    ("某市发展和改革委员会", True),
    ("遵化市西留村乡", True),
    ("乡镇环境治理经费", False),  # a project's name
    ("政府采购", False),  # the word inside, not at the end
])
def test_a_unit_name_is_told_by_how_it_ends_in_the_vocabulary(text, unit):
    assert names_a_unit(text) is unit
