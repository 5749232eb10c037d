"""Audit against the approved goal sheet (when jixiao holds it): the self-evaluation measures what was approved."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.model import Operator, Severity
from jixiao.model.finding import Finding, Phrase
from jixiao.model.lexicon import fold
from jixiao.scoring.audit.rule import AuditContext, AuditDocs, AuditRule
from jixiao.scoring.target_rules import number, plain

__all__ = ["APPROVAL_RULES"]

APPROVED = "财预〔2015〕88号 第二十一条：批复的绩效目标原则上不作调整，确需调整的按程序报批；自评以批复的绩效目标为依据"


def _by_name(sheet) -> dict[str, tuple[int, object]]:
    return {fold(i.name): (n, i) for n, i in enumerate(sheet.indicators, 1) if i.name}


class IndicatorSetChanged(AuditRule):
    code = "JXA14"
    name = "indicators-differ-from-approved"
    title = "自评的指标与批复的目标表不一致"
    severity = Severity.WARNING
    source = APPROVED
    message = "与批复的目标表相比，{change}指标“{indicator}”"
    applies_to = "approval"
    docs = AuditDocs(what="自评表逐项列出批复的每一个三级指标，不删不增。", formula="按三级指标名称对照",
                     setting="无", example="批复的“受益人口数”未出现在自评表中：报告“删去了”。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        if ctx.approved is None:
            return
        approved, reported = _by_name(ctx.approved), _by_name(ctx.sheet)
        for key, (_, indicator) in approved.items():
            if key not in reported:
                yield self.finding(ctx, indicator=indicator.name, change="删去了", fix="补回该指标并如实自评")
        for key, (_, indicator) in reported.items():
            if key not in approved:
                yield self.finding(ctx, indicator=indicator.name, row=indicator.row, change="新增了",
                                   guessed=ctx.guessed(indicator), fix="自评以批复的指标为准；新增指标须经调整程序")


class TargetLoweredAfterApproval(AuditRule):
    code = "JXA15"
    name = "target-lowered-after-approval"
    title = "自评表中的目标值低于批复值"
    severity = Severity.ERROR
    source = APPROVED
    message = "指标“{indicator}”自评表写 {reported}，批复的是 {approved}"
    applies_to = "approval"
    docs = AuditDocs(what="自评表中的年度指标值与批复的一致，不得放宽（正向指标调低、反向指标调高）。",
                     formula="≥ 目标：自评值 < 批复值即放宽；≤ 目标：自评值 > 批复值即放宽", setting="无",
                     example="批复 ≥18个，自评表写 ≥15个：报告本规则。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        if ctx.approved is None:
            return
        approved = _by_name(ctx.approved)
        for indicator in ctx.sheet.indicators:
            found = approved.get(fold(indicator.name))
            if found is None:
                continue
            before, after = found[1].target, indicator.target
            if before.value is None or after.value is None or (before.unit or "") != (after.unit or ""):
                continue
            lowered = ((before.operator in (Operator.GE, Operator.GT, Operator.EQ) and after.value < before.value)
                       or (before.operator in (Operator.LE, Operator.LT) and after.value > before.value))
            if lowered:
                yield self.finding(ctx, indicator=indicator.name, row=indicator.row, column="年度指标值",
                                   reported=after.raw, approved=before.raw, guessed=ctx.guessed(indicator),
                                   fix=Phrase("按批复的 {approved} 自评", {"approved": before.raw}))


class WeightMovedAfterApproval(AuditRule):
    code = "JXA16"
    name = "weight-moved-after-approval"
    title = "分值与批复的权重不同"
    severity = Severity.WARNING
    source = APPROVED
    message = "指标“{indicator}”分值 {reported}，批复的权重是 {approved}"
    applies_to = "approval"
    docs = AuditDocs(what="批复的目标表写了权重时，自评表各指标的分值与之相同。", formula="按三级指标名称对照",
                     setting="无", example="批复权重 10，自评分值 5：报告本规则。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        if ctx.approved is None or ctx.sheet.evaluation is None:
            return
        approved = _by_name(ctx.approved)
        for position, indicator in enumerate(ctx.sheet.indicators, 1):
            found, item = approved.get(fold(indicator.name)), ctx.sheet.evaluation.item_for(position)
            weight = item.weight if item and item.weight is not None else indicator.weight
            if found is None or found[1].weight is None or weight is None or weight == found[1].weight:
                continue
            yield self.finding(ctx, indicator=indicator.name, row=item.row if item else None, column="分值",
                               reported=number(weight), approved=number(found[1].weight), guessed=ctx.guessed(indicator),
                               fix=Phrase("按批复的权重 {weight} 计分", {"weight": plain(found[1].weight)}))


APPROVAL_RULES = (IndicatorSetChanged(), TargetLoweredAfterApproval(), WeightMovedAfterApproval())
