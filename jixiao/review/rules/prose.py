"""Checks of a report or notice with no indicator table (``Document.prose``): what its sentences cite.

These rules read the whole document, not a sheet: :meth:`ProseRule.document_findings` yields findings about no sheet,
each at its line; their per-sheet :meth:`check` finds nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any, ClassVar

from jixiao.model import Document, FundAmount, Location, Said, Severity
from jixiao.model.amounts import amount_text
from jixiao.model.slips import slip_words, slips_in
from jixiao.review.context import states_output_figure
from jixiao.review.finding import Confidence, Dimension, Finding, listed
from jixiao.review.profile import Profile
from jixiao.review.rule import Rule, RuleDocs
from jixiao.review.sources import GOALS_2015

__all__ = ["AmountWithoutUnit", "BrokenReference", "BudgetAboveSources", "GoalNotQuantifiedInProse", "LostCharacters",
           "MisspeltTermInProse", "PartsNotWhole", "ProseRule"]


class ProseRule(Rule):
    """A rule over the sentences of a document with no table."""

    # True for a rule on the wording itself (a standard term misspelt), which is the document's wherever it stands: it
    # also reads the sentences a self-evaluation report writes beside its tables.
    beside_tables: ClassVar[bool] = False

    def check(self, ctx):  # pragma: no cover - prose rules read the document, not a sheet
        return iter(())

    def document_findings(self, document: Document, profile: Profile) -> Iterator[Finding]:
        """The findings of this rule on ``document``'s sentences (none when it has a table)."""
        raise NotImplementedError

    def prose_finding(self, document: Document, profile: Profile, at: int, severity: Severity | None = None,
                      template: str | None = None, **slots: object) -> Finding:
        """A finding about no sheet, at line ``at`` of the document; ``template`` is another message of the rule's
        own, as :meth:`Rule.finding` takes."""
        return Finding(rule=self.code, name=self.name, severity=profile.severity.get(self.code, severity or self.severity),
                       dimension=self.dimension, source=self.source.cite(), sheet=None, indicator=None,
                       location=Location(file=document.source, line=at), template=template or self.message,
                       params={key: str(value) for key, value in slots.items()}, confidence=Confidence.HIGH)


    def cited_once(self, document: Document, profile: Profile, said: list[Said], shown: int) -> Iterator[Finding]:
        """One finding at the first of the phrases ``said`` (none when there are none), naming the first ``shown`` of
        them with their lines where its message says ``{cited}``."""
        if said:
            cited, slots = self.cited(said, shown, "第{line}行“{text}”", lambda one: {"line": one.line, "text": one.text})
            yield self.prose_finding(document, profile, said[0].line, template=self.message.replace("{cited}", cited),
                                     **slots)

    @staticmethod
    def cited(said: Sequence[Any], shown: int, item: str, data: Callable[[Any], Mapping[str, object]]
              ) -> tuple[str, dict[str, str]]:
        """The template text naming the first ``shown`` of ``said`` (each as ``item``, filled by ``data`` of it; 等
        after them when there are more) and the parameters that fill it (see :func:`listed`)."""
        cited, slots = listed(item, [data(one) for one in said[:shown]])
        return cited + ("等" if len(said) > shown else ""), slots


class BrokenReference(ProseRule):
    code = "JX926"
    name = "broken-date-or-document-number"
    title = "日期或文号丢字"
    severity = Severity.INFO
    dimension = Dimension.FORM
    source = GOALS_2015.at("第十二条（指向明确）")
    message = "正文中的{what}丢了字：{cited}，请对照原件改正"
    terms = frozenset({"日期", "文号", "日期和文号"})  # what lost its characters
    docs = RuleDocs(
        what="没有指标表的自评报告或资金通知中，日期和文号是否完整：年份后直接接月、日的数字（“20205月”“20201030日”，"
             "丢了“年”“月”），文号的“〔”没有对应的“〕”（“建财〔2015159号”）。年份后的数字拆不出1—12的月份（和1—31"
             "的日）的（“2020345日”“202099月”）不是丢了字的日期，不报告。一处只作提示，三处以上为警告。",
        why="日期和文号是资金下达、审核和发放的依据；丢字后看不出是哪一天、哪一份文件，报告无从核对（语料 271）。",
        bad="20205月，财政部海南监管局联合我省交通运输厅……（建财〔2015159号）",
        good="2020年5月，财政部海南监管局联合我省交通运输厅……（建财〔2015〕159号）",
        fix="对照原件补全“年”“月”和“〕”。",
    )

    _WHOLE_DATE = re.compile(r"20\d{2}年\d{1,2}月(?:\d{1,2}日)?")
    _WHOLE_NUMBER = re.compile(r".*(?:〔20\d{2}〕|\[20\d{2}\]|［20\d{2}］|[(（]20\d{2}[)）])\s*\d{1,4}\s*号")
    _SHOWN = 4  # references named in the message
    _MANY = 3  # broken references from which the finding is a warning

    def document_findings(self, document: Document, profile: Profile) -> Iterator[Finding]:
        if document.prose is None:
            return
        broken = [said for said in document.prose.references
                  if not (self._WHOLE_DATE if said.text.startswith("20") else self._WHOLE_NUMBER).fullmatch(said.text)
                  and (not said.text.startswith("20") or _plausible_date(said.text))]
        if not broken:
            return
        kinds = {"日期" if said.text.startswith("20") else "文号" for said in broken}
        cited, slots = self.cited(broken, self._SHOWN, "第{line}行“{text}”", lambda one: {"line": one.line,
                                                                                       "text": one.text})
        yield self.prose_finding(document, profile, broken[0].line,
                                 severity=Severity.WARNING if len(broken) >= self._MANY else None,
                                 template=self.message.replace("{cited}", cited),
                                 what="和".join(sorted(kinds, reverse=True)), **slots)


def _plausible_date(text: str) -> bool:
    """True when the figures after the year of a date that lost a character split into a month (1–12) and, where it
    ends in 日, a day (1–31): 20205月, 20201030日, 202312日; 2020345日 is no date at all."""
    rest = text[4:]
    digits = re.sub(r"\D", "", rest)
    if not digits:
        return False
    if "日" not in rest:
        return 1 <= int(digits) <= 12
    return any(1 <= int(digits[:cut]) <= 12 and 1 <= int(digits[cut:]) <= 31 for cut in (1, 2) if cut < len(digits))


class PartsNotWhole(ProseRule):
    code = "JX927"
    name = "stated-parts-not-whole"
    title = "正文所列分项与合计不符"
    severity = Severity.WARNING
    dimension = Dimension.ACCURACY
    source = GOALS_2015.at("第十二条（指向明确）")
    message = "第{line}行的 {whole}万元 分列为 {parts}，合计 {total}万元，与所写金额不符"
    docs = RuleDocs(
        what="没有指标表的自评报告或资金通知中，同一句话写出一笔金额并用“其中”“含”列出两项以上分项（或先列分项再写"
             "“合计”“共计”），分项之和是否等于该金额。只比较都以“万元”写出的金额；分项中夹有百分比、其他单位或"
             "再分的“其中”时不比较；分项以“等”结尾（“其中A 30万元、B 20万元等”）的只列了一部分，分项之和小于该金额"
             "不报告，超过时仍报告。",
        why="资金的分项与合计对不上，说明有一项写错或漏写，下达、执行的金额无从核对（语料 203、270）。",
        bad="下达资金672385万元(其中,第一批653885万元,第二批18000万元)",
        good="下达资金672385万元(其中,第一批653885万元,第二批18500万元)",
        fix="核对各分项和合计，改正写错的一项或补上漏写的分项。",
    )

    _SOME_ONLY = re.compile(r"万元\s*等")

    def document_findings(self, document: Document, profile: Profile) -> Iterator[Finding]:
        for said in document.prose.sums if document.prose else ():
            total = sum(said.parts, Decimal(0))
            places = max(-min(figure.as_tuple().exponent for figure in (said.whole, *said.parts)), 0)
            if total < said.whole and self._SOME_ONLY.search(said.sentence):
                continue  # (parts listed as some of them, …万元等, need not make the whole; more than it they cannot)
            if abs(total - said.whole) * 10 ** places > len(said.parts):  # (each part rounded to its last place)
                yield self.prose_finding(document, profile, said.line, line=said.line, whole=amount_text(said.whole),
                                         parts=" + ".join(amount_text(part) for part in said.parts), total=amount_text(total))


class LostCharacters(ProseRule):
    code = "JX928"
    name = "lost-characters-in-prose"
    title = "正文有转换丢失的字"
    severity = Severity.INFO
    dimension = Dimension.FORM
    source = GOALS_2015.at("第十二条（指向明确）")
    message = "正文有转换时丢失的字（问号或替换字符）：{cited}，请对照原件改正"
    docs = RuleDocs(
        what="没有指标表的自评报告或资金通知中，是否有转换或复制时丢失的字：替换字符“�”，或夹在汉字之间、连在汉字旁的"
             "问号（“??顚S茫郊?”）；“是否…?”“吗?”这样的问句不算。全文报告一次，只作提示。",
        why="丢字的句子读不通，资金用途、要求和依据无从核对（语料 211）。",
        bad="请根据相关资金管理办法等要求??顚S茫郊?",
        good="请根据相关资金管理办法等要求专款专用。",
        fix="对照原件补全丢失的字。",
    )

    _SHOWN = 3  # places named in the message

    def document_findings(self, document: Document, profile: Profile) -> Iterator[Finding]:
        yield from self.cited_once(document, profile, document.prose.lost if document.prose else [], self._SHOWN)


class AmountWithoutUnit(ProseRule):
    code = "JX930"
    name = "prose-amount-without-unit"
    title = "正文所写金额没有单位"
    severity = Severity.INFO
    dimension = Dimension.FORM
    source = GOALS_2015.at("第十二条（指向明确）")
    message = "正文的金额没有写单位：{cited}，看不出是元还是万元"
    docs = RuleDocs(
        what="没有指标表的自评报告或资金通知中，“预算数”“执行数”“支出数”后直接写三位以上的数字而没有“元”“万元”“亿元”"
             "（“全区执行数1032849.44(含…)”）；数字后紧跟其他字的（“预算数2023年度”“执行数300个”）是年份或另有单位，不算。"
             "全文报告一次，只作提示；此金额不读取，也不参与执行率的核对。",
        why="没有单位的金额无法与预算数比较，执行率和资金使用情况无从核对（语料 270）。",
        bad="全年预算数1080245.79万元,全区执行数1032849.44(含中央资金689139.31万元…)",
        good="全年预算数1080245.79万元,全区执行数1032849.44万元(含中央资金689139.31万元…)",
        fix="在金额后补上单位（万元或元）。",
    )

    _SHOWN = 3  # amounts named in the message

    def document_findings(self, document: Document, profile: Profile) -> Iterator[Finding]:
        yield from self.cited_once(document, profile, document.prose.unitless if document.prose else [], self._SHOWN)


class MisspeltTermInProse(ProseRule):
    code = "JX933"
    name = "misspelt-standard-term-in-prose"
    title = "正文规范用语有错别字"
    severity = Severity.INFO
    dimension = Dimension.FORM
    source = GOALS_2015.at("第十二条（指向明确）")
    message = "正文的规范用语有错别字：{cited}，请对照原件改正"
    terms = slip_words()
    docs = RuleDocs(
        what="没有指标表的自评报告、目标说明或资金通知中，财政和绩效管理的规范用语是否写成了已知的错别字（“有害生防治”"
             "应为“有害生物防治”、“完咸”应为“完成”、“财政投款”应为“财政拨款”），与 JX932 用同一词表"
             "（jixiao/model/data/slips.toml）；带指标表的自评报告，表外的正文也检查。全文报告一次，只作提示。",
        why="规范用语写错，资金性质、工作内容会被误读，报告无从核对（语料 275）。",
        bad="2019年林业有害生防治项目立项依据……",
        good="2019年林业有害生物防治项目立项依据……",
        fix="按规范用语改正错字、补上漏字。",
    )

    beside_tables = True
    _SHOWN = 3  # slips named in the message

    def document_findings(self, document: Document, profile: Profile) -> Iterator[Finding]:
        said = [(one, slip) for one in (document.prose.slips if document.prose else ()) for slip in slips_in(one.text)]
        if said:
            cited, slots = self.cited(said, self._SHOWN, "第{line}行“{text}”中“{written}”应为“{term}”",
                                      lambda pair: {"line": pair[0].line, "text": pair[0].text,
                                                    "written": pair[1].written, "term": pair[1].term})
            yield self.prose_finding(document, profile, said[0][0].line,
                                     template=self.message.replace("{cited}", cited), **slots)


class GoalNotQuantifiedInProse(ProseRule):
    code = "JX946"
    name = "prose-goal-not-quantified"
    title = "正文所写绩效目标没有量化"
    severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    source = GOALS_2015.at("第十二条（细化量化）")
    message = "正文第{line}行的绩效目标“{goal}”没有任何数量、质量或时间要求"
    docs = RuleDocs(
        what="没有指标表的自评报告、目标说明或资金通知中，写明的绩效目标（“绩效目标是…”“项目绩效总目标:…”“年度绩效目标:…”，"
             "到句号为止）是否至少有一个数字（数量、比例或时间；年份、金额和补助标准不算，与 JX911 相同）。“以绩效目标为依据”"
             "这样把目标当作依据的句子不是目标。文中写了几处目标、其中一处有数字的，目标已有量化，不报告；全文报告一次，为警告。",
        why="没有指标表时，正文的目标是唯一能据以监控和评价的要求；只写方向（扎实开展、有效遏制、促进发展）的目标，年底无从"
            "判断是否实现（语料 258、271）。",
        bad="2022年主要绩效目标是扎实开展新闻宣传,凝聚奋斗“十四五”、奋进新征程的强大力量。",
        good="2022年主要绩效目标是全年播发新闻稿件不少于3000篇，开设专栏5个，新媒体传播量较上年增长10%。",
        fix="写明本年度要完成的数量、质量、时间和效果，或附上绩效目标表。",
    )

    _QUOTED = 40  # characters of the goal quoted in the message

    def document_findings(self, document: Document, profile: Profile) -> Iterator[Finding]:
        goals = document.prose.goals if document.prose else []
        if not goals or any(states_output_figure(goal.text) for goal in goals):
            return  # a goal stated in figures anywhere: the text's goals are quantified
        first = goals[0]
        text = first.text if len(first.text) <= self._QUOTED else first.text[:self._QUOTED] + "…"
        yield self.prose_finding(document, profile, first.line, line=first.line, goal=text)


# the levels below the centre, as the prose reader names them: 地方 is their sum where a text gives both
_LOCAL_LEVELS = ("省级", "市级", "县级", "市县")


class BudgetAboveSources(ProseRule):
    code = "JX947"
    name = "budget-above-stated-sources"
    title = "正文所写预算数多于各级资金之和"
    severity = Severity.INFO
    dimension = Dimension.ACCURACY
    source = GOALS_2015.at("第十二条（相应匹配）")
    message = ("第{line}行写预算数 {budget}万元，而正文所写中央资金 {central}万元（第{central_line}行）与地方资金 {local}万元"
               "（第{local_line}行）合计 {whole}万元，多出 {gap}万元，正文没有说明这部分资金的来源")
    docs = RuleDocs(
        what="没有指标表的自评报告或资金通知中，写出的全年预算数（只有一个）是否多于正文所写中央资金与地方资金（配套、匹配）"
             "下达或安排数之和。每一级只写了一个下达数时才比较；地方资金按所写的“地方资金”，没有写的按所写省级、市县等各级之和；"
             "写了“地方资金”又写了省级、市县各多少而对不上的不比较（口径不明）。正文另有一笔金额正好等于多出的部分（如“其他资金…万元”）的，"
             "差额已有来源，不报告；预算数少于两级资金之和的（可能只是其中一部分资金的预算）也不报告。只作提示。",
        why="预算数应由各级资金组成；多出的部分没有来源，预算数或下达数必有一处写错，执行率也无从核对（语料 270）。",
        bad="中央…下达转移支付资金672385万元……各级财政安排配套资金383794.62万元……全年预算数1080245.79万元",
        good="中央…下达转移支付资金672385万元……各级财政安排配套资金383794.62万元……全年预算数1056179.62万元",
        fix="核对预算数和各级资金的下达数，改正写错的一处，或写明差额资金的来源（上年结转、其他资金）。",
    )

    def document_findings(self, document: Document, profile: Profile) -> Iterator[Finding]:
        prose = document.prose
        if prose is None:
            return
        received = self._received(prose.funds)
        # (a sentence stating a source's money allotted, 中央下达资金300万元, is read as a budget too: that one is the source's)
        allotted = {(fund.line, fund.amount) for fund in prose.funds if fund.role == "received"}
        budgets = {statement.budget for statement in prose.money
                   if statement.budget and (statement.line, statement.budget) not in allotted}
        if len(budgets) != 1 or received is None:
            return
        (budget,), (central, local, local_line) = budgets, received
        whole = central.amount + local
        gap = budget - whole
        if gap <= Decimal("0.01"):
            return  # (a budget at or below the sources may be the budget of part of the money)
        stated = {said.amount for said in prose.amounts}
        stated -= {amount for _, amount in allotted}  # (a level's own share, 市级资金50万元, is no other money)
        if any(abs(figure - gap) <= Decimal("0.01") for figure in stated):
            return  # (the text names an amount that makes up the difference: 其他资金, 上年结转)
        statement = next(statement for statement in prose.money if statement.budget == budget
                         and (statement.line, budget) not in allotted)
        yield self.prose_finding(document, profile, statement.line, line=statement.line, budget=amount_text(budget),
                                 central=amount_text(central.amount), central_line=central.line,
                                 local=amount_text(local), local_line=local_line, whole=amount_text(whole),
                                 gap=amount_text(gap))

    @staticmethod
    def _received(funds: Sequence[FundAmount]) -> tuple[FundAmount, Decimal, int] | None:
        """The central money the text says was allotted, and the local money with the line that first states it: 地方,
        or the sum of the levels below the centre it names (自治区 and 市、县); each level where the text gives one
        amount of it. None when either is missing or unclear."""
        by_source: dict[str, set[Decimal]] = {}
        first: dict[str, FundAmount] = {}
        for fund in funds:
            if fund.role == "received":
                by_source.setdefault(fund.source, set()).add(fund.amount)
                first.setdefault(fund.source, fund)
        if any(len(amounts) != 1 for amounts in by_source.values()) or "中央" not in by_source:
            return None
        levels = [first[level] for level in _LOCAL_LEVELS if level in by_source]
        parts = sum((fund.amount for fund in levels), Decimal(0))
        if "地方" in by_source:
            if levels and abs(parts - first["地方"].amount) > Decimal("0.01"):
                return None  # (地方 and levels that do not make it up, 自治区98.6 beside 地方匹配859.6: unclear)
            return first["中央"], first["地方"].amount, first["地方"].line
        if not levels:
            return None
        return first["中央"], parts, min(fund.line for fund in levels)
