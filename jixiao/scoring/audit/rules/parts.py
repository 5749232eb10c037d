"""Audit of the money table's rows under its total (其中：中央财政资金, 地方财政资金, 其他资金; 其中：当年财政拨款, 上年结转资金):
what the sources spent adds up to what the total says was spent.

The budget of the parts against the total's is the review's (JX701, 预算数不等于各项资金来源之和); the amount spent is
the self-evaluation's own figure, and an execution rate computed from a total that its parts contradict is in doubt.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from jixiao.model import ReportedEvaluation, Severity
from jixiao.model.finding import Finding
from jixiao.model.wording import listed
from jixiao.scoring.audit.rule import AuditContext, AuditDocs, AuditRule
from jixiao.scoring.audit.rules.evaluation import SCORING
from jixiao.scoring.target_rules import number

__all__ = ["PART_RULES"]


def _half_unit(figure: Decimal) -> Decimal:
    """Half the last printed place of ``figure`` (1157.9 → 0.05): how far it may be from the amount it rounds."""
    return Decimal(5).scaleb(figure.as_tuple().exponent - 1) if isinstance(figure.as_tuple().exponent, int) else 0


def _slack(figures: list[Decimal]) -> Decimal:
    """How far a sum of printed figures may be from the figure it adds up to: half of each one's last place."""
    return sum((_half_unit(figure) for figure in figures), Decimal(0))


def _whole(evaluation: ReportedEvaluation) -> bool:
    """Whether the parts read are all the total's: their budgets add up to the total's (a source whose label was not
    read as one, 地方资金 under 中央财政资金, or a part of a part, 其中：一般公共预算 under 财政拨款, would break the sum)."""
    for field in ("budget_full", "budget_initial"):
        total = getattr(evaluation, field)
        budgets = [getattr(part, field) for part in evaluation.parts]
        if total is not None and budgets and None not in budgets:
            return abs(sum(budgets, Decimal(0)) - total) <= _slack([total, *budgets])
    return False


class PartsSpentNotTotal(AuditRule):
    code = "JXA43"
    name = "sources-spent-not-total"
    title = "各项资金来源的执行数之和与年度资金总额的执行数不符"
    severity = Severity.WARNING
    source = SCORING + "：资金投入情况的年度资金总额及其中所列各项资金来源"
    message = "年度资金总额的全年执行数为 {spent}，其中{parts}，合计 {sum}，相差 {difference}"
    applies_to = "evaluation"
    docs = AuditDocs(
        what="自评表资金投入情况中，“其中”所列各项资金来源（中央财政资金、地方财政资金、其他资金；当年财政拨款、"
        "上年结转资金、其他资金）印出的全年执行数之和，是否等于年度资金总额的全年执行数。空着的来源按没有执行计。"
        "允许各数所印位数的四舍五入（1157.9 可代表 1157.85–1157.95）。只在读到的各项来源的预算数之和等于年度资金总额"
        "的预算数时核对（否则可能有一项来源没有读到，或所列的是来源的分项）；预算数之和本身由 JX701 核对。",
        formula="各项来源预算数之和 = 年度资金总额预算数，且 |各项来源执行数之和 − 年度资金总额执行数| > 各数末位的一半之和",
        setting="无",
        example="年度资金总额预算 2000、执行 1157.97 万元，其中中央财政资金预算 2000、执行 1157.9 万元，地方财政资金、"
        "其他资金空着：合计 1157.9，相差 0.07，报告。",
    )

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        evaluation = ctx.sheet.evaluation
        if evaluation is None or evaluation.spent is None:
            return
        printed = [part for part in evaluation.parts if part.spent is not None]
        if not printed or not _whole(evaluation):
            return
        total = sum((part.spent for part in printed), Decimal(0))
        if abs(total - evaluation.spent) <= _slack([evaluation.spent, *(part.spent for part in printed)]):
            return
        named, slots = listed(
            "{name}执行 {spent}", [{"name": part.label, "spent": number(part.spent)} for part in printed]
        )
        yield self.finding(
            ctx,
            row=printed[0].line,
            column="全年执行数",
            spent=number(evaluation.spent),
            sum=number(total),
            difference=number(abs(total - evaluation.spent)),
            template=self.message.replace("{parts}", named),
            **slots,
            fix="核对各项资金来源的执行数与年度资金总额的执行数，更正错填的一项",
        )


PART_RULES = (PartsSpentNotTotal(),)
