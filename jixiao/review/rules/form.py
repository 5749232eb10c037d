"""规范性 / measurability: a target states an operator, a number and a unit, and nothing else."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.model import (
    Indicator,
    NoteCode,
    Operator,
    Severity,
    Target,
    UnitKind,
    canonical_unit,
    not_an_indicator,
    parse_target,
    points_not_targets,
    unit_kind,
)
from jixiao.model.lexicon import fold
from jixiao.model.units import ratio_units
from jixiao.review.context import SheetContext
from jixiao.review.finding import Applicability, Confidence, Dimension, Edit, Finding, Fix, listed
from jixiao.review.lexicon import (
    STATEMENT,
    SYMBOL_ONLY,
    Kind,
    activity_done,
    after_event,
    bare_name,
    bound_in_sentence,
    is_slogan,
    is_timeliness,
    names_deadline,
    names_no_measure,
    speaks_of_time,
    suggested_unit,
    unit_without_value,
    unknown_measure_word,
    vague_tail,
    vague_word,
    whole_period,
)
from jixiao.review.rule import Rule, RuleDocs
from jixiao.review.rules.consistency import similarity
from jixiao.review.sources import EVALUATION_2020, GOALS_2015

_SPECIFIC = GOALS_2015.at("第十二条（细化量化）")

def target_fix(indicator: Indicator, after: str, applicability: Applicability, template: str, **params: str) -> Fix:
    """A fix that rewrites the whole 指标值 cell of ``indicator`` as ``after``, summed up as ``template`` filled by
    ``params``."""
    edit = Edit(field="target", before=indicator.target.raw, after=after, row=indicator.row, indicator=indicator.name)
    return Fix.of(applicability, template, edits=(edit,), **params)


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


# The pace at which the money is paid out (资金支付进度率, corpus 249) is its execution rate under another name.
_MONEY_PROCESS = re.compile(r"(资金|预算|经费|支出|配套)[^，,、]{0,6}(安排|到位|下达|执行|(支付|拨付)进度)")
# Paying the money out (资金足额拨付率, corpus 226, 227) is the money's own process too; its timing under 时效指标
# (补助资金拨付及时率: a subsidy reaching the schools in time) is when the subsidy is delivered, an output of a
# subsidy programme, and so is a subsidy paid out in full (补助经费足额拨付率, corpus 259: the money reaching the
# people it is for, the 足额发放率 of a subsidy). 拨款 is 拨付 in a noun (预算资金拨款率, corpus 288).
_PAID_OUT = re.compile(r"(资金|经费|配套)[^，,、]{0,6}拨(付|款)")
_SUBSIDY_PAID = re.compile(r"(补助|补贴)(资金|经费)?[^，,、]{0,4}拨(付|款)")
# The 二级 levels of the outputs, in the 2018 framework and the older forms' 产出目标 (kept as written, corpus 220)
_OUTPUT_LEVEL2 = ("数量指标", "质量指标", "时效指标", "数量目标", "质量目标", "时效目标")


def measures_money(ctx: SheetContext, indicator: Indicator) -> bool:
    """True for an output row that measures the money itself (资金到位率, 资金支付进度率, 支出安排金额), not what it
    buys, and for a cost row that measures how far the budget is spent (年度预算执行率 ≥90%): JX915 reports it, and
    JX201 asks no operator of it, nor JX901 an amount."""
    name = fold(indicator.name)
    if ctx.is_cost_row(indicator):
        return _spends_budget(indicator)
    output = ctx.level1_of(indicator) == "产出指标" or indicator.level2 in _OUTPUT_LEVEL2
    timeliness = indicator.level2 in ("时效指标", "时效目标")
    paid_out = _PAID_OUT.search(name) and not _SUBSIDY_PAID.search(name) \
        and not timeliness and not speaks_of_time(indicator.name, indicator.target)
    # The time the money arrives, under 时效指标 and named so (财政资金到位时间, 财政资金到位及时支付率, corpus 148),
    # is when the work can start, timed like a subsidy's payment; the share arrived (资金当年下达率) is the money.
    timed = timeliness and is_timeliness(indicator.name)
    return output and not timed and bool(_MONEY_PROCESS.search(name) or paid_out)


# The share of a budget spent, named as a rate (年度预算执行率, 资金支付进度率): the pace of spending
_SPENDING_RATE = re.compile(r"(资金|预算|经费|支出)[^，,、]{0,6}(执行|支付进度|拨付进度|支出)率$")


def _spends_budget(indicator: Indicator) -> bool:
    """True for a row whose name and % target measure how far the budget is spent (年度预算执行率 ≥90%): under
    成本指标 it states no cost, only the pace of spending (corpus 290, the Dongguan form's 预算控制指标)."""
    return indicator.target.unit == "%" and bool(_SPENDING_RATE.search(bare_name(indicator.name)))


class MissingOperator(Rule):
    code = "JX201"
    name = "target-without-operator"
    title = "指标值缺少运算符"
    severity = Severity.INFO
    dimension = Dimension.FORM
    source = _SPECIFIC
    message = "指标“{indicator}”的指标值“{raw}”没有写明≥、≤或=，无法判断是下限还是上限"
    # several rows: the first few listed (“name”（指标值）, their {rows} written by listed), and how many
    message_rows = "指标{rows}{count}项的指标值没有写明≥、≤或=，无法判断是下限还是上限"
    message_more = "指标{rows}等{count}项的指标值没有写明≥、≤或=，无法判断是下限还是上限"
    docs = RuleDocs(
        what="数值型指标值是否带有运算符（≥ ≤ = 或“不低于”“不超过”等）。0（事故0次）本身就是确定值，频次"
        "（1次/月）已是比率，单位只在说明里的（JX202）和疑似识别错误的（JX909）另行报告，均不在此报告；"
        "成本或金额行的指标值以别的单位计的（物业费 8个）由 JX305、JX901 报告单位，也不在此报告。一张表中"
        "有几行都缺运算符时，是整张表的写法，合并为一条报告（列出各行，修复逐行加运算符）。自评表、监控表是对已批复目标"
        "的报告，目标的写法不在那里重审，只报告名称表明越低越好的指标（培训成本、投诉率：缺了≤，打分时方向会算反），"
        "实际完成值与指标值相同的（两个方向都得满分）除外；"
        "成本指标下的补助标准、采购金额（3000元/人、5万）是批复的标准，不再报告。衡量资金本身的产出指标（支出安排金额 28.8万元）"
        "应换成这笔钱的产出，由 JX915 报告，不在此要求加运算符。不带运算符的“100%”是否算缺运算符由审核方案的 "
        "bare_full_rate 决定：exact 视为确定值，从不报告；mixed（默认）只在表中其余定量指标值（满意度"
        "除外，表样多印好“≥90%”）至少一半写了运算符、100% 却没写时报告（修复为“=100%”）；missing 一律报告。",
        why="只写一个数，看不出是至少要达到还是不得超过；年底自评打分时方向会算反。",
        bad="指标值：90%",
        good="指标值：≥90%",
        fix="在数值前加上运算符：越多越好用“≥”，越少越好用“≤”，必须恰好达到用“=”。",
    )

    defaults = {"bare_full_rate": "mixed"}
    # Rows named in one finding for the whole sheet; the fix still edits every row.
    _LISTED = 5

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        # A report copies the targets approved a year before: its reviewers audit the scores against them and mostly
        # leave how they were written alone (corpus 015, 169, 179, 188; of the judged reports only 170 notes it, at
        # info). The score reads a bare target as higher-is-better, which is right unless the row's name says lower is
        # better: there the missing ≤ turns the score around (036: 培训成本 400元/人、天). A standard or amount under
        # 成本指标 whose name says no such thing (补贴标准 3000元/人, 采购 5万) is the approved rate: the reviewers of
        # the reports judged before their findings were seen leave it alone (corpus 212, 219).
        # Where the report's actual value equals the target (演出设备成本 | 2万元 | 实际 2万元, corpus 234), either
        # direction gives full marks: nothing is scored the wrong way round.
        full_rate_bare = self._full_rate_needs_operator(ctx)
        missing = [indicator for indicator in ctx.sheet.indicators if self._lacks_operator(ctx, indicator, full_rate_bare)
                   and (ctx.sets_goals or (ctx.fact(indicator).reverse
                                           and _reported_actual(ctx, indicator) != indicator.target.value))]
        if len(missing) == 1:
            indicator = missing[0]
            yield self.finding(ctx, indicator=indicator, column="target", fix=self._fix(ctx, indicator),
                               raw=indicator.target.raw)
        elif missing:
            # The same omission on several rows is how the sheet was written: a reviewer notes it once ("280人次等
            # 数量目标没有≥", corpus 146), not row by row.
            rows, slots = listed("“{name}”（{raw}）", [{"name": i.name, "raw": i.target.raw}
                                                      for i in missing[:self._LISTED]])
            template = (self.message_more if len(missing) > self._LISTED else self.message_rows).replace("{rows}", rows)
            fixes = [(i, self._fix(ctx, i)) for i in missing]
            edits = tuple(edit for i, fix in fixes if self._fix_keeps_meaning(i.target, fix) for edit in fix.edits)
            fix = Fix.of(Applicability.NEEDS_HUMAN, "逐行加上运算符", edits=edits) if edits else None
            yield self.finding(ctx, column="target", fix=fix, template=template, count=len(missing), **slots)

    def _full_rate_needs_operator(self, ctx: SheetContext) -> bool:
        """True when a bare 100% on this sheet lacks its operator, under the profile's ``bare_full_rate`` policy."""
        policy = self.param(ctx, "bare_full_rate")
        if policy != "mixed":
            return policy == "missing"
        # Where the sheet writes its other figures bare as well, a bare 100% is the sheet's way of writing a full
        # rate, and reviewers pass it (corpus 010, 013, 115, 131, 132); where they carry ≥ or ≤ and the 100% alone
        # has none, the omission stands out and reviewers note it (150, 151: “100%没有运算符”). A satisfaction target
        # is left out: “≥90%” is the form's stock line there, not how the preparer writes the project's own figures.
        others = [i.target for i in ctx.sheet.indicators
                  if i.target.is_quantitative and not _full_rate(i.target) and i.target.value != 0
                  and ctx.fact(i).kind is not Kind.SATISFACTION]
        return bool(others) and 2 * sum(t.operator is not None for t in others) >= len(others)

    @staticmethod
    def _lacks_operator(ctx: SheetContext, indicator: Indicator, full_rate_bare: bool) -> bool:
        target = indicator.target
        # A zero (0次) is exact by nature, and so is a full 100% unless the profile's policy says otherwise; a
        # frequency (1次/月) states a rate, a value without a unit of its own is JX202's and a likely misreading
        # (292%) JX909's: none needs an operator reported.
        frequency = unit_kind((target.unit or "/").rpartition("/")[2]) is UnitKind.TIME and "/" in (target.unit or "")
        exact = (_full_rate(target) and not full_rate_bare) or target.value == 0
        # JX202's (a unit guessed, or a standard per 亩 without its 元: 每亩300), JX909's
        # (a unit in the name's closing bracket is the form's unit column, 实施营造林总面积(亩) | 80000: written)
        guessed_unit = target.unit_inferred and unit_in_name(indicator.name) != target.unit
        doubtful = guessed_unit or bool(per_base_without_money(target.raw)) or target.has_note(NoteCode.OCR_SUSPECTED)
        # Beside a slogan or a sentence for a name (通过注射疫苗,可以有效降低…), the figure measures nothing named:
        # JX912 reports the name, and no operator would make the target checkable. A cost or money row counted in
        # another kind of unit (安置小区物业费 | 8个, corpus 166) is no amount yet: JX305 and JX901 report its unit.
        not_money = (ctx.is_cost_row(indicator) or ctx.fact(indicator).kind is Kind.MONEY) \
            and unit_kind(target.unit) not in (UnitKind.MONEY, None)
        # An output row that measures the money itself (业务工作支出安排金额 | 28.8万元, corpus 118) is to be replaced
        # by what the money buys (JX915): an operator would not make it an output.
        return (target.is_quantitative and target.operator is None and bool(target.unit)
                and not (frequency or exact or doubtful or not_money or is_slogan(indicator.name)
                         or measures_money(ctx, indicator)))

    @staticmethod
    def _fix(ctx: SheetContext, indicator: Indicator) -> Fix:
        # A full rate cannot be exceeded: ≥100% means =100% (JX802 reports the former)
        operator = "=" if _full_rate(indicator.target) else "≤" if ctx.fact(indicator).reverse else "≥"
        with_operator = indicator.target.model_copy(update={"operator": Operator(operator)}).display()
        return target_fix(indicator, with_operator, Applicability.NEEDS_HUMAN, "加上运算符“{operator}”", operator=operator)


def _full_rate(target: Target) -> bool:
    """True for a target of a full 100%."""
    return target.unit == "%" and target.value == 100


def _reported_actual(ctx: SheetContext, indicator: Indicator) -> Decimal | None:
    """The figure of the 实际完成值 a self-evaluation prints for ``indicator``, or None where it prints none."""
    report = ctx.sheet.evaluation
    position = next((n for n, row in enumerate(ctx.sheet.indicators, 1) if row is indicator), None)
    item = report.item_for(position) if report is not None and position is not None else None
    return parse_target(item.actual_raw).value if item is not None and item.actual_raw else None


class MissingUnit(Rule):
    code = "JX202"
    name = "target-without-unit"
    title = "指标值缺少计量单位"
    severity = Severity.WARNING
    dimension = Dimension.FORM
    source = _SPECIFIC
    message = "指标“{indicator}”的指标值“{raw}”没有计量单位"
    message_cost = "指标“{indicator}”的指标值“{raw}”没有计量单位，按成本指标应为“元/{per}”"
    message_described = "指标“{indicator}”的指标值“{raw}”没有计量单位（说明文字中为“{unit}”）"
    message_named = "指标“{indicator}”的指标值“{raw}”没有计量单位，按指标名称应为“{unit}”"
    docs = RuleDocs(
        what="数值型指标值是否写了计量单位（% 个 人 天 万元…），且单位不是只能从说明文字里猜出来；成本指标写成“每亩300”的，"
        "缺的是“元”。只有一个数、运算符也没有的（3、7），一并说明缺运算符（JX201 不再另报）。每一项缺单位的指标值"
        "各报告一次：审核人在表上逐格标出，填报人逐格补上各自的单位（次、人、期各不相同）。名称末尾括号里写了单位的（开展小型水利工程建设(个)），单位已写明，不在此报告。"
        "文件结束处的最后一行（单位可能随截断丢失）不在此报告。零（事故0起、犯罪率为零）在任何单位下都是零；成本或金额写成“250万”的，“万”就是万元的简写；三项以上没有单位、"
        "也没有运算符的数值合计正好100的，是各行的分值（20、20、10…），不是缺单位的指标值；指标值就是本行分值（分值12.5、"
        "指标值12.5）的，是分值抄进了指标值，缺的不是单位：都不在此报告。",
        why="“≥100”可以是100%、100人或100个；没有单位，指标值无法比对，也无法汇总。",
        bad="受益群众满意度 | ≥100",
        good="受益群众满意度 | ≥90%",
        fix="在数值后写上计量单位；单位出现在说明文字中的，移到指标值里。",
    )

    # So many bare figures summing to 100 are a column of points (20, 20, 10…), not targets without their unit.
    _POINTS_ROWS = 3

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        unitless = []
        for indicator in ctx.sheet.indicators:
            target = indicator.target
            if (per := per_base_without_money(indicator.target.raw)) and ctx.is_cost_row(indicator):
                # 造林补助 | 每亩300 (corpus 169): a standard per 亩 whose 元 was left out.
                yield self.finding(ctx, indicator=indicator, column="target", raw=target.raw,
                                   template=self.message_cost, per=per)
                continue
            written = target.unit and (unit_kind(target.unit) or target.unit in ratio_units())
            if ctx.unfinished(indicator) and not written:
                continue  # the row the file ends on: its unit may have followed the cut (补助标准 | 15, corpus 200)
            if not target.is_quantitative or (written and not target.unit_inferred) or unknown_measure_word(target):
                continue  # a unit measuring nothing known (/株, 万/月: the 元 left out) is no unit yet; a measure word
                # the vocabulary lacks (≥6架) is one, and so is a multiple's 倍 (放大倍数 ≥2倍, corpus 226, 227)
            if unit_in_name(indicator.name):
                continue  # 开展小型水利工程建设(个) | 1: the name's bracket is the form's unit column (corpus 022)
            if indicator.weight is not None and target.bare_figure == indicator.weight:
                continue  # 分值 12.5 | 指标值 12.5: the row's points copied into its target (corpus 171), no unit left out
            if target.value == 0 or (target.unit == "万" and self._money(ctx, indicator)):
                continue  # 师生犯罪率 | 为零 is zero in any unit (114); 控制在预算成本内 | 250万 is 万元 (124)
            if target.unit_inferred and target.leftover:
                continue  # the unit is in the prose of the cell itself: JX203's clean value carries it
            if target.unit_inferred:
                # The unit is in the description next to the same number: moving it is safe.
                fix = target_fix(indicator, target.display(), Applicability.SAFE, "在指标值中写明单位“{unit}”",
                                 unit=target.unit)
                yield self.finding(ctx, indicator=indicator, column="target", fix=fix, confidence=Confidence.INFERENCE,
                                   raw=target.raw, template=self.message_described, unit=target.unit)
                continue
            unitless.append(indicator)
        if len(unitless) >= self._POINTS_ROWS and points_not_targets([indicator.target for indicator in unitless]):
            return  # the column holds each row's 分值, not its target: no unit is missing from a target
        # Each row is reported, however many: a reviewer marks every cell on the page (corpus 218, 300), and each
        # needs its own unit (次, 人, 期), which only its own fix can suggest.
        for indicator in unitless:
            target, kind = indicator.target, ctx.fact(indicator).kind
            unit = suggested_unit(kind, indicator.name or indicator.description or "") if kind else None
            fix = None
            if unit:
                fix = target_fix(indicator, f"{target.operator or ''}{target.value}{unit}", Applicability.NEEDS_HUMAN,
                                 "补上计量单位“{unit}”", unit=unit)
            slots: dict[str, object] = {"unit": unit} if unit else {}
            template = self.message_named if unit else self.message
            if target.operator is None and target.value != 0:
                # A bare figure (镇街补助款完成结算项目数 | 3, corpus 290; 新建高校(校区) | 7, 013) lacks its operator as
                # well: JX201 leaves a figure without a unit to this rule, which says both, as a reviewer does.
                template = template.replace("没有计量单位", "没有运算符和计量单位", 1)
            yield self.finding(ctx, indicator=indicator, column="target", fix=fix, raw=target.raw, template=template,
                               **slots)


    @staticmethod
    def _money(ctx: SheetContext, indicator: Indicator) -> bool:
        return ctx.is_cost_row(indicator) or ctx.fact(indicator).kind is Kind.MONEY



# A standard per unit written as 每亩300: the base first, then the figure, without any unit of money.
_PER_BASE = re.compile(r"^每([\u4e00-\u9fff]{1,3}?)\d+(\.\d+)?$")


def per_base_without_money(raw: str | None) -> str | None:
    """The base of a per-unit figure written without its money unit (每亩300 → 亩), or None."""
    match = _PER_BASE.match(fold(raw or "").replace(" ", ""))
    return match.group(1) if match else None


_CLOSING_BRACKET = re.compile(r"[(（]([^()（）]+)[)）]$")


def unit_in_name(name: str) -> str | None:
    """The unit a 三级指标 gives in its closing bracket (开展小型水利工程建设(个), 补助面积(万亩)), or None."""
    match = _CLOSING_BRACKET.search(fold(name))
    return canonical_unit(match.group(1)) if match else None


# A target that only points elsewhere (a statement in words is STATEMENT, jixiao.review.lexicon).
_REFERENCE = re.compile(r"见|附件|附表|另附")


# An amount of money inside a sentence that the parser did not take for a target: 1000元/人, 28.5万元.
_MONEY_IN_TEXT = re.compile(r"\d+(\.\d+)?(万元|元)(/(平方米|公里|人次|人|亩|个|户|米|次|天|月|年|所|村|家|件|台|辆|吨))?")


def money_in_sentence(raw: str) -> re.Match[str] | None:
    """The one amount of money a prose 指标值 carries (严格按照预算标准1000元/人给补助对象兑付补助), or None when it
    carries none or several."""
    found = list(_MONEY_IN_TEXT.finditer(fold(raw)))
    return found[0] if len(found) == 1 and STATEMENT.search(fold(raw)) else None


class ProseInTarget(Rule):
    code = "JX203"
    name = "target-mixed-with-prose"
    title = "指标值中混有说明文字"
    severity = Severity.WARNING
    dimension = Dimension.FORM
    source = _SPECIFIC
    message = "指标“{indicator}”的指标值“{raw}”混有说明文字“{prose}”，指标值栏应只填“{clean}”"
    placement = True  # another cell's text (a description, the next row) run into the value is the reading's
    docs = RuleDocs(
        what="指标值栏是否只写了目标本身（运算符、数值、单位或定性表述），没有夹带说明文字；一句话里夹着一个金额"
        "（严格按照预算标准1000元/人给补助对象兑付补助）或一个用文字写的界限（……且总航时不少于30小时测算）的，"
        "金额或界限就是目标。时效类的行从某事之后起算时限的（1-6期培训结束后及时考核），文字就是目标，不在此报告。百分数后只跟一个说明它是什么的比例的动词（100%覆盖、100%完成）的，照写即可，不在此报告。",
        why="说明文字属于“绩效指标描述”栏；混在指标值里，系统无法读出目标，监控和自评时容易误读。",
        bad="指标值：≥18全乡18个行政村全覆盖",
        good="绩效指标描述：全乡18个行政村全覆盖\n指标值：≥18个",
        fix="指标值栏只保留目标（如“≥18个”），其余文字移到绩效指标描述栏。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            target = indicator.target
            if not target.is_quantitative and (amount := money_in_sentence(target.raw)):
                # 严格按照预算标准1000元/人给补助对象兑付补助: the standard is the target, the rest is how it is paid.
                operator = "≤" if ctx.is_cost_row(indicator) or ctx.fact(indicator).reverse else "≥"
                clean = operator + amount.group(0)
                prose = (target.raw[:amount.start()] + "…" + target.raw[amount.end():]).strip("…")
                fix = target_fix(indicator, clean, Applicability.NEEDS_HUMAN, "指标值改为“{clean}”，说明文字移入指标描述",
                                 clean=clean)
                yield self.finding(ctx, indicator=indicator, column="target", fix=fix, raw=target.raw, prose=prose,
                                   clean=clean)
                continue
            if not target.is_quantitative and (bound := bound_in_sentence(target.raw)):
                match, clean = bound
                prose = (target.raw[:match.start()] + "…" + target.raw[match.end():]).strip("…")
                fix = target_fix(indicator, clean, Applicability.NEEDS_HUMAN, "指标值改为“{clean}”，说明文字移入指标描述",
                                 clean=clean)
                yield self.finding(ctx, indicator=indicator, column="target", fix=fix, raw=target.raw, prose=prose,
                                   clean=clean)
                continue
            if not target.leftover or not target.is_quantitative or target.has_note(NoteCode.GLUED_NUMBERS) \
                    or unknown_measure_word(target):
                continue  # run-together numbers are JX204's; a measure word the vocabulary lacks (架, 元/平米) is no prose
            if target.unit == "%" and _ATTAINED.fullmatch(fold(target.leftover).strip()):
                continue  # a percentage followed by what it is a share of (100%覆盖, 100%完成) reads as written
            if after_event(target.leftover) and speaks_of_time(indicator.name, target):
                continue  # a time limit run from an event (1-6期培训结束后及时考核, corpus 219): the words are the target,
                # the figure says which events; cutting the words would lose the deadline
            if unit_conflicts(ctx, indicator):
                continue  # the unit rule's fix rewrites the whole cell
            clean = clean_target(ctx, indicator)
            fix = target_fix(indicator, clean, Applicability.NEEDS_HUMAN, "指标值改为“{clean}”，说明文字移入指标描述",
                                 clean=clean)
            yield self.finding(ctx, indicator=indicator, column="target", fix=fix, raw=target.raw,
                               prose=target.leftover, clean=clean)


# The verb a percentage is a share of, written after it (WIFI布点全覆盖 | 100%覆盖, corpus 212).
_ATTAINED = re.compile(r"(覆盖|完成|达标|合格|到位|落实|兑现|发放)")


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
        bad="矛盾纠纷调解成功率 | 调解成功率不低于90% | ≥9090%",
        good="指标值：≥90%",
        fix="只保留一个数值，并确认它是本年度的目标值。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            if indicator.target.has_note(NoteCode.GLUED_NUMBERS):
                clean = clean_target(ctx, indicator)
                fix = target_fix(indicator, clean, Applicability.NEEDS_HUMAN, "指标值改为“{clean}”", clean=clean)
                yield self.finding(ctx, indicator=indicator, column="target", fix=fix,
                                   confidence=Confidence.INFERENCE, raw=indicator.target.raw, clean=clean)


class QualitativeInQuantitativeSlot(Rule):
    code = "JX205"
    name = "qualitative-target-for-measurable-indicator"
    title = "可量化指标用了定性指标值"
    severity = Severity.WARNING
    dimension = Dimension.FORM
    source = _SPECIFIC
    message = "指标“{indicator}”是{level2}中的指标，指标值却写成“{raw}”，应写成具体数值"
    defaults = {"quantitative_level2": ["数量指标"]}
    docs = RuleDocs(
        what="名称表明是比率、数量、时长或金额的指标（或位于数量指标下的指标），指标值是否为具体数值；培训、宣传、演练等"
        "可以计数的工作只答“已完成”的，和空气质量、水质这类有监测数据的环境质量只答“优良”“达标”的，也报告。"
        "时效指标下讲时间的行（按期完工、工作安排时间）只答“按期完工”“按月安排”这类话、没有完成时限或及时率的，也报告；"
        "写了日期或期间的是时限，名称已写明期限的（春节前完成走访慰问 | 按时限完成）也是，不在此报告（只写“2021年全年”的"
        "是整年，不是时限，照样报告）；时长（使用时长、开放时长）答整段时间（全天候可用、全年开放）的已是确定的量，也不在此报告。"
        "指标值只写了一个比率的名称、没有数值的（科普宣传栏内容更新 | 知识更新率；提高普及率），指标可以用这个比率衡量，也报告。"
        "比率的指标值在一句话里写出了百分数的（第一年返本20%,分红按8%分红），数值已"
        "给出，不在此报告。成本指标下的行由 JX901 检查。指标值栏里是以单位括号结尾的名称（就业奖补标准(元/人)）的，是别的行"
        "的名称读进了本行，不是用文字作答，不在此报告。指标值栏跨几行合并、按名称写出各行的数的（飞机增雨 | 飞机增雨 10 次/年；"
        "火箭增雨 12 次/年，语料 345），本行的数已经给出，也不在此报告。",
        why="能量化的指标要量化；“明显提升”“按时”这样的指标值年底无法判断是否完成。",
        bad="产出指标 | 数量指标 | 培训人次 | 明显提升",
        good="产出指标 | 数量指标 | 培训人次 | ≥300人次",
        fix="改写为“运算符+数值+单位”，如“≥300人次”“≥95%”“≤15工作日”。",
    )

    _WHAT = {Kind.RATE: "比率", Kind.SATISFACTION: "满意度", Kind.COUNT: "数量", Kind.DURATION: "时长",
             Kind.MONEY: "金额", "activity": "可以计数的工作", "monitored": "有监测数据的环境质量",
             "timed": "时效指标（应写完成时限或及时率）", "rated": "以比率衡量的指标（指标值只写了比率的名称）"}

    # A value that is only a rate's name, perhaps with the way it should move (知识更新率, 提高普及率): no figure in it.
    _RATE_NAMED = re.compile(r"[\u4e00-\u9fff]{1,10}(率|比例|比率|占比)")
    # An environmental quality that monitoring measures (空气质量: 优良天数比例, PM10 浓度; 水质: 达标率), corpus 123.
    _MONITORED = re.compile(r"(空气|大气|水|水环境|声环境|土壤)质量$|水质$")

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        slots = set(self.param(ctx, "quantitative_level2"))
        for indicator in ctx.sheet.indicators:
            target = indicator.target
            # A year's whole period (2021年全年) reads as a date but sets no deadline (corpus 166).
            dated = target.is_date and not whole_period(target.raw)
            if target.is_quantitative or dated or target.is_empty or target.placeholder \
                    or unit_without_value(target.raw) or SYMBOL_ONLY.fullmatch(fold(target.raw)) \
                    or bound_in_sentence(target.raw):
                continue  # a period given as dates answers a duration; a unit or a % alone is JX107's or JX909's;
                # a bound inside a sentence (不少于30小时) is a figure written with prose, JX203's
            if ctx.is_cost_row(indicator):
                continue  # a cost row's target that is not an amount is JX901's
            if figure_named_in_value(ctx, indicator):
                continue  # a value cell merged over rows gives this row's figure by its name (corpus 345)
            if unit_in_name(target.raw):
                continue  # words closing on a unit's bracket (就业奖补标准(元/人), 补助面积(万亩)) are another row's name
                # read into this row's 指标值 cell: the row was read off its cells, not answered in words
            kind = ctx.fact(indicator).kind
            if kind is Kind.RATE and _PERCENT.search(fold(target.raw)):
                continue  # a rate's figures told in a sentence (返本20%,分红按8%分红, corpus 187) are given: JX203's
            if kind is Kind.DURATION and whole_period(target.raw):
                continue  # how long a service runs, answered by the whole period (使用时长 | 全天候可用, corpus 212); a
                # timeliness answered 全年 still lacks its deadline (corpus 199)
            activity = kind is None and activity_done(indicator.name, target.raw)
            monitored = kind is None and bool(self._MONITORED.search(fold(indicator.name)))
            timed = kind is None and untimed_timeliness(indicator)
            # A value that names the rate it is measured by and gives no figure (科普宣传栏内容更新 | 知识更新率, 科普知识
            # 网络竞赛 | 提高普及率, corpus 231): the row is measurable by the rate it names, the level is missing.
            rated = kind is None and bool(self._RATE_NAMED.fullmatch(fold(target.raw)))
            if kind is None and indicator.level2 not in slots and not (activity or monitored or timed or rated):
                continue
            what = kind or ("activity" if activity else "monitored" if monitored else "timed" if timed
                            else "rated" if rated else None)
            # the message of what the row measures, or of the level it stands under
            template = self.message.replace("{level2}中的指标", self._WHAT[what]) if what else None
            unit = suggested_unit(kind, indicator.name) if kind else None
            fix = (Fix.of(Applicability.DISPLAY_ONLY, "写成“运算符+数值+单位”，单位宜用“{unit}”", unit=unit) if unit
                   else Fix.of(Applicability.DISPLAY_ONLY, "写成“运算符+数值+单位”"))
            yield self.finding(ctx, indicator=indicator, column="target", fix=fix, raw=target.raw, template=template,
                               **({} if what else {"level2": indicator.level2}))


# A percentage figure in a 指标值 (20%, 8.5 %).
_PERCENT = re.compile(r"\d\s*%")


def figure_named_in_value(ctx: SheetContext, indicator: Indicator) -> bool:
    """True when the 指标值 is a cell merged over this row and another that gives each row's figure by its name (飞机增雨
    | 飞机增雨 10 次/年；火箭增雨 12 次/年, corpus 345): one figure is this row's. A value naming this row alone is no
    merged cell (安置小区物业费 | 指标1:安置小区物业费 8个, corpus 166: the name read into the value)."""
    value = fold(indicator.target.raw)

    def figure_of(row: Indicator) -> bool:
        name = fold(bare_name(row.name))
        return len(name) >= 2 and re.search(re.escape(name) + r"\s*[≥≤=<>]?\s*\d", value) is not None

    return figure_of(indicator) and any(figure_of(row) for row in ctx.sheet.indicators
                                        if row is not indicator and row.name != indicator.name)


def untimed_timeliness(indicator: Indicator) -> bool:
    """True for a row under 时效指标 that is about time (按期完工, 工作安排时间) but answers with words, neither a date
    nor a figure (按期完工, 按月安排): a timeliness is measurable, by its deadline or its on-time rate (corpus 118,
    137). A row under 时效指标 that is not about time at all is JX510's; its vague value stays JX206's."""
    target = indicator.target
    dated = target.is_date and not whole_period(target.raw)  # 2021年全年 is the whole year, no deadline (corpus 166)
    # (a name that states its deadline, 春节前完成走访慰问 | 按时限完成, corpus 259, has set the time limit, and so has a
    # value that runs it from an event, 验收合格后30日内拨付)
    return indicator.level2 == "时效指标" and not (target.is_quantitative or dated or target.is_empty) \
        and not _WITHIN_SET_TIME.search(fold(target.raw)) and speaks_of_time(indicator.name, target) \
        and not names_deadline(indicator.name) and not after_event(target.raw)


# A deadline set by reference (在项目计划完成时间内完成, 合同工期内): a time limit the reviewer can check, not a vague word.
_WITHIN_SET_TIME = re.compile(r"(时间|时限|期限|工期)(以)?内")


class VagueTarget(Rule):
    code = "JX206"
    name = "vague-qualitative-target"
    title = "定性指标值含糊"
    severity = Severity.WARNING
    dimension = Dimension.FORM
    source = EVALUATION_2020.at("附件（定性指标分档）")
    message = "指标“{indicator}”的指标值“{raw}”只说了方向，没有可核对的标准"
    # a target that only says the name again (企业把握政治导向和文化方向情况 | 企业把握正确政治导向和文化方向情况的评价)
    message_restated = "指标“{indicator}”的指标值“{raw}”只是把指标名称又写了一遍，没有可核对的标准"
    docs = RuleDocs(
        what="定性指标值是否只是“明显提升”“逐步提高”“基本提高”“效果良好”“显著改善”“减少”“按时”之类的方向或空话（程度或方式"
        "加上变化的说法都算：“有所增强”“得到改善”“得到有效保障”“全面提升”“逐年增加”），或只是把"
        "指标名称又写了一遍（名称至少6个字，与指标值的字对有八成以上相同，指标值的长短在名称的0.8至1.5倍之间：“…情况 | …情况的评价”）；“好”“较好”“良好”"
        "是定性指标的档次（要达到的等级），不在此报告；名称本身是口号或一整句话的（带动村集体及种植户增收致富 | 增加），由 JX912 "
        "把名称和指标值一并报告，不在此重复。指标值栏"
        "空着而名称以这类空话结尾的（“生态修复功能提高”），指标值写进了名称，同样报告。表样自己规定的写法（发展改革委"
        "投资计划表的“按计划实施”，见表样的 prescribed_values）不在此报告。",
        why="自评时定性指标按“达成预期/部分达成/未达成”分档打分，指标值要写清达到什么状态才算达成。",
        bad="可持续影响指标 | 群众法治意识 | 明显提升",
        good="可持续影响指标 | 群众法治意识 | 达到预期（普法宣传覆盖全部行政村）",
        fix="能量化的写成数值；确需定性的，写清达成的具体状态。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            target = indicator.target
            if target.is_quantitative or ctx.fact(indicator).kind is not None or untimed_timeliness(indicator):
                continue  # measurable indicators (a timeliness among them) are JX205's
            if ctx.form.prescribes(target.raw):
                continue  # the form's own answer (按计划实施 on the NDRC form)
            if vague_word(target.raw):
                if names_no_measure(indicator.name, ctx.level1_of(indicator) == "产出指标"):
                    continue  # a slogan for a name as well (带动…增收致富 | 增加): JX912 says both in one finding
                yield self.finding(ctx, indicator=indicator, column="target", confidence=Confidence.INFERENCE,
                                   raw=target.raw)
            elif target.is_empty and (word := vague_tail(indicator.name)):
                yield self.finding(ctx, indicator=indicator, column="name", confidence=Confidence.INFERENCE, raw=word)
            elif self._restates_name(ctx, indicator):
                yield self.finding(ctx, indicator=indicator, column="target", confidence=Confidence.INFERENCE,
                                   template=self.message_restated, raw=target.raw)

    # A target repeating the name shares this share of its character pairs at least (corpus 205: 0.93), and is about as
    # long as the name: a grade word found in the name (资金使用合规性 | 合规) is a qualitative target, and a long
    # target around a short name (读者 | 在网络上设置读者满意度调查: a name cut off in reading) says more than the name.
    _RESTATED = 0.8
    _LONGER = 1.5
    _SHORTEST_NAME = 6

    @classmethod
    def _restates_name(cls, ctx: SheetContext, indicator: Indicator) -> bool:
        """True when the 指标值 only says the row's name again (a cost row's target is JX901's, a slogan for a name
        JX912's)."""
        name, raw = fold(indicator.name or ""), fold(indicator.target.raw)
        return (not ctx.is_cost_row(indicator) and len(name) >= cls._SHORTEST_NAME
                and cls._RESTATED * len(name) <= len(raw) <= cls._LONGER * len(name)
                and similarity(name, raw) >= cls._RESTATED
                and not names_no_measure(indicator.name, ctx.level1_of(indicator) == "产出指标"))


class UnreadableTarget(Rule):
    code = "JX207"
    name = "unreadable-target"
    title = "指标值无法识别"
    severity = Severity.WARNING
    dimension = Dimension.FORM
    source = _SPECIFIC
    message = "指标“{indicator}”的指标值“{raw}”既不是数值，也不是常见的定性表述"
    placement = True  # a value that is no figure and no usual wording is often another cell placed there
    docs = RuleDocs(
        what="指标值能否读作数值目标或常见的定性表述（好/较好/达到预期…）：只指向别处（见附件）或几乎没有文字的报告；"
        "自成一句的定性表述（严格执行相关制度规定、按月安排）和整段时间（全年、全天候）按定性目标理解，不在此报告；空着的指标值由 JX107 报告。",
        why="读不出目标的指标无法监控，也无法在自评时打分。",
        bad="矛盾纠纷多元化解机制 | 见附件",
        good="指标值：≥95%",
        fix="改写为“运算符+数值+单位”，或用规范的定性表述。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            target = indicator.target
            if not target.raw.strip():
                continue  # an empty cell is JX107's (corpus 157: its 指标性质 read as the value's meaning)
            if vague_word(target.raw) or ctx.is_cost_row(indicator) or is_slogan(indicator.name) \
                    or unit_without_value(target.raw) or ctx.form.prescribes(target.raw) \
                    or whole_period(target.raw):
                continue  # 效果明显 is JX206's, a cost row's target JX901's, a slogan row (保证单位正常运转) JX912's,
                # a unit without its figure (公里) an unfilled cell, JX107's; the form's own answer (合规) is read
                # as the form asks; a whole period (全年) is a time stated in words
            if STATEMENT.search(fold(target.raw)) and not _REFERENCE.search(fold(target.raw)):
                continue  # a statement of its own (严格执行相关制度规定, 按月安排) is a qualitative target, read as such
            if target.has_note(NoteCode.NOT_UNDERSTOOD) and ctx.fact(indicator).kind is None \
                    and not ctx.unfinished(indicator):
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
        bad="矛盾纠纷调解成功率 | ≥90%,百分比",
        good="矛盾纠纷调解成功率 | ≥90%",
        fix="删去重复的单位。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            target = indicator.target
            if target.has_note(NoteCode.UNIT_REPEATED) and not target.leftover and not unit_conflicts(ctx, indicator):
                clean = target.display()
                fix = target_fix(indicator, clean, Applicability.SAFE, "删去重复的单位")
                yield self.finding(ctx, indicator=indicator, column="target", fix=fix, raw=target.raw, clean=clean)


class SeveralIndicatorsInOneRow(Rule):
    code = "JX210"
    name = "several-indicators-in-one-row"
    title = "一行合写了几项指标"
    severity = Severity.WARNING
    dimension = Dimension.FORM
    source = _SPECIFIC
    message = "指标“{indicator}”把几项指标合写在一行，指标值“{raw}”只有一个，看不出是哪一项的目标，应拆成几行"
    message_each = "指标“{indicator}”把几项指标合写在一行，指标值“{raw}”是每项各一个数，应分成几行或写合计"
    message_figures = ("指标“{indicator}”把几项指标合写在一行，指标值“{raw}”是一句话，写了{figures}几个数，"
                       "看不出哪一个是本行的目标，应拆成几行，每行一个数")
    docs = RuleDocs(
        what="三级指标名称是否把几项可以分别计量的指标连在一起（“强制免疫率、屠宰率及检疫率”：几个“……率”“……次数”"
        "“……人数”用顿号、“和”“及”“与”连接），只给一个指标值，看不出是哪一项的目标；或名称列了几项（“年度、半年趋势"
        "报告次数”）、指标值只写“各1次”；或指标值是一句话，写了几个数（第一年按总投资额返本20%,分红按8%分红），"
        "看不出哪一个是本行的目标。前者为警告；后两者每项的数是清楚的，为提示。指标值栏跨几行合并、按名称写出各行的数的"
        "（飞机增雨 | 飞机增雨 10 次/年；火箭增雨 12 次/年，语料 345），本行的数就是写在本行名称后的那个，不在此报告。",
        why="一行只能有一个目标值，年底按一个实际值打分；几项合写，哪一项没有达到都说不清（语料 216、173）。",
        bad="产出指标 | 数量指标 | 各种强制免疫率、屠宰率及检疫率 | 100%",
        good="产出指标 | 质量指标 | 屠宰检疫率 | =100%",
        fix="拆成几行，每行一个指标、一个指标值；各项数目相同、合起来也说得清的，可写合计（年度、半年趋势报告次数 2次）。",
    )

    # Two measures joined in one name (强制免率、屠宰率; 培训人数和户数); 及时率 is one measure, not 率 + 时率.
    _JOINED = re.compile(r"(率|次数|人数|户数|面积|个数)(、|和|与|及(?!时))(?!其)[\u4e00-\u9fff]{0,12}(率|次数|人数|户数|面积|个数)$")
    # A value given per item (各1次): the name lists the items.
    _EACH = re.compile(r"各\s*\d")
    # A figure with its unit inside a value written as a sentence (返本20%, 分红按8%); dates are not among them.
    _FIGURE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?\s*(?:%|‰|万?元|万?人次|万?人|户|个|次|亩|公里|平方米|吨|件|场|期|篇)")
    # How a row is scored (完成率100%得满分,每降低10%扣1分): a description's rule read into the value, not targets.
    _SCORING = re.compile(r"满分|扣\s*\d*(?:\.\d+)?\s*分|得\s*\d+(?:\.\d+)?\s*分")

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            target, name = indicator.target, bare_name(indicator.name)
            if not_an_indicator(indicator) or target.is_empty:
                continue  # (a row the file's cut ends on still shows the measures its name joins: corpus 216)
            if self._JOINED.search(name):
                yield self.finding(ctx, indicator=indicator, column="name", raw=target.raw)
            elif "、" in name and self._EACH.match(fold(target.raw)):
                yield self.finding(ctx, indicator=indicator, column="target", raw=target.raw, severity=Severity.INFO,
                                   template=self.message_each)
            elif not target.is_quantitative and len(figures := self._FIGURE.findall(fold(target.raw))) >= 2 \
                    and not self._SCORING.search(fold(target.raw)) and not figure_named_in_value(ctx, indicator):
                # A sentence stating several figures (第一年按总投资额返本20%,分红按8%分红, corpus 187) gives each of
                # them, but no one target for the year to be scored against.
                yield self.finding(ctx, indicator=indicator, column="target", raw=target.raw, severity=Severity.INFO,
                                   template=self.message_figures, figures="、".join(figures))
