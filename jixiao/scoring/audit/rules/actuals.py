"""Audit of what a printed 自评表 gives as 实际完成值, beyond the score: an actual that only restates the target, and a
target the actual leaves far behind."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.model import Operator, Severity, parse_target, points_not_targets
from jixiao.model.figure_kinds import Kind, kind_of
from jixiao.model.finding import Finding
from jixiao.model.lexicon import fold, load
from jixiao.model.units import UnitKind, unit_kind
from jixiao.scoring.audit.recompute import RecomputedItem, no_answer_chosen
from jixiao.scoring.audit.rule import AuditContext, AuditDocs, AuditRule
from jixiao.scoring.target_rules import number

__all__ = ["ACTUAL_RULES", "outputs_ahead"]

ACTUALS = "财预〔2020〕10号《项目支出绩效评价管理办法》附件《项目支出绩效自评表》：实际完成值按实际完成情况填写，不得照抄年度指标值"
GOALS = "财预〔2015〕88号《中央部门预算绩效目标管理办法》第九条：绩效指标值应科学合理、细化量化，与预算确定的投入相匹配"

# Words that say only that something was done: 完成, 已完成, 达成预期指标, 达到年度目标, 达标 …
_DONE = re.compile(r"(已|均已|全部|按时|按期|及时|如期|顺利)?(完成|达成|达到|达标)了?(预期|年度)?(指标|目标)?值?")
_PUNCTUATION = "。．.，,；;！!"
_BOUNDS = (Operator.GE, Operator.GT, Operator.LE, Operator.LT)
_HUNDRED = Decimal(100)
_FAR = _HUNDRED  # an actual at least twice its lower bound (100% above it) shows a target set too low
# The qualitative tiers of targets.toml whose words a result cannot simply be: a direction of change (提升, 降低), a
# degree of effect (显著, 效果明显) or a promise of permanence (长期). A grade (好, 较好), a yes or no, a state (健全)
# or timeliness (及时, 按期: the answer to "was it on time?", corpus 208's 费用结算及时性 及时/及时) written again as the
# actual is the result reached; "done on time" (按时完成) says only that it was done (_DONE).
_SAYS_NOTHING_AGAIN = ("提升", "降低", "显著", "长期")


def _folded(text: str) -> str:
    return "".join(text.split()).strip(_PUNCTUATION)


# The numbering of goals (目标1:, 1., 一、, (1)): the reader may keep it with one copy of a text and not the other.
_NUMBERING = re.compile(r"目标\s*\d+\s*[:：]|(?:^|(?<=[。；;]))\s*(?:\d+|[一二三四五六七八九十]+)\s*[.、．]|[(（]\d+[)）]")


def _unnumbered(text: str) -> str:
    """The text folded and without its numbering, to tell a goal copied as its result (corpus 244: the 全年实际完成
    情况 is the goal with its 目标1: prefix, read apart from the goal)."""
    return _folded(_NUMBERING.sub("", text))


def _answered(item: RecomputedItem) -> bool:
    """Whether the row is an indicator row, scored, whose actual is filled in."""
    return item.indicator is not None and not (item.not_applicable or item.misplaced) and bool(item.actual)


def _restates(item: RecomputedItem) -> str | None:
    """How the row's actual restates its qualitative target (a key of ``ActualRestatesTarget._HOWS``), or None when
    it says something of its own."""
    if not _answered(item):
        return None
    if _folded(item.actual) == _folded(item.target) and parse_target(item.actual).operator in _BOUNDS:
        # a bound (≥80%) is what was to be reached; a result is what was measured (corpus 226: 满意度 ≥80% again)
        return "bound"
    if _count_in_percent(item):
        return "share"
    if item.qualitative_actual:
        return None  # words for a numeric target (JXA09)
    if item.share is not None:
        return None  # a numeric actual (one that only repeats a change promised is _change_copied's)
    actual = _folded(item.actual)
    if _DONE.fullmatch(actual):
        return "done"
    if no_answer_chosen(actual):
        return "options"
    # A direction, a degree or a promise (逐步提高, 效果显著, 长期) copied from the target says nothing of what was done; a target
    # with a figure (2021年12月31日), a grade (好), or a plain fact (市级保护单位) met and written again is an answer.
    if actual == _folded(item.target) and not re.search(r"\d", item.target) and _says_nothing_again(item.target):
        return "copied"
    return None


# Indicators whose actual is worked out (an average, a count per head or per million) rather than counted: such a figure
# seldom falls exactly on its bound (corpus 036: 药品不良反应每百万人口报告数 ≥150 answered 150; 246: 务工人员年人均增收
# ≥8400元 answered 8400元), where a count met to the letter often does (246: 提供务工岗位 ≥5个 answered 5个, not flagged).
_WORKED_OUT = re.compile(r"人均|户均|平均|每百万|每十万|每万|每千|每百")
# A sum set per head rather than measured (国家奖学金人均资助 ≥8000元, 补助合作社平均标准): paid as set, it is its bound.
_SET_PER_HEAD = re.compile(r"标准|补助|补贴|资助|奖励|定额|发放")
# A number of years the project will last (可持续影响年限, 使用年限): a promise, like 长期, that no one can measure in the
# year the project is evaluated (246: 项目建成后可持续影响年限 ≥15年 answered 15年).
_YEARS_AHEAD = re.compile(r"年限")


def _at_bound(item: RecomputedItem) -> tuple[str, Severity] | None:
    """How the row's actual is only its bound (a key of ``ActualRestatesTarget._HOWS``), and how surely that is a copy: the years a project is to last
    written as the promised years say nothing (a warning, as a 长期 copied); a worked-out figure exactly on its ≥/≤
    bound is unlikely but possible (a note to check the basis). None when neither."""
    if not _answered(item):
        return None
    target, actual = parse_target(item.stated_target), parse_target(item.actual)
    if target.operator not in _BOUNDS or target.value is None or actual.operator is not None or (
            actual.value != target.value or actual.leftover or (actual.unit or target.unit) != target.unit):
        return None
    if target.unit == "年" and _YEARS_AHEAD.search(item.name):
        return "years", Severity.WARNING
    if target.unit != "%" and _WORKED_OUT.search(item.name) and not _SET_PER_HEAD.search(item.name):
        return "worked_out", Severity.INFO
    return None


def _count_in_percent(item: RecomputedItem) -> bool:
    """Whether a 数量指标 row, whose name is no rate (率, 比例, 满意度), is answered with a percentage alone (100%): how
    much of the task was done, not how many (corpus 259: 慰问伤残军人50人;革命烈士遗属50人;… answered 100%; 206:
    全年免费开放 100%)."""
    actual = parse_target(item.actual)
    return (fold(item.level2).startswith("数量") and actual.unit == "%" and actual.value is not None
            and actual.operator is None and not actual.leftover
            and kind_of(item.name) not in (Kind.RATE, Kind.SATISFACTION))


def _change_copied(item: RecomputedItem) -> str | None:
    """How the row's actual repeats, to the letter, a change its target promises (提升10%, 降低5%): a change
    measured seldom falls exactly on the promised one, and an outcome such as 公民科学素质 has no measure of it in the
    table (corpus 231: three 效益指标 提升10% answered 提升10%), as a key of ``ActualRestatesTarget._HOWS``. None
    otherwise."""
    if not _answered(item) or item.reached is None or not re.search(r"\d", item.target):
        return None
    if _folded(item.actual) != _folded(item.target) or not _says_nothing_again(item.target):
        return None
    return "change"


def _says_nothing_again(target: str) -> bool:
    """Whether the qualitative target holds a word of a tier that a result cannot simply repeat."""
    tiers = load("targets")["qualitative"]
    folded = fold(target)
    return any(fold(word) in folded for tier in _SAYS_NOTHING_AGAIN for word in tiers[tier])


class ActualRestatesTarget(AuditRule):
    code = "JXA17"
    name = "actual-restating-target"
    title = "实际完成值只是照抄目标或写“完成”"
    severity = Severity.WARNING
    source = ACTUALS
    message = "指标“{indicator}”的实际完成值只写“{actual}”，看不出实际做到了什么"
    # how the actual restates the target, by its kind (see _restates, _at_bound, _change_copied): the message of each
    _HOWS = {
        "bound": "照抄了年度指标值“{target}”，写的是界限而不是实际测得的数",
        "share": "只写了完成比例“{actual}”，没有实际完成的数量",
        "done": "只写“{actual}”",
        "options": "只写了可选的评价“{actual}”，没有选定一个",
        "copied": "照抄了年度指标值“{target}”",
        "years": "“{actual}”只是年度指标值“{target}”的年数：项目持续的年限是承诺，评价当年无法实测",
        "worked_out": "“{actual}”正好等于年度指标值的界限“{target}”：人均数、每百万人口数这类算出来的数很少正好落在界限上，"
                      "像是照抄了目标",
        "change": "照抄了年度指标值“{target}”：变化幅度正好等于目标，须有测算依据（上年和本年的数）",
        "overall": "照抄了年度总体目标",
    }
    docs = AuditDocs(
        what="定性指标的实际完成值写出实际做到的情况（时间、结果、依据），而不是只写“完成”“达成预期指标”或表样的可选评价（“好坏”“是否”“优良中差”），"
             "或把不含数字、只说变化方向、效果程度或长期承诺的年度指标值（“逐步提高”“效果显著”“长期”）原样抄一遍；年度总体目标的实际完成情况也不照抄预期目标。"
             "定量指标的实际完成值把带“≥/≤”的年度指标值原样抄一遍（“≥80%”）的也报告：界限是要达到的，不是测得的数。"
             "定量指标写成文字的由 JXA09 报告；含数字的目标（如完成日期）、评价档次（“好”“较好”）、是否、"
             "陈述事实或状态的目标（“市级保护单位”“健全”）、时限（“及时”“按期”）照写一遍是作答，不报告（只写“按时完成”“及时完成”的照样报告）。"
             "带“≥/≤”的目标，实际完成值正好是界限上的数，而指标是算出来的人均数、平均数或每百万人口数（“年人均增收 ≥8400元”写"
             "“8400元”）的，作为提示报告：算出来的数很少正好落在界限上，须核对依据（数量、比率正好达到目标是常见的结果，"
             "按人发放的标准（人均资助、补助标准）照标准发放就是界限上的数，都不报告）；"
             "项目持续的年限（“可持续影响年限 ≥15年”写“15年”）是承诺，评价当年无法实测，照写年数的报告为警告；"
             "目标是一个变化幅度（“提升10%”“降低5%”），实际完成值一字不差地照写的，作为提示报告：测得的变化很少正好等于"
             "目标，须有上年和本年的数作依据。数量指标（名称不是比率、满意度）的实际完成值只写一个百分比（“100%”）的也报告："
             "那是完成了多少比例，不是完成了多少数量。",
        formula="实际完成值 ∈ {完成、已完成、达成预期指标、达到年度目标、达标…}，或只由不同的评价选项组成（好坏、是否），"
                "或 实际完成值 = 年度指标值（不含数字，"
                "含提升、降低、显著、长期等档次的词），或 实际完成值 = 年度指标值 且带 ≥、>、≤、<，"
                "或 目标带 ≥、>、≤、< 而实际值 = 目标值（同一单位），指标名称含人均、户均、平均、每百万…（提示）或年限（单位为年，警告），"
                "或 实际完成值 = 年度指标值（含数字，且含提升、降低等变化的词，提示），"
                "或 二级指标为数量指标、名称不以率、比例、满意度等结尾，实际完成值只是一个百分比",
        setting="无",
        example="指标值“逐步提高”、实际完成值“逐步提高”：报告本规则；指标值“2021年12月31日”、实际完成值相同：不报告；"
                "满意度指标值“≥80%”、实际完成值“≥80%”：报告本规则；务工人员年人均增收“≥8400元”、实际完成值“8400元”：提示；"
                "提供务工岗位“≥5个”、实际完成值“5个”：不报告；公民科学文化素质“提升10%”、实际完成值“提升10%”：提示。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        report = ctx.sheet.evaluation
        if report is None:
            return
        for item in ctx.recomputation.indicators:
            how, severity = _at_bound(item) or (
                (_change_copied(item), Severity.INFO) if _change_copied(item) else (_restates(item), None))
            if how:
                yield self.finding(ctx, indicator=item.name, row=item.row, column="实际完成值", template=self._said(how),
                                   actual=item.actual.strip(), target=item.stated_target.strip(), guessed=item.guessed,
                                   severity=severity, fix="写明实际完成的情况和依据（时间、数量、结果）")
        overall = _unnumbered(report.overall_actual or "")
        if overall and any(overall == _unnumbered(goal) for goal in ctx.sheet.goals):
            yield self.finding(ctx, indicator="年度总体目标", column="年度总体目标实际完成情况",
                               template=self._said("overall"), fix="写明年度总体目标的实际完成情况")

    @classmethod
    def _said(cls, how: str) -> str:
        """The message of a restatement of kind ``how`` (a key of ``_HOWS``)."""
        return cls.message.replace("只写“{actual}”", cls._HOWS[how], 1)


class TargetFarExceeded(AuditRule):
    # Not a placement rule (AuditRule.placement): the figures it compares are the row's own target and actual, which a
    # doubtful placement rarely swaps for others; its finding there is of confidence 版式推测. Dropping it on rows read
    # in doubt was measured on the dev corpus (2026-12-06): one right finding lost (190's 264 of 115 houses), none false
    # removed.
    code = "JXA18"
    name = "target-far-exceeded"
    title = "实际完成值远超目标（目标定得过低）"
    severity = Severity.INFO
    source = GOALS
    message = "指标“{indicator}”实际完成 {actual}，是年度指标值 {target} 的 {times} 倍，目标定得过低"
    docs = AuditDocs(
        what="下限指标（≥）的实际完成值达到目标的两倍以上：目标没有反映应有的产出，下一年度应按实际能力设定。"
             "上限指标（≤，成本、时限）的节约不在此列；实际完成值没有写目标的单位、目标又不是下限（≥）的（27万元对1313，多是分值和得分连在一起）不比较。",
        formula="实际值 ÷ 目标值 ≥ 2（超出目标 100% 以上）",
        setting="无（评分方案的超额扣分见 rules.overshoot_deduction，由 JXA02/JXA03 复算）",
        example="目标 ≥21家、实际 85家：是目标的 4.05 倍，报告本规则。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        for item in ctx.recomputation.indicators:
            if item.overshoot is not None and item.overshoot >= _FAR and item.comparable:
                times = ctx.profile.rounding(1 + item.overshoot / 100)
                yield self.finding(ctx, indicator=item.name, row=item.row, column="实际完成值", actual=item.actual,
                                   target=item.target, times=number(times), guessed=item.guessed,
                                   fix="下一年度按实际能力提高目标值；确属超额完成的，说明原因")


_OUTPUTS = "产出指标"
_NAMED = 3  # output indicators named in the message, the rest counted


def _output(item: RecomputedItem) -> bool:
    """Whether the row is an output: under 产出指标, or, where the report lists its results without levels (a prose
    self-evaluation, corpus 245: 辅具适配 200人, 230人 done), a count of people or things served (人, 个, 次)."""
    if item.level1:
        return item.level1 == _OUTPUTS
    return unit_kind(parse_target(item.target).unit) is UnitKind.COUNT


def outputs_ahead(ctx: AuditContext) -> tuple[list[RecomputedItem], Decimal] | None:
    """The output rows and how far (in points) the execution rate is behind them, when every output is reported met
    and the rate is behind by more than the profile's progress gap (JXA21); else None. Where an output falls short,
    the money left may follow that shortfall: JXA10 asks for its reason. So it does where every output is a rate met
    to the letter (结算完成率 100%, corpus 208): a task done for less than its budget, not a count or an area printed
    again as the result, so the reason for the money left is asked, not the actuals doubted."""
    computed, gap = ctx.recomputation, ctx.profile.monitoring.progress_gap
    rate = computed.execution_rate
    outputs = [item for item in computed.indicators if item.reached is not None and not item.not_applicable
               and _output(item)]
    if not gap.enabled or rate is None or not outputs or any(item.reached < 1 for item in outputs) or all(
            _full_rate(item) for item in outputs):
        return None
    apart = _HUNDRED - min(rate, _HUNDRED)
    return (outputs, apart) if apart > gap.points else None


class OutputsAheadOfSpending(AuditRule):
    code = "JXA21"
    name = "outputs-ahead-of-spending"
    title = "产出已完成而资金大多未用"
    severity = Severity.WARNING
    source = ("财预〔2019〕136号：绩效目标实现程度与预算执行进度“双监控”，二者不匹配的须查明原因；" + ACTUALS)
    message = ("预算执行率 {rate}%，产出指标的实际完成值却都达到了目标（{names}），相差 {gap} 个百分点，"
               "超过 {points} 个百分点：完成值可能照抄了目标，或须说明资金未用完而任务已完成的原因")
    message_more = message.replace("（{names}）", "（{names}等 {count} 项）")  # the first few named, and how many
    docs = AuditDocs(
        what="年终自评中，产出指标（定量、能算出完成比例的；报告只列结果、不分层级的，计人数、个数、次数的行也算产出）都报告达到了目标，预算执行率却比 100% 低出评分方案所定的"
             "百分点以上：钱只花了一部分，产出却报告全部完成，完成值须核实（常见的是照抄年初目标值）。"
             "有产出指标未达目标的不报告：资金结余可能正是因为产出不足，由 JXA10 要求逐项说明原因；"
             "产出指标都是正好达到的比率（结算完成率 100%）的也不报告：任务完成而有结余是常见的，由 JXA10 要求说明资金未用完的原因；"
             "资金已用而产出未完成的，也由 JXA10 等规则报告。",
        formula="∀ 产出指标：实际值达到目标值，且 100% − 执行率 > 相差的百分点，且至少一项不是不带“≥/≤”的百分比",
        setting="monitoring.progress_gap（目标完成进度与执行率相差的百分点，与运行监控同一设置；关闭时本规则也不报告）",
        example="预算 50 万元、执行 10 万元（20%），18 项建设指标的实际完成值都等于目标值：相差 80 个百分点，报告本规则；"
                "执行 88.74%，飞行 909.93 小时未达 ≥928 小时：不报告（JXA10 要求说明未达目标的原因）。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        ahead = outputs_ahead(ctx)
        if ahead is None:
            return
        outputs, apart = ahead
        more = {"template": self.message_more, "count": len(outputs)} if len(outputs) > _NAMED else {}
        yield self.finding(ctx, column="实际完成值", rate=ctx.profile.rounding(ctx.recomputation.execution_rate),
                           names="、".join(f"“{item.name}”" for item in outputs[:_NAMED]), **more,
                           gap=ctx.profile.rounding(apart),
                           points=number(ctx.profile.monitoring.progress_gap.points),
                           guessed=any(item.guessed for item in outputs),
                           fix="按实际完成情况填写完成值；确已完成的，说明资金结余或未支付的原因")


# Fewer rows than this may all be met to the letter by chance; more, all printed exactly as targeted, seldom are.
_COPIED_ROWS = 3


def _copied(item: RecomputedItem) -> bool:
    """Whether the row's actual is its target written again, or the words of the target cut short (全天候可用 written
    全天候, corpus 212); a figure cut short (100 of 100%) may be a result, so only words count."""
    actual, target = _folded(item.actual), _folded(item.target)
    return actual == target or (len(actual) >= 2 and target.startswith(actual) and not re.search(r"\d", actual))


def _full_rate(item: RecomputedItem) -> bool:
    """Whether the row is a rate met to the letter (100% for 100%, 98% for 98%): a rate reached exactly is a common
    result, unlike a count, an amount or a bound (283只, 45万, ≥90%) printed again as the result (corpus 015: five
    rates met, none flagged as copied; 225: every area and head count of the target again), or a rate far past its
    bound (a loan growth of 115.25% against ≥10%, corpus 226), which is a result measured."""
    figure = parse_target(item.actual)
    return (figure.value is not None and figure.operator is None and figure.unit == "%" and not figure.leftover
            and figure.value == parse_target(item.target).value)


class ActualsCopiedFromTargets(AuditRule):
    code = "JXA25"
    name = "actuals-copied-from-targets"
    title = "各项实际完成值与年度指标值一字不差"
    severity = Severity.WARNING
    source = ACTUALS
    message = ("全部 {count} 项指标的实际完成值都与年度指标值一字不差（如“{example}”），看不出是实际数据"
               "还是照抄了目标")
    docs = AuditDocs(
        what="自评表每一项指标的实际完成值都与年度指标值逐字相同（连运算符、单位都一样）：实际完成值应按实际完成情况填写，"
             "整张表照抄目标，说明没有统计实际数据（常见于只填表、不自评的情形）。只报告一次，不逐行报告；"
             "含数字的各行都是正好达到的比率（目标 100%、实际 100%，目标 98%、实际 98%；单位在单独的度量单位栏的也按带单位比较）的不报告：比率正好达标是常见的结果，"
             "照抄的迹象是数量、金额或带“≥/≤”的界限原样重现；"
             "只写“完成”或照抄不含数字的定性目标的，另由 JXA17 逐行报告。有一行读取不确定、有年度指标值却没有读到实际完成值的不报告"
             "（它的实际完成值可能读到了别处，“每一项都照抄”无从断定）。",
        formula=f"有实际完成值的指标 ≥ {_COPIED_ROWS} 项，且每一项 实际完成值 = 年度指标值（去掉空白和句末标点后逐字比较；"
                "不含数字的实际完成值是年度指标值的开头部分，如“全天候可用”写作“全天候”，也算照抄），"
                "且至少一项不是不带“≥/≤”的百分比",
        setting="无",
        example="三项指标目标“≥95%”“100%”“45万”，实际完成值也是“≥95%”“100%”“45万”：报告本规则；"
                "其中一项实际完成值为“96.2%”：不报告；五项目标 100%、100%、98%、100%、100%，实际完成值相同：不报告。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        if ctx.sheet.evaluation is None:
            return
        rows = [item for item in ctx.recomputation.indicators if item.indicator is not None
                and not item.not_applicable and not item.misplaced and _folded(item.actual or "")]
        last = len(ctx.sheet.indicators) if ctx.sheet.evaluation.cut else None
        if any(item.guessed and _folded(item.target or "") and not _folded(item.actual or "")
               for item in ctx.recomputation.indicators
               if not (item.not_applicable or item.misplaced or item.indicator == last)):
            # a row read in doubt with a target and no actual may hold an actual the reader put elsewhere, unlike its
            # target (corpus 161: 全县参合人数 8676 against 8755, read with a unit's name for its target): "every row"
            # is not known (the last row of a copy cut inside its table lost its cells to the cut, not to the reader)
            return
        # the qualitative rows copied (好坏 answered 好坏) are JXA17's; beside them, rates met to the letter are no sign
        figures = [item for item in rows if re.search(r"\d", item.target)]
        if len(rows) < _COPIED_ROWS or not all(_copied(item) for item in rows) or all(_full_rate(item) for item in figures):
            return
        # a figure other than a rate met shows the copying best (≥95% or 45万 printed again as the result)
        example = next((item.target for item in rows if re.search(r"\d", item.target) and not _full_rate(item)),
                       rows[0].target)
        yield self.finding(ctx, column="实际完成值", count=len(rows), example=example.strip(),
                           guessed=any(item.guessed for item in rows),
                           fix="按实际完成情况填写各项完成值（数量、比率、完成时间）并说明依据")


class TargetsArePoints(AuditRule):
    code = "JXA26"
    name = "targets-are-points"
    title = "指标值和实际完成值两栏填的是分值"
    severity = Severity.ERROR
    source = ACTUALS
    message = ("各项指标的年度指标值都只是一个数（{targets}），合计 {sum}，正是一张自评表的分值合计（{sum}）：两栏填的是"
               "各行的分值和得分，没有真正的目标值和实际完成值")
    message_weights = message.replace("一张自评表的分值合计（{sum}）", "各行所印的分值")
    docs = AuditDocs(
        what="年度指标值一栏每一行都只是一个不带单位、不带“≥/≤”的数，合计正好是指标的分值合计（100，或扣去预算执行率"
             "分值后的 90），或逐行等于所印分值；实际完成值一栏也只是不超过它的数：两栏填的是分值和得分，表中没有目标和"
             "实际完成情况，等于没有自评。只报告一次。",
        formula=f"有指标值的指标 ≥ {_COPIED_ROWS} 项，每项 指标值、实际完成值 都是不带单位的数，实际完成值 ≤ 指标值，且 "
                "Σ 指标值 ∈ {100, 100 − 预算执行率分值}，或每项 指标值 = 分值",
        setting="execution.weight（表中未印预算执行率分值时）",
        example="阆中市车购税补助自评表：七项指标的指标值和实际完成值都是 20、20、10、10、10、10、20，合计 100：报告本规则。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        if ctx.sheet.evaluation is None:
            return
        rows = [item for item in ctx.recomputation.indicators if not (item.not_applicable or item.misplaced)
                and item.target.strip()]
        parsed = [parse_target(item.target) for item in rows]
        targets = [target.bare_figure for target in parsed]
        actuals = [parse_target(item.actual).bare_figure if item.actual else None for item in rows]
        if len(rows) < _COPIED_ROWS or any(target is None for target in targets) or any(
                actual is None or actual > target for actual, target in zip(actuals, targets)):
            return
        total = sum(targets, Decimal(0))
        execution = ctx.recomputation.execution.weight or Decimal(0)
        weights = [item.weight for item in rows]
        if points_not_targets(parsed, apart=execution):
            template = None
        elif all(weight is not None for weight in weights) and targets == weights:
            template = self.message_weights
        else:
            return
        shown = "、".join(number(target) for target in targets[:_SHOWN]) + ("…" if len(targets) > _SHOWN else "")
        yield self.finding(ctx, column="指标值", targets=shown, sum=number(total), template=template,
                           guessed=any(item.guessed for item in rows),
                           fix="按年度绩效目标填写各项指标值，按实际完成情况填写完成值，分值和得分填在各自的栏中")


_SHOWN = 8  # figures shown in the message


# A sheet with fewer answered rows than this says too little; some rows without a target among others with one may be
# rows whose target the reader lost, every row of a sheet seldom is.
_UNTARGETED_ROWS = 2


class ActualsWithoutTargets(AuditRule):
    code = "JXA38"
    name = "actuals-without-targets"
    title = "自评表只有实际完成值，没有年度指标值"
    severity = Severity.WARNING
    source = ("财预〔2020〕10号《项目支出绩效评价管理办法》附件《项目支出绩效自评表》：按实际完成值与年度指标值的比较"
              "判断完成程度并计分")
    message = "全部 {count} 项指标只写了实际完成值（如“{example}” {actual}），都没有年度指标值：无从判断完成程度"
    docs = AuditDocs(
        what="自评表（或自评报告列出的指标）每一项都只写实际完成值，没有一项写年度指标值：自评是把实际完成值与年度指标值"
             "（批复的绩效目标）相比，判断完成程度并计分，没有目标就无从判断，得分也没有依据。只报告一次。只有部分行"
             "没有指标值的不报告（可能是读取时没有读到，由审核规则逐行报告空着的指标值），只有一行的也不报告；"
             "标为不适用的行不计。读到了表头、其中却没有指标值一栏的（评价框架的评分表，或没有读到这一栏）不报告。",
        formula=f"有实际完成值的指标 ≥ {_UNTARGETED_ROWS} 项，且每一项的年度指标值都空着",
        setting="无",
        example="科普宣传经费自评报告：“绩效目标完成率 69.23%”“预算执行率 7.14%”两项都只写完成值，没有目标值：报告本规则。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        fields = ctx.sheet.form_fields
        if ctx.sheet.evaluation is None or (fields and not any("指标值" in field for field in fields)):
            return  # (headings read without a 指标值 column: an evaluation framework's score sheet, or a column missed)
        rows = [item for item in ctx.recomputation.indicators if _answered(item)]
        if len(rows) < _UNTARGETED_ROWS or any(item.has_target for item in rows):
            return
        yield self.finding(ctx, column="指标值", count=len(rows), example=rows[0].name,
                           actual=rows[0].actual.strip(), guessed=any(item.guessed for item in rows),
                           fix="填写各项指标的年度指标值（批复的绩效目标），据以判断完成程度和计分")


# what one unit of money is in 元: an amount written 万 or 万元 (or 亿元) on a cost row against the money table's
_YUAN = {"元": Decimal(1), "万": Decimal(10000), "万元": Decimal(10000), "亿": Decimal(10) ** 8, "亿元": Decimal(10) ** 8}
_COST = "成本指标"
_SPENT_SLACK = Decimal("0.005")  # a share of the budget left unspent that rounding of the printed figures explains


class CostActualIsBudget(AuditRule):
    code = "JXA40"
    name = "cost-actual-is-budget"
    title = "成本指标的实际完成值照抄预算数"
    severity = Severity.WARNING
    source = ACTUALS
    message = ("成本指标“{indicator}”的实际完成值写“{actual}”，正是全年预算数 {budget}，而全年执行数只有 {spent}："
               "实际成本照抄了预算，不是实际花费")
    docs = AuditDocs(
        what="成本指标的实际完成值是实际花了多少钱。写成一个金额、恰好等于资金表的全年预算数（或年初预算数），"
             "而资金表的全年执行数明显少于预算的，实际完成值照抄了预算，不是实际成本（成本指标因此照样得满分的，"
             "得分也没有依据）。金额按其单位（元、万元、亿元）换算，与按元或万元印的预算数比较。",
        formula="二级（或一级）指标为成本指标，实际完成值 = 预算数（换算单位后），全年执行数 < 预算数 × 99.5%",
        setting="无",
        example="运行维护费成本指标实际完成值“150万”，全年预算数 150 万元、全年执行数 125.25 万元：报告本规则；"
                "执行数也是 150 万元的不报告。")

    def check(self, ctx: AuditContext) -> Iterator[Finding]:
        report = ctx.sheet.evaluation
        if report is None or report.spent is None:
            return
        budgets = [budget for budget in (report.budget_full, report.budget_initial) if budget]
        for item in ctx.recomputation.indicators:
            if _COST not in (item.level1, item.level2) or not _answered(item):
                continue
            actual = parse_target(item.actual)
            per = _YUAN.get(actual.unit or "")
            if actual.value is None or per is None or actual.operator is not None:
                continue
            # (the money table prints 万元 or 元: the actual is held against the budget in either)
            budget = next((budget for budget in budgets if actual.value * per in (budget, budget * _YUAN["万元"])), None)
            if budget is not None and report.spent < budget * (1 - _SPENT_SLACK):
                yield self.finding(ctx, indicator=item.name, row=item.row, column="实际完成值", actual=item.actual.strip(),
                                   budget=number(budget), spent=number(report.spent), guessed=item.guessed,
                                   fix="按实际支出填写成本指标的实际完成值，并据此复核得分")


ACTUAL_RULES = (ActualRestatesTarget(), TargetFarExceeded(), OutputsAheadOfSpending(), ActualsCopiedFromTargets(),
                TargetsArePoints(), ActualsWithoutTargets(), CostActualIsBudget())
