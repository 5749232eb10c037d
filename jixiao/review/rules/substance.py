"""What a reviewer raises beyond the form: targets that say nothing, figures that do not add up, questions left open.

Each rule here answers a kind of remark that finance-bureau reviewers made on real published tables
(``tests/corpus/judged``) and that no earlier rule covered.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal

from jixiao.model import (
    GoalSheet,
    Indicator,
    MoneyUnit,
    NoteCode,
    Operator,
    Severity,
    Target,
    UnitKind,
    parse_target,
    unit_kind,
)
from jixiao.model.amounts import amount_text
from jixiao.model.lexicon import LOST_AS_QUESTION_MARKS, LOST_BY_REPLACEMENT, fold
from jixiao.model.numerals import BARE_FIGURE
from jixiao.model.options import GRADES, whole_list
from jixiao.review.context import COUNTED_UNITS, SheetContext
from jixiao.review.finding import Applicability, Confidence, Dimension, Edit, Finding, Fix, listed
from jixiao.review.lexicon import (
    SYMBOL_ONLY,
    Kind,
    bare_name,
    counted_numbers,
    data,
    is_aim_name,
    is_not_spent,
    is_sentence_name,
    is_slogan,
    is_slogan_goal,
    is_timeliness,
    speaks_of_time,
    stated_target,
    vague_word,
)
from jixiao.review.rule import Rule, RuleDocs
from jixiao.review.rules.completeness import placeholder_in
from jixiao.review.rules.consistency import similarity
from jixiao.review.rules.form import measures_money, money_in_sentence, per_base_without_money, target_fix
from jixiao.review.rules.units import TO_WAN, budget_in_wan
from jixiao.review.sources import CORE_2021, GOALS_2015

_PER_PERIOD = re.compile(r"每(日|天|月|年|季|学期)|(日|月|年)均")
# A 指标值 that only answers yes or no (or not applicable): it sets no level to reach.
# A benefit "answered" rather than set: yes, no, none (暂无, 没有, 无影响), or that the row does not apply (不涉及).
_BARE_ANSWERS = frozenset({"是", "否", "无", "有", "不适用", "/", "—", "-", "无此项", "暂无", "没有", "不涉及", "无影响",
                           "无效益", "不存在"})
# A question opening the name or asked of a short subject (对环境是否有影响, 资金使用能否…), or 有无… and …与否. Further
# in, the question is a description read into the name cell (救助覆盖率困难群众基本生活救助是否应救尽救, corpus 153):
# the row names its measure before it.
_QUESTION = re.compile(r"^.{0,6}(是否|能否)|^有无|与否$")


def _is_question(name: str) -> bool:
    """True for an indicator named as a yes-or-no question (是否…, 对环境是否有影响, 能否…, 有无…, …与否)."""
    return bool(_QUESTION.search(fold(name)))


# How a finding on a sheet's own text names where the text stands, by column (JX925's faults, JX932's slips)
TEXT_PLACES = {"goals": "年度目标", "purpose": "资金用途", "name": "指标“{indicator}”的名称",
               "target": "指标“{indicator}”的指标值", "description": "指标“{indicator}”的描述",
               "level1": "指标“{indicator}”的一级指标", "level2": "指标“{indicator}”的二级指标"}


def sheet_texts(sheet: GoalSheet) -> list[tuple[str, Indicator | None, str | None]]:
    """The texts a sheet's own words stand in, each with its column (a key of TEXT_PLACES) and row: the goals, then
    each indicator's level names as written (the reader understands 社会效益效益指标 as the level it doubles; the
    text is the form's all the same), once each at its first row (a merged cell repeats on every row of its group),
    name, target and description (the 资金用途 is read apart: each rule weighs it its own way)."""
    places: list[tuple[str, Indicator | None, str | None]] = [("goals", None, goal) for goal in sheet.goals]
    levels: set[tuple[str, str]] = set()
    for indicator in sheet.indicators:
        for column, written in (("level1", indicator.level1_raw), ("level2", indicator.level2_raw)):
            if written and (column, written) not in levels:
                levels.add((column, written))
                places.append((column, indicator, written))
        places += [(column, indicator, text) for column, text in (("name", indicator.name),
                                                                  ("target", indicator.target.raw),
                                                                  ("description", indicator.description))]
    return places


class CostTargetNotMoney(Rule):
    code = "JX901"
    name = "cost-target-not-money"
    title = "成本指标的目标不是金额"
    severity = Severity.WARNING
    dimension = Dimension.APPROPRIATENESS
    source = CORE_2021.at("（成本指标）")
    message = "成本指标“{indicator}”的指标值“{raw}”不是金额，看不出花多少钱、单位成本多少"
    docs = RuleDocs(
        what="成本指标（产出指标下的成本指标，或一级指标成本指标下的经济/社会/生态环境成本指标）的指标值是否为"
        "百分比或定性表述，而不是以元、万元计的金额（含单位成本，如元/亩）。",
        why="成本指标衡量投入的经济性：写成“=100%”“控制在预算内”，既不能与预算比对，也不能在自评时核对节约与否。",
        bad="成本指标 | 经济成本指标 | 资金使用效率 | =100%",
        good="成本指标 | 经济成本指标 | 单馆年运行成本 | ≤5万元",
        fix="改写为总成本或单位成本，以元或万元计；社会成本、生态环境成本确无金额的，写明可检验的状态。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            target = indicator.target
            if not ctx.is_cost_row(indicator) or target.is_empty or target.placeholder or target.is_date:
                continue
            if indicator.level2 in ("社会成本指标", "生态环境成本指标") and not target.is_quantitative:
                continue  # social and ecological costs are often stated, not priced (财预〔2021〕101号)
            if not target.is_quantitative and money_in_sentence(target.raw):
                continue  # an amount inside a sentence is money, written with prose: JX203's
            if per_base_without_money(target.raw):
                continue  # 每亩300 is money per 亩 whose 元 was left out (JX202's)
            if measures_money(ctx, indicator):
                continue  # 年度预算执行率 ≥90% measures the spending's pace: JX915 says what it is instead
            if target.is_quantitative and (target.unit is None or unit_kind(target.unit) is UnitKind.MONEY
                                           or target.unit.startswith(("万", "亿"))):
                continue  # 250万 is money whose 元 was left out (JX202's)
            if target.is_quantitative and ctx.fact(indicator).kind is Kind.MONEY:
                continue  # a money-named row in another unit is JX305's
            fix = Fix.of(Applicability.DISPLAY_ONLY, "改为以元或万元计的总成本或单位成本")
            yield self.finding(ctx, indicator=indicator, column="target", fix=fix, raw=target.raw)


class YesNoIndicator(Rule):
    code = "JX902"
    name = "yes-no-indicator"
    title = "指标写成是否问题或答是/否"
    severity = Severity.WARNING
    dimension = Dimension.FORM
    source = GOALS_2015.at("第十二条（细化量化）")
    message = "指标“{indicator}”写成了“是否”问题，不能说明要达到什么效果"
    message_bare_answer = "指标“{indicator}”是效益指标，指标值却只答“{answer}”，不能说明要达到什么效果"
    docs = RuleDocs(
        what="三级指标是否写成“是否…”“能否…”“有无…”“…与否”的问题（“是否”“能否”前只有六个字以内的对象的也算：对环境是否有影响；"
        "更靠后的，多是读进名称栏的指标解释，不算），"
        "或效益指标的指标值是否只答“是/否/有/无/暂无/没有/无影响/不适用/不涉及”。",
        why="是否问题只有两个答案，衡量不出程度；效益指标答“无”“不适用”，等于说这笔钱没有效益。",
        bad="效益指标 | 经济效益指标 | 是否带动经济发展 | 否",
        good="效益指标 | 经济效益指标 | 带动农户增收金额 | ≥80万元",
        fix="改写为可衡量的指标；确无该类效益的，删去该行并在审核意见中说明，不要答“无”。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            answer = fold(indicator.target.raw)
            if _is_question(indicator.name):
                yield self.finding(ctx, indicator=indicator, column="name")
            elif ctx.level1_of(indicator) == "效益指标" and answer in _BARE_ANSWERS:
                yield self.finding(ctx, indicator=indicator, column="target", template=self.message_bare_answer,
                                   answer=indicator.target.raw.strip())


class BenefitDenied(Rule):
    code = "JX952"
    name = "benefit-row-denies-benefit"
    title = "效益指标写明没有这项效益"
    severity = Severity.WARNING
    dimension = Dimension.APPROPRIATENESS
    source = GOALS_2015.at("第十二条（细化量化）")
    message = "效益指标“{indicator}”写明“{said}”，指标值“{raw}”提不出可检验的要求：没有的效益不应设指标"
    docs = RuleDocs(
        what="效益指标一行的名称或指标值是否写明没有这项效益（无经济效益、不产生直接经济效益、没有明显的社会效益），而指标值"
        "又不是数值。指标值只答“无”“不适用”的由 JX902 报告，不在此重复；写“无不良影响”“无污染”的是要求没有损害，不是"
        "否认效益，不报告。目标表为警告；自评表、监控表照抄批复的指标，只作提示。",
        why="写明没有效益的一行等于没有设定效益，年底无从核对，在自评表里却照样计分（语料 212：“社会公益服务无经济效益 | "
        "公益性事业”计10分）。",
        bad="效益指标 | 经济效益指标 | 社会公益服务无经济效益 | 公益性事业",
        good="效益指标 | 社会效益指标 | 数字资源年访问人次 | ≥20万人次",
        fix="确无这类效益的，删去这一行；有的，写出可以统计的效益（受益人数、节约金额、访问人次）。",
    )

    # A denial of the benefit itself (无经济效益, 不产生直接经济效益, 没有明显的社会效益); 无不良影响 denies harm instead.
    _DENIED = re.compile(r"(无|没有|不产生|未产生|不涉及)(直接|明显|任何)?的?(经济|社会|生态|环境)?效益")

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            target = indicator.target
            if ctx.level1_of(indicator) != "效益指标" or ctx.fact(indicator).kind is Kind.SATISFACTION \
                    or stated_target(target).is_quantitative or fold(target.raw) in _BARE_ANSWERS:
                continue  # a figure sets something; a bare 无 is JX902's
            said = self._DENIED.search(fold(indicator.name)) or self._DENIED.search(fold(target.raw))
            if said:
                yield self.finding(ctx, indicator=indicator, column="name", said=said.group(0),
                                   raw=target.raw.strip() or "空",
                                   severity=None if ctx.sets_goals else Severity.INFO)


class QuantityGroupWithoutCount(Rule):
    code = "JX903"
    name = "quantity-group-without-count"
    title = "数量指标中没有计数"
    severity = Severity.WARNING
    dimension = Dimension.COMPLETENESS
    source = GOALS_2015.at("第九条（绩效指标）")
    message = "项目“{sheet}”的数量指标没有一项写明数量（如 ≥18个、≥500亩）"
    docs = RuleDocs(
        what="有“数量指标”一组时，其中是否至少有一项指标值是带计数或实物单位的数值；比率的说明里写明了数量（全部18个"
        "行政村）的算作有，项目带动而不花费的金额（创业担保贷款发放额 ≥4000万元）也算作有。自评表、监控表和没有填写的模板（指标值只有单位，由 JX107 报告）不在此检查。项目表的目标和指标"
        "都没有数量时为错误；部门整体支出表为警告。",
        why="数量指标说明做多少；一组数量指标都写成百分比或“按时完成”，就等于没有数量指标，产出无法核对。",
        bad="产出指标 | 数量指标 | 补助发放覆盖率 | =100%\n产出指标 | 数量指标 | 任务完成情况 | 按时完成",
        good="产出指标 | 数量指标 | 补助发放人数 | ≥230人",
        fix="补充至少一项写明数量的指标（个、人、次、亩、公里…）。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        rows = [i for i in ctx.sheet.indicators if i.level2 == "数量指标" and not i.target.is_empty]
        if ctx.cut_off("产出指标", "数量指标") or not ctx.sets_goals or ctx.template_unfilled:
            return  # the group may go on after the file's cut; a report's approved goals are the audit's; in a
            # template never filled in, the counts are blank cells (JX107), not rates written instead of counts
        # A coverage rate whose own text gives the count (全部18个行政村) states the quantity.
        if any(counted_numbers(" ".join(filter(None, (i.target.leftover, i.description)))) for i in rows):
            return
        # A bound inside prose (……且总航时不少于30小时测算, corpus 152) states the amount too.
        # An amount the project moves without spending it (创业担保贷款发放额 ≥4000万元, corpus 227: the loans a
        # guarantee fund backs) is its output, counted in money.
        targets = [(stated_target(i.target), is_not_spent(i.name)) for i in rows]
        if rows and not any(t.is_quantitative and not t.is_date and (
                t.unit is None or unit_kind(t.unit) in COUNTED_UNITS or (moved and unit_kind(t.unit) is UnitKind.MONEY))
                for t, moved in targets):
            # Where no goal statement says how much either, a project's sheet states no amount of output at all; a
            # 部门整体 table covers the unit's running duties and is not returned for it (corpus 010).
            severity = Severity.ERROR if ctx.quantity_nowhere and not ctx.goal_text and not ctx.department_wide \
                else None
            yield self.finding(ctx, indicator=rows[0], column="level2", severity=severity)


class PartialRateBesideFixedCount(Rule):
    code = "JX904"
    name = "partial-rate-beside-fixed-count"
    title = "完成率低于100%而数量是定数"
    severity = Severity.INFO
    dimension = Dimension.RELEVANCE
    source = GOALS_2015.at("第十二条（相应匹配）")
    message = "数量指标已定为“{counted} {count}”，完成率“{raw}”却低于100%，二者不一致"
    docs = RuleDocs(
        what="数量指标给出确定的数量（=N 或 ≥N）时，同表的完成率指标是否低于100%。按期、按时、及时完成率讲的是进度"
        "（95%的工程按期完成），不在此报告。",
        why="既然承诺完成N个，完成率就应是100%；写90%等于说数量指标本身就不打算完成。",
        bad="数量指标 | 改造户数 | =120户\n质量指标 | 改造任务完成率 | ≥90%",
        good="数量指标 | 改造户数 | =120户\n质量指标 | 改造任务完成率 | =100%",
        fix="完成率改为100%，或把数量指标改为实际能完成的数量。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        counts = [i for i in ctx.sheet.indicators if i.level2 == "数量指标" and i.target.is_quantitative
                  and unit_kind(i.target.unit) in (UnitKind.COUNT, UnitKind.PHYSICAL)
                  and i.target.operator is not None and i.target.operator.value in ("=", "≥")]
        if not counts:
            return
        for indicator in ctx.sheet.indicators:
            target = indicator.target
            # An on-time rate (按期完成率 ≥95%, corpus 109) measures the schedule, not how much of the count is done.
            if fold(indicator.name).endswith("完成率") and not is_timeliness(indicator.name) and target.unit == "%" \
                    and target.value is not None and target.value < 100:
                yield self.finding(ctx, indicator=indicator, column="target", raw=target.raw,
                                   counted=counts[0].name, count=counts[0].target.display())


# A goal that gives the work its schedule (按月及时足额发放…工资) states a requirement, not only where the money goes.
# So does a goal that sets its time (按时发放村组干部报酬, 保障工资及时、足额发放): 按时 and 及时 are the 时效 the
# goal asks of the payment (corpus 003, 008).
_REQUIREMENT = re.compile(r"(按月|按季|每月|每季|按时|及时)[^，,。；;]{0,6}(发放|缴纳|拨付|支付)")


class GoalRestatesSpending(Rule):
    code = "JX905"
    name = "goal-restates-spending"
    title = "年度目标只复述资金用途"
    severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    source = GOALS_2015.at("第八条（绩效目标内容）")
    message = "项目“{sheet}”的年度目标“{goal}”只说了钱用在哪里，没有说要达到的产出和效果"
    # a goal of which every clause settles or pays an amount (…费结算532万元, …项目补助尾款结算387万元)
    message_settles = "项目“{sheet}”的年度目标“{goal}”只是结算、支付款项，没有说这笔钱要达到的产出和效果"
    docs = RuleDocs(
        what="年度目标是否只是复述资金用途或开支范围（用于…、保障…经费、保障…需要、发放…、办公用品费、水电费…），没有任何数量和效果"
        "（金额、补助标准和在职人数说的是花多少钱、给谁花，不算产出的数量）。"
        "只说钱的用途、安排或开支项目（“主要用于…支出”“按工作计划完成…经费预算安排”“包括办公用品费、水电费等”）、等于没有"
        "目标的为错误，应退回；说了一项工作（发放…报酬）"
        "的为警告；写明发放周期或时限（按月及时足额发放…工资、按时发放…报酬）的已是要求，不在此报告。"
        "每一分句都只是结算、支付、拨付、兑付某项费用或款项的（“完成勘察设计费、审查咨询费结算532万元,以及…完成3个项目"
        "补助尾款结算387万元”），也只是花钱，为错误：其中的项目数数的是结清了钱的项目，不是产出。自评表中写成已完成的"
        "（“已完成…费用结算”）是目标旁的实际完成情况，不是目标，不在此检查。",
        why="绩效目标是用这笔钱要达到的产出和效果；复述用途的目标无法与指标对应，年底也无法评价。",
        bad="年度目标：保证职能实现，保障人员经费",
        good="年度目标：按月足额发放全乡230名村组干部报酬，村级组织正常运转，群众满意度不低于90%",
        fix="写明本年度要完成的数量、质量、时间和预期效果，并与指标对应。",
    )

    # A goal listing the items of expenditure (包括必要的办公用品费、水电费、报刊费等…, corpus 003): the 开支范围.
    _EXPENSE_LIST = r"费、[^，,。；;、]{1,8}费"

    # 用于…, 保障…经费, and a goal that is the money being arranged (按工作计划完成…建设经费预算安排, corpus 132).
    # 保障…需要/需求 says only that the money meets the unit's needs (保障我院日常办公办案装备需要, corpus 218): the
    # purpose again, in the words of a 部门 asking for it.
    _SPENDING = re.compile(r"^(主要)?用于|(保障|保证|支付|发放|用于|开支)[^，,。；;]{0,12}(经费|费用|工资|报酬|支出|运转|需要|需求)"
                           r"|(经费|资金)(预算)?安排|" + _EXPENSE_LIST)

    # A goal that is nothing but the money: its use (主要用于…支出), its arrangement (…经费预算安排) or its list of
    # expense items (办公用品费、水电费…).
    _ONLY_MONEY = re.compile(r"^(主要)?用于|(经费|资金)(预算)?安排|" + _EXPENSE_LIST)

    # Settling or paying an amount (勘察设计费、审查咨询费结算, 补助尾款结算, 拨付…资金): the money changing hands.
    _SETTLES = re.compile(r"(费|款|资金|经费|补助|补贴)[^，,。；;]{0,4}(结算|支付|拨付|兑付|清算)"
                          r"|(结算|支付|拨付|兑付|清算)[^，,。；;]{0,10}(费|款|资金|经费)")
    _CLAUSE = re.compile(r"[，,。；;]")

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        goal = ctx.goal_text
        if _REQUIREMENT.search(fold(goal)):
            return  # 按月及时足额发放…工资 sets when the money is paid: a requirement the reviewer accepts (corpus 121)
        if not ctx.sets_goals and _REPORTED_DONE.match(fold(goal)):
            return  # a report's text written as done (已完成…费用结算) is its 实际完成情况 beside the goal (corpus 208)
        settles = self.settles_only(goal)
        if goal and (settles or not ctx.goal_counts_output and self.restates(ctx, goal)):
            # A goal naming an activity (按月足额发放工资) is improved by agreement; one that only names the money
            # gives the sheet no goal at all, and the sheet is returned. So does one that only settles amounts: the
            # projects it counts are those whose money is settled (corpus 290: 3个项目补助尾款结算387万元), no output.
            severity = Severity.ERROR if settles or self._ONLY_MONEY.search(fold(goal)) else None
            yield self.finding(ctx, column="goals", goal=goal if len(goal) <= 40 else goal[:40] + "…",
                               severity=severity, template=self.message_settles if settles else None)

    @classmethod
    def restates(cls, ctx: SheetContext, goal: str) -> bool:
        """True when ``goal`` only says what the money is for (用于…, 保障…经费), repeats the 资金用途, or only settles
        amounts."""
        similar = similarity(goal, ctx.sheet.purpose) >= 0.6 if ctx.sheet.purpose else False
        return similar or bool(cls._SPENDING.search(fold(goal))) or cls.settles_only(goal)

    @classmethod
    def settles_only(cls, goal: str) -> bool:
        """True when every clause of ``goal`` settles or pays an amount (…费结算532万元, 以及…补助尾款结算387万元)."""
        clauses = [clause for clause in cls._CLAUSE.split(fold(goal)) if clause.strip()]
        return bool(clauses) and all(cls._SETTLES.search(clause) for clause in clauses)


class GoalNotQuantified(Rule):
    code = "JX911"
    name = "goal-not-quantified"
    title = "年度目标没有量化"
    severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    source = GOALS_2015.at("第十二条（细化量化）")
    message = "项目“{sheet}”的年度目标“{goal}”没有任何数量、质量或时间要求"
    defaults = {"max_length": 50}
    docs = RuleDocs(
        what="一两句话的年度目标（不超过 max_length 个字，默认50；目标中重复的项目名称不计字数）中是否至少有一个数字（数量、比例或时间；"
        "年份和服务的起止日期（服务周期2023.07-2024.01）只说何时，不算，完成期限（2023年12月底前）算，金额和补助标准（预算资金90万元、每生1500元/学期）是花钱的标准，不是产出，也不算）；"
        "只复述资金用途的由 JX905 报告。较长的目标常在分项中写明要求，不在此检查，但每一句都只是方向或口号的（句首是"
        "“改善、打造、促进、提升……”，或是“通过……”“针对……”“以……为……”这样的手段、范围，且没有一句说到要完成的工作，"
        "如“通过项目实施,有力改善人居环境质量,打造……的良好局面”）不论多长都报告，为警告；读取程序没有找到指标表的（文件在表头前"
        "截断，JX001），读到的目标可能只是残段，也不在此检查，但以句号结束、读得完整的目标照样检查（没有指标表的申报明细表）；目标中的数字被模板占位或转载打码（“完成**日常执法”）的，"
        "由 JX108 报告一次；自评表中写成已完成的（“已完成…结算”）是目标旁的实际完成情况，不是目标，不在此检查；自评表、"
        "监控表的产出指标已写明数量的，一年按指标考核，目标的写法不再报告，只是口号的除外。指标也都没有数量的为错误（一个指标值也没读到的除外"
        "，空着的指标值由 JX107 报告；各行是读取程序推测版式放置的，数量可能在没有放对的单元格里，仍为警告）；表中根本"
        "没有指标的，由 JX102 报告错误，目标本身为警告。",
        why="只写方向（持续改善、进一步提升）的目标无法检验是否实现，指标也无从对应。",
        bad="年度目标：持续改善我市空气质量",
        good="年度目标：全年配备10台雾炮车作业180天，城区PM10平均浓度较上年下降5%",
        fix="写明本年度要完成的数量、质量、时间和效果，并与指标对应。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        goal = ctx.goal_text
        if ctx.grid_not_found and not _WHOLE_SENTENCE.search(goal):
            # Without the grid the reader could not tell where the goal ends: a cut copy leaves a fragment (174: 为农村
            # 困难残疾人进行实), a label (233) or a heading (243). A goal that ends on its own full stop was read whole
            # (280: 预期目标:贯彻落实…,依法做好防控工作。 on a 申报明细表 printing no grid).
            return
        short = len(_without_name(fold(goal), ctx.sheet.name)) <= self.param(ctx, "max_length")
        if placeholder_in(goal):
            return  # the figure stands masked (完成**日常执法, corpus 154): JX108 reports it once, it is not missing
        if GoalDefersElsewhere.deferral(fold(goal)) is not None:
            return  # the goal points to documents or targets set elsewhere: JX922 says so
        if not ctx.sets_goals and _REPORTED_DONE.match(fold(goal)):
            return  # a report's text written as done (已完成…费用结算) is its 实际完成情况 beside the goal (corpus 208)
        # A goal of aims alone (通过项目实施,有力改善…,打造…的良好局面) is a slogan however long it runs (corpus 011,
        # 127), and a report's reviewer notes one too (238: 遵循…理念,认真贯彻落实…,提高履职能力…).
        # (each line is read on its own: a numbered line ends its clause without a stop, 1、减少…纠纷 2、指导…)
        slogan = is_slogan_goal("；".join(ctx.goal_lines))
        if not ctx.sets_goals and ctx.counts_output and not slogan:
            # A report is audited against the targets approved with the goal: where its indicators count the output,
            # they are what the year is measured by, and the reviewer leaves the wording of the goal alone (corpus
            # 036, 234, 237); where nothing counts, the report has nothing to be measured by (171, 206).
            return
        if goal and (short or slogan) and not ctx.goal_counts_output and not GoalRestatesSpending.restates(ctx, goal):
            # A vague goal beside indicators that count the output is improved by agreement; where the indicators
            # count nothing either, nothing on the sheet says what the money buys, and the sheet is returned. A sheet
            # without any indicator is returned for that (JX102): its goal is then a remark (corpus 005). Where the
            # rows were placed by a guess, a count may stand unplaced among them (corpus 153, 249): not a return. A
            # long goal sets out the project's aims at length: rewritten by agreement (011, graded 良), not returned.
            # (a sheet without any 数量指标 is returned for that, JX104: the goal is then a remark)
            severity = Severity.ERROR if short and ctx.quantity_nowhere and ctx.sheet.indicators \
                and not ctx.rows_guessed and "数量指标" in ctx.present_levels else None
            yield self.finding(ctx, column="goals", goal=goal if len(goal) <= 40 else goal[:40] + "…",
                               severity=severity)


# A goal that ends as a sentence ends: on its full stop (or an exclamation), not cut inside a word.
_WHOLE_SENTENCE = re.compile(r"[。！!]\s*$")


def _without_name(goal: str, name: str | None) -> str:
    """The folded ``goal`` without the project's name it repeats (with or without the name's bracketed note:
    2022年原州区…推广项目(2022年少数民族发展资金项目)): a goal that only repeats the name is no longer for it."""
    for spelling in filter(None, {fold(name or ""), bare_name(name)}):
        goal = goal.replace(spelling, "")
    return goal


# A report's account of the year (已完成…, 已全部发放…): what was done, not the goal it is measured against.
_REPORTED_DONE = re.compile(r"已(经)?(全部|按时|按期|足额)?完成")


class GoalWrittenAsReport(Rule):
    code = "JX914"
    name = "goal-written-as-report"
    title = "年度目标写成工作总结"
    severity = Severity.ERROR
    dimension = Dimension.RELEVANCE
    source = GOALS_2015.at("第八条（绩效目标内容）")
    message = "项目“{sheet}”的年度目标写成了已完成的工作（{done}），没有说本年度要达到什么"
    docs = RuleDocs(
        what="年度目标是否写成已做完的事（“制定了…”“建立和完善了…”“解决了…”，两处以上）。目标中另有本年度的数量"
        "（如“建设2公里”）的为警告，改写语气即可；没有的为错误，等于没有目标，应退回。目标表中只有一处这样写的"
        "（“改善了城市生态环境”）为提示；自评表、监控表的目标栏可能连着完成情况，一处的不在此报告。",
        why="绩效目标是用这笔钱在本年度要达到的产出和效果；照抄往年工作总结，无法与本年预算和指标对应，年底也无从评价。",
        bad="年度目标：年初制定了应急队员培训计划，建立和完善了突发公共卫生事件监测、预警机制，强化了应急机制",
        good="年度目标：全年开展应急培训4期、200人次，突发公共卫生事件报告及时率100%",
        fix="改写为本年度要完成的数量、质量、时间和效果，并与指标对应。",
    )

    _DONE = re.compile(r"(建立|完善|制定|解决|改善|完成|开展|实现|提高|提升|促进|加强|落实|取得|强化|规范|建成|修建|新建"
                       r"|硬化)了")

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        goal = fold(ctx.goal_text)
        done = list(dict.fromkeys(match.group(0) for match in self._DONE.finditer(goal)))
        if len(done) >= 2:
            severity = Severity.WARNING if _has_quantity(goal) else None
            yield self.finding(ctx, column="goals", done="、".join(done), severity=severity)
        elif done and ctx.sets_goals:
            # One clause written as done (完成我市…绿化养护工作,改善了城市生态环境,提升城市品位…, corpus 199) is a slip
            # of tense in a goal otherwise written ahead: noted. A report's goal text may hold its account of the year.
            yield self.finding(ctx, column="goals", done=done[0], severity=Severity.INFO)


def _has_quantity(text: str) -> bool:
    """True when ``text`` states an amount with its unit (建设2公里, 培训200人次); years and codes (H7N9) are not."""
    text = re.sub(r"(19|20)\d{2}(年度?)?", "", text)
    return bool(re.search(r"\d+(\.\d+)?\s*(个|人|次|项|户|村|所|场|天|月|公里|千米|米|亩|平方米|万元|元|%|吨|台|辆|件|批)",
                          text))


class IndicatorRestatesSpending(Rule):
    code = "JX915"
    name = "indicator-restates-spending"
    title = "产出指标衡量的是花钱而不是产出"
    severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    source = GOALS_2015.at("第九条（绩效指标）")
    message = "产出指标“{indicator}”衡量的是资金的安排、到位或下达，不是这笔钱带来的产出"
    message_cost = "成本指标“{indicator}”衡量的是预算花了多少、花得多快，不是成本：看不出总成本或单位成本多少"
    docs = RuleDocs(
        what="数量、质量、时效指标（2018年以前表样的数量、质量、时效目标同样）是否衡量资金本身：支出安排金额、资金到位率、"
        "预算下达率、资金执行率、资金支付进度率、资金足额拨付率、预算资金拨款率、配套资金到位率等；补助资金拨付的时间和及时率（时效指标）是补助送达的时间，"
        "补助经费足额拨付率是补助足额送到受助对象手中，都是补助项目的产出；时效指标下名称讲时间的资金到位（财政资金到位时间、"
        "资金到位及时支付率）是工作何时能开始：都不在此报告。成本指标下只报告以百分比计的预算执行率、资金支付进度率一类"
        "（语料 290：预算控制指标写“年度预算执行率 ≥90%”），那是花钱的进度，不是成本；其余成本行的目标由 JX901 检查。自评表、监控表同样检查：预算执行率"
        "已单独计分，产出指标再衡量资金就把钱算了两次，资金未用完时还会给产出打满分（语料 220、226）。",
        why="产出指标要说明用钱做成了什么（多少件、什么质量、何时完成）；“资金到位率100%”对任何项目都成立，说明不了产出。",
        bad="产出指标 | 质量指标 | 业务工作支出到位率 | 100%",
        good="产出指标 | 质量指标 | 价格认定结论复核维持率 | ≥98%",
        fix="改为这笔钱要完成的工作量、质量或进度；资金执行情况留给预算执行率。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            if measures_money(ctx, indicator):
                template = self.message_cost if ctx.is_cost_row(indicator) else None
                yield self.finding(ctx, indicator=indicator, column="name", template=template)


class NumberInNameDiffers(Rule):
    code = "JX906"
    name = "number-in-name-differs"
    title = "指标名称中的数字与指标值不同"
    severity = Severity.WARNING
    dimension = Dimension.FORM
    source = GOALS_2015.at("第十二条（细化量化）")
    message = "指标名称“{indicator}”写的是“{in_name}”，指标值却是“{raw}”"
    docs = RuleDocs(
        what="三级指标名称里写了带单位的数字（达标率100%、村组干部230人）时，它与指标值是否相同；同类单位写得不同的"
        "（名称写230人，指标值是230个）也不相同。单位类别不同的数字（年份、比例与人数）说的是别的事，不作比较；指标值没有"
        "单位、名称里只有一个带单位的数字的，指标值按这个单位理解（建设普通省道二级公路32.1公里 | 20）。",
        why="名称和指标值说的数不一样，自评时不知道按哪个核对；数字应只写在指标值里。",
        bad="建设质量达标率100% | ≥98%",
        good="建设质量达标率 | ≥98%",
        fix="名称中删去数字，以指标值为准；两处都对的，统一为同一个数。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            target = indicator.target
            if target.value is None:
                continue
            name = fold(indicator.name)
            figures = [parse_target(name[match.start():]) for match in BARE_FIGURE.finditer(name)]
            figures = [f for f in figures if f.value is not None and f.unit and not f.is_date]
            for written in figures:
                # 230人 in the name and 230个 as the target count the same people in two units; a figure of another
                # kind (a year, a share, a sum) says something else and is not compared. A target without a unit is
                # in the unit of the name's one figure (建设普通省道二级公路32.1公里 | 20, corpus 207).
                same_kind = unit_kind(written.unit or "") is not None \
                    and unit_kind(written.unit or "") is unit_kind(target.unit)
                unitless = target.unit is None and len(figures) == 1
                if written.unit != target.unit and not same_kind and not unitless:
                    continue
                if written.value != target.value or (written.unit != target.unit and not unitless):
                    # The unit may stand in a column of its own (230 | 个): the message shows the target whole.
                    raw = target.raw if unitless or target.unit in fold(target.raw) else target.display()
                    yield self.finding(ctx, indicator=indicator, column="name", raw=raw,
                                       in_name=f"{written.value}{written.unit}")
                break


class UnselectedOptions(Rule):
    code = "JX907"
    name = "options-left-unselected"
    title = "模板选项未选定"
    severity = Severity.WARNING
    dimension = Dimension.COMPLETENESS
    source = GOALS_2015.at("第十二条（细化量化）")
    message = "“{column_name}”中留着模板的选项“{options}”，没有选定"
    docs = RuleDocs(
        what="指标值、指标名称或年度目标中是否留着没有选定的选项列表（高中低、高/中/低、是/否、确定能、有可能、不可能、□新增□延续；"
        "选项连写或用“/”“、”隔开都算，词表 jixiao/model/data/options.toml 与读取表头选项共用）；指标值用“/”“、”“|”"
        "并列的几项都是同一等级表中的等级（优/良/中/差、长期/短期），或其中一项是另一项的否定（合格/不合格、完成/未完成），也算。"
        "一个一级指标下两行以上、过半的指标值都是未选定的选项（或空着）的，这一级的目标等于没有设定，为错误（目标表，行的位置"
        "不是推测的）；其余为警告。",
        why="选项没有选，等于这一项没有填写，审核人不知道单位要的是哪一档。",
        bad="指标值：高中低",
        good="指标值：高",
        fix="只保留选定的一项，删去其余选项。",
    )

    # boxes around the options, none ticked (□新增□延续); the lists printed whole (高中低, 是/否) are jixiao.model.options'
    _BOXES = re.compile(r"□[^□]+□")
    # A 指标值 of options side by side (合格/不合格, 优/良/中/差, 长期、短期): the grades of one scale, or an option and
    # its negation; a single grade (良好) or a figure among them (1年/3年) is no list of this kind.
    _SEPARATOR = re.compile(r"[/、|｜]")
    _NEGATION = re.compile(r"^(不|未|非|无)")

    @classmethod
    def _options(cls, text: str) -> bool:
        """True for a cell that lists options to choose from (合格/不合格, 优/良/中/差) instead of one chosen."""
        options = cls._SEPARATOR.split(fold(text))
        if len(options) < 2 or not all(options):
            return False
        negated = any(cls._NEGATION.sub("", one) == other and one != other for one in options for other in options)
        return negated or all(option in GRADES for option in options)

    @classmethod
    def _listed(cls, text: str | None) -> bool:
        """True for a text that is a template's option list left whole, or boxes around options."""
        folded = fold(text or "")
        return whole_list(folded) or cls._BOXES.search(folded) is not None

    def _unselected(self, text: str | None) -> bool:
        return self._listed(text) or self._options(text or "")

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        unset = self._unset_levels(ctx)
        for indicator in ctx.sheet.indicators:
            for column, label, text in (("target", "指标值", indicator.target.raw), ("name", "三级指标", indicator.name)):
                match = self._unselected(text) if column == "target" else self._listed(text)
                if match:
                    severity = Severity.ERROR if column == "target" and ctx.level1_of(indicator) in unset else None
                    yield self.finding(ctx, indicator=indicator, column=column, column_name=label,
                                       options=text.strip(), severity=severity)
        for text in [*ctx.sheet.goals, ctx.sheet.purpose or ""]:
            if self._listed(text):
                yield self.finding(ctx, column="goals", column_name="表头", options=text.strip()[:40])

    def _unset_levels(self, ctx: SheetContext) -> set[str | None]:
        """The 一级指标 of a goal table none of whose rows' targets is set but for one at most: at least two rows, more
        than half of them an option list left unselected or blank, one of them a list (corpus 300: both 效益指标 rows
        高中低). What the money achieves at that level cannot be assessed: the sheet is returned, as for a level whose
        targets are mostly blank (JX107). Not where the rows were placed by a guess: the chosen option may stand
        unplaced."""
        if not ctx.sets_goals or ctx.rows_guessed:
            return set()
        groups: dict[str | None, list[Indicator]] = {}
        for indicator in ctx.sheet.indicators:
            groups.setdefault(ctx.level1_of(indicator), []).append(indicator)
        unset = set()
        for level, rows in groups.items():
            lists = sum(self._unselected(row.target.raw) for row in rows)
            blank = sum(row.target.is_empty and not self._unselected(row.target.raw) for row in rows)
            if lists and lists + blank >= 2 and 2 * (lists + blank) > len(rows):
                unset.add(level)
        return unset


class HeaderChoiceUnanswered(Rule):
    code = "JX954"
    name = "header-choice-unanswered"
    title = "表头选项未勾选"
    severity = Severity.INFO
    dimension = Dimension.COMPLETENESS
    source = GOALS_2015.at("第十二条（细化量化）")
    message = "表头的选项一项也没有勾选：{fields}"
    message_several = "表头“{field}”只能选一项，却勾选了“{chosen}”（选项：{options}）"
    docs = RuleDocs(
        what="表头中印有选项的栏目（项目属性 □新增 □延续、项目类型 1、常年性项目 2、一次性项目、是否政府采购 □是 □否），"
        "是否勾选了一项：方框都空着、编号选项原样留着、或模板的几个选项词（延续项目 新增项目）都还在，都是没有选；一张表的这些"
        "栏目合报一条。只能选一项的栏目勾了几项，也报。没有印栏名的一行方框选项，按“表头”报；复制时方框丢失了一部分的"
        "（1、持续性项目 2、新增性项目 □），看不出选了哪项，不报。",
        why="项目属性、项目类型决定审核口径（延续项目要填上年预算和执行数，一次性项目不应年年申报）；不勾选，审核人只能猜。",
        bad="项目属性：□新增 □延续",
        good="项目属性：□新增 ■延续",
        fix="按项目实际情况在每个选项栏勾选一项（把□改为■或☑），其余选项保持不选。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        unanswered = [choice for choice in ctx.sheet.choices if choice.unanswered]
        # (the reviewer asks once for the lists a sheet left open: 项目类别、项目属性、项目类型的选项都没有勾选)
        blank = [choice for choice in unanswered if not choice.chosen]
        if blank:
            fields, slots = listed("“{field}”（{options}）", [
                {"field": choice.label or "表头", "options": "、".join(choice.options)} for choice in blank])
            fix = Fix.of(Applicability.DISPLAY_ONLY, "按项目实际情况在每个选项栏勾选一项（把□改为■或☑）")
            yield self.finding(ctx, column=blank[0].label or "表头", fix=fix,
                               template=self.message.replace("{fields}", fields), **slots)
        for choice in unanswered:
            if choice.chosen:
                field = choice.label or "表头"
                fix = Fix.of(Applicability.DISPLAY_ONLY, "“{field}”只保留符合项目实际的一项", field=field)
                yield self.finding(ctx, column=field, field=field, options="、".join(choice.options), fix=fix,
                                   chosen="、".join(choice.chosen), template=self.message_several)


# Figures below this are small counts that coincide by nature (编制宣传资料3个, 申报项目3个: corpus 140).
_SMALL_FIGURE = 10
# Units counting people or households: the same figure in two rows is usually one group seen twice.
_PEOPLE = frozenset({"人", "万人", "人次", "万人次", "户", "户次"})


class SameFigureRepeated(Rule):
    code = "JX908"
    name = "same-figure-repeated"
    title = "同一数字用于性质不同的多行"
    severity = Severity.INFO
    dimension = Dimension.FEASIBILITY
    source = GOALS_2015.at("第十二条（合理可行）")
    message = "指标“{indicator}”与“{other}”的指标值都是“{figure}”，性质不同的两项恰好相同，请核实"
    docs = RuleDocs(
        what="同一张表中两项名称不同的指标，是否写了完全相同的带单位数值（百分比和10以下的小数目除外；同一二级指标下的"
        "计数，如两项筛查各600人次，多是按同一任务量下达，也除外；人数、户数相同的，多是产出覆盖的人就是受益的人，也除外；名称里就写着这个数值的（≥360天服务读者），是有意重复，也除外）。",
        why="产值与增收、投资与补助恰好相同，多半是照抄而不是测算；这样的目标难以相信。",
        bad="经济效益指标 | 特色产业产值 | ≥80万元\n经济效益指标 | 脱贫户增加收入 | ≥80万元",
        good="经济效益指标 | 特色产业产值 | ≥80万元\n经济效益指标 | 脱贫户增加收入 | ≥12万元",
        fix="按测算重新确定各项目标值，并在指标值确定依据中写明测算方法。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        seen: dict[tuple[Decimal, str], Indicator] = {}
        for indicator in ctx.sheet.indicators:
            target = indicator.target
            if target.value is None or not target.unit or target.unit == "%" or target.value < _SMALL_FIGURE:
                continue  # small counts (3个, 2次) coincide by nature
            key = (target.value, target.unit)
            first = seen.setdefault(key, indicator)
            # Counts of one group (艾滋病人检测 600人次, 结核病人筛查 600人次: corpus 028) are quotas often set alike;
            # equal amounts of money for different measures (产值 and 增收) are not.
            # So are the people an output reaches and the people it benefits (加入合作社的贫困人口 1102人, 受益建档立卡
            # 贫困人口 1102人: corpus 187): one group counted under two levels.
            quotas = (first.level2 == indicator.level2 or target.unit in _PEOPLE) \
                and unit_kind(target.unit) is not UnitKind.MONEY
            figure = f"{target.value.normalize():f}{target.unit}"
            # A row named by the figure (≥360天服务读者 beside 2022年全年 ≥360天, corpus 212) repeats it on purpose.
            named = any(figure in fold(row.name) for row in (first, indicator))
            if first is not indicator and similarity(first.name, indicator.name) < 0.5 and not (quotas or named):
                yield self.finding(ctx, indicator=indicator, column="target", other=first.name, figure=figure)


class GarbledTarget(Rule):
    code = "JX909"
    name = "garbled-target"
    title = "指标值残缺或疑似识别错误"
    severity = Severity.WARNING
    dimension = Dimension.FORM
    source = GOALS_2015.at("第十二条（细化量化）")
    message = "指标“{indicator}”的指标值“{raw}”只有符号，没有数字"
    # a figure the scan may have misread (292%: ≥92%), and one opening on 2 on the same sheet (2280次: ≥280次)
    message_suspected = ("指标“{indicator}”的指标值“{raw}”：“{written}%”超过100%，可能是“≥{rest}%”（“≥”被识别为“2”），"
                         "请核对原件")
    message_same_slip = "指标“{indicator}”的指标值“{raw}”：本表另有“≥”被识别为“2”的指标值，此值可能是“≥{rest}”，请核对原件"
    message_repaired = "指标“{indicator}”的指标值“{raw}”有识别错误，应为“{clean}”"
    message_serial_date = ("指标“{indicator}”的指标值“{raw}”是表格软件的日期序号（即{year}年{month}月{day}日），"
                           "日期在导出时变成了数字，时效要求无从核对")
    docs = RuleDocs(
        what="指标值是否只剩符号（“%”“≥%”而没有数字），或数值像是识别错误（“292%”可能是“≥92%”），或时间类指标的"
        "指标值是表格软件的日期序号（“44,561”即2021年12月31日，导出时日期变成了数字：时效目标无从核对，为错误）。"
        "一张表已有这样的比率时，同表没有运算符、以“2”开头的数量或金额（“2280次”可能是“≥280次”；“200次”不可能是"
        "“≥00次”，不报告）也可能是同样的识别错误，只作提示、请核对原件。"
        "识别错误能确定怎样改正的（“二100%”是“=100%”，“二”是“=”的识别错误；扫描件数字中的“〇”“O”是“0”、“l”“I”是“1”、"
        "“9 5%”中的空格和“99，5%”中作小数点的逗号），按改正后的值审核，只作提示并给出改法。",
        why="残缺的指标值无法审核；扫描或转换造成的错字要对照原件改正，否则年底按错的目标打分。",
        bad="指标值：%\n指标值：292%",
        good="指标值：≥95%\n指标值：≥92%",
        fix="对照原件补全数字或改正识别错误。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        # A sheet whose scan read ≥ as 2 on a rate (292%) read it so on its other rows too: there a bare count opening
        # on 2 (2280次 beside 292%, corpus 004) is likely the same slip.
        two_for_ge = any(indicator.target.has_note(NoteCode.OCR_SUSPECTED) for indicator in ctx.sheet.indicators)
        for indicator in ctx.sheet.indicators:
            target = indicator.target
            if two_for_ge and (rest := _ge_read_as_two(target)):
                yield self.finding(ctx, indicator=indicator, column="target", raw=target.raw, severity=Severity.INFO,
                                   confidence=Confidence.INFERENCE, template=self.message_same_slip, rest=rest)
            elif SYMBOL_ONLY.fullmatch(fold(target.raw)) and not ctx.template_unfilled:  # else JX107's unfilled cell
                yield self.finding(ctx, indicator=indicator, column="target", raw=target.raw)
            elif target.has_note(NoteCode.OCR_SUSPECTED) and target.value is not None:
                # (the reader's note: a whole percentage over 100 opening on 2, kept as written)
                written = f"{target.value.normalize():f}"
                yield self.finding(ctx, indicator=indicator, column="target", raw=target.raw,
                                   confidence=Confidence.INFERENCE, template=self.message_suspected, written=written,
                                   rest=written[1:])
            elif target.has_note(NoteCode.OCR_REPAIRED):
                # A repair that is certain (二100% is =100%): the row is reviewed as repaired; the cell is still to
                # be corrected at the source, which the fix does without changing what it says.
                clean = target.display()
                yield self.finding(ctx, indicator=indicator, column="target", raw=target.raw, severity=Severity.INFO,
                                   fix=target_fix(indicator, clean, Applicability.SAFE, "改为“{clean}”", clean=clean),
                                   template=self.message_repaired, clean=clean)
            elif (day := _serial_date(indicator)) is not None:
                yield self.finding(ctx, indicator=indicator, column="target", raw=target.raw, severity=Severity.ERROR,
                                   template=self.message_serial_date, year=day.year, month=day.month, day=day.day)


# A bare figure of three digits or more opening on 2 whose rest is a figure of its own (2280次: 280次, not 200次).
_TWO_THEN_FIGURE = re.compile(r"2([1-9]\d+(?:\.\d+)?)(?![\d.])")


def _ge_read_as_two(target: Target) -> str | None:
    """What a count or amount with no operator reads as when its opening 2 is ≥ misread (2280次 → 280次), or None
    where it opens on no such 2 (a rate is the reader's to note, 292%; a date is no count)."""
    if target.operator is not None or target.unit in (None, "%") or target.date is not None:
        return None
    written = _TWO_THEN_FIGURE.match(fold(target.raw).strip())
    return f"{written.group(1)}{target.unit}" if written else None


# Spreadsheet day numbers (days since 1899-12-30) of the years 2000–2049: a date cell exported as its number.
_SERIAL_DAYS = range(36526, 54789)
_SERIAL_EPOCH = date(1899, 12, 30)


def _serial_date(indicator: Indicator) -> date | None:
    """The date a time indicator's bare whole number stands for when it is a spreadsheet day number (44,561 for
    2021-12-31, corpus 148), else None."""
    target = indicator.target
    if target.unit is not None or target.value is None or target.value != target.value.to_integral_value() \
            or int(target.value) not in _SERIAL_DAYS or not is_timeliness(indicator.name):
        return None
    return _SERIAL_EPOCH + timedelta(days=int(target.value))


class UnitCostTimesQuantity(Rule):
    code = "JX910"
    name = "unit-cost-times-quantity-mismatch"
    title = "单位成本×数量与预算不符"
    severity = Severity.WARNING
    dimension = Dimension.APPROPRIATENESS
    source = GOALS_2015.at("第十二条（相应匹配）")
    message = "“{indicator} {cost}”×“{counted} {quantity}”={product}万元，与项目预算{budget}万元相差过大"
    defaults = {"tolerance": 0.5, "exact_tolerance": 0.05}
    docs = RuleDocs(
        what="表中有单位成本（元/亩、万元/公里、元/人…）和同一单位的数量指标时（人、名、生、学生都按人计），二者之积与预算数是否大体相符"
        "（默认相差一半以上才报告，可由审核方案的 tolerance 调整）。有几项单位成本的，几项之积的合计与预算相符即可。"
        "单位成本和数量都写成“=”定值的（=23万元/个、=10个），二者之积就是要付的钱，超出预算 exact_tolerance（默认5%）"
        "以上即报告。",
        why="单位成本乘数量就是要花的钱；与预算对不上，说明数量、标准或预算有一个是错的。",
        bad="预算数 400万元；补助标准 ≤1600元/亩；灌溉面积 ≥500亩（合80万元）",
        good="预算数 400万元；补助标准 ≤1600元/亩；建设面积 ≥2500亩",
        fix="核对单位成本、数量和预算，使三者一致。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        budget = budget_in_wan(ctx.sheet)
        if not budget:
            return
        tolerance = Decimal(str(self.param(ctx, "tolerance")))
        # A head written one way per cost and another in the count (3000元/人 beside 500名, 1500元/生 beside 800人)
        # is the same head: both are looked up by the head the standards count by.
        heads = data()["standards"]["heads"]
        quantities = {}
        for indicator in ctx.sheet.indicators:
            target = indicator.target
            if target.value is not None and target.unit and "/" not in target.unit:
                quantities.setdefault(heads.get(target.unit, target.unit), indicator)
        priced = []
        for indicator in ctx.sheet.indicators:
            target = indicator.target
            numerator, _, per = (target.unit or "").partition("/")
            factor = TO_WAN.get(numerator)
            quantity = quantities.get(heads.get(per, per))
            if factor is None or quantity is None or target.value is None or "·" in per \
                    or _PER_PERIOD.search(fold(indicator.name + (indicator.description or ""))):
                continue  # a cost per day or per year cannot be multiplied by a head count alone
            priced.append((indicator, quantity, target.value * factor * (quantity.target.value or 0)))
        # Several priced parts (land, landscaping, buildings) share the budget: it is their sum that must match it.
        if len(priced) > 1 and abs(sum(p for _, _, p in priced) - budget) <= budget * tolerance:
            return
        exact_tolerance = Decimal(str(self.param(ctx, "exact_tolerance")))
        for indicator, quantity, product in priced:
            # A fixed standard for a fixed number (=23万元/个 for =10个) is what the money must pay: above the budget
            # by more than rounding, it cannot be paid (corpus 187: 230万元 against 214.06万元).
            exact = indicator.target.operator is Operator.EQ and quantity.target.operator is Operator.EQ
            if abs(product - budget) > budget * tolerance or (exact and product > budget * (1 + exact_tolerance)):
                yield self.finding(ctx, indicator=indicator, column="target", confidence=Confidence.INFERENCE,
                                   cost=indicator.target.display(), counted=quantity.name,
                                   quantity=quantity.target.display(),
                                   product=f"{product.quantize(Decimal('0.01'))}", budget=amount_text(budget))


class SloganIndicatorName(Rule):
    code = "JX912"
    name = "slogan-indicator-name"
    title = "指标名称是口号"
    severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    source = GOALS_2015.at("第十二条（指向明确、细化量化）")
    message = "指标名称“{indicator}”是一句口号，不是可以计量的量，指标值“{raw}”无所指"
    # the name's fault (a slogan, a whole sentence, several counts in one) and what the 指标值 adds to it
    message_slogan_vague = "指标名称“{indicator}”是一句口号，不是可以计量的量，指标值“{raw}”也只说了方向"
    message_sentence_empty = "指标名称“{indicator}”是一整句话，不是可以计量的量，指标值空着"
    message_sentence_vague = "指标名称“{indicator}”是一整句话，不是可以计量的量，指标值“{raw}”也只说了方向"
    message_sentence = "指标名称“{indicator}”是一整句话，不是可以计量的量，指标值“{raw}”也无从核对"
    message_counts = ("指标名称“{indicator}”是几项数量连成的一句话，不是可以计量的量，指标值“{raw}”说不出是哪一项的，"
                      "应拆成几项计数指标")
    docs = RuleDocs(
        what="填了指标值的三级指标，名称是否只是一句口号：以“维护、促进、保障、提升……”开头（前面可有“进一步”“切实”之类副词），或以“发展、稳定、运转……”"
        "结尾，或是一句说目的、手段的话（“通过……”“围绕……”“为了……”“按年度……”开头），而不落在可计量的名词上（……率、"
        "……数、……面积、……金额、……水平）；产出指标下名称只是几句“……改善”“……提高”（教学条件改善、办学水平提高）"
        "的，说的是希望的效果而不是产出，同样报告。指标值只是空话的（增加、显著改善），名称和指标值的毛病在这里一并报告，为警告（JX206 不再重复报告）；"
        "这样的行不再报告缺运算符（JX201）。"
        "产出指标下名称是口号、指标值也不是数值的行，年底无从核对，为错误；其余为警告。名称写成以句号结尾的一整句话"
        "（“增加就业机会,提高农民收入。”“完成…物业费清算任务,指导小区物业开展文明创建等工作。”）、指标值又不是数值的"
        "（空着或是一段描述），同样是警告；指标值是数值的，名称说的是这项工作，改写即可，不在此报告。名称把几项数量连成一句"
        "（慰问伤残军人50人;革命烈士遗属50人;…）、指标值只是一个百分数的，数量都写在名称里，百分数说不出是哪一项的，也报告（警告）。",
        why="“维护社会稳定≥95%”说不出95%是什么的95%，年底无法取得实际值，也就无从打分；这样的行只是重复了目标。",
        bad="社会效益指标 | 维护社会稳定 | ≥95%",
        good="社会效益指标 | 矛盾纠纷调解成功率 | ≥95%",
        fix="改写为这项工作带来的、可以统计的结果，如“……率”“……人数”，数值与之对应。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            target = indicator.target
            output = ctx.level1_of(indicator) == "产出指标"
            # An improvement for a name (教学条件改善、办学水平提高) is an effect: among the benefits it names what is
            # hoped for, under 产出指标 it is no output at all (corpus 149).
            # A slogan answered by a vague phrase (带动村集体及种植户增收致富 | 增加, corpus 202; 改善安置小区群众生活
            # 质量,… | 显著改善, 166) has two faults the reviewer names together: the name measures nothing and the value
            # sets nothing. This one finding says both; JX206 leaves such a row alone.
            vague = vague_word(target.raw)
            if is_aim_name(indicator.name, output) and not target.is_empty:
                # An output row naming no output and setting no figure (围绕…等需求 | 解决旱情,保障粮食安全…) leaves
                # nothing to check at year end: the sheet is returned (corpus 152). Beside a figure, or among the
                # benefits, it is rewritten by agreement (003, 118), and so is a vague phrase, which JX206 warns of
                # on any row.
                # An improvement named under 产出 (企业国际质量提升 | 获得目的国受众欢迎, 205) still names what the row is
                # about: it is rewritten by agreement, as among the benefits.
                idle = output and is_slogan(indicator.name) and not target.is_quantitative and not vague
                yield self.finding(ctx, indicator=indicator, column="name", raw=target.raw,
                                   template=self.message_slogan_vague if vague else None,
                                   severity=Severity.ERROR if idle else None)
            elif is_sentence_name(indicator.name) and not (target.is_quantitative or target.is_date):
                # A whole sentence closed by its full stop (增加就业机会,提高农民收入。 | (blank), corpus 215; 完成…
                # 清算任务,指导…等工作。 | 房屋设备、设施的管理到位…, 166) restates the goal in the name cell and leaves
                # nothing to measure: the reviewer asks for the row to be rewritten. Beside a figure (清算8个…物业费。 |
                # ≥95%) it names the work whose completion the figure gives.
                template = self.message_sentence_empty if target.is_empty else \
                    self.message_sentence_vague if vague else self.message_sentence
                yield self.finding(ctx, indicator=indicator, column="name", template=template, raw=target.raw)
            elif len(self._COUNT_IN_NAME.findall(fold(indicator.name))) >= 2 and target.unit == "%":
                # The counts written into the name (慰问伤残军人50人;革命烈士遗属50人;…, corpus 259) are the targets, and
                # the one percentage beside them is the share of none of them: the row is several count indicators.
                yield self.finding(ctx, indicator=indicator, column="name", template=self.message_counts,
                                   raw=target.raw)

    # A count written in a name (慰问伤残军人50人): a number and the measure word of people, households or things.
    _COUNT_IN_NAME = re.compile(r"\d+(?:\.\d+)?\s*(?:万)?(?:人次|人|户|个|次|名|处|所|家|村)")


class ToleratedErrorRate(Rule):
    code = "JX913"
    name = "error-tolerating-rate"
    title = "准确率、合规率目标低于100%"
    severity = Severity.WARNING
    dimension = Dimension.FEASIBILITY
    source = GOALS_2015.at("第十二条（合理可行）")
    message = "指标“{indicator}”的目标“{raw}”低于100%，等于事先允许出错或违规"
    fix_changes = frozenset({"value"})  # raising the target is the fix
    docs = RuleDocs(
        what="准确率、准确性、正确率、合规率、合规性、安全保障率这类“不允许出错”的比率，政府采购率（目录内的采购依法都走"
        "政府采购），以及补助、补贴的发放率（应发尽发），目标是否低于100%。测报、预报、预测、预警的准确率是预测应验的比例，诊断准确率是临床判断的正确比例，都不能"
        "承诺100%，不在此检查；验收合格率（验收不合格的限期整改）也不在此检查；讲发放时间的发放率（报酬按月发放率、"
        "及时发放率，或放在时效指标下的）是时效，允许留有余地，也不在此检查。",
        why="工资发放准确性≥95%，等于允许二十分之一的工资发错；补贴发放合规率≥95%，等于允许违规发放；伙食补助发放率"
        "90%，等于允许十分之一符合条件的学生领不到补助。这类工作的要求只能是全部做对、足额发放，低于100%的目标定低了。",
        bad="质量指标 | 工资发放准确性 | ≥95%",
        good="质量指标 | 工资发放准确性 | =100%",
        fix="目标改为100%；确有客观原因达不到的，在指标解释中说明。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        words = tuple(data()["all_or_nothing_rates"]["words"])
        paid_out = tuple(data()["all_or_nothing_rates"]["paid_out"])
        forecasts = data()["all_or_nothing_rates"]["forecasts"]
        for indicator in ctx.sheet.indicators:
            target, name = indicator.target, bare_name(indicator.name)
            if target.value is None or target.value >= 100 or target.unit not in ("%", None) or target.value <= 1:
                continue  # ≤1 is a share written as a fraction or a count, not a percentage
            if any(word in name for word in forecasts):
                continue  # a forecast's accuracy cannot be promised whole (corpus 173)
            # A payment rate is whole only as the share paid of what is due; paid on time (按月, 及时) it is a timeliness
            paid = name.endswith(paid_out) and indicator.level2 not in ("时效指标", "时效目标") \
                and not speaks_of_time(indicator.name, target)
            if (name.endswith(words) or paid) and not ctx.fact(indicator).reverse:
                fix = Fix.of(Applicability.NEEDS_HUMAN, "目标改为“=100%”",
                          edits=(Edit(field="target", before=target.raw, after="=100%", row=indicator.row,
                                      indicator=indicator.name),))
                yield self.finding(ctx, indicator=indicator, column="target", fix=fix, raw=target.raw)


class CostRestatesBudget(Rule):
    code = "JX916"
    name = "cost-target-restates-budget"
    title = "成本指标只重复预算数"
    severity = Severity.WARNING
    dimension = Dimension.APPROPRIATENESS
    source = CORE_2021.at("（成本指标）")
    message = "成本指标“{indicator}”的指标值“{raw}”就是项目预算{budget}万元，没有说明单位成本或分项成本"
    message_named = "成本指标“{indicator}”的指标值“{raw}”按名称就是预算数，没有说明单位成本或分项成本"
    # the cell itself says the amount is the budget (年度预算220万元)
    message_stated = "成本指标“{indicator}”的指标值“{raw}”写的就是预算数，没有说明单位成本或分项成本"
    docs = RuleDocs(
        what="成本指标（或名称表明是支出金额的指标，如“发放金额”）的指标值是否正好等于项目预算数（万元、元、千元"
        "换算后相同；表中没有预算总额的，与财政资金比），或名称本身就说是预算（控制在预算成本内、年度预算总成本），"
        "或成本指标的指标值自己写明是预算金额（年度预算220万元；按人、按亩的预算标准不算）。"
        "人均、单价等单位成本不在此检查；超过预算的由 JX306 报告；自评表、监控表是对已批复目标的报告，只作提示（info）。",
        why="成本指标要说明钱花得是否经济：把全年预算原样填进成本指标，任何项目都成立，年底也只能对照预算执行率，"
        "看不出单位产出花了多少钱。",
        bad="预算数 70.00万元；经济成本指标 | 疾病预防控制中心经费 | ≤70万元",
        good="预算数 70.00万元；经济成本指标 | 每万人口疫苗接种服务成本 | ≤1.2万元",
        fix="改写为单位成本（元/人、万元/公里）或分项成本（设备购置、劳务…），与数量指标对应。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        # A report carries the approved goals: their reviewers still note a cost row that only restates the budget,
        # as a remark (corpus 206: 实际成本与工作内容的匹配程度 | 45万; 212: 以低价位高质量为采购原则 | 5万)
        severity = None if ctx.sets_goals else Severity.INFO
        sheet = ctx.sheet
        budget = budget_in_wan(sheet) or (sheet.budget.fiscal if sheet.money_unit is not MoneyUnit.YUAN else None)
        for indicator in sheet.indicators:
            target = indicator.target
            if target.value is None and ctx.is_cost_row(indicator) and self._BUDGET_STATED.search(fold(target.raw)):
                # 成本 | 年度预算220万元 (corpus 016): the cell names the amount the budget, so no figure was read
                fix = Fix.of(Applicability.DISPLAY_ONLY, "改为单位成本或分项成本")
                yield self.finding(ctx, indicator=indicator, column="target", fix=fix, raw=target.raw,
                                   severity=severity, template=self.message_stated)
                continue
            unit = target.unit or ""
            factor = TO_WAN.get(unit, Decimal(1) if unit == "万" else None)  # 250万: 万元 without its 元
            spending = ctx.is_cost_row(indicator) or ctx.fact(indicator).kind is Kind.MONEY
            if factor is None or target.value is None or not spending or "人均" in indicator.name:
                continue
            if budget and abs(target.value * factor - budget) <= Decimal("0.005"):
                slots = {"budget": amount_text(budget)}
            elif ctx.is_cost_row(indicator) and "预算" in fold(indicator.name):
                slots = {"template": self.message_named}
            else:
                continue
            fix = Fix.of(Applicability.DISPLAY_ONLY, "改为单位成本或分项成本")
            yield self.finding(ctx, indicator=indicator, column="target", fix=fix, raw=target.raw, severity=severity,
                               **slots)


    # A budget named with its amount (年度预算220万元, 项目预算资金 50 万元); a standard per person or per 亩 (预算标准
    # 1000元/人) is a unit cost, not the budget restated.
    _BUDGET_STATED = re.compile(r"预算[^\d，,。；;]{0,4}\d+(?:\.\d+)?\s*(?:万元|元|万)(?![\d/每])")


class UnitCostWithoutBase(Rule):
    code = "JX917"
    name = "unit-cost-without-base"
    title = "单位成本或补助标准没有计量基数"
    severity = Severity.WARNING
    dimension = Dimension.FORM
    source = CORE_2021.at("（成本指标）")
    message = "指标“{indicator}”是单位成本或补助标准，指标值“{raw}”却没有写明按什么计（如元/人、万元/公里）"
    docs = RuleDocs(
        what="名称表明是补助标准、单价或单位成本的指标，指标值是否只写了金额（元、万元），没有写明计量基数（每人、每亩、"
        "每公里）。名称已写明基数的（人均、亩均、每户）不在此报告。",
        why="“补助标准≤120万元”看不出是每公里、每个项目还是总额：不能与数量指标相乘核对预算，年底也无法核对标准是否执行。",
        bad="成本指标 | 硬化水泥砼公路补助标准 | ≤120万元",
        good="成本指标 | 硬化水泥砼公路补助标准 | ≤120万元/公里",
        fix="在单位中写明计量基数，如“万元/公里”“元/人·年”。",
    )

    _PER_UNIT = re.compile(r"(补助|补贴|资助|奖补|收费|支出|建设|造价)?标准$|单价$|单位成本$")
    _BASE_NAMED = re.compile(r"[人户亩村所校]均|每")

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            target, name = indicator.target, bare_name(indicator.name)
            if target.value is None or target.unit not in TO_WAN or self._BASE_NAMED.search(name):
                continue
            if self._PER_UNIT.search(name):
                fix = Fix.of(Applicability.DISPLAY_ONLY, "在单位中写明计量基数（元/人、万元/公里…）")
                yield self.finding(ctx, indicator=indicator, column="target", fix=fix, raw=target.raw)


class QualityRestatesQuantity(Rule):
    code = "JX918"
    name = "quality-restates-quantity"
    title = "质量指标只是数量指标的完成率"
    severity = Severity.INFO
    dimension = Dimension.RELEVANCE
    source = GOALS_2015.at("第九条（绩效指标）")
    message = "质量指标{names}只是数量指标所列工作的完成率，没有说明做到什么质量"
    defaults = {"min_rows": 2}
    docs = RuleDocs(
        what="质量指标中是否有几行（默认至少两行）只是把数量指标里的某项工作加上“完成率”“达标率”（数量指标“主体班培训人次”，"
        "质量指标“培训完成率 100%”）。自评表、监控表不在此检查。",
        why="数量指标已经说明做多少，完成率100%只是把它重说一遍；质量指标应说明做到什么标准（学员考核合格率、课程评估优良率）。",
        bad="产出指标 | 数量指标 | 主体班培训人次 | ≥280人次\n产出指标 | 数量指标 | 情景教学或外训批次 | ≥6次\n"
        "产出指标 | 质量指标 | 培训完成率 | =100%\n产出指标 | 质量指标 | 情景教学或外训完成率 | =100%",
        good="产出指标 | 质量指标 | 学员结业考核合格率 | ≥95%",
        fix="改写为衡量工作质量的指标（合格率、优良率、达标率所对应的标准），删去重复数量的完成率。",
    )

    _DONE = re.compile(r"(完成率|达标率|完成情况)$")

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        if not ctx.sets_goals:
            return  # a report's rows carry the approved goals
        counts = [fold(i.name) for i in ctx.sheet.indicators if i.level2 == "数量指标"]
        restating = []
        for indicator in ctx.sheet.indicators:
            stem = self._DONE.sub("", fold(indicator.name))
            if indicator.level2 == "质量指标" and stem != fold(indicator.name) and len(stem) >= 2 \
                    and any(stem in count for count in counts):
                restating.append(indicator)
        if len(restating) >= self.param(ctx, "min_rows"):
            yield self.finding(ctx, column="level2", names="、".join(f"“{i.name}”" for i in restating))


class BenefitsSetNothing(Rule):
    code = "JX919"
    name = "benefits-set-nothing"
    title = "效益指标都提不出可检验的要求"
    severity = Severity.ERROR
    dimension = Dimension.APPROPRIATENESS
    source = GOALS_2015.at("第十二条（细化量化）")
    message = "效益指标{names}都没有可检验的目标，效益目标实际上没有设定"  # {names}: “name”（指标值）, by listed
    terms = frozenset({"空"})  # an empty 指标值, as the message says it
    defaults = {"min_rows": 3}
    docs = RuleDocs(
        what="效益指标中是否有几行（默认至少三行），且占效益指标的四分之三以上，都提不出可检验的要求：指标值空着、只是"
        "空话（显著改善、影响程度明显、长期）、只答“是/否/无”，或指标写成“是否…”问题。逐行的问题由 JX206、JX902、JX107"
        "报告；这里说的是整张表没有设定效益目标。自评表、监控表和文件在效益指标处截断的表不在此检查；文件结束处的最后一行"
        "（指标值可能随截断丢失）不计入。",
        why="效益指标说明这笔钱带来什么效果；每一行都只写“显著提高”“否”，年底就没有一项效益可以核对，"
        "审核人会退回重填（语料 166、167）。",
        bad="经济效益指标 | 项目实施是否产生经济价值 | 否\n社会效益指标 | 保障群众文化权益 | 影响程度明显\n"
        "可持续影响指标 | 对文化需求的可持续影响 | 长期",
        good="社会效益指标 | 送戏进村受益群众 | ≥3.5万人次\n可持续影响指标 | 村级文化活动常态化开展村数 | ≥70村",
        fix="按项目的实际效果改写效益指标，写明受益人数、覆盖率、改善幅度等可以统计的数值。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        if not ctx.sets_goals or ctx.cut_off("效益指标"):
            return  # a report carries the approved goals; rows after the file's cut may set the benefits
        # (the row the file ends on may have lost its value with the cut: it shows nothing of what the table set)
        rows = [i for i in ctx.sheet.indicators if ctx.level1_of(i) == "效益指标"
                and ctx.fact(i).kind is not Kind.SATISFACTION and not ctx.unfinished(i)]
        idle = [i for i in rows if self._sets_nothing(i)]
        if len(idle) >= self.param(ctx, "min_rows") and 4 * len(idle) >= 3 * len(rows):
            names, slots = listed("“{name}”（{raw}）", [{"name": i.name, "raw": i.target.raw.strip() or "空"}
                                                       for i in idle])
            yield self.finding(ctx, column="level1", template=self.message.replace("{names}", names), **slots)

    def _sets_nothing(self, indicator: Indicator) -> bool:
        target = indicator.target
        if stated_target(target).is_quantitative:
            return False
        return target.is_empty or bool(vague_word(target.raw)) or fold(target.raw) in _BARE_ANSWERS \
            or _is_question(indicator.name)


class ZeroCost(Rule):
    code = "JX920"
    name = "zero-cost-target"
    title = "成本指标的目标为0"
    severity = Severity.WARNING
    dimension = Dimension.FEASIBILITY
    source = CORE_2021.at("（成本指标）")
    message = "成本指标“{indicator}”的指标值“{raw}”为0：要么没有这项支出，要么单位太大、金额被舍成了0"
    docs = RuleDocs(
        what="成本指标（总成本、单位成本、分项成本）的指标值是否为0。超支、超概算一类越少越好的量除外。",
        why="花钱的项目，成本不会是0：或是这项支出本不存在（这一行不该有），或是以万元计的小额成本被四舍五入成了0"
        "（出差单位成本=0万元/人，而出差总成本=1万元，语料 148），目标无法与预算和总成本核对。",
        bad="产出指标 | 成本指标 | 出差单位成本 | =0万元/人",
        good="产出指标 | 成本指标 | 出差单位成本 | ≤1250元/人",
        fix="没有这项支出的，删去这一行；有的，改用元计，写出实际的单位成本或分项成本。",
    )

    # Cost rows that should be nil: overspending, losses, irregular spending.
    _NIL_BY_NATURE = re.compile(r"超|损失|浪费|违规|违纪")

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            target = indicator.target
            if not ctx.is_cost_row(indicator) or target.value is None or target.value != 0 or target.unit == "%" \
                    or self._NIL_BY_NATURE.search(fold(indicator.name)):
                continue
            yield self.finding(ctx, indicator=indicator, column="target", raw=target.raw)


class SameTargetAcrossCategories(Rule):
    code = "JX921"
    name = "same-target-across-categories"
    title = "同一目标值套用于各类指标"
    severity = Severity.WARNING
    dimension = Dimension.FEASIBILITY
    source = GOALS_2015.at("第十二条（合理可行）")
    message = "{count}类指标（{names}）的指标值都是“{figure}”，像是同一个数套用到各行，没有按各项分别测算"  # names: listed
    defaults = {"min_categories": 4, "min_benefits": 3}
    docs = RuleDocs(
        what="同一张表中，是否有几行分属不同二级指标（默认至少四类，其中至少两类是效益指标：如质量、经济效益、可持续影响、"
        "满意度）的指标，写了完全相同的指标值（运算符、数值、单位都相同）；或至少三类效益指标（社会、经济、生态效益…，"
        "min_benefits）都写了同一个指标值，这在自评表、监控表中也报告（三类效益都“提升10%”）。质量、时效、满意度的比率常定得一样，"
        "只有它们相同的不在此报告。100%（全部完成）和0本身就是常用的确定值，不在此报告；同一类中"
        "相同的数（两项筛查各600人次）由 JX908 判断。",
        why="社会效益、生态效益、可持续影响、满意度各是不同的量，不会恰好都是≥95%；同一个数填满各行，多半是套用而不是测算，"
        "年底也说不出每个95%是什么的95%（语料 003）。",
        bad="产出指标 | 质量指标 | 保障村社区正常运转 | ≥95%\n效益指标 | 经济效益指标 | 促进村集体经济发展 | ≥95%\n"
        "效益指标 | 可持续影响指标 | 经济、环境等方面可持续发展 | ≥95%\n满意度指标 | 服务对象满意度指标 | 辖区内群众满意度 | ≥95%",
        good="产出指标 | 质量指标 | 村务公开事项公开率 | ≥95%\n效益指标 | 经济效益指标 | 村集体经营性收入增长 | ≥5%\n"
        "效益指标 | 可持续影响指标 | 村级组织活动场所使用年限 | ≥10年\n满意度指标 | 服务对象满意度指标 | 辖区内群众满意度 | ≥90%",
        fix="按每项指标的含义和历史数据分别测算目标值，在指标值确定依据中写明来由。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        groups: dict[tuple[object, Decimal, str | None], list[Indicator]] = {}
        for indicator in ctx.sheet.indicators:
            target = indicator.target
            if target.value is None or target.value == 0 or (target.unit == "%" and target.value == 100):
                continue  # all done (100%) and nothing (0次) are exact by nature, and common everywhere
            if ctx.doubtful(indicator):
                continue  # a value on a row whose cells may be misplaced may be another row's, or its weight
            groups.setdefault((target.operator, target.value, target.unit), []).append(indicator)
        for rows in groups.values():
            categories = list(dict.fromkeys(i.level2 for i in rows if i.level2))
            # Rates of quality, timeliness and satisfaction are often set alike (≥95%); it is benefits of different
            # kinds (社会, 经济, 可持续) sharing the figure that shows it was copied, not estimated.
            benefits = {i.level2 for i in rows if ctx.level1_of(i) == "效益指标"}
            # A report carries the approved targets, and its reviewer leaves their spread alone; but three kinds of
            # benefit (社会, 经济, 生态) are three different quantities, and one figure for all of them was not measured
            # for any: the reviewer of a report flags that too (corpus 231: 提升10% in all three).
            spread = ctx.sets_goals and len(categories) >= self.param(ctx, "min_categories") and len(benefits) >= 2
            # (a bare number shared by the benefits, 16, is more likely their weight or points read into the value)
            if spread or (len(benefits) >= self.param(ctx, "min_benefits") and rows[0].target.unit is not None):
                first = rows[0].target
                figure = f"{first.operator or ''}{first.value.normalize():f}{first.unit or ''}"
                names, slots = listed("{level2}“{name}”", [{"level2": i.level2, "name": i.name}
                                                           for i in rows if i.level2])
                yield self.finding(ctx, column="target", count=len(categories), figure=figure,
                                   template=self.message.replace("{names}", names), confidence=Confidence.INFERENCE,
                                   **slots)


# A document cited by its title (《关于印发…实施方案的通知》).
_DOCUMENT_TITLE = re.compile(r"《([^《》]{4,80})》")


class GoalDefersElsewhere(Rule):
    code = "JX922"
    name = "goal-defers-elsewhere"
    title = "年度目标只援引文件或既定目标"
    severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    source = GOALS_2015.at("第十二条（细化量化）")
    message = "项目“{sheet}”的年度目标只说按所引文件的要求完成目标，没有写出本年度要达到的数量和效果"
    message_set_elsewhere = "项目“{sheet}”的年度目标只写“{words}”，没有写出本年度要达到的数量和效果"
    docs = RuleDocs(
        what="年度目标是否不写目标本身，而是援引别处：“按…文件要求完成绩效目标”（除去所引文件名后整条目标只剩这句援引的，"
        "为错误，应退回；另有其他文字的为警告），或某一项只写“完成市政府既定目标”“完成上级下达的任务”，不写出数字（为提示）。目标中另写了数量"
        "（建设2公里、新增就业2989人）的不在此报告；年份不算数量。",
        why="审核人和年底的评价者手里只有这张表：目标援引文件或“既定目标”，看不出本年度要做多少、做到什么程度，"
        "指标也无从对应（语料 028、176）。",
        bad="年度目标：根据《关于印发2020年度艾滋病防治项目实施方案的通知》等文件要求完成绩效目标。",
        good="年度目标：全年自愿咨询检测1000人次以上，结核病人筛查600人次以上，适龄儿童免疫规划疫苗接种率≥90%",
        fix="把所援引文件或上级下达的目标数写进年度目标（做多少、做到什么程度、何时完成），并与指标对应。",
    )

    _DOCUMENTS = re.compile(r"(文件|通知|方案|精神)[^，,。；;]{0,4}(要求|规定)[^，,。；;]{0,4}完成[^，,。；;]{0,6}(目标|任务)")
    _POINTER_ONLY = 30  # characters left of a goal once the titles it cites are taken out: nothing but the pointer
    _SET_ELSEWHERE = re.compile(r"(完成|达到|实现)[^，,。；;]{0,10}(既定|下达|确定|分解)的?(绩效)?(目标|任务)")

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        goal = fold(ctx.goal_text)
        if not goal or _has_quantity(goal):
            return
        words = self.deferral(goal)
        if words is not None:
            # A goal that is nothing but a pointer to the documents leaves the sheet without a goal: it is returned
            # (corpus 028). One item left to the 既定目标 beside other aims is a remark (176).
            if self._DOCUMENTS.search(goal) is None:
                severity = Severity.INFO
            else:
                whole = len(_DOCUMENT_TITLE.sub("", goal)) <= self._POINTER_ONLY
                severity = Severity.ERROR if whole else None
            template = self.message_set_elsewhere if words else None
            yield self.finding(ctx, column="goals", severity=severity, template=template,
                               **({"words": words} if words else {}))

    @classmethod
    def deferral(cls, goal: str) -> str | None:
        """The words by which the folded ``goal`` hands its target to something else (完成市政府既定目标), empty when
        it defers to the documents it cites (“…文件要求完成绩效目标”), or None when it does neither."""
        if cls._DOCUMENTS.search(goal):
            return ""
        match = cls._SET_ELSEWHERE.search(goal)
        return match.group(0) if match else None


class BrokenYear(Rule):
    code = "JX923"
    name = "broken-year"
    title = "年份缺字或多字"
    severity = Severity.INFO
    dimension = Dimension.FORM
    source = GOALS_2015.at("第十二条（细化量化）")
    message = "年度目标中的“{year}”不是完整的年份（…{context}…），请对照原件改正"
    # where the year is written, by column: the message of each place
    _PLACES = {"title": "表头", "project": "项目名称", "goals": "年度目标", "name": "指标“{indicator}”",
               "target": "指标“{indicator}”"}
    docs = RuleDocs(
        what="表头、年度目标和指标中是否有缺了一位或多了一位的年份：“202年度”“20246年”。四位年份和“200年历史”这类"
        "年数不在此报告（只查以“20”开头、写作“年度”的三位数和以“20”开头的五位数）。",
        why="年份是目标、依据文件和完成时限的所属年度；缺字的年份看不出引用的是哪一年的文件、哪一年的任务（语料 028）。",
        bad="年度目标：根据《关于印发湖南省202年度结核病防治项目实施方案的通知》，全年结核病人筛查600人次以上",
        good="年度目标：根据《关于印发湖南省2020年度结核病防治项目实施方案的通知》，全年结核病人筛查600人次以上",
        fix="对照原件补全或改正年份。",
    )

    _BROKEN = re.compile(r"(?<![\d.．])(20\d年度|20\d{3}年)")
    _AROUND = 8  # characters shown either side

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        sheet = ctx.sheet
        for column, text in (("title", sheet.title), ("project", sheet.name), ("goals", ctx.goal_text)):
            yield from self._broken(ctx, text, column)
        for indicator in sheet.indicators:
            for column, text in (("name", indicator.name), ("target", indicator.target.raw)):
                yield from self._broken(ctx, text, column, indicator)

    def _broken(self, ctx: SheetContext, text: str | None, column: str,
                indicator: Indicator | None = None) -> Iterator[Finding]:
        folded = fold(text or "")
        template = self.message.replace("年度目标", self._PLACES[column], 1)
        for match in self._BROKEN.finditer(folded):
            context = folded[max(0, match.start() - self._AROUND):match.end() + self._AROUND]
            yield self.finding(ctx, indicator=indicator, column=column, template=template, year=match.group(0),
                               context=context)


class StaleAnnualDocument(Rule):
    code = "JX924"
    name = "stale-annual-document"
    title = "目标或依据引用往年的年度方案或期限"
    severity = Severity.WARNING
    dimension = Dimension.FEASIBILITY
    source = GOALS_2015.at("第十二条（合理可行）")
    message = "年度目标引用的{documents}是{years}年的年度方案，比本表的{year}年早{gap}年以上，请核实是否有本年度的方案"
    message_basis = ("指标“{indicator}”的依据引用的{documents}是{years}年的年度方案，比本表的{year}年早{gap}年以上，"
                     "请核实是否有本年度的方案")
    # a deadline before the sheet's year, in the goal or in a 指标值
    message_deadline = "年度目标的期限“{deadline}”在本表的{year}年之前，请核实是否照抄了往年的目标"
    message_target_deadline = "指标“{indicator}”的指标值的期限“{deadline}”在本表的{year}年之前，请核实是否照抄了往年的目标"
    defaults = {"min_gap": 2}
    docs = RuleDocs(
        what="年度目标或指标值确定依据所引用的年度文件（书名号中带“某某年度”或某年的实施方案、工作方案、计划、工作要点），"
        "是否比本表的年度早两年以上（min_gap，默认2：上一年度的方案常是编预算时最新的，不报告）。跨年度的规划"
        "（2019-2020年）按最后一年算；法律法规和非年度文件不在此检查。年度目标或指标值写的完成期限（“在2022年12月31日前”"
        "“2022年底前”）早于本表年度的，是照抄了往年的目标，同样报告。",
        why="年度方案只管当年的任务和标准；2024年的表按2020年度的方案设目标，数量和标准多半已经过时，"
        "审核人要问本年度的方案在哪里（语料 028）。",
        bad="年度目标：根据《关于印发湖南省2020年度艾滋病防治项目实施方案的通知》，全年自愿咨询检测1000人次以上\n"
        "年度：2024",
        good="年度目标：根据《关于印发湖南省2024年度艾滋病防治项目实施方案的通知》，全年自愿咨询检测1000人次以上\n"
        "年度：2024",
        fix="按本年度的方案和标准设定目标，在依据中写明本年度文件；确无新方案的，说明沿用往年方案的理由。",
    )

    _ANNUAL = re.compile(r"年度|(实施|工作)方案|计划|工作要点")
    _YEAR = re.compile(r"(?<!\d)(20\d{2})(?!\d)")

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        year = ctx.sheet.year
        if year is None:
            return
        places = [("goals", None, ctx.goal_text)]
        places += [("basis", i, i.basis) for i in ctx.sheet.indicators if i.basis]
        stale: dict[str, tuple[str, Indicator | None, int]] = {}
        for column, indicator, text in places:
            for match in _DOCUMENT_TITLE.finditer(fold(text or "")):
                document = match.group(1)
                years = [int(y) for y in self._YEAR.findall(document)]
                if years and self._ANNUAL.search(document) and year - max(years) >= self.param(ctx, "min_gap"):
                    stale.setdefault(document, (column, indicator, max(years)))
        if stale:
            # The same habit across the sheet (several plans of one old year, corpus 028) is one remark, placed
            # where the first is cited.
            column, indicator, _ = next(iter(stale.values()))
            cited = sorted({cited for *_, cited in stale.values()})
            yield self.finding(ctx, indicator=indicator, column=column, year=year, gap=year - cited[-1],
                               template=self.message_basis if indicator is not None else None,
                               documents="、".join(f"《{d}》" for d in stale), years="、".join(map(str, cited)))
        yield from self._past_deadline(ctx, year)

    # A deadline (在2022年12月31日前, 2022年底前): the year the work is to be done by.
    _DEADLINE = re.compile(r"(20\d{2})年(\d{1,2}月)?(\d{1,2}日)?底?(之前|以前|前)")

    def _past_deadline(self, ctx: SheetContext, year: int) -> Iterator[Finding]:
        """A goal or a target due before the sheet's own year: last year's goal copied (corpus 239: a 2023 report
        whose goal still pays out 在2022年12月31日前). One remark, where it is first written."""
        places = [("goals", None, goal) for goal in ctx.sheet.goals]
        places += [("target", i, i.target.raw) for i in ctx.sheet.indicators]
        for column, indicator, text in places:
            match = next((m for m in self._DEADLINE.finditer(fold(text or "")) if int(m.group(1)) < year), None)
            if match:
                template = self.message_target_deadline if indicator is not None else self.message_deadline
                yield self.finding(ctx, indicator=indicator, column=column, template=template,
                                   deadline=match.group(0), year=year)
                return


class DeadlineAfterBudgetYear(Rule):
    code = "JX929"
    name = "deadline-after-budget-year"
    title = "年度时效目标的期限在本年度之后"
    severity = Severity.INFO
    dimension = Dimension.RELEVANCE
    source = GOALS_2015.at("第十二条（合理可行）")
    message = "时效指标“{indicator}”的期限“{raw}”在本表的{year}年之后：年度目标的完成时间应在本年度内"
    docs = RuleDocs(
        what="时效指标（或讲完成时间、及时性的指标）写的完成期限，是否全在本表年度之后（2022年度的表写“2023年底”）。"
        "跨年度的期间（2022年7月—2023年6月）有本年度的部分，不在此报告；期限早于本表年度的（照抄往年目标）由 JX924 报告。"
        "只看指标值写成的日期或期限（2023年底、2023年12月、2023年前）；指标值中提到的其他年份（按《2024年…方案》执行）"
        "不是期限。表中没有写年度、年度是按项目名称推定的，不报告。",
        why="年度绩效目标是这一年的钱在这一年要达到的结果；完成时间写到下一年，这一年的目标就无从考核，"
        "多半是把项目期或中期目标的期限抄进了年度表（语料 215）。",
        bad="产出指标 | 时效指标 | 项目完成时间 | 2023年底\n年度：2022",
        good="产出指标 | 时效指标 | 年度造林任务完成时间 | 2022年11月底前\n年度：2022",
        fix="写本年度内的完成时间；跨年度实施的项目，年度表写本年度要完成的部分和时间，项目的总期限写进中期目标。",
    )

    _YEAR = re.compile(r"(?<!\d)(20\d{2})\s*年")
    # a year as a deadline in prose: followed by 底, 末, 前, 内 or a month (2023年底前完成, 2023年6月完成)
    _DEADLINE = re.compile(r"(?<!\d)(20\d{2})\s*年\s*(?=底|末|前|内|以前|之前|\d{1,2}\s*月)")

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        year = ctx.sheet.year
        # (a year the reader took from the project's name, the table printing none, may not be the budget year)
        if year is None or ctx.year_inferred:
            return
        for indicator in ctx.sheet.indicators:
            if indicator.level2 != "时效指标" and not is_timeliness(indicator.name):
                continue
            # the deadline the value states: its date, else a year written as one in its prose; another year it
            # mentions (a plan's, a standard's) is no deadline
            date = indicator.target.date
            years = [int(y) for y in (self._YEAR.findall(fold(date)) if date
                                      else self._DEADLINE.findall(fold(indicator.target.raw)))]
            # (a period that runs from this year into the next, 2022年7月—2023年6月, has this year's part)
            if years and min(years) > year:
                yield self.finding(ctx, indicator=indicator, column="target", raw=indicator.target.raw, year=year)


_HAN = "\u4e00-\u9fff"


# A figure written twice with nothing between: with its unit (854万854万, 7.5%7.5%), or one with a decimal point
# (106.5106.5, two points in one figure): a copy that doubled its text. A whole number doubled (7070) may be a figure.
_DOUBLED_FIGURE = (re.compile(r"(?<![\d.])(\d+(?:\.\d+)?(?:万元|亿元|万|元|%))\1|(?<![\d.])(\d+\.\d+)\2(?![\d.])"), None)


class GarbledText(Rule):
    code = "JX925"
    name = "garbled-text"
    title = "文字乱码或重复"
    severity = Severity.INFO
    dimension = Dimension.FORM
    source = GOALS_2015.at("第十二条（指向明确）")
    message = "年度目标中“{context}”有问号代替的字（转换时丢失的字），请对照原件改正"
    # the message of each place and fault: the place by column (TEXT_PLACES), the fault by its key in _PATTERNS
    _FAULTS = {"replacement": "有替换字符（转换时丢失的字）", "question-marks": "有问号代替的字（转换时丢失的字）",
               "mojibake": "是按西文编码读出的乱码", "leading-zero": "的数字以0开头，疑似丢了小数点",
               "lost-figure": "的“%”前没有数字，数字丢了", "misplaced-percent": "的“%”夹在数字中间，疑似错位（9%0 应为90%）",
               "heading": "是表头“一级指标”（或二级、三级指标）丢了第一个字",
               "doubled": "把“{word}”写了两遍"}
    docs = RuleDocs(
        what="年度目标和各行指标的一级、二级指标名称（照原文，合并单元格只查一次）、名称、指标值、描述中，是否有转换或复制留下的乱码：替换字符“�”、夹在汉字之间或"
        "连在汉字旁的问号（“生活???效”“享受?家”：转换时丢失的字；“是否…?”这样的问句不算）、UTF-8 文字按西文编码读出的"
        "“é¡¹ç›®”；以0开头的金额或百分比（“减少01万元”：丢了小数点；千位分隔符后的“50,000元”、打码的“****000元”不算）；"
        "紧跟在汉字后、前面没有数字的“%”（“按总客%”：数字丢了；“满意度%”“合格率%”和括号里的“(%)”是单位，不算）；"
        "夹在一位数字和末尾的0之间的“%”（“9%0”“1%00”：错位，应为90%、100%）；"
        "以“级指标”开头的单元格（表头“一级指标”丢了序数字）；或紧接着重复了一遍的词（“特殊困难群体困难群体”“服务对象对象”："
        "两个字以上，单字叠用如“村村通”“年年”不在此报告，只有从不叠用的虚词“于于”“与与”“在在”“的的”报告），"
        "或紧接着重复了一遍的数字（“854万854万”“106.5106.5”：带单位或小数点的才算，整数“7070”可能本来就是这个数）。"
        "项目名称和表头不在此检查，资金用途只查重复的数字（栏名与内容相邻时读取会连在一起，如“立项依据”与“依据《…》”）。"
        "每处报告一次，只作提示。",
        why="目标表批复后就是本年度的绩效合同，随预算公开；乱码和重复的字使目标读不通、也无从考核，审核人会退回或要求"
        "改正后再报（语料 153、221、227）。",
        bad="年度目标：促进就业创业，推动解决特殊困难群体困难群体的结构性就业矛盾",
        good="年度目标：促进就业创业，推动解决特殊困难群体的结构性就业矛盾",
        fix="对照原件改正乱码、删去重复的字。",
    )

    _PATTERNS = (
        (LOST_BY_REPLACEMENT, "replacement"),
        (LOST_AS_QUESTION_MARKS, "question-marks"),
        (re.compile(r"(?:[\u00c2-\u00ef][\u0080-\u00bf\u0152-\u0192\u02c6\u02dc\u2013-\u203a]{1,2}){2,}"),
         "mojibake"),
        # (not the digits after a thousands separator, 50,000元, nor those after a publisher's mask, ≤****000元, nor
        # those after a digit OCR read as a letter, I00%, 5O000元: the reader repairs that figure and says so, JX909)
        (re.compile(r"(?<![\d.．*＊lIO〇])(?<!\d[,，])0\d+(?:\.\d+)?(?:万元|元|%)"), "leading-zero"),
        # A percent sign straight after a word, with no figure before it (分红按总客%: the figure was lost); after a
        # rate's name (满意度%, 合格率%) or in brackets (满意度(%)) it is the column's unit, not a lost figure.
        (re.compile(rf"(?<=[{_HAN}])(?<![率度比例值数])[%％](?![)）])"), "lost-figure"),
        # A percent sign typed before a figure's last zeros (9%0 for 90%, 1%00 for 100%, corpus 276): no figure is
        # written so; a percent after two digits (95%10) may be a cell run into the next and is left alone.
        (re.compile(r"(?<![\d.．])[1-9][%％]0{1,2}(?![\d.．%％])"), "misplaced-percent"),
        # A heading cell that lost its first character (级指标 for 一级指标, corpus 151): only the ordinal tells the
        # three levels apart, and nothing else opens a cell with 级指标.
        (re.compile(r"^级指标"), "heading"),
        # A preposition or particle written twice (确定于于2022年12月底前, corpus 262): these never double in a word
        # (的的确确 does, and is left alone).
        (re.compile(r"([于与在])\1|的的(?!确)"), None),
        (re.compile(rf"([{_HAN}]{{2,8}})\1"), None),
        _DOUBLED_FIGURE,
    )
    # Words of the form itself: cells that stand side by side in a heading row and are joined in reading
    _FORM_WORDS = frozenset({"项目", "指标", "名称", "单位", "年度", "资金", "目标"})
    _AROUND = 6  # characters shown either side

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        sheet = ctx.sheet
        found_in = [(column, indicator, self.garbled(text or "")) for column, indicator, text in sheet_texts(sheet)]
        # The 资金用途 is read beside its label and the cells of the header row (立项依据 beside 依据《…》): only a
        # figure written twice (854万854万) is a copy's doubling there, never two cells joined.
        found_in.append(("purpose", None, self.garbled(sheet.purpose or "", (_DOUBLED_FIGURE,))))
        for column, indicator, found in found_in:
            if found:
                context, fault, word = found
                template = f"{TEXT_PLACES[column]}中“{{context}}”{self._FAULTS[fault]}，请对照原件改正"
                yield self.finding(ctx, indicator=indicator, column=column, template=template, context=context,
                                   **({"word": word} if word else {}))

    @classmethod
    def garbled(cls, text: str, patterns: tuple[tuple[re.Pattern[str], str | None], ...] | None = None
                ) -> tuple[str, str, str | None] | None:
        """The first garbled spot of ``text`` (with a few characters either side), what is wrong there (a key of
        ``_FAULTS``) and the word written twice when that is the fault, or None; ``patterns`` narrows the search to
        some of the rule's own."""
        flat = "".join(text.split())
        for pattern, fault in patterns or cls._PATTERNS:
            for match in pattern.finditer(flat):
                word = None
                if fault is None:
                    word = match.group(0)[:len(match.group(0)) // 2]
                    if word in cls._FORM_WORDS:
                        continue
                start, end = max(0, match.start() - cls._AROUND), match.end() + cls._AROUND
                context = f"{'…' if start else ''}{flat[start:end]}{'…' if end < len(flat) else ''}"
                return context, fault or "doubled", word
        return None
