"""Amounts keep the places they were written with, never fewer than two."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.model.amounts import amount, amount_text


@pytest.mark.parametrize(("value", "shown"), [
    ("18", "18.00"), ("18.000000", "18.00"), ("2279.048000", "2279.048"), ("153.5184", "153.5184"),
    ("1E+2", "100.00"), ("0", "0.00"), ("-3.5", "-3.50"), ("0.000001", "0.000001"),
])
def test_amount_text_keeps_the_written_places(value, shown):
    assert amount_text(Decimal(value)) == shown


def test_amount_of_nothing_is_nothing():
    assert amount(None) is None
