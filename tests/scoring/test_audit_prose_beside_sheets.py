"""A self-evaluation report with an indicator table (or its indicators in prose, read as a sheet) and paragraphs on
its money: the sentences outside the table are kept (``Document.prose``) and audited with the prose rules, each
finding at its line; a sentence whose money the sheet also gives is the sheet rules' (one finding, not two).
Sentences quoted from dev documents (corpus 221, 188)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.documents import read_bytes
from jixiao.model import Document, GoalSheet, MoneyStatement, ProseReport, ReportedEvaluation
from jixiao.review import load_profile
from jixiao.review.engine import review_document
from jixiao.scoring.audit import audit_document, audit_prose
from jixiao.scoring.profile import load_profile as load_scoring_profile

# corpus 221 (lines as in the file): money received by source, then spent by source, no word on why 中央 money is left
REPORT_221 = """优抚对象生活补助经费转移支付2023年度绩效自评报告

一、绩效目标分解下达情况

为保证通过发放优抚对象抚恤补助资金,使优抚对象等人员的基本生活得到有效保障,2023年收到中央下达优抚对象生活补助资金1372.7万元,自治区下达98.6万元,地方匹配859.6万元。

二、绩效目标完成情况分析

(一)资金投入情况分析

   2023年收到财政资金共2330.9万元,其中:中央资金1372.7万元,地方资金98.6万元,其他资金859.6万元2023年支出2310.4万元,其中中央资金1352.2万元,地方资金98.6万元,其他资金859.6万元

(四)绩效指标完成情况分析

1.数量指标。404名服务对象对象发放补助金2126.81万元,持续有效改善他们的基本生活情况。

2.质量指标。经费发放率为98%覆盖率及资金到位率均为100%。

3.时效指标。优抚对象生活补助金每月中旬发放指标为100%实际完成值为100%
"""

# corpus 188: the budget by source in one paragraph, the amount spent and its rate (the sheet's money) in another
REPORT_188 = """锡林郭勒盟城乡居民基本养老保险补助资金2022年度绩效自评报告
一、绩效目标分解下达情况
(一)城乡居民基本养老保险补助资金各级财政预算安排情况、分解下达预算情况。2022年锡林郭勒盟城乡居民基本养老保险补助经费预算数30075万元,其中:中央补助资金11375万元,自治区财政补助资金3953万元,盟市财政补助资金3261万元,旗县级财政资金10935万元,其他资金(包括结转结余资金、利息收入)551万元。
二、绩效情况分析
(一)资金投入情况分析。2022年城乡居民养老保险资金执行总量29675万元,预算执行率为98.67%。
(四)绩效指标完成情况分析。
1.产出指标。
数量指标。养老金领取人数全年平均领取人数达到15万人,完成年度目标。
"""


def _read(text: str) -> Document:
    return read_bytes(text.encode("utf-8"), "report.txt")


def test_a_report_read_as_a_sheet_keeps_its_money_sentences_with_their_line():
    document = _read(REPORT_221)
    assert document.sheets and document.prose is not None
    statement, = document.prose.money
    assert (statement.line, statement.budget, statement.spent) == (11, Decimal("2330.9"), Decimal("2310.4"))
    central = [(f.line, f.role, f.amount) for f in document.prose.funds if f.source == "中央"]
    assert central == [(5, "received", Decimal("1372.7")), (11, "received", Decimal("1372.7")),
                       (11, "spent", Decimal("1352.2"))]


def test_central_money_left_unexplained_beside_a_sheet_is_reported_at_the_spending_line():
    findings = audit_prose(_read(REPORT_221), load_scoring_profile("central"))
    assert [(f.rule, f.severity.value, f.location.line, f.params["spent"], f.params["received"], f.params["left"])
            for f in findings] == [("JXA35", "warning", 11, "1352.2", "1372.7", "20.5")]


def test_a_reason_given_in_the_report_silences_it():
    text = REPORT_221 + "\n中央资金结余20.5万元,原因是部分优抚对象年内去世,补助资金未拨付。\n"
    assert audit_prose(_read(text), load_scoring_profile("central")) == []


def test_the_sheets_money_read_from_a_sentence_is_not_reported_twice():
    # corpus 188: 执行总量29675万元,预算执行率为98.67% is the sheet's money; the budget by source gives nothing
    document = _read(REPORT_188)
    evaluation = document.sheets[0].evaluation
    assert (evaluation.spent, evaluation.execution_rate) == (Decimal("29675"), Decimal("98.67"))
    assert [(s.line, s.budget, s.spent, s.rate) for s in document.prose.money] == [
        (3, Decimal("30075"), None, None), (5, None, Decimal("29675"), "98.67")]
    assert audit_prose(document, load_scoring_profile("central")) == []


def test_the_document_review_runs_no_prose_rules_beside_a_sheet():
    # (the text's dates and sums beside a table are the tables' review's business; only the audit reads them)
    # characters lost in a paragraph (JX928 in a report in prose) and sentences stating money
    document = _read(REPORT_221 + "\n专款专用,不挤占,不挪??????用。\n")
    assert document.sheets and document.prose.lost
    review = review_document(document, load_profile("central"))
    assert not [f for f in review.document_findings if f.rule in {"JX926", "JX927", "JX928", "JX930"}]


SENTENCE = "项目全年预算数1290.00万元,执行数为1206.01万元,资金执行率为83.49%。"


def _stated(rate: str = "83.49") -> ProseReport:
    return ProseReport(money=[MoneyStatement(line=5, sentence=SENTENCE, budget=Decimal("1290.00"),
                                             spent=Decimal("1206.01"), rate=rate)])


@pytest.mark.parametrize(("sheets", "expected"), [
    # the sheet prints the same money: its rule (JXA04) says it, JXA29 does not repeat it
    ([GoalSheet(name="x", evaluation=ReportedEvaluation(budget_full=Decimal("1290"), spent=Decimal("1206.01"),
                                                        execution_rate=Decimal("83.49")))], ["JXA04"]),
    # a sheet with other money: the sentence is the prose rules'
    ([GoalSheet(name="x", evaluation=ReportedEvaluation(budget_full=Decimal("50"), spent=Decimal("50"),
                                                        execution_rate=Decimal("100")))], ["JXA29"]),
    # no sheet at all
    ([], ["JXA29"]),
])
def test_a_rate_the_sheet_and_a_sentence_both_give_is_one_finding(sheets, expected):
    document = Document(source="report.txt", sheets=sheets, prose=_stated())
    assert [f.rule for f in audit_document(document, load_scoring_profile("central"))] == expected
