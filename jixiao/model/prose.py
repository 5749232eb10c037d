"""What a report or notice written in prose says of its money, dates and document numbers, with where it says it.

A unit's 自评报告 or a 资金下达通知 often has no indicator table: its budget, spending and execution rate are sentences
(项目全年预算数1290.00万元,执行数为1206.01万元,资金执行率为93.49%). The reader keeps each figure only where a phrase
states it; the checks compare what the same sentence states.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pydantic import BaseModel, Field

__all__ = ["FundAmount", "MoneyStatement", "MoneySum", "ProseReport", "Said", "StatedAmount", "gives_cause"]


class Said(BaseModel):
    """A phrase as written and the 1-based line of the file it is on."""

    text: str
    line: int


class MoneyStatement(BaseModel):
    """One sentence's money: the budget, the amount spent (in 万元) and the execution rate (in %) it states."""

    line: int
    sentence: str = Field(description="The sentence as written (Simplified)")
    budget: Decimal | None = Field(default=None, description="预算数 the sentence states, in 万元")
    spent: Decimal | None = Field(default=None, description="执行数 (实际支出) the sentence states, in 万元")
    rate: str | None = Field(default=None, description="执行率 as printed, in %, without the sign (93.49)")
    explained: bool = Field(default=False, description="The sentence says what the spending holds beyond the "
                                                       "budget (其中…募集、含…结转、其他资金)")


class MoneySum(BaseModel):
    """An amount and the parts one sentence lists for it (672385万元(其中,第一批653885万元,第二批18500万元); 35万元、
    30万元、50万元,合计115万元), in 万元."""

    line: int
    sentence: str = Field(description="The sentence as written (Simplified)")
    whole: Decimal
    parts: list[Decimal] = Field(description="At least two, in the order written")


class FundAmount(BaseModel):
    """The amount of one source's money (中央, 省级, 地方 …) a sentence says was received or allotted, or spent
    (收到中央下达…资金1372.7万元; 执行数…(含中央资金689139.31万元)), in 万元."""

    line: int
    sentence: str = Field(description="The sentence as written (Simplified)")
    source: str = Field(description="Whose money, as a level: 中央, 省级, 市级, 县级, 地方")
    role: str = Field(description="received (收到, 下达, 到位, 拨付) or spent (支出, 执行数, 使用)")
    amount: Decimal


class StatedAmount(BaseModel):
    """An amount in 万元 a sentence states, whatever it is of (其他资金100万元, 上年结转20万元), as written."""

    line: int
    text: str = Field(description="The amount as written, with its unit (100万元)")
    amount: Decimal = Field(description="In 万元")


class ProseReport(BaseModel):
    """What a document without an indicator table says in its sentences."""

    money: list[MoneyStatement] = Field(default_factory=list)
    sums: list[MoneySum] = Field(default_factory=list)
    funds: list[FundAmount] = Field(default_factory=list, description="Each source's money said received or spent")
    amounts: list[StatedAmount] = Field(default_factory=list, description="Every amount in 万元 the sentences state, "
                                                                          "in the order written")
    references: list[Said] = Field(default_factory=list, description="Dates (…年…月…日) and document numbers "
                                                                     "(…〔2021〕84号) as written")
    lost: list[Said] = Field(default_factory=list, description="Where a conversion lost characters (runs of ? or "
                                                               "replacement characters), a few characters either side")
    slips: list[Said] = Field(default_factory=list, description="Known slips of standard terms (财政投款 for 财政拨款: "
                                                                "jixiao/model/data/slips.toml), a few characters either "
                                                                "side")
    unitless: list[Said] = Field(default_factory=list, description="Amounts a money word states without their unit "
                                                                   "(执行数1032849.44), as written: left unread")
    reasons: list[Said] = Field(default_factory=list, description="Sentences giving a cause that concerns the money, "
                                                                  "or saying what the money left is (由于…资金未拨付, "
                                                                  "剩余资金为质保金), as written")
    goals: list[Said] = Field(default_factory=list, description="The performance goals the text states after a goal's "
                                                                "label (绩效目标是…, 项目绩效总目标:…), each from the "
                                                                "label's end to the end of its sentence (。), as written")
    report_title: Said | None = Field(
        default=None, description="The title naming the text a unit's self-evaluation of its year (…绩效自评报告, "
                                  "…绩效评价报告, …绩效评价工作开展情况), as written: where it is none (a notice, a plan), "
                                  "the rules asking for the year's results say nothing")
    results_part: Said | None = Field(
        default=None, description="Where the report comes to its results (绩效目标完成情况, 自评结论, 项目绩效情况分析与评价, "
                                  "主要产出和效益), as written: a copy cut before it may state its spending further on")
    spending: list[Said] = Field(
        default_factory=list, description="Clauses saying money was spent, paid out or invested, with its amount or in "
                                          "words (总投资69390元, 实际支付462.4万元, 补贴资金全部发放到相关企业), as "
                                          "written")
    verdicts: list[Said] = Field(
        default_factory=list, description="Clauses saying what was achieved in words alone, with no figure (均超额完成, "
                                          "如期实现年度绩效目标, 补贴资金全部发放到相关企业), as written")

    @property
    def is_empty(self) -> bool:
        """True when no sentence stated anything the checks read."""
        return not (self.money or self.sums or self.references or self.lost
                    or self.report_title and (self.amounts or self.verdicts))


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


def gives_cause(sentence: str) -> bool:
    """Whether ``sentence`` gives a cause concerning the money (a heading naming the part does not): where a report,
    or a self-evaluation's own summary of its year, explains money left unspent."""
    return bool(_CAUSE.search(sentence) and _ABOUT_MONEY.search(sentence) or _LEFT_ACCOUNTED.search(sentence)) and (
        not _HEADING_ONLY.match(sentence))
