"""Figures of one sheet set against each other: a group's beneficiaries fewer than the people of that group served,
a benefit whose value only repeats an output's period, a goal's standard per head times its heads above the budget,
the 其中 rows under a figure adding up to more than it, a span of one year with goals or money of more, the span's
counts no more than the year's, the sheet's year outside the span, more works than the whole budget could pay for."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.model import Indicator, MoneyUnit, Operator, Severity, Target, UnitKind, unit_kind
from jixiao.model.amounts import amount_text
from jixiao.model.lexicon import fold
from jixiao.review.context import SheetContext
from jixiao.review.finding import Confidence, Dimension, Finding, listed
from jixiao.review.lexicon import (
    Kind,
    beneficiary_group,
    counts_population,
    head_counts,
    head_standards,
    least_unit_cost,
)
from jixiao.review.rule import Rule, RuleDocs
from jixiao.review.rules.money import PERIOD_AND_YEAR
from jixiao.review.rules.units import budget_in_wan
from jixiao.review.sources import GOALS_2015

# Units that count people or households once each: a person counted in 人次 may be served several times.
_HEADS = frozenset({"人", "户"})
# A figure set as a ceiling says how many at most, not how many the project reaches.
_CEILINGS = frozenset({Operator.LE, Operator.LT})


def _head_count(indicator: Indicator) -> bool:
    target = indicator.target
    return target.value is not None and target.unit in _HEADS and target.operator not in _CEILINGS


class BeneficiariesFewerThanServed(Rule):
    code = "JX940"
    name = "beneficiaries-fewer-than-served"
    title = "受益人数少于同一群体的服务人数"
    severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    source = GOALS_2015.at("第十二条（相应匹配）")
    message = ("指标“{indicator}”为{figure}，多于“{other}”的{other_figure}：同一群体（{group}）得到服务的都是受益的，"
               "受益{unit}数不应少于服务{unit}数")
    docs = RuleDocs(
        what="同一张表里，受益某一群体的人数（户数）是否少于另一项指标中同一群体得到服务的人数（户数）：受益指标的名称在"
             "“受益”之后写明群体（受益脱贫(监测)人口数：脱贫(监测)），另一项指标的名称含这一群体、单位相同（人或户；"
             "人次可以重复计，不比较），数值却更大。两项都不是上限（≤）。没有写明群体的“受益人数”不比较；另一项数的是全县、"
             "辖区的全部人口（全县脱贫人口数）而不是得到服务的人的，也不比较。",
        why="为某一群体解决了问题，这些人就是受益的人：受益人数少于服务人数，两个数至少有一个是错的，"
            "年底也无法据此评价效益。",
        bad="社会效益指标 | 受益脱贫(监测)人口数 | ≥500人\n社会效益指标 | 解决脱贫(监测)饮水安全问题人数 | ≥1000人",
        good="社会效益指标 | 受益脱贫(监测)人口数 | ≥1000人\n社会效益指标 | 解决脱贫(监测)饮水安全问题人数 | ≥1000人",
        fix="核对两项人数：受益人数应不少于其中任何一项服务的人数，或在名称中写明二者是不同的人群。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        counts = [indicator for indicator in ctx.sheet.indicators if _head_count(indicator)]
        for beneficiaries in counts:
            group = beneficiary_group(beneficiaries.name)
            if group is None:
                continue
            target = beneficiaries.target
            served = [other for other in counts if other is not beneficiaries and other.target.unit == target.unit
                      and group in fold(other.name) and other.target.value > target.value
                      and not counts_population(other.name)]
            if served:
                # Reported on the row served, the larger figure, as a reviewer does: it is what the beneficiaries
                # must include (corpus 105).
                most = max(served, key=lambda row: row.target.value)
                yield self.finding(ctx, indicator=most, column="target", confidence=Confidence.INFERENCE,
                                   group=group, figure=most.target.display(), other=beneficiaries.name,
                                   other_figure=target.display(), unit=target.unit)


# A 指标值 naming a time: a year, or a date or deadline the target reader found.
_YEAR = re.compile(r"\d{4}年")


class BenefitRepeatsOutputPeriod(Rule):
    code = "JX941"
    name = "benefit-repeats-output-period"
    title = "效益指标只重复产出的期限"
    severity = Severity.INFO
    dimension = Dimension.RELEVANCE
    source = GOALS_2015.at("第九条（绩效指标）")
    message = "效益指标“{indicator}”的指标值“{raw}”与产出指标“{other}”的一字不差，只是项目本身的期限，没有说明效益"
    docs = RuleDocs(
        what="效益指标（社会、经济、生态效益、可持续影响）的指标值是否只是一段期限或一个日期，且与某项产出指标（多为时效"
             "指标）的指标值一字不差。",
        why="效益指标要说明项目产出带来的效果及其持续多久；照抄资金使用周期，说的仍是钱什么时候花完，年底无从评价效益。",
        bad="时效指标 | 各项费用使用周期 | 2020年1月--2020年11月\n可持续影响指标 | 保障期限 | 2020年1月--2020年11月",
        good="时效指标 | 各项费用使用周期 | 2020年1月--2020年11月\n可持续影响指标 | 环境卫生长效保洁机制运行年限 | ≥3年",
        fix="改写为产出带来的效果及其可以核对的标准，期限留在时效指标中。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        outputs = {}
        for indicator in ctx.sheet.indicators:
            if ctx.level1_of(indicator) == "产出指标" and indicator.target.raw.strip():
                outputs.setdefault(fold(indicator.target.raw), indicator)
        for indicator in ctx.sheet.indicators:
            target = indicator.target
            if ctx.level1_of(indicator) != "效益指标" or not (target.date or _YEAR.search(target.raw)):
                continue
            other = outputs.get(fold(target.raw))
            if other is not None:
                yield self.finding(ctx, indicator=indicator, column="target", confidence=Confidence.INFERENCE,
                                   raw=target.raw, other=other.name)


# Where one sentence of a goal ends: a standard and the heads it is paid to are stated in the same sentence.
_SENTENCE = re.compile(r"[。；;]")


class GoalStandardAboveBudget(Rule):
    code = "JX942"
    name = "goal-standard-above-budget"
    title = "目标所写标准×人数超过预算"
    severity = Severity.WARNING
    dimension = Dimension.APPROPRIATENESS
    source = GOALS_2015.at("第十二条（相应匹配）")
    message = "绩效目标写“{standard}”、“{count}”，二者相乘需{product}万元，超过项目预算{budget}万元"
    defaults = {"tolerance": 0.5}
    docs = RuleDocs(
        what="绩效目标的同一句话里写了按人（生、户、村）计的标准（每生每年3300元、704元/村）和人数（6140人次、70个行政村）"
             "时，标准×人数（按月、按学期的标准折成一年）是否超过项目预算（默认超出一半以上才报告，可由审核方案的 "
             "tolerance 调整）。同一句有几项标准的，任何一项与预算相符即可；每户增收、人均收入是项目带来的收入，不是要付的"
             "钱，不计。",
        why="按目标自己写的标准和人数，要花的钱比预算多得多：标准、人数、预算至少有一个是错的，目标不可能按所写完成。",
        bad="预算数 895.8万元；年度目标：按国家助学金标准平均每生每年3300元发放，涉及6140人次困难学生",
        good="预算数 895.8万元；年度目标：按国家助学金标准平均每生每年3300元发放，资助困难学生2714人",
        fix="核对标准、人数和预算，使三者一致；按学期发放的写明每学期标准和人次。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        budget = budget_in_wan(ctx.sheet)
        if not budget:
            return
        ceiling = budget * (1 + Decimal(str(self.param(ctx, "tolerance"))))
        for goal in ctx.sheet.goals:
            for sentence in _SENTENCE.split(goal):
                costs = [(standard, count, count.value * standard.wan_a_year) for standard in head_standards(sentence)
                         for count in head_counts(sentence) if count.noun == standard.head]
                # Several standards (每村4400元 of which 704元/村 from the city, corpus 167): one that fits is enough.
                if costs and all(product > ceiling for _, _, product in costs):
                    standard, count, product = min(costs, key=lambda cost: cost[2])
                    yield self.finding(ctx, column="goals", confidence=Confidence.INFERENCE, standard=standard.written,
                                       count=count.written, product=f"{product.quantize(Decimal('0.01'))}",
                                       budget=amount_text(budget))


# A row giving a part of the figure above it (其中:新造林面积, 其中桃树种植面积).
_PART = re.compile(r"^其中[:：]?")


def _floor_or_exact(indicator: Indicator) -> bool:
    target = indicator.target
    return target.value is not None and target.operator not in _CEILINGS and target.operator is not Operator.RANGE


class PartsAboveWhole(Rule):
    code = "JX943"
    name = "parts-above-whole"
    title = "“其中”分项之和超过总数"
    severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    source = GOALS_2015.at("第十二条（相应匹配）")
    message = "“{indicator}”为{whole}，其下“其中”各项（{parts}）合计{total}{unit}，超过了总数"  # {parts}: listed
    docs = RuleDocs(
        what="以“其中”开头的指标行（其中:新造林面积）是上面一行的分项：同一单位的分项之和（只有一项的，就是这一项）是否"
             "超过上面一行的总数。分项或总数是上限（≤）或区间的不比较。",
        why="分项之和大于总数，总数或某一分项必有一个写错，年底无法核对完成了多少。",
        bad="数量指标 | 实施营造林总面积 | ≥8000亩\n数量指标 | 其中:新造林面积 | ≥3000亩\n数量指标 | 其中:退化林修复面积 | ≥6000亩",
        good="数量指标 | 实施营造林总面积 | ≥8000亩\n数量指标 | 其中:新造林面积 | ≥3000亩\n数量指标 | 其中:退化林修复面积 | ≥5000亩",
        fix="核对总数和各分项，使分项之和不超过总数。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        whole, parts = None, []
        for indicator in [*ctx.sheet.indicators, None]:  # (None closes the last group)
            if indicator is not None and _PART.match(fold(indicator.name)):
                parts.append(indicator)
                continue
            if whole is not None and parts:
                yield from self._compare(ctx, whole, parts)
            whole, parts = indicator, []

    def _compare(self, ctx: SheetContext, whole: Indicator, parts: list[Indicator]) -> Iterator[Finding]:
        unit = whole.target.unit
        alike = [part for part in parts if part.target.unit == unit and _floor_or_exact(part)]
        if not unit or not alike or not _floor_or_exact(whole):
            return
        total = sum((part.target.value for part in alike), Decimal(0))
        if total > whole.target.value:
            named, slots = listed("{name} {figure}", [{"name": part.name, "figure": part.target.display()}
                                                      for part in alike])
            yield self.finding(ctx, indicator=whole, column="target", confidence=Confidence.INFERENCE,
                               template=self.message.replace("{parts}", named), whole=whole.target.display(),
                               unit=unit, total=f"{total.normalize():f}", **slots)


class OneYearSpanContradicted(Rule):
    code = "JX944"
    name = "one-year-span-contradicted"
    title = "项目期与中期目标的年份或中期资金不符"
    severity = Severity.INFO
    dimension = Dimension.RELEVANCE
    source = PERIOD_AND_YEAR
    message = "项目期填“{period}”，中期目标却写{start}年—{end}年"
    more_money = "项目期填“{period}”，中期资金总额{period_total}{unit}却多于年度资金总额{total}{unit}"
    both = "项目期填“{period}”，却设{start}年—{end}年的中期目标和{period_total}{unit}中期资金（年度资金总额{total}{unit}）"
    docs = RuleDocs(
        what="表中“项目期”（实施期）写明的年数，与中期目标栏标明的起止年份（中期目标(2023年—2025年)）是否一致；"
             "项目期只有1年的，中期资金总额是否多于年度资金总额（一年的项目，两者应相同）。中期资金少于年度资金的，"
             "由 JX706 报告。",
        why="项目期、中期目标的年份和中期资金说的是同一个实施期：三者不一致，无法判断项目是一年还是多年，中期目标按哪几年考核。",
        bad="项目期 1年；中期目标(2023年—2025年)；中期资金总额 449.8；年度资金总额 189.8",
        good="项目期 3年；中期目标(2023年—2025年)；中期资金总额 449.8；年度资金总额 189.8",
        fix="核对项目期：多年实施的项目填实际年数，只实施一年的，中期目标和中期资金按当年填写。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        period = ctx.sheet.period
        if period is None or period.years is None or period.text is None:
            return
        spans = period.start is not None and period.end is not None and period.end - period.start + 1 != period.years
        span_total, total = period.budget.total, ctx.sheet.budget.total
        money = period.years == 1 and span_total is not None and total is not None and span_total > total
        years = {"start": period.start, "end": period.end} if spans else {}
        amounts = {"period_total": amount_text(span_total), "total": amount_text(total),
                   "unit": (ctx.sheet.money_unit or MoneyUnit.WAN_YUAN).value} if money else {}
        if spans or money:
            template = self.both if spans and money else (self.message if spans else self.more_money)
            yield self.finding(ctx, column="budget" if money and not spans else "goals", template=template,
                               period=period.text, **years, **amounts)


class YearOutsidePeriod(Rule):
    code = "JX950"
    name = "year-outside-period"
    title = "表的年度不在项目期（建设周期）内"
    severity = Severity.ERROR
    dimension = Dimension.RELEVANCE
    source = PERIOD_AND_YEAR
    message = "本表是{year}年度的，项目期（建设周期、实施期）却是“{period}”，不含{year}年"
    docs = RuleDocs(
        what="表头的年度（(2023年度)）是否落在表中写明年份的项目期、实施期、建设周期、项目起止时间之内（2025年1月1日-"
             "2025年12月31日不含2023年）。只写年数的项目期（3年）和只在中期目标栏标题中写出的年份不在此比较。表上没有印年度、"
             "由读取程序从期限或通知中推出的，为警告（推断）。",
        why="年度目标是项目期中这一年的目标：表的年度不在项目期内，要么年度填错，要么项目期照抄了别的年度的表，"
            "这一年的目标、资金和期限都无从核对，应退回改正（语料 285）。",
        bad="年度：2023\n项目期：2025年1月1日-2025年12月31日",
        good="年度：2025\n项目期：2025年1月1日-2025年12月31日",
        fix="核对表的年度和项目期：年度填本表申报的预算年度，项目期填项目实际的起止时间，使前者落在后者之内。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        year, period = ctx.sheet.year, ctx.sheet.period
        # The span as the form prints it beside its label, naming its years: a 中期目标 heading's years (038: no
        # text) and a length alone (3年) say nothing of which years the project runs.
        if year is None or period is None or not period.text or (period.start is None and period.end is None) \
                or not period.names_years():
            return
        if (period.start is not None and year < period.start) or (period.end is not None and year > period.end):
            # a year the table does not print (taken from its deadlines or the notice around it) is the reader's guess:
            # set against the span, it is a question for the preparer, not a return (推断, at most a warning)
            confidence = Confidence.INFERENCE if ctx.year_inferred else Confidence.HIGH
            yield self.finding(ctx, column="title", year=year, period=period.text, confidence=confidence)


class SpanCountsNotAboveYear(Rule):
    code = "JX945"
    name = "span-counts-not-above-year"
    title = "多年的中期数量指标不高于年度指标"
    severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    source = PERIOD_AND_YEAR
    message = "实施期为{years}年，数量指标的中期指标值却都不高于年度指标值：{rows}"  # {rows}: listed
    # every medium-term target the year's own, over a span whose money is more than the year's
    message_copied = ("实施期为{years}年、资金{span_money}{unit}（其中年度{year_money}{unit}），{count}项中期指标值却与"
                      "年度指标值逐项相同（如“{counted}”均为{raw}）：中期指标照抄了年度指标，没有体现整个实施期的目标")
    docs = RuleDocs(
        what="实施期在一年以上（项目期3年、中期目标(2024年—2026年)）的表，同时列出中期指标值和年度指标值的数量指标"
             "（个、次、组、人等计数，下限或确数），是否全部（至少两项）中期指标值都不高于年度指标值。比率、时限、"
             "金额不累计，不比较。数量指标不到两项的，全表（至少三项）中期指标值与年度指标值逐项相同、其中有一项计数（包括"
             "名称表明计数而没有写单位的“结算项目数 | 3”），而实施期资金多于年度资金的，同样报告：钱分几年花，指标却只写了一年的。"
             "实施期资金没有多于年度资金的（钱都在当年），相同的指标值可能就是实施期的，不报告。",
        why="中期指标值是整个实施期累计要完成的数，年度指标值是其中一年的；多年的中期值与一年的相同甚至更低，"
            "多半是把年度指标照抄到了中期栏，中期目标没有实际设定（语料 279、290）。",
        bad="项目期 3年\n数量指标 | 鉴定校准实验室仪器 | 中期指标值：≥57个 | 指标值：≥57个\n"
            "数量指标 | 监督抽检批次 | 中期指标值：≥100批次 | 指标值：≥100批次",
        good="项目期 3年\n数量指标 | 鉴定校准实验室仪器 | 中期指标值：≥170个 | 指标值：≥57个\n"
             "数量指标 | 监督抽检批次 | 中期指标值：≥300批次 | 指标值：≥100批次",
        fix="按整个实施期分别测算中期指标值（各年累计），年度指标值填当年要完成的部分。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        period = ctx.sheet.period
        years = period.length() if period is not None else None
        if years is None or years <= 1:
            return
        pairs = [(indicator, indicator.long_term_target) for indicator in ctx.sheet.indicators
                 if indicator.long_term_target is not None and _cumulative(indicator.target)
                 and _cumulative(indicator.long_term_target) and indicator.long_term_target.unit == indicator.target.unit]
        if len(pairs) >= 2:
            if all(span.value <= indicator.target.value for indicator, span in pairs):
                rows, slots = listed("“{name}”（中期{span}，年度{year}）", [
                    {"name": indicator.name, "span": span.display(), "year": indicator.target.display()}
                    for indicator, span in pairs])
                yield self.finding(ctx, column="target", confidence=Confidence.INFERENCE,
                                   template=self.message.replace("{rows}", rows), years=years, **slots)
            return
        yield from self._copied(ctx, years)

    # A whole table copied: this many medium-term targets at least, each the year's own
    _COPIED_ROWS = 3

    def _copied(self, ctx: SheetContext, years: int) -> Iterator[Finding]:
        """The medium-term column copying the annual one row by row, where the span's money is more than the year's
        (corpus 290: 29 projects and 169 km over 2019–2021 for 284,500万元, its five medium-term targets the year's
        settlement of 3 projects for 919万元). With one count or none the rule above cannot weigh counts; a copy of the
        whole column says the same. Where the span's money is all the year's, the same targets may be the span's."""
        span_money, year_money = ctx.sheet.period.budget.total, ctx.sheet.budget.total
        rows = [indicator for indicator in ctx.sheet.indicators
                if indicator.long_term_target is not None and not indicator.long_term_target.is_empty]
        if span_money is None or not year_money or span_money <= year_money or len(rows) < self._COPIED_ROWS \
                or any(fold(i.long_term_target.raw) != fold(i.target.raw) for i in rows):
            return
        counted = next((i for i in rows if _cumulative(i.target) or (
            i.target.value is not None and i.target.unit is None and ctx.fact(i).kind is Kind.COUNT)), None)
        if counted is not None:
            yield self.finding(ctx, column="target", confidence=Confidence.INFERENCE, template=self.message_copied,
                               years=years, span_money=amount_text(span_money), year_money=amount_text(year_money),
                               unit=(ctx.sheet.money_unit or MoneyUnit.WAN_YUAN).value, count=len(rows),
                               counted=counted.name, raw=counted.target.raw)


def _cumulative(target: Target) -> bool:
    """A count a span adds up year by year: a figure of a counting unit (个, 次, 组), a floor or exact."""
    return target.value is not None and target.unit is not None and unit_kind(target.unit) is UnitKind.COUNT \
        and target.operator not in _CEILINGS and target.operator is not Operator.RANGE


class WorksBeyondBudget(Rule):
    code = "JX955"
    name = "works-beyond-budget"
    title = "工程量以全部预算也做不到"
    severity = Severity.WARNING
    dimension = Dimension.FEASIBILITY
    source = GOALS_2015.at("第十二条（合理可行）")
    message = ("指标“{indicator}”要求{raw}，项目预算{budget}万元全部用于此，每{per}也只有{each}万元，远低于{work}"
               "的造价（每{per}至少{least}万元）：目标不可信，或单位写错")
    docs = RuleDocs(
        what="数量指标要完成的工程（道路硬化、新建水泥路等，以公里或米计）按项目全部预算平均，每单位的钱是否还低于这类"
             "工程最低的造价（jixiao/review/data/lexicon.toml 的 least_unit_costs：道路硬化每公里10万元，远低于实际造价）。"
             "上限（≤）不检查；表中没有预算数的，不检查。",
        why="全部预算都修不了这么多，目标要么定得不可能完成，要么单位写错了（米写成公里）；年底按这个数考核，结果没有意义"
            "（语料 105：854万元要硬化≥100公里村内道路，每公里8.54万元）。",
        bad="预算数 854.00万元；财政资金 854.00万元\n数量指标 | 脱贫村村内道路硬化里程 | ≥100公里",
        good="预算数 854.00万元；财政资金 854.00万元\n数量指标 | 脱贫村村内道路硬化里程 | ≥10公里",
        fix="按实际工程量和造价核实指标值和单位（米或公里）。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        budget = budget_in_wan(ctx.sheet)
        if not budget:
            return
        for indicator in ctx.sheet.indicators:
            target = indicator.target
            if not target.value or target.operator in _CEILINGS or ctx.doubtful(indicator):
                continue  # a ceiling asks no amount of work; a row whose cells may be misplaced may not be this work's
            found = least_unit_cost(indicator.name, target.unit)
            if found is None:
                continue
            floor, factor = found
            each = budget / (target.value * factor)
            if each < floor.least:
                yield self.finding(ctx, indicator=indicator, column="target", confidence=Confidence.INFERENCE,
                                   raw=target.raw, budget=amount_text(budget), per=floor.per,
                                   each=amount_text(each), work=floor.work,
                                   least=f"{floor.least.normalize():f}")
