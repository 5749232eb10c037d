"""JX947 on a report with no table: a budget above the central and local money the text says was allotted, unless
the text states an amount that makes up the difference, in any sentence (the prose reader keeps every amount in 万元
a sentence states: the rule never reads the sentences again)."""

from __future__ import annotations

from jixiao.documents.read import read_bytes
from jixiao.review import load_profile, review_document

# the shape of corpus 270 written anew: centre 500, province 120 and counties 80 allotted, budget 760: 60 unexplained
_REPORT = """关于2023年度农村饮水安全项目绩效自评的报告
一、项目基本情况
2023年，中央下达农村饮水安全补助资金500万元，省级财政安排配套资金120万元，县级财政安排配套资金80万元。
二、资金使用情况
项目全年预算数760万元，执行数700万元，资金执行率为92.11%。
"""


def _findings(text: str) -> list:
    document = read_bytes(text.encode("utf-8"), "report.txt")
    return [finding for finding in review_document(document, load_profile()).findings if finding.rule == "JX947"]


def test_a_budget_above_the_stated_sources_is_reported_with_its_figures():
    (finding,) = _findings(_REPORT)
    assert finding.location.line == 5
    assert {key: str(finding.params[key]) for key in ("budget", "central", "local", "whole", "gap")} == {
        "budget": "760.00", "central": "500.00", "local": "200.00", "whole": "700.00", "gap": "60.00"}


def test_an_amount_making_up_the_difference_in_a_sentence_of_its_own_explains_it():
    # 上年结转 is no level's money and the sentence states no budget: the amount alone makes up the 60
    assert _findings(_REPORT + "另有上年结转60万元一并使用。\n") == []
    assert len(_findings(_REPORT + "另有上年结转50万元一并使用。\n")) == 1
