"""Internal consistency: names vs descriptions, goals vs indicators vs overall goals, heading vs table."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache

from jixiao.model import Indicator, Severity, canonical_level1, canonical_level2, parse_target
from jixiao.model.lexicon import TEXT_MEMO, fold
from jixiao.model.numerals import BARE_FIGURE, CHINESE_DIGITS, chinese_to_decimal
from jixiao.model.units import UnitKind, canonical_unit, unit_kind
from jixiao.review.context import SheetContext
from jixiao.review.finding import Applicability, Confidence, Dimension, Edit, Finding, Fix
from jixiao.review.lexicon import (
    Kind,
    basis_sets_standard,
    counted_numbers,
    data,
    kind_of,
    whole_period,
    works_subject,
)
from jixiao.review.rule import Rule, RuleDocs
from jixiao.review.sources import EVALUATION_2020, GOALS_2015

_MATCHED = GOALS_2015.at("第十二条（指向明确、相应匹配）")
_STANDARDS = GOALS_2015.at("第十条（绩效标准）")
_FIGURES = re.compile(r"[\d.%‰≥≤=<>,、:;()（）]+")


@lru_cache(maxsize=TEXT_MEMO)  # names and descriptions are compared with several others on a sheet
def _bigrams(text: str) -> frozenset[str]:
    folded = _FIGURES.sub("", fold(text))
    return frozenset(folded[i : i + 2] for i in range(len(folded) - 1))


def similarity(a: str | None, b: str | None) -> float:
    """Share of character pairs two short texts have in common (0 to 1), figures and signs ignored."""
    left, right = _bigrams(a or ""), _bigrams(b or "")
    if not left or not right:
        return 0.0
    return len(left & right) / min(len(left), len(right))


def swapped_pairs(ctx: SheetContext) -> list[tuple[Indicator, Indicator]]:
    """Pairs of rows whose descriptions fit each other's names far better than their own."""
    if "swaps" in ctx.shared:
        return ctx.shared["swaps"]
    # Each row must look wrong on its own and right when swapped, so that merely similar rows never match;
    # rows whose description fits their name are left out first, which keeps this cheap on sound sheets.
    rows = [(i, similarity(i.name, i.description)) for i in ctx.sheet.indicators if i.description and i.name]
    rows = [(i, own) for i, own in rows if own < 0.3]
    pairs = []
    for n, (a, own_a) in enumerate(rows):
        for b, own_b in rows[n + 1 :]:
            cross = (similarity(a.name, b.description), similarity(b.name, a.description))
            if min(cross) >= 0.3 and sum(cross) - own_a - own_b >= 0.8:
                pairs.append((a, b))
    ctx.shared["swaps"] = pairs
    return pairs


class NameDescriptionMismatch(Rule):
    code = "JX601"
    name = "name-description-mismatch"
    title = "指标名称与指标描述不符"
    severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    source = _MATCHED
    message = "指标“{indicator}”是{name_kind}，指标描述“{description}”说的却是{description_kind}"
    docs = RuleDocs(
        what="三级指标名称与绩效指标描述是否说的是同一件事（如名称是处理率，描述却是满意度）。",
        why="名称与描述不符，说明填表时串了行或复制错了，审核人无法确定目标到底指什么。",
        bad="生活污水处理率 | 受益人口满意度100% | ≥85%",
        good="生活污水处理率 | 全乡生活污水得到有效处理的比例 | ≥85%",
        fix="核对该行，使描述说明名称所指的内容。",
    )

    _WORDS = {Kind.SATISFACTION: "满意度", Kind.RATE: "比率", Kind.COUNT: "数量", Kind.DURATION: "时长或年限",
              Kind.MONEY: "金额"}

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        swapped = {id(row) for pair in swapped_pairs(ctx) for row in pair}
        for indicator in ctx.sheet.indicators:
            if id(indicator) in swapped or not indicator.description:
                continue  # a swapped pair is reported once, by JX602, with the swap as its fix
            name_kind, description_kind = kind_of(indicator.name), kind_of(indicator.description)
            if _clash(name_kind, description_kind, indicator.description):
                yield self.finding(ctx, indicator=indicator, column="description", confidence=Confidence.INFERENCE,
                                   name_kind=self._WORDS[name_kind], description=indicator.description,
                                   description_kind=self._WORDS[description_kind])


def _clash(name_kind: Kind | None, description_kind: Kind | None, description: str) -> bool:
    if name_kind is None or description_kind is None or name_kind is description_kind:
        return False
    kinds = {name_kind, description_kind}
    if kinds == {Kind.RATE, Kind.COUNT}:
        return False  # a rate is often described by the counts it divides
    if kinds == {Kind.RATE, Kind.SATISFACTION} and "满意" in fold(description) and name_kind is Kind.SATISFACTION:
        return False  # 满意度 described as 满意人数占比
    return True


class DescriptionsSwapped(Rule):
    code = "JX602"
    name = "descriptions-swapped"
    title = "两行指标描述互相颠倒"
    severity = Severity.ERROR
    dimension = Dimension.RELEVANCE
    source = _MATCHED
    message = "指标“{indicator}”与“{other}”的指标描述像是写反了：“{description}”应属于“{other}”"
    docs = RuleDocs(
        what="两行指标的描述是否互相颠倒：各自的描述与本行名称无关，却与另一行的名称对应。",
        why="描述颠倒后，两行指标的目标都说不清；常见于复制粘贴时串行。",
        bad="生活污水处理率 | 受益人口满意度100% | ≥85%\n受益人口满意度 | 生活垃圾无害化处理100% | ≥90%",
        good="生活污水处理率 | 生活污水得到处理的比例 | ≥85%\n受益人口满意度 | 受益人口对环境治理的满意程度 | ≥90%",
        fix="互换两行的指标描述，再核对指标值。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for a, b in swapped_pairs(ctx):
            edits = (
                Edit(field="description", before=a.description, after=b.description, row=a.row, indicator=a.name),
                Edit(field="description", before=b.description, after=a.description, row=b.row, indicator=b.name),
            )
            fix = Fix.of(Applicability.NEEDS_HUMAN, "互换“{first}”与“{second}”的指标描述", first=a.name, second=b.name,
                      edits=edits)
            yield self.finding(ctx, indicator=a, column="description", fix=fix, confidence=Confidence.INFERENCE,
                               other=b.name, description=a.description)


class GoalNumberMismatch(Rule):
    code = "JX603"
    name = "goal-number-mismatch"
    title = "绩效目标中的数字与指标不一致"
    severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    source = _MATCHED
    message = "绩效目标写“{written}”，而指标中均为“{expected}”"
    message_department = "绩效目标写“{written}”，而部门整体绩效目标中均为“{expected}”"
    message_both = "绩效目标写“{written}”，而指标和部门整体绩效目标中均为“{expected}”"
    message_row = "绩效目标写“{written}”，而指标“{indicator}”中均为“{expected}”"  # the one row counting it in full
    docs = RuleDocs(
        what="绩效目标文字中的“数字+对象”（如“14个村”）与指标和部门整体目标中的同一对象数量是否一致（支持“十八个村”等中文数字）；"
        "目标只要求完成一部分（“完成项目主体工程70%”）而完成率指标要求全部完成（≥100%）的，同样报告。",
        why="同一张表里说14个村又说18个村，审核人无法确定工作量，年底也无法判断是否完成。",
        bad="绩效目标：改善14个村生态环境\n村人居环境整治个数 | 全乡18个行政村 | ≥18个",
        good="绩效目标：改善18个村生态环境\n村人居环境整治个数 | 全乡18个行政村 | ≥18个",
        fix="统一数字；若确为其中一部分村，在目标中写明。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        elsewhere: dict[str, dict[Decimal, set[str]]] = {}
        for indicator in ctx.sheet.indicators:
            for text in (indicator.name, indicator.description, indicator.target.raw):
                for counted in counted_numbers(text):
                    elsewhere.setdefault(counted.noun, {}).setdefault(counted.value, set()).add("指标")
        overall = ctx.document.overall if ctx.document else None
        for text in (overall.aims + overall.duties) if overall else []:
            for counted in counted_numbers(text):
                elsewhere.setdefault(counted.noun, {}).setdefault(counted.value, set()).add("部门整体绩效目标")
        for goal in ctx.sheet.goals:
            for counted in counted_numbers(goal):
                values = elsewhere.get(counted.noun, {})
                # Only one figure elsewhere, and a different one: a subset (其中5个村) would show several figures.
                if len(values) != 1 or counted.value in values:
                    continue
                (expected_value, places), = values.items()
                expected = counted.written.replace(_number_text(counted.written), f"{expected_value.normalize():f}", 1)
                corrected = (goal if counted.written in goal else fold(goal)).replace(counted.written, expected, 1)
                fix = Fix.of(Applicability.NEEDS_HUMAN, "将“{written}”改为“{expected}”", written=counted.written, expected=expected,
                          edits=(Edit(field="goals", before=goal, after=corrected),))
                template = self.message_both if len(places) > 1 else \
                    self.message_department if "部门整体绩效目标" in places else None
                yield self.finding(ctx, column="goals", fix=fix, written=counted.written, expected=expected,
                                   template=template)
        yield from self._partial_completion(ctx)

    # A goal that completes only part of the work this year (完成项目主体工程70%, corpus 105).
    _PART_DONE = re.compile(r"完成[^，,。；;：:]{0,20}?(\d+(?:\.\d+)?)\s*%")

    def _partial_completion(self, ctx: SheetContext) -> Iterator[Finding]:
        full = [i for i in ctx.sheet.indicators if "完成" in i.name and i.name.endswith("率") and i.target.unit == "%"
                and i.target.value is not None and i.target.value >= 100]
        for goal in ctx.sheet.goals:
            for match in self._PART_DONE.finditer(fold(goal)):
                if full and Decimal(match.group(1)) < 100:
                    yield self.finding(ctx, indicator=full[0], column="goals", written=match.group(0),
                                       expected=full[0].target.raw, template=self.message_row)


# A count the goal promises: a figure (or a Chinese numeral before 个/所/座/处/间) and its measure word. The measure words
# are the units of the vocabulary that count things or measure them (户, 人次, 套, 亩, 公里); money, time and shares
# are not outputs to be counted.
_GOAL_FIGURE = re.compile(r"(?<![\d.．第])(\d+(?:\.\d+)?)\s*(万)?([\u4e00-\u9fff]{1,4})")
_GOAL_NUMERAL = re.compile(rf"(?<![第{CHINESE_DIGITS}])([{CHINESE_DIGITS}]+)(个|所|座|处|间)")
# The staff a unit keeps (在职人员89人) are whom the money pays, not an output it promises.
_NOT_OUTPUT = re.compile(r"(在职|在编|退休|离退休|编制|干警|职工)[^，,。；;、]{0,4}$")


@lru_cache(maxsize=TEXT_MEMO)
def goal_counts(goal: str) -> tuple[tuple[Decimal, str, str, str], ...]:
    """The counts ``goal`` promises, as (value in the base unit, base unit, figure as written, figure with what it
    counts): 64户, 9200人, 0.92万人 (9200, 人), 一个新功能室 (1, 个). Money, time, shares, ordinals (第七批) and the
    staff a unit keeps are left out."""
    text = fold(goal)
    found: list[tuple[Decimal, str, str, str]] = []
    for match in _GOAL_FIGURE.finditer(text):
        unit = _count_unit(match.group(3))
        if unit is None or _NOT_OUTPUT.search(text[:match.start()]):
            continue
        value = Decimal(match.group(1)) * (10000 if match.group(2) else 1)
        end = match.start(3) + len(unit)
        found.append((value, unit, text[match.start():end], _with_object(text, match.start(), end)))
    for match in _GOAL_NUMERAL.finditer(text):
        value = chinese_to_decimal(match.group(1))
        if value is not None:
            found.append((value, match.group(2), match.group(0), _with_object(text, match.start(), match.end())))
    return tuple(found)


# What a count counts: the words after its measure word, up to a word that links it to the rest of the sentence.
_OBJECT = re.compile(r"[^\W\d_进行的和及与对在为并等]{0,8}")


def _with_object(text: str, start: int, end: int) -> str:
    """The count with what it counts (5个 → 5个标准档案库房, 64户 → 64户脱贫户)."""
    match = _OBJECT.match(text, end)
    return text[start:match.end() if match else end]


def _count_unit(words: str) -> str | None:
    """The longest leading measure word of ``words`` that counts or measures things (户 of 户脱贫户), or None."""
    for length in range(len(words), 0, -1):
        unit = canonical_unit(words[:length])
        if unit and unit_kind(unit) in (UnitKind.COUNT, UnitKind.PHYSICAL):
            return unit
    return None


def _in_base_unit(value: Decimal, unit: str | None) -> tuple[Decimal, str | None]:
    """0.92万人 → (9200, 人): a count in 万 compared with the same count written whole."""
    if unit and len(unit) > 1 and unit.startswith("万"):
        return value * 10000, unit[1:]
    return value, unit


class GoalCountNotInIndicators(Rule):
    code = "JX931"
    name = "goal-count-not-in-indicators"
    title = "年度目标中的数量没有对应指标"
    severity = Severity.INFO
    dimension = Dimension.RELEVANCE
    source = _MATCHED
    message = "年度目标写“{counts}”，指标中没有哪一项是这个数量，目标的这部分无从考核"
    # where rows count what the goal counts with other figures (改善14个村 beside 村人居环境整治个数 ≥18个): the message
    # names them (``counted_by``) and their figures (``figures``, in the same order), so that the reader sees which
    # one to correct; one row, or several
    message_counted = "年度目标写“{counts}”，指标“{counted_by}”为{figures}，二者对不上，目标的这部分无从考核"
    message_counted_by_rows = "年度目标写“{counts}”，指标“{counted_by}”分别为{figures}，与目标对不上，目标的这部分无从考核"
    docs = RuleDocs(
        what="年度目标中承诺的数量（补助64户、改造5个标准档案库房、改善9200人饮水条件、建设一个新功能室）是否在指标中"
        "有对应：某项指标的指标值是这个数（万人、万亩换算后相同），或指标的名称、描述、指标值里写着它，或几项同单位"
        "指标之和正好是它。金额、时间、比率、序数（第七批）和在职人数不算产出数量。读取程序没有找到指标表、各行是推测"
        "放置的、或一个指标值也没读到的，不在此检查；文件在数量指标处或之前截断的（计这个数的一行可能在截断处之后），也不在此"
        "检查。与指标中同一对象的数字不同的，由 JX603 报告。有同一计量单位、名称或"
        "指标值里带着目标所数之物的首字的指标（“14个村”与“村人居环境整治个数 ≥18个”）时，提示同时写出两处的数字和该指标"
        "（几项数量各有这样的指标时，依次写出各项指标和它们的数字）。",
        why="年度目标要通过指标来考核：目标写了数量而指标里没有，年底就无从判断这部分目标是否完成，多半是指标照搬了"
        "模板或漏了主要产出（语料 147、225、236、263）。",
        bad="年度目标：改善14个村生态环境\n数量指标 | 村人居环境整治个数 | ≥18个",
        good="年度目标：改善18个村生态环境\n数量指标 | 村人居环境整治个数 | ≥18个",
        fix="为目标中的每项数量设一项数量指标（指标值写这个数），或改正目标中的数字。",
    )

    # More counts than this in one goal describe the works rather than promise outputs.
    _PROMISES = 2

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        indicators = ctx.sheet.indicators
        if ctx.grid_not_found or ctx.rows_guessed or not indicators \
                or all(i.target.is_empty and not i.target.unit for i in indicators):
            return  # nothing is known of the rows: a count may stand in a cell the reader did not find
        if ctx.cut_off("产出指标", "数量指标"):
            return  # the copy stops in or before the 数量指标 rows: the row that counts it may be among those lost with
            # the cut (corpus 286: 总建筑面积6500平方米, cut in the row after the first count); a copy cut further on
            # has shown all its counts (147, 263)
        values = [_in_base_unit(i.target.value, canonical_unit(i.target.unit) or i.target.unit)
                  for i in indicators if i.target.value is not None]
        sums: dict[str | None, Decimal] = {}
        for value, unit in values:
            sums[unit] = sums.get(unit, Decimal(0)) + value
        promised = goal_counts(ctx.goal_text)
        if len(promised) > self._PROMISES:
            return  # a goal that describes the works (占地300平方米, 室外晒坝420平方米, 室内场坪1800平方米…) or the
            # people and places around them (户籍人口76户174人, 7个林场和11个乡镇) gives specifications and scope, not
            # the few outputs the year is measured by; reviewers leave such figures alone (corpus 103, 178, 215)
        written = fold("".join(f"{i.name}{i.description or ''}{i.target.raw}" for i in indicators))
        numbers = set(BARE_FIGURE.findall(written))
        # (a row that names what the goal counts, 开展小型水利工程建设(个) for 7个小型水利工程, measures it: a different
        # figure there is JX603's)
        missing = [(value, unit, figure, shown) for value, unit, figure, shown in promised
                   if not (any(v == value for v, _ in values) or sums.get(unit) == value or figure in written
                           or f"{value.normalize():f}" in numbers or _named(shown[len(figure):], indicators))]
        if not missing:
            return
        # the row that counts the same thing with another figure (改善14个村 beside 村人居环境整治个数 ≥18个)
        counterparts = {row.name: f"{row.target.value.normalize():f}{row.target.unit}"
                        for *_, figure, shown in missing
                        if (row := _counterpart(shown[len(_number_text(figure)):], indicators)) is not None}
        counts = "、".join(dict.fromkeys(shown for *_, shown in missing))
        if not counterparts:
            yield self.finding(ctx, column="goals", counts=counts, confidence=Confidence.INFERENCE)
            return
        template = self.message_counted if len(counterparts) == 1 else self.message_counted_by_rows
        yield self.finding(ctx, column="goals", template=template, counts=counts, counted_by="、".join(counterparts),
                           figures="、".join(counterparts.values()), confidence=Confidence.INFERENCE)


class ProjectWorksUncovered(Rule):
    code = "JX949"
    name = "project-works-uncovered"
    title = "项目名称所说的工程没有指标衡量"
    severity = Severity.WARNING
    dimension = Dimension.RELEVANCE
    source = _MATCHED
    # the thing worked on and the works, as the name writes them (清水河 and 治理 of 清水河(…)治理工程)
    message = "项目名称说的是“{thing}{works}”，指标中却没有一项写到它，产出指标也没有一项计数或计量，项目的主要内容无从考核"
    docs = RuleDocs(
        what="项目名称以对某物施工或购置的工作收尾（清水河治理工程、高标准农田建设项目、消防设备改造安装工程）时，指标中"
        "是否有衡量它的：某项指标的名称、描述或指标值写到这件事或这个物（两个字相同即算），或某项产出指标计数、计量"
        "（≥18个、3公里、500亩：工程量换了说法也算衡量）。名称不以工程收尾的（工作经费、运转经费）、各行是推测放置的、"
        "一个指标值也没读到的、文件在表中截断的（衡量它的一行可能在截断处之后），不在此检查。",
        why="项目是为名称里的工程花钱；指标一项也不衡量这项工程，年底无从判断工程是否完成，多半是指标照搬了资金管理类"
        "的模板（语料 151：清水河治理工程只有劳务报酬占比、投资完成率等指标）。",
        bad="项目名称：清水河治理工程\n产出指标 | 数量指标 | 劳务报酬占中央投资比例 | ≥30%",
        good="项目名称：清水河治理工程\n产出指标 | 数量指标 | 治理河道长度 | ≥3.2公里",
        fix="为名称中的工程设数量、质量指标（治理长度、建设面积、验收合格率），与资金管理类指标并列。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        subject = works_subject(ctx.sheet.name)
        indicators = ctx.sheet.indicators
        if subject is None or not indicators or ctx.grid_not_found or ctx.rows_guessed or ctx.values_unread \
                or ctx.cut or ctx.ends_short or ctx.figures_set_aside or ctx.counts_output:
            return  # a row that measures the works may be unread, lost with the cut or set aside
        thing, works = subject
        words = {thing[i:i + 2] for i in range(len(thing) - 1)} | {works}
        written = fold("".join(f"{i.name}{i.description or ''}{i.target.raw}" for i in indicators))
        if not any(word in written for word in words):
            yield self.finding(ctx, column="project", thing=thing, works=works, confidence=Confidence.INFERENCE)




def _counterpart(counted: str, indicators: list[Indicator]) -> Indicator | None:
    """The row that counts what a goal's count (``counted``: its measure word and what it counts, 个村生态环境 of
    14个村生态环境) counts with another figure: the row's unit begins the count's (个 of 个村), and the first word
    after it is in the row (村 in 村人居环境整治个数); None when no row or several do."""
    found = []
    for row in indicators:
        unit = _in_base_unit(row.target.value, canonical_unit(row.target.unit) or row.target.unit)[1] \
            if row.target.value is not None else None
        if unit and row.name and counted.startswith(unit) and len(counted) > len(unit) \
                and counted[len(unit)] in fold(f"{row.name}{row.target.raw}"):
            found.append(row)
    return found[0] if len(found) == 1 else None


def _named(counted: str, indicators: list[Indicator]) -> bool:
    """True when some row's name contains what a goal's count counts (小型水利工程 in 开展小型水利工程建设(个))."""
    return len(counted) >= 2 and any(counted in fold(i.name) for i in indicators)


def _number_text(written: str) -> str:
    match = re.match(r"\d+(?:\.\d+)?|[^个所座]+", written)
    return match.group(0) if match else written


_TITLE_NOISE = re.compile(r"\[bookmark:[^\]]*\]|(项目支出|项目)?绩效目标(申报)?表([(（][^()（）]*[)）])?$|^\d{4}年(度)?")
# A heading that names only the form (绩效目标申报表(基础设施建设类), 部门预算项目绩效目标申报表(2023年度), 评价指标与
# 标准值表), the body filling it in (永济市县(区)级预算部门(单位)) or the budget it belongs to (市直部门预算…,
# 项目支出预算…, 中央预算内投资计划…) or a department's whole budget (部门整体支出, 部门(单位)整体: the form names the
# department, corpus 010, 155) or a kind of money (专项资金预算绩效目标申报表: Hunan's form for special funds, corpus 236)
# says nothing about the project, so it is never compared with the project's name.
_FORM_WORDS = re.compile(r"绩效目标|申报表|批复表|目标表|自评表|评价表|监控表|指标[^()]*表$|部门\(单位\)$|整体(支出)?$|"
                         r"(部门预算|支出预算|投资计划)$|"
                         r"^(部门|部门预算|预算|项目|项目支出|部门预算项目|省级部门预算项目支出|一般性|一般性项目|"
                         r"专项资金|专项资金预算)$")
# A heading that names a fund (抗疫特别国债项目绩效目标表(打捆项目), 乡村振兴衔接资金绩效目标申报表(高标准农田建设)):
# the table is one project financed by it, so a different project name is no mismatch (only a typo is).
_FUND_HEADING = re.compile(r"(资金|国债|债券)(项目)?$")
# A doubled Chinese character (乡乡); digits such as 2022 are never a typo of this kind.
_DOUBLED = re.compile(r"([\u4e00-\u9fff])\1")


def heading_name(title: str | None) -> str:
    """The project name inside a heading such as ``2024年乡镇维稳经费绩效目标表``, as written."""
    text = "".join((title or "").split())
    previous = None
    while previous != text:
        previous, text = text, _TITLE_NOISE.sub("", text)
    return text


class TitleNameMismatch(Rule):
    code = "JX604"
    name = "heading-name-mismatch"
    title = "表头项目名称与表内项目名称不一致"
    severity = Severity.WARNING
    dimension = Dimension.FORM
    source = _MATCHED
    message = "标题中的项目名称“{heading}”与表内项目名称“{name}”不一致"
    docs = RuleDocs(
        what="目标表标题（“…绩效目标表”）中的项目名称与“项目名称”栏是否一致。",
        why="名称不一致时无法确定这张表对应哪个预算项目，常见于录入错字（如“乡乡”）。",
        bad="标题：乡镇环境治理经费（西留村）绩效目标表\n项目名称：乡乡环境治理经费（西留村）",
        good="标题：乡镇环境治理经费（西留村）绩效目标表\n项目名称：乡镇环境治理经费（西留村）",
        fix="以预算系统中的项目名称为准，统一两处写法。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        heading, name = heading_name(ctx.sheet.title), ctx.sheet.name or ""
        folded_heading, folded_name = fold(heading), fold(name)
        # 项目 may belong to the name (高标准农田建设项目) as well as to the heading's 项目绩效目标表.
        with_project = fold(re.sub(r"绩效目标(申报)?表$", "", "".join((ctx.sheet.title or "").split())))
        if not folded_heading or not folded_name or with_project.endswith(folded_name) \
                or _FORM_WORDS.search(folded_heading) or not _HAN.search(folded_heading):
            return  # a heading without a word (“2.”, a list number read as the title, corpus 174) names nothing
        for longer, shorter in ((folded_heading, folded_name), (folded_name, folded_heading)):
            # Either may carry the unit's name before the project's, or a place, year or note around it; one stray
            # character is a typo (乡乡…).
            if shorter in longer and len(longer) - len(shorter) != 1:
                return
        typo = _one_doubling_apart(folded_name, folded_heading) or _one_doubling_apart(folded_heading, folded_name)
        if _FUND_HEADING.search(folded_heading) and not typo:
            return
        if _one_doubling_apart(folded_name, folded_heading):
            fix = Fix.of(Applicability.NEEDS_HUMAN, "项目名称改为“{heading}”", heading=heading,
                      edits=(Edit(field="name", before=ctx.sheet.name, after=heading),))
        elif _one_doubling_apart(folded_heading, folded_name):
            fix = Fix.of(Applicability.NEEDS_HUMAN, "标题改为“{name}绩效目标表”", name=name,
                      edits=(Edit(field="title", before=ctx.sheet.title, after=f"{name}绩效目标表"),))
        else:
            fix = Fix.of(Applicability.DISPLAY_ONLY, "以预算系统中的项目名称为准统一两处写法")
        yield self.finding(ctx, column="project", fix=fix, heading=heading, name=ctx.sheet.name)


# A Chinese character: a heading without any is a number or a mark, not a project's name.
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _one_doubling_apart(typed: str, meant: str) -> bool:
    """True when ``typed`` is ``meant`` with one Chinese character doubled (乡乡环境… for 乡镇环境…, or 乡乡 for 乡)."""
    for match in _DOUBLED.finditer(typed):
        start = match.start()
        if typed[:start] + typed[start + 1 :] == meant:
            return True
        # 乡乡 typed for 乡镇: the second character of the pair replaced the one that belongs there.
        if len(typed) == len(meant) and typed[:start + 1] == meant[:start + 1] and typed[start + 2 :] == meant[start + 2 :]:
            return True
    return False


class DuplicateIndicator(Rule):
    code = "JX605"
    name = "duplicate-indicator-name"
    title = "指标名称重复"
    severity = Severity.WARNING
    dimension = Dimension.FORM
    source = GOALS_2015.at("第十二条（指向明确）")
    message = "指标名称“{indicator}”在本表中出现了{count}次"
    placement = True  # a name repeated is often one cell (民办, 是) read as the name of several misplaced rows
    docs = RuleDocs(
        what="同一张表中是否有名称相同的三级指标。",
        why="同名指标在监控和自评时无法区分，通常是把描述写进了描述栏而名称没改。",
        bad="社会效益指标 | 社会影响力 | 人民调解案件数\n社会效益指标 | 社会影响力 | 受援群众投诉率",
        good="社会效益指标 | 人民调解案件数 | …\n社会效益指标 | 受援群众投诉率 | …",
        fix="为每一行起一个说明所衡量内容的名称，可取自指标描述。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        # A row that repeats every cell of the row of its name before it, where the reader placed either row's cells
        # by their content (confidence below the grid's), is that row read twice: a table printing two periods side
        # by side (中期 | 年度, corpus 279) whose halves the reader took as rows. No second indicator is named alike.
        every = ctx.sheet.indicators
        rows = [row for place, row in enumerate(every) if row.name.strip() and not _read_twice(row, every[:place])]
        counts = Counter(fold(i.name) for i in rows)
        seen: set[str] = set()
        for indicator in rows:
            key = fold(indicator.name)
            if counts.get(key, 0) < 2:
                continue
            if key in seen:
                yield self.finding(ctx, indicator=indicator, column="name", fix=_rename_fix(indicator),
                                   count=counts[key])
            seen.add(key)


def _read_twice(indicator: Indicator, above: list[Indicator]) -> bool:
    # whether ``indicator`` repeats the last row of its name ``above`` it cell for cell, either placed by a guess
    before = next((row for row in reversed(above) if fold(row.name) == fold(indicator.name)), None)
    return before is not None and min(before.confidence, indicator.confidence) < 1 \
        and _cells(before) == _cells(indicator)


def _cells(indicator: Indicator) -> tuple:
    # the cells a row is written with, to tell a row read twice from two rows named alike
    return (indicator.level1, indicator.level2, fold(indicator.name), indicator.target.raw, indicator.description,
            indicator.weight)


def _rename_fix(indicator: Indicator) -> Fix:
    description = (indicator.description or "").strip()
    if description and len(fold(description)) <= 15:
        return Fix.of(Applicability.NEEDS_HUMAN, "指标名称改为“{description}”", description=description,
                   edits=(Edit(field="name", before=indicator.name, after=description, row=indicator.row,
                               indicator=indicator.name),))
    return Fix.of(Applicability.DISPLAY_ONLY, "改用说明所衡量内容的名称")


class GenericIndicatorName(Rule):
    code = "JX606"
    name = "generic-indicator-name"
    title = "指标名称没有说明衡量对象"
    severity = Severity.INFO
    dimension = Dimension.RELEVANCE
    source = GOALS_2015.at("第十二条（指向明确）")
    message = "指标名称“{indicator}”没有说明衡量的是什么"
    message_described = "指标名称“{indicator}”没有说明衡量的是什么，可参考描述“{description}”改写"
    # the name column filled with the categories: said at the first such row, with how many others
    message_levels = "指标名称“{indicator}”没有说明衡量的是什么，只写了指标类别"
    message_levels_others = "指标名称“{indicator}”没有说明衡量的是什么，只写了指标类别；另有{others}行也只写了指标类别"
    docs = RuleDocs(
        what="三级指标名称是否只是“完成率”“覆盖率”“社会影响力”之类的通用词（前面只加了范围的“全区覆盖率”同样），只写了"
        "时间（“2022年全年”），只写了一个工作领域而指标值是数值（“安保情况 ≤50%”“党建情况 ≥10次”，语料 333），或只写了指标类别（名称栏填“数量指标”“社会效益指标”，整张表这样写的只报告一次）。自评表、"
        "监控表沿用已批复的名称，同样报告，供下年度设定目标时改正。表中没有二级指标栏、名称栏写的是类别（“社会效益”）的，"
        "是表样的写法，不在此报告。",
        why="指标要指向明确；只写“完成率”，看不出是什么工作的完成率，年底无法对应实际数据。",
        bad="时效指标 | 完成率 | 按上级要求时间解决上访问题 | ≥95%",
        good="时效指标 | 上访问题按期办结率 | 按上级要求时限办结的上访件占比 | ≥95%",
        fix="在名称前加上衡量的对象，如“上访问题按期办结率”。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        # A report's rows carry the names approved with the goals, and its reviewer still notes a name that says
        # nothing (corpus 169 当期完成, 221 覆盖率): the fix is for next year's goals.
        generic = {fold(word) for word in data()["generic_names"]["words"]}
        levels = [indicator for indicator in ctx.sheet.indicators if _level_for_name(indicator.name)]
        for indicator in ctx.sheet.indicators:
            if _says_nothing(indicator, generic):
                description = (indicator.description or "").strip()
                yield self.finding(ctx, indicator=indicator, column="name",
                                   **({"template": self.message_described, "description": description}
                                      if description else {}))
        if levels:
            # the name column filled with the categories (数量指标, 质量指标 …, corpus 199) is how the sheet was
            # written: said once, at the first such row
            others = {"template": self.message_levels_others, "others": len(levels) - 1} if len(levels) > 1 else \
                {"template": self.message_levels}
            yield self.finding(ctx, indicator=levels[0], column="name", **others)


# An area a generic name is taken over (全区覆盖率, corpus 236: the 覆盖率 of what, across the district?).
_AREA = re.compile(r"^(全|本)(省|市|州|县|区|旗|乡|镇|村)")


def _says_nothing(indicator: Indicator, generic: set[str]) -> bool:
    """True for a name that does not say what is measured: a generic word (覆盖率), over an area (全区覆盖率), or only
    a period (2022年全年). A level's name in the name column of a row without a 二级指标 (社会效益, corpus 016) is
    the form's level written where its table has no column for it, not a row's name, and so is one the reader took
    for the row's level 2 as well (the monitoring form's 成本 | 年度预算220万元, read as 成本指标 | 成本)."""
    name = fold(indicator.name)
    levels = {canonical_level2(name), canonical_level1(name)} - {None}
    if levels and (not indicator.level2 or indicator.level2 in levels):
        return False
    return _AREA.sub("", name) in generic or whole_period(name) or _field_of_work(name, indicator.target.is_quantitative)


def _field_of_work(name: str, figure: bool) -> bool:
    """True for a short name that only names a field of work (安保情况, 党建情况) beside a figure: what the figure
    counts or rates is not said (corpus 333: 安保情况 ≤50%, 党建情况 ≥10次)."""
    words = data()["generic_names"]
    return figure and len(name) <= words["vague_suffix_max"] and any(name.endswith(s) for s in words["vague_suffixes"])


def _level_for_name(name: str) -> bool:
    """True for a 三级指标 name that is only a level of the framework, written as one (数量指标, 社会效益指标,
    服务对象或受益者满意度指标): a category, not what is measured."""
    folded = fold(name)
    return folded.endswith("指标") and bool(canonical_level1(folded) or canonical_level2(folded))


# The four kinds of standard a 指标值确定依据 may name (财预〔2015〕88号): a column of one of them is a choice.
_STANDARD_TYPES = {"计划标准", "行业标准", "历史标准", "其他标准"}


class SameBasisEverywhere(Rule):
    code = "JX607"
    name = "same-basis-on-every-indicator"
    title = "所有指标的确定依据相同"
    severity = Severity.WARNING
    dimension = Dimension.FEASIBILITY
    source = _STANDARDS
    message = "全部{count}项指标的指标值确定依据都是“{basis}”，未按指标分别说明"
    defaults = {"min_rows": 3}
    docs = RuleDocs(
        what="表中（至少三项）指标的“指标值确定依据”是否完全相同。只写标准类别（每行都是“计划标准”）的是表样的选项，不在此报告。"
        "表样没有依据栏、由“指标值说明”栏说明来由的，每行说明都是同一句话（“该指标值数据合理”）的同样报告。",
        why="每个指标值都应有自己的依据（计划标准、行业标准、历史标准或财政部门认可的其他标准）；同一句话复制到每一行，等于没有说明依据。",
        bad="村人居环境整治个数 | ≥18个 | 依据：遵政字〔2017〕16号《遵化市乡镇财政管理体制改革暂行办法》\n"
        "矛盾纠纷调解成功率 | ≥90% | 依据：遵政字〔2017〕16号《遵化市乡镇财政管理体制改革暂行办法》\n"
        "受益群众满意度 | ≥90% | 依据：遵政字〔2017〕16号《遵化市乡镇财政管理体制改革暂行办法》\n"
        "…（每一行依据都相同）",
        good="村人居环境整治个数 | ≥18个 | 依据：计划标准（乡村振兴工作方案）\n"
        "受益群众满意度 | ≥90% | 依据：历史标准（上年满意度调查91%）",
        fix="按指标分别写明依据的标准类别和出处。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        bases = [fold(i.basis or "") for i in ctx.sheet.indicators]
        if not any(bases):
            # Without a basis column the 指标值说明 says where the figures come from (corpus 128): one sentence copied
            # onto every row explains none of them.
            bases = [fold(i.description or "") for i in ctx.sheet.indicators]
        if bases and bases[0] in _STANDARD_TYPES:
            return  # every row naming its type of standard (计划标准) is the form's column filled in, not copied prose
        if len(bases) >= self.param(ctx, "min_rows") and bases[0] and len(set(bases)) == 1:
            fix = Fix.of(Applicability.DISPLAY_ONLY, "按指标分别写明计划标准、行业标准或历史标准")
            first = ctx.sheet.indicators[0]
            yield self.finding(ctx, column="basis" if first.basis else "description", fix=fix, count=len(bases),
                               basis=_shorten(first.basis or first.description or ""))


class BasisSetsNoStandard(Rule):
    code = "JX608"
    name = "basis-sets-no-standard"
    title = "确定依据不是指标标准"
    severity = Severity.WARNING
    dimension = Dimension.FEASIBILITY
    source = _STANDARDS
    message = "指标值确定依据“{basis}”（{count}项指标引用）是财政管理体制文件，没有规定任何指标的标准"
    docs = RuleDocs(
        what="指标值确定依据是否只引用了财政管理体制、体制改革之类不规定指标数值的文件。",
        why="确定依据要说明指标值从何而来：计划标准、行业标准、历史标准或财政部门认可的其他标准；体制文件只规定钱怎么分，不能说明“≥18个”“≥90%”的由来。",
        bad="依据：遵政字〔2017〕16号《遵化市乡镇财政管理体制改革暂行办法》",
        good="依据：计划标准：《西留村乡2024年农村人居环境整治工作方案》",
        fix="改为实际设定该指标值所依据的计划、行业标准或历史数据。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        first: dict[str, Indicator] = {}
        counts: Counter[str] = Counter()
        for indicator in ctx.sheet.indicators:
            key = fold(indicator.basis or "")
            if key and basis_sets_standard(indicator.basis or "") is False:
                first.setdefault(key, indicator)
                counts[key] += 1
        for key, indicator in first.items():
            fix = Fix.of(Applicability.DISPLAY_ONLY, "改为设定指标值所依据的计划标准、行业标准、历史标准或其他认可的标准")
            yield self.finding(ctx, indicator=indicator, column="basis", fix=fix, confidence=Confidence.INFERENCE,
                               basis=_shorten(indicator.basis or ""), count=counts[key])


def whole_weights(ctx: SheetContext, execution_weight: object) -> set[Decimal]:
    """The weight totals that make the sheet's table whole: 100, and 100 less the 预算执行率's own points where the
    form scores it outside the indicators and the sheet has no row of its own for it."""
    accepted = {Decimal(100)}
    own_row = any("预算执行率" in fold(i.name) for i in ctx.sheet.indicators)
    if ctx.form.execution_rate_outside and not own_row:
        accepted.add(Decimal(100) - Decimal(str(execution_weight)))
    return accepted


class WeightsNotHundred(Rule):
    code = "JX609"
    name = "weights-not-summing-to-100"
    title = "指标权重合计不等于100"
    severity = Severity.ERROR
    dimension = Dimension.FORM
    source = EVALUATION_2020.at("第二十一条（指标权重）")
    message = "指标权重合计为{total}，应为{expected}"
    message_either = "指标权重合计为{total}，应为{expected}或{other}"  # 100, or 100 less the 预算执行率's points
    defaults = {"execution_weight": 10}
    docs = RuleDocs(
        what="各指标都填写了权重时，权重之和是否为100；表样规定预算执行率单独计分的（财预〔2020〕10号：预算执行率10分；"
        "表样的 execution_rate_outside，未识别的表样两种都认），表中又没有预算执行率一行的，合计为100减去预算执行率的分值"
        "（默认90）也对。有指标未填权重的由 JX610 报告。文件在表格中间截断的（文字稿最后一行缺了上面各行都有的单元格的，"
        "同样是截断），合计小于100不报告（截断处之后的行也有权重）；读取程序把一行只有一个数字的格子放在一边、没有读作"
        "指标的，这个数字可能就是某行的权重，合计小于100也不报告；"
        "各行是读取程序推测版式放置的，权重可能没有放对，合计不对只是警告。",
        why="自评按权重计分；合计不对，总分就不是百分制，等级会算错。",
        bad="权重：20、20、20、20、10（合计90）",
        good="权重：20、20、20、20、20（合计100）",
        fix="调整权重使合计为100（预算执行率单独计分的，为90）。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        weights = [i.weight for i in ctx.sheet.indicators]
        if not weights or any(w is None for w in weights):
            return
        total = sum((w for w in weights if w is not None), Decimal(0))
        accepted = whole_weights(ctx, self.param(ctx, "execution_weight"))
        if (ctx.cut or ctx.ends_short or ctx.figures_set_aside) and total < max(accepted):
            return  # the rows after the file's cut carry the rest of the weights, or a figure the reader set aside does
        if total not in accepted:
            expected, *other = (f"{a.normalize():f}" for a in sorted(accepted, reverse=True))
            # the sum of weights placed by a guess may miss a row's weight read elsewhere: not a return
            yield self.finding(ctx, column="weight", total=f"{total.normalize():f}", expected=expected,
                               severity=Severity.WARNING if ctx.rows_doubtful else None,
                               **({"template": self.message_either, "other": other[0]} if other else {}))


class WeightCellEmpty(Rule):
    code = "JX610"
    name = "weight-cell-empty"
    title = "指标未填权重"
    severity = Severity.WARNING
    dimension = Dimension.FORM
    source = EVALUATION_2020.at("第二十一条（指标权重）")
    message = "表中其他指标填了权重，指标“{indicator}”的权重为空"
    defaults = {"execution_weight": 10}
    placement = True  # a blank weight on a misplaced row may be read in another cell (corpus 262 run together)
    docs = RuleDocs(
        what="表中有指标填了权重、已填的权重又不足一整张表（100，或表样规定预算执行率单独计分时的100减其分值）时，"
        "每行指标是否都填了权重；已填的权重已经凑足的，空着的是合并单元格下的行，不报告；紧接在只填权重、没有指标值的"
        "核心指标行下的分项行（安徽表样的★核心指标及其“其中”分项），权重是核心指标的，也不报告。",
        why="空着的权重使合计对不上，自评时这一行无法计分；问题在空格，而不在合计。",
        bad="数量指标 | 整治村数 | ≥18个 | 权重 20\n质量指标 | 村容村貌整治达标率 | ≥95% | 权重（空）",
        good="质量指标 | 村容村貌整治达标率 | ≥95% | 权重 10",
        fix="补填空着的权重，使合计符合表样的要求。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        indicators = ctx.sheet.indicators
        given = [i.weight for i in indicators if i.weight is not None]
        # Weights that already make a whole table leave nothing to the blank cells: they lie under a weight merged
        # over a group's rows.
        if not given or sum(given, Decimal(0)) in whole_weights(ctx, self.param(ctx, "execution_weight")):
            return
        parts = {part for rows in ctx.sheet.breakdowns().values() for part in rows}
        for position, indicator in enumerate(indicators, 1):
            if indicator.weight is None and not ctx.unfinished(indicator) and position not in parts:
                yield self.finding(ctx, indicator=indicator, column="weight")


def _shorten(text: str, limit: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit] + "…"


# A description that is itself only a target, its basis in brackets after it: 90%(计划标准), ≥60%.
_BRACKETED_TAIL = re.compile(r"[(（][^()（）]*[)）]$")


class TargetContradictsDescription(Rule):
    code = "JX611"
    name = "target-contradicts-description"
    title = "指标值与指标解释不一致"
    severity = Severity.ERROR
    dimension = Dimension.RELEVANCE
    source = _MATCHED
    message = "指标“{indicator}”的指标值“{raw}”与指标解释中写的“{described}”不一致"
    fix_changes = frozenset({"value", "unit"})
    docs = RuleDocs(
        what="指标解释（绩效指标描述）栏只写了一个目标值（如“90%(计划标准)”）时，它的数值与指标值栏是否一致（数值相同、"
        "单位不同的由计量单位规则报告）。两个不同的目标为错误；只是把百分数写成了小数（解释100%、指标值1）的为警告。",
        why="同一指标写了两个不同的目标（解释90%、指标值1），审核人和年底自评都不知道以哪个为准，目标表应退回核实。",
        bad="调研指导县(市、区)覆盖率 | 指标解释：90%(计划标准) | 指标值：1",
        good="调研指导县(市、区)覆盖率 | 指标解释：调研指导的县(市、区)占全部县(市、区)的比例 | 指标值：≥90%",
        fix="核实目标，指标值栏写正确的目标（运算符+数值+单位），指标解释栏写指标的含义和计算方法。",
    )

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        for indicator in ctx.sheet.indicators:
            target = indicator.target
            text = _BRACKETED_TAIL.sub("", fold(indicator.description or "")).strip()
            if not target.is_quantitative or not text:
                continue
            described = parse_target(text)
            if not described.is_quantitative or described.unit is None or described.leftover or described.is_date:
                continue
            if described.value == target.value:
                continue  # the same number in another unit (≥24400% beside 24400人) is the unit rules' (JX303)
            # 1 beside 100%: the same target written as a fraction, rewritten by agreement; 1 beside 90% is two targets.
            fraction = described.unit == "%" and target.unit in (None, "%") and target.value * 100 == described.value
            operator = target.operator or described.operator
            after = described.model_copy(update={"operator": operator}).display()
            fix = Fix.of(Applicability.NEEDS_HUMAN, "核实目标；若以解释为准，指标值改为“{after}”", after=after,
                      edits=(Edit(field="target", before=target.raw, after=after, row=indicator.row,
                                  indicator=indicator.name),))
            yield self.finding(ctx, indicator=indicator, column="target", fix=fix, raw=target.raw,
                               described=indicator.description, severity=Severity.WARNING if fraction else None)
