"""What a report's sentences state of money: the parts an amount breaks down into (statements.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.documents.pipeline.statements import prose_report


@pytest.mark.parametrize(("sentence", "whole", "parts"), [
    ("下达资金35万元、30万元、50万元,合计115万元,用于村道养护。", "115", ["35", "30", "50"]),
    # the total followed by the next clause's 、 is the total, not one more part (a list gives back its last part)
    ("下达资金第1批35万元、第2批30万元、合计65万元、已全部拨付。", "65", ["35", "30"]),
    # a figure is read from where its digits start, whatever words before it hold digits
    ("2023年度下达1235万元、第2批30万元,共计1265万元。", "1265", ["1235", "30"]),
])
def test_parts_listed_before_their_total_are_read_with_it(sentence, whole, parts):
    report, _ = prose_report(sentence)
    assert [(said.whole, said.parts) for said in report.sums] == [(Decimal(whole), [Decimal(p) for p in parts])]


def test_a_list_of_parts_with_no_total_after_it_states_no_sum():
    report, _ = prose_report("、".join(f"第{n}批{n}万元" for n in range(1, 200)) + "。")
    assert report.sums == []
