"""Indicators written as prose (layout family 6): a level name, a colon, then sentences that each name an
indicator and give its target (``数量指标：种植数量(≥**株)>=17600株；种植作物成活率(≥**%)>=85；``), or one cell
holding several indicators joined by ``；`` (``开展文物安全巡查频次8次；编制文物宣传资料数量3个``), or a notice's outline
of numbered level headings with one indicator on each line below them (``(一)数量指标`` / ``…种植人员≧300人;``).

:func:`split_prose` splits such text into items by the same labels as the rest of the pipeline: the level names
it opens with, then for each clause the name before the target (the clause before a comma is the group the
indicator belongs to, ``★补助各类瓜果蔬菜种植数量,黄金蜜(葡萄)种植数量…``), the target from its operator (or its
number when a unit ends the clause) to the next separator. :func:`prose_lines` marks the lines that hold prose
so that the regions step implies a header for them and alignment places each item as a row.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from jixiao.documents.limits import UNTIMED, Deadline
from jixiao.documents.pipeline.labels import (
    Role,
    is_qualitative,
    is_value,
    label,
    match_key,
    simplified,
    split_name_trend,
    split_qualitative,
)
from jixiao.documents.pipeline.said import Said, said_indicators, said_paths, said_results
from jixiao.documents.pipeline.tokens import Line, LineKind, Token
from jixiao.documents.vocabulary import labels
from jixiao.model import canonical_level1, canonical_level2
from jixiao.model.lexicon import as_written, fold, load
from jixiao.model.units import unit_spellings
from jixiao.model.vocabulary import written_level2

__all__ = ["Item", "opens_achievement", "split_prose", "split_report_sentence", "prose_lines", "PROSE"]

PROSE = "prose"  # the key of a line's ``extra`` that holds its items
Item = tuple[tuple[str, str], ...]  # (kind, text) pairs: level1, level2, group, name, target, actual, score, rate, rest

# where a sentence ends: a full stop or a semicolon, or the comma(s) before the next number of a report's list, which
# runs its items on with commas ((1)时效目标:…目标完成率为100%,(2)成本目标:…): each item opens with its own level name
_SENTENCE = re.compile(r"[;；。]|[,，]+(?=\s*[(（]\d{1,2}[)）])")
# a comma between clauses, not one grouping a figure's thousands (>=17,600株)
_CLAUSE = re.compile(r"[,，](?!(?<=\d[,，])\d{3}(?!\d))")
_OPERATOR = r"(?:[≥≤≧≦><=＞＜＝]=?|不低于|不少于|不超过|不高于|大于等于|小于等于|达到|达)"
_MIN_IN_CELL = 2
_MET = ("达标",)  # a word after a target's figure saying it is the standard to meet (资助经费发放率100%达标)
# what follows the level names a text opens with: a colon or a comma, or a full stop in a report's paragraph
# (数量指标。养老金领取人数…)
_OPENED = re.compile(r"[:：,，。]\s*$")
_LEVEL_ROLES = (Role.LEVEL1, Role.LEVEL2)
# a level name, numbered as an outline's heading (一、产出指标; (一)数量指标, the bracketed number a heading under one),
# or written without 指标 before a colon, as reports write it (服务对象满意度：…, 数量：…); the template's note that
# the level must be filled in stays out of its name (数量指标 (必填硬性指标)：…)
_LEVEL_WORD = re.compile(r"^(?:(?P<sub>[(（][一二三四五六七八九十\d]+[)）])|[一二三四五六七八九十\d]*[、.．]?)\s*"
                         r"(?:(?P<word>[^:：,，;；。]{2,16}?(?:指标|目标))(?:\s*[(（]必填[^()（）:：]{0,6}[)）])?\s*[:：,，。]?|(?P<bare>[^:：,，;；。\d\s]{2,8})\s*[:：])\s*")


@cache
def _operator_words() -> str:
    """An operator: a sign, or a word the vocabulary reads as one before a figure (不少于, 控制在, 高于), two characters
    or more (为 and 达 alone are verbs of a name's sentence, 满意度为95%, read by the figure and its unit)."""
    words = {word for spellings in load("targets")["prefix_operators"].values() for word in spellings
             if len(word) > 1 and not word.isascii()}
    return r"(?:[≥≤≧≦><=＞＜＝]=?|" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r"|达)"


@cache
def _target() -> re.Pattern[str]:
    units = sorted((u for u in unit_spellings() if u and not u.isascii()), key=len, reverse=True)
    unit = "(?:%|" + "|".join(re.escape(u) for u in units) + ")"
    # an operator and everything up to the next separator (or 零 ending the clause: 师生犯罪率为零), or a number and
    # a unit ending the clause, perhaps with the word of a bound or of the target met after it (资助标准100%达标)
    after = "|".join(sorted(map(re.escape, (*_MET, *(word for words in load("targets")["suffix_operators"].values()
                                                    for word in words))), key=len, reverse=True))
    # (a comma grouping a figure's thousands, 17,600株, is no separator)
    # (a unit may be one per another, 元/平方米)
    return re.compile(_operator_words() + r"\s*\d(?:[^,，;；。]|[,，](?=\d{3}(?!\d)))*$|(?:为|等于|达到|达)零$|(?<![\d.,])"
                      r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*" + unit + f"(?:/{unit})?" + rf"(?:{after})?$")


@cache
def _unit_bracket_figure() -> re.Pattern[str]:
    """A bare number right after the name's bracket giving its unit or the template's residue (``实施营造林总面积(亩)
    80000``, ``苗木成活率(≥**%)85``): the number is the target, the bracket tells its unit."""
    units = "|".join(re.escape(u) for u in sorted(unit_spellings(), key=len, reverse=True) if u)
    return re.compile(r"[(（](?:" + units + r"|[^()（）]*\*[^()（）]*)[)）]\s*(?P<figure>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)$")


def _level(word: str, sub: bool = False) -> tuple[str, str] | None:
    """The level a name is of; ``sub`` when an outline numbers it as a heading under another ((四)成本指标 under
    一、产出指标 is the level-2 成本指标)."""
    key = match_key(word)
    if canonical_level2(key) and (sub or not canonical_level1(key)):
        return ("level2", word)
    if canonical_level1(key):
        return ("level1", word)
    if written_level2(key) and canonical_level2(key[:-2] + "指标"):
        # the pre-2018 form's 社会效益目标: kept as written, as its tables' level names are (under a level 1 written the
        # framework's way, split_prose names it as the framework does)
        return ("level2", written_level2(key))
    return None


def _in_framework(lines: list[Line]) -> list[Line]:
    """``lines`` with each level 2 their prose writes the pre-2018 form's way (社会效益目标) named as the framework
    names it (社会效益指标) where a level 1 above it is written the framework's way (二、效益指标): the text mixes the
    two spellings of one framework. Under a level 1 written the old way (产出目标), or none, it is kept as written,
    as a table's level names are."""
    framework = False
    for line in lines:
        items = line.extra.get(PROSE)
        if not items:
            continue
        renamed = []
        for item in items:
            framework = next((simplified(word).endswith("指标") for kind, word in reversed(item) if kind == "level1"),
                             framework)
            renamed.append(tuple((kind, simplified(word)[:-2] + "指标")
                                 if framework and kind == "level2" and simplified(word).endswith("目标")
                                 else (kind, word) for kind, word in item))
        line.extra[PROSE] = tuple(renamed)
    return lines


def _levels(text: str) -> tuple[list[tuple[str, str]], str]:
    """The level names ``text`` opens with, and what follows them."""
    found: list[tuple[str, str]] = []
    while True:
        match = _LEVEL_WORD.match(text)
        level = _level(match.group("word") or match.group("bare"), bool(match.group("sub"))) if match else None
        if level is None:
            return found, text
        found.append(level)
        text = text[match.end():]  # type: ignore[union-attr]


def _clause(text: str) -> list[tuple[str, str]]:
    """One clause: ``name target``; a clause with no target is a name (a qualitative indicator)."""
    text = _ASPIRATION.sub("", text.strip())
    match = _target().search(text)
    bare = _unit_bracket_figure().search(text) if match is None else None
    if bare is not None:
        return [("name", text[:bare.start("figure")].strip()), ("target", bare.group("figure"))]
    planned = _PLANNED_WORDS.search(text) if match is None else None
    if planned is not None and planned.start() >= _SHORTEST_NAME:
        return [("name", text[:planned.start()].strip()), ("target", text[planned.end():].strip())]
    if match is None or match.start() == 0:
        # a qualitative target run onto the name (生态修复功能提高, …名录和数据库基本健全), or written before what
        # it is said of (按时完成教学任务)
        fused = split_name_trend(text) or split_qualitative(text) or _done_first(text)
        figure = _target().search(fused[0]) if fused else None
        if figure is not None and figure.start() > 0:
            # the word follows a figure (资助标准100%达标): the figure with its word is the target
            fused = (fused[0][:figure.start()].strip(), figure.group(0).strip() + fused[1])
        return [("name", fused[0]), ("target", fused[1])] if fused else [("name", text)] if text else []
    name = text[: match.start()].strip().rstrip(":：").strip()  # (护林员人数：48人: the colon ends the name)
    said_as = _SAID_AS.search(name)
    if said_as and said_as.start() >= _SHORTEST_NAME:
        name = name[: said_as.start()]  # the verb before the figure (满意度为95%) is no part of the name
    planned = _PLANNED.search(name)
    if planned and planned.start() >= _SHORTEST_NAME:
        name = name[: planned.start()]  # the word saying the figure is the plan is no part of the name
    return [("name", name), ("target", match.group(0).strip())]


# a report's word for the figure planned at the start of the year, between the name and the figure
# (养老金领取人数全年平均数年初任务数101974人)
_PLANNED = re.compile(r"(?:年初|年度|全年)(?:任务数|目标值|指标值|计划数|计划值|目标)(?:为|是|[:：])?$")
# the same word before a target of words (参训人员经济负担年度指标值有效减轻): the name before it, the target after
_PLANNED_WORDS = re.compile(r"(?:年初|年度|全年)(?:任务数|目标值|指标值|计划数|计划值|目标)(?:为|是|[:：])?"
                            r"(?=[\u4e00-\u9fff])")
_SHORTEST_NAME = 2  # characters of the name left before that word (else the word is the name: 年度目标值)
_SAID_AS = re.compile(r"(?:均|都)?为$")
_ACHIEVED_WORD = "实际"  # 实际布防6架, 实际飞行时长909.93小时: what was done, said with its own verb


@cache
def _achieved_words() -> tuple[str, ...]:
    """The words a report opens a clause of what was achieved with: the actual column's headings (全年完成值,
    实际完成值) and 实际, longest first."""
    words = {word for word in labels()["columns"]["actual"] if not word[0].isdigit()} | {_ACHIEVED_WORD}
    return tuple(sorted(words, key=len, reverse=True))


def opens_achievement(clause: str) -> bool:
    """True when a clause opens with a word of what was achieved (实际, 实际完成值): it tells the item before it."""
    return clause.strip().startswith(_achieved_words())


def _achieved(clause: str) -> str | None:
    """What a clause after an indicator's target says was achieved (``全年完成值103119人`` → ``103119人``,
    ``实际布防6架`` → ``6架``), or None when it opens with no word of achievement or gives no figure. After a column's
    heading (实际完成值, not 实际 alone, which opens a sentence of what was done) what a few characters say is what was
    achieved, a figure without its unit or with one of its own, or words (``全年完成值7``, ``实际完成值为180元/人、天``,
    ``实际完成值有效巩固``)."""
    text = clause.strip()
    word = next((word for word in _achieved_words() if text.startswith(word)), None)
    figure = _target().search(text[len(word):]) if word else None
    if figure is None and word and word != _ACHIEVED_WORD:
        words = _SAID_AFTER.sub("", text[len(word):]).strip()
        return words if words and len(words) <= _LONGEST_ACHIEVED else None
    return figure.group(0).strip() if figure else None


_SAID_AFTER = re.compile(r"^(?:为|是|[:：])")
_LONGEST_ACHIEVED = 12  # characters of what a column's heading says was achieved (有效巩固, 180元/人、天)


# what a clause aims at, before what it measures (力争毕业生合格率达100%): no part of the indicator's name
_ASPIRATION = re.compile(r"^(?:力争|争取|确保)(?=.{4})")
_SHORTEST_DONE = 2  # characters of what a completion is said of (中考)


@cache
def _completions() -> tuple[str, ...]:
    """The vocabulary's words of completion (按时完成, 完成), longest first."""
    tiers = load("targets")["qualitative"]
    words = {fold(word) for tier in ("按时", "达到预期") for word in tiers[tier] if fold(word).endswith("完成")}
    return tuple(sorted(words, key=len, reverse=True))


def _done_first(text: str) -> tuple[str, str] | None:
    """The name and the target of a clause that says first that it is done, then what (按时完成教学任务 is 教学任务,
    按时完成), or None."""
    word = next((word for word in _completions() if fold(text).startswith(word)), None)
    rest = text[len(word):].strip() if word else ""
    if word is None or len(rest) < _SHORTEST_DONE or not _CJK_START.match(rest):
        return None
    return rest, text[: len(word)]


_CJK_START = re.compile(r"^[\u4e00-\u9fff]")
_CJK = re.compile(r"[\u4e00-\u9fff]")


# a deadline at a year's end (2023年底, 2023年末前), which a table's cell would not take for a date of its own
_YEAR_END = re.compile(r"^(?:19|20)\d{2}年(?:底|末)前?$")


def _name_then_value(pending: list[str], headed: bool = False) -> Item | None:
    """A name and its target written as two clauses, the target a date, a word of trend or a word of the qualitative
    vocabulary (``完成时限,2025年10月底前``, ``项目完成时间，2023年底``, ``农民综合素质,持续提高``, ``教学秩序，良好``),
    or None. With ``headed`` (an outline's line of one sentence under its level heading), any few words after the
    name's comma are its target (``经费支出合规性，较高``)."""
    if len(pending) != 2:
        return None
    name, value = (part.strip() for part in pending)
    if (label(value).role is Role.DATE or _YEAR_END.match(value) or split_name_trend(name + value) == (name, value)
            or (is_qualitative(value) or headed and _few_words(value) and not _target().search(name))
            and _CJK_START.match(_NUMBERED.sub("", name)) and not split_name_trend(name) and not split_qualitative(name)):
        return (("name", name), ("target", value))
    return None


_FEW_WORDS = 6  # characters of a target of words after its name's comma (程度较高, 及时支出), not a sentence's clause


def _few_words(text: str) -> bool:
    """Whether a clause is a few words with no figure, and says nothing of what was achieved (较高, 及时支出)."""
    return len(text) <= _FEW_WORDS and not re.search(r"\d", text) and not opens_achievement(text)


@lru_cache(maxsize=4096)
def split_prose(text: str, levelled: bool = False, headed: bool = False, reporting: bool = False,
                listed: bool = False, paired: bool = False, closing: bool = False,
                outlined: bool = False) -> tuple[Item, ...] | None:
    """The items of prose that names indicators and their targets, or None when ``text`` is no such prose: it
    must give a target and open with a level name and a colon or comma (``数量指标：…``), or, when a level name
    stands before it (``levelled``: the cell to its left), join several indicators with ``；`` (``产出指标 |
    开展…8次；编制…3个``): one indicator with its number is an ordinary cell. Under an outline's level heading
    (``headed``: ``(一)数量指标`` on the line above) one indicator with its target is enough. Under a report's
    heading of what was achieved (``reporting``: ``(四)绩效指标完成情况分析``), a sentence made only of results
    (``经费发放率为98%覆盖率及资金到位率均为100%``, :func:`.said.said_results`) gives each name what it came to.
    In a list of such lines (``listed``: :func:`_listed`) a line opened by its level name needs no target: its
    sentence is a qualitative indicator (``质量指标:保障巡林工作的顺利开展,护林员的待遇正常发放;``). In a document
    whose prose puts a comma between a name and its target (``paired``: :func:`_commas_pair`), clauses left with no
    figure are a name, then its qualitative target (``提升…扶持力度，显著提升了…扶持力度,大力支持了…发展``). A cell beside
    its level cell that closes its row (``closing``: no target cell after it, ``数量指标 | 1.培训人次≥500人次``) lists its
    level's indicators however many: one with its target is enough. On an outline's line under its level heading
    (``outlined``) one sentence of a name, a comma and a few words is an indicator (``经费支出合规性，较高``)."""
    # the template's residue stays in the names (黄金蜜(葡萄)种植数量(≥**株)>=17600株): the sheet builder cleans them
    # and keeps each name as written, so that the review reports the residue
    line = simplified(text.strip())
    opening, rest = _levels(line)
    # the colon or comma stands right after the level names (数量指标：…), not later in the text (a row's
    # cells run together, whose name explains itself in brackets: 结余率(计算方法为:结余数/预算数))
    # (or the level names run straight into indicators that say their target and achievement in words: 4.成本指标国家
    # 规定标准发放指标为100%实际完成值为100%)
    if not levelled and not headed and not (opening and (_OPENED.search(line[:len(line) - len(rest)])
                                                         or said_indicators(rest))):
        if not (opening and _SENTENCE.search(rest)):
            return None
        # the level cell and the cell of indicators after it run together (产出指标开展…8次;编制…3个, a copy that
        # lost its table's separators): the cell must list several, as beside its level cell
        levelled = True
    items: list[Item] = []
    targets = 0
    sentences = _SENTENCE.split(line)
    # (an outline's line of one sentence is an indicator; a paragraph's sentences under the heading tell what was done)
    lone = outlined and sum(bool(sentence.strip()) for sentence in sentences) == 1
    for sentence in sentences:
        levels, rest = _levels(sentence.strip())
        if levels:
            items.append(tuple(levels))
        said = said_indicators(rest) if rest.strip() else None
        if said:
            items.extend(_said_items(said))
            targets += len(said)
            continue
        results = said_results(rest) if reporting and rest.strip() else None
        if results:
            items.extend((("name", name), ("actual", figure)) for name, figure in results)
            targets += len(results)
            continue
        clauses = [part for part in _CLAUSE.split(rest) if part.strip()] if rest.strip() else []
        name_value = _name_then_value(clauses, lone)
        if name_value:
            items.append(name_value)
            targets += 1
            continue
        pending: list[str] = []
        for clause in clauses:
            achieved = _achieved(clause) if not pending and items and _awaits_actual(items[-1]) else None
            if achieved is not None:
                items[-1] += (("actual", achieved),)  # the report's figure of what was done, after the target
                continue
            restated = _RESTATED.match(clause.strip()) if not pending and items and _awaits_actual(items[-1]) else None
            if restated is not None:
                # the target said after the figure reached (完成…里程125公里，年度目标120公里): the clause before gave
                # what was done
                items[-1] = _achieved_first(items[-1], restated.group("figure"))
                continue
            if not pending and items and _awaits_actual(items[-1]) and is_qualitative(clause):
                items[-1] += (("actual", clause.strip()),)  # what a qualitative target came to (达到预期目标)
                continue
            bracketed = _BRACKETED.match(clause.strip())
            if bracketed is not None and len(bracketed.group("name").strip()) >= _SHORTEST_NAME:
                # the target in brackets after the name, perhaps after the figure reached (资金支付进度率100%（目标值≥95%）)
                reached = bracketed.group("reached")
                items.append((("name", bracketed.group("name").strip()), ("target", bracketed.group("target").strip()),
                              *((("actual", reached.strip()),) if reached else ())))
                targets += 1
                continue
            rate = _RATE.match(clause.strip()) if not pending and items and _rated(items[-1]) else None
            if rate is not None:
                items[-1] += (("rate", rate.group("rate")),)  # the completion rate the report works out (完成率104%)
                continue
            parts = _clause(clause)
            if pending and _target_alone(clause):
                # a target alone after its name's clause (制作宣传横幅等(年)，=1年): the clause before is the name
                parts = [("name", pending.pop()), ("target", clause.strip())]
            counted = None if pending else _counted_average(parts)
            if counted is not None:
                items.extend(counted)
                targets += len(counted)
                continue
            if any(kind == "target" for kind, _ in parts):
                group = (("group", "，".join(pending)),) if pending else ()
                items.append(group + tuple(parts))
                targets += 1
                pending = []
            else:
                pending.append(clause.strip())
        if paired and len(pending) > 1:
            # a name, then its qualitative target run on to the sentence's end (its own commas kept)
            target = rest[rest.rindex(pending[0]) + len(pending[0]):].strip().lstrip(",，").strip()
            items.append((("name", pending[0]), ("target", target)))
            targets += 1
        elif pending:
            # clauses after the last target: a qualitative indicator (可持续影响指标，持续发展), or text
            items.append((("name", "，".join(pending)),) if levels or levelled else (("rest", "，".join(pending)),))
    enough = (targets >= 1 or (listed and bool(opening) and len(items) > 1) if not levelled
              else targets >= 1 and _named(items) if closing
              else targets >= _MIN_IN_CELL and bool(_SENTENCE.search(line)))
    if not enough:
        return None
    return tuple(tuple((kind, as_written(text, part)) for kind, part in item) for item in items)


def _named(items: list[Item]) -> bool:
    """Whether every name among ``items`` is words (two characters of them at least, a list's number allowed before
    them), not a bracket or figures left of a row's cells."""
    return all(len(_CJK.findall(text)) >= _SHORTEST_NAME for item in items for kind, text in item if kind == "name")


@cache
def _counted_average_pattern() -> re.Pattern[str]:
    """How many a project reaches, counted inside the name of what each of them gains on average (带动20户脱贫户户均年
    增收1000元, 惠及120名群众人均增收800元): the vocabulary's ``[counted_averages]``."""
    words = labels()["counted_averages"]
    counted, averages = ("|".join(map(re.escape, words[key])) for key in ("counted", "averages"))
    return re.compile(rf"^(?P<verb>[^\d，,；;]{{1,6}}?)(?P<count>\d+(?:\.\d+)?)\s*(?P<unit>{counted})"
                      rf"(?P<who>[^\d，,；;]{{2,10}}?)(?P<average>{averages})(?P<what>[^\d，,；;]{{1,10}})$")


def _counted_average(parts: list[tuple[str, str]]) -> tuple[Item, Item] | None:
    """A name counting who is reached before saying what each gains, and the target of that gain, as the two
    indicators it sets (``带动脱贫户`` 20户, ``脱贫户户均年增收`` 1000元); None for any other clause."""
    values = dict(parts)
    if len(parts) != 2 or "target" not in values or "name" not in values:
        return None
    found = _counted_average_pattern().match(values["name"])
    if found is None:
        return None
    who = found.group("who")
    return ((("name", found.group("verb") + who), ("target", found.group("count") + found.group("unit"))),
            (("name", who + found.group("average") + found.group("what")), ("target", values["target"])))


def _target_alone(clause: str) -> bool:
    """Whether a clause is only a target, its operator or number first (``=1年``, ``≥95%``)."""
    match = _target().search(clause.strip())
    return match is not None and match.start() == 0


def _commas_pair(lines: list[Line]) -> bool:
    """Whether the document's prose puts a comma between an indicator's name and its target (``补贴期限，2020.1.1-
    2020.12.31``) and never after the name of a group of indicators (``★补助各类瓜果蔬菜种植数量,黄金蜜(葡萄)种植数量
    ≥17600株``): the document's own sentences tell which way its commas read."""
    pairs = groups = 0
    for line in lines:
        if len(line.filled) != 1 or not _levels(simplified(line.filled[0].text.strip()))[0]:
            continue
        for sentence in _SENTENCE.split(simplified(line.filled[0].text.strip())):
            rest = _levels(sentence.strip())[1]
            clauses = [part for part in _CLAUSE.split(rest) if part.strip()]
            pairs += bool(_name_then_value(clauses))
            groups += sum(_target().search(first.strip()) is None and bool(_target().search(second.strip()))
                          and not _target_alone(second) for first, second in zip(clauses, clauses[1:]))
    return pairs > 0 and groups == 0


# the word a report's sentence says an indicator's plan with, between its name and its figure (农村危房改造任务数为
# 115户): kept in the name, which it is part of (任务数); 为 is not
_PLAN_WORD = re.compile(r"(?:任务数|目标值|计划数|目标任务数?)为?$")
# who a report speaks for and the year, before what its sentence measures (我市2022年农村危房改造任务数): no part of the name
_SUBJECT = re.compile(r"^(?:我|全)(?:省|市|县|区|旗|州|盟|镇|乡|局|院|校|单位|中心)(?:\d{4}年度?)?|^\d{4}年度?")


def _said_items(said: list[Said]) -> list[Item]:
    """The items of the indicators a sentence states in words (:mod:`.said`), with the points given where it says
    them."""
    return [(("name", part.name), ("target", part.target), ("actual", part.actual))
            + ((("score", part.score),) if part.score is not None else ())
            + ((("rate", part.rate),) if part.rate is not None else ()) for part in said]


@lru_cache(maxsize=4096)  # (asked of every one-cell line outside a table)
def split_report_sentence(text: str) -> tuple[Item, ...] | None:
    """The indicators a report's paragraph states with their plan and what was achieved, under no level heading
    (``我市2022年农村危房改造任务数为115户,实际完成农村危房改造264户``), or None. Only where the evidence is strong:
    a clause that names what is measured, a word of plan (任务数, 目标值, 计划数) and its figure, and right after it
    a clause of achievement (实际完成…, 全年完成值…) whose figure has the same unit; or a sentence made only of
    indicators said with a word for the target and one for what was achieved (:mod:`.said`: a report's numbered list
    ``1.…密度,年初目标值≥90%,实际完成值≥90%,自评得分20分;``); or an indicator named by its path of levels joined by
    dashes, a level 2 among them, and what it came to (:func:`.said.said_paths`). The paragraph's other clauses are
    narrative, not cells, and are left out. A paragraph that opens with a level name is :func:`split_prose`'s, which
    reads it under that level."""
    items: list[Item] = []
    line = simplified(text.strip())
    levelled = bool(_levels(line)[0])
    for sentence in _SENTENCE.split(line):
        said = said_indicators(sentence) if sentence.strip() and not levelled else None
        if said:
            items.extend(tuple((kind, as_written(text, part)) for kind, part in item) for item in _said_items(said))
            continue
        for path in said_paths(sentence):
            if label(path.level2).role is Role.LEVEL2:
                items.append((("level1", as_written(text, path.level1)), ("level2", as_written(text, path.level2))))
                items.append((("name", as_written(text, path.name)), ("actual", as_written(text, path.actual))))
        clauses = [part.strip() for part in _CLAUSE.split(sentence) if part.strip()]
        for clause, following in zip(clauses, clauses[1:]):
            parts = dict(_clause(clause))
            name, target = parts.get("name", ""), parts.get("target", "")
            achieved = _achieved(following) if target else None
            planned = clause[:clause.rfind(target)].strip() if target else ""
            if achieved is None or not _PLAN_WORD.search(planned) or _unit_of(target) != _unit_of(achieved):
                continue
            name = _SUBJECT.sub("", name.removesuffix("为")).strip()
            if len(name) >= _SHORTEST_NAME:
                items.append((("name", as_written(text, name)), ("target", as_written(text, target)),
                              ("actual", as_written(text, achieved))))
    return tuple(items) or None


# a report's section heading of the year's goals ((二)项目绩效目标), its paragraph perhaps on the same line
_GOALS_SECTION = re.compile(r"^[(（][一二三四五六七八九十]{1,2}[)）](?:项目)?绩效目标[。.:：]?\s*")
# the words a report's goals paragraph opens its list with (…,我绩效目标是全年完成; …项目目标:): no part of a name
_GOALS_LEAD = re.compile(r"^.*?目标(?:是|为|:|：)(?:全年)?(?:完成)?")
_MIN_GOALS = 2  # targets a goals paragraph lists at least, for its clauses to be read as indicators
# the list of what was achieved run on after the goals (…服务21实际完成:资助…230人)
_DONE_LIST = re.compile(r"实际完成[:：]")
# the last clause of a goals list, a name and a bare figure (…,假肢安装及基本康复服务21)
_BARE_LAST = re.compile(r"(?:^|[,，;；])(?P<name>[^\d,，;；。]{2,30}?)(?P<figure>\d+(?:\.\d+)?)\s*$")


def _split_goals_paragraph(text: str) -> tuple[Item, ...] | None:
    """The indicators a self-evaluation report's goals paragraph lists as clauses of a name and a figure with its
    unit, under its heading ``(二)项目绩效目标`` (``2020年,我绩效目标是全年完成应急救护普及培训3000人,红十字救护员培训50人,…``),
    or None. Its sentences that give no figure (充分发扬…精神) are the report's words, not indicators, and so is the
    lead-in before the first name. A list of what was achieved after them (``…实际完成:资助精神病患者服药230人,…``)
    gives each indicator of the same name its actual."""
    planned, done = (*_DONE_LIST.split(text, maxsplit=1), "")[:2]
    items = _figured(planned)
    if len(items) < _MIN_GOALS:
        return None
    first = dict(items[0])
    items[0] = (("name", _GOALS_LEAD.sub("", first["name"]).strip()), ("target", first["target"]))
    actuals = {dict(item)["name"]: dict(item)["target"] for item in _figured(done)} if done else {}
    unitless = _BARE_LAST.search(planned) if done else None
    if unitless and unitless["name"] in actuals and all(dict(item)["name"] != unitless["name"] for item in items):
        # the list's last figure written without its unit, cut off by what was achieved (…假肢安装及基本康复服务21实际
        # 完成:…假肢安装及基本康复服务21人): an indicator all the same, the list after it giving its name a figure
        items.append((("name", unitless["name"]), ("target", unitless["figure"])))
    return tuple((("name", name := dict(item)["name"]), ("target", dict(item)["target"]))
                 + ((("actual", actuals[name]),) if name in actuals else ()) for item in items)


def _figured(text: str) -> list[Item]:
    """The items of ``text`` read as prose that give a figure."""
    return [item for item in split_prose(text, headed=True) or () if any(kind == "target" for kind, _ in item)]


def _unit_of(figure: str) -> str:
    """The unit a figure is written with (户 of 264户), empty for a bare number."""
    return re.sub(r"^[^\d]*[\d,.]+\s*", "", figure)


@lru_cache(maxsize=4096)  # (asked of every one-cell line)
def _lone_levels(text: str) -> tuple[tuple[str, str], ...] | None:
    """The level names a line holds alone, numbered or closed by a full stop as a report's heading writes them
    (产出指标, ``1.产出指标。``), or None."""
    levels, rest = _levels(simplified(text.strip()))
    return tuple(levels) if levels and not rest.strip(" 。.") else None


# a clause that only restates the target (年度目标120公里, 目标值≥80%, 目标值为≥90%), after the clause giving the figure
# reached; and a clause giving the completion rate worked out (完成率104%, 目标完成率为100%)
_RESTATED = re.compile(r"^(?:年初|年度|全年)?(?:绩效)?(?:目标值?|指标值|计划(?:数|值)?|预期(?:目标)?值?)(?:为|是|[:：])?\s*"
                       r"(?P<figure>" + _OPERATOR + r"?\s*\d[\d,]*(?:\.\d+)?\s*[^\d,，;；。]{0,4})$")
_FIGURE = _OPERATOR + r"?\s*\d[\d,]*(?:\.\d+)?\s*[^\d,，;；。()（）]{0,4}"
_BRACKETED = re.compile(r"^(?P<name>[^()（）\d]+?)(?P<reached>" + _FIGURE + r")?\s*[(（](?:年初|年度|全年)?(?:绩效)?"
                        r"(?:目标值?|指标值|计划(?:数|值)?|预期(?:目标)?值?)(?:为|是|[:：])?\s*(?P<target>" + _FIGURE
                        + r")[)）]$")
_RATE = re.compile(r"^(?:目标|指标)?完成率(?:为|是|[:：])?\s*(?P<rate>\d+(?:\.\d+)?%)$")
_REACHED = re.compile(r"^(?:达到|达|为)\s*(?=\d)")  # the word saying the figure reached (优良率达到85%)


def _achieved_first(item: Item, target: str) -> Item:
    """An indicator whose clause gave the figure reached, with the target restated after it."""
    return tuple(part for part in item if part[0] != "target") + (
        ("target", target.strip()), *(("actual", _REACHED.sub("", text)) for kind, text in item if kind == "target"))


def _rated(item: Item) -> bool:
    """Whether an item is an indicator with its target and no completion rate yet."""
    kinds = [kind for kind, _ in item]
    return "target" in kinds and "rate" not in kinds


def _awaits_actual(item: Item) -> bool:
    """Whether an item is an indicator with its target and no actual yet."""
    kinds = [kind for kind, _ in item]
    return "target" in kinds and "actual" not in kinds


def _value_follows(lines: list[Line], position: int) -> bool:
    """Whether the next line holding text after ``position`` is a single figure (a row's value cell, copied one cell a
    line)."""
    following = next((line.filled for line in lines[position + 1:] if line.filled), [])
    return len(following) == 1 and is_value(following[0].text)


def _figure_follows(texts: list[str]) -> bool:
    """Whether the first of a row's cells after its operator cells (定量, ≥) is a figure."""
    following = next((text for text in texts if label(text).role is not Role.OPERATOR), None)
    return following is not None and is_value(following)


def prose_lines(lines: list[Line], deadline: Deadline = UNTIMED) -> list[Line]:
    """Mark the lines holding prose indicators with their items (``extra["prose"]``). A row whose cell holds
    prose keeps the level names before it as items and gives the cells before those a row of their own
    (``年度绩效总目标 | 产出指标 | 开展…8次；编制…3个``); a lone level name right above prose is an item too. Under
    an outline's numbered level headings (一、产出指标, (一)数量指标) each line giving an indicator and its target is
    prose, and the headings above it are items; so is a report's paragraph of goals under its heading ((二)项目绩效目标)
    that lists targets as clauses of a name and a figure. Within the read's ``deadline``, checked line by line."""
    result: list[Line] = []
    listed = _listed(lines)
    paired = _commas_pair(lines)
    headed = False  # the lines above are an outline's level headings, or indicators under them
    reporting = False  # the lines stand under a report's heading of what was achieved (绩效指标完成情况分析)
    goals_next = False  # the line above is a report's heading of its goals, alone ((二)项目绩效目标)
    for position, line in enumerate(lines):
        deadline.check(line)
        line = _field_cut(line)
        filled = line.filled
        texts = [token.text for token in filled]
        if len(texts) == 1 and not line.extra.get(PROSE) and _NUMBERED.match(texts[0].strip()):
            heading = simplified(texts[0])
            reporting = bool(_RESULTS_HEADING.search(heading)) or (reporting and not _TOP_HEADING.match(heading))
        if len(texts) == 1 and _lone_levels(texts[0]):
            headed = bool(_NUMBERED.match(texts[0].strip()))  # (an unnumbered level name alone is a table cell)
            result.append(line)
            continue
        # (split_prose's arguments given by position, here and below: a memoised call with keywords costs twice as much,
        # and is memoised apart from the same call by position)
        items = split_prose(texts[0], False, True, False, False, paired, False, True) if headed and len(texts) == 1 else None
        if items and any(kind == "rest" for item in items for kind, _ in item):
            items = None  # a report's paragraph under the heading (its sentences no indicators), not an outline's line
        headed = bool(items)
        alone = simplified(texts[0]).strip() if len(texts) == 1 else ""
        goals = _GOALS_SECTION.match(alone)
        if (goals or goals_next) and alone[goals.end() if goals else 0:]:
            items = items or _split_goals_paragraph(alone[goals.end() if goals else 0:])
        goals_next = bool(goals) and goals.end() == len(alone)  # type: ignore[union-attr]
        if not items and len(texts) == 1 and line.kind is not LineKind.ROW:
            items = split_report_sentence(texts[0])
        if items:
            _mark_headings(result)
            result.append(Line(filled, line.kind, line.line, line.table, line.row, line.gridded, line.blanks_before,
                               {**line.extra, PROSE: items}))
            continue
        # the first cell holding prose, and whether a level name stands left of it: one pass that stops there
        at, levelled, roles, closing = None, False, [], False
        if len(texts) == 1 and not split_prose(texts[0], False, False, reporting, position in listed, paired):
            # a cell whose level name stands alone on the line above (a table copied one cell per line: 产出指标 |
            # 开展…8次;编制…3个) holds prose as a row's cell after its level cell does
            # (a numbered level name alone is an outline's heading: a report's paragraph under it is narrative)
            # (unless the row's own figures follow, one a line: the cell is then the row's 三级指标 listing who is
            # served, 慰问伤残军人50人;革命烈士遗属50人… | 100% | 100% | 20, corpus 259)
            above = result[-1].filled if result else []
            levelled = (len(above) == 1 and bool(_lone_levels(above[0].text))
                        and not _NUMBERED.match(above[0].text.strip()) and not _value_follows(lines, position))
        for index, text in enumerate(texts):
            if index and is_value(texts[index - 1]):
                # a sentence after the row's own figures is a column of notes (a 评分标准 cell: 本指标满分6分,
                # …达9个得6分,少检查一个扣1分,扣完为止。), not indicators of its own
                break
            # (a row of its level cells and this one alone: the cell closes it, no target cell after it)
            closing = index == len(texts) - 1 and bool(roles) and all(role in _LEVEL_ROLES for role in roles)
            if split_prose(text, levelled, False, reporting, position in listed, paired, closing):
                # (unless the row's own figure follows it, after its 指标性质 cell if any: the cell is then the row's
                # 三级指标, a list of who is served, 慰问伤残军人50人;革命烈士遗属50人… | 定量 | 100% | 20, corpus 259
                # in a grid)
                at = None if _figure_follows(texts[index + 1:]) else index
                break
            roles.append(label(text).role)
            levelled = levelled or roles[-1] in _LEVEL_ROLES
        if at is None:
            result.append(line)
            continue
        first = next((i for i, role in enumerate(roles[:at]) if role in (Role.LEVEL1, Role.LEVEL2)), at)
        if first:
            result.append(Line(filled[:first], line.kind, line.line, line.table, line.row, line.gridded,
                               line.blanks_before))
        levels = [(_level(text) or ("name", text)) for text in texts[first:at]]
        rest = tuple((("rest", text),) for text in texts[at + 1:])
        split = split_prose(texts[at], levelled, False, reporting, position in listed, paired, closing) or ()
        items = ((tuple(levels),) if levels else ()) + split + rest
        previous = result[-1] if result else None
        above = _lone_levels(previous.filled[0].text) if previous is not None and len(previous.filled) == 1 else None
        if above and not previous.extra.get(PROSE):  # type: ignore[union-attr]
            previous.extra[PROSE] = (tuple(above),)  # type: ignore[union-attr]
        marked = Line(filled[first:], line.kind, line.line, line.table, line.row, line.gridded, line.blanks_before,
                      dict(line.extra))
        marked.extra[PROSE] = items
        result.append(marked)
    return _in_framework(result)


_SHORTEST_LIST = 2
_LONGEST_FIELD = 12  # characters of a field's label (年度绩效目标(文字))


def _field_cut(line: Line) -> Line:
    """A one-cell line holding a row whose cells ran together, a field's label, a level name and the indicators of
    that level (``年度绩效总目标产出指标开展…8次;编制…3个``, a copy that lost its table's separators), as that row:
    the label's cell, then the level's and its indicators' run together as one; the line itself otherwise."""
    if line.kind is not LineKind.CELL or len(line.tokens) != 1 or line.extra.get(PROSE):
        return line
    text = line.tokens[0].text.strip()
    for length in range(min(_LONGEST_FIELD, len(text) - 1), 1, -1):
        if label(text[:length]).role is Role.FIELD and _levels(simplified(text[length:]))[0]:
            if split_prose(text[length:]) is None:
                return line
            tokens = [Token(text[:length], line.line), Token(text[length:], line.line)]
            return Line(tokens, LineKind.ROW, line.line, line.table, line.row, False, line.blanks_before,
                        dict(line.extra))
    return line


def _opened(line: Line) -> bool:
    """Whether a line is one text opened by level names and a colon or comma, with a sentence after them
    (``质量指标:保障巡林工作的顺利开展…``)."""
    return len(line.filled) == 1 and _opened_text(line.filled[0].text)


@lru_cache(maxsize=4096)  # (asked of every one-cell line)
def _opened_text(text: str) -> bool:
    text = simplified(text.strip())
    opening, rest = _levels(text)
    return bool(opening) and bool(rest.strip(" 。.;；")) and bool(_OPENED.search(text[:len(text) - len(rest)]))


def _listed(lines: list[Line]) -> set[int]:
    """The positions of lines in a list of level-opened lines (a report's or notice's targets, one level to a line:
    ``数量指标:…支付进度率≥95%;`` / ``质量指标:保障巡林工作的顺利开展…;``) of which one at least gives a target: the
    list shows that a line of it without a figure is a qualitative indicator, not a paragraph."""
    found: set[int] = set()
    run: list[int] = []
    for position, line in enumerate([*lines, None]):
        if line is not None and _opened(line):
            run.append(position)
            continue
        if len(run) >= _SHORTEST_LIST and any(split_prose(lines[at].filled[0].text) for at in run):
            found.update(run)
        run = []
    return found


# the number an outline's heading opens with (一、 二. (一) （二）): a heading of its own, not a cell of a table
_NUMBERED = re.compile(r"^(?:[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+[、.．])")
# a report's heading of what its indicators came to ((四)绩效指标完成情况分析, 二、绩效目标完成情况分析), and the report's
# next part (三、偏离绩效目标的原因), which ends it
_RESULTS_HEADING = re.compile(r"^[^。]{0,12}(?:指标|目标)[^。]{0,4}完成情况")
_TOP_HEADING = re.compile(r"^[一二三四五六七八九十]+、")


def _mark_headings(result: list[Line]) -> None:
    """Mark the outline's level headings standing right above an indicator line (一、产出指标 then (一)数量指标) as
    prose items of their levels, so that the indicators below are read under them."""
    for line in reversed(result):
        above = _lone_levels(line.filled[0].text) if len(line.filled) == 1 else None
        if not above or line.extra.get(PROSE):
            return
        line.extra[PROSE] = (tuple(above),)
