"""规范性 / measurability: a target states an operator, a number and a unit, and nothing else."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.model import Indicator, NoteCode, Operator, Severity, UnitKind, unit_kind
from jixiao.review.context import SheetContext
from jixiao.review.finding import Applicability, Confidence, Dimension, Edit, Finding, Fix
from jixiao.review.lexicon import Kind, suggested_unit, vague_word
from jixiao.review.rule import Rule, RuleDocs
from jixiao.review.sources import EVALUATION_2020, GOALS_2015

_SPECIFIC = GOALS_2015.at("第十二条（细化量化）")

def target_fix(indicator: Indicator, after: str, applicability: Applicability, summary: str) -> Fix:
    """A fix that rewrites the whole 指标值 cell of ``indicator`` as ``after``."""
    edit = Edit(field="target", before=indicator.target.raw, after=after, row=indicator.row, indicator=indicator.name)
    return Fix(applicability=applicability, summary=summary, edits=(edit,))


def clean_target(ctx: SheetContext, indicator: Indicator) -> str:
    """The target as it should be written: operator, value and unit, the unit suggested by the name if absent."""
    target = indicator.target
    if target.value is None:
        return target.display()
    if ctx.fact(indicator).reverse and target.operator in (Operator.GE, Operator.GT):
        target = target.model_copy(update={"operator": Operator.LE})  # JX401 asks for the bound to be turned
    if target.unit:
        return target.display()
    kind = ctx.fact(indicator).kind
    unit = suggested_unit(kind, indicator.name or indicator.description or "") if kind else None
    return target.display() + (unit or "")


def unit_conflicts(ctx: SheetContext, indicator: Indicator) -> bool:
    """True when the target's unit contradicts what the indicator measures (a count in %, a rate in 个).

    The unit rules (JX301, JX303–JX305) then rewrite the whole cell, so the form rules stay silent on it.
    """
    kind, unit = ctx.fact(indicator).kind, indicator.target.unit
    if kind is None or unit is None:
        return False
    if kind in (Kind.RATE, Kind.SATISFACTION):
        return unit not in ("%", "‰")
    expected = {Kind.COUNT: UnitKind.COUNT, Kind.DURATION: UnitKind.TIME, Kind.MONEY: UnitKind.MONEY}[kind]
    return unit == "%" if kind is Kind.COUNT else unit_kind(unit) is not expected


class MissingOperator(Rule):
    code = "JX201"
    name = "target-without-operator"
    title = "指标值缺少运算符"
    severity = Severity.INFO
    dimension = Dimension.FORM
    source = _SPECIFIC
    message = "指标“{indicator}”的指标值“{raw}”没有写明≥、≤或=，无法判断是下限还是上限"
    docs = RuleDocs(
        what="数值型指标值是否带有运算符（≥ ≤ = 或“不低于”“不超过”等）。",
        why="只写一个数，看不出是至少要达到还是不得超过；年底自评打分时方向会算反。",
        bad="指标值：90%",
        good="指标值：≥90%",
        fix="在数值前加上运算符：越多越好用“≥”，越少越好用“≤”，必须恰好达到用“=”。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            target = indicator.target
            # A full 100% is exact by nature, a frequency (1次/月) states a rate, and a value without a unit is
            # JX202's: none of these is returned for a missing operator.
            frequency = unit_kind((target.unit or "/").rpartition("/")[2]) is UnitKind.TIME and "/" in (target.unit or "")
            full = target.unit == "%" and target.value == 100
            if target.is_quantitative and target.operator is None and target.unit and not frequency and not full:
                operator = "≤" if ctx.fact(indicator).reverse else "≥"
                with_operator = target.model_copy(update={"operator": Operator(operator)}).display()
                fix = target_fix(indicator, with_operator, Applicability.NEEDS_HUMAN,
                                 f"加上运算符“{operator}”")
                yield self.finding(ctx, indicator=indicator, column="target", fix=fix, raw=target.raw)


class MissingUnit(Rule):
    code = "JX202"
    name = "target-without-unit"
    title = "指标值缺少计量单位"
    severity = Severity.WARNING
    dimension = Dimension.FORM
    source = _SPECIFIC
    message = "指标“{indicator}”的指标值“{raw}”没有计量单位{hint}"
    docs = RuleDocs(
        what="数值型指标值是否写了计量单位（% 个 人 天 万元…），且单位不是只能从说明文字里猜出来。",
        why="“≥100”可以是100%、100人或100个；没有单位，指标值无法比对，也无法汇总。",
        bad="受益群众满意度 | ≥100",
        good="受益群众满意度 | ≥90%",
        fix="在数值后写上计量单位；单位出现在说明文字中的，移到指标值里。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            target = indicator.target
            if not target.is_quantitative or (target.unit and unit_kind(target.unit) and not target.unit_inferred):
                continue  # a unit measuring nothing known (/株, 万/月: the 元 left out) is no unit yet
            if target.unit_inferred and target.leftover:
                continue  # the unit is in the prose of the cell itself: JX203's clean value carries it
            if target.unit_inferred:
                # The unit is in the description next to the same number: moving it is safe.
                fix = target_fix(indicator, target.display(), Applicability.SAFE, f"在指标值中写明单位“{target.unit}”")
                yield self.finding(ctx, indicator=indicator, column="target", fix=fix, confidence=Confidence.INFERENCE,
                                   raw=target.raw, hint=f"（说明文字中为“{target.unit}”）")
                continue
            kind = ctx.fact(indicator).kind
            unit = suggested_unit(kind, indicator.name or indicator.description or "") if kind else None
            fix = None
            if unit:
                fix = target_fix(indicator, f"{target.operator or ''}{target.value}{unit}", Applicability.NEEDS_HUMAN,
                                 f"补上计量单位“{unit}”")
            yield self.finding(ctx, indicator=indicator, column="target", fix=fix, raw=target.raw,
                               hint=f"，按指标名称应为“{unit}”" if unit else "")


class ProseInTarget(Rule):
    code = "JX203"
    name = "target-mixed-with-prose"
    title = "指标值中混有说明文字"
    severity = Severity.WARNING
    dimension = Dimension.FORM
    source = _SPECIFIC
    message = "指标“{indicator}”的指标值“{raw}”混有说明文字“{prose}”，指标值栏应只填“{clean}”"
    docs = RuleDocs(
        what="指标值栏是否只写了目标本身（运算符、数值、单位或定性表述），没有夹带说明文字。",
        why="说明文字属于“绩效指标描述”栏；混在指标值里，系统无法读出目标，监控和自评时容易误读。",
        bad="指标值：≥18全乡18个行政村全覆盖",
        good="绩效指标描述：全乡18个行政村全覆盖\n指标值：≥18个",
        fix="指标值栏只保留目标（如“≥18个”），其余文字移到绩效指标描述栏。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            target = indicator.target
            if not target.leftover or not target.is_quantitative or target.has_note(NoteCode.GLUED_NUMBERS):
                continue  # run-together numbers are JX204's
            if unit_conflicts(ctx, indicator):
                continue  # the unit rule's fix rewrites the whole cell
            clean = clean_target(ctx, indicator)
            fix = target_fix(indicator, clean, Applicability.NEEDS_HUMAN, f"指标值改为“{clean}”，说明文字移入指标描述")
            yield self.finding(ctx, indicator=indicator, column="target", fix=fix, raw=target.raw,
                               prose=target.leftover, clean=clean)


class NumbersRunTogether(Rule):
    code = "JX204"
    name = "target-numbers-run-together"
    title = "指标值数字连写"
    severity = Severity.WARNING
    dimension = Dimension.FORM
    source = _SPECIFIC
    message = "指标“{indicator}”的指标值“{raw}”像是“{clean}”与说明中的数字连写在一起"
    docs = RuleDocs(
        what="指标值中是否有两个数字连在一起（如“≥100100%”是“≥100”与“100%”连写）。",
        why="连写后的数字（100100%）不是任何人想写的目标，监控和自评会按错误的数值比对。",
        bad="指标值：≥100100%",
        good="指标值：≥90%",
        fix="只保留一个数值，并确认它是本年度的目标值。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            if indicator.target.has_note(NoteCode.GLUED_NUMBERS):
                clean = clean_target(ctx, indicator)
                fix = target_fix(indicator, clean, Applicability.NEEDS_HUMAN, f"指标值改为“{clean}”")
                yield self.finding(ctx, indicator=indicator, column="target", fix=fix,
                                   confidence=Confidence.INFERENCE, raw=indicator.target.raw, clean=clean)


class QualitativeInQuantitativeSlot(Rule):
    code = "JX205"
    name = "qualitative-target-for-measurable-indicator"
    title = "可量化指标用了定性指标值"
    severity = Severity.WARNING
    dimension = Dimension.FORM
    source = _SPECIFIC
    message = "指标“{indicator}”是{what}，指标值却写成“{raw}”，应写成具体数值"
    defaults = {"quantitative_level2": ["数量指标", "成本指标", "经济成本指标"]}
    docs = RuleDocs(
        what="名称表明是比率、数量、时长或金额的指标（或位于数量指标、成本指标下的指标），指标值是否为具体数值。",
        why="能量化的指标要量化；“明显提升”“按时”这样的指标值年底无法判断是否完成。",
        bad="产出指标 | 数量指标 | 培训人次 | 明显提升",
        good="产出指标 | 数量指标 | 培训人次 | ≥300人次",
        fix="改写为“运算符+数值+单位”，如“≥300人次”“≥95%”“≤15工作日”。",
    )

    _WHAT = {Kind.RATE: "比率", Kind.SATISFACTION: "满意度", Kind.COUNT: "数量", Kind.DURATION: "时长",
             Kind.MONEY: "金额"}

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        slots = set(self.param(ctx, "quantitative_level2"))
        for indicator in ctx.sheet.indicators:
            target = indicator.target
            if target.is_quantitative or target.is_date or target.is_empty or target.placeholder:
                continue  # a period given as dates (2020年1月--2020年11月) answers a duration
            kind = ctx.fact(indicator).kind
            if kind is None and indicator.level2 not in slots:
                continue
            what = self._WHAT[kind] if kind else f"{indicator.level2}中的指标"
            unit = suggested_unit(kind, indicator.name) if kind else None
            fix = Fix(applicability=Applicability.DISPLAY_ONLY,
                      summary=f"写成“运算符+数值+单位”{f'，单位宜用“{unit}”' if unit else ''}")
            yield self.finding(ctx, indicator=indicator, column="target", fix=fix, raw=target.raw, what=what)


class VagueTarget(Rule):
    code = "JX206"
    name = "vague-qualitative-target"
    title = "定性指标值含糊"
    severity = Severity.WARNING
    dimension = Dimension.FORM
    source = EVALUATION_2020.at("附件（定性指标分档）")
    message = "指标“{indicator}”的指标值“{raw}”只说了方向，没有可核对的标准"
    docs = RuleDocs(
        what="定性指标值是否只是“明显提升”“逐步提高”“良好”“效果良好”“显著改善”“减少”“按时”之类的方向或空话。",
        why="自评时定性指标按“达成预期/部分达成/未达成”分档打分，指标值要写清达到什么状态才算达成。",
        bad="可持续影响指标 | 群众法治意识 | 明显提升",
        good="可持续影响指标 | 群众法治意识 | 达到预期（普法宣传覆盖全部行政村）",
        fix="能量化的写成数值；确需定性的，写清达成的具体状态。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            target = indicator.target
            if target.is_quantitative or ctx.fact(indicator).kind is not None:
                continue  # measurable indicators are JX205's
            if vague_word(target.raw):
                yield self.finding(ctx, indicator=indicator, column="target", confidence=Confidence.INFERENCE,
                                   raw=target.raw)


class UnreadableTarget(Rule):
    code = "JX207"
    name = "unreadable-target"
    title = "指标值无法识别"
    severity = Severity.WARNING
    dimension = Dimension.FORM
    source = _SPECIFIC
    message = "指标“{indicator}”的指标值“{raw}”既不是数值，也不是常见的定性表述"
    docs = RuleDocs(
        what="指标值能否读作数值目标或常见的定性表述（好/较好/达到预期…）。",
        why="读不出目标的指标无法监控，也无法在自评时打分。",
        bad="指标值：见附件",
        good="指标值：≥95%",
        fix="改写为“运算符+数值+单位”，或用规范的定性表述。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            target = indicator.target
            if vague_word(target.raw):
                continue  # a phrase that promises nothing checkable (效果明显) is VagueTarget's (JX206)
            if target.has_note(NoteCode.NOT_UNDERSTOOD) and ctx.fact(indicator).kind is None:
                yield self.finding(ctx, indicator=indicator, column="target", raw=indicator.target.raw)


class ContradictoryOperators(Rule):
    code = "JX208"
    name = "contradictory-operators"
    title = "指标值运算符前后矛盾"
    severity = Severity.ERROR
    dimension = Dimension.FORM
    source = _SPECIFIC
    message = "指标“{indicator}”的指标值“{raw}”前后运算符矛盾"
    docs = RuleDocs(
        what="指标值开头与结尾的运算符是否一致（如“≥90%以内”）。",
        why="同一目标既是下限又是上限，无法判断是否完成。",
        bad="指标值：≥5天以内",
        good="指标值：≤5天",
        fix="只保留一个运算符。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            if indicator.target.has_note(NoteCode.OPERATOR_CONFLICT):
                yield self.finding(ctx, indicator=indicator, column="target", raw=indicator.target.raw)


class UnitWrittenTwice(Rule):
    code = "JX209"
    name = "unit-written-twice"
    title = "计量单位重复书写"
    severity = Severity.INFO
    dimension = Dimension.FORM
    source = _SPECIFIC
    message = "指标“{indicator}”的指标值“{raw}”重复写了计量单位，应为“{clean}”"
    docs = RuleDocs(
        what="指标值中是否把单位写了两遍（如“≥100%百分比”）。",
        why="重复的单位多半是从系统“度量单位”栏粘贴来的，读者会疑惑是两个不同的值。",
        bad="指标值：≥90%,百分比",
        good="指标值：≥90%",
        fix="删去重复的单位。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            target = indicator.target
            if target.has_note(NoteCode.UNIT_REPEATED) and not target.leftover and not unit_conflicts(ctx, indicator):
                clean = target.display()
                fix = target_fix(indicator, clean, Applicability.SAFE, "删去重复的单位")
                yield self.finding(ctx, indicator=indicator, column="target", fix=fix, raw=target.raw, clean=clean)
