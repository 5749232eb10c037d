"""Reports and notices written in prose (no indicator table): the money, dates and document numbers their sentences
state are read with their line, and checked (JXA29–JXA31, JXA33, JX926, JX933). Sentences quoted from dev documents (corpus 256,
258, 270, 271, 281) and rewordings of them; a correct sentence gives nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.documents import NotAGoalDocument, read_bytes
from jixiao.review import load_profile
from jixiao.review.engine import review_document
from jixiao.scoring.audit import audit_prose
from jixiao.scoring.profile import load_profile as load_scoring_profile

# (the date, whole, makes every text below a report jixiao reads, so that a case giving nothing was read and checked)
TITLE = "2019年度湖北省红十字会绩效评价工作开展情况 2020年11月13日\n\n"


def _read(body: str):
    return read_bytes((TITLE + body).encode("utf-8"), "report.txt")


def _audit(body: str) -> list[tuple[str, str, int | None]]:
    document = _read(body)
    return [(f.rule, f.severity.value, f.location.line) for f in audit_prose(document, load_scoring_profile("central"))]


@pytest.mark.parametrize(("sentence", "budget", "spent", "rate"), [
    # corpus 256
    ("项目全年预算数1290.00万元,执行数为1206.01万元,资金执行率为93.49%。", "1290.00", "1206.01", "93.49"),
    ("项目年预算批复金额为900万元,实际执行资金总额977万元,资金执行率为100%,其中,77万元为社会募集款专项资金。",
     "900", "977", "100"),
    # corpus 258
    ("2022年年初项目预算总计899.7万元,实际到账支付462.4万元。", "899.7", "462.4", None),
    # rewording: Traditional characters
    ("項目全年預算數500萬元,執行數為450萬元,資金執行率為90%。", "500", "450", "90"),
])
def test_money_is_read_from_the_sentence_that_states_it(sentence, budget, spent, rate):
    statement, = _read(sentence).prose.money
    assert (statement.line, statement.budget, statement.spent, statement.rate) == (
        3, Decimal(budget), Decimal(spent), rate)


def test_an_amount_without_its_unit_is_left_unread_with_a_diagnostic():
    # corpus 270: 全区执行数1032849.44(含…) has no unit: not read as the amount spent
    document = _read("全年预算数1080245.79万元,全区执行数1032849.44(含中央资金689139.31万元),总预算执行率95.61%。")
    statement, = document.prose.money
    assert statement.spent is None and statement.rate == "95.61"
    assert [d.code for d in document.diagnostics] == ["P151", "P152"]
    assert "执行数1032849.44" in document.diagnostics[0].message
    assert _audit("全年预算数1080245.79万元,全区执行数1032849.44(含中央资金689139.31万元),总预算执行率95.61%。") == []


@pytest.mark.parametrize(("body", "expected"), [
    # corpus 256: the stated 100% caps 977/900 = 108.56%
    ("项目年预算批复金额为900万元,实际执行资金总额977万元,资金执行率为100%,其中,77万元为社会募集款专项资金。",
     [("JXA29", "info", 3)]),
    # rewording: a rate that is simply wrong
    ("一、基本情况\n项目预算数200万元,实际支出150万元,预算执行率为95%。", [("JXA29", "warning", 4)]),
    # corpus 258: half unspent, no rate and no reason anywhere
    ("(二)项目资金情况。\n2022年年初项目预算总计899.7万元,实际到账支付462.4万元。",
     [("JXA31", "warning", 4), ("JXA33", "warning", 4)]),
    # rewording: spending above the budget, nothing said of it
    ("全年预算数500万元,实际支出560万元。", [("JXA30", "warning", 3)]),
])
def test_stated_money_that_does_not_agree_is_reported_at_its_line(body, expected):
    assert _audit(body) == expected


@pytest.mark.parametrize("body", [
    # corpus 256: 1206.01 / 1290 = 93.49%, right
    "项目全年预算数1290.00万元,执行数为1206.01万元,资金执行率为93.49%。",
    # the printed rate truncated, not rounded (93.48 for 93.489)
    "项目全年预算数1290.00万元,执行数为1206.01万元,资金执行率为93.48%。",
    # above the budget, the sentence says what the spending holds (上年结转)
    "全年预算数500万元,实际支出560万元,其中含上年结转资金60万元。",
    # half unspent, but the report states a rate elsewhere and why the money is left
    "年初项目预算总计899.7万元,实际到账支付462.4万元。\n资金执行率为51.4%。\n主要原因是部分项目资金未到位,待下年支付。",
    # budget and spending in different sentences are not compared
    "全年预算数500万元。\n实际支出150万元。",
])
def test_money_that_agrees_or_is_not_stated_together_gives_nothing(body):
    assert _audit(body) == []


@pytest.mark.parametrize(("body", "expected"), [
    # corpus 258 with a rate stated: still no word on why half the money is left
    ("2022年年初项目预算总计899.7万元,实际到账支付462.4万元。\n资金执行率为51.4%。", [("JXA33", "warning", 3)]),
    # a heading naming the part gives no reason
    ("项目预算数200万元,实际支出170万元,预算执行率为85%。\n四、存在的问题及原因分析\n宣传不够深入。",
     [("JXA33", "warning", 3)]),
    # the reason given in another sentence, in words of cause
    ("项目预算数200万元,实际支出170万元,预算执行率为85%。\n由于部分设备采购延至次年,结余资金30万元。", []),
    ("项目预算数200万元,实际支出170万元,预算执行率为85%。\n受疫情影响,部分培训未能举办,经费未支付。", []),
    ("项目预算数200万元,实际支出170万元,预算执行率为85%。\n剩余30万元为工程质保金,验收后拨付。", []),
    # a cause that is not about the money does not explain it
    ("项目预算数200万元,实际支出170万元,预算执行率为85%。\n由于宣传到位,群众满意度较高。", [("JXA33", "warning", 3)]),
    # corpus 256: 93.49% executed, within what the forms ask no reason for
    ("项目全年预算数1290.00万元,执行数为1206.01万元,资金执行率为93.49%。", []),
    # the stated rate disagrees with the figures: JXA29's, not asked again here
    ("项目预算数200万元,实际支出150万元,预算执行率为95%。", [("JXA29", "warning", 3)]),
])
def test_money_left_unspent_needs_a_sentence_on_why(body, expected):
    assert _audit(body) == expected


@pytest.mark.parametrize(("sentence", "cause"), [
    ("主要原因是部分项目资金未到位。", True),
    ("因项目延期,资金结转下年使用。", True),
    ("剩余资金结转下年使用。", True),
    ("2022年以前年度项目结转资金到账支付243.49万元。", False),  # corpus 258: money carried in, nothing said of the rest
    ("四、存在的问题及原因分析", False),
    ("由于宣传到位,群众满意度较高。", False),
])
def test_sentences_on_the_cause_of_money_are_kept_with_their_line(sentence, cause):
    reasons = _read("全年预算数500万元,实际支出150万元。\n" + sentence).prose.reasons
    assert [(said.line, said.text) for said in reasons] == ([(4, sentence.rstrip("。"))] if cause else [])


def _references(body: str) -> list[tuple[str, str, int | None]]:
    review = review_document(_read(body), load_profile())
    return [(f.rule, f.severity.value, f.location.line) for f in review.document_findings if f.rule != "JX001"]


@pytest.mark.parametrize(("body", "expected", "cited"), [
    # corpus 271: 年 and 月 lost in dates, 〕 lost in a document number
    (("20205月,财政部海南监管局联合我省交通运输厅组成联合审核组。20201030日,财政部提前下达资金15,244万元20201225日,"
      "省财政厅提前将资金下达相关市县,截止20211231日,补贴资金全部发放。"), [("JX926", "warning", 3)], "“20205月”"),
    ("以《关于完善城市公交车成品油价格补助政策的通知》(建财〔2015159号)联合发文,调整补助资金。",
     [("JX926", "info", 3)], "“建财〔2015159号”"),
    # rewording: a date that lost its 月
    ("2023年6月1日起,绩效自评工作开始,202312日前报送。", [("JX926", "info", 3)], "“202312日”"),
])
def test_broken_dates_and_document_numbers_are_reported(body, expected, cited):
    review = review_document(_read(body), load_profile())
    assert _references(body) == expected
    assert cited in next(f for f in review.document_findings if f.rule == "JX926").message


@pytest.mark.parametrize("body", [
    # corpus 281: whole dates and document numbers
    "请按《关于印发<泉州市市级特色现代农业发展资金管理规定>的通知》(泉财农〔2021〕84号)要求,加强资金管理。",
    "德化县财政局 2024年7月30日 下达生态保护补偿资金331万元",
    "根据2022年度绩效目标,2022年1-6月完成资金拨付,2022年6月30日前报送。",
    # made up: figures after a year that split into no month and day are no date that lost a character
    "本年度共完成2020345日工作量的审核,202099月份数据另行报送。",
])
def test_whole_dates_and_document_numbers_give_nothing(body):
    assert _references(body) == []


def test_a_text_about_something_else_stays_refused():
    with pytest.raises(NotAGoalDocument):
        read_bytes("会议通知\n\n定于2024年5月20日召开全体会议。".encode(), "meeting.txt")


def _sums(body: str) -> list[tuple[str, str, int | None]]:
    review = review_document(_read(body), load_profile())
    return [(f.rule, f.severity.value, f.location.line) for f in review.document_findings if f.rule == "JX927"]


@pytest.mark.parametrize(("body", "says"), [
    # rewording of corpus 270 with a part mistyped
    ("中央分两批下达补助资金672385万元(其中,第一批653885万元,第二批18000万元),保障基础养老金按时足额发放。",
     "672385.00万元 分列为 653885.00 + 18000.00，合计 671885.00万元"),
    # parts listed after 其中 to the sentence's end, adding up to more than the whole
    ("各级财政安排配套资金383794.62万元,其中自治区财政资金295348万元,市、县财政资金98446.62万元。",
     "合计 393794.62万元，与所写金额不符"),
    # parts before their total
    ("农产品展示展销项目35万元、丰收节主会场项目30万元、畜禽遗传资源项目50万元,合计105万元。", "105.00万元 分列为 35.00 + 30.00 + 50.00，合计 115.00万元"),
    # made up: parts listed with 等 that already exceed the whole cannot be some of it
    ("下达资金500万元(其中,道路硬化400万元,路灯安装200万元等)。", "合计 600.00万元，与所写金额不符"),
])
def test_parts_that_do_not_add_up_to_the_stated_whole_are_reported(body, says):
    review = review_document(_read(body), load_profile())
    assert _sums(body) == [("JX927", "warning", 3)]
    assert says in next(f for f in review.document_findings if f.rule == "JX927").message


@pytest.mark.parametrize("body", [
    # corpus 270 as written: 653885 + 18500 = 672385, 295348 + 88446.62 = 383794.62
    "中央分两批下达补助资金672385万元(其中,第一批653885万元,第二批18500万元),保障基础养老金按时足额发放。",
    "我区各级财政积极安排了配套资金383794.62万元,其中自治区财政资金295348万元,市、县财政资金88446.62万元。",
    # one part only (corpus 256: 2890.00万元(含对下转移支付资金700万元)): not a breakdown
    "共涉及项目3个,资金2890.00万元(含对下转移支付资金700万元),占项目支出总额的100%。",
    # parts that are shares or in another unit are not compared
    "下达资金100万元(其中,省级60%,市级40万元)。",
    # parts each rounded to the place written: 33.33 × 3 for 100
    "下达资金100万元(其中,甲33.33万元,乙33.33万元,丙33.33万元)。",
    # made up: some of the parts, listed with 等, need not make the whole
    "下达资金500万元(其中,道路硬化200万元,路灯安装100万元等)。",
])
def test_parts_that_add_up_or_are_no_breakdown_give_nothing(body):
    assert _sums(body) == []


# corpus 270's three paragraphs: the central money allotted, the local money arranged (自治区 and 市、县 apart), the budget
_CENTRAL_270 = ("2022年度,中央大力支持我区城乡居民基本养老保险工作,分两批向我区下达城乡居民基本养老保险转移支付资金672385万元"
                "(其中,第一批653885万元,第二批18500万元),有效保障我区城乡参保居民基础养老金按时足额发放。")
_LOCAL_270 = ("我区各级财政积极安排了配套资金383794.62万元,其中自治区财政资金295348万元,市、县财政资金88446.62万元。")
_BUDGET_270 = ("2022年,我区城乡居民基本养老保险全年预算数{budget}万元,全区执行数1032849.44(含中央资金689139.31万元,"
               "地方资金332524.99万元,其他资金11185.14万元),总预算执行率95.61%。")


def _sources(body: str) -> list[tuple[str, str, int | None, dict[str, str]]]:
    review = review_document(_read(body), load_profile())
    return [(f.rule, f.severity.value, f.location.line, {k: f.params[k] for k in ("budget", "whole", "gap")})
            for f in review.document_findings if f.rule == "JX947"]


@pytest.mark.parametrize(("body", "expected"), [
    # corpus 270 as written: 672385 + 295348 + 88446.62 = 1056179.62 against a budget of 1080245.79, the 24066.17
    # over it named nowhere (其他资金11185.14 is some of what was spent, not the difference)
    ("\n\n".join((_CENTRAL_270, _LOCAL_270, _BUDGET_270.format(budget="1080245.79"))),
     [("JX947", "info", 7, {"budget": "1080245.79", "whole": "1056179.62", "gap": "24066.17"})]),
    # rewording: the local money as 地方 with its levels making it up, the budget first
    ("项目全年预算数500万元,执行数为450万元,资金执行率为90%。\n\n中央下达资金300万元。\n\n地方财政安排配套资金150万元,"
     "其中省级资金100万元,市级资金50万元。",
     [("JX947", "info", 3, {"budget": "500.00", "whole": "450.00", "gap": "50.00"})]),
])
def test_a_budget_above_the_central_and_local_money_stated_is_reported_at_the_budget(body, expected):
    assert _sources(body) == expected


@pytest.mark.parametrize("body", [
    # corpus 270 with the budget the sources make
    "\n\n".join((_CENTRAL_270, _LOCAL_270, _BUDGET_270.format(budget="1056179.62"))),
    # the difference named: 上年结转 of exactly the amount over the sources
    "项目全年预算数500万元,执行数为450万元。\n\n中央下达资金300万元。\n\n地方财政安排配套资金150万元,另有上年结转50万元。",
    # a budget below the sources may be the budget of part of the money
    "项目全年预算数400万元,执行数为380万元。\n\n中央下达资金300万元。\n\n地方财政安排配套资金150万元。",
    # corpus 221's shape: 自治区下达 and 地方匹配 that is not their sum: which is the local money is unclear
    "项目全年预算数1000万元,执行数为950万元。\n\n自治区下达98.6万元、地方匹配859.6万元,中央下达资金20万元。",
    # only one level's money stated: nothing to add up
    "项目全年预算数500万元,执行数为450万元。\n\n中央下达资金300万元。",
])
def test_a_budget_the_stated_sources_make_or_cannot_be_compared_with_gives_nothing(body):
    assert _sources(body) == []


def _lost(body: str) -> list[str]:
    review = review_document(_read(body), load_profile())
    return [f.message for f in review.document_findings if f.rule == "JX928"]


@pytest.mark.parametrize(("body", "cited"), [
    # corpus 211: converter debris in a notice in Traditional characters
    ("請根據相關資金管理辦法等要求??顚S茫郊?.2024年第二批省級重點流域生態保護補償資金安排情況表", "第3行“管理辦法等要求??顚S茫郊?.”"),
    # rewording: replacement characters, and one ? between Chinese characters
    ("下达生态保护补偿资金331万元，用于\ufffd\ufffd治理。", "第3行“1万元，用于\ufffd\ufffd治理。”"),
])
def test_characters_lost_in_conversion_are_reported_once(body, cited):
    found, = _lost(body)
    assert cited in found


@pytest.mark.parametrize("body", [
    "下达资金331万元，是否按时拨付?请各单位于2024年7月30日前报告。",
    # one ? between characters may be a question: only runs of them are lost characters in prose
    "资金用于享受?家庭的补助。",
    "下达资金331万元，用于流域治理。",
])
def test_questions_and_whole_text_give_no_lost_characters(body):
    assert _lost(body) == []


# corpus 270: the central money allotted in one paragraph, its spending in another
_ALLOTTED = ("2022年度,中央大力支持我区城乡居民基本养老保险工作,分两批向我区下达城乡居民基本养老保险转移支付资金672385万元"
             "(其中,第一批653885万元,第二批18500万元),有效保障我区城乡参保居民基础养老金按时足额发放。")
_SPENT = ("2022年,我区城乡居民基本养老保险全年预算数1080245.79万元,全区执行数1032849.44(含中央资金689139.31万元,"
          "地方资金332524.99万元,其他资金11185.14万元),总预算执行率95.61%。")


@pytest.mark.parametrize(("sentence", "expected"), [
    # corpus 270: the source opening the sentence, the subject of 下达 further on
    (_ALLOTTED, [("中央", "received", "672385")]),
    # corpus 270: the sources named in the parts of the amount spent (执行数…含)
    (_SPENT, [("中央", "spent", "689139.31"), ("地方", "spent", "332524.99")]),
    # corpus 221: received and spent in one sentence, told apart by the nearest money word
    ("2023年收到财政资金共2330.9万元,其中:中央资金1372.7万元,地方资金98.6万元,其他资金859.6万元2023年支出2310.4万元,"
     "其中中央资金1352.2万元,地方资金98.6万元",
     [("中央", "received", "1372.7"), ("地方", "received", "98.6"), ("中央", "spent", "1352.2"),
      ("地方", "spent", "98.6")]),
    # corpus 221: each source the subject of its verb
    ("2023年收到中央下达优抚对象生活补助资金1372.7万元,自治区下达98.6万元,地方匹配859.6万元。",
     [("中央", "received", "1372.7"), ("省级", "received", "98.6"), ("地方", "received", "859.6")]),
    # corpus 188: 盟市 and 旗县 are the city and county levels
    ("补助经费预算数30075万元,其中:中央补助资金11375万元,自治区财政补助资金3953万元,盟市财政补助资金3261万元,"
     "旗县级财政资金10935万元。",
     [("中央", "received", "11375"), ("省级", "received", "3953"), ("市级", "received", "3261"),
      ("县级", "received", "10935")]),
    # a word ending in 市 or 县 names no level (城市维护资金); an amount no money word comes before is no one's
    ("城市维护资金50万元。", []),
    ("中央资金100万元。", []),
])
def test_each_sources_money_is_read_received_or_spent(sentence, expected):
    funds = _read(sentence).prose.funds
    assert [(fund.source, fund.role, str(fund.amount)) for fund in funds] == expected
    assert {fund.line for fund in funds} <= {3}


def test_a_source_spending_above_its_allotment_is_reported_at_the_spending_line():
    document = _read(_ALLOTTED + "\n\n" + _SPENT)
    finding, = [f for f in audit_prose(document, load_scoring_profile("central")) if f.rule == "JXA34"]
    assert (finding.severity.value, finding.location.line) == ("warning", 5)
    assert (finding.params["source"], finding.params["spent"], finding.params["received"],
            finding.params["received_line"], finding.params["beyond"]) == (
        "中央", "689139.31", "672385", "3", "16754.31")


@pytest.mark.parametrize("body", [
    # the spending sentence says where the rest came from
    _ALLOTTED + "\n" + _SPENT.replace("含中央资金", "含上年结转及中央资金"),
    # the source given two different amounts allotted: which one the spending is of is not clear
    _ALLOTTED + "\n中央追加下达补助资金20000万元。\n" + _SPENT,
    # spent within the allotment
    _ALLOTTED + "\n" + _SPENT.replace("689139.31", "662139.31"),
])
def test_a_source_spending_within_or_unclear_gives_no_jxa34(body):
    assert [f.rule for f in audit_prose(_read(body), load_scoring_profile("central")) if f.rule == "JXA34"] == []


_RECEIVED_SPENT = ("2023年收到财政资金共2330.9万元,其中:中央资金1372.7万元,地方资金98.6万元,其他资金859.6万元。\n"
                   "2023年支出2310.4万元,其中中央资金1352.2万元,地方资金98.6万元。")


def test_a_source_left_unspent_with_no_reason_is_reported():
    # corpus 221's figures (read there from a sheet): 20.5 of the central money left, nothing said of it
    finding, = [f for f in audit_prose(_read(_RECEIVED_SPENT), load_scoring_profile("central")) if f.rule == "JXA35"]
    assert (finding.severity.value, finding.location.line) == ("warning", 4)
    assert (finding.params["source"], finding.params["spent"], finding.params["received"], finding.params["left"]) == (
        "中央", "1352.2", "1372.7", "20.5")


@pytest.mark.parametrize("body", [
    # a sentence says why
    _RECEIVED_SPENT + "\n中央资金结余原因是部分对象年中去世,补助停发。",
    # what the money left is
    _RECEIVED_SPENT + "\n剩余资金结转下年使用。",
    # all spent
    _RECEIVED_SPENT.replace("1352.2", "1372.7"),
])
def test_a_source_left_unspent_with_an_account_gives_no_jxa35(body):
    assert [f.rule for f in audit_prose(_read(body), load_scoring_profile("central")) if f.rule == "JXA35"] == []


def test_every_prose_rule_reads_the_prose():
    from jixiao.scoring.audit.rules.prose import PROSE_RULES
    assert [rule.code for rule in PROSE_RULES if rule.applies_to != "prose"] == []


@pytest.mark.parametrize(("body", "expected"), [
    # corpus 270: 执行数 followed by a bare amount, reported once at its line
    ("一、资金情况\n" + _SPENT, [("JX930", "info", 4, "第4行“执行数1032849.44”")]),
    # rewording: two bare amounts, both named, the finding at the first
    ("项目预算数1200.5,执行数1100.25,执行率91.65%。", [("JX930", "info", 3, "第3行“预算数1200.5”、第3行“执行数1100.25”")]),
    # the unit written (万元, 元), or a rate: nothing
    ("全年预算数1080245.79万元,全区执行数1032849.44万元,总预算执行率95.61%。", []),
    ("全年预算数120000元,执行数118000元。", []),
    # a year or a count after the word: no amount
    ("本项目预算数2023年度已全部下达,执行数300个村全覆盖。", []),
])
def test_an_amount_without_its_unit_is_reported_once(body, expected):
    review = review_document(_read(body), load_profile())
    found = [f for f in review.document_findings if f.rule == "JX930"]
    assert [(f.rule, f.severity.value, f.location.line) for f in found] == [item[:3] for item in expected]
    assert [item[3] in f.message for f, item in zip(found, expected)] == [True] * len(expected)


def _slips(body: str) -> list[tuple[int | None, str]]:
    review = review_document(_read(body), load_profile())
    return [(f.location.line, f.message) for f in review.document_findings if f.rule == "JX933"]


@pytest.mark.parametrize(("body", "line", "cited"), [
    # corpus 275: the title of a forest-pest project's goal statement lost 物
    ("2019年林业有害生防治项目立项依据,下达资金331万元。", 3, "第3行“2019年林业有害生防治项目立项依据”中“有害生防治”应为“有害生物防治”"),
    # rewording: 拨 read as 投 in a notice, on its second line of text
    ("下达资金331万元。\n其中财政投款300万元，用于流域治理。", 4, "“投款”应为“拨款”"),
])
def test_a_standard_term_written_with_a_known_slip_is_reported_once(body, line, cited):
    [(at, message)] = _slips(body)
    assert at == line and cited in message


@pytest.mark.parametrize("body", [
    "2019年林业有害生物防治项目立项依据,下达资金331万元。",
    "下达资金331万元，保障春秋季强制免疫，依法强制免除的费用另行安排。",
])
def test_standard_terms_written_right_give_no_slip(body):
    assert _slips(body) == []


def _goals(body: str) -> list[tuple[str, str, int | None, str]]:
    review = review_document(_read(body), load_profile())
    return [(f.rule, f.severity.value, f.location.line, f.message) for f in review.document_findings
            if f.rule == "JX946"]


@pytest.mark.parametrize(("body", "line", "goal"), [
    # corpus 258: the report's only goal is a direction
    ("2022年年初项目预算总计899.7万元。\n(三)绩效目标。\n2022年主要绩效目标是扎实开展新闻宣传,凝聚奋斗“十四五”、奋进新征程的"
     "强大力量。\n一是突出主题宣传。", 5, "“扎实开展新闻宣传,凝聚奋斗“十四五”、奋进新征程的强大力量”"),
    # corpus 271: four aims after 总目标, none with a figure (the goal runs across its semicolons, quoted to 40 characters)
    ("项目绩效总目标:一是有效遏制燃油公交车数量增长势头,调动企业购买和使用新能源公交车的积极性;二是降低城市公交车企业"
     "经营成本。20201030日,财政部提前下达资金15244万元。", 3,
     "“一是有效遏制燃油公交车数量增长势头,调动企业购买和使用新能源公交车的积极性;二是…”"),
    # rewording: 年度绩效目标为, in Traditional characters, a money amount being no output
    ("下達資金100萬元。\n年度績效目標為保障項目順利實施,資金100萬元全部用於設備購置。", 4, "“保障项目顺利实施,资金100万元全部用于设备购置”"),
])
def test_a_goal_stated_in_prose_without_a_figure_is_reported(body, line, goal):
    [(rule, severity, at, message)] = _goals(body)
    assert (rule, severity, at) == ("JX946", "warning", line)
    assert message == f"正文第{line}行的绩效目标{goal}没有任何数量、质量或时间要求"


@pytest.mark.parametrize("body", [
    # corpus 270: the goal holds its figures (648.34万名)
    ("支付区域(项目)绩效总体目标是确保符合条件的城乡参保居民基础养老金按时足额发放,截至2022年底,全区648.34万名符合条件的"
     "城乡老年居民基础养老金按时足额发放。下达资金100万元。"),
    # corpus 272: the goal as the basis of the monitoring, not a goal stated
    "本次批复的绩效目标将作为绩效运行监控的重要依据。以年度绩效目标为依据,下达资金100万元。",
    # made up: two goals stated, one of them in figures
    "总体目标:促进产业发展。年度目标:新建温室大棚20座,带动农户增收。下达资金100万元。",
    # a label whose goal follows on the next lines (a heading) states nothing on its own line
    "下达资金100万元。\n绩效目标:\n新建温室大棚20座。",
])
def test_a_goal_with_a_figure_or_no_goal_stated_gives_nothing(body):
    assert _goals(body) == []


def test_goals_are_read_with_their_line():
    document = _read("下达资金100万元。\n项目绩效总目标:促进产业发展。年度目标是新建大棚20座")
    assert [(goal.text, goal.line) for goal in document.prose.goals] == [("促进产业发展", 4), ("新建大棚20座", 4)]
