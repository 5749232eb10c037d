"""Category fit: each indicator under the 一级/二级指标 where it belongs, with the suggested place."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.model import (
    Framework,
    Indicator,
    Operator,
    Severity,
    UnitKind,
    canonical_level1,
    canonical_level2,
    level2_parents,
    unit_kind,
)
from jixiao.model.lexicon import fold
from jixiao.model.vocabulary import level1_names, level2_names
from jixiao.review.context import SheetContext
from jixiao.review.finding import Applicability, Confidence, Dimension, Edit, Finding, Fix
from jixiao.review.lexicon import (
    Kind,
    bare_name,
    is_quality_rate,
    is_timeliness,
    misnamed_level,
    names_respondents,
    speaks_of_time,
)
from jixiao.review.rule import Rule, RuleDocs
from jixiao.review.rules.form import measures_money
from jixiao.review.sources import CORE_2021, GOALS_2015

_INDICATORS = GOALS_2015.at("第九条（绩效指标）")
# Placements local forms use that reviewers accept: many provincial forms put 服务对象满意度指标 under 效益指标.
_ALSO_UNDER = {"服务对象满意度指标": ("效益指标",)}
# Where satisfaction belongs: the framework's level 2, or the NDRC form's 满意度指标 (a level 2 under its 实施效果指标,
# kept as written).
_SATISFACTION_LEVELS = ("服务对象满意度指标", "满意度指标")
# The standard 一级指标 other than 满意度指标, under which a row without a 二级指标 may stand.
_OTHER_LEVEL1 = frozenset({"产出指标", "效益指标", "成本指标"})
# Words a satisfaction row names: the served people's judgement, or their complaints and sense of gain.
_OPINION = re.compile(r"满意|认可|好评|评价|投诉|认同|获得感|幸福感|安全感|支持率|信任")


def move_fix(ctx: SheetContext, indicator: Indicator, level2: str) -> Fix:
    """A fix that moves ``indicator`` under ``level2`` (and that level's 一级指标 in the sheet's framework)."""
    level1 = level2_parents(ctx.framework).get(level2)
    edits = [Edit(field="level2", before=indicator.level2_raw or indicator.level2, after=level2, row=indicator.row,
                  indicator=indicator.name)]
    current_level1 = ctx.level1_of(indicator)
    if level1 and level1 != current_level1:
        edits.append(Edit(field="level1", before=current_level1, after=level1, row=indicator.row,
                          indicator=indicator.name))
    if level1:
        return Fix.of(Applicability.NEEDS_HUMAN, "移到“{level1}—{level2}”下", level1=level1, level2=level2,
                      edits=tuple(edits))
    return Fix.of(Applicability.NEEDS_HUMAN, "移到“{level2}”下", level2=level2, edits=tuple(edits))


_FRAMEWORK_LABELS = ("88号/10号框架", "2021年起框架")  # indexed by "is the 2021 framework"


class Level2UnderWrongLevel1(Rule):
    code = "JX501"
    name = "level2-under-wrong-level1"
    title = "二级指标放错一级指标"
    severity = Severity.ERROR
    dimension = Dimension.FORM
    source = CORE_2021.at("（指标体系框架）")
    message = "二级指标“{level2}”应在“{expected}”下，指标“{indicator}”却在“{level1}”下（{framework}）"
    docs = RuleDocs(
        what="二级指标是否放在所属框架规定的一级指标下，如2021年起框架中成本指标单列为一级指标。框架由表样决定："
        "表样规定了框架的按表样；没有规定的（许多省份2021—2025年的表样仍把成本指标放在产出指标下）按表中成本指标"
        "实际所在的位置，表中没有成本指标时才按年度。2021年起框架把成本指标放在产出指标下为错误（权重算错）；其他放错"
        "为警告，移过去即可。一级指标栏从未写出该一级指标的（合并单元格的标签丢失），不在此报告。",
        why="一级指标决定自评时的权重分配（产出、效益、满意度、成本）；放错就会算错分。",
        bad="（2021年起框架）产出指标 | 成本指标 | 人均经费",
        good="成本指标 | 经济成本指标 | 人均经费 | ≤500元/人",
        fix="按审核方案采用的框架把指标移到正确的一级指标下。",
    )
    terms = frozenset(_FRAMEWORK_LABELS)  # the framework the message names

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        if not ctx.standard_structure:
            return
        parents = level2_parents(ctx.framework)
        label = _FRAMEWORK_LABELS[ctx.framework is Framework.Y2021]
        # (the levels the column names as written: a blank cell's level implied by the framework is not named)
        labelled = {indicator.level1 for indicator in ctx.sheet.indicators
                    if indicator.level1 and indicator.level1_raw.strip()}
        for indicator in ctx.sheet.indicators:
            level1, expected = ctx.level1_of(indicator), parents.get(indicator.level2 or "")
            edits = []
            if ctx.framework is Framework.Y2021 and indicator.level2 == "成本指标":
                # The older framework's 产出—成本指标 becomes 成本指标—经济成本指标 (or 社会/生态环境成本指标).
                expected = "成本指标"
                edits.append(Edit(field="level2", before=indicator.level2, after="经济成本指标", row=indicator.row,
                                  indicator=indicator.name))
            # Cost filed under 产出 miscounts the weights (an error); other rows are moved by agreement. A level the
            # 一级指标 column never names lost its label from a merged cell: its rows are not misfiled by the author.
            severity = None if expected == "成本指标" else Severity.WARNING
            if expected != "成本指标" and expected not in labelled:
                continue
            if level1 and expected and level1 != expected and level1 not in _ALSO_UNDER.get(indicator.level2 or "", ()):
                edits.insert(0, Edit(field="level1", before=level1, after=expected, row=indicator.row,
                                     indicator=indicator.name))
                fix = Fix.of(Applicability.NEEDS_HUMAN, "一级指标改为“{expected}”", expected=expected,
                          edits=tuple(edits))
                yield self.finding(ctx, indicator=indicator, column="level1", fix=fix, level2=indicator.level2,
                                   expected=expected, level1=level1, framework=label, severity=severity)


class CountUnderQuality(Rule):
    code = "JX502"
    name = "count-under-quality"
    title = "数量类指标放在质量指标下"
    severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    source = _INDICATORS
    message = "指标“{indicator}”是数量，却放在“质量指标”下，应放在“数量指标”下"
    docs = RuleDocs(
        what="名称为“…数”“…人数”“…个数”“数量”的指标是否放在了质量指标下；名称看不出衡量什么、指标值却是以个、次、"
        "人等计的下限或定值（实验室仪器维修维护 | ≥4次）的，同样是数量。以上限或0计的次数（事故≤2次）限制的是坏事，"
        "是质量要求，不在此报告。",
        why="质量指标反映产出达到的标准（合格率、达标率），数量放在质量下，产出质量就没有被衡量。",
        bad="产出指标 | 质量指标 | 受益人数",
        good="产出指标 | 数量指标 | 受益人数 | ≥24400人",
        fix="移到数量指标下；质量指标另设合格率、达标率等。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            facts = ctx.fact(indicator)
            # A count of bad events (事故发生次数 = 0) does measure quality; only plain counts are misplaced.
            if indicator.level2 == "质量指标" and (facts.kind is Kind.COUNT and not facts.from_description
                                                   or facts.kind is None and _counted(indicator)) \
                    and not facts.reverse and not _PER_POPULATION.search(fold(indicator.name)):
                yield self.finding(ctx, indicator=indicator, column="level2", fix=move_fix(ctx, indicator, "数量指标"),
                                   confidence=Confidence.INFERENCE)


def _counted(indicator: Indicator) -> bool:
    """True when a row whose name says nothing of what it measures sets a number of pieces, times or people to reach
    (实验室仪器维修维护 | ≥4次, corpus 279): a count. An upper bound or a zero (≤2次) limits something bad, a quality;
    a unit the reader guessed says nothing, a count per period or head (1人/年) is a rate, and a row about time (按时发放,
    corpus 003) is a timeliness (JX504). A row without a name (a copy that lost its cell) is not known to count."""
    target = indicator.target
    return bool(indicator.name.strip()) and bool(target.unit) and not target.unit_inferred and "/" not in target.unit \
        and unit_kind(target.unit) is UnitKind.COUNT and bool(target.value) \
        and target.operator in (None, Operator.GE, Operator.GT, Operator.EQ) \
        and not speaks_of_time(indicator.name, target)


# A count per head of population (药品不良反应每百万人口报告数, corpus 036) is a ratio: a quality measure.
_PER_POPULATION = re.compile(r"每(十|百|千|万|十万|百万)?(人|人口|户|名)|人均|户均|千人|万人")


class SatisfactionOutsideSatisfaction(Rule):
    code = "JX503"
    name = "satisfaction-outside-satisfaction-level"
    title = "满意度指标放错类别"
    severity = Severity.ERROR
    dimension = Dimension.RELEVANCE
    source = _INDICATORS
    message = "指标“{indicator}”是满意度，却放在“{level2}”下，应放在“满意度指标—服务对象满意度指标”下"
    # a row whose 二级指标 the form leaves blank, under another 一级指标
    message_level1 = "指标“{indicator}”是满意度，却放在一级指标“{level1}”下，应放在“满意度指标—服务对象满意度指标”下"
    docs = RuleDocs(
        what="名称为“…满意度”的指标是否放在了满意度指标以外的类别（如生态效益指标）下。放在社会效益指标下的（不少地方"
        "表样的习惯）为警告，协商移动即可；放在生态效益、产出等类别下为错误。二级指标空着、一级指标是满意度指标以外的"
        "（效益指标 | （空） | 救助对象满意度，语料 153）同样报告，在效益指标下为警告；表样自有指标体系的（2018年以前的"
        "效果目标下本有满意度）不在此报告。",
        why="满意度反映服务对象的主观评价，不是经济、社会或生态效益；放错会使效益指标空有其名。",
        bad="效益指标 | 生态效益指标 | 受益人口满意度",
        good="满意度指标 | 服务对象满意度指标 | 受益人口满意度 | ≥90%",
        fix="移到满意度指标下；原类别另设真正的效益指标（如生活垃圾无害化处理率）。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            facts = ctx.fact(indicator)
            if facts.kind is not Kind.SATISFACTION or facts.from_description:
                continue
            if indicator.level2 and indicator.level2 not in _SATISFACTION_LEVELS:
                # The public's satisfaction under 社会效益 is a common local placement, moved by agreement; under
                # 生态效益 or 产出 it leaves that category claiming what it does not measure.
                severity = Severity.WARNING if indicator.level2 == "社会效益指标" else None
                yield self.finding(ctx, indicator=indicator, column="level2", level2=indicator.level2,
                                   fix=move_fix(ctx, indicator, "服务对象满意度指标"), severity=severity)
            elif not indicator.level2 and ctx.standard_structure \
                    and (level1 := ctx.level1_of(indicator)) in _OTHER_LEVEL1:
                # A form that prints no 二级指标 (or leaves it blank) files satisfaction among the benefits (corpus
                # 153: 效果指标 | 救助对象满意度): without a 满意度 level the sheet has none, though the row is there,
                # and moving it is agreed; among the outputs or costs it claims what they do not measure. (A form with
                # levels of its own, where 效果目标 holds 满意度, is not of the standard structure.)
                severity = Severity.WARNING if level1 == "效益指标" else None
                yield self.finding(ctx, indicator=indicator, column="level1", level1=level1, severity=severity,
                                   fix=move_fix(ctx, indicator, "服务对象满意度指标"), template=self.message_level1)


class TimelinessOutsideTimeliness(Rule):
    code = "JX504"
    name = "timeliness-outside-timeliness-level"
    title = "时效类指标放在数量或质量指标下"
    severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    source = _INDICATORS
    message = "指标“{indicator}”讲的是时间（及时、按时、时限），却放在“{level2}”下，应放在“{expected}”下"
    terms = frozenset({"时效指标", "时效目标"})  # the level of either form (时效目标 before 2018)
    docs = RuleDocs(
        what="名称含“及时”“按时”“时限”“进度”等的指标是否放在数量指标或质量指标下（2018年以前表样的数量目标、质量目标同样，"
        "应放在时效目标下）。衡量资金本身的（资金支付进度率）不是产出，由 JX915 报告，不在此报告。",
        why="时效指标衡量完成的及时程度；放在质量下，表格就缺了时效维度，质量也没有衡量。",
        bad="产出指标 | 质量指标 | 补助资金发放及时率",
        good="产出指标 | 时效指标 | 补助资金发放及时率 | ≥95%",
        fix="移到时效指标下。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            quality_named = indicator.level2 in ("质量指标", "质量目标") and "质量" in indicator.name  # 服务周期内空气质量
            expected = _TIMELINESS_LEVEL.get(indicator.level2 or "")
            # The pace at which money is paid (资金支付进度率, corpus 249) is no output wherever it stands: JX915 says so
            # once, and moving it to 时效指标 would not make it one.
            if expected and is_timeliness(indicator.name) and not quality_named \
                    and not measures_money(ctx, indicator):
                yield self.finding(ctx, indicator=indicator, column="level2", level2=indicator.level2,
                                   expected=expected, fix=move_fix(ctx, indicator, expected),
                                   confidence=Confidence.INFERENCE)


# The output levels and where their time rows belong, in the framework and in the older forms' 产出目标 (数量目标,
# 质量目标, 时效目标: corpus 037's 按时完成率 under 数量目标).
_TIMELINESS_LEVEL = {"数量指标": "时效指标", "质量指标": "时效指标", "数量目标": "时效目标", "质量目标": "时效目标"}


class CostOutsideCost(Rule):
    code = "JX505"
    name = "cost-outside-cost-level"
    title = "成本类指标放错类别"
    severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    source = CORE_2021.at("（成本指标）")
    message = "指标“{indicator}”是成本或费用，却放在“{level2}”下，应放在{expected}下"
    docs = RuleDocs(
        what="名称为“…成本”“…费用”的指标是否放在成本指标以外的类别下；衡量控制或节约成本的效益（对控制基建项目成本"
        "影响程度）放在生态效益、社会效益或可持续影响下的，应为经济效益。",
        why="成本指标用于衡量投入的经济性；放在数量、质量或效益下，成本就没有被当作成本审核。",
        bad="产出指标 | 数量指标 | 设施运维费用",
        good="（88号框架）产出指标 | 成本指标 | 设施运维费用 | ≤5万元",
        fix="移到框架规定的成本指标下。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        cost_levels = {"成本指标", "经济成本指标", "社会成本指标", "生态环境成本指标"}
        target = "经济成本指标" if ctx.framework is Framework.Y2021 else "成本指标"
        expected = "“成本指标—经济成本指标”" if ctx.framework is Framework.Y2021 else "“产出指标—成本指标”"
        for indicator in ctx.sheet.indicators:
            facts = ctx.fact(indicator)
            if facts.kind is Kind.MONEY and facts.reverse and not facts.from_description \
                    and indicator.level2 and indicator.level2 not in cost_levels:
                yield self.finding(ctx, indicator=indicator, column="level2", level2=indicator.level2,
                                   expected=expected, fix=move_fix(ctx, indicator, target),
                                   confidence=Confidence.INFERENCE)
            elif "成本" in indicator.name and indicator.level2 in self._NOT_ECONOMIC:
                # Saving cost is an economic benefit (对减少财政投资成本的改善程度 under 经济效益 is placed right, corpus
                # 154); under 生态效益 it claims what it does not measure (corpus 006).
                yield self.finding(ctx, indicator=indicator, column="level2", level2=indicator.level2,
                                   expected="“经济效益指标”", fix=move_fix(ctx, indicator, "经济效益指标"),
                                   confidence=Confidence.INFERENCE)

    _NOT_ECONOMIC = ("生态效益指标", "社会效益指标", "可持续影响指标")


class QualityRateUnderQuantity(Rule):
    code = "JX507"
    name = "quality-rate-under-quantity"
    title = "质量类比率放在数量指标下"
    severity = Severity.INFO
    dimension = Dimension.RELEVANCE
    source = _INDICATORS
    message = "指标“{indicator}”是质量类比率，却放在“数量指标”下，应放在“质量指标”下"
    docs = RuleDocs(
        what="合格率、达标率、成活率、优良率这类衡量产出质量的比率，是否放在了数量指标下。这样的行在检查是否缺质量指标"
        "（JX104）时算作质量指标。",
        why="数量指标说明做多少，质量指标说明做到什么标准；成活率放在数量下，表格看上去没有质量指标，数量也不清楚。",
        bad="产出指标 | 数量指标 | 种植作物成活率 | ≥85%",
        good="产出指标 | 质量指标 | 种植作物成活率 | ≥85%",
        fix="移到质量指标下。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            if indicator.level2 == "数量指标" and is_quality_rate(indicator.name):
                yield self.finding(ctx, indicator=indicator, column="level2", fix=move_fix(ctx, indicator, "质量指标"))


class ShareUnderQuantity(Rule):
    code = "JX511"
    name = "share-under-quantity"
    title = "比例或稳定率放在数量指标下"
    severity = Severity.INFO
    dimension = Dimension.RELEVANCE
    source = _INDICATORS
    message = "指标“{indicator}”（{raw}）是结构比例，不说明做多少，却放在“数量指标”下，应放在“质量指标”下"
    message_stability = "指标“{indicator}”（{raw}）是稳定率，不说明做多少，却放在“数量指标”下，应改写为保有量等数量，或移到效益指标下"
    terms = frozenset({"空"})  # an empty 指标值, as the message says it
    docs = RuleDocs(
        what="数量指标下是否有结构比例（……比例、……占比）或稳定率：前者是对产出构成的要求，属于质量指标；后者说的是"
        "保持住的程度，属于效益，数量指标应写出保有量、人数等做多少的数。合格率这类质量比率由 JX507 报告。",
        why="数量指标说明用这笔钱做多少；“课时比例70%”“能繁母猪稳定率≥95%”放在数量下，表格看上去有数量指标，"
        "其实没有一项说明做多少（语料 146、176）。",
        bad="产出指标 | 数量指标 | 理论教育和党性教育课时比例 | ≥70%",
        good="产出指标 | 质量指标 | 理论教育和党性教育课时比例 | ≥70%",
        fix="结构比例移到质量指标下；稳定率改写为保有量（头、个）等数量，或移到效益指标下。",
    )

    _SHARE = re.compile(r"(比例|占比|比重)$")
    _STABILITY = re.compile(r"稳定率$")

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            if indicator.level2 != "数量指标":
                continue
            name = bare_name(indicator.name)  # a closing (%) is the unit
            raw = indicator.target.raw.strip() or "空"
            if self._SHARE.search(name):
                yield self.finding(ctx, indicator=indicator, column="level2", raw=raw,
                                   fix=move_fix(ctx, indicator, "质量指标"))
            elif self._STABILITY.search(name):
                yield self.finding(ctx, indicator=indicator, column="level2", raw=raw, template=self.message_stability)


class SocialUnderOtherBenefit(Rule):
    code = "JX512"
    name = "social-under-other-benefit"
    title = "安全、治安、就学类指标放在经济或生态效益下"
    severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    source = _INDICATORS
    message = "指标“{indicator}”讲的是安全、治安或社会秩序，却放在“{level2}”下，应放在“社会效益指标”下"
    message_schooling = "指标“{indicator}”讲的是学生就学，却放在“{level2}”下，应放在“社会效益指标”下"
    docs = RuleDocs(
        what="经济效益指标、生态效益指标下是否有讲安全、事故、犯罪、治安、信访、纠纷、秩序的指标（校园安全、师生犯罪率、"
        "安全情况），或讲学生就学的指标（就学率、入学率、辍学率、巩固率）。生态安全、饮水安全、资金安全、粮食安全这类另有所属的，以金额计的事故损失（经济效益），"
        "和只是顺带说到“安全舒适”的句子，不在此报告。",
        why="经济效益说明带来的收入、产值、节约，生态效益说明环境的改善；安全和治安是社会效益。放错了类别，表格看上去有经济、"
        "生态效益，其实一项也没有衡量（语料 114、149）。",
        bad="效益指标 | 生态效益指标 | 校园安全情况 | 有效",
        good="效益指标 | 社会效益指标 | 校园安全责任事故发生次数 | =0次",
        fix="移到社会效益指标下；经济、生态效益另写这笔钱带来的收入、节约或环境改善，没有的可不设。",
    )

    _SOCIAL = re.compile(r"犯罪|治安|信访|上访|纠纷|事故|秩序|安全(情况|状况|事件|隐患|责任|$|[，,、;；])")
    # Schooling (就学率, 入学率, 辍学, 巩固率: corpus 224 提高县城初中学生就学率 | 10.9% under 经济效益) is a public
    # service reaching people, a social benefit like safety.
    _SCHOOLING = re.compile(r"就学率|入学率|辍学|升学率|巩固率")
    # Safety of something with its own category (生态安全, 饮水安全), and the money an accident costs (减少事故损失
    # 10万元), which is an economic benefit.
    _OWN_SAFETY = re.compile(r"生态|环境|饮水|水质|资金|财产|粮食|食品|森林|防火|损失|经济")

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            name = fold(indicator.name)
            money = unit_kind(indicator.target.unit) is UnitKind.MONEY
            if indicator.level2 not in ("经济效益指标", "生态效益指标") or money:
                continue
            if self._SOCIAL.search(name) and not self._OWN_SAFETY.search(name):
                template = None
            elif self._SCHOOLING.search(name):
                template = self.message_schooling
            else:
                continue
            yield self.finding(ctx, indicator=indicator, column="level2", level2=indicator.level2, template=template,
                               fix=move_fix(ctx, indicator, "社会效益指标"), confidence=Confidence.INFERENCE)


class OutputCountUnderBenefit(Rule):
    code = "JX508"
    name = "output-count-under-benefit"
    title = "产出数量放在效益指标下"
    severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    source = _INDICATORS
    message = "指标“{indicator}”是完成了多少（{raw}），属于产出，却放在效益指标下，应放在“产出指标—数量指标”下"
    docs = RuleDocs(
        what="效益指标下是否有完成工作的件数：名称以“个数”“处数”“项数”“次数”“场次”结尾、以个、处、项、次计的指标，"
        "或以%计的“……完成率”和以“完成、清算、开展……”开头的工作（工作完成了多少）。受益人数、户数、面积等由这笔钱带来的结果，和火灾、事故发生次数这类应当"
        "减少的事件，不在此报告。",
        why="效益指标说明钱花出去带来了什么变化；修缮了几处、办了几场是产出，放在效益下，效益就没有被衡量。",
        bad="效益指标 | 文物保护修缮个数 | ≥5个",
        good="产出指标 | 数量指标 | 文物保护修缮个数 | ≥5个",
        fix="移到产出指标的数量指标下；效益指标另写这些工作带来的结果（如文物完好率、参观人次）。",
    )

    _DONE_COUNT = re.compile(r"(个数|处数|项数|次数|场次)$")
    # A name that opens with the work to be done (完成…, 清算…, 开展…): a task, not an effect.
    _TASK = re.compile(r"(完成|清算|开展|举办)")

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            target = indicator.target
            if ctx.level1_of(indicator) != "效益指标" or not target.is_quantitative or target.unit is None:
                continue
            # A count of adverse events (重大森林火灾发生次数 =0次) is a result the money should bring: a benefit.
            count = self._DONE_COUNT.search(fold(indicator.name)) and unit_kind(target.unit) is UnitKind.COUNT \
                and target.unit not in ("人", "人次", "户", "名") and not ctx.fact(indicator).reverse \
                and "发生" not in indicator.name
            # The share of the work done (与委托运营方合同完成率 =100% under 社会效益, corpus 208; 清算8个安置小区…
            # 物业费。 ≥95% under 经济效益, 166: a task opening the name) is the output's completion, not what it
            # brought about.
            name = fold(indicator.name)
            completion = (name.endswith("完成率") or bool(self._TASK.match(name))) and target.unit == "%"
            if count or completion:
                yield self.finding(ctx, indicator=indicator, column="level1", raw=target.raw,
                                   fix=move_fix(ctx, indicator, "数量指标"))


class WorkRateUnderBenefit(Rule):
    code = "JX951"
    name = "work-rate-under-benefit"
    title = "工作本身的比率放在效益指标下"
    severity = Severity.INFO
    dimension = Dimension.RELEVANCE
    source = _INDICATORS
    message = "指标“{indicator}”（{raw}）衡量的是工作本身做得怎样，不是带来的效益，却放在“{level}”下，应放在“质量指标”下"
    terms = frozenset({"空", "效益指标"})  # an empty 指标值, and the level of a row whose level 2 was not read
    docs = RuleDocs(
        what="效益指标（经济、社会、生态效益，可持续影响）下是否有衡量项目自身工作过程的比率：运行正常率、差错率、出错率、"
        "争议率、办结率、结算率、验收合格率（大厅运行正常率、补助款结算争议率）。这些说的是这项工作做得好不好，属于产出的"
        "质量；受益面、达标率、成活率、完好率这类由工作带来的结果，可以是效益，不在此报告；完成率由 JX508 报告。",
        why="效益指标说明钱花出去带来了什么变化；把工作本身的质量放在效益下，效益其实没有被衡量，产出的质量也没有归到"
            "应有的类别（语料 288、290）。",
        bad="效益指标 | 经济效益指标 | 大厅运行正常率 | =100%",
        good="产出指标 | 质量指标 | 大厅运行正常率 | =100%",
        fix="移到产出指标的质量指标下；效益指标另写这项工作带来的结果（如办事群众平均等候时间缩短）。",
    )

    # How the work itself went: its running, its errors and disputes, its cases closed and accounts settled, its works
    # passed at acceptance.
    _WORK_RATE = re.compile(r"(正常率|差错率|出错率|争议率|办结率|结算率|验收合格率|验收通过率)$")

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            if ctx.level1_of(indicator) != "效益指标" or not self._WORK_RATE.search(bare_name(indicator.name)):
                continue
            yield self.finding(ctx, indicator=indicator, column="level2", raw=indicator.target.raw.strip() or "空",
                               level=indicator.level2_raw or indicator.level2 or "效益指标",
                               fix=move_fix(ctx, indicator, "质量指标"), confidence=Confidence.INFERENCE)


class OtherWorkUnderSatisfaction(Rule):
    code = "JX509"
    name = "non-satisfaction-under-satisfaction-level"
    title = "满意度指标下放了别的指标"
    severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    source = _INDICATORS
    message = "指标“{indicator}”不是满意度（名称没有满意、认可、评价之类），却放在“{level2}”下"
    placement = True  # a row under 满意度 that measures no satisfaction is often a cell read into the wrong row
    docs = RuleDocs(
        what="满意度指标（服务对象满意度指标）下带数值目标的行，名称是否说的是满意、认可、评价、投诉之类服务对象的感受；"
        "说的是一项工作（整编资料审核 98%）的，是把产出或效益放错了类别。",
        why="满意度指标衡量服务对象的评价；把一项工作的完成程度放在这里，满意度就没有被衡量，这项工作也没有归到应有的类别。",
        bad="满意度指标 | 服务对象满意度指标 | 整编资料审核 | 98%",
        good="产出指标 | 质量指标 | 整编资料审核合格率 | ≥98%；满意度指标 | 服务对象满意度指标 | 资料使用单位满意度 | ≥90%",
        fix="移到产出或效益的相应类别下，满意度指标下另写服务对象的满意度。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator, level2 in satisfaction_rows(ctx):
            if names_respondents(indicator.name):
                continue  # a satisfaction row naming only whom to ask (办内相关部门 | ≥95%): JX956's
            if not _OPINION.search(fold(indicator.name)) and ctx.fact(indicator).kind is not Kind.SATISFACTION:
                yield self.finding(ctx, indicator=indicator, column="level2", level2=level2,
                                   confidence=Confidence.INFERENCE)


def satisfaction_rows(ctx: SheetContext) -> Iterator[tuple[Indicator, str]]:
    """The rows under a satisfaction level (服务对象满意度指标, or 满意度指标 as 一级 where no 二级 is written) that
    state a figure, each with that level: a row without a figure there is a label or a note the reader kept."""
    for indicator in ctx.sheet.indicators:
        level2 = indicator.level2 if indicator.level2 in _SATISFACTION_LEVELS else ctx.level1_of(indicator)
        if level2 in _SATISFACTION_LEVELS and indicator.target.is_quantitative:
            yield indicator, level2


class SatisfactionNamesRespondents(Rule):
    code = "JX956"
    name = "satisfaction-names-only-respondents"
    title = "满意度指标只写了调查对象"
    severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    source = GOALS_2015.at("第十二条（指向明确）")
    message = "满意度指标“{indicator}”只写了调查对象，没有写衡量什么：应为“{indicator}满意度”"
    docs = RuleDocs(
        what="满意度指标下带数值目标的行，名称是否只写了调查对象（部门、单位、群众、服务对象、学生……结尾），没有“满意、"
        "认可、评价”之类衡量什么的字样（语料 344：办内相关部门 | ≥95%、预审计项目的主责部门 | ≥95%）。",
        why="名称只写对象，看不出百分之几衡量的是满意度、覆盖面还是别的比例，年底无法对照调查结果；审核人按名称不完整退回修改。",
        bad="满意度指标 | 服务对象满意度指标 | 办内相关部门 | ≥95%",
        good="满意度指标 | 服务对象满意度指标 | 办内相关部门满意度 | ≥95%",
        fix="在名称后补上“满意度”（或所衡量的评价），写明调查对象和口径。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator, _ in satisfaction_rows(ctx):
            if names_respondents(indicator.name) and not _OPINION.search(fold(indicator.name)):
                after = f"{indicator.name}满意度"
                fix = Fix.of(Applicability.NEEDS_HUMAN, "指标名称改为“{name}满意度”", name=indicator.name,
                             edits=(Edit(field="name", before=indicator.name, after=after, row=indicator.row,
                                         indicator=indicator.name),))
                yield self.finding(ctx, indicator=indicator, column="name", fix=fix)


class TimelessUnderTimeliness(Rule):
    code = "JX510"
    name = "timeless-row-under-timeliness"
    title = "时效指标下的指标与时间无关"
    severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    source = _INDICATORS
    message = "指标“{indicator}”放在“时效指标”下，名称和指标值“{raw}”却都与时间无关"
    docs = RuleDocs(
        what="时效指标下的指标，名称和指标值是否都不涉及时间：没有日期、时限、期限、频次或“及时、按时、按期、当年、"
        "月底前、完成、应急”一类的字样（教育均衡化发展 | 有效）。时效指标下的比率（资金到位率、发放率、法定审限内结案率）"
        "是按时做到的比例，与完成率一样不在此报告。",
        why="时效指标衡量什么时候完成；与时间无关的行放在这里，表格就没有时效要求，这一行也没有放在它衡量的类别下。",
        bad="产出指标 | 时效指标 | 教育均衡化发展 | 有效",
        good="产出指标 | 时效指标 | 校舍维修改造按期完工率 | ≥95%",
        fix="移到它衡量的类别下（质量、效益…），另补一项写明完成时限的时效指标。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            target = indicator.target
            if indicator.level2 != "时效指标" or ctx.unfinished(indicator) or target.is_empty:
                continue
            if speaks_of_time(indicator.name, target) or _RATE_NAME.search(fold(indicator.name)):
                continue  # a rate under 时效指标 is the share done in time (资金到位率, 发放率, 法定审限内结案率,
                # corpus 218, 223), as a 完成率 there is the share done on schedule
            yield self.finding(ctx, indicator=indicator, column="level2", raw=target.raw,
                               confidence=Confidence.INFERENCE)


# A name that ends in 率 (its unit in brackets after it, as some forms write): a rate
_RATE_NAME = re.compile(r"率(\((%|百分比)\))?$")


class UnknownLevelName(Rule):
    code = "JX506"
    name = "unknown-level-name"
    title = "一级或二级指标名称不规范"
    severity = Severity.WARNING
    dimension = Dimension.FORM
    source = _INDICATORS
    message = "指标“{indicator}”的{column_name}“{written}”不是规范的指标名称"
    message_closest = "指标“{indicator}”的{column_name}“{written}”不是规范的指标名称，是否为“{closest}”"
    # a sheet with levels of its own, judged by that framework (its level-1 names)
    message_framework = "指标“{indicator}”的{column_name}“{written}”不是规范的指标名称（本表按{framework}框架审核）"
    message_framework_closest = ("指标“{indicator}”的{column_name}“{written}”不是规范的指标名称（本表按{framework}框架审核），"
                                 "是否为“{closest}”")
    # the form's habit of level names without 指标 (产出值, 数量值…), said once: the names, or the first and how many
    message_suffix = "指标“{indicator}”的{column_name}“{written}”不是规范的指标名称，应以“指标”结尾（如“{known}”）"
    message_suffix_more = ("指标“{indicator}”的{column_name}“{written}等{count}个”不是规范的指标名称，应以“指标”结尾"
                           "（如“{known}”）")
    terms = frozenset({"一级指标", "二级指标", "一级、二级指标"})
    docs = RuleDocs(
        what="一级指标、二级指标是否为规定的名称（产出指标、效益指标、满意度指标、成本指标及其二级指标）。同一名称（多为合并单元格）"
        "只在第一次出现的行报告一次。能看懂但不是规定名称的也报告：旧称（环境效益指标，应为生态效益指标），和整张表把"
        "“指标”都写成“值”（产出值、经济效益值，作为一种写法报告一次）；简称（产出、成本）和表样把几个规定名称合写在一格的（社会、经济、生态效益指标）不在此报告；自评表、监控表沿用已批复目标表的层级名称，其中能看懂的"
        "旧称和“值”的写法不在那里报告，看不懂的名称（进度指标）照常报告。表样自有的层级名称（发展改革委投资计划表的实施效果指标、过程管理指标及其计划管理、"
        "资金管理等二级，二级栏写产出指标、效益指标）按表样认可。用自有层级框架的表按该框架的名称判断：2018年以前的投入目标"
        "（投入）、管理目标（过程）、产出目标、效果目标及其资金投入、数量目标、时效目标等二级，评价指标体系框架的决策、过程、"
        "产出、效益及其项目立项、资金管理等二级，都是规范名称；框架是从表样或表中一级指标的名称识别的，不是从年度。",
        why="一级、二级指标是固定分类；自造名称无法归类汇总，也无法按权重计分。",
        bad="产出指标 | 工作量指标 | …",
        good="产出指标 | 数量指标 | …",
        fix="改为规范名称。",
    )

    # Level names listed in the one finding on a form that ends them all in 值.
    _LISTED = 4

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        seen: set[tuple[str, str]] = set()
        suffixed: list[tuple[Indicator, str, str, str]] = []  # (row, column, as written, prescribed name)
        for indicator in ctx.sheet.indicators:
            for column, written, known, names in (
                ("level1", indicator.level1_raw, indicator.level1, level1_names()),
                ("level2", indicator.level2_raw, indicator.level2, level2_names()),
            ):
                if not written.strip() or ctx.form.knows_level(written) or (ctx.levels and ctx.levels.knows(written)):
                    continue  # a level of the form's, or of the framework the sheet is written in (投入, 管理目标)
                misnamed = misnamed_level(written) if known in names else None
                if misnamed and not ctx.sets_goals:
                    continue  # a report keeps the level names of the goals approved a year before: one it
                    # understands (环境效益, 产出值) is not written anew there (corpus 212), unlike one it cannot place
                if misnamed == "suffix":
                    suffixed.append((indicator, column, written, known))
                    continue
                # a name kept as written (进度指标) is known to the reader, not to the framework
                if known in names and misnamed is None:
                    continue
                if column == "level2" and ctx.form.standard_level1_as_level2 and canonical_level1(written):
                    continue  # the form's 二级 column holds 产出指标/效益指标 under its own level 1
                if column == "level2" and joins_levels(written):
                    continue  # the form merges standard 二级 into one heading (社会、经济、生态效益指标, corpus 290)
                if (column, fold(written)) in seen:
                    continue  # one level name (a merged cell over several rows) is one mistake: its first row
                seen.add((column, fold(written)))
                closest = known if misnamed else _closest(written, ctx.levels.names(column) if ctx.levels else names)
                fix = None
                if closest:
                    edit = Edit(field=column, before=written, after=closest, row=indicator.row,
                                indicator=indicator.name)
                    fix = Fix.of(Applicability.NEEDS_HUMAN, "改为“{closest}”", closest=closest, edits=(edit,))
                slots = {"closest": closest} if closest else {}
                if ctx.levels:
                    slots["framework"] = "、".join(ctx.levels.names("level1"))
                template = {(True, False): self.message_closest, (False, True): self.message_framework,
                            (True, True): self.message_framework_closest}.get((bool(closest), bool(ctx.levels)))
                yield self.finding(ctx, indicator=indicator, column=column, fix=fix, written=written,
                                   column_name="一级指标" if column == "level1" else "二级指标", template=template,
                                   **slots)
        if suffixed:
            # 产出值, 数量值, 经济效益值…: one habit of the form, reported once at its first row.
            first, column, _, known = suffixed[0]
            names = list(dict.fromkeys(written for _, _, written, _ in suffixed))
            more = {"template": self.message_suffix_more, "count": len(names)} if len(names) > self._LISTED else \
                {"template": self.message_suffix}
            edits = tuple(dict.fromkeys(Edit(field=col, before=raw, after=name, row=row.row, indicator=row.name)
                                        for row, col, raw, name in suffixed))
            fix = Fix.of(Applicability.NEEDS_HUMAN, "层级名称改为规范名称", edits=edits)
            yield self.finding(ctx, indicator=first, column=column, fix=fix, written="、".join(names[:self._LISTED]),
                               column_name="一级、二级指标" if len({c for _, c, _, _ in suffixed}) > 1 else
                               ("一级指标" if column == "level1" else "二级指标"), known=known, **more)


def joins_levels(written: str) -> bool:
    """True for a heading that joins standard 二级 names sharing their ending, as a form merges them into one cell
    (社会、经济、生态效益指标: 社会效益指标, 经济效益指标 and 生态效益指标; corpus 290, Dongguan's approval form)."""
    parts = [part for part in re.split(r"[、和及与/]", fold(written).removesuffix("指标")) if part]
    if len(parts) < 2:
        return False
    last = parts[-1]
    # the shortest ending of the last name that, given to every part, makes each a standard name (效益 of 生态效益)
    endings = [last[start:] for start in range(len(last) - 1, -1, -1)]
    return any(all(canonical_level2(part if part.endswith(ending) else part + ending) for part in parts)
               for ending in endings)


def _closest(written: str, names: list[str]) -> str | None:
    """The canonical name sharing the most characters with ``written`` (at least two), or None."""
    folded = set(fold(written)) - set("指标")
    scored = sorted(((len(folded & set(name)), name) for name in names), reverse=True)
    return scored[0][1] if scored and scored[0][0] >= 2 else None
