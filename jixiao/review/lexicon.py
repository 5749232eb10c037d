"""What an indicator measures, read from its words with the lists in ``data/lexicon.toml``.

Every decision that rests on vocabulary (is this a rate? a count? should it fall?) goes through this module, so
that the words can be reviewed and extended as data and tested in one place.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from jixiao.model import Target, parse_target
from jixiao.model.figure_kinds import Kind, kind_of
from jixiao.model.figure_kinds import name_head as _head
from jixiao.model.lexicon import TEXT_MEMO, fold, load, longest_first
from jixiao.model.numerals import CHINESE_DIGITS, chinese_to_decimal
from jixiao.model.units import canonical_unit

__all__ = [
    "STATEMENT",
    "SYMBOL_ONLY",
    "Kind",
    "activity_done",
    "after_event",
    "basis_sets_standard",
    "beneficiary_group",
    "counts_population",
    "bound_in_sentence",
    "counted_numbers",
    "head_counts",
    "head_standards",
    "data",
    "is_framework_results",
    "is_aim_name",
    "is_capped_count",
    "is_growth",
    "is_not_spent",
    "is_quality_rate",
    "is_reverse",
    "reverse_only_by_money",
    "is_sentence_name",
    "is_slogan",
    "is_slogan_goal",
    "is_timeliness",
    "kind_of",
    "least_unit_cost",
    "names_counted_work",
    "names_deadline",
    "names_no_measure",
    "names_respondents",
    "speaks_of_time",
    "states_share",
    "stated_target",
    "suggested_unit",
    "unit_without_value",
    "unknown_measure_word",
    "vague_tail",
    "vague_word",
    "whole_period",
    "works_subject",
]


@cache
def data() -> dict[str, Any]:
    """The parsed ``data/lexicon.toml``, with the model's ``figure_kinds.toml`` (the kinds' suffixes) merged in."""
    text = resources.files("jixiao.review").joinpath("data/lexicon.toml").read_text(encoding="utf-8")
    merged = tomllib.loads(text)
    for section, words in load("figure_kinds").items():
        merged[section] = {**words, **merged[section]} if isinstance(words, dict) and section in merged else words
    return merged


@cache
def _folded(section: str, key: str) -> tuple[str, ...]:
    return longest_first(data()[section][key])


@cache
def _folded_set(section: str, key: str) -> frozenset[str]:
    return frozenset(_folded(section, key))


def _contains_any(text: str, section: str, key: str = "words") -> bool:
    folded = fold(text)
    return any(word in folded for word in _folded(section, key))


# What the works act on: at most this many characters before the action (舒茶镇清水河治理 → 清水河).
_THING = 4


@lru_cache(maxsize=TEXT_MEMO)
def works_subject(name: str | None) -> tuple[str, str] | None:
    """The thing a project's name says it works on and the works (清水河治理工程 → (清水河, 治理)), or None when the
    name does not close on works (工作经费, 运转经费): the words ``[works]`` of ``data/lexicon.toml`` lists. Text in
    brackets (a stretch of road, a subsidy's kind) is left out."""
    folded = re.sub(r"[(（][^)）]*[)）]", "", fold(name or ""))
    suffixes = "|".join(map(re.escape, _folded("works", "suffixes")))
    actions = "|".join(map(re.escape, _folded("works", "actions")))
    match = re.search(rf"({actions})(?:{suffixes})*$", folded)
    if match is None:
        return None
    before = folded[:match.start()][-_THING:]
    cut = max((before.rfind(place) + len(place) for place in _folded("works", "places") if place in before), default=0)
    thing = re.sub(r"[^\u4e00-\u9fff]", "", before[cut:])
    return thing, match.group(1)


def is_capped_count(name: str) -> bool:
    """True when ``name`` counts an input a rule keeps down (因公出国（境）人数, 驻京工作人员人数): a cap is its target."""
    return _contains_any(name, "capped_counts")


def names_respondents(name: str) -> bool:
    """True when ``name`` ends with the people a satisfaction survey asks (办内相关部门, 受益群众): under 满意度 it
    says whom to ask, not what is measured."""
    folded = fold(name)
    return any(folded.endswith(word) for word in _folded("respondents", "words"))


@lru_cache(maxsize=TEXT_MEMO)
def is_reverse(text: str | None) -> bool:
    """True for an indicator that should fall (投诉率, 事故发生数, 成本): its target must be an upper bound."""
    if not text:
        return False
    return _contains_any(_without_negated(text), "reverse") and not _contains_any(text, "reverse", "except")


def reverse_only_by_money(text: str) -> bool:
    """True when only a money word (成本, 费用) makes ``text`` reverse (重置成本评估报告): counted in things, it names
    what the thing is about."""
    without = fold(text)
    for word in _folded("reverse", "money"):
        without = without.replace(word, "")
    return is_reverse(text) and not is_reverse(without)


def _without_negated(text: str) -> str:
    """``text`` folded, with every clause that opens on a negation (无资产损失, 杜绝安全事故) cut out: what such a
    clause names is to be absent, a state to be kept (the share of time or assets without it), not a count to fall.
    Compounds that merely start with 无 (无人机, 无害化) are no negation."""
    folded = fold(text)
    for compound in _folded("reverse", "not_negations"):
        folded = folded.replace(compound, "□" * len(compound))
    negation = "|".join(map(re.escape, _folded("reverse", "negations")))
    return re.sub(rf"(?:{negation})[^、，,;；]*", "", folded)


@lru_cache(maxsize=TEXT_MEMO)
def is_timeliness(text: str | None) -> bool:
    """True for an indicator about time or deadlines (及时率, 按时…), which belongs under 时效指标."""
    return bool(text) and _contains_any(text, "timeliness")


# Words that tie a row to time: a date or deadline (年, 月, 日, 前, 底), a period (期, 周, 季, 天), a schedule, the
# completion it times (完成率 under 时效指标 is the share done on schedule, corpus 000) or an emergency response.
_TIME = re.compile(r"[时年月日天期季周前底]|计划|进度|完成|应急|响应")


# A deadline written into a name: within a year (2024年度内, 2024年底前), before a month's end (12月底前) or a date of the
# calendar people work to (春节前, 汛期前).
_DEADLINE = re.compile(r"\d{4}年度?(内|底前?|末前?)|\d{1,2}月(底|末|份)?前|(春节|元旦|中秋|国庆|年底|年末|汛期|开学)前")


def names_deadline(name: str | None) -> bool:
    """True when a row's name states its own deadline (2024年度内完成支付, 春节前完成走访慰问): the row is one
    statement, its value (blank, or 按时限完成) refers to the deadline the name gives."""
    return bool(_DEADLINE.search(fold(name or "")))


@lru_cache(maxsize=TEXT_MEMO)
def after_event(text: str | None) -> bool:
    """True when ``text`` sets its time by an event (培训结束后及时考核, 验收合格后30日内): a deadline told in words."""
    folded = fold(text or "")
    events = _folded("timeliness", "events")
    return any(re.search(re.escape(event) + r"[^、，,;；]{0,4}?后(?!续)", folded) for event in events)


def speaks_of_time(name: str | None, target: Target) -> bool:
    """True when a row's name or target is about time (…时间, 按期完工, 12月底前, 及时率): a 时效指标 in substance."""
    return is_timeliness(name) or target.is_date or bool(_TIME.search(fold((name or "") + target.raw)))


def is_framework_row(name: str | None) -> bool:
    """True for an item of an evaluation framework (决策依据, 资金到位, 组织实施…): a heading a score sheet rates, not
    a performance indicator."""
    return fold(name or "").strip() in _folded("framework_rows", "words")


def is_framework_results(name: str | None) -> bool:
    """True for the heading of an evaluation framework's part where the performance indicators stand (项目绩效,
    产出, 效益)."""
    return fold(name or "").strip() in _folded_set("framework_rows", "results")


@lru_cache(maxsize=TEXT_MEMO)
def is_not_spent(text: str | None) -> bool:
    """True for an amount the project moves but does not spend from its budget (贷款发放额, 带动社会投资, 产值)."""
    return bool(text) and _contains_any(text, "not_spent")


@lru_cache(maxsize=TEXT_MEMO)
def beneficiary_group(name: str | None) -> str | None:
    """The group a count of beneficiaries names after 受益 (受益脱贫(监测)人口数 → 脱贫(监测)), folded; None for a name
    that counts no beneficiaries or names no group of them (受益人数)."""
    folded = fold(name or "")
    word = next((w for w in _folded("beneficiaries", "words") if w in folded), None)
    if word is None:
        return None
    group = folded.split(word, 1)[1]
    for counter in _folded("beneficiaries", "counters"):
        if group.endswith(counter):
            group = group.removesuffix(counter)
            break
    return group if len(group) >= 2 else None


@lru_cache(maxsize=TEXT_MEMO)
def counts_population(name: str | None) -> bool:
    """True for a name counting a whole population (全县脱贫人口数, 辖区常住人口) rather than the people served."""
    return bool(name) and _contains_any(name, "beneficiaries", "population")


@lru_cache(maxsize=TEXT_MEMO)
def is_growth(text: str | None) -> bool:
    """True for a growth or change rate, which may legitimately exceed 100%."""
    return bool(text) and _contains_any(text, "growth")


# A target written as a result already reached, opening on a vague adverb: 显著促进了…, 明显提升了….
_VAGUE_RESULT = re.compile(r"^(显著|明显|有效|大力|极大|进一步)地?[\u4e00-\u9fff]{1,4}了")


@cache
def _vague_pairing() -> re.Pattern[str]:
    """An adverb and a verb of change that make up a target (有所增强, 得到有效保障), with at most two characters after
    them as a listed word may have."""
    adverbs, verbs = ("|".join(map(re.escape, _folded("vague", key))) for key in ("adverbs", "verbs"))
    return re.compile(rf"(?:{adverbs}){{1,2}}地?(?:{verbs})(?=.{{0,2}}$)")


@lru_cache(maxsize=TEXT_MEMO)
def vague_word(text: str | None) -> str | None:
    """The vague phrase (明显提升, 按时…) that makes up a qualitative target, or None; a target written as a result
    (显著促进了学前教育…发展) gives its opening phrase."""
    folded = fold(text or "")
    # A vague word opens the target and leaves at most two characters after it; the longest such opening wins
    # (the word list is longest first), so the few openings of those lengths are looked up instead of every word.
    words = _folded_set("vague", "words")
    for length in range(len(folded), max(len(folded) - 2, 0) - 1, -1):
        if folded[:length] in words:
            return folded[:length]
    result = _VAGUE_RESULT.match(folded) or _vague_pairing().match(folded)
    return result.group(0) if result else None


# A 指标值 naming a whole period (全年, 全天候可用, 常年开放): a time the row covers, stated in words as a date range
# would state it (corpus 199: 时效指标 | 全年; 212: 可保证读者使用时长 | 全天候可用).
WHOLE_PERIOD = re.compile(r"(全年|全天候|全天|常年|全时段)(无休|可用|开放|服务|运行|运转)?")
# The same with the year it falls in (2021年全年, corpus 166; 2022年全年, 212): still the whole period, not a deadline.
_YEAR_WHOLE_PERIOD = re.compile(r"((19|20)\d{2}年度?)?" + WHOLE_PERIOD.pattern)


def whole_period(text: str | None) -> bool:
    """True for a text that is only a whole period (全年, 全天候可用), perhaps with its year (2021年全年)."""
    return bool(_YEAR_WHOLE_PERIOD.fullmatch(fold(text or "")))
# A 指标值 that says something in words (four Chinese characters in a row).
STATEMENT = re.compile(r"[\u4e00-\u9fff]{4}")
# A 指标值 of a percent sign and operators without any number (≧ %): a figure lost or never filled in.
SYMBOL_ONLY = re.compile(r"[≥≤=<>≧≦\s]*[%‰][≥≤=<>≧≦\s]*")
# Operators and padding around a unit written alone in a 指标值 cell (≧ 公里, (万亩)).
_AROUND_UNIT = re.compile(r"[≥≤=<>≧≦＞＜\s()（）:：]")


@lru_cache(maxsize=TEXT_MEMO)
def unit_without_value(text: str | None) -> str | None:
    """The unit a 指标值 cell holds instead of a value (公里, 万亩, 万人: a template row whose figure was never filled
    in, corpus 147), or None. A bare % is not a unit word but a symbol without its number (JX909)."""
    folded = _AROUND_UNIT.sub("", fold(text or ""))
    if not folded or folded in ("%", "‰") or any(ch.isdigit() for ch in folded):
        return None
    bare = folded.removeprefix("万").removeprefix("千").removeprefix("亿") or folded
    return folded if canonical_unit(folded) or canonical_unit(bare) else None


# A measure word the unit vocabulary does not hold, right after the number or after a compound unit's "/": ≥6架,
# 490元/平米 (corpus 189, 178).
_MEASURE_WORD = re.compile(r"[\d/]([\u4e00-\u9fff]{1,2})$")


def unknown_measure_word(target: Target) -> bool:
    """True when what the parser left over of a quantitative 指标值 is a measure word it does not know (架, 艘, the
    平米 of 元/平米): a unit, not prose mixed into the cell, and not a missing unit."""
    leftover = fold(target.leftover or "").strip()
    found = _MEASURE_WORD.search(fold(target.raw or "").strip())
    return bool(leftover) and target.is_quantitative and found is not None and found.group(1) == leftover


# A bound written in words inside a sentence (暂定量按15次作业且总航时不少于30小时测算): the bound is the target.
_BOUND_IN_TEXT = re.compile(r"(不少于|不低于|不超过|不高于|不多于|至少|最多)\s*\d+(\.\d+)?[^\d\s，,。；;、且和及测算]{1,4}")


def bound_in_sentence(raw: str) -> tuple[re.Match[str], str] | None:
    """The one bound in words a prose 指标值 carries and its target (不少于30小时 → ≥30小时), or None when it carries
    none or several, or when the words after the number are not a unit."""
    folded = fold(raw)
    if not STATEMENT.search(folded):
        return None
    found = []
    for match in _BOUND_IN_TEXT.finditer(folded):
        text = match.group(0)
        while text and not (target := parse_target(text)).unit:
            text = text[:-1]  # 30小时测: drop the words that follow the unit
        if text and target.operator is not None and not target.leftover:
            found.append((match, target.display()))
    return found[0] if len(found) == 1 else None


def stated_target(target: Target) -> Target:
    """The target a 指标值 states: itself, or the bound written inside its prose (……不少于30小时测算 → ≥30小时)."""
    if target.is_quantitative:
        return target
    bound = bound_in_sentence(target.raw)
    return parse_target(bound[1]) if bound else target


def vague_tail(name: str | None) -> str | None:
    """The vague phrase a name ends with when a row's value was written into its name cell (生态修复功能提高,
    文物保护名录和数据库基本健全), or None; the name must still say something before it."""
    folded = fold(name or "")
    return next((word for word in _folded("vague", "words")
                 if folded.endswith(word) and len(folded) >= len(word) + 4), None)


def activity_done(name: str | None, target: str | None) -> bool:
    """True for a row naming a counted activity (培训, 演练…) whose target is only a result word (已完成)."""
    words = data()["activities"]
    return fold(target or "") in {fold(w) for w in words["done"]} and any(w in fold(name or "") for w in words["words"])


_CLOSING_BRACKET = re.compile(r"[(（][^()（）]*[)）]$")


def bare_name(name: str | None) -> str:
    """The folded indicator name without a closing bracket, which usually holds the unit (工资发放准确性(%))."""
    return _CLOSING_BRACKET.sub("", fold(name or ""))


def _without_adverbs(text: str) -> str:
    """``text`` without the adverbs of aim it opens on (进一步提高… → 提高…, 切实加强… → 加强…): the words of
    [slogan_goals] adverbs, which only strengthen the verb of aim after them (corpus 300: 进一步提高食品安全工作科学化、
    规范化)."""
    adverbs = _folded("slogan_goals", "adverbs")
    while (adverb := next((word for word in adverbs if text.startswith(word)), None)) is not None:
        text = text[len(adverb):]
    return text


def states_share(text: str | None) -> bool:
    """True when ``text`` has a word of a share, a state or a time ([counted_work] not_counts: 覆盖, 完成, 正常, 时间),
    against which a percentage means something (完成90% is the share of the work done)."""
    folded = fold(text or "")
    return any(word in folded for word in _folded("counted_work", "not_counts"))


def names_counted_work(name: str | None) -> bool:
    """True for a 三级指标 naming a piece of work to be counted (全年免费开放, 文保单位抢险维修), not a share or a state
    ([counted_work] not_counts: …覆盖率, 任务完成, 正常运行), a time (项目完工时间, 按时发放), an aim (满足…需求, 维护社会稳定, after any adverbs) or several
    counts written into the name (慰问伤残军人50人;…)."""
    bare = bare_name(name)
    verbs = tuple(data()["slogan_names"]["verbs"]) + tuple(data()["slogan_goals"]["verbs"])
    return bool(bare) and not (states_share(bare) or is_timeliness(bare) or names_deadline(bare)
                               or _without_adverbs(bare).startswith(verbs) or is_aim_name(bare, True)
                               or re.search(r"\d", bare))


@dataclass(frozen=True)
class UnitCostFloor:
    """The least a unit of some work costs ([[least_unit_costs]]): ``least`` 万元 per ``per``."""

    work: str
    per: str
    least: Decimal


# A unit counted in another of its dimension: how many of the floor's unit one of it is (a 米 of road is 0.001 公里).
_IN_UNIT = {("米", "公里"): Decimal("0.001")}


def least_unit_cost(name: str | None, unit: str | None) -> tuple[UnitCostFloor, Decimal] | None:
    """The floor of the cost of the work ``name`` counts in ``unit`` (脱贫村村内道路硬化里程 in 公里: 道路硬化, 10万元 a
    公里), with how many of the floor's unit one ``unit`` is; None when no listed work is named or the unit is not one
    its floor can be counted in."""
    folded, unit = fold(name or ""), canonical_unit(unit or "") if unit else None
    for entry in data()["least_unit_costs"]:
        factor = Decimal(1) if unit == entry["per"] else _IN_UNIT.get((unit or "", entry["per"]))
        if factor is not None and any(word in folded for word in entry["words"]):
            return UnitCostFloor(entry["work"], entry["per"], Decimal(str(entry["least"]))), factor
    return None


# A name opening like a sentence (通过…) is one when it runs on; 通过率 is a measure, not a sentence.
_SENTENCE_LENGTH = 10


@lru_cache(maxsize=TEXT_MEMO)
def is_slogan(name: str | None) -> bool:
    """True for a 三级指标 that is an aim rather than something measured: it opens with a verb of aim (维护社会稳定,
    保证单位正常运转), after any adverbs strengthening it (进一步提高…), or closes on one (可持续发展), or it is a sentence of purpose or means (通过注射疫苗,可以有效降低
    …的发生), and does not close on a measurable noun (…率, …数, …面积).
    A closing bracket, which usually holds the unit (工资发放准确性(%)), is left out."""
    bare = bare_name(name)
    words = data()["slogan_names"]
    aim = _without_adverbs(bare).startswith(tuple(words["verbs"])) or bare.endswith(tuple(words["aims"]))
    sentence = bare.startswith(tuple(words["openers"])) and len(bare) >= _SENTENCE_LENGTH
    return bool(bare) and (aim or sentence) and not bare.endswith(tuple(words["measures"]))


# Where a goal's clauses part: punctuation that closes a clause (not 、, which lists things within one).
_CLAUSE_END = re.compile(r"[，,。；;！!？?]")
# A clause's own label or numbering (目标2:, 1、, (3)), left off before its first word is read.
_CLAUSE_LABEL = re.compile(r"^((年度|总体|绩效)*目标\s*[0-9一二三四五六七八九十]*\s*[:：]?|[(（]?[0-9一二三四五六七八九十]+[)）、.．:：])")


@lru_cache(maxsize=TEXT_MEMO)
def is_slogan_goal(goal: str | None) -> bool:
    """True for a 年度目标 made only of aims (有力改善人居环境质量, 打造…的良好局面) and of the means or scope that lead to
    them (通过项目实施, 针对…问题): every clause opens, after its adverbs, on a verb of aim or a word of means, at least
    one on an aim, and no clause of aim names a task (完成…任务, 发放). Figures are not looked at: the caller does."""
    words = data()["slogan_goals"]
    verbs = tuple(data()["slogan_names"]["verbs"]) + tuple(words["verbs"])
    openers = tuple(words["openers"])
    aims = 0
    for clause in filter(None, (_CLAUSE_LABEL.sub("", part) for part in _CLAUSE_END.split(fold(goal or "")))):
        clause = _without_adverbs(clause)
        if clause.startswith(verbs) and not any(task in clause for task in words["tasks"]):
            aims += 1
        elif not clause.startswith(openers):
            return False
    return aims > 0


# The close of a quantity that can rise (…比例提高 is a measured change, not a hope).
_RATED = re.compile(r"(率|比例|占比|指数|浓度)$")


def is_improvement(name: str | None) -> bool:
    """True for a 三级指标 made only of clauses that close on an improvement (教学条件改善、办学水平提高): it names an
    effect hoped for, not a quantity. A closing bracket (the unit) is left out; a rate that rises (…比例提高) is a
    quantity."""
    bare = bare_name(name)
    clauses = [c for c in re.split(r"[、，,;；]", bare) if c]
    verbs = tuple(data()["slogan_names"]["improvements"])
    return bool(clauses) and all(c.endswith(verbs) and not _RATED.search(c[:-2]) for c in clauses)


# A name written as a sentence: some words closed by a full stop (增加就业机会,提高农民收入。).
_SENTENCE_NAME = re.compile(r".{6,}。")


def is_sentence_name(name: str | None) -> bool:
    """True for a 三级指标 written as a whole sentence closed by its full stop (增加就业机会,提高农民收入。)."""
    return bool(_SENTENCE_NAME.fullmatch(fold(name or "")))


def is_aim_name(name: str | None, output: bool) -> bool:
    """True for a 三级指标 that is an aim (维护社会稳定, see :func:`is_slogan`) or, under 产出指标 (``output``), only
    hoped-for improvements (教学条件改善、办学水平提高)."""
    return is_slogan(name) or (output and is_improvement(name))


def names_no_measure(name: str | None, output: bool) -> bool:
    """True for a 三级指标 that names no measure: an aim (:func:`is_aim_name`) or a whole sentence. JX912 reports such a
    name; where its value is a vague phrase (增加, 显著改善) that one finding says both."""
    return is_aim_name(name, output) or is_sentence_name(name)


# A level's numbering (三、, 1.) and points ((50分)) around its name.
_LEVEL_NUMBERING = "0123456789一二三四五六七八九十、.．)）(（"
_LEVEL_POINTS = re.compile(r"[(（][^()（）]*[)）]分?$")


def misnamed_level(written: str | None) -> str | None:
    """How a level name the reader understands departs from the prescribed names: ``"misnamed"`` for a category
    under an old name (环境效益指标), ``"suffix"`` for a name ending in 值 instead of 指标 (经济效益值); else None."""
    key = _LEVEL_POINTS.sub("", fold(written or "")).lstrip(_LEVEL_NUMBERING)
    words = data()["level_names"]
    if key in _folded_set("level_names", "misnamed"):
        return "misnamed"
    if len(key) > 2 and key.endswith(words["misnamed_suffix"]):
        return "suffix"
    return None


def is_quality_rate(name: str | None) -> bool:
    """True for a rate that measures how well the output was made (种植作物成活率, 验收合格率), by its closing word."""
    return _head(name or "").endswith(_folded("quality_rates", "words"))


def suggested_unit(kind: Kind, text: str) -> str | None:
    """The unit a count or a duration named ``text`` is normally measured in (受益人数 → 人, 使用年限 → 年)."""
    section = {Kind.COUNT: "count", Kind.DURATION: "duration"}.get(kind)
    if section is None:
        return {Kind.RATE: "%", Kind.SATISFACTION: "%", Kind.MONEY: "万元"}[kind]
    head = _head(text)
    units: dict[str, str] = data()[section]["units"]
    for suffix in sorted(units, key=len, reverse=True):
        if head.endswith(fold(suffix)):
            return units[suffix]
    return None


@lru_cache(maxsize=TEXT_MEMO)
def basis_sets_standard(basis: str) -> bool | None:
    """Whether a 指标值确定依据 names a standard: False for a regime that sets none, None when unsure."""
    folded = fold(basis)
    if any(word in folded for word in _folded("basis", "no_standard_words")):
        # The regime's title may itself contain 规定/办法-like words; only an explicit standard counts then.
        explicit = ("计划标准", "行业标准", "历史标准", "其他标准", "实施方案", "工作计划", "规划", "上年", "历年")
        return True if any(word in folded for word in explicit) else False
    return True if any(word in folded for word in _folded("basis", "standard_words")) else None


@cache
def _counted_pattern() -> re.Pattern[str]:
    nouns = sorted((fold(noun) for noun in data()["counted"]), key=len, reverse=True)
    number = rf"(\d+(?:\.\d+)?|[{CHINESE_DIGITS}]+)"
    return re.compile(number + r"(?:个|所|座)?(" + "|".join(map(re.escape, nouns)) + ")")


@cache
def _counted_nouns() -> dict[str, str]:
    return {fold(k): v for k, v in data()["counted"].items()}


@dataclass(frozen=True)
class Counted:
    """A number of things written in text: 18个行政村 is (18, 村, "18个行政村")."""

    value: Decimal
    noun: str
    written: str


def counted_numbers(text: str | None) -> list[Counted]:
    """Every "number + counted noun" in ``text`` (14个村, 十八个行政村), the noun in its canonical form."""
    return list(_counted_in(text)) if text else []


@lru_cache(maxsize=TEXT_MEMO)
def _counted_in(text: str) -> tuple[Counted, ...]:
    if not any(ch.isdigit() or ch in CHINESE_DIGITS for ch in text):
        return ()
    canonical = _counted_nouns()
    found = []
    for match in _counted_pattern().finditer(fold(text)):
        written, noun = match.group(1), match.group(2)
        if written[0] in CHINESE_DIGITS and not match.group(0)[len(written) :].startswith(("个", "所", "座")):
            continue  # 一村一品 is a slogan, not a count: Chinese numerals count only with a measure word
        value = chinese_to_decimal(written) if written[0] in CHINESE_DIGITS else Decimal(written)
        if value is not None:
            found.append(Counted(value, canonical[noun], match.group(0)))
    return tuple(found)


@dataclass(frozen=True)
class Standard:
    """A payment per head a text states (每生每年3300元): its amount in 万元 a year and the head it is paid by."""

    wan_a_year: Decimal
    head: str
    written: str


_MONEY = r"(\d+(?:\.\d+)?)(万?元)"
# How far before a standard a word saying it is an income is looked for (户均增收 2000元/户).
_INCOME_REACH = 6


@cache
def _standard_patterns() -> tuple[re.Pattern[str], ...]:
    words = data()["standards"]
    heads = "|".join(map(re.escape, longest_first(list(words["heads"]))))
    periods = "|".join(map(re.escape, longest_first(list(words["periods"]))))
    return (
        # 每生每年3300元, 每村4400元, 每人执法服装单价0.4163万元
        re.compile(rf"(?:每|平均每)(?P<head>{heads})(?:每(?P<period>{periods}))?[^\d。；;，,]{{0,10}}?{_MONEY}"
                   rf"(?:/(?P<period2>{periods}))?"),
        # 704元/村, 1500元/生/学期, 30000元每年每人
        re.compile(rf"{_MONEY}(?:(?:/|每)(?P<period>{periods}))?(?:/|每)(?P<head>{heads})"
                   rf"(?:(?:/|·|每)(?P<period2>{periods}))?"),
    )


def head_standards(text: str | None) -> list[Standard]:
    """Every payment per head ``text`` states, in 万元 a year (a standard per 学期 is paid twice a year)."""
    words = data()["standards"]
    folded = fold(text or "")
    found = []
    for pattern in _standard_patterns():
        for match in pattern.finditer(folded):
            # An income per head (每户增收2000元, 人均收入…) is what the project yields, not what it pays.
            if is_not_spent(folded[max(match.start() - _INCOME_REACH, 0) : match.end()]):
                continue
            amount, unit = _money_of(match)
            period = match.groupdict().get("period") or match.groupdict().get("period2")
            times = Decimal(words["periods"].get(period, 1)) if period else Decimal(1)
            scale = Decimal(1) if unit == "万元" else Decimal("0.0001")
            found.append(Standard(amount * scale * times, words["heads"][match.group("head")], match.group(0)))
    return found


def _money_of(match: re.Match[str]) -> tuple[Decimal, str]:
    amount, unit = re.search(_MONEY, match.group(0)).groups()
    return Decimal(amount), unit


@cache
def _head_count_pattern() -> re.Pattern[str]:
    nouns = "|".join(map(re.escape, longest_first(list(data()["standards"]["counted"]))))
    return re.compile(rf"(?<![\d.])(\d+)({nouns})")


def head_counts(text: str | None) -> list[Counted]:
    """Every count of heads ``text`` states (6140人次, 70个行政村), the noun the head it counts (人, 户, 村)."""
    counted = data()["standards"]["counted"]
    return [Counted(Decimal(match.group(1)), counted[match.group(2)], match.group(0))
            for match in _head_count_pattern().finditer(fold(text or ""))]
