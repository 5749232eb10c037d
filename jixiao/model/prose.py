"""What a report or notice written in prose says of its money, dates and document numbers, with where it says it.

A unit's 自评报告 or a 资金下达通知 often has no indicator table: its budget, spending and execution rate are sentences
(项目全年预算数1290.00万元,执行数为1206.01万元,资金执行率为93.49%). The reader keeps each figure only where a phrase
states it; the checks compare what the same sentence states.
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel, Field

__all__ = ["FundAmount", "MoneyStatement", "MoneySum", "ProseReport", "Said"]


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


class ProseReport(BaseModel):
    """What a document without an indicator table says in its sentences."""

    money: list[MoneyStatement] = Field(default_factory=list)
    sums: list[MoneySum] = Field(default_factory=list)
    funds: list[FundAmount] = Field(default_factory=list, description="Each source's money said received or spent")
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

    @property
    def is_empty(self) -> bool:
        """True when no sentence stated anything the checks read."""
        return not (self.money or self.sums or self.references or self.lost)
