"""适当性 / credibility: targets a reviewer would not believe, flagged for a human."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.model import Operator, Severity
from jixiao.model.lexicon import fold
from jixiao.review.context import SheetContext
from jixiao.review.finding import Applicability, Confidence, Dimension, Finding
from jixiao.review.lexicon import Kind, bare_name, data
from jixiao.review.rule import Rule, RuleDocs
from jixiao.review.rules.form import target_fix
from jixiao.review.sources import CORE_2021, GOALS_2015


class SatisfactionNotCredible(Rule):
    code = "JX801"
    name = "satisfaction-target-not-credible"
    title = "满意度目标过高不可信"
    severity = Severity.WARNING
    dimension = Dimension.FEASIBILITY
    source = CORE_2021.at("（满意度指标取值）")
    message = "指标“{indicator}”的满意度目标“{raw}”高于{ceiling}%，难以实现，也难以证实"
    defaults = {"ceiling": 99, "suggested": 90}
    fix_changes = frozenset({"value"})
    docs = RuleDocs(
        what="满意度指标的目标值是否高于审核方案规定的上限（中央默认99%，即只报告100%：中央文件没有规定上限，审核人退回的是"
        "100%，98%、99%照常通过；地方方案可以规定更低的上限）。",
        why="满意度靠抽样调查得出，100%意味着没有一个人不满意，既不现实，也无法在自评时证实；虚高的目标会使自评扣分。",
        bad="受益群众满意度 | ≥100%",
        good="受益群众满意度 | ≥90%",
        fix="按历史调查结果设定，一般为85%～95%。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        ceiling = Decimal(str(self.param(ctx, "ceiling")))
        suggested = self.param(ctx, "suggested")
        for indicator in ctx.sheet.indicators:
            target = indicator.target
            if ctx.fact(indicator).kind is not Kind.SATISFACTION or target.value is None:
                continue
            if target.unit in ("%", None) and target.value > ceiling and target.operator is not Operator.LE:
                fix = target_fix(indicator, f"≥{suggested}%", Applicability.NEEDS_HUMAN,
                                 "按历史调查结果设定，如“≥{suggested}%”", suggested=str(suggested))
                yield self.finding(ctx, indicator=indicator, column="target", fix=fix, raw=target.raw,
                                   ceiling=f"{ceiling.normalize():f}")


class RateTargetTooLow(Rule):
    code = "JX804"
    name = "rate-target-too-low"
    title = "满意度、验收合格率目标定得过低"
    severity = Severity.INFO  # a satisfaction set low is noted (227); works let fail acceptance are a warning (140)
    dimension = Dimension.FEASIBILITY
    source = GOALS_2015.at("第十二条（合理可行）")
    message = "指标“{indicator}”的满意度目标“{raw}”低于{floor}%，等于事先接受较多服务对象不满意，目标定低了"
    message_acceptance = ("指标“{indicator}”的验收合格率目标“{raw}”低于{floor}%，等于事先接受相当一部分项目验收不合格，"
                          "目标定低了")
    defaults = {"satisfaction_floor": 85, "acceptance_floor": 90}
    docs = RuleDocs(
        what="目标表中满意度指标和验收合格率的目标值是否低于审核方案的下限（中央默认满意度85%、验收合格率90%：中央文件"
        "没有规定下限，审核人对满意度“≥80%”、验收合格率“≥86%”提出定低了，满意度85%、90%和验收合格率92%、95%照常通过；"
        "地方方案可以规定别的下限）。上限（≤）和不以%计的值不在此检查；自评表、监控表是对已批复目标的报告，目标的高低"
        "不在那里重审。准确率、合规率这类应为100%的比率由 JX913 报告。满意度定低为提示；验收合格率定低等于允许工程不合格，为警告。",
        why="满意度是服务对象对这笔钱的产出和效果的评价，验收合格率是建成的工程有多少能通过验收；满意度只定80%，等于事先"
        "接受五分之一的服务对象不满意，验收合格率只定86%，等于允许七个项目中有一个验收不合格。这样的目标年底很容易达到，"
        "不能反映项目的质量和效果。",
        bad="服务对象满意度指标 | 申报定向费用补贴金融机构满意度 | ≥80%\n质量指标 | 文物保护项目验收合格率 | ≥86%",
        good="服务对象满意度指标 | 申报定向费用补贴金融机构满意度 | ≥90%\n质量指标 | 文物保护项目验收合格率 | =100%",
        fix="满意度按历史调查结果设定，一般不低于85%；验收合格率一般为100%。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        if not ctx.sets_goals:
            return  # a report's approved targets are audited against, not set again (corpus 226: ≥80%, not noted)
        acceptance = tuple(data()["floored_rates"]["acceptance"])
        for indicator in ctx.sheet.indicators:
            target = indicator.target
            if target.value is None or target.unit != "%" or target.unit_inferred or target.operator is Operator.LE:
                continue  # (a % taken from elsewhere may belong to a figure the cell lost: 满意度５％ | ５)
            if ctx.fact(indicator).kind is Kind.SATISFACTION:
                template, key, severity = None, "satisfaction_floor", None
            elif bare_name(indicator.name).endswith(acceptance):
                template, key, severity = self.message_acceptance, "acceptance_floor", Severity.WARNING
            else:
                continue
            floor = Decimal(str(self.param(ctx, key)))
            if target.value < floor:
                yield self.finding(ctx, indicator=indicator, column="target", raw=target.raw, template=template,
                                   floor=f"{floor.normalize():f}", severity=severity)


class FullRateAsLowerBound(Rule):
    code = "JX802"
    name = "full-rate-as-lower-bound"
    title = "比率目标写成“≥100%”"
    severity = Severity.INFO  # reviewers note it (000, 006, 019, 105); it does not hold the sheet back
    dimension = Dimension.FEASIBILITY
    source = GOALS_2015.at("第十二条（合理可行）")
    message = "指标“{indicator}”的指标值“{raw}”：比率不会超过100%，“≥100%”实际是要求全部完成，请确认是否可行"
    docs = RuleDocs(
        what="比率类指标（完成率、使用率、覆盖率等，不含满意度）是否写成“≥100%”或“>100%”。",
        why="比率最多100%，“≥100%”只能理解为“=100%”；把每一项都定为100%，目标没有区分度，任何偏差都会扣分。",
        bad="设施正常使用率 | ≥100%",
        good="设施正常使用率 | ≥95%\n（确需全部完成的，写“=100%”）",
        fix="按实际能达到的水平设定下限，确需全部完成的写“=100%”。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            target = indicator.target
            if ctx.fact(indicator).kind is not Kind.RATE or ctx.fact(indicator).reverse:
                continue
            if target.unit == "%" and target.value == 100 and target.operator in (Operator.GE, Operator.GT):
                fix = target_fix(indicator, "=100%", Applicability.NEEDS_HUMAN, "改为“=100%”或设定实际可达的下限")
                yield self.finding(ctx, indicator=indicator, column="target", fix=fix, raw=target.raw,
                                   confidence=Confidence.INFERENCE)


class TargetSetsNothing(Rule):
    code = "JX803"
    name = "target-sets-no-requirement"
    title = "指标值没有提出任何要求"
    severity = Severity.WARNING
    dimension = Dimension.FEASIBILITY
    source = GOALS_2015.at("第十二条（细化量化）")
    message = "指标“{indicator}”的指标值“{raw}”不构成要求：任何结果都能达到"
    docs = RuleDocs(
        what="正向指标的目标是否为“≥0”“>0”之类任何结果都满足的下限。",
        why="这样的目标不需要任何努力就能完成，不能反映资金的产出和效果。",
        bad="培训人次 | ≥0人次",
        good="培训人次 | ≥300人次",
        fix="按计划工作量设定实际的下限。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            target = indicator.target
            if target.value == 0 and target.operator is Operator.GE and not ctx.fact(indicator).reverse:
                yield self.finding(ctx, indicator=indicator, column="target", raw=target.raw)


class FewerTimesThanActivities(Rule):
    code = "JX948"
    name = "fewer-times-than-activities"
    title = "次数目标少于名称所列的活动项数"
    severity = Severity.WARNING
    dimension = Dimension.FEASIBILITY
    source = GOALS_2015.at("第十二条（合理可行）")
    message = "指标“{indicator}”列了{count}项活动，次数目标“{raw}”却少于{count}次：总有一项可以一次也不开展，目标定低了"
    docs = RuleDocs(
        what="名称用顿号列出几项活动（开展无偿献血、造血干细胞捐献、遗体和人体器官捐献、公共卫生知识普及等宣传活动），以次、场、期计"
             "的下限（≥3次、3次以上，或没有运算符的次数）是否少于所列的项数。写明每项各几次的（各1次）、上限（<5次）不在此检查；"
             "项数只按顿号数，一项之内的“和”“及”不拆开。",
        why="所列各项都要开展，合计次数少于项数，等于允许其中一项一次也不做；目标应按各项分别或合计定足（语料 255）。",
        bad="产出指标 | 数量指标 | 开展无偿献血、造血干细胞捐献、遗体和人体器官捐献、公共卫生知识普及等宣传活动 | ≥3次",
        good="产出指标 | 数量指标 | 开展无偿献血、造血干细胞捐献、遗体和人体器官捐献、公共卫生知识普及等宣传活动 | ≥8次",
        fix="按所列各项的计划次数合计设定目标，或拆成每项一行、各写次数。",
    )

    # A name listing kinds of activity and ending on the activity counted (…等宣传活动, …、应急演练)
    _ACTIVITY = re.compile(r"(活动|宣传|培训|演练|讲座|比赛|赛事|展览|展演|演出|义诊)(次数|场次)?$")
    _TIMES = frozenset({"次", "场", "场次", "期"})
    _EACH = re.compile(r"各|每")

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            target, name = indicator.target, fold(indicator.name)
            if target.value is None or target.unit not in self._TIMES or self._EACH.search(fold(target.raw)) \
                    or target.operator not in (None, Operator.GE, Operator.GT) or not self._ACTIVITY.search(name):
                continue  # each item's own count (各1次), or a ceiling (<5次), sets no total to weigh
            count = len([item for item in name.split("、") if item])
            if count >= 2 and target.value < count:
                yield self.finding(ctx, indicator=indicator, column="target", confidence=Confidence.INFERENCE,
                                   raw=target.raw, count=count)
