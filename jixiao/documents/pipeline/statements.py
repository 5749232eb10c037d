"""The money, dates and document numbers a report or notice states in prose, sentence by sentence.

A 自评报告 or 资金下达通知 without an indicator table still states figures a reviewer checks: the budget, the
amount spent and the execution rate (项目全年预算数1290.00万元,执行数为1206.01万元,资金执行率为93.49%), the dates and
document numbers it cites. Each figure is taken only from a phrase that states it (the words of
:func:`~jixiao.documents.pipeline.money_text.money_in_prose`, amounts in 万元 or, where the sentence says so, 元);
an amount a money word states without its unit (执行数1032849.44) is not read, and a diagnostic says so.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from jixiao.documents.codes import diagnostic
from jixiao.documents.limits import UNTIMED, Deadline
from jixiao.documents.pipeline.labels import simplified
from jixiao.documents.pipeline.money_text import money_in_prose, sentences
from jixiao.model import (
    Diagnostic,
    FundAmount,
    Location,
    MoneyStatement,
    MoneySum,
    ProseReport,
    Said,
    StatedAmount,
)
from jixiao.model.lexicon import LOST_AS_QUESTION_MARKS, LOST_BY_REPLACEMENT, fold
from jixiao.model.prose import gives_cause
from jixiao.model.slips import slips_in

__all__ = ["prose_report", "report_title"]

# what the spending holds beyond the budget, said in the same sentence (其中,77万元为社会募集款; 含上年结转)
_EXPLAINED = re.compile(r"(?:其中|含|包括)[^。；;]{0,24}?(?:募集|捐赠|捐款|结转|结余|其他资金|自筹|社会资金|追加)")
# a money word followed by an amount with no unit (全区执行数1032849.44(含…): the amount is not read; a figure followed
# by any word is a year or a count in its own unit (预算数2023年度, 执行数300个), not a bare amount
_NO_UNIT = re.compile(r"(?:预算数|执行数|支出数)(?:为)?\s*(\d{3,}(?:\.\d+)?)(?![\d.]|\s*[\u4e00-\u9fff%％])")
# dates and document numbers as written, whole or with a character lost (2020年5月30日, 20205月, 泉财农〔2021〕84号,
# 建财〔2015159号)
_REFERENCE = re.compile(r"(?<![\d.])20\d{2}(?:年)?\d{1,2}月(?:\d{1,2}日)?|(?<![\d.])20\d{2}年?\d{1,2}月?\d{1,2}日"
                        r"|[\u4e00-\u9fff]{1,8}[〔\[［(（]20\d{2}[〕\]］)）]?\s*\d{1,4}\s*号")

# an amount and the parts listed after it: 672385万元(其中,第一批653885万元,第二批18500万元); 383794.62万元,其中自治区
# 财政资金295348万元,市、县财政资金88446.62万元 (to the bracket's close or the sentence's end)
_PARTS_AFTER = re.compile(r"(\d+(?:\.\d+)?)\s*万元\s*[(（]?[,，:：]?\s*(?:其中|含)[,，:：]?([^()（）]*?)(?:[)）]|$)")
# parts listed before their total: 35万元、30万元、50万元,合计115万元. Each part is matched once, atomically: the words
# before a figure may hold digits, so a part matches in as many ways as its figure has digits, all ending at its 、
# or comma, and a sentence listing parts with no total after them was tried in every combination of those ways
# (150 ms for one of 115 characters, corpus 221). A figure starts where its digits do (the shortest words before it
# reach there first anyway), so a long run of digits is read once from each place, not once from each of its digits
# (seconds for a cell of 1,000 digits); and a list is of at most 50 parts, so a long list with no total after it is
# given back at most 50 parts from each of its parts, not all of them (seconds for a cell of a few thousand parts).
_PARTS_BEFORE = re.compile(r"((?:(?>[^,，、。;；]{0,20}?(?<!\d)\d++(?:\.\d++)?\s*+万元[、,，])){2,50})\s*(?:合计|共计|总计)"
                           r"[为:：]?\s*(\d++(?:\.\d++)?)\s*万元")
_WAN = re.compile(r"(\d+(?:\.\d+)?)\s*万元")
# a list that is not simply the whole's parts: shares, other units, a breakdown inside a part
_NOT_PARTS = re.compile(r"%|亿元|(?<!万)元|其中|含|[(（]")

_AROUND = 6  # characters kept either side of lost ones

# A goal's label followed by what the goal is (2022年主要绩效目标是…, 项目绩效总目标:一是…, 年度绩效目标:…, corpus 258,
# 271); the goal runs to the end of its sentence. A label the clause takes as its basis (以绩效目标为依据, 按照年度目标
# 为…) states no goal.
_GOAL_LABEL = re.compile(r"(?:绩效|总体|年度|预期)(?:总体|总)?目标(?:是|为|[:：])")
_AS_BASIS = re.compile(r"以|按|根据|依据|对照|围绕")

# The title of a unit's self-evaluation of its year (…2023年度绩效自评报告, …专项资金绩效评价报告, …绩效评价工作开展情况,
# 自评综述; corpus 255, 256, 270, 278), a short line near the top that is no numbered heading of a notice's part
_REPORT_TITLE = re.compile(r"(?:绩效自评|自评|绩效评价)(?:报告|综述)|绩效(?:自评|评价)(?:工作开展)?情况$")
_TITLE_LINES, _TITLE_LENGTH = 40, 80
_NUMBERED = re.compile(r"^\s*(?:[(（]?[一二三四五六七八九十\d]+[)）、.．]|第[一二三四五六七八九十]+)")
# amounts written with thousands separators (15,244万元): one figure, not a clause break before 244万元
_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?=(?:\.\d+)?\s*(?:万元|亿元|元))")
# A result said in words alone, a clause of its sentence (均超额完成, 如期实现年度绩效目标, 补贴资金全部发放到相关企业,
# 较好地完成了…工作; corpus 256, 270, 271), or an effect claimed in the words reports use for one (有效提升了…特殊教育
# 教学, 明显改善; corpus 278), when the clause holds no figure: dates, document numbers and attachments
# (截止2021年12月31日, 附件2) are no figure of a result
_VERDICT = re.compile(r"(?:均|全部|全面|圆满|顺利|较好地?|如期|超额)(?:地)?(?:完成|实现|达到|达成|发放到)"
                      r"|有效(?:提升|提高|保障|改善)|(?:明显|显著)(?:提升|提高|改善)")
_CLAUSE = re.compile(r"[^,，;；。]+")
# where a report comes to its results: the part's heading or label (二、绩效目标完成情况分析, 一、自评结论, 三、项目绩效情况分析
# 与评价, 主要产出和效益:)
_RESULTS_PART = re.compile(r"完成情况|自评结论|评价结论|绩效情况分析|主要产出")
# money said spent, paid out or invested: a spending word with its amount in the clause (总投资69390元, 实际支付462.4万元),
# or all of it said paid out in words (全部发放到相关企业, 已足额拨付); a money word alone (资金使用情况, 用于…1.065万元: what
# the money is for) says nothing spent
# (the words inside a fund's or an account's name are none: 转移支付资金, 红十字事业支出专项资金, 支出科目)
_SPENT_WORD = r"(?:支出(?!专项|资金|项目|科目|责任|结构|预算|明细)|执行|使用|(?<!转移)支付|投资|发放|拨付|兑付|兑现)"
_SPENT_AMOUNT = re.compile(_SPENT_WORD + r"[^,，;；。\d]{0,12}?\d+(?:\.\d+)?\s*(?:万元|亿元|元)")
_SPENT_ALL = re.compile(r"(?:全部|全额|足额|已|均已)" + _SPENT_WORD)
_NO_FIGURE_OF_RESULT = re.compile(r"附件\s*\d+|第\s*\d+\s*[批期次]")
_FIGURE = re.compile(r"\d|[一二三四五六七八九十两百千万]+(?:个|项|人|户|所|座|次|家|批|名|件|场|期)")


def _sums(sentence: str, line: int) -> list[MoneySum]:
    """The amounts ``sentence`` breaks down into two or more parts in 万元 (其中/含 after it, 合计/共计 before it)."""
    if sentence.count("万元") < 3:
        return []  # (a whole and two parts, each in 万元: the patterns' search is slow, and most sentences hold none)
    found = []
    for whole, listed in [(m.group(1), m.group(2)) for m in _PARTS_AFTER.finditer(sentence)] + [
            (m.group(2), m.group(1)) for m in _PARTS_BEFORE.finditer(sentence)]:
        parts = _WAN.findall(listed)
        if len(parts) >= 2 and not _NOT_PARTS.search(_WAN.sub("", listed)):
            found.append(MoneySum(line=line, sentence=sentence.strip(), whole=Decimal(whole),
                                  parts=[Decimal(part) for part in parts]))
    return found


# whose money: a level of government (中央资金, 自治区财政资金, 市、县财政资金, 地方匹配), as one name per level
_SOURCE = r"(?:(?<![\u4e00-\u9fff])|(?<=其中)|(?<=[含到年的及和]))(中央|自治区|省级?|市、县|市县|盟市|旗县|市级?|县级?|地方)(?:级)?(?:财政)?"
_LEVELS = {"中央": "中央", "自治区": "省级", "省": "省级", "省级": "省级", "市、县": "市县", "市县": "市县", "盟市": "市级", "旗县": "县级", "市": "市级",
           "市级": "市级", "县": "县级", "县级": "县级", "地方": "地方"}
_RECEIVED = r"收到|下达|到位|拨付|安排|匹配|筹措|预算"
_SPENT = r"支出|执行数|执行|使用"
# a source's money named and its amount (中央资金1372.7万元, 市、县财政资金88446.62万元), what it is told by the nearest
# money word before it (收到…其中:中央资金…; 支出…其中中央资金…; 执行数…(含中央资金…)
_FUND_NAMED = re.compile(_SOURCE + r"(?:[^\d,，、。;；:：()（）]{0,12}?)资金(?:为|共计?|合计)?\s*(\d+(?:\.\d+)?)\s*万元")
# a source as the subject of the verb (中央下达…资金1372.7万元, 自治区下达98.6万元, 地方匹配859.6万元)
_FUND_VERB = re.compile(_SOURCE + r"(" + _RECEIVED + "|" + _SPENT + r")(?:了)?[^\d,，、。;；]{0,30}?(?:共计?|合计)?为?"
                        r"(\d+(?:\.\d+)?)\s*万元")
# the one source a sentence names opening it, the subject of an allotting verb further on (2022年度,中央大力支持…工作,
# 分两批向我区下达…资金672385万元)
_FUND_SUBJECT = re.compile(r"^\s*(?:\d{4}年度?[,，]?)?" + _SOURCE + r"[^。;；\d]{0,40}?(下达|拨付)[^\d。;；]{0,30}?"
                           r"(\d+(?:\.\d+)?)\s*万元")
_ANY_SOURCE = re.compile(_SOURCE)
_ROLE_WORD = re.compile(f"(?P<received>{_RECEIVED})|(?P<spent>{_SPENT})")


def _funds(sentence: str, line: int) -> list[FundAmount]:
    """The amounts ``sentence`` states of one source's money (中央, 省级, 地方 …), each said received or spent: by
    the verb it is the subject of, else by the nearest money word before it; an amount with no such word before it
    is left out."""
    found, taken = [], set()
    for match in _FUND_VERB.finditer(sentence):
        role = "received" if re.fullmatch(_RECEIVED, match.group(2)) else "spent"
        found.append((match.start(), _LEVELS[match.group(1)], role, match.group(3)))
        taken.add(match.start())
    for match in _FUND_NAMED.finditer(sentence):
        if match.start() in taken:
            continue
        before = [word for word in _ROLE_WORD.finditer(sentence, 0, match.start())]
        if before:
            found.append((match.start(), _LEVELS[match.group(1)], before[-1].lastgroup or "", match.group(2)))
    if not found and len({_LEVELS[name] for name in _ANY_SOURCE.findall(sentence)}) == 1 and (
            subject := _FUND_SUBJECT.match(sentence)):
        found.append((subject.start(), _LEVELS[subject.group(1)], "received", subject.group(3)))
    return [FundAmount(line=line, sentence=sentence.strip(), source=source, role=role, amount=Decimal(amount))
            for _, source, role, amount in sorted(found)]


def _amount(text: str | None) -> Decimal | None:
    try:
        return Decimal(text.rstrip("%").strip()) if text else None
    except InvalidOperation:
        return None


# Where a clause of a sentence starts: after a full stop, semicolon or colon (a report lists its indicators one to a
# clause: 5.补助对象对项目满意率,初目标值≥90%,实际完成值≥90%;)
_CLAUSE_START = re.compile(r"[。；;：:]")
_CLAUSE_BEFORE = 20  # characters at most kept before a slip in its clause


def _clause_around(flat: str, start: int, end: int) -> str:
    """The text of ``flat`` around ``start:end`` (a slip found on the folded line): from the start of its clause, at
    most :data:`_CLAUSE_BEFORE` characters back, to a few characters after, so that the item it belongs to is named."""
    opened = max((found.end() for found in _CLAUSE_START.finditer(flat, 0, start)), default=0)
    return flat[max(opened, start - _CLAUSE_BEFORE):end + _AROUND]


def _goals(plain: str, line: int) -> list[Said]:
    """The goals ``plain`` (a line of the text) states after a goal's label, each to the end of its sentence."""
    found = []
    for label in _GOAL_LABEL.finditer(plain):
        opened = max((stop.end() for stop in _CLAUSE_START.finditer(plain, 0, label.start())), default=0)
        if _AS_BASIS.search(plain, opened, label.start()):
            continue
        goal = plain[label.end():].split("。", 1)[0].strip()
        if goal:
            found.append(Said(text=goal, line=line))
    return found


def report_title(text: str) -> Said | None:
    """The first of the top lines of ``text`` that titles it a self-evaluation of its year."""
    for number, line in enumerate(text.splitlines()[:_TITLE_LINES], start=1):
        plain = simplified(line).strip()
        if len(plain) <= _TITLE_LENGTH and _REPORT_TITLE.search(plain) and not _NUMBERED.match(plain):
            return Said(text=plain, line=number)
    return None


def _verdicts(sentence: str, line: int) -> list[Said]:
    """The clauses of ``sentence`` that say a result was achieved in words alone, with no figure in them nor in the
    clause before (救助困难家庭320户,均超额完成: the figure is said, the verdict sums it up)."""
    clauses = [clause.group(0) for clause in _CLAUSE.finditer(sentence)]
    figured = [bool(_FIGURE.search(_NO_FIGURE_OF_RESULT.sub("", _REFERENCE.sub("", clause)))) for clause in clauses]
    return [Said(text=clause.strip(), line=line) for index, clause in enumerate(clauses)
            if _VERDICT.search(clause) and not figured[index] and not (index and figured[index - 1])]


def _spending(sentence: str, line: int) -> list[Said]:
    """The clauses of ``sentence`` that say money was spent (with its amount, or all of it in words)."""
    return [Said(text=clause.group(0).strip(), line=line) for clause in _CLAUSE.finditer(sentence)
            if _SPENT_AMOUNT.search(clause.group(0)) or _SPENT_ALL.search(clause.group(0))]


def prose_report(text: str, source: str | None = None, deadline: Deadline = UNTIMED) -> tuple[ProseReport, list[Diagnostic]]:
    """What the sentences of ``text`` state of money (one :class:`MoneyStatement` per sentence that states a budget,
    an amount spent or an execution rate; the amounts they break down into parts; every amount in 万元 they state) and the dates and document numbers
    they cite, the sentences giving a cause concerning the money, the goals it states, where characters were lost in
    conversion and where a standard term is written with a known slip, each with its line; and a
    diagnostic for each amount stated without its unit (left unread). Within the read's ``deadline``, checked line by
    line."""
    money, sums, funds, amounts, references, lost, slips, unitless, reasons, goals, verdicts, spending, diagnostics = (
        [], [], [], [], [], [], [], [], [], [], [], [], [])
    results_part = None
    for number, line in enumerate(text.splitlines(), start=1):
        deadline.check(number)
        plain = _GROUPED.sub(lambda grouped: grouped.group(0).replace(",", ""), simplified(line))
        references += [Said(text=found.group(0), line=number) for found in _REFERENCE.finditer(plain)]
        # (a single ? between characters is left: a report asks questions, 是否按时拨付?请…)
        lost += [Said(text=line[max(0, found.start() - _AROUND):found.end() + _AROUND], line=number)
                 for pattern in (LOST_BY_REPLACEMENT, LOST_AS_QUESTION_MARKS) for found in pattern.finditer(line)
                 if "??" in found.group(0) or "\ufffd" in found.group(0)]
        slips += [Said(text=_clause_around(fold(plain), slip.start, slip.end), line=number) for slip in slips_in(plain)]
        goals += _goals(plain, number)
        if results_part is None and (part := _RESULTS_PART.search(plain)):
            results_part = Said(text=plain[part.start():part.end()], line=number)
        for sentence in sentences(plain):
            sums += _sums(sentence, number)
            verdicts += _verdicts(sentence, number)
            spending += _spending(sentence, number)
            funds += _funds(sentence, number)
            amounts += [StatedAmount(line=number, text=found.group(0), amount=Decimal(found.group(1)))
                        for found in _WAN.finditer(sentence)]
            if gives_cause(sentence):
                reasons.append(Said(text=sentence.strip(), line=number))
            said = money_in_prose(sentence)
            if said:
                money.append(MoneyStatement(
                    line=number, sentence=sentence.strip(), budget=_amount(said.get("budget_full")),
                    spent=_amount(said.get("spent")), rate=said.get("execution_rate", "").rstrip("%").strip() or None,
                    explained=bool(_EXPLAINED.search(sentence))))
            for bare in _NO_UNIT.finditer(sentence):
                unitless.append(Said(text=bare.group(0), line=number))
                diagnostics.append(diagnostic("P151", Location(file=source, line=number), amount=bare.group(0)))
    return ProseReport(money=money, sums=sums, funds=funds, amounts=amounts, references=references, lost=lost, slips=slips,
                       unitless=unitless, reasons=reasons, goals=goals, verdicts=verdicts, spending=spending, results_part=results_part,
                       report_title=report_title(text)), diagnostics
