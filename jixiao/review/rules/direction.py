"""Direction: an indicator that should fall (投诉率, 事故, 成本, 时长) needs an upper bound (≤), a count of output a
lower bound (≥)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.model import Direction, Operator, Severity, UnitKind, unit_kind
from jixiao.review.context import COUNTED_UNITS, SheetContext
from jixiao.review.finding import Applicability, Confidence, Dimension, Edit, Finding, Fix, listed
from jixiao.review.lexicon import Kind, is_capped_count, reverse_only_by_money
from jixiao.review.rule import Rule, RuleDocs
from jixiao.review.sources import CORE_2021, EVALUATION_2020, GOALS_2015

_LOWER_BOUNDS = (Operator.GE, Operator.GT)
_UPPER_BOUNDS = (Operator.LE, Operator.LT)
# Goods bought for the unit itself: how many it may buy is capped by the asset-allocation standard (车辆采购数量 ≤1,
# corpus 218), so an upper bound there is a questionable target rather than no target at all. Services bought for the
# public (购买服务人次) are output like any other.
_PURCHASE = re.compile(r"采购|购置|购买|配置|配备")
_SERVICE = re.compile(r"服务")


def _operator_fix(indicator, operator: str, template: str, **params: str) -> Fix:
    edit = Edit(field="target.operator", before=indicator.target.operator.value, after=operator, row=indicator.row,
                indicator=indicator.name)
    return Fix.of(Applicability.NEEDS_HUMAN, template, edits=(edit,), **params)


class ReverseIndicatorWithLowerBound(Rule):
    code = "JX401"
    name = "reverse-indicator-with-lower-bound"
    title = "反向指标用了“≥”"
    severity = Severity.ERROR
    dimension = Dimension.FORM
    source = EVALUATION_2020.at("附件（反向指标计分）")
    message = "“{subject}”越低越好（反向指标），指标“{indicator}”的指标值“{raw}”却用了“{operator}”，应为“≤”上限"
    docs = RuleDocs(
        what="投诉率、发生率、事故数、差错率、成本、费用、用时等越低越好的指标，指标值是否写成“≥”“>”。成本指标下以金额计"
        "的行不论名称都是成本，同样报告，为警告（可能是承诺的投入额或表样留下的“≥”）。数量指标下的时长"
        "（飞机飞行时长 ≥928小时）是提供的服务量，越多越好，不在此报告；执勤、巡逻、值守的时长同样是服务量（语料 338："
        "直升机空中执勤时长 ≥80小时）。名称只因“成本”“费用”而算反向、指标值以本、份、个计的，是以成本为内容的成果"
        "（重置成本评估报告 ≥1本，语料 344），也不报告。",
        why="“投诉率≥90%”意味着投诉越多越好；反向指标的目标应是上限，自评时按“目标值/实际值”计分。",
        bad="社会效益指标 | 受援群众投诉率 | ≥90%",
        good="社会效益指标 | 受援群众投诉率 | ≤5%",
        fix="运算符改为“≤”，并重新确定可接受的上限数值。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            facts, target = ctx.fact(indicator), indicator.target
            # an amount of money under 成本指标 is a cost whatever the row is named (防疫室84平米 | ≥1050元, 项目总投入 |
            # ≥6070万元, corpus 178, 215): an upper bound
            cost = ctx.is_cost_row(indicator) and unit_kind(target.unit) is UnitKind.MONEY
            if not (facts.reverse or cost) or target.operator not in _LOWER_BOUNDS:
                continue
            if facts.kind is Kind.DURATION and indicator.level2 == "数量指标":
                continue  # hours of service delivered (飞机飞行时长 ≥928小时, corpus 189) are an amount of output
            subject = indicator.description if facts.from_description else indicator.name
            if facts.reverse and unit_kind(target.unit) is UnitKind.COUNT and reverse_only_by_money(subject):
                continue  # reports about costs counted (重置成本评估报告 ≥1本, corpus 344) are output to produce
            fix = _operator_fix(indicator, "≤", "运算符改为“≤”，并重新确定上限值")
            confidence = Confidence.INFERENCE if facts.from_description else Confidence.HIGH
            # a cost known by its level only may be an amount the unit commits to invest (项目总投入, the form's
            # “(≥**万元)” left in): agreed, not returned for
            severity = None if facts.reverse else Severity.WARNING
            yield self.finding(ctx, indicator=indicator, column="target", fix=fix, confidence=confidence,
                               subject=subject, raw=target.raw, operator=target.operator.value, severity=severity)


class DirectionContradictsOperator(Rule):
    code = "JX402"
    name = "direction-contradicts-operator"
    title = "指标方向与运算符矛盾"
    severity = Severity.ERROR
    dimension = Dimension.FORM
    source = CORE_2021.at("（指标方向）")
    message = "指标“{indicator}”标为“{direction}”，指标值“{raw}”却用了“{operator}”"
    # a 反向 row (or several: “name”（指标值）, their {rows} written by listed) fixed at a value by “=”
    message_exact = "指标“{indicator}”标为“反向”（越低越好），指标值“{raw}”却用了“=”定值，应为“≤”上限"
    message_exact_rows = "指标{rows}标为“反向”（越低越好），指标值却都用了“=”定值，应为“≤”上限"
    docs = RuleDocs(
        what="“指标方向性”栏为正向的指标是否用“≥”，为反向的是否用“≤”。反向指标用“=”定值（出差总成本 | 反向 | =1万元，语料 148）"
        "也与方向不一致，只作提示（定值也能打分）；“=0”（事故0起）就是最低的上限，不报告。一张表中几行都这样写的，"
        "合并为一条报告。",
        why="方向与运算符矛盾时，系统和审核人不知道该按哪一个计分。",
        bad="指标方向性：反向；指标值：≥5%",
        good="指标方向性：反向；指标值：≤5%",
        fix="按指标含义统一方向与运算符。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            operator, direction = indicator.target.operator, indicator.direction
            wrong = (direction is Direction.NEGATIVE and operator in _LOWER_BOUNDS) or (
                direction is Direction.POSITIVE and operator in _UPPER_BOUNDS)
            if wrong:
                expected = "≤" if direction is Direction.NEGATIVE else "≥"
                fix = _operator_fix(indicator, expected, "运算符改为“{expected}”，或更正指标方向", expected=expected)
                yield self.finding(ctx, indicator=indicator, column="direction", fix=fix,
                                   direction=direction.value, raw=indicator.target.raw, operator=operator.value)
        yield from self._exact_reverse(ctx)

    def _exact_reverse(self, ctx: SheetContext) -> Iterator[Finding]:
        # A 反向 row fixed by “=” (出差总成本 | 反向 | =1万元, corpus 148) says lower is better and that the figure must
        # be met exactly: which one is scored? It can still be scored, so a note; =0 is the lowest bound there is.
        # The same way of writing on several rows is the sheet's, noted once (as JX201 does).
        rows = [i for i in ctx.sheet.indicators if i.direction is Direction.NEGATIVE
                and i.target.operator is Operator.EQ and i.target.value not in (None, 0)]
        fixes = [_operator_fix(i, "≤", "运算符改为“≤”，或更正指标方向") for i in rows]
        if len(rows) == 1:
            yield self.finding(ctx, indicator=rows[0], column="direction", fix=fixes[0], severity=Severity.INFO,
                               template=self.message_exact, raw=rows[0].target.raw)
        elif rows:
            listing, slots = listed("“{name}”（{raw}）", [{"name": i.name, "raw": i.target.raw} for i in rows])
            fix = Fix.of(Applicability.NEEDS_HUMAN, "逐行把运算符改为“≤”，或更正指标方向",
                         edits=tuple(edit for one in fixes for edit in one.edits))
            yield self.finding(ctx, column="direction", fix=fix, severity=Severity.INFO,
                               template=self.message_exact_rows.replace("{rows}", listing), **slots)


class ReverseIndicatorMarkedPositive(Rule):
    code = "JX403"
    name = "reverse-indicator-marked-positive"
    title = "反向指标标为正向"
    severity = Severity.WARNING
    dimension = Dimension.FORM
    source = CORE_2021.at("（指标方向）")
    message = "指标“{indicator}”越低越好，“指标方向性”却标为“正向”"
    docs = RuleDocs(
        what="投诉率、事故数、成本等越低越好的指标，“指标方向性”栏是否标为正向。",
        why="方向标错，自评计分时会把超标当成超额完成。",
        bad="受援群众投诉率 | 正向 | ≤5%",
        good="受援群众投诉率 | 反向 | ≤5%",
        fix="指标方向性改为“反向”。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            if indicator.direction is Direction.POSITIVE and ctx.fact(indicator).reverse:
                edit = Edit(field="direction", before="正向", after="反向", row=indicator.row, indicator=indicator.name)
                fix = Fix.of(Applicability.NEEDS_HUMAN, "指标方向性改为“反向”", edits=(edit,))
                yield self.finding(ctx, indicator=indicator, column="direction", fix=fix,
                                   confidence=Confidence.INFERENCE)


class OutputCountWithUpperBound(Rule):
    code = "JX404"
    name = "output-count-with-upper-bound"
    title = "数量指标用了“≤”"
    severity = Severity.ERROR
    dimension = Dimension.FORM
    source = GOALS_2015.at("第九条（绩效指标）")
    message = "数量指标“{indicator}”的指标值“{raw}”用了“{operator}”，成了上限：做得越少越达标，应为“≥”或“=”"
    docs = RuleDocs(
        what="数量指标（产出的人数、个数、面积……）的指标值是否写成“≤”“<”。越低越好的（投诉件数、事故次数）和成本行"
        "除外；“三公”（因公出国（境）人数、公务接待）和单位自己的工作人员、聘用人员人数是按规定控制的投入，上限就是"
        "目标，也不报告（语料 330、341）。自评表、监控表不在此检查。",
        why="数量指标说明这笔钱至少要做多少；写成上限，一个不做也算达标，目标等于没有设定，审核人会退回（语料 149："
        "小学就读人数 <=6962人）。单位自用的采购、购置数量（车辆采购数量 ≤1）受资产配置标准限制，上限有其来由，"
        "应改为定数，为警告（语料 218）。",
        bad="产出指标 | 数量指标 | 小学就读人数 | ≤6962人",
        good="产出指标 | 数量指标 | 小学就读人数 | ≥6962人",
        fix="运算符改为“≥”（至少完成）或“=”（定数）。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        if not ctx.sets_goals:
            return  # a report carries the approved goals
        for indicator in ctx.sheet.indicators:
            target = indicator.target
            if indicator.level2 != "数量指标" or target.operator not in _UPPER_BOUNDS or ctx.is_cost_row(indicator) \
                    or ctx.fact(indicator).reverse or target.value is None:
                continue
            if unit_kind(target.unit) not in COUNTED_UNITS and ctx.fact(indicator).kind is not Kind.COUNT:
                continue  # a share or an amount of money under 数量指标 is another rule's
            if is_capped_count(indicator.name):
                continue  # the 三公 and the unit's own staff are kept down by rule: a cap is their target
            fix = _operator_fix(indicator, "≥", "运算符改为“≥”或“=”")
            capped = bool(_PURCHASE.search(indicator.name)) and not _SERVICE.search(indicator.name)
            yield self.finding(ctx, indicator=indicator, column="target", fix=fix, raw=target.raw,
                               operator=target.operator.value, severity=Severity.WARNING if capped else None)
