"""Audit of the money a self-evaluation report or a notice states in prose (its whole text when no 自评表 is printed,
else its paragraphs outside the tables, a sentence the sheet's money repeats left to the sheet rules): each sentence's
stated execution rate against its own executed amount over its own budget, spending above the budget, a report
that leaves half of its budget unspent without stating any rate, and one leaving a tenth or more unspent without a
sentence on why.

Only figures one sentence states together are compared (项目全年预算数1290.00万元,执行数为1206.01万元,资金执行率为
93.49%): a budget in one paragraph and an amount in another may be of different funds (中央资金 and 全年预算数). Across
sentences, only one source's money is tied (JXA34, JXA35): the amount of 中央 (省级, 市县 …) money a sentence says was
allotted or received and the amount of the same source another says was spent, where the report gives each one amount.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.model import FundAmount, MoneyStatement, Severity
from jixiao.model.finding import Finding, Phrase
from jixiao.scoring.audit.recompute import EXPLAIN_BELOW, LARGELY_UNSPENT_AT, rate_tolerance
from jixiao.scoring.audit.rule import AuditContext, AuditDocs, AuditRule
from jixiao.scoring.audit.rules.actuals import ACTUALS
from jixiao.scoring.audit.rules.evaluation import SCORING
from jixiao.scoring.target_rules import number

__all__ = ["PROSE_RULES", "STATEMENT_RULES"]

REPORT = "财预〔2020〕10号《项目支出绩效评价管理办法》第二十五条：自评报告如实反映预算执行情况和绩效目标实现程度"
_HUNDRED = Decimal(100)
# (a rate said as one to be reached: a goal's, not the year's)
_AS_GOAL = re.compile(r"以上|不低于|不少于|力争|确保|目标|要求|应达到|≥|>=")


def _computed(statement: MoneyStatement) -> Decimal | None:
    if statement.budget and statement.spent is not None:
        return statement.spent / statement.budget * _HUNDRED
    return None


def _rounded(rate: Decimal) -> str:
    return f"{rate.quantize(Decimal('0.01'))}"


class ProseRateMismatch(AuditRule):
    code = "JXA29"
    name = "stated-rate-not-spent-over-budget"
    title = "报告所写执行率与执行数、预算数不符"
    severity = Severity.WARNING
    source = REPORT
    message = "第{line}行写执行率 {printed}%，执行数 {spent} ÷ 预算数 {budget} = {computed}%"
    applies_to = "prose"
    docs = AuditDocs(
        what="自评报告正文（没有自评表的报告全文，或表格以外的段落）中，同一句话写出的预算数、执行数和执行率相互一致。"
             "执行超出预算而执行率写作100%（按上限计）只作提示。报告的表已印出同一笔资金（同一预算数、执行数或执行率）的，"
             "由表的规则（JXA04 等）报告，JXA29–JXA31、JXA33 不再重复。",
        formula="执行率 = 执行数 ÷ 预算数 × 100%，允许所写位数的四舍五入或舍去（写 93.49 允许差 0.01，写 100 允许差 1）",
        setting="无",
        example="“项目年预算批复金额为900万元，实际执行资金总额977万元，资金执行率为100%”：977 ÷ 900 = 108.56%，提示。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        for statement in ctx.prose.money if ctx.prose else ():
            computed = _computed(statement)
            if computed is None or statement.rate is None:
                continue
            printed = Decimal(statement.rate)
            if abs(printed - computed) <= rate_tolerance(printed):
                continue
            capped = printed == _HUNDRED and computed > _HUNDRED  # a rate over 100% written as the 100% it scores
            yield self.prose_finding(ctx, statement, severity=Severity.INFO if capped else None,
                                     printed=statement.rate, spent=number(statement.spent),
                                     budget=number(statement.budget), computed=_rounded(computed),
                                     fix=Phrase("执行率应为 {rate}%，或说明执行数与预算数的口径", {"rate": _rounded(computed)}))


class ProseSpentAboveBudget(AuditRule):
    code = "JXA30"
    name = "stated-spending-above-budget"
    title = "报告所写执行数超过预算数且未说明"
    severity = Severity.WARNING
    source = "《预算法》第十三条：经人民代表大会批准的预算，非经法定程序，不得调整；支出不得突破预算"
    message = "第{line}行写执行数 {spent} 超过预算数 {budget}，未说明超出部分的来源"
    applies_to = "prose"
    docs = AuditDocs(
        what="自评报告同一句话写出的执行数超过预算数，而句中没有说明超出部分（其中…募集、含…结转、其他资金）。"
             "所写执行率与两数不符时由 JXA29 报告，此处不再重复。",
        formula="执行数 > 预算数", setting="无",
        example="“全年预算数500万元，实际支出560万元”：提示说明超出的60万元。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        for statement in ctx.prose.money if ctx.prose else ():
            computed = _computed(statement)
            if computed is None or computed <= _HUNDRED or statement.explained:
                continue
            if statement.rate is not None and abs(Decimal(statement.rate) - computed) > Decimal(1):
                continue  # (the stated rate disagrees: JXA29's finding)
            yield self.prose_finding(ctx, statement, spent=number(statement.spent), budget=number(statement.budget),
                                     fix="说明超出预算部分的资金来源和调整程序")


class ProseRateUnstated(AuditRule):
    code = "JXA31"
    name = "half-unspent-rate-unstated"
    title = "报告预算大量未执行却没有写执行率"
    severity = Severity.WARNING
    source = REPORT
    message = "第{line}行写预算数 {budget}、执行数 {spent}（{computed}%），报告没有写执行率"
    applies_to = "prose"
    docs = AuditDocs(
        what="自评报告写出预算数和执行数，四成以上未执行，而全文没有一句写执行率：执行情况要写明执行率，以便评分和"
             "说明偏差。",
        formula="执行数 ÷ 预算数 ≤ 60%，且报告中没有“执行率”", setting="无",
        example="“年初项目预算总计899.7万元，实际到账支付462.4万元”，全文无执行率：462.4 ÷ 899.7 = 51.40%，报告。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        money = ctx.prose.money if ctx.prose else []
        if any(statement.rate is not None for statement in money):
            return
        for statement in money:
            computed = _computed(statement)
            if computed is not None and computed <= LARGELY_UNSPENT_AT:
                yield self.prose_finding(ctx, statement, budget=number(statement.budget),
                                         spent=number(statement.spent), computed=_rounded(computed),
                                         fix="写明执行率，并说明未执行部分的原因")


class ProseUnspentUnexplained(AuditRule):
    code = "JXA33"
    name = "stated-unspent-without-reason"
    title = "报告资金未执行一成以上却没有说明原因"
    severity = Severity.WARNING
    source = REPORT + "；自评表填表说明：预算执行率未达到90%的需说明原因"
    message = "第{line}行写预算数 {budget}、执行数 {spent}（执行率 {computed}%），报告没有一句说明资金未执行的原因"
    _RATE_ONLY = "第{line}行写执行率 {rate}%，报告没有一句说明资金未执行的原因"
    applies_to = "prose"
    docs = AuditDocs(
        what="自评报告同一句话写出预算数和执行数，执行率低于 90%（一成以上的资金未执行；标题写明是自评报告的，只写了"
             "执行率、没写两数的也算，写成要达到的目标的“执行率达到85%以上”不算），而全文没有一句说明与资金有关的"
             "原因（“由于…”“原因是…”“因…未…”“受…影响”，且说到资金、预算、支付、结余等），也没有说明剩下的资金是什么"
             "（“剩余资金为质保金”“尚未支付”“结转下年使用”“采购节约”）：未执行的资金须说明原因和改进措施。"
             "只写着“存在的问题及原因分析”之类的标题不算说明。",
        formula="执行数 ÷ 预算数 < 90%，且报告中没有说明原因的句子（句中所写执行率与两数不符的由 JXA29 报告）", setting="无",
        example="“年初项目预算总计899.7万元，实际到账支付462.4万元”，全文没有说明原因：462.4 ÷ 899.7 = 51.39%，报告；"
                "下文写“主要原因是部分项目资金未到位”：不报告。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        if ctx.prose is None or ctx.prose.reasons:
            return
        for statement in ctx.prose.money:
            computed = _computed(statement)
            if computed is None and statement.rate is not None:
                # (a rate stated without its amounts, 资金执行率为85.2%, in a report on its year: a rate to be reached,
                # 执行率达到85%以上, is a goal's)
                if Decimal(statement.rate) < EXPLAIN_BELOW and ctx.prose.report_title and not _AS_GOAL.search(
                        statement.sentence):
                    yield self.prose_finding(ctx, statement, rate=statement.rate, template=self._RATE_ONLY,
                                             fix="说明资金未执行的原因（项目延期、资金未到位、结余等）和改进措施")
                continue
            if computed is None or computed >= EXPLAIN_BELOW:
                continue
            if statement.rate is not None and abs(Decimal(statement.rate) - computed) > Decimal(1):
                continue  # (the stated rate disagrees: JXA29's finding, the figures to be put right first)
            yield self.prose_finding(ctx, statement, budget=number(statement.budget),
                                         spent=number(statement.spent), computed=_rounded(computed),
                                         fix="说明资金未执行的原因（项目延期、资金未到位、结余等）和改进措施")


# (a sentence saying where the spending beyond a source's money came from: 含上年结转, 追加)
_BEYOND_EXPLAINED = re.compile(r"上年结转|上年结余|以前年度|历年结余|追加|调剂|垫付|借支")


def _linked(ctx: AuditContext) -> Iterator[tuple[FundAmount, FundAmount]]:
    """Each source's money the report says received (or allotted) and spent, where it states one amount of each
    (中央 received in one paragraph, spent in another): a source given two different amounts received or spent
    (地方匹配859.6万元 here, 地方资金98.6万元 there) is not tied to either."""
    by_source: dict[str, dict[str, list[FundAmount]]] = {}
    for fund in ctx.prose.funds if ctx.prose else ():
        by_source.setdefault(fund.source, {}).setdefault(fund.role, []).append(fund)
    for roles in by_source.values():
        received, spent = roles.get("received", []), roles.get("spent", [])
        if len({fund.amount for fund in received}) == 1 and len({fund.amount for fund in spent}) == 1:
            yield received[0], spent[0]


class FundSpentAboveReceived(AuditRule):
    code = "JXA34"
    name = "source-spent-above-received"
    title = "报告所写某级资金的支出超过该级资金的下达（到位）数且未说明"
    severity = Severity.WARNING
    source = "《预算法》第十三条：支出不得突破预算；" + REPORT
    message = "第{line}行写{source}资金支出 {spent}，超过第{received_line}行所写{source}资金下达（到位）{received}，多出 {beyond}"
    applies_to = "prose"
    docs = AuditDocs(
        what="自评报告写出某一级资金（中央、省级、市县、地方）收到或下达的金额，又在同一句或另一句写出该级资金的支出，"
             "支出超过下达数，而写支出的句子没有说明超出部分（上年结转、以前年度结余、追加、调剂、垫付）。报告中同一级资金写了"
             "两个不同的下达数或支出数的，不比较（口径不明）。",
        formula="某级资金支出 > 该级资金下达（到位）数", setting="无",
        example="“中央…下达…转移支付资金672385万元”，下文“全区执行数…(含中央资金689139.31万元…)”：中央资金多支出"
                "16754.31万元，未说明来源，报告。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        for received, spent in _linked(ctx):
            if spent.amount > received.amount and not _BEYOND_EXPLAINED.search(spent.sentence):
                yield self.prose_finding(ctx, spent, source=spent.source, spent=number(spent.amount),
                                         received=number(received.amount), received_line=received.line,
                                         beyond=number(spent.amount - received.amount),
                                         fix="说明超出下达数部分的资金来源（上年结转、追加等），或更正支出数")


class FundLeftUnexplained(AuditRule):
    code = "JXA35"
    name = "source-left-unspent-without-reason"
    title = "报告所写某级资金未全部支出却没有说明原因"
    severity = Severity.WARNING
    source = REPORT + "；自评表填表说明：偏差须说明原因"
    message = ("第{line}行写{source}资金支出 {spent}，第{received_line}行写{source}资金下达（到位）{received}，结余 {left}"
               "，报告没有一句说明原因")
    applies_to = "prose"
    docs = AuditDocs(
        what="自评报告写出某一级资金（中央、省级、市县、地方）收到或下达的金额和该级资金的支出，支出少于下达数，而全文"
             "没有一句说明与资金有关的原因或剩余资金是什么（同 JXA33 的“说明”）。总的执行率已低于 90% 的由 JXA33 报告。"
             "同一级资金写了两个不同的下达数或支出数的，不比较。",
        formula="某级资金支出 < 该级资金下达（到位）数，且报告中没有说明原因的句子", setting="无",
        example="“收到财政资金共2330.9万元,其中:中央资金1372.7万元…支出2310.4万元,其中中央资金1352.2万元”，全文没有"
                "说明原因：中央资金结余20.5万元，报告。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        if ctx.prose is None or ctx.prose.reasons or any(
                (computed := _computed(statement)) is not None and computed < EXPLAIN_BELOW
                for statement in ctx.prose.money):
            return  # (an account of the money is given, or JXA33 asks for one)
        for received, spent in _linked(ctx):
            if spent.amount < received.amount:
                yield self.prose_finding(ctx, spent, source=spent.source, spent=number(spent.amount),
                                         received=number(received.amount), received_line=received.line,
                                         left=number(received.amount - spent.amount),
                                         fix="说明该级资金结余的原因（项目未完工、资金未拨付等）和结余资金的处理")


def _table_spending(ctx: AuditContext) -> bool:
    """Whether a printed table of the report states what was spent: then the table is audited, and its sentences
    need not say it again."""
    return any(sheet.evaluation is not None and (
        sheet.evaluation.spent is not None or sheet.evaluation.execution_rate is not None) for sheet in ctx.sheets)


class ProseSpendingUnstated(AuditRule):
    code = "JXA41"
    name = "report-money-without-spending"
    title = "自评报告写了资金却没有写执行数和执行率"
    severity = Severity.WARNING
    source = REPORT + "；" + SCORING + "：预算执行率 = 全年执行数 ÷ 全年预算数"
    message = "自评报告（第{title_line}行“{title}”）写了资金 {amounts}，全文没有写执行数（实际支出）和执行率，预算执行情况无从核对"
    _MORE = "自评报告（第{title_line}行“{title}”）写了资金 {amounts} 等，全文没有写执行数（实际支出）和执行率，预算执行情况无从核对"
    applies_to = "prose"
    docs = AuditDocs(
        what="标题写明是绩效自评（评价）报告的文字报告写出了资金（下达、安排的金额或各项用途的金额），而全文没有一句写出"
             "执行数、实际支出、投资额或执行率，也没有说资金已全部发放、拨付：自评报告要写预算执行情况，否则执行率无从"
             "计分和核对。报告所附的表已印出执行数或执行率的，不报告；网页上的副本在写到完成情况（绩效目标完成情况、自评"
             "结论等）之前就截断的，执行情况可能写在后文，也不报告。",
        formula="报告中有金额，且没有“执行数/支出/支付/投资/发放 + 金额”“执行率”“全部发放（拨付）”这样的句子",
        setting="无",
        example="“2020财政下达红十字事业支出专项资金28万元”，全文没有执行数和执行率：报告；"
                "“总投资69390元”写出了实际投资：不报告。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        prose = ctx.prose
        if prose is None or prose.report_title is None or prose.results_part is None or not prose.amounts or (
                prose.spending or prose.unitless):
            return  # (a copy cut before its results may say the spending further on; an amount written without its
            # unit may be the spending: P151 says it was not read)
        if any(s.spent is not None or s.rate is not None for s in prose.money) or any(
                fund.role == "spent" for fund in prose.funds) or _table_spending(ctx):
            return
        listed = list(dict.fromkeys(amount.text for amount in prose.amounts))
        yield self.said_finding(ctx, prose.amounts[0].line, title=prose.report_title.text,
                                title_line=prose.report_title.line, amounts="、".join(listed[:_LISTED]),
                                template=self._MORE if len(listed) > _LISTED else None,
                                fix="写明全年执行数（实际支出）和执行率（执行数 ÷ 预算数），未执行的说明原因")


_LISTED = 3  # amounts or phrases a message quotes at most


class ProseResultsInWords(AuditRule):
    code = "JXA42"
    name = "report-results-in-words"
    title = "自评报告的完成情况只写结论，没有实际完成数"
    severity = Severity.WARNING
    source = REPORT + "；" + ACTUALS
    message = "自评报告写完成情况只用“{said}”这样的话，没有写实际完成了多少，目标完成情况无从核对"
    applies_to = "prose"
    docs = AuditDocs(
        what="标题写明是绩效自评（评价）报告的文字报告，说目标或产出完成情况的分句只有“均超额完成”“如期实现年度绩效目标”"
             "“全部发放到相关企业”“较好地完成了…工作”这样的结论（或只说效果的“有效提升了…”“明显改善”），分句里没有一个数字（日期、文号、附件编号不算）："
             "定量目标要写出实际完成值，才能与目标值比较、计分。报告有指标表的，完成情况在表中（或在截断的行中），不报告。"
             "每份报告报告一次，引出至多三处。",
        formula="分句含“均/全部/全面/圆满/顺利/较好地/如期/超额 + 完成/实现/达到/达成/发放到”或“有效提升/提高/保障/改善”"
                "“明显（显著）提升/提高/改善”，且分句中没有数字（前一分句有数字的，是对该数字的总结，也不算）",
        setting="无",
        example="“主要产出和效益:救助困难家庭工作、人体器官年完成捐献工作…均超额完成”：报告，要写出救助户数、捐献例数；"
                "“全区648.34万名…老年居民基础养老金按时足额发放,100%如期实现年度绩效目标”：写出了数字，不报告。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        prose = ctx.prose
        if prose is None or prose.report_title is None or not prose.verdicts or any(
                sheet.indicators for sheet in ctx.sheets):
            return  # (a report with an indicator table has its results there, or in the rows a cut copy lost)
        quoted = list(dict.fromkeys(verdict.text for verdict in prose.verdicts))
        yield self.said_finding(ctx, prose.verdicts[0].line, said="”“".join(quoted[:_LISTED]),
                                fix="写出各项指标的目标值和实际完成值（数量、比率、金额），未完成的说明原因")


PROSE_RULES: tuple[AuditRule, ...] = (ProseRateMismatch(), ProseSpentAboveBudget(), ProseRateUnstated(),
                                      ProseUnspentUnexplained(), FundSpentAboveReceived(), FundLeftUnexplained(),
                                      ProseSpendingUnstated(), ProseResultsInWords())

# the rules reading one sentence's money (MoneyStatement): where a sheet of the report gives the same money, the sheet
# rules say it (audit_prose)
STATEMENT_RULES = frozenset(rule.code for rule in (ProseRateMismatch, ProseSpentAboveBudget, ProseRateUnstated,
                                                   ProseUnspentUnexplained))
