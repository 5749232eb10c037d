"""Numbers written in figures: what a document writes, not all that Decimal reads."""

from decimal import Decimal

import pytest

from jixiao.model.numerals import capital_amount, written_number


@pytest.mark.parametrize(("text", "number"), [("18", Decimal(18)), ("18.00", Decimal("18.00")), ("-5", Decimal(-5)),
                                              (".5", Decimal("0.5")), (" 10 ", Decimal(10)), ("１０", Decimal(10))])
def test_figures_are_read(text, number):
    assert written_number(text) == number


@pytest.mark.parametrize("text", ["", "NaN", "sNaN", "Infinity", "-Inf", "1e999999", "1E5", "1.2.3", "十", "10分"])
def test_what_no_document_writes_as_a_figure_is_none(text):
    assert written_number(text) is None


@pytest.mark.parametrize(("text", "figures"), [
    ("拾贰万元", "12万元"), ("壹佰万元整", "100万元"), ("叁万元正", "3万元"), ("壹拾贰万叁仟元整", "123000元"),
    ("壹佰贰拾万零伍仟元", "1205000元"), ("人民币壹拾贰万叁仟伍佰元伍角陆分", "123500.56元"), ("貳拾萬元", "20万元"),
    ("壹佰万元伍角", "1000000.5元"),
])
def test_an_amount_in_capital_numerals_is_read_as_figures(text, figures):
    assert capital_amount(text) == figures


@pytest.mark.parametrize("text", ["12万元", "十二万元", "拾贰万", "拾贰万元以上", "壹佰万元整改", ""])
def test_other_text_is_no_capital_amount(text):
    assert capital_amount(text) is None
