"""Units: a rate in %, at most 100; a count in a count unit; a duration in a time unit; money in 元/万元."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.model import (
    GoalSheet,
    Indicator,
    MoneyUnit,
    NoteCode,
    Operator,
    Severity,
    UnitKind,
    parse_target,
    unit_kind,
)
from jixiao.model.amounts import amount_text
from jixiao.model.lexicon import fold
from jixiao.review.context import SheetContext
from jixiao.review.finding import Applicability, Confidence, Dimension, Finding
from jixiao.review.lexicon import (
    Kind,
    after_event,
    bare_name,
    is_growth,
    is_not_spent,
    names_counted_work,
    states_share,
    suggested_unit,
)
from jixiao.review.rule import Rule, RuleDocs
from jixiao.review.rules.form import measures_money, target_fix
from jixiao.review.sources import CORE_2021, GOALS_2015

_SPECIFIC = GOALS_2015.at("第十二条（细化量化）")
# Money units as multiples of 万元, the unit budgets are compared in.
TO_WAN = {"万元": Decimal(1), "元": Decimal("0.0001"), "千元": Decimal("0.1"), "亿元": Decimal(10000)}


def budget_in_wan(sheet: GoalSheet) -> Decimal | None:
    """The sheet's budget total in 万元 (tables in 元 are converted), or None when it gives none."""
    total = sheet.budget.total
    if total is None:
        return None
    return total / 10000 if sheet.money_unit is MoneyUnit.YUAN else total


def _confidence(ctx: SheetContext, indicator: Indicator) -> Confidence:
    # Reading the kind from the description, or a unit from it, is an inference about the preparer's intent.
    facts = ctx.fact(indicator)
    return Confidence.INFERENCE if facts.from_description or indicator.target.unit_inferred else Confidence.HIGH


def _unit_in_description(indicator: Indicator, kind: UnitKind) -> str | None:
    """A unit of ``kind`` written after a number in the description (24400人 → 人)."""
    for piece in (indicator.description or "", indicator.target.leftover or ""):
        for start in range(len(piece)):
            if piece[start].isdigit() and (start == 0 or not piece[start - 1].isdigit()):
                unit = parse_target(piece[start:]).unit
                if unit and unit_kind(unit) is kind:
                    return unit
    return None


class RateNotInPercent(Rule):
    code = "JX301"
    name = "rate-not-in-percent"
    title = "比率类指标未用百分比"
    severity = Severity.ERROR
    dimension = Dimension.FORM
    source = _SPECIFIC
    message = "指标“{indicator}”是比率，指标值“{raw}”的单位却是“{unit}”，应使用%"
    message_satisfaction = "指标“{indicator}”是满意度，指标值“{raw}”的单位却是“{unit}”，应使用%"
    fix_changes = frozenset({"unit"})
    docs = RuleDocs(
        what="名称为“…率”“…比例”“…满意度”的指标，指标值单位是否为%。自评表、监控表是对已批复目标的报告，为警告；"
        "指标值是时限（检测及时率 ≤7工作日）的，指标值本身可以考核，只是名称用了“率”，也为警告。",
        why="比率和满意度是百分数；写成“个”“人”等单位，说明指标名称与指标值不是同一回事。",
        bad="设施正常使用率 | ≥18个",
        good="设施正常使用率 | ≥95%",
        fix="把单位改为%，并按比率重新确定数值；若要表达数量，改指标名称。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            kind, target = ctx.fact(indicator).kind, indicator.target
            if kind not in (Kind.RATE, Kind.SATISFACTION) or not target.unit or target.unit in ("%", "‰"):
                continue
            fix = target_fix(indicator, f"{target.operator or ''}{target.value}%", Applicability.NEEDS_HUMAN,
                             "单位改为%并核实数值")
            # A report on approved goals is not returned for the goals' wording (corpus 170): the mismatch is noted.
            # So is a rate given as a time limit (检测及时率 | ≤7工作日, corpus 279): the value is a checkable 时效
            # target, only the name is a rate's.
            time_limit = unit_kind(target.unit) is UnitKind.TIME
            yield self.finding(ctx, indicator=indicator, column="target", fix=fix,
                               severity=None if ctx.sets_goals and not time_limit else Severity.WARNING,
                               confidence=_confidence(ctx, indicator), raw=target.raw, unit=target.unit,
                               template=self.message_satisfaction if kind is Kind.SATISFACTION else None)


class PercentOver100(Rule):
    code = "JX302"
    name = "percent-over-100"
    title = "百分比超过100%"
    severity = Severity.ERROR
    dimension = Dimension.FEASIBILITY
    source = _SPECIFIC
    message = "指标“{indicator}”的指标值“{raw}”超过100%，比率不可能达到"
    fix_changes = frozenset({"value"})
    docs = RuleDocs(
        what="以%为单位的指标值是否超过100（增长率等可以超过100%的除外）。数值像是识别错误的（“292%”可能是“≥92%”，"
        "见 JX909）为警告，对照原件改正即可。",
        why="比率、覆盖率、满意度最多100%；超过100%的目标要么单位写错，要么数值写错。",
        bad="设施正常使用率 | ≥120%",
        good="设施正常使用率 | ≥95%",
        fix="核实数值；若实际是人数、个数等，改用相应单位（见 JX303）。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            target, kind = indicator.target, ctx.fact(indicator).kind
            if target.unit != "%" or target.value is None or kind in (Kind.COUNT, Kind.DURATION, Kind.MONEY):
                continue  # a count or duration in % is JX303/JX304's, with a better fix
            top = target.value_max if target.value_max is not None else target.value
            if top > 100 and not is_growth(indicator.name):
                fix = target_fix(indicator, f"{target.operator or ''}100%", Applicability.DISPLAY_ONLY,
                                 "核实数值，比率不超过100%")
                # 292% is likely ≥92% misread (JX909): corrected against the original, not returned for.
                severity = Severity.WARNING if target.has_note(NoteCode.OCR_SUSPECTED) else None
                yield self.finding(ctx, indicator=indicator, column="target", fix=fix, raw=target.raw,
                                   severity=severity)


class CountInPercent(Rule):
    code = "JX303"
    name = "count-in-percent"
    title = "数量类指标用了百分比"
    severity = Severity.ERROR
    dimension = Dimension.FORM
    source = _SPECIFIC
    message = "“{subject}”是数量，指标“{indicator}”的指标值“{raw}”却以%计，应改为“{operator}{value}{unit}”"
    # ≥100% of a count: the count itself is not known
    message_unknown = "“{subject}”是数量，指标“{indicator}”的指标值“{raw}”却以%计，应改为“{operator}N{unit}（N为实际数量）”"
    # a 数量指标 row named for the work done (全年免费开放 | 100%): what it counts is not named, so no unit is given
    message_work = "数量指标“{indicator}”的指标值“{raw}”以%计，看不出做了多少，应写明数量（天数、次数、人次…）"
    fix_changes = frozenset({"unit", "value"})
    docs = RuleDocs(
        what="名称（或名称不明确时的指标描述）表明是数量（…数、…个数、数量、人数、次数）的指标，指标值是否用了%。"
        "放在数量指标下、名称是一项工作（全年免费开放、文保单位抢险维修）的指标，指标值只是一个百分数的，同样报告"
        "（警告：该计什么由编报单位确定）；名称说的是比例或状态（…覆盖、任务完成、资金到位、正常运行）、目的（满足…需求）、"
        "时间的，或名称里已写了数量的，百分数有其所指，不在此报告。",
        why="数量用%表示没有意义：“≥24400%”的受益人口数既不是人数也不是比率；“全年免费开放 100%”说不出开放了多少天、"
        "接待了多少人次。",
        bad="受益人口数 | 24400人 | ≥24400%",
        good="受益人口数 | 全乡常住人口 | ≥24400人",
        fix="单位改为数量单位（人、个、件、次…）；说明文字中写有“24400人”的，采用其单位；名称是一项工作的，写明计数"
        "（全年免费开放天数 ≥300天）。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            facts, target = ctx.fact(indicator), indicator.target
            if target.unit != "%" or target.value is None:
                continue
            if facts.kind is None and self._counts_work(ctx, indicator):
                yield self.finding(ctx, indicator=indicator, column="target", template=self.message_work,
                                   severity=Severity.WARNING, confidence=Confidence.INFERENCE, raw=target.raw)
                continue
            if facts.kind is not Kind.COUNT:
                continue
            subject = indicator.description if facts.from_description else indicator.name
            unit = _unit_in_description(indicator, UnitKind.COUNT) or suggested_unit(Kind.COUNT, subject or "") or "个"
            operator = (target.operator or Operator.GE).value
            suggested, slots = f"{operator}{target.value}{unit}", {"value": target.value}
            applicability = Applicability.NEEDS_HUMAN
            if target.value <= 100:
                # ≥100% of a count usually meant "all of them": the number itself is unknown.
                suggested, applicability = f"{operator}N{unit}（N为实际数量）", Applicability.DISPLAY_ONLY
                slots = {"template": self.message_unknown}
            fix = target_fix(indicator, suggested, applicability, "单位改为“{unit}”", unit=unit)
            yield self.finding(ctx, indicator=indicator, column="target", fix=fix,
                               confidence=_confidence(ctx, indicator), subject=subject, raw=target.raw,
                               operator=operator, unit=unit, **slots)


    @staticmethod
    def _counts_work(ctx: SheetContext, indicator: Indicator) -> bool:
        """True for a 数量指标 row named for a piece of work (全年免费开放, corpus 206) whose target is a bare percentage:
        the count of that work is what the level asks for. A cell saying what the percentage is of (完成90%: the share
        of the work done, corpus 224) or with other words beside it (JX203's) is no count written as a share; a row
        about the money itself (JX915's) is not a count."""
        target = indicator.target
        return indicator.level2 in _QUANTITY_LEVELS and not target.leftover and not target.is_date \
            and not states_share(target.raw) and names_counted_work(indicator.name) \
            and not measures_money(ctx, indicator)


# The 二级 level of counts, in the 2018 framework and the older forms' 产出目标 (kept as written, corpus 220)
_QUANTITY_LEVELS = ("数量指标", "数量目标")


class DurationNotInTimeUnit(Rule):
    code = "JX304"
    name = "duration-not-in-time-unit"
    title = "时长、年限类指标未用时间单位"
    severity = Severity.ERROR
    dimension = Dimension.FORM
    source = _SPECIFIC
    message = "指标“{indicator}”是时长或年限，指标值“{raw}”却不是时间单位，应以“{unit}”计"
    fix_changes = frozenset({"unit", "value"})
    docs = RuleDocs(
        what="名称为“…年限”“…时长”“…时限”“…周期”的指标，指标值是否以年、月、天、小时等时间单位计。",
        why="“使用年限≥100%”无法核对：年限要写成年数。",
        bad="环保设施使用年限 | ≥100%",
        good="环保设施使用年限 | ≥5年",
        fix="改用时间单位并填写实际年限或时长。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            facts, target = ctx.fact(indicator), indicator.target
            if facts.kind is not Kind.DURATION or not target.unit or unit_kind(target.unit) is UnitKind.TIME:
                continue
            unit = suggested_unit(Kind.DURATION, indicator.name) or "天"
            fix = target_fix(indicator, f"{(target.operator or Operator.GE).value}N{unit}（N为实际{unit}数）",
                             Applicability.DISPLAY_ONLY, "单位改为“{unit}”并填写实际数值", unit=unit)
            yield self.finding(ctx, indicator=indicator, column="target", fix=fix,
                               confidence=_confidence(ctx, indicator), raw=target.raw, unit=unit)


class CountInTimeUnit(Rule):
    code = "JX309"
    name = "count-in-time-unit"
    title = "数量指标用了时间单位"
    severity = Severity.WARNING
    dimension = Dimension.FORM
    source = _SPECIFIC
    message = "数量指标“{indicator}”数的是物或事，指标值“{raw}”却以“{unit}”计"
    docs = RuleDocs(
        what="数量指标下名称不说时间（没有天、月、年、期、时之类字样，也不是年限、时长、天数）的指标，指标值是否以年、月、"
        "天等时间单位计（横幅、宣传牌 =1年）。开放天数、服务月数这类数时间的指标不在此报告。",
        why="数的是横幅、宣传牌，单位写“年”，看不出做多少：1年可能是1块，也可能是100块，年底无从核对。",
        bad="产出指标 | 数量指标 | 制作宣传横幅、公益宣传牌数量 | =1年",
        good="产出指标 | 数量指标 | 制作宣传横幅、公益宣传牌数量 | ≥20块",
        fix="改用所数之物的单位（块、个、场）并填写数量；确是时间要求的，移到时效指标下。",
    )

    # Words of a name that speaks of time (开放天数, 服务月数, 工期): its figure may well be in days or months.
    _TIME_WORD = re.compile(r"[天日月年时期周季]")

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            target = indicator.target
            if indicator.level2 != "数量指标" or not target.is_quantitative or not target.unit or "/" in target.unit:
                continue
            # The unit a name closes with (…宣传牌等(年)) is the unit column's, not what the row counts.
            name = bare_name(indicator.name)
            if unit_kind(target.unit) is UnitKind.TIME and ctx.fact(indicator).kind is not Kind.DURATION \
                    and not self._TIME_WORD.search(name):
                yield self.finding(ctx, indicator=indicator, column="target", raw=target.raw, unit=target.unit,
                                   confidence=_confidence(ctx, indicator))


class MoneyNotInMoneyUnit(Rule):
    code = "JX305"
    name = "money-not-in-money-unit"
    title = "金额类指标未用货币单位"
    severity = Severity.ERROR
    dimension = Dimension.FORM
    source = CORE_2021.at("（成本指标）")
    message = "指标“{indicator}”是金额或成本，指标值“{raw}”的单位却是“{unit}”，应以元或万元计"
    message_per_base = "指标“{indicator}”是金额或成本，指标值“{raw}”的单位“{unit}”漏写了“元”，应为“元/{unit}”"
    docs = RuleDocs(
        what="名称为“…成本”“…费用”“…经费”“…资金”的指标，指标值是否以元、万元等货币单位计。成本指标下为错误；"
        "其他类别下（数量指标“安置小区物业费 | 8个”）多是名称没有写清所数的对象，为警告；单位是“每…”的（差旅费 | "
        "470 人/天），是按人、按天的标准漏写了“元”，也为警告。",
        why="成本指标要与预算比对；不用货币单位就无法判断产出与投入是否匹配。",
        bad="人均调解经费 | ≤100%",
        good="人均调解经费 | ≤500元/人",
        fix="改用元或万元，并与预算数核对。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            facts, target = ctx.fact(indicator), indicator.target
            if facts.kind is not Kind.MONEY or unit_kind(target.unit) in (UnitKind.MONEY, None):
                continue  # a unit measuring nothing known (/株, 万/月: the 元 left out) is the target notes' to report
            # A cost row without an amount cannot be held against the budget: returned. Elsewhere a money-named row
            # counted in pieces (安置小区物业费 | 8个: the compounds whose fees are settled) has a name to rewrite; and
            # a unit per a base (差旅费 | 470 人/天, corpus 300) is a standard per person and day whose 元 was left out,
            # as 每亩300 is (JX202's): an amount whose unit is incomplete, fixed by agreement.
            per_base = "/" in (target.unit or "")
            severity = None if ctx.is_cost_row(indicator) and not per_base else Severity.WARNING
            yield self.finding(ctx, indicator=indicator, column="target", confidence=_confidence(ctx, indicator),
                               raw=target.raw, unit=target.unit, severity=severity,
                               template=self.message_per_base if per_base else None)


# People are counted in 人, households in 户, attendances in 人次: one written in another of these is another figure.
_PEOPLE_UNITS = frozenset({"人", "户", "人次"})


class PeopleCountInOtherUnit(Rule):
    code = "JX307"
    name = "people-count-in-other-unit"
    title = "人数、户数、人次的单位互相混用"
    severity = Severity.WARNING
    dimension = Dimension.FORM
    source = _SPECIFIC
    message = "指标“{indicator}”按名称应以“{expected}”计，指标值“{raw}”却以“{unit}”计"
    docs = RuleDocs(
        what="名称是人数（人口数）、户数或人次的指标，指标值是否用了另外两种单位之一（人口数写“户”，培训人次写“人”）；"
        "名称里写着指标值的数字和人、户或人次的（“村组干部230人”），指标值应以这个单位计，写成“个”或另两种单位之一的也报告。"
        "人数写成人次（接待观众人数 =30000人次）是按人次接待的通常写法，不报告。",
        why="人数、户数和人次是不同的数：10户可能是40人，300人次可能只有100人；单位与名称不一致，年底无法按同一口径统计实际值。",
        bad="受益脱贫户、监测户人口数 | ≥10户",
        good="受益脱贫户、监测户人口数 | ≥40人\n（或把名称改为“受益脱贫户、监测户户数”，指标值仍为“≥10户”）",
        fix="按名称改单位并核实数值，或改名称使之与单位一致。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            target = indicator.target
            # A name that writes the target's own figure with a unit of people (村组干部230人 | ≥230个, corpus 003) says
            # what the figure counts, whatever the name's kind.
            named = _people_unit_in_name(indicator)
            if named is None and (ctx.fact(indicator).kind is not Kind.COUNT or ctx.fact(indicator).from_description):
                continue
            expected = named or suggested_unit(Kind.COUNT, indicator.name)
            if (expected, target.unit) == ("人", "人次"):
                continue  # visitors (接待观众人数) are counted per visit: a head count in 人次 is the usual figure
            # (people counted as 个 are miscounted too where the name says whom the figure counts; 名, 位 are 人)
            counted = target.unit in _PEOPLE_UNITS or (named is not None and target.unit == "个")
            if expected in _PEOPLE_UNITS and counted and target.unit != expected:
                fix = target_fix(indicator, target.raw, Applicability.DISPLAY_ONLY,
                                 "单位改为“{expected}”并核实数值，或改名称使之与“{unit}”一致",
                                 expected=expected, unit=target.unit)
                yield self.finding(ctx, indicator=indicator, column="target", fix=fix, raw=target.raw,
                                   expected=expected, unit=target.unit)


def _people_unit_in_name(indicator: Indicator) -> str | None:
    """The unit of people (人, 户, 人次) the name writes right after the target's own figure (村组干部230人 for a
    target of 230), or None."""
    value = indicator.target.value
    if value is None:
        return None
    stated = re.search(rf"(?<![\d.]){re.escape(f'{value.normalize():f}')}\s*(人次|人|户)", fold(indicator.name or ""))
    return stated.group(1) if stated else None


class CountInOtherMeasureWord(Rule):
    code = "JX953"
    name = "count-in-other-measure-word"
    title = "计数指标的单位与名称中的量词不同"
    severity = Severity.INFO
    dimension = Dimension.FORM
    source = _SPECIFIC
    message = "指标“{indicator}”按名称数的是“{expected}”，指标值“{raw}”却以“{unit}”计，看不出是否同一口径"
    docs = RuleDocs(
        what="名称以量词结尾的计数指标（…批次、…场次、…车次，或…场数、…篇数、…株数、…家数这样“量词+数”的），指标值是否"
        "用了另一个量词（抽检批次写“组”，活动场数写“次”）。写成量词的简写（批次写“次”或“批”）、通用的“个”不报告；"
        "“量词+数”的指标值以人、户、人次计的，数的是这件事所为的人（早孕建册数 | 120人），也不报告；人数、户数、人次"
        "由 JX307 检查。",
        why="批次和组、场和次不是同一个数：100组样品可能只是几个批次；单位与名称不一致，年底无法按同一口径统计实际值。",
        bad="监督抽检批次 | ≥100组",
        good="监督抽检批次 | ≥100批次",
        fix="按名称改单位并核实数值，或改名称使之与单位一致。",
    )

    # The name's closing measure word: one counted in itself (批次), or a measure word and 数 (场数 counts 场).
    _MEASURED = re.compile(r"(批次|场次|架次|车次|台次|班次|航次|[批场篇株台套条处座家所项辆艘]数)$")

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            target = indicator.target
            found = self._MEASURED.search(fold(indicator.name or "").strip())
            if found is None or target.value is None or target.unit_inferred or unit_kind(target.unit) is not \
                    UnitKind.COUNT or ctx.fact(indicator).from_description:
                continue
            word = found.group(1)
            expected = word[:-1] if word.endswith("数") else word
            # the word itself, its short forms (批次 as 次 or 批), and 个, the counter any count may be written in; a
            # head count for a …数 counts the people the word's act was for (早孕建册数 | 120人, corpus 170)
            if target.unit in {expected, expected[0], expected[-1], "个"} \
                    or (word.endswith("数") and target.unit in _PEOPLE_UNITS):
                continue
            fix = target_fix(indicator, target.raw, Applicability.DISPLAY_ONLY,
                             "单位改为“{expected}”并核实数值，或改名称使之与“{unit}”一致",
                             expected=expected, unit=target.unit)
            yield self.finding(ctx, indicator=indicator, column="target", fix=fix, raw=target.raw,
                               expected=expected, unit=target.unit)


class DateInPercent(Rule):
    code = "JX308"
    name = "date-indicator-in-percent"
    title = "完成时间类指标写成百分比"
    severity = Severity.WARNING
    dimension = Dimension.FORM
    source = _SPECIFIC
    message = "指标“{indicator}”是完成时间，指标值“{raw}”却是百分比，应写明日期"
    docs = RuleDocs(
        what="名称为“…完成时间”“…日期”“…时间节点”的指标，指标值是否写成了百分比而不是日期。",
        why="“项目完成时间 100%”说不出何时完成，年中监控和年底自评都无法比对进度。",
        bad="项目完成时间 | 100%",
        good="项目完成时间 | 2019年12月底前",
        fix="写明完成日期（如“12月底前”）；要衡量按时完成的比例，把名称改为“按时完成率”。",
    )

    _DATE_NAME = re.compile(r"(完成时间|完工时间|时间节点|日期)$")

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            target = indicator.target
            if target.unit == "%" and self._DATE_NAME.search(fold(indicator.name)):
                fix = target_fix(indicator, target.raw, Applicability.DISPLAY_ONLY, "写明完成日期，如“12月底前”")
                yield self.finding(ctx, indicator=indicator, column="target", fix=fix, raw=target.raw)


class UnitColumnContradictsTarget(Rule):
    code = "JX310"
    name = "unit-column-contradicts-target"
    title = "计量单位栏与指标值的单位不符"
    severity = Severity.WARNING
    dimension = Dimension.FORM
    source = _SPECIFIC
    message = "指标“{indicator}”的指标值“{raw}”以“{unit}”计，计量单位栏却写“{written}”"
    docs = RuleDocs(
        what="有计量单位（度量单位）栏的表样中，指标值自己写了单位（28.8万元）时，计量单位栏写的是否是另一类单位（%）。"
        "两处单位同类（万元与元）或计量单位栏写的不是单位的，不在此报告。",
        why="同一行给出两种单位，说不清目标是金额还是比率；年底自评按哪一种取实际值、怎样打分都无从确定。",
        bad="业务工作支出安排金额 | 28.8万元 | 计量单位：%",
        good="业务工作支出安排金额 | ≤12万元 | 计量单位：万元",
        fix="核实这一行衡量的是什么，指标值和计量单位栏写同一个单位。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            target, column = indicator.target, indicator.unit_column
            if not target.is_quantitative or unit_kind(target.unit) is None or unit_kind(column) is None:
                continue  # a unit column holding a figure or a word gives no unit to compare with
            if unit_kind(column) is not unit_kind(target.unit):
                fix = target_fix(indicator, target.raw, Applicability.DISPLAY_ONLY,
                                 "核实衡量的是什么，指标值与计量单位栏写同一个单位")
                yield self.finding(ctx, indicator=indicator, column="target", fix=fix, raw=target.raw,
                                   unit=target.unit, written=(indicator.unit_column_raw or column).strip())


class TimelinessInCount(Rule):
    code = "JX311"
    name = "timeliness-in-count"
    title = "按时、按月类要求以人数或次数计"
    severity = Severity.WARNING
    dimension = Dimension.FORM
    source = _SPECIFIC
    message = "指标“{indicator}”是时间要求（{word}），指标值“{raw}”却以“{unit}”计，看不出是否按时：应写及时率（%）或完成时限"
    docs = RuleDocs(
        what="名称是按时、及时、按月……做某事（按时发放、按月发放）、而不落在可计数的名词上（……人数、……次数）的指标，"
        "指标值是否以人、个、次等计数单位计（按时发放 ≥1人/年，按月发放 =1次）。频次（1次/月）是时间要求，"
        "名称本身是数量的（及时办结案件数）数的是件数，从某事之后起算的时限（1-6期培训结束后及时考核）数的是哪几次，都不在此报告。",
        why="“按时发放=1次”说不出是否每月按时发放：全年按月发放应为12次，或写发放及时率、发放时限；"
        "以人数计的更无从核对（语料 003、121）。",
        bad="产出指标 | 时效指标 | 按月发放 | =1次",
        good="产出指标 | 时效指标 | 补助按月发放及时率 | =100%",
        fix="改写为及时率（%）或完成时限（每月10日前），或按全年写次数（按月发放=12次）。",
    )

    _ON_TIME = re.compile(r"按时|及时|按期|按月|按季|逐月|准时")
    _COUNTED_NAME = re.compile(r"(率|数|量|次|人|户|个|件|批|项)$")

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            target, name = indicator.target, bare_name(indicator.name)
            word = self._ON_TIME.search(name)
            if word is None or self._COUNTED_NAME.search(name) or not target.unit or target.value is None:
                continue
            if after_event(target.raw):
                continue  # 1-6期培训结束后及时考核 (corpus 219): the time runs from each event, the figure names the events
            counted, _, per = target.unit.partition("/")
            frequency = counted == "次" and unit_kind(per) is UnitKind.TIME  # 1次/月 is a schedule
            if unit_kind(counted) is UnitKind.COUNT and not frequency:
                yield self.finding(ctx, indicator=indicator, column="target", raw=target.raw, unit=target.unit,
                                   word=word.group(0), confidence=Confidence.INFERENCE)


# A period written from one month to another (2020年1月--2020年11月, 2023年1月至12月).
_MONTH_SPAN = re.compile(r"(\d{4})年(\d{1,2})月[^\d]{0,3}(?:(\d{4})年)?(\d{1,2})月")


def _monthly_cost(ctx: SheetContext, indicator: Indicator) -> Decimal | None:
    """The 万元 a cost row spends per month (≤620万元/月; a bare 万 under 成本指标 is 万元), or None."""
    target = indicator.target
    numerator, _, per = fold(target.unit or "").partition("/")
    if per != "月" or target.value is None or "人均" in indicator.name:
        return None
    factor = TO_WAN.get(numerator) or (Decimal(1) if numerator == "万" and ctx.is_cost_row(indicator) else None)
    return target.value * factor if factor is not None else None


def _months_stated(sheet: GoalSheet) -> int | None:
    """The months of the first period from one month to another that the sheet's indicators write, if any, up to a
    year."""
    for indicator in sheet.indicators:
        for text in (indicator.target.raw, indicator.name):
            span = _MONTH_SPAN.search(fold(text or ""))
            if span:
                start_year, start, end_year, end = span.groups()
                months = (int(end_year or start_year) - int(start_year)) * 12 + int(end) - int(start) + 1
                if 1 <= months <= 12:
                    return months
    return None


class CostAboveBudget(Rule):
    code = "JX306"
    name = "cost-above-budget"
    title = "成本指标超过预算"
    severity = Severity.ERROR
    dimension = Dimension.APPROPRIATENESS
    source = GOALS_2015.at("第十二条（相应匹配）")
    message = "指标“{indicator}”的金额“{raw}”（合{amount}万元）超过项目预算{budget}万元"
    message_monthly = "指标“{indicator}”的金额“{raw}×{months}个月”（合{amount}万元）超过项目预算{budget}万元"
    docs = RuleDocs(
        what="以元/万元计的总成本类指标值是否超过项目预算数（人均、单价等单位成本除外；效益指标下的收入、产值是结果，"
        "不是成本，也除外；担保或贴息的贷款、带动的社会投资不从预算中支出，也除外）。自评表的目标是按年初预算设定的："
        "全年预算调减时，以年初预算数为准；自评表、监控表报告的是年初已批复的目标，超过预算的成本目标是下一年设定目标时"
        "要改正的，为警告。每月的成本（≤620万元/月）按表中写明的期间（2020年1月—2020年11月，合11个月）或全年12个月"
        "累计，超过预算的同样报告；这是按期间推算的，为警告。",
        why="绩效目标要与预算相应匹配：计划花的钱比预算还多，目标就不可行。",
        bad="预算数 15.00万元；维稳经费支出 ≤18万元",
        good="预算数 15.00万元；矛盾纠纷调处经费 ≤9万元；普法宣传经费 ≤6万元",
        fix="核对成本指标与预算数，二者应一致或成本不超过预算。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        budget = budget_in_wan(ctx.sheet)
        if budget is None:
            return
        evaluation = ctx.sheet.evaluation
        if evaluation is not None and evaluation.budget_initial:
            # a self-evaluation's targets were set against the budget at the year's start: a cost within it is within
            # the budget, though the year's adjusted budget (the sheet's total) came out lower
            initial = evaluation.budget_initial
            budget = max(budget, initial / 10000 if ctx.sheet.money_unit is MoneyUnit.YUAN else initial)
        months = None
        for indicator in ctx.sheet.indicators:
            target = indicator.target
            monthly = _monthly_cost(ctx, indicator)
            if monthly is not None:
                # A cost per month is spent every month of the period the sheet states (corpus 122: ≤620万/月 over
                # 2020年1月--2020年11月 is 6820万元 on a 5652万元 budget), else of the year.
                months = months or _months_stated(ctx.sheet) or 12
                if monthly * months > budget:
                    yield self.finding(ctx, indicator=indicator, column="target", severity=Severity.WARNING,
                                       confidence=Confidence.INFERENCE, template=self.message_monthly,
                                       raw=target.raw, months=months,
                                       amount=f"{(monthly * months).normalize():f}", budget=amount_text(budget))
                continue
            factor = TO_WAN.get(target.unit or "")
            if factor is None or target.value is None or "/" in fold(target.unit or "") or "人均" in indicator.name:
                continue
            if ctx.level1_of(indicator) == "效益指标" or is_not_spent(indicator.name):
                continue  # an income or an output value (林产品收入 2.6亿元, corpus 169) is a result, not a cost; loans
                # guaranteed or investment drawn in (创业担保贷款发放额 4000万元, corpus 227) are not spent from the budget
            amount = target.value * factor
            if amount > budget:
                # A report states the target approved a year before: its reviewer notes the cost set too high for the
                # next year's sheet and does not return the report for it (corpus 248: warning).
                severity = None if ctx.sets_goals else Severity.WARNING
                yield self.finding(ctx, indicator=indicator, column="target", raw=target.raw, severity=severity,
                                   amount=f"{amount.normalize():f}", budget=amount_text(budget))
