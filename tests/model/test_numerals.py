"""Numbers written in figures: what a document writes, not all that Decimal reads."""

from decimal import Decimal

import pytest

from jixiao.model.numerals import written_number


@pytest.mark.parametrize(("text", "number"), [("18", Decimal(18)), ("18.00", Decimal("18.00")), ("-5", Decimal(-5)),
                                              (".5", Decimal("0.5")), (" 10 ", Decimal(10)), ("１０", Decimal(10))])
def test_figures_are_read(text, number):
    assert written_number(text) == number


@pytest.mark.parametrize("text", ["", "NaN", "sNaN", "Infinity", "-Inf", "1e999999", "1E5", "1.2.3", "十", "10分"])
def test_what_no_document_writes_as_a_figure_is_none(text):
    assert written_number(text) is None
