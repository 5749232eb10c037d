"""Audit against what the unit recorded in jixiao during the year (when jixiao holds it): the printed 自评表 says
what was recorded, not other figures."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.model import Severity, parse_target
from jixiao.model.finding import Finding, Phrase
from jixiao.model.lexicon import fold
from jixiao.scoring.audit.recompute import differs
from jixiao.scoring.audit.rule import AuditContext, AuditDocs, AuditRule
from jixiao.scoring.target_rules import number, plain

__all__ = ["RECORDED_RULES"]

RECORDED = ("财预〔2020〕10号《项目支出绩效评价管理办法》附件《项目支出绩效自评表》：全年执行数与实际完成值按实际执行和完成情况"
            "填写；单位在 jixiao 中记录的执行情况与自评结果就是这些情况")


class DiffersFromRecorded(AuditRule):
    code = "JXA24"
    name = "printed-differs-from-recorded"
    title = "所印数字与 jixiao 中记录的不一致"
    severity = Severity.WARNING
    source = RECORDED
    message = "“{indicator}”的{field}所印 {printed}，单位在 jixiao 中记录的是 {recorded}"
    applies_to = "recorded"
    docs = AuditDocs(
        what="自评表对应了 jixiao 中批复的目标表、单位在 jixiao 中记录了这一年的执行情况和自评结果时，所印的全年预算数、"
             "全年执行数和各定量指标的实际完成值与记录的相同（指标按三级指标名称对照）。不同的，可能是记录之后改了数，"
             "也可能是自评表另有依据，须说明。定性指标的档次和文字不比较；所印实际完成值不是数值的由 JXA09 报告。",
        formula="|所印 − 记录| > 所印末位的半个单位（至少 0.005）",
        setting="无",
        example="jixiao 中记录全年执行数 15.3 万元、整治村数实际完成 15 个；自评表印全年执行数 18、实际完成 18个："
                "报告两处不一致。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        report, recorded = ctx.sheet.evaluation, ctx.recorded
        if report is None or recorded is None:
            return
        for field, printed, kept in (("全年预算数", report.budget_full, recorded.budget_full),
                                     ("全年执行数", report.spent, recorded.spent)):
            if differs(printed, kept):
                yield self.finding(ctx, indicator=ctx.profile.execution.label, column=field, field=field,
                                   printed=number(printed), recorded=number(kept),
                                   fix=Phrase("按记录的 {kept} 填写，或说明改动的依据并更正记录", {"kept": plain(kept)}))
        results = {fold(result.name): result for result in recorded.results
                   if result.name and not result.not_applicable}
        for position, indicator in enumerate(ctx.sheet.indicators, 1):
            result, item = results.get(fold(indicator.name)), report.item_for(position)
            if result is None or result.actual is None or item is None:
                continue
            printed = parse_target(item.actual_raw or "").value
            if differs(printed, result.actual):
                yield self.finding(ctx, indicator=indicator.name, row=item.row, column="实际完成值", field="实际完成值",
                                   printed=(item.actual_raw or "").strip(),
                                   recorded=result.actual_raw or number(result.actual), guessed=ctx.guessed(indicator),
                                   fix="按记录的实际完成值填写，或说明改动的依据并更正记录")


RECORDED_RULES = (DiffersFromRecorded(),)
