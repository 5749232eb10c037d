"""Audit of a printed 运行监控表: money against the plan, credible projections, honest likelihoods."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.model import Likelihood, Operator, Severity, parse_target
from jixiao.model.finding import Finding, Phrase
from jixiao.scoring.audit.recompute import differs
from jixiao.scoring.audit.rule import AuditContext, AuditDocs, AuditRule
from jixiao.scoring.spend_plan import PlanError, month_end, planned_share
from jixiao.scoring.target_rules import number

__all__ = ["MONITORING_RULES"]

MONITORING = "财预〔2019〕136号《关于印发〈中央部门预算绩效运行监控管理暂行办法〉的通知》及其附件《运行监控表》"
_HUNDRED = Decimal(100)


def _period(ctx: AuditContext):
    report = ctx.sheet.monitoring
    if report is None or report.months is None:
        return None
    return report


def _planned(ctx: AuditContext, months: int) -> tuple[Decimal, Phrase]:
    """The planned cumulative share at the end of month ``months``: the sheet's own plan, else linear."""
    year = ctx.sheet.year or 2000
    try:
        return planned_share(ctx.sheet.spend_plan, month_end(year, months), year)
    except PlanError:
        share = Decimal(months) * _HUNDRED / 12
        return share, Phrase("表中没有资金支出计划，按时间均匀计算：{months}/12 = {share}%",
                             {"months": Decimal(months), "share": ctx.profile.rounding(share)})


class SpendingBehindPlan(AuditRule):
    code = "JXM01"
    name = "spending-behind-plan"
    title = "资金执行进度落后于计划"
    severity = Severity.WARNING
    source = MONITORING
    message = "1–{months}月执行率 {rate}%，低于计划进度 {planned}%（相差 {gap} 个百分点；{how}）"
    applies_to = "monitoring"
    docs = AuditDocs(what="1–N月执行数占全年预算的比例不低于资金支出计划在该月底的进度。N 取自标题或执行数栏的写法："
                          "“1-6月”“1至9月”“截至6月底”“截止2023年9月30日”“上半年”（6）、“前三季度”（9）。",
                     formula="执行率 = 1–N月执行数 ÷ 全年预算数；计划进度按资金支出计划在各时间点之间按天线性插值",
                     setting="monitoring.behind_plan（yellow_gap：相差超过多少个百分点提示）",
                     example="1–6月执行 3 万元、预算 18 万元（16.67%），计划 6月底 60%：相差 43.33 个百分点。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        report = _period(ctx)
        rule = ctx.profile.monitoring.behind_plan
        if report is None or not rule.enabled or report.spent is None or not report.budget:
            return
        rate = report.spent / report.budget * _HUNDRED
        planned, how = _planned(ctx, report.months)
        rounded = ctx.profile.rounding
        if rounded(planned - rate) > rule.yellow_gap:
            yield self.finding(ctx, column="1–N月执行数", months=Decimal(report.months), rate=rounded(rate),
                               planned=rounded(planned), gap=rounded(planned - rate), how=how,
                               fix="说明支出滞后的原因和加快执行的措施")


class ProjectionNotCredible(AuditRule):
    code = "JXM02"
    name = "projected-spending-not-credible"
    title = "全年预计执行数缺乏依据"
    severity = Severity.WARNING
    source = MONITORING
    message = "1–{months}月只执行 {rate}%，却预计全年执行 {projected}%，其余 {rest}% 须在剩下的 {left} 个月内完成"
    applies_to = "monitoring"
    docs = AuditDocs(
        what="全年预计执行数与至今的进度相称：剩余月份的月均支出超过至今月均的 3 倍时提示。",
        formula="(全年预计执行数 − 1–N月执行数) ÷ (12 − N) > 3 × 1–N月执行数 ÷ N", setting="无",
        example="1–6月执行 10%，预计全年 100%：后 6 个月月均 15%，是前 6 个月月均 1.67% 的 9 倍。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        report = _period(ctx)
        if report is None or report.months >= 12 or None in (report.spent, report.projected_spent) or not report.budget:
            return
        rate, projected = report.spent / report.budget * _HUNDRED, report.projected_spent / report.budget * _HUNDRED
        pace, needed = rate / report.months, (projected - rate) / (12 - report.months)
        if needed > 3 * pace and projected - rate > 20:
            rounded = ctx.profile.rounding
            yield self.finding(ctx, column="全年预计执行数", months=report.months, rate=rounded(rate),
                               projected=rounded(projected), rest=rounded(projected - rate), left=12 - report.months,
                               fix="按实际进度预计全年执行数，或写明下半年集中支出的依据（合同、付款节点）")


class CertainThoughFarBehind(AuditRule):
    code = "JXM03"
    name = "certain-though-far-behind"
    title = "进度严重落后却填“确定能”完成"
    severity = Severity.WARNING
    source = MONITORING
    message = "指标“{indicator}”1–{months}月完成 {actual}（目标 {target}，完成 {progress}%，时间已过 {elapsed}%），完成目标可能性却为“确定能”"
    applies_to = "monitoring"
    docs = AuditDocs(what="完成进度不到时间进度一半的指标，不应填“确定能”完成（越高越好的定量指标）。"
                          "实际完成值写成完成任务的百分比（目标 ≥18个、写“完成30%”）的，这个百分比就是完成进度；"
                          "实际完成值与目标单位不同（目标“个”、实际“万元”）的不比较。",
                     formula="实际完成值 ÷ 目标值 < ½ × N/12（实际写百分比而目标不是百分比的：百分比 < ½ × N/12）", setting="无",
                     example="目标 ≥18个，1–8月完成 3个（16.7%，时间已过 66.7%），填“确定能”。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        report = _period(ctx)
        if report is None:
            return
        elapsed = Decimal(report.months) * _HUNDRED / 12
        for item in report.items:
            if item.likelihood is not Likelihood.CERTAIN or item.indicator > len(ctx.sheet.indicators):
                continue
            indicator = ctx.sheet.indicators[item.indicator - 1]
            target, actual = indicator.target, parse_target(item.actual_raw or "")
            if target.value is None or actual.value is None or target.value <= 0:
                continue
            if target.operator in (Operator.LE, Operator.LT, Operator.RANGE):
                continue  # progress towards a ceiling or a range says nothing about being behind
            if actual.unit == "%" and target.unit != "%":
                progress = actual.value  # the progress written as a share of the task (完成30% of ≥18个)
            elif actual.unit not in (None, target.unit):
                continue  # another unit (3万元 against ≥18个): the actual is not counted in the target's terms
            else:
                progress = actual.value / target.value * _HUNDRED
            if progress < elapsed / 2:
                rounded = ctx.profile.rounding
                yield self.finding(ctx, indicator=indicator.name, row=item.row, column="完成目标可能性",
                                   months=report.months, actual=item.actual_raw, target=target.raw,
                                   progress=rounded(progress), elapsed=rounded(elapsed), guessed=ctx.guessed(indicator),
                                   fix="如实填写完成目标可能性，并写明偏差原因和改进措施")


class UncertainWithoutCause(AuditRule):
    code = "JXM04"
    name = "uncertain-without-cause-or-remedy"
    title = "未确定能完成却未写偏差原因和改进措施"
    severity = Severity.WARNING
    source = MONITORING
    message = "指标“{indicator}”完成目标可能性为“{likelihood}”，未填写{missing}"
    applies_to = "monitoring"
    docs = AuditDocs(what="完成目标可能性为“有可能”或“完全不可能”的指标，须写偏差原因和改进措施。"
                          "表格没有逐行的原因、措施栏，而在表末为全表写一次的（湖北监控表的“偏差或不能完成目标原因分析”"
                          "“相关建议或举措”），写在表末的也算。",
                     formula="—", setting="无", example="“有可能”，偏差原因与改进措施均空（表末两栏也空）。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        report = ctx.sheet.monitoring
        if report is None:
            return
        closing = _closing(report.notes)
        for item in report.items:
            if item.likelihood in (None, Likelihood.CERTAIN) or item.indicator > len(ctx.sheet.indicators):
                continue
            missing = [what for what, text in (("偏差原因", item.cause), ("改进措施", item.remedy))
                       if not (text or "").strip() and what not in closing]
            if missing:
                indicator = ctx.sheet.indicators[item.indicator - 1]
                yield self.finding(ctx, indicator=indicator.name, row=item.row, column="偏差原因",
                                   likelihood=item.likelihood.value, missing="和".join(missing),
                                   guessed=ctx.guessed(indicator), fix="写明偏差原因（经费、制度、人员、硬件或其他）和具体改进措施")


def _closing(notes: list[str]) -> set[str]:
    """What the table's closing fields (label：text) give for the whole table: 偏差原因 (a field on the cause of the
    shortfall, 偏差或不能完成目标原因分析), 改进措施 (a field on the remedy, 相关建议或举措), each when filled in."""
    given = set()
    for note in notes:
        label, _, text = note.partition("：")
        if text.strip():
            given.update(what for what, words in (("偏差原因", ("原因",)), ("改进措施", ("措施", "建议", "举措")))
                         if any(word in label for word in words))
    return given


# The heading of the 全年预计执行数 column, in the words the forms use (预计全年执行数, 预计年底支出数, 年底预计执行数).
_FORECAST = re.compile(r"(?:全年|年底|年末)?预计(?:全年|年底|年末)?(?:执行|支出)")


class ForecastLeftBlank(AuditRule):
    code = "JXM05"
    name = "projected-spending-left-blank"
    title = "全年预计执行数未填写"
    severity = Severity.WARNING
    source = MONITORING
    message = "运行监控表印有“{heading}”栏，却没有填写（1–{months}月已执行 {spent}）"
    applies_to = "monitoring"
    docs = AuditDocs(what="监控表的资金栏印有“全年预计执行数”（各地表样也写“预计全年执行数”“全年预计支出数”）时必须填写："
                          "它是判断全年能否完成预算、是否需要调整的依据。表样没有这一栏的不报告。",
                     formula="—", setting="无", example="年初预算 220、1–6月执行 87.57、全年预计执行数空着：报告本规则。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        report = ctx.sheet.monitoring
        if report is None or report.projected_spent is not None:
            return
        heading = next((text for text in report.money_headings if _FORECAST.search(text)), None)
        if heading is not None:
            yield self.finding(ctx, column=heading, heading=heading, months=report.months or "N",
                               spent=number(report.spent) if report.spent is not None else "（空）",
                               fix="按至今的执行进度和后续的支出安排（合同、付款节点）填写全年预计执行数")


class SpendingDiffersFromRecord(AuditRule):
    code = "JXM06"
    name = "spending-differs-from-record"
    title = "所印执行数与 jixiao 中记录的支出不一致"
    severity = Severity.WARNING
    source = MONITORING + "：1–N月执行数按实际支出填写"
    message = "1–{months}月执行数所印 {printed}，单位在 jixiao 中记录的截至 {day} 的支出是 {recorded}"
    applies_to = "monitoring"
    docs = AuditDocs(what="监控表对应了 jixiao 中批复的目标表、单位在 jixiao 中记录了这一年的支出时，所印的 1–N月执行数"
                          "与记录的截至 N 月底的支出相同；不同的，可能是漏记、重记，或监控表另有口径，须说明。",
                     formula="|所印 1–N月执行数 − 记录的截至 N 月底支出| > 所印末位的半个单位（至少 0.005）",
                     setting="无",
                     example="1–6月执行数印 87.57，jixiao 中记录截至 6 月 30 日支出 60：报告本规则。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        report, record = _period(ctx), ctx.record
        if report is None or record is None or report.spent is None or ctx.sheet.year is None or not (
                record.entries or record.cumulative):
            return
        day = month_end(ctx.sheet.year, report.months)
        recorded = record.spent_by(day)
        if differs(report.spent, recorded):
            yield self.finding(ctx, column="1–N月执行数", months=report.months, printed=number(report.spent),
                               day=day.isoformat(), recorded=number(recorded),
                               fix="核对支出记录与监控表，按实际支出更正其中之一")


MONITORING_RULES = (SpendingBehindPlan(), ProjectionNotCredible(), CertainThoughFarBehind(), UncertainWithoutCause(),
                    ForecastLeftBlank(), SpendingDiffersFromRecord())
