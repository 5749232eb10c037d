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
from jixiao.documents.pipeline.labels import simplified
from jixiao.documents.pipeline.money_text import money_in_prose, sentences
from jixiao.model import Diagnostic, Location, MoneyStatement, MoneySum, ProseReport, Said
from jixiao.model.lexicon import LOST_AS_QUESTION_MARKS, LOST_BY_REPLACEMENT

__all__ = ["prose_report"]

# what the spending holds beyond the budget, said in the same sentence (其中,77万元为社会募集款; 含上年结转)
_EXPLAINED = re.compile(r"(?:其中|含|包括)[^。；;]{0,24}?(?:募集|捐赠|捐款|结转|结余|其他资金|自筹|社会资金|追加)")
# a money word followed by an amount with no unit (全区执行数1032849.44(含…): the amount is not read
_NO_UNIT = re.compile(r"(?:预算数|执行数|支出数)(?:为)?\s*(\d{3,}(?:\.\d+)?)(?![\d.]|\s*(?:万|元|亿|%))")
# dates and document numbers as written, whole or with a character lost (2020年5月30日, 20205月, 泉财农〔2021〕84号,
# 建财〔2015159号)
_REFERENCE = re.compile(r"(?<![\d.])20\d{2}(?:年)?\d{1,2}月(?:\d{1,2}日)?|(?<![\d.])20\d{2}年?\d{1,2}月?\d{1,2}日"
                        r"|[\u4e00-\u9fff]{1,8}[〔\[［(（]20\d{2}[〕\]］)）]?\s*\d{1,4}\s*号")

# an amount and the parts listed after it: 672385万元(其中,第一批653885万元,第二批18500万元); 383794.62万元,其中自治区
# 财政资金295348万元,市、县财政资金88446.62万元 (to the bracket's close or the sentence's end)
_PARTS_AFTER = re.compile(r"(\d+(?:\.\d+)?)\s*万元\s*[(（]?[,，:：]?\s*(?:其中|含)[,，:：]?([^()（）]*?)(?:[)）]|$)")
# parts listed before their total: 35万元、30万元、50万元,合计115万元
_PARTS_BEFORE = re.compile(r"((?:[^,，、。;；]{0,20}?\d+(?:\.\d+)?\s*万元[、,，]){2,})\s*(?:合计|共计|总计)[为:：]?\s*"
                           r"(\d+(?:\.\d+)?)\s*万元")
_WAN = re.compile(r"(\d+(?:\.\d+)?)\s*万元")
# a list that is not simply the whole's parts: shares, other units, a breakdown inside a part
_NOT_PARTS = re.compile(r"%|亿元|(?<!万)元|其中|含|[(（]")

_AROUND = 6  # characters kept either side of lost ones

# a sentence giving a cause (由于, 原因是, 因…未, 受…影响) of something about the money (资金, 预算, 支付, 结余), or saying
# what the money left is: where a report explains money left unspent; a heading that only names the part (存在的问题及
# 原因分析) gives none
_CAUSE = re.compile(r"原因|由于|因为|因[^,，。;；]{0,12}?(?:未|延|推迟|暂缓|调整|减少|节约)|导致|致使|造成"
                    r"|受[^,，。;；]{0,12}?影响")
_ABOUT_MONEY = re.compile(r"资金|预算|执行|支付|支出|结余|结转|拨付|经费|款项|万元")
# what the money left is, said of it (剩余资金为质保金, 尚未支付, 结转下年使用, 采购节约): an account of it by itself
_LEFT_ACCOUNTED = re.compile(r"剩余|未支付|未拨付|未到位|尚未(?:支付|拨付|使用|到位)|未执行|未使用|质保金|节约"
                            r"|结转(?:至|到)?(?:下年|下一年|次年|以后年度)")
_HEADING_ONLY = re.compile(r"^[\s\d一二三四五六七八九十、.()（）]*[^,，。;；]{0,16}原因分析\s*[:：]?\s*$")


def _gives_cause(sentence: str) -> bool:
    """Whether ``sentence`` gives a cause concerning the money (a heading naming the part does not)."""
    return bool(_CAUSE.search(sentence) and _ABOUT_MONEY.search(sentence) or _LEFT_ACCOUNTED.search(sentence)) and (
        not _HEADING_ONLY.match(sentence))


def _sums(sentence: str, line: int) -> list[MoneySum]:
    """The amounts ``sentence`` breaks down into two or more parts in 万元 (其中/含 after it, 合计/共计 before it)."""
    found = []
    for whole, listed in [(m.group(1), m.group(2)) for m in _PARTS_AFTER.finditer(sentence)] + [
            (m.group(2), m.group(1)) for m in _PARTS_BEFORE.finditer(sentence)]:
        parts = _WAN.findall(listed)
        if len(parts) >= 2 and not _NOT_PARTS.search(_WAN.sub("", listed)):
            found.append(MoneySum(line=line, sentence=sentence.strip(), whole=Decimal(whole),
                                  parts=[Decimal(part) for part in parts]))
    return found


def _amount(text: str | None) -> Decimal | None:
    try:
        return Decimal(text.rstrip("%").strip()) if text else None
    except InvalidOperation:
        return None


def prose_report(text: str, source: str | None = None) -> tuple[ProseReport, list[Diagnostic]]:
    """What the sentences of ``text`` state of money (one :class:`MoneyStatement` per sentence that states a budget,
    an amount spent or an execution rate; the amounts they break down into parts) and the dates and document numbers
    they cite, the sentences giving a cause concerning the money, and where characters were lost in conversion, each
    with its line; and a
    diagnostic for each amount stated without its unit (left unread)."""
    money, sums, references, lost, reasons, diagnostics = [], [], [], [], [], []
    for number, line in enumerate(text.splitlines(), start=1):
        plain = simplified(line)
        references += [Said(text=found.group(0), line=number) for found in _REFERENCE.finditer(plain)]
        # (a single ? between characters is left: a report asks questions, 是否按时拨付?请…)
        lost += [Said(text=line[max(0, found.start() - _AROUND):found.end() + _AROUND], line=number)
                 for pattern in (LOST_BY_REPLACEMENT, LOST_AS_QUESTION_MARKS) for found in pattern.finditer(line)
                 if "??" in found.group(0) or "\ufffd" in found.group(0)]
        for sentence in sentences(plain):
            sums += _sums(sentence, number)
            if _gives_cause(sentence):
                reasons.append(Said(text=sentence.strip(), line=number))
            said = money_in_prose(sentence)
            if said:
                money.append(MoneyStatement(
                    line=number, sentence=sentence.strip(), budget=_amount(said.get("budget_full")),
                    spent=_amount(said.get("spent")), rate=said.get("execution_rate", "").rstrip("%").strip() or None,
                    explained=bool(_EXPLAINED.search(sentence))))
            for bare in _NO_UNIT.finditer(sentence):
                diagnostics.append(diagnostic("P151", Location(file=source, line=number), amount=bare.group(0)))
    return ProseReport(money=money, sums=sums, references=references, lost=lost, reasons=reasons), diagnostics
