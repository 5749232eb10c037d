"""Audit of a printed 绩效自评表: do the printed scores, totals and grade follow from the printed figures?

The rules speak only of what was printed and read: a column no row fills (the form has none, or the reader did not
find it) is not reported as blank, a row without a 指标值 is left to the review, a row marked 不适用 is not scored,
and a finding that rests on a row whose columns the reader inferred says so (confidence 版式推测).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.model import (
    Operator,
    QualitativeTier,
    ReportedEvaluation,
    Severity,
    canonical_level1,
    canonical_level2,
    named_by_a_figure,
    parse_target,
)
from jixiao.model.finding import Finding, Phrase, listed
from jixiao.model.lexicon import simplified
from jixiao.model.prose import gives_cause
from jixiao.model.units import UnitKind, unit_kind
from jixiao.scoring.audit.recompute import (
    EXPLAIN_BELOW,
    LARGELY_UNSPENT_AT,
    RecomputedItem,
    rate_tolerance,
    rounding_of,
    score_tolerance,
    tolerance,
)
from jixiao.scoring.audit.rule import AuditContext, AuditDocs, AuditRule
from jixiao.scoring.audit.rules.actuals import outputs_ahead
from jixiao.scoring.target_rules import full_amount_rate, number, plain

__all__ = ["EVALUATION_RULES"]

SCORING = "财预〔2020〕10号《项目支出绩效评价管理办法》附件《项目支出绩效自评表》及评分说明"
DEVIATION = "财预〔2020〕10号 附件：未完成目标的指标须说明偏差原因并提出改进措施"
_HUNDRED = Decimal(100)


def _reported(ctx: AuditContext) -> bool:
    return ctx.sheet.evaluation is not None


def _partial(ctx: AuditContext) -> bool:
    """Whether the copy holds only part of the table: it stops inside it, or starts inside it (its header is not in
    the file), so the rows read need not carry all the points."""
    report = ctx.sheet.evaluation
    return report.cut or report.headless


class ScoreAboveWeight(AuditRule):
    code = "JXA01"
    name = "score-above-weight"
    title = "得分超过分值"
    severity = Severity.ERROR
    source = SCORING
    message = "指标“{indicator}”得分 {score} 超过其分值 {weight}"
    docs = AuditDocs(what="每一行（含预算执行率）的得分不超过该行分值。",
                     formula="得分 ≤ 分值（超额完成不加分）；所印得分、分值印有小数的，各允许其末位半个单位的舍入误差"
                             "（整数是单位所填，不是舍入：分值 9.6、得分 10 即超过）",
                     setting="无", example="分值 10、得分 12：报告本规则。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        for item in ctx.recomputation.items:
            if item.above_weight and not item.misplaced:
                yield self.finding(ctx, indicator=item.name, row=item.row, column="得分", score=number(item.printed),
                                   weight=number(item.weight), fix=Phrase("得分最多为 {weight}", {"weight": plain(item.weight)}),
                                   guessed=item.guessed, assumed=item.weight_assumed)


class ScoreInflated(AuditRule):
    code = "JXA02"
    name = "score-above-what-the-actual-supports"
    title = "得分高于实际完成情况应得的分数"
    severity = Severity.ERROR
    source = SCORING
    message = "指标“{indicator}”得分 {score}，按实际完成值应得 {expected}（{formula}）"
    docs = AuditDocs(
        what="定量指标的得分不高于按实际完成值与年度指标值计算的得分（预算执行率一行见 JXA23）。定性指标的实际完成值"
             "只列出表样的可选评价（“好坏”“是否”）、没有选定一个的，无从得分，应得 0：得了分的报告为警告（请写明评价结果）。",
        formula="正向指标：分值 × min(实际值 ÷ 目标值, 1)；反向指标：分值 × min(目标值 ÷ 实际值, 1)，实际值为 0 得满分。"
                "允许的误差为所印得分末位的半个单位，及所印分值（印有小数的）末位半个单位按完成比例折算的误差。",
        setting="rounding.places（保留位数）；rules.overshoot_deduction（地方规则：超出目标过多扣分，开启时按同一规则复算）；"
                "audit.material_points（高出不足此分数的报告为警告：计分偏宽，请核对；达到的为错误）",
        example="目标 ≥18个、实际 15个、分值 10：应得 10 × 15 ÷ 18 = 8.33；印 10 分则报告本规则（高出 1.67 分，错误）；"
                "分值 2、应得 1.69、印 1.8：高出 0.11 分，报告为警告。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        for item in ctx.recomputation.indicators:
            if _inflated(item):
                yield self.finding(ctx, indicator=item.name, row=item.row, column="得分", score=plain(item.printed),
                                   expected=item.expected, formula=item.working, guessed=item.guessed,
                                   assumed=item.weight_assumed,
                                   # no answer chosen: the unit is asked for its answer, not told its score is 0
                                   severity=Severity.WARNING if item.unanswered else _materiality(ctx, item),
                                   fix=Phrase("按实际完成情况计分：{expected}，或补充实际完成值的依据",
                                              {"expected": item.expected}))


def _inflated(item: RecomputedItem) -> bool:
    """A score above its formula (one above its weight is JXA01's)."""
    return item.off and item.printed > item.exact and not item.above_weight


class TierExceeded(AuditRule):
    code = "JXA39"
    name = "score-above-the-tier-its-actual-states"
    title = "定性指标的实际完成值写明只部分达成或未达成，得分却超过该档次"
    severity = Severity.WARNING
    source = SCORING + "：定性指标按达成预期指标、部分达成预期指标并具有一定效果、未达成预期指标且效果较差三档计分"
    message = "指标“{indicator}”的实际完成值写“{actual}”，属于“{tier}”一档（得分为分值的 {low}%–{high}%），得分 {score} 却超过 {most}（分值 {weight}）"
    # the fix in the same words from the same figures as the message
    fix_template = "按“{tier}”一档计分（最多 {most}），或写明实际达成的情况"
    docs = AuditDocs(
        what="定性指标（年度指标值是文字）没有数可算，得分由评价档次决定；实际完成值自己写明目标只部分达成（“部分完成”"
             "“部分达成”“部分实现”）或没有达成（以“未完成”“未达成”“未达到”“未实现”“尚未完成”“没有完成”开头）的，"
             "得分不得高于该档次的上限（只写“未达到”“未实现”而不说达到什么的，可能是没有超过上限，如“未达到警戒线”，不算）。只写某一部分没有做到的（“1-2期未能及时培训”）说不清是哪一档，不报告（未写偏差原因的由 JXA10 报告）；"
             "年度指标值是数值的行由 JXA02 按完成比例复算，实际完成值写成文字的由 JXA09 报告。",
        formula="得分 ≤ 分值 × 档次上限（评分方案的 qualitative 档次：部分达成一档、未达成一档）；允许所印得分末位半个单位的误差，"
                "及所印分值（印有小数的）末位半个单位按档次上限折算的误差",
        setting="qualitative（各档次占分值的区间）",
        example="指标值“按时完成”、实际完成值“部分完成”、分值 10、得分 10：部分达成一档为 60%–80%，得分最多 8，报告本规则；"
                "实际完成值“未完成”、得分 6：未达成一档为 0–60%，不报告。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        for item in ctx.recomputation.indicators:
            tier = _tier_stated(item)
            if tier is None or item.weight is None or item.printed is None:
                continue
            band = ctx.profile.band(tier)
            most = item.weight * band.high / _HUNDRED
            if item.printed - most > score_tolerance(item.printed, item.weight, band.high / _HUNDRED):
                figures = {"tier": tier.value, "most": plain(ctx.profile.rounding(most))}
                yield self.finding(ctx, indicator=item.name, row=item.row, column="得分", actual=item.actual.strip(),
                                   low=plain(band.low), high=plain(band.high), score=plain(item.printed),
                                   weight=plain(item.weight), guessed=item.guessed, assumed=item.weight_assumed,
                                   fix=Phrase(self.fix_template, figures), **figures)


# The words by which an actual places its row in a tier of the scheme (财预〔2020〕10号): only part reached (部分完成,
# 部分达成预期指标), or none, said of the whole as the actual's opening words (未完成, 尚未完成, 没有达到) — a part not
# done (1-2期未能及时培训) names no tier.
_PART_REACHED = re.compile(r"部分(?:完成|达成|达到|实现)")
# (未达到 or 未实现 alone may be a ceiling kept, 未达到警戒线: only the target's own words say it was missed)
_NONE_REACHED = re.compile(r"^(?:尚|均|全部|仍)?(?:未能?|没有)(?:完成|达成|(?:达到|实现)(?:预期|目标|年度|要求|指标))")


def _tier_stated(item: RecomputedItem) -> QualitativeTier | None:
    """The qualitative tier a row with a target in words states by its actual's own words (:data:`_PART_REACHED`,
    :data:`_NONE_REACHED`), or None (a quantitative row, a row not scored, an actual naming no tier)."""
    if item.expected is not None or item.qualitative_actual or item.misplaced or item.not_applicable or (
            not item.actual or parse_target(item.target).value is not None):
        return None
    actual = "".join(item.actual.split())
    if _PART_REACHED.search(actual):
        return QualitativeTier.PARTIAL
    return QualitativeTier.NOT_MET if _NONE_REACHED.match(actual) else None


def _materiality(ctx: AuditContext, item: RecomputedItem) -> Severity:
    """A score a little above the formula is generous, not a misstatement to return the table for."""
    return Severity.ERROR if item.printed - item.exact >= ctx.profile.audit.material_points else Severity.WARNING


class ScoreDeflated(AuditRule):
    code = "JXA03"
    name = "score-below-what-the-actual-supports"
    title = "得分低于实际完成情况应得的分数"
    severity = Severity.WARNING
    source = SCORING
    message = "指标“{indicator}”得分 {score}，按实际完成值应得 {expected}（{formula}）"
    docs = AuditDocs(what="得分低于按实际完成值计算的得分：可能是计分错误，也可能另有扣分理由，须写明。"
                          "报告两种情形（预算执行率一行见 JXA23）：实际完成值已达到目标却扣分；"
                          "未达到目标、所扣分数又比按完成比例应扣的多出评分方案的重要性标准以上。"
                          "未达到目标、按档次多扣了不足此数的（如完成 98.6%、分值 2 得 1.8），是单位对未完成部分的扣分，不报告。",
                     formula="同 JXA02；未达目标时：应得 − 得分 ≥ audit.material_points",
                     setting="rounding.places；audit.material_points（未达目标的行，多扣不足此分数的不报告）",
                     example="目标 ≤5天、实际 4天、分值 10、得分 9：应得 10；报告本规则，请写明扣分理由或更正。"
                             "完成 99.1%、分值 15、得分 13：应得 14.86，多扣 1.86 分，报告；完成 98.6%、分值 2、得分 1.8：不报告。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        material = ctx.profile.audit.material_points
        for item in ctx.recomputation.indicators:
            if item.off and item.printed < item.exact and (_met(item) or item.exact - item.printed >= material):
                yield self.finding(ctx, indicator=item.name, row=item.row, column="得分", score=plain(item.printed),
                                   expected=item.expected, formula=item.working, guessed=item.guessed,
                                   assumed=item.weight_assumed, fix=Phrase("更正为 {expected}，或在偏差原因中写明扣分理由", {"expected": item.expected}))


def _met(item: RecomputedItem) -> bool:
    """Whether the row's actual reaches its target: then any deduction needs a reason (达标却扣分)."""
    return item.reached is not None and item.reached >= 1


class ExecutionScoreOffRate(AuditRule):
    code = "JXA23"
    name = "execution-score-not-following-rate"
    title = "预算执行率得分与执行率不符"
    severity = Severity.ERROR
    source = SCORING + "：预算执行率得分 = 分值 × 执行率"
    message = "预算执行率一行得分 {score}，按执行率应得 {expected}（{formula}）"
    docs = AuditDocs(
        what="预算执行率一行的得分由执行率算定（执行率按全年执行数 ÷ 全年预算数复算，没有这两个数时按所印执行率），"
             "高于或低于都报告：高出的是多计了分，低于的是少计了分（得分与执行率的分值不符，须更正）。"
             "所印执行率本身与执行数、预算数不符的，JXA04 另行报告。",
        formula="得分 = 分值 × min(执行率, 100%)；允许的误差为所印得分末位的半个单位及所印分值（印有小数的）末位半个单位按执行率折算的误差；所印执行率与复算的相符（到其所印位数）时，"
                "按所印执行率算的得分也不报告（10 × 96.85% = 9.68，复算执行率为 96.8517%）",
        setting="execution（预算执行率的标签与缺省分值，表中未印分值时）；rounding.places；"
                "audit.material_points（高出不足此分数的报告为警告，达到的为错误；低于的为警告）",
        example="执行数 89.974、预算数 89.974、执行率印 0、得分 0：应得 10（同时报告 JXA04）；"
                "执行 65.07 ÷ 65.66 = 99.1%、分值 10、得分 9：应得 9.91（警告）；"
                "执行 3824.26 ÷ 4753.66 = 80.45%、得分 10：应得 8.04，多 1.96 分（错误）。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        item = ctx.recomputation.execution
        if item is None or not item.off or item.above_weight:
            return
        severity = _materiality(ctx, item) if item.printed > item.exact else Severity.WARNING
        yield self.finding(ctx, indicator=item.name, column="得分", score=plain(item.printed), expected=item.expected,
                           formula=item.working, assumed=item.weight_assumed, severity=severity,
                           fix=Phrase("按执行率计分：{expected}", {"expected": item.expected}))


class ExecutionRateMismatch(AuditRule):
    code = "JXA04"
    name = "execution-rate-not-spent-over-budget"
    title = "执行率与执行数、预算数不符"
    severity = Severity.ERROR
    source = SCORING
    message = "所印执行率 {printed}%，全年执行数 {spent} ÷ 全年预算数 {budget} = {computed}%"
    docs = AuditDocs(what="所印预算执行率等于全年执行数除以全年预算数。", formula="执行率 = 全年执行数 ÷ 全年预算数 × 100%",
                     setting="rounding.places", example="预算 90、执行 59.04，印执行率 100%：应为 65.6%。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        report = ctx.sheet.evaluation
        rate = ctx.recomputation.execution_rate
        if not _reported(ctx) or report.execution_rate is None or report.spent is None or not report.budget_full:
            return
        if abs(report.execution_rate - rate) > max(tolerance(report.execution_rate), Decimal("0.05")):
            yield self.finding(ctx, indicator=ctx.profile.execution.label, column="执行率",
                               printed=number(report.execution_rate), spent=number(report.spent),
                               budget=number(report.budget_full), computed=ctx.profile.rounding(rate),
                               fix=Phrase("执行率应为 {rate}%", {"rate": ctx.profile.rounding(rate)}))


# An indicator measuring the sheet's own spending (预算执行率, 资金支出率, 预算资金执行率, 经费使用率), set among the
# 产出/成本/投入 indicators by many provinces' forms: its actual is the money table's rate. A narrower rate (政府采购执行率,
# 资金到位率) measures something else.
_SPENDING_RATE = re.compile(r"(?:项目|部门)?(?:预算|资金|经费|财政资金|预算资金|项目资金)(?:执行|支出|使用)率")


class ExecutionIndicatorOffRate(AuditRule):
    code = "JXA36"
    name = "execution-indicator-not-spent-over-budget"
    title = "预算执行率指标的实际完成值与执行数、预算数不符"
    severity = Severity.ERROR
    source = SCORING
    message = ("指标“{indicator}”实际完成值为 {printed}%，而全年执行数 {spent} ÷ 全年预算数 {budget} = {computed}%"
               "（表中没有印执行率）")
    message_rate = ("指标“{indicator}”实际完成值为 {printed}%，而全年执行数 {spent} ÷ 全年预算数 {budget} = {computed}%"
                    "（表中所印执行率 {rate}% 也不同）")
    docs = AuditDocs(
        what="绩效指标中列有衡量本项目资金执行的指标（预算执行率、资金执行率、资金支出率、经费使用率等）时，它的实际完成值"
             "就是表中（或报告中）执行数除以预算数：与之不符的，完成值或资金数有一处不实。按年初预算数、全年预算数或所印"
             "执行率算得相符的都不报告；执行超出预算而写 100%（按上限计）的不报告。政府采购执行率、资金到位率等衡量别的事项，"
             "不在此列。",
        formula="|实际完成值 − 全年执行数 ÷ 预算数 × 100%| > 所写位数的舍入（写 52.8 允许差 0.1，写 100 允许差 1）",
        setting="无",
        example="预算批复 70 万元、支出 36.94 万元（52.77%），指标“预算执行率”实际完成值写 7.14%：报告本规则。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        report = ctx.sheet.evaluation
        if not _reported(ctx) or report.spent is None:
            return
        budgets = [budget for budget in (report.budget_full, report.budget_initial) if budget]
        if not budgets:
            return
        rates = [report.spent / budget * _HUNDRED for budget in budgets]
        if report.execution_rate is not None:
            rates.append(report.execution_rate)
        for item in ctx.recomputation.indicators:
            if item.not_applicable or not _SPENDING_RATE.fullmatch(simplified("".join(item.name.split()))):
                continue
            actual = parse_target(item.actual)
            if actual.value is None or actual.unit != "%" or actual.leftover:
                continue
            allowed = rate_tolerance(actual.value)
            if any(abs(actual.value - rate) <= allowed or (actual.value == _HUNDRED and rate > _HUNDRED)
                   for rate in rates):
                continue
            computed = ctx.profile.rounding(rates[0])
            yield self.finding(ctx, indicator=item.name, row=item.row, column="实际完成值", printed=number(actual.value),
                               spent=number(report.spent), budget=number(budgets[0]), computed=computed,
                               **({"template": self.message_rate, "rate": number(report.execution_rate)}
                                  if report.execution_rate is not None else {}),
                               guessed=item.guessed, fix=Phrase("核对执行数与预算数；按其填写实际完成值 {computed}%", {"computed": computed}))


class OverExecution(AuditRule):
    code = "JXA05"
    name = "spending-above-budget"
    title = "执行数超过预算数"
    severity = Severity.WARNING
    source = "《预算法》第十三条：经人民代表大会批准的预算，非经法定程序，不得调整；支出不得突破预算"
    message = "全年执行数 {spent} 超过全年预算数 {budget}（执行率 {rate}%）"
    docs = AuditDocs(what="执行率超过 100% 时提示：预算执行不得突破批复的预算，得分按 100% 计。",
                     formula="执行率 > 100%", setting="无", example="预算 18、执行 21.6：执行率 120%，报告本规则。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        rate = ctx.recomputation.execution_rate
        report = ctx.sheet.evaluation
        if _reported(ctx) and rate is not None and rate > _HUNDRED:
            yield self.finding(ctx, indicator=ctx.profile.execution.label, column="全年执行数",
                               spent=number(report.spent) if report.spent is not None else "—",
                               budget=number(report.budget_full) if report.budget_full else "—",
                               rate=ctx.profile.rounding(rate), fix="核对执行数；确有超支须说明资金来源和调整程序")


class TotalNotSumOfScores(AuditRule):
    code = "JXA06"
    name = "total-not-sum-of-scores"
    title = "总分与各项得分之和不符"
    severity = Severity.ERROR
    source = SCORING
    message = "所印总分 {total}，各项得分之和为 {sum}"
    docs = AuditDocs(what="所印总分等于预算执行率与各指标得分之和（评分方案对低执行率设有总分上限的，按上限封顶）；"
                          "有一行没有得分时不比较（该行由 JXA12 报告），标为不适用的行不计。",
                     formula="总分 = Σ 各行得分；执行率低于上限线时 总分 = min(Σ 各行得分, 上限)。允许所印总分末位半个单位的误差，"
                             "印有小数的得分再各加其末位半个单位（整数得分按所印计）",
                     setting="rules.execution_cap（地方规则：执行率低于某线时总分上限）", example="各行得分合计 94，印总分 98：报告本规则。"
                     "表格在文件中途中断（网页转载只留了前面的行）或从表格中间开始（表头不在文件中）时，各行得分之和不全，不比较。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        computed = ctx.recomputation
        if computed.printed_total is None or computed.printed_sum is None or _partial(ctx):
            return  # (a copy cut inside the table lacks rows: its scores add up to part of the total)
        if any(item.printed is None for item in computed.scored):
            return  # a row without a printed score: the sum is partial (JXA12 reports the row)
        # A score printed with decimals may be rounded by half a unit and the total be the exact sum rounded once; a
        # whole score is as typed, so whole scores must add up to the total (9 + 13 + … = 93 is not 94).
        allowed = tolerance(computed.printed_total) + sum(
            rounding_of(item.printed) for item in computed.items if item.printed is not None)
        # Under a profile that caps the total for a low execution rate, the capped sum is the right total.
        expected = computed.printed_capped if computed.printed_capped is not None else computed.printed_sum
        if abs(computed.printed_total - expected) > allowed:
            yield self.finding(ctx, column="总分", total=number(computed.printed_total),
                               sum=number(computed.printed_sum), fix=Phrase("总分应为 {expected}", {"expected": plain(expected)}),
                               guessed=any(item.guessed for item in computed.scored))


# The grades of 财预〔2020〕10号 (优、良、中、差, the shipped profiles' labels) as forms that grade 优秀、良好、合格、不合格
# on the same lines print them: 优秀 for a total of 95 is 优, not a grade that contradicts it.
_GRADE_WORDS = {"优秀": "优", "良好": "良", "合格": "中", "不合格": "差"}


class ClaimedGradeMismatch(AuditRule):
    code = "JXA07"
    name = "grade-not-following-total"
    title = "自评等级与总分不符"
    severity = Severity.ERROR
    source = SCORING + "：90（含）以上为优，80（含）–90为良，60（含）–80为中，60以下为差"
    message = "所印等级“{grade}”，总分 {total} 按评分方案应为“{expected}”"
    docs = AuditDocs(what="所印自评等级与所印总分按评分方案的等级线一致。按优秀、良好、合格、不合格分级的表，"
                          "依次当作优、良、中、差比较。",
                     formula="优 ≥ 90 > 良 ≥ 80 > 中 ≥ 60 > 差（以评分方案为准）；表中没有印总分的，按各行所印得分之和"
                             "（每一行都印有得分、表格完整时）", setting="grades",
                     example="总分 86、等级“优”：应为“良”；总分 95、等级“优秀”：一致，不报告。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        report = ctx.sheet.evaluation
        if not _reported(ctx) or not report.grade:
            return
        total = report.total if report.total is not None else _sum_of_scores(ctx)
        if total is None:
            return
        expected = ctx.profile.grade(total)
        printed = report.grade.strip()
        if _GRADE_WORDS.get(printed, printed) != expected:
            yield self.finding(ctx, column="等级", grade=report.grade.strip(), total=number(total),
                               expected=expected, fix=Phrase("等级应为“{expected}”", {"expected": expected}))


def _sum_of_scores(ctx: AuditContext) -> Decimal | None:
    """The total a grade stands on where the form prints no 总分: the rows' printed scores added up, when every row
    that counts prints one and the copy holds the whole table (else the sum is partial)."""
    computed = ctx.recomputation
    if _partial(ctx) or not computed.scored or any(item.printed is None for item in computed.scored):
        return None
    return computed.printed_capped if computed.printed_capped is not None else computed.printed_sum


class WeightsNotHundred(AuditRule):
    code = "JXA08"
    name = "weights-not-adding-to-100"
    title = "分值合计不等于100"
    severity = Severity.WARNING
    source = SCORING + "：总分值100分，预算执行率10分，产出、效益、满意度指标合计90分"
    message = "各行分值合计 {sum}（含预算执行率 {execution}），应为 100"
    docs = AuditDocs(what="预算执行率与各指标的分值合计为 100；表中未印预算执行率分值时按评分方案的缺省分值计入"
                          "（表中没有预算执行率一行、各指标分值已合计 100 的，不报告）；指标值、实际完成值、分值、得分都空着的行"
                          "（模板留下的“指标2:”空行）不是指标，不计入，也不因其没有分值而不复核；"
                          "标为不适用的行印有分值的照样计入（其分值按比例折算给其余各项）。",
                     formula="Σ 分值 = 100（印有小数的分值各允许半个末位单位的舍入误差）；表格在文件中途中断、"
                             "或文件从表格中间开始（表头不在文件中）时，只报告已超过 100 的合计（预算执行率一行把全表的"
                             " 100 分印作自己的分值时不报告：那不是它的分值，由 JXA23 复核该行，已读的指标行合计无从核对）",
                     setting="execution.weight",
                     example="指标分值合计 110，预算执行率 10：合计 120，报告本规则；转载只留前几行、合计 70 的不报告。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        # a row with nothing in it, a template's 指标2: left empty (corpus 234), is no indicator to weigh
        items = [item for item in ctx.recomputation.indicators
                 if item.has_target or item.actual or item.weight is not None or item.printed is not None]
        if not _reported(ctx) or not items or any(item.weight is None for item in items if not item.not_applicable):
            return  # a blank weight cell is its own problem (JXA13); a partial sum says nothing
        execution = ctx.recomputation.execution.weight
        indicators = sum(item.weight for item in items if item.weight is not None)
        total = indicators + execution
        # Weights printed with decimals were rounded (three shares of 50 print as 16.67 and add to 100.01), the
        # 预算执行率's too when the indicators' were rescaled around rows 不适用 (21.88 beside five 15.63)
        slack = sum(rounding_of(item.weight) for item in items) + rounding_of(execution)
        if not ctx.recomputation.execution.in_form:
            return  # a form with no 预算执行率 row gives all 100 points to its indicators
        short = total < _HUNDRED  # the rows cut off carry the rest of the points
        # a 预算执行率 row printing the whole table's 100 as its 分值 is no share of it (JXA23 recomputes that row): of
        # a copy holding part of the table, only the indicators read are left, and they need not add up
        whole = execution >= _HUNDRED and _partial(ctx)
        if abs(total - _HUNDRED) > slack and not (short and _partial(ctx)) and not whole:
            yield self.finding(ctx, column="分值", sum=number(total), execution=number(execution),
                               fix="调整各指标分值，使合计（含预算执行率）为 100", guessed=any(item.guessed for item in items))


class QualitativeActualForNumber(AuditRule):
    code = "JXA09"
    name = "qualitative-actual-for-numeric-target"
    title = "定量目标的实际完成值写成了文字"
    severity = Severity.WARNING
    placement = True
    source = SCORING + "：定量指标按实际完成值与年度指标值计算得分"
    message = "指标“{indicator}”的目标是 {target}，实际完成值写作“{actual}”，无法核对得分 {score}"
    message_approximate = "指标“{indicator}”的目标是 {target}，实际完成值写作“{actual}”，是约数而不是统计数，无法核对得分 {score}"
    message_share = ("指标“{indicator}”的目标是 {target}，实际完成值写作“{actual}”，是完成的比例而不是完成的时间，"
                     "无法核对得分 {score}")
    terms = frozenset({"（空）"})  # a score not printed, as the message says it
    docs = AuditDocs(what="年度指标值是数值（或含数值，如“±10%”、日期）时，实际完成值也应是数值（如“已完成”“达成预期指标”"
                          "“达标”无法计分）。实际完成值是约数（“200余人”“600多人”“约50户”“30人左右”）的作为提示报告："
                          "约数不是统计出的数，得分依据不实。目标是上限（“小于5次”“≤2起”）或 0 的，实际完成值写明没有发生"
                          "（“无上访”“未发生安全事故”“零投诉”）就是 0，按 0 复算，不报告。时效指标的年度指标值是一个期限"
                          "（“春节前完成”“按时限完成”“12月底前”或日期），实际完成值却只写一个百分比（“100%”）的，作为提示报告："
                          "那是完成了多少，不是何时完成（指标值本身是比率的，如“按时完成率 100%”，或只写“及时”“按时”的，不在此列）。",
                     formula="—；约数：实际完成值的数字后有“余”“多”“左右”或前有“约”；期限：二级指标为时效指标，"
                             "指标值不是数值而含“前”“时限”“期限”“月底”“年底”等或是日期，实际完成值只是一个百分比", setting="无",
                     example="目标 ≥95%、实际完成值“完成”：报告本规则；成本控制率目标 ±10%、"
                             "实际完成值“达标”：报告本规则；培训人数目标 200、实际完成值“200余人”：提示；"
                             "春节前完成走访慰问目标“按时限完成”、实际完成值“100%”：提示。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        for item in ctx.recomputation.items:
            approximate = not item.qualitative_actual and parse_target(item.target).value is not None and bool(
                _APPROXIMATE.search(item.actual))
            share_for_time = _share_for_a_deadline(item)
            if item.qualitative_actual or approximate or share_for_time:
                template = self.message_approximate if approximate else self.message_share if share_for_time \
                    else None
                yield self.finding(ctx, indicator=item.name, row=item.row, column="实际完成值", target=item.target,
                                   actual=item.actual, template=template,
                                   score=number(item.printed) if item.printed is not None else "（空）",
                                   severity=Severity.INFO if approximate or share_for_time else None,
                                   fix=("写明实际完成的日期（如“2022年1月28日前完成”）" if share_for_time
                                        else Phrase("填写实际完成的数值（与 {target} 同一单位）", {"target": item.target})),
                                   guessed=item.guessed)


# A 时效指标 set as a deadline in words (春节前完成, 按时限完成, 12月底前) or a date: answered by a bare share (100%),
# the row says how much was done, not when (corpus 259: 春节前完成走访慰问 | 按时限完成 | 100%). A deadline set as a rate
# (按时完成率 100%) is answered by a rate, and so may be a bare 及时 or 按时 (how much was on time).
_DEADLINE = re.compile(r"前|时限|期限|日期|月底|年底|年末|季度|\d\s*[月日]")
_BARE_SHARE = re.compile(r"\d+(?:\.\d+)?\s*[%％]")


def _share_for_a_deadline(item: RecomputedItem) -> bool:
    """Whether a timeliness row set as a deadline (in words or as a date, not as a rate) is answered by a bare
    percentage."""
    target = parse_target(item.target)
    return ("时效" in item.level2 and not item.not_applicable and bool(_BARE_SHARE.fullmatch(item.actual.strip()))
            and target.value is None and (target.date is not None or bool(_DEADLINE.search(item.target))))


# A figure given as an approximation (corpus 237: 接受业务培训人数 200 answered 200余人, 科普馆参观人数 600余人): a count
# the unit did not make. 余/多 right after the figure (200余人, 30多户), 约
# before it, 左右 after it (30人左右).
_APPROXIMATE = re.compile(r"\d\s*(?:余|多)|约\s*\d|\d[^\d，,；;。]{0,3}左右")


class MissedWithoutReason(AuditRule):
    code = "JXA10"
    name = "missed-target-without-reason"
    title = "未达目标却未说明偏差原因"
    severity = Severity.WARNING
    source = DEVIATION
    message = "指标“{indicator}”实际完成 {actual}，未达到年度指标值 {target}，却没有填写偏差原因分析及改进措施"
    # what falls short, by its kind (see _shortfall): the message of each
    _UNEXPLAINED = "，却没有填写偏差原因分析及改进措施"
    _SHORTFALLS = {
        "actual": message,
        "score": "指标“{indicator}”得分 {score}，低于分值 {weight}" + _UNEXPLAINED,
        "words": "指标“{indicator}”实际完成值写明“{actual}”，未达到年度指标值“{target}”" + _UNEXPLAINED,
        "full": "指标“{indicator}”实际完成 {actual}，未达到全额 100%（表中没有写年度指标值，{rate}以足额为目标）" + _UNEXPLAINED,
        "execution": "指标“{indicator}”执行率 {rate}%，得分 {score}，低于分值 {weight}" + _UNEXPLAINED,
        "execution_unscored": "指标“{indicator}”执行率 {rate}%，低于 {floor}%" + _UNEXPLAINED,
        "execution_summary": "指标“{indicator}”执行率 {rate}%，年度总体目标实际完成情况却写“{summary}”，"
                             "没有说明资金未执行的原因",
    }
    docs = AuditDocs(what="按实际完成值未达到年度指标值、或得分低于分值的每一行，都写明偏差原因和改进措施；"
                          "定性指标（或指标值是一个范围，如“18—54周岁”）的实际完成值自己写明没有做到的（“1-2期未能及时培训”“存在18岁以下…的学员”）也是；"
                          "定量指标的实际完成值只写了一个不带数字的状态、说明工作尚未完成或仍在进行的（“建设中”“正在施工”"
                          "“尚未完工”，十个字以内；更长的是一段文字，不作状态看）也是。"
                          "没有写年度指标值的资金发放、拨付、到位类比率（经费发放率、资金到位率、补贴兑付率等，名称须说明是资金，"
                          "词表见评分数据 full_amount_rates.toml）以足额 100% 为目标：实际完成值低于 100% 的同样要求写明原因"
                          "（目标是推断的，发现标为“推断”）；完成率、执行率、物资的到位率（配方肥到位率）不在此列"
                          "（目标可以低于 100%，执行率由资金表核对）。"
                          "得了满分的行不要求（单位认为已达标，错的是得分，由 JXA02 报告；实际完成值写明未完成、部分完成的由 JXA39 报告）。"
                          "标为不适用的行、表格在文件中途中断、最后一行又缺指标值或实际完成值的（偏差原因在最后一栏，也可能随截断丢失）不要求。表中没有分值的（文字报告所附的表），实际完成值与指标值单位相同、"
                          "且指标值是下限（≥）、不是金额，或是发给服务对象的补贴、补助标准时照样比较（不写运算符的其他金额多是成本标准，少花不是未完成）。"
                          "印有分值的预算执行率一行按执行率扣了分的（资金未全部执行），"
                          "原因写在预算执行情况的原因栏、偏差原因栏（任何一行）或存在问题、改进措施栏都可以（表格在文件中途"
                          "中断时不报告：原因可能在断掉的部分；但执行率不到 60%、断处之前的年度总体目标实际完成情况只写"
                          "已完成、既没有说明原因也没有说尚在进行的，这一栏本身就漏了资金未执行的事，照样报告）；表中没有给预算执行率计分的（没有这一行，或没有印分值和得分），"
                          "执行率低于填表说明要求说明原因的 90% 时同样要求写明原因；得分与执行率不符的由 JXA23 报告，"
                          "产出已完成而资金大多未用的由 JXA21 报告，不再重复。",
                     formula="完成比例 < 100% 或 得分 < 分值，或定性指标的实际完成值写明未完成（未能、未完成、未达到、尚未、"
                             "未按时、未及时，或以“存在…”开头），或定量指标的实际完成值是十字以内、不带数字的未完成或进行中的状态（建设中、"
                             "正在施工），或没有指标值的发放率、拨付率、到位率等实际完成值 < 100%"
                             " ⇒ 偏差原因不得为空", setting="无",
                     example="目标 ≥18个、实际 15个、偏差原因空：报告“实际完成 15个，未达到年度指标值 ≥18个”；"
                             "定性指标“1-6期培训结束后及时考核”、实际完成值“1-2期未能及时培训”、偏差原因空：报告该行；"
                             "新建健身中心目标 1个、实际完成值“建设中”、偏差原因空：报告该行；"
                             "“经费发放率”没有写指标值、实际完成 98%、没有说明原因：报告该行（推断）；"
                             "执行 215457.6 ÷ 250000 = 86.18%、预算执行率得分 8.62（分值 10）、偏差原因栏空着：报告该行；"
                             "表中没有预算执行率一行，资金 208 万元只用 109.8 万元（52.79%）、哪里都没有说明原因：报告该行；"
                             "表格在指标行之前中断，执行 45.17%，年度总体目标实际完成情况写“已完成援滇人员相关经费支付”：报告该行。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        report = ctx.sheet.evaluation
        if not _reported(ctx):
            return
        yield from self._execution(ctx)
        for item in ctx.recomputation.indicators:
            shortfall = _shortfall(item)
            printed = report.item_for(item.indicator)
            # (the row a copy stops in, when it visibly lost cells, may have lost its 偏差原因 cell, the form's last
            # column, or the parts that carry its figures, with the cut)
            lost = _cut_short(ctx, item) and not (item.has_target and item.actual)
            # a payment rate with no target written is held to the full amount: a finding on that reading says so
            implied = None if shortfall else _short_of_full_amount(item)
            if (shortfall or implied) and not (
                    item.not_applicable or item.misplaced or lost or _claimed_met(item)) and not (
                    printed and (printed.deviation or "").strip()):
                kind, slots = shortfall or implied
                yield self.finding(ctx, indicator=item.name, row=item.row, column="偏差原因分析及改进措施",
                                   template=self._SHORTFALLS[kind], guessed=item.guessed, assumed=implied is not None,
                                   fix="写明未达目标的原因和下一步改进措施", **slots)

    def _execution(self, ctx: AuditContext) -> Iterator[Finding]:
        """The 预算执行率 row scored below its 分值 for money left unspent: its reason is given in the money table's
        原因 cell, in the 偏差原因 column (of any row: some forms have one cell for the whole table) or in the closing
        fields (存在问题, 改进措施). A copy cut inside its table lost the rows and fields below the cut, where the reason
        may stand, unless the year's summary read above the cut says the work done beside a budget largely unspent
        (:func:`_done_though_unspent`). Where the outputs are reported done on that money, JXA21 asks for the reason
        already."""
        report, computed = ctx.sheet.evaluation, ctx.recomputation
        item, rate = computed.execution, computed.execution_rate
        if item is None or item.misplaced or rate is None or rate >= _HUNDRED:
            return
        if report.cut and not _done_though_unspent(report.overall_actual, rate):
            return  # (the reason may stand in the rows lost with the cut)
        scored = item.in_form and not item.weight_assumed and item.printed is not None
        if scored and (item.off or not item.short_of_weight):
            return  # (a score off its rate is JXA23's: the deduction itself is wrong)
        if not scored and (rate >= EXPLAIN_BELOW or _execution_score_blank(ctx) or (
                report.execution_rate is not None and abs(report.execution_rate - rate) > Decimal(1))):
            return  # no deduction printed to explain: the forms ask for a reason below 90% (a blank score is JXA20's;
            # a printed rate other than the amounts' says the amounts or the rate are not what they seem: JXA04's)
        reasons = [report.budget_note, *(row.deviation for row in report.items), *report.notes]
        if any(text and text.strip() and not _TEMPLATE.search(text) for text in reasons) or (
                scored and outputs_ahead(ctx)):
            return
        kind, slots = ("execution", {"score": number(item.printed), "weight": number(item.weight)}) if scored else \
            ("execution_unscored", {"floor": number(EXPLAIN_BELOW)})
        if report.cut:  # (reported on a cut copy only for the summary's word: _done_though_unspent)
            kind, slots = "execution_summary", {"summary": report.overall_actual.strip().rstrip("。；;，,")}
        yield self.finding(ctx, indicator=item.name, column="偏差原因分析及改进措施", template=self._SHORTFALLS[kind],
                           rate=ctx.profile.rounding(rate), **slots,
                           fix="写明资金未全部执行的原因（结余、项目延期、政府采购节约等）和改进措施")


# The year's summary (年度总体目标实际完成情况) saying the work done (已完成援滇人员相关经费支付), and words of work still
# under way (正在进行招标, 预计三月开展, 尚未完工), which account for money not yet spent as a cause does.
_SAYS_DONE = re.compile(r"已完成|已全部|全部完成|均已完成|顺利完成|如期完成|按时完成|圆满完成")
_UNDER_WAY = re.compile(r"正在|未|待|预计|将于|进行中")  # (未 is any 尚未, 未完工)


def _done_though_unspent(summary: str | None, rate: Decimal) -> bool:
    """Whether the form's summary of the year, read above the money's cut-off rows, says the work done with no word of
    the money left, while four tenths or more of the budget is unspent (:data:`LARGELY_UNSPENT_AT`; corpus 208: 已完成
    援滇人员相关经费支付 beside 45.17% executed). Then the summary itself leaves the shortfall unexplained, whatever the
    rows a copy lost below it held; a summary that gives a cause (:func:`~jixiao.model.prose.gives_cause`) or says
    the work still under way explains it."""
    text = (summary or "").strip()
    return (rate <= LARGELY_UNSPENT_AT and bool(_SAYS_DONE.search(text)) and not _UNDER_WAY.search(text)
            and not gives_cause(text))


def _claimed_met(item: RecomputedItem) -> bool:
    """Whether the row prints full marks on an actual that falls short of its target: the unit claims the target met,
    so it has no shortfall to explain; what is wrong is the score, which JXA02 reports (corpus 157: 政府采购执行率
    72.74% against 100% scored 2 of 2; 220: 0 of ≥2 stations scored 10 of 10), or JXA39 where the actual states its
    tier in words (未完成 scored in full), and a reason asked for besides would be the same problem twice."""
    return item.weight is not None and item.printed is not None and not item.short_of_weight and (
        _inflated(item) or _tier_stated(item) is not None)


# A sum paid to the people the project serves (补贴标准, 补助, 资助): paying less than it is a shortfall, unlike a cost
# (成本, 费用) spent below its standard (corpus 219: 护工培训补贴标准达标 3000元/人 paid 2600元/人; 036: 培训成本
# 400元/人、天 spent 180).
_PAID_OUT = re.compile(r"补贴|补助|资助|奖励|救助|慰问")
_COST = re.compile(r"成本|费用|经费|支出|价格|造价")


def _plainly_short(item: RecomputedItem) -> bool:
    """Whether an actual below its target is a shortfall beyond doubt, where no 分值 backs the comparison: the actual
    can be held against the target (:attr:`RecomputedItem.comparable`), and the target is a lower bound, no sum of
    money (a bare 400元/人、天 is a cost standard: spending less is no shortfall, corpus 036), or a sum paid out to
    people (a subsidy standard paid short)."""
    target = parse_target(item.target)
    money = unit_kind(target.unit) is UnitKind.MONEY
    paid_out = bool(_PAID_OUT.search(item.name)) and not _COST.search(item.name)
    return item.comparable and (target.operator in (Operator.GE, Operator.GT) or not money or paid_out)


def _shortfall(item: RecomputedItem) -> tuple[str, dict[str, str]] | None:
    """What falls short on the row: the actual against the target, else the score against the weight, as the kind of
    shortfall (a key of ``MissedWithoutReason._SHORTFALLS``) and the figures its message shows."""
    if item.share is not None and item.share < 1:
        return "actual", {"actual": item.actual, "target": item.target}
    if item.share is None and item.reached is not None and item.reached < 1 and _plainly_short(item):
        # without a 分值 the score cannot be recomputed, but the actual still falls short of the target (a report
        # printing no 分值, corpus 188: 缴费人数 201201人 against 216786人; 189: 909.93小时 against ≥928小时)
        return "actual", {"actual": item.actual, "target": item.target}
    if item.short_of_weight:
        return "score", {"score": number(item.printed), "weight": number(item.weight)}
    target = parse_target(item.target)
    if (target.value is None or target.leftover or target.operator is Operator.RANGE) and item.actual and (
            _ADMITS_SHORTFALL.search(item.actual)):
        # a target in words (or a figure taken out of words, or a range, which a count cannot be held against) whose
        # actual says in words that it was missed (corpus 219: 1-6期培训结束后及时考核 answered 1-2期未能及时培训; the age
        # range 18—54周岁 answered 存在18岁以下、54周岁以上)
        return "words", {"actual": item.actual.strip(), "target": item.target.strip()}
    status = "".join((item.actual or "").split())
    if target.value is not None and 0 < len(status) <= _STATUS_LENGTH and not _DIGIT.search(status) and (
            _ADMITS_SHORTFALL.search(status) or _UNDER_WAY.search(status)):
        # a figure answered by a status that the work is not done: no figure to hold against it, the words admit the
        # shortfall (corpus 286: 新建全民健身中心数量 1 answered 建设中, the reason column left empty). A longer cell is
        # prose whose words may speak of anything (179: a row's text run into the next, guessed)
        return "words", {"actual": item.actual.strip(), "target": item.target.strip()}
    return None


def _short_of_full_amount(item: RecomputedItem) -> tuple[str, dict[str, str]] | None:
    """The shortfall (as :func:`_shortfall` gives it) of a row without a 指标值 measuring money paid out in full (经费发放率, 资金到位率:
    :func:`~jixiao.scoring.target_rules.full_amount_rate`) whose actual is a percentage below 100 (corpus 221: 经费发放率
    98%, no target): the full amount is what it set out to pay. None otherwise (a row with a target is held to it)."""
    rate = full_amount_rate(item.name) if not item.has_target else None
    actual = parse_target(item.actual)
    if rate is None or actual.value is None or actual.unit != "%" or actual.operator is not None or actual.leftover:
        return None
    if actual.value >= _HUNDRED:
        return None
    return "full", {"actual": item.actual.strip(), "rate": rate}


# Words by which an actual admits a shortfall: 未能及时, 尚未完成, 未达到; 存在… opening the cell (存在18岁以下的学员),
# not 不存在违规. A negative outcome reached (未发生安全事故) is not among them.
_ADMITS_SHORTFALL = re.compile(r"未能|未完成|未达到|尚未|没有完成|未按期|未按时|未及时|^\s*存在")
# Words by which an actual says the work is still under way at the year's end (建设中, 正在施工, 在建), and the
# length of a status written for an actual (尚未完成验收: a few words, not a sentence).
_UNDER_WAY = re.compile(r"(建设|施工|推进|实施|进行|办理)中|正在|在建|未完工|未竣工")
_STATUS_LENGTH = 10
_DIGIT = re.compile(r"\d")  # an actual with a figure in it is held against the target by its figure (未完成32个)


# A template's numbered row (指标1:, 指标 2：) as the whole 三级指标, or several such rows run together into one cell
# (指标1:指标2:), and the rows named in a message at most.
_TEMPLATE_ROW = re.compile(r"(?:指标\s*\d{1,2}\s*[:：]?\s*)+")
_WORD = re.compile(r"\w")
_SHOWN_ROWS = 4

# Instructions that the templates print in cells and units leave in place.
_TEMPLATE = re.compile(r"\(\s*\d+\s*字以内\s*\)|（\s*\d+\s*字以内\s*）|对照年度目标|按照.{0,6}填写|请填写|填写说明")


class TemplateTextLeft(AuditRule):
    code = "JXA11"
    name = "template-instructions-left-in"
    title = "模板说明文字未删除"
    severity = Severity.WARNING
    source = SCORING
    message = "“{field}”中留有模板的填写说明：“{text}”"
    # the fields of the form where the instructions are left (named by the form, not read)
    terms = frozenset({"年度总体目标实际完成情况", "说明", "年度目标及完成情况", "偏差原因分析及改进措施", "实际完成值", "三级指标"})
    docs = AuditDocs(what="自评表中不留模板的填写说明（如“对照年度目标…(100字以内)”），说明该处没有真正填写。"
                          "模板的编号行（三级指标只写“指标1:”“指标2:”，指标值、实际完成值和得分都空着）留在表中的，作为提示报告一次。",
                     formula="—", setting="无", example="年度总体目标实际完成情况写着“对照年度目标，说明…(100字以内)”；"
                                                     "时效指标下只有一行“指标1:”，其余各栏空着：提示。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        report = ctx.sheet.evaluation
        if not _reported(ctx):
            return
        texts = [("年度总体目标实际完成情况", report.overall_actual, None)]
        texts += [("说明", note, None) for note in report.notes]
        # The reader may keep the cells beside 年度目标 (its 实际完成情况) with the goals.
        texts += [("年度目标及完成情况", goal, None) for goal in ctx.sheet.goals]
        texts += [("偏差原因分析及改进措施", item.deviation, item.row) for item in report.items]
        texts += [("实际完成值", item.actual_raw, item.row) for item in report.items]
        for field, text, row in texts:
            if text and _TEMPLATE.search(text):
                yield self.finding(ctx, row=row, column=field, field=field, text=text.strip()[:60],
                                   fix="删除说明文字，填写实际内容")
        # the template's numbered rows left empty (指标1: | | ): a level of indicators the form asks for, not filled
        empty = [(item.row, item.name.strip()) for item in ctx.recomputation.indicators
                 if _TEMPLATE_ROW.fullmatch(item.name.strip()) and not _WORD.search(item.target) and not item.actual
                 and item.printed is None]
        # (or set aside by the reader, P108: a row of its level names and the numbering alone names no indicator)
        empty += _template_rows_set_aside(ctx)
        if empty:
            yield self.finding(ctx, row=empty[0][0], column="三级指标", field="三级指标",
                               text="、".join(list(dict.fromkeys(name for _, name in empty))[:_SHOWN_ROWS]),
                               severity=Severity.INFO, fix="删除未使用的模板行，或填写该项指标")


def _template_rows_set_aside(ctx: AuditContext) -> list[tuple[int | None, str]]:
    """The row and numbering of each of the template's empty rows the reader set aside from the sheet (P108): rows
    whose cells are the numbering (指标1:, 指标1:指标2:) and level names, nothing else."""
    found = []
    for item in ctx.diagnostics:
        if item.code != "P108" or item.location.sheet != ctx.sheet.key:
            continue
        # (the cells as the reader set them aside, in Traditional characters where the copy is: 指標1:)
        cells = [simplified(cell.strip()) for cell in item.set_aside if cell.strip()]
        numbering = [cell for cell in cells if _TEMPLATE_ROW.fullmatch(cell)]
        if numbering and all(cell in numbering or canonical_level1(cell) or canonical_level2(cell) for cell in cells):
            found += [(item.location.row, cell) for cell in numbering]
    return found


def _read_through(item: RecomputedItem) -> bool:
    """Whether a blank cell of the row means a blank in the document: the row was placed by the form's grid, or the
    reader still found one of its evaluation figures (a row whose columns were inferred and where none was found may
    hold its figures misplaced). An "actual" written as a bound (不少于6种, ≥95%) is a target that the inference
    placed in the 实际完成值 column, not a figure of the evaluation."""
    actual = bool(item.actual) and parse_target(item.actual).operator is None
    return not item.guessed or item.weight is not None or item.printed is not None or actual


class ExecutionScoreBlank(AuditRule):
    code = "JXA20"
    name = "execution-score-blank"
    title = "预算执行率一行没有得分"
    severity = Severity.WARNING
    source = SCORING
    message = "预算执行率一行没有填写得分：执行率 {rate}%，按评分方案应得 {expected}（{formula}）"
    docs = AuditDocs(what="表中印有得分栏、执行率可以算出（或已印出）时，预算执行率一行的得分不得空着（未印分值时按评分方案的分值）。"
                          "资金表的栏目中没有分值、得分（部门整体自评表只列预算、拨付、结余）时，执行率不计分，不报告。"
                          "得分由执行率决定，所以报告应得的分数；执行率也算不出时由 JXA12 报告。",
                     formula="得分 = 分值 × 执行率（超过100%按100%计）",
                     setting="execution（预算执行率的缺省分值）；rounding.places",
                     example="调整后预算 251.89、执行 251.89、执行率 100%、分值 10、得分空着：报告应得 10.00。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        computed = ctx.recomputation
        item = computed.execution
        if not _execution_score_blank(ctx) or item.expected is None:
            return
        yield self.finding(ctx, indicator=item.name, column="得分", rate=ctx.profile.rounding(computed.execution_rate),
                           expected=item.expected, formula=item.working, fix=Phrase("填写得分 {expected}", {"expected": item.expected}))


class ExecutionNotReported(AuditRule):
    code = "JXA28"
    name = "execution-not-reported"
    title = "自评打了分却没有预算执行情况"
    severity = Severity.WARNING
    source = SCORING + "：预算执行率按全年执行数 ÷ 全年预算数计分"
    message = "自评表给 {count} 项指标打了分，却没有执行数和执行率：预算执行率无从计分，自评分没有预算执行的依据"
    # with the total printed, and without the budget either: the message of each
    message_total = ("自评表给 {count} 项指标打了分（总分 {total}），却没有执行数和执行率：预算执行率无从计分，"
                     "自评分没有预算执行的依据")
    message_no_budget = message.replace("却没有执行数", "却没有预算数、执行数")
    message_total_no_budget = message_total.replace("却没有执行数", "却没有预算数、执行数")
    docs = AuditDocs(what="自评表（或自评报告所附的表）给指标填了实际完成值和得分，却没有印出任何预算执行情况"
                          "（年初预算数、全年预算数、全年执行数、执行率，也没有预算执行率一行的分值或得分）：预算执行率这一项"
                          "无从计分，自评总分缺少预算执行的依据。只在表头或正文写了项目资金总额（“实施补助经费 9.55 万元”）"
                          "而没有执行数和执行率的，照样报告。表格在文件中途中断或从中途开始的（资金表可能在缺失的部分）、"
                          "读出了资金表的栏目（栏目印了、数字空着的由 JXA12、JXA20、JXA37 报告）的，不报告。",
                     formula="有实际完成值和得分的指标 ≥ 1 项，且 执行数、执行率、预算执行率的分值和得分 均未印出、也没有资金表的栏目",
                     setting="无",
                     example="动物防疫补助经费自评：五项指标各得 20 分、总分 100，报告只说“实施补助经费 9.55 万元”，"
                             "表中没有预算数和执行数：报告本规则。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        report = ctx.sheet.evaluation
        # (a budget the header or a sentence states, 实施补助经费9.55万元, says what was given, not what was spent; a
        # money table whose headings were read leaves its blank cells to JXA12, JXA20 and JXA37)
        if not _reported(ctx) or _partial(ctx) or report.money_headings or any(
                figure is not None for figure in (report.spent, report.execution_rate, report.execution_weight,
                                                  report.execution_score)):
            return
        budget = ctx.sheet.budget.total or report.budget_full or report.budget_initial
        scored = [item for item in ctx.recomputation.indicators
                  if item.printed is not None and item.actual and not (item.misplaced or item.not_applicable)]
        if scored:
            total = {"total": number(report.total)} if report.total is not None else {}
            template = {(True, True): self.message_total, (False, False): self.message_no_budget,
                        (True, False): self.message_total_no_budget}.get((bool(total), bool(budget)))
            yield self.finding(ctx, column="全年执行数", count=len(scored), template=template, **total,
                               guessed=any(item.guessed for item in scored),
                               fix="填写年初预算数、全年预算数、全年执行数和执行率，按执行率给预算执行率计分")


# The reader's word that a money table's figures ran on in a text flow it could not align with the headings
# (documents/codes.py): the blanks of that table may be figures it left unread.
_MONEY_UNALIGNED = ("P148",)
# A money table's heading for what was spent: 全年执行数, 執行數(B), 执行率, 实际支出, 支出实现率.
_EXECUTION_HEADING = re.compile(r"执行|支出")


class ExecutionNotFilled(AuditRule):
    code = "JXA37"
    name = "execution-not-filled"
    title = "资金表只填了预算数，执行数和执行率空着"
    severity = Severity.WARNING
    source = SCORING + "：预算执行率 = 全年执行数 ÷ 全年预算数，按执行率计分"
    message = "资金表填了年初预算数 {initial}，全年执行数和执行率却都空着：看不出资金用了多少，预算执行率无从计分"
    message_full = message.replace("年初预算数 {initial}", "全年预算数 {full}")
    message_both = message.replace("年初预算数 {initial}", "年初预算数 {initial}、全年预算数 {full}")
    docs = AuditDocs(
        what="自评表印有资金表（读到了执行数、执行率或支出的栏目），填了年初预算数或全年预算数，全年执行数和执行率却都空着："
             "预算执行情况是自评的一部分，没有执行数，预算执行率无从计分，也看不出资金是否用完。没有资金表栏目的由 JXA28 报告，"
             "执行率算得出、只是得分空着的由 JXA20 报告。读取时资金表的数字与栏目对不上、未能读取的（PDF 文字流，"
             "读取诊断 P148）不报告：空着的可能是没有读到的数；表格从中间开始（表头不在文件中）的也不报告。",
        formula="资金表栏目中有“执行”或“支出”，年初预算数或全年预算数已填，全年执行数、执行率均未填",
        setting="无",
        example="原州区边销茶推广项目自评表：年初预算数 | 全年执行数 两栏只填了 38.75（万元），没有执行数和执行率：报告本规则；"
                "资金表栏目后的数字读取时对不上栏目（诊断 P148）：不报告。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        report = ctx.sheet.evaluation
        if not _reported(ctx) or report.headless or report.spent is not None or report.execution_rate is not None:
            return
        if not any(_EXECUTION_HEADING.search(simplified(heading)) for heading in report.money_headings):
            return  # no money table read (JXA28's), or one without the execution (预算, 拨付, 结余 only)
        if any(d.code in _MONEY_UNALIGNED and d.location.sheet == ctx.sheet.key for d in ctx.diagnostics):
            return  # (the table's figures were left unread: its blanks may be the reading's)
        budgets = {key: number(figure) for key, figure in (("initial", report.budget_initial),
                                                            ("full", report.budget_full)) if figure}
        if budgets:
            template = self.message_both if len(budgets) > 1 else self.message_full if "full" in budgets else None
            yield self.finding(ctx, indicator=ctx.profile.execution.label, column="全年执行数", template=template,
                               **budgets,
                               fix="填写全年执行数和执行率，按执行率给预算执行率计分；资金未执行的说明原因")


class ExecutionLeftUnscored(AuditRule):
    code = "JXA32"
    name = "execution-left-unscored"
    title = "资金大量未执行，表中却没有给预算执行率计分"
    severity = Severity.WARNING
    source = SCORING + "：总分值100分，预算执行率10分，产出、效益、满意度指标合计90分"
    message = ("各指标分值合计 {weights}，表中没有预算执行率一项：资金只执行 {rate}%（执行数 {spent} ÷ 预算数 {budget}），"
               "所印总分 {total} 却不受执行情况影响")
    message_no_total = message.replace("所印总分 {total}", "所印总分")
    docs = AuditDocs(what="自评表把 100 分全部分给了各指标（各指标分值合计 100，没有印预算执行率一行的分值和得分），"
                          "而表中（或表头）写出的预算数和执行数表明四成以上的资金没有执行：预算执行率没有计分，"
                          "自评总分看不出资金大量未用。执行率由 JXA10 另要求说明原因；表中有预算执行率一行的，"
                          "其得分由 JXA23 复核。表格在文件中途中断或从中途开始的不报告（预算执行率一行可能在缺失的部分）。",
                     formula="预算执行率一行不在表中（无分值、无得分，各指标分值合计 100），且 执行数 ÷ 预算数 ≤ 60%",
                     setting="无（计分办法见评分方案的 execution：预算执行率的分值）",
                     example="普惠金融发展专项资金自评表：资金 208 万元、使用 109.8 万元（52.79%），九项指标分值合计 100、"
                             "得分合计 100，没有预算执行率一项：报告本规则。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        report, computed = ctx.sheet.evaluation, ctx.recomputation
        if not _reported(ctx) or _partial(ctx):
            return
        item, rate = computed.execution, computed.execution_rate
        if item is None or item.in_form or rate is None or rate > LARGELY_UNSPENT_AT or report.spent is None:
            return
        weights = [row.weight for row in computed.indicators if row.weight is not None and not row.not_applicable]
        budget = report.budget_full or ctx.sheet.budget.total
        printed = computed.printed_total if computed.printed_total is not None else computed.printed_sum
        yield self.finding(ctx, indicator=item.name, column="分值", weights=number(sum(weights, Decimal(0))),
                           rate=ctx.profile.rounding(rate),
                           spent=number(report.spent), budget=number(budget),
                           **({"total": number(printed)} if printed is not None else {"template": self.message_no_total}),
                           guessed=any(row.guessed for row in computed.indicators),
                           fix="按评分方案给预算执行率计分（执行率 × 分值），并说明资金未执行的原因")


def _execution_score_blank(ctx: AuditContext) -> bool:
    """Whether the form scores the 预算执行率 row and its 得分 was left blank: the form prints a 得分 column and a money
    table with points (a form whose money table has no 分值 or 得分 gives the execution no points to fill in)."""
    computed = ctx.recomputation
    item = computed.execution
    return _reported(ctx) and item is not None and item.in_form and item.printed is None and computed.printed(
        "score") and ctx.sheet.evaluation.execution_scored and _money_table(ctx)


def _money_table(ctx: AuditContext) -> bool:
    """Whether the form's money table (全年预算数, 执行率) was read: a rate measured against the 预算数 among the header
    fields alone does not show that the form scores the execution (Sichuan's 区域绩效目标自评表 prints its 预算执行情况
    score beside 执行数, where the reader does not place it, corpus 034)."""
    report = ctx.sheet.evaluation
    return report.budget_full is not None or report.execution_rate is not None


def _cut_short(ctx: AuditContext, item: RecomputedItem) -> bool:
    """The last row of a copy that stops inside its table: the copy may stop inside that row, so its blank cells may
    be cells the copy lost."""
    return ctx.sheet.evaluation.cut and item.indicator == len(ctx.sheet.indicators)


def _figure_below(ctx: AuditContext, item: RecomputedItem) -> bool:
    """Whether the row below is named by a figure (10, 95%): the reader put a cell of this row's into the next row's
    name column (与委托运营方结算完成 | … | 10 | 10 read with its 得分 as the next row's name, corpus 208), so this row's
    blank may be that figure."""
    rows = ctx.sheet.indicators
    return item.indicator is not None and item.indicator < len(rows) and named_by_a_figure(rows[item.indicator])


def _group_scored(ctx: AuditContext, item: RecomputedItem) -> bool:
    """Whether a row printing neither 分值 nor 得分 sits under a row of its 二级指标 that prints a 得分 without a
    分值: a form scoring each 二级指标 once prints that score in a cell merged over the group's rows (Hubei 2022,
    corpus 212: 数量指标 | 一个存储备份器 | … | 10, then WIFI布点全覆盖 with its score cell merged above). A group
    none of whose rows is scored is still reported (212's 社会效益 rows)."""
    if item.indicator is None or item.weight is not None or item.printed is not None:
        return False
    rows, items = ctx.sheet.indicators, {other.indicator: other for other in ctx.recomputation.indicators}
    group = rows[item.indicator - 1].level2
    for index in range(item.indicator - 1, 0, -1):
        above = items.get(index)
        if group is None or rows[index - 1].level2 != group or above is None or above.weight is not None:
            return False
        if above.printed is not None:
            return True
    return False


def _scored_blank(item: RecomputedItem) -> bool:
    """A row that prints its 分值 and a 得分 but neither 指标值 nor 实际完成值: scored against nothing (a row without a
    指标值 is otherwise left to the review, which reports the empty cell)."""
    return item.weight is not None and item.printed is not None and not item.actual


class ScoresNotFilled(AuditRule):
    # Not a placement rule (AuditRule.placement): on a row read in doubt its finding stays, of confidence 版式推测 and
    # at most a warning. Dropping it there was measured on the dev corpus (2026-12-06): 13 right findings lost (158's
    # and 164's rows left unfilled, 157's blank actuals scored in full), no false one removed; the rows whose blank is
    # the reader's are set aside by _read_through instead.
    code = "JXA12"
    name = "self-evaluation-not-filled"
    title = "自评表未填写完成值或得分"
    severity = Severity.ERROR
    source = SCORING
    message = "指标“{indicator}”没有填写{field}"
    message_both = "指标“{indicator}”没有填写实际完成值和得分"
    terms = frozenset({"实际完成值", "得分"})  # the columns of the form left blank
    docs = AuditDocs(what="每个指标（含执行率算不出的预算执行率一行，算得出的见 JXA20）都填写了实际完成值和得分（提交未填写的自评表等于没有自评）。只核对表中"
                          "印有的栏目：没有一行填写的栏目（表样没有，或未能读出）不报告；印有分值的表是计分的表，"
                          "其得分和实际完成值不得空着。没有指标值的行留给审核规则（印有分值和得分、指标值和实际完成值却都空着的行除外：得分无所依据），标为不适用的行不要求；读取时推测栏位、又没有读到任何自评数字的行也不报告"
                          "（数字可能只是没有读到；写成界限的“实际完成值”，如“不少于6种”，是错放的指标值，不算读到）；既无分值也无得分的行是上面计分行的分项，不要求：名称写“其中…”的，各行分值已合计 100 的，或上面最近的计分行只印分值和得分、没有指标值和实际完成值（安徽★核心指标行，如“★补助各类粮食作物种植面积 10 10”，下面逐项列出红薯、梨树……的面积；分项只算到同一二级指标为止，下一个二级指标的行另行要求）的；这样的标题行由下面的分项给出完成值，也不要求；没有分值栏、每个二级指标只印一个得分（合并单元格，印在该组第一行，如湖北项目自评表）时，同组下面的行不要求；"
                          "表格在文件中途中断时，最后一行（转载可能停在这一行中间）不要求；下一行的三级指标只是一个数值（读取时把本行的单元格错放到了下一行）时，本行也不要求。",
                     formula="—", setting="无", example="分值 60、实际完成值与得分都空着：报告“没有填写实际完成值和得分”（错误）；"
                     "印了得分、实际完成值空着：报告“没有填写实际完成值”（警告：得分无所依据）。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        if not _reported(ctx):
            return
        computed = ctx.recomputation
        actuals, scores = computed.printed("actual"), computed.printed("score")
        for item in computed.scored:
            if item.indicator is None:
                # a 预算执行率 row whose rate is known is JXA20's (its score follows from the rate)
                read = item.weight is not None and ctx.sheet.evaluation.execution_weight is not None
                missing = ["得分"] if scores and read and item.printed is None and item.expected is None else []
            elif not (item.has_target or _scored_blank(item)) or item.misplaced or not _read_through(item) or (
                    computed.is_part(item) or item.indicator in computed.heads or _cut_short(ctx, item)
                    or _group_scored(ctx, item) or _figure_below(ctx, item)):
                continue  # not read as an indicator row, read too uncertainly for a blank to mean anything, a part,
                # a heading whose parts below carry its figures, the row the copy stops in, a row its group's one
                # score covers, or one whose cell the reader moved to the next row
            else:
                missing = [what for what, printed, blank in (("实际完成值", actuals, not item.actual),
                                                             ("得分", scores, item.printed is None)) if printed and blank]
            if missing:
                # a row that prints its score was evaluated, without the figure the score rests on (a warning); a row
                # left unfilled was not evaluated at all (an error)
                severity = Severity.WARNING if item.printed is not None else Severity.ERROR
                yield self.finding(ctx, indicator=item.name, row=item.row, column=missing[0], field=missing[0],
                                   template=self.message_both if len(missing) > 1 else None,
                                   guessed=item.guessed, severity=severity, fix=Phrase("逐项填写{fields}", {"fields": Phrase.listing("{field}", [{"field": field} for field in missing], "和")}))


class WeightBlank(AuditRule):
    code = "JXA13"
    name = "weight-blank"
    title = "指标没有分值"
    severity = Severity.WARNING
    placement = True
    source = SCORING
    message = "指标“{indicator}”没有分值，无法核对得分"
    docs = AuditDocs(what="表中印有分值栏时，每个指标行都填写了分值（权重），报告空着的行。表样没有分值栏的（如只印各目标"
                          "合计分值、各行只印得分的湖北 2020 年自评表，或只印得分的区域绩效目标自评表）不报告：那是表样的"
                          "设计，不是单位漏填。没有指标值的行、标为不适用的行、分项行（其中…，分值已合计 100 时，或在只印分值和得分的标题行下面，同 JXA12）、"
                          "表格在文件中途中断时的最后一行、下一行三级指标只是一个数值（本行的单元格被错放到那里）的行不要求。",
                     formula="—", setting="无", example="分值栏为空而得分为 8。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        computed = ctx.recomputation
        if not _reported(ctx) or not computed.printed("weight"):
            return  # a form without a 分值 column (only scores printed) is the form's design, not a blank
        rows = [item for item in computed.indicators if item.has_target and not (item.not_applicable or item.misplaced)
                and _read_through(item) and not computed.is_part(item) and not _cut_short(ctx, item)
                and not _figure_below(ctx, item)]
        for item in rows:
            if item.weight is None:
                yield self.finding(ctx, indicator=item.name, row=item.row, column="分值",
                                   guessed=item.guessed, fix="填写该指标的分值")


class FullAttainmentBelowFullMarks(AuditRule):
    code = "JXA22"
    name = "every-target-met-without-full-marks"
    title = "各项目标均已达到，总得分却不满分"
    severity = Severity.WARNING
    source = SCORING + "：实际完成值达到年度指标值的，得该指标的全部分值"
    message = ("各指标的实际完成值均已达到年度指标值，预算执行率 {rate}%，按评分方案应得满分 100；所印各行得分合计 {sum}，"
               "少 {short} 分，没有说明扣分理由")
    # the rows scored with a fraction, named with their scores (“name” score, by listed) where {rows} stands
    message_rows = message.replace("分，没有说明", "分（得分带小数的行：{rows}），没有说明")
    docs = AuditDocs(
        what="表样不印各行分值（如湖北 2020 年自评表只印各目标的合计分值）时，单行得分无从复算；但每个指标都达到了目标、"
             "预算全部执行时，无论各行分值多少，合计都应是 100。所印得分合计不足 100 的，报告少了多少分，并列出得分带小数的行"
             "（分值是整数，带小数的得分是被扣过分的行）。有定性指标、未达目标的行、写了偏差原因的行，或表格不全（中途中断、"
             "从表格中间开始）时不报告；标为不适用的行不计；印有分值的行由 JXA03 逐行复算。",
        formula="∀ 指标：实际值达到目标，且 执行率 ≥ 100% ⇒ Σ 得分（含预算执行率）= 100；允许所印得分末位的舍入误差",
        setting="execution（预算执行率的缺省分值，表中未印时）",
        example="黄冈 2020 年水土保持监测：5 个指标均达到目标、执行率 100%（20 分），各行得分 10、10、19.6、20、20，"
                "合计 99.6：少 0.4 分，得分带小数的行为“整编资料审核”19.6。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        computed = ctx.recomputation
        rows = [item for item in computed.indicators if not item.not_applicable]
        execution = computed.execution
        if not _reported(ctx) or _partial(ctx) or not rows or computed.printed("weight") or any(
                item.reached is None or item.reached < 1 or item.printed is None for item in rows) or (
                execution.printed is None or computed.execution_rate is None or computed.execution_rate < _HUNDRED
                or execution.off):
            return  # (a 预算执行率 row scored off its rate is JXA23's)
        printed = sum((item.printed for item in computed.scored), Decimal(0))
        slack = sum((rounding_of(item.printed) for item in computed.scored), Decimal(0))
        reasons = any((item.deviation or "").strip() for item in ctx.sheet.evaluation.items)
        if _HUNDRED - printed <= slack or reasons:
            return
        fractional = [item for item in rows if item.printed != item.printed.to_integral_value()]
        named, slots = listed("“{name}” {score}", [{"name": item.name, "score": number(item.printed)}
                                                   for item in fractional])
        yield self.finding(ctx, column="得分", rate=ctx.profile.rounding(computed.execution_rate), sum=number(printed),
                           short=number(_HUNDRED - printed), **slots,
                           template=self.message_rows.replace("{rows}", named) if named else None,
                           guessed=any(item.guessed for item in rows),
                           fix="达到目标的指标应得满分；确有扣分的，写明扣分理由")


# A note that only repeats the form's instruction (…需说明原因, 应单独说明理由) gives no reason.
_ASKS_FOR_REASON = re.compile(r"[需应须].{0,6}说明(?:原因|理由)")


class BudgetAdjustedWithoutReason(AuditRule):
    code = "JXA19"
    name = "budget-adjusted-without-reason"
    title = "年中调整预算却未说明理由"
    severity = Severity.WARNING
    source = ("《预算法》：经批准的预算非经法定程序不得调整；自评表填表说明（如四川省部门预算项目支出绩效自评表）："
              "年中发生预算调整的（追加或调减），应单独说明理由")
    message = "年初预算数 {initial} 调整为全年预算数 {full}（{change} {amount}），未说明调整理由"
    terms = frozenset({"追加", "调减"})  # which way the budget was changed
    docs = AuditDocs(
        what="年初预算数与全年（调整后）预算数不同时，预算执行情况的原因栏写明调整的理由。全年预算数调减到正好等于"
             "全年执行数、执行数又不低于年初预算数 90% 的（年底收回少量结余）不报告；调减得更多的照样报告：调减后执行率"
             "成了 100%，按年初预算却未达到填表说明要求说明原因的 90%。原因栏只有填表说明文字的，视同未写。"
             "资金表“其中”各行读到年初和全年两栏、变动全在上年结转（结转结余）一行、其他来源不变的也不报告："
             "结转资金编预算时是预计数，由上年决算确定，不是年中调整了当年的预算。",
        formula="年初预算数 ≠ 全年预算数（相差超过所印末位的半个单位），且原因栏为空；"
                "全年预算数 = 全年执行数 ≥ 90% × 年初预算数 的不报告；没有全年执行数、所印执行率正是 全年预算数 ÷ 年初预算数 的"
                "不报告（三栏只印了两个数：预算数和执行数，空着的是哪一栏看不出）",
        setting="无", example="年初预算 238.93 万元、调整后预算 251.89 万元、原因栏空着：报告“追加 12.96”；"
                                "年初 90、调减为执行数 89.974：不报告；年初 5.28、调减为执行数 1.96（37.1%）：报告“调减 3.32”；"
                                "年初 493.76（财政拨款 473.76、上年结转 20）、全年 536.2（财政拨款 473.76、上年结转 62.44）：不报告。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        report = ctx.sheet.evaluation
        if not _reported(ctx) or report.budget_initial is None or report.budget_full is None:
            return
        initial, full = report.budget_initial, report.budget_full
        if abs(full - initial) <= max(tolerance(initial), tolerance(full)):
            return
        if report.spent is None and report.execution_rate is not None and abs(
                full * _HUNDRED / initial - report.execution_rate) <= max(tolerance(report.execution_rate),
                                                                            Decimal("0.05")):
            return  # two figures under three headings, the printed rate their ratio: the budget and the spending,
            # one column left blank, not a budget adjusted (corpus 246: 32.4 | 31.69 | 10 | 97.80% | 9)
        if full < initial and full == report.spent and report.spent * _HUNDRED >= initial * EXPLAIN_BELOW:
            return  # cut to what was spent at the year's end (结余收回), the balance small: routine; a larger cut
            # makes an execution rate the form asks to explain read 100% (5.28 cut to the 1.96 spent, corpus 239)
        if _carried_over(report):
            return  # the carry-over settled, not the year's appropriation adjusted (see _carried_over)
        note = (report.budget_note or "").strip()
        if note and not _TEMPLATE.search(note) and not _ASKS_FOR_REASON.search(note):
            return
        yield self.finding(ctx, column="全年预算数", initial=number(initial),
                           full=number(full), change="追加" if full > initial else "调减",
                           amount=number(abs(full - initial)), fix="在预算执行情况的原因栏写明预算调整的依据和理由")


# A source of the money table that is last year's money carried into this one (上年结转, 结转结余, 上年结余).
_CARRY_OVER = re.compile(r"结转|结余")


def _carried_over(report: ReportedEvaluation) -> bool:
    """Whether the change from 年初预算数 to 全年预算数 lies wholly in the carry-over's row under the total (corpus 340:
    年初 493.76 = 财政拨款 473.76 + 上年结转 20.00, 全年 536.2 = 473.76 + 62.44): the carry-over is estimated when the
    budget is drawn up and settled by last year's final accounts, so its change adjusts no appropriation. Every
    other source read keeps its 年初 figure, and the carry-over's change is the total's, to the figures' rounding."""
    parts = [part for part in report.parts if part.budget_initial is not None and part.budget_full is not None]
    carried = [part for part in parts if _CARRY_OVER.search(part.label)]
    if not carried or len(parts) < len(report.parts) or any(
            part.budget_initial != part.budget_full for part in parts if part not in carried):
        return False
    change = sum((part.budget_full - part.budget_initial for part in carried), Decimal(0))
    slack = sum((tolerance(figure) for part in carried for figure in (part.budget_initial, part.budget_full)),
                tolerance(report.budget_initial) + tolerance(report.budget_full))
    return abs(change - (report.budget_full - report.budget_initial)) <= slack


# A row numbered as a heading of its own (一、示范区建立, (二)田间试验): the rows after it, not numbered so, are its parts.
_NUMBERED = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[(（][一二三四五六七八九十]+[)）])")
_PARTS = 2  # fewer parts than this adding up to the heading's points may be chance


class PartsScoredTwice(AuditRule):
    code = "JXA27"
    name = "parent-scored-with-its-parts"
    title = "分项与其上级行重复计分"
    severity = Severity.ERROR
    source = SCORING + "：总分值100分，各指标分值合计与总分一致"
    message = "“{indicator}”得分 {score} 正是下面 {count} 个分项（{parts}）得分之和：同一部分计了两次，各行得分合计多算 {score} 分"
    # {parts}: each part's name and score, by listed
    docs = AuditDocs(
        what="编号的上级行（“一、示范区建立”）与其下不编号的分项各印一个得分，而上级行的得分正是分项得分之和：同一部分"
             "计了两次，各行得分合计比应得的多出上级行的得分（总分或分值合计因此超过年度目标所定的分数）。"
             "分项少于两个、或分项得分之和与上级行不等的不报告。",
        formula="上级行得分 = Σ 其后至下一个编号行之前各行的得分（分项 ≥ 2 个）",
        setting="无",
        example="隆阳区化肥减量增效示范县自评表：“一、示范区建立”15 分，下面三个分项 5、5、5；“二、化肥减量增效田间试验”"
                "15 分，下面四个分项 5、5、3、2：报告两处重复计分。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        if not _reported(ctx):
            return
        rows = [item for item in ctx.recomputation.indicators if not item.not_applicable]
        # the numbering as printed: the reader takes it out of the name it keeps (一、示范区建立 read as 示范区建立,
        # corpus 229) and keeps the cell as written beside it
        written = {position: indicator.name_raw or indicator.name
                   for position, indicator in enumerate(ctx.sheet.indicators, start=1)}
        numbered = [bool(_NUMBERED.match(written.get(item.indicator, item.name))) for item in rows]
        for index, head in enumerate(rows):
            if head.printed is None or not numbered[index]:
                continue
            parts = []
            for part, opens in zip(rows[index + 1:], numbered[index + 1:]):
                if opens:
                    break
                parts.append(part)
            if len(parts) < _PARTS or any(part.printed is None for part in parts):
                continue
            if sum(part.printed for part in parts) == head.printed:
                named, slots = listed("{name} {score}", [{"name": part.name, "score": number(part.printed)}
                                                          for part in parts])
                yield self.finding(ctx, indicator=head.name, row=head.row, column="得分", score=number(head.printed),
                                   count=len(parts), template=self.message.replace("{parts}", named), **slots,
                                   guessed=head.guessed or any(part.guessed for part in parts),
                                   fix="只计上级行或只计分项，使各行得分合计不超过该部分的分值")


EVALUATION_RULES = (ScoreAboveWeight(), ScoreInflated(), TierExceeded(), ScoreDeflated(), ExecutionScoreOffRate(),
                    ExecutionRateMismatch(), ExecutionIndicatorOffRate(), OverExecution(), TotalNotSumOfScores(), ClaimedGradeMismatch(), WeightsNotHundred(), QualitativeActualForNumber(),
                    MissedWithoutReason(), TemplateTextLeft(), ScoresNotFilled(), ExecutionScoreBlank(),
                    ExecutionNotReported(), ExecutionNotFilled(), ExecutionLeftUnscored(), WeightBlank(),
                    BudgetAdjustedWithoutReason(), FullAttainmentBelowFullMarks(), PartsScoredTwice())
