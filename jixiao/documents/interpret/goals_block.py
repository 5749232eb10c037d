"""A sheet's goals block: the goals set for the year and, on a self-evaluation, what was done of them.

The block opens with a goals label (年度总体目标, 绩效目标, ``中期目标(2023年—2025年)``: ``labels.toml [header]``),
or with the heading of its planned half followed by that of its completion (预期目标 | 实际完成情况). The headings of
the two halves are ``labels.toml [goal_headings]`` (:func:`~jixiao.documents.vocabulary.goals_word`). Two readings
are the form's, not the words': a goals label just before a completion heading heads the planned half (项目年度目标 |
年度目标完成情况), and a completion heading before anything planned titles the whole block (年度目标完成情况 | 预期目标 |
目标实际完成情况).

The values follow the labels, in their row or the next. Under a completion heading they hold both halves, printed
in one of two layouts:

* block: all the goals, then all the completions (目标1 | 目标2 | 完成1 | 完成2: each half one merged cell, or as
  many cells as lines);
* alternating: each goal followed by its completion (目标1 | 完成1 | 目标2 | 完成2: a row per goal).

A completion restates its goal's opening (``提高医疗保障水平,推进…`` / ``提高医疗保障水平,推进了…``): when every
second cell restates the one before it the layout is alternating; otherwise the completions begin at the first cell
that restates the first goal or holds the template's instruction for a completion (``说明…完成情况(100字以内)``, left
in place when none was written), or else halfway (the block layout, by far the more common in the corpus).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from jixiao.documents.pipeline.labels import is_bare_number
from jixiao.documents.vocabulary import goals_word, header_label, labels
from jixiao.model.lexicon import TEXT_MEMO

__all__ = ["GoalsBlock", "expected_part", "opening", "spaced_goals", "is_goals_word", "goals_in_prose", "goals_section", "stated_goal"]

_FIELDS = ("goals", "long_term_goals")
_OPENING = 6  # characters a completion repeats of its goal's opening
# the template's instruction for a text of some length (说明…完成情况(100字以内)): printed where the completion goes,
# left in place when the unit wrote none
_INSTRUCTION = re.compile(r"[(（]\s*\d+\s*字以内\s*[)）]")
# a rate alone (86.19%): the money table's 执行率 a text flow printed among the goals block's cells, never a goal
_RATE_ALONE = re.compile(r"\d{1,3}(?:\.\d+)?\s*[%％]")
# the number and points of a numbered goals label (年度绩效目标1(40分), a text flow cutting it into 1( | 40分 | )):
# figures, brackets and 分 alone, never a goal
_NUMBER_AND_POINTS = re.compile(r"[\d一二三四五六七八九十.\s()（）]*(?:\d\s*分)?[\s()（）]*")


@lru_cache(maxsize=1)
def _goal_sentence() -> re.Pattern:
    # (总体绩效目标 names the goals only in a sentence: as a cell it heads a report's section, 总体绩效目标完成情况)
    words = [*labels()["header"]["goals"], "总体绩效目标"]
    spellings = sorted((word for word in words if len(word) >= 4), key=len, reverse=True)
    return re.compile(r"(?:^|[。;；!！])\s*(?:项目)?(?:" + "|".join(map(re.escape, spellings))
                      + r")(?:(?:是|为)[:：]?|[:：])\s*(?P<goal>[^。]{4,}。?)")


@lru_cache(maxsize=TEXT_MEMO)  # (asked of every paragraph outside a grid: a template's recur from file to file)
def goals_in_prose(text: str) -> str | None:
    """The goal a paragraph states in a sentence of its own (``…小石桥5座。总体绩效目标是通过项目实施,有力改善人居环境
    质量。``, ``…培训期限3天。项目总体绩效目标:提高种植人员…``, a notice of the goals set), or None: a goals label then
    是, 为 or a colon opens the sentence."""
    found = _goal_sentence().search(text)
    return found["goal"].strip() if found else None


# the number of a report's section heading (一、, (二), 3.)
_OUTLINE = re.compile(r"^\s*(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十\d]{1,3}[、.．])\s*")
_HEADING_END = re.compile(r"[。:：]")


def goals_section(text: str) -> str | None:
    """What a report's line says after the numbered heading of its section on the goals set (``(二)项目绩效目标。2022年
    …``, ``一、绩效目标情况``): the goals stated on the heading's line, "" for the heading alone (the paragraph under it
    states them), None for any other line (``(二)绩效目标完成情况`` heads what was done). Any goals label heads such a
    section here, where only the goals sentence is taken; the prose step reads indicators from the paragraph only under
    the narrower ``(二)项目绩效目标`` (:mod:`jixiao.documents.pipeline.prose`), as a report's other goals paragraphs
    list no indicators of their own (corpus 190, 275)."""
    opened = _OUTLINE.match(text)
    if opened is None:
        return None
    body = text[opened.end():]
    end = _HEADING_END.search(body)
    heading, rest = (body[:end.start()], body[end.end():]) if end else (body, "")
    heading = heading.strip()
    for ending in labels()["report_goals"]["heading_ends"]:
        heading = heading.removesuffix(ending)
    return rest.strip() if goals_word(heading) == "goals" else None


@lru_cache(maxsize=1)
def _achieved() -> re.Pattern:
    # a word opening what was done: a clause of its own (…115户,实际完成…), run on after a figure (…服务21实际完成…) or
    # heading a list (…200人实际完成:…); not a word of the goal's own (确保项目实际完成率达到95%)
    words = "(?:" + "|".join(map(re.escape, labels()["report_goals"]["achieved"])) + ")"
    return re.compile(r"(?:^|(?<=[,，;；。\d]))\s*" + words + "|" + words + r"(?=\s*[:：])")


def stated_goal(text: str) -> str | None:
    """A report's statement of the goals set, without what it goes on to say was done of them (``…任务数为115户,实际完成
    农村危房改造264户…`` → ``…任务数为115户``); None when nothing is left."""
    found = _achieved().search(text)
    return text[:found.start() if found else len(text)].strip().rstrip(",，;；:：").strip() or None


def is_goals_word(text: str) -> bool:
    """A goals label or the heading of a goals block's half: never a goal itself."""
    return goals_word(text) is not None


def opening(texts: list[str]) -> int | None:
    """Where a goals block opens in a row of cells: at its first goals label, or at a planned half's heading with a
    completion heading after it among the labels that follow; None when the row opens none."""
    for index, text in enumerate(texts):
        word = goals_word(_label_cell(text)[0]) if text else None
        if word in _FIELDS:
            return index
        if word == "expected":
            probe = GoalsBlock()
            probe.take_labels(texts[index:])
            if probe.halves:
                return index
    return None


@dataclass
class GoalsBlock:
    """The labels of one goals block, read so far (over one row or several)."""

    field: str | None = None  # the field the first goals label introduces
    planned: bool = False  # a goals label or a planned half's heading was read
    halves: bool = False  # a completion heading followed: the values hold the goals and their completions
    fields: tuple[str, ...] = ()  # the goals labels' fields in the order read (中期目标 | 年度目标: long term, year)
    # a completion heading standing after the labels with no value before it but figures (a text flow printing the
    # money table's rate where the planned half is empty: 年度总体目标 | 86.19% | 实际完成情况 | 已完成…): the values
    # are all completions
    done_only: bool = False
    # the money table's execution rate a text flow printed among the block's cells (…年度总体目标 | 86.19% | 实际完成情况),
    # never a goal: kept for the money table whose row lacks it
    rate: str | None = None

    @property
    def pair(self) -> tuple[str, str] | None:
        """The fields of the last two goals labels when they name both periods side by side (中期目标 | 年度目标 over a
        value under each, 总体目标 before them or not): the values below follow them in that order; else None."""
        if self.halves or len(self.fields) < 2 or self.fields[-1] == self.fields[-2]:
            return None
        return self.fields[-2], self.fields[-1]

    @property
    def target(self) -> str:
        """The sheet field the block's goals go to (a block opened by 预期目标 alone holds the annual goals)."""
        return self.field or "goals"

    def take_labels(self, texts: list[str]) -> list[str]:
        """Read the block's labels at the start of ``texts`` (empty cells skipped); the values after them: the
        cells that are neither a goals word nor a bare number (a 分值 cell)."""
        texts = [cell for text in texts for cell in _label_cell(text)]
        for index, text in enumerate(texts):  # noqa: B007 (the index the loop breaks at is where the goals start)
            word = goals_word(text) if text else None
            if text and word is None:
                break
            if word in _FIELDS:
                self.field = self.field or word
                self.fields = (*self.fields, word)
                self.planned = True
            elif word == "expected":
                self.planned = True
            elif word == "actual" and self.planned:
                self.halves = True
        else:
            return []
        values: list[str] = []
        for text in texts[index:]:
            if text and self.planned and not self.halves and not values and goals_word(text) == "actual":
                self.halves = self.done_only = True
            elif text and _RATE_ALONE.fullmatch(text.strip()):
                self.rate = self.rate or text.strip()
            elif text and not is_goals_word(text) and not is_bare_number(text) \
                    and not _NUMBER_AND_POINTS.fullmatch(text.strip()):
                values.append(text)
        return values

    def split(self, values: list[str]) -> tuple[list[str], list[str]]:
        """The goals among ``values`` and the completions (none when the block has no completion heading)."""
        if self.done_only:
            return [], values
        if not self.halves or len(values) < 2:
            return values, []
        if len(values) >= 4 and len(values) % 2 == 0 and all(
                _restates(goal, done) for goal, done in zip(values[::2], values[1::2])):
            return values[::2], values[1::2]
        restated = next((at for at in range(1, len(values)) if _restates(values[0], values[at]) or _INSTRUCTION.search(
            values[at])), None)
        half = restated if restated is not None else (len(values) + 1) // 2
        return values[:half], values[half:]


_PART_LABEL = re.compile(r"^\s*(?P<label>[^:：,，。;；]{2,12})[:：]\s*")


def expected_part(values: list[str]) -> tuple[list[str], list[str]]:
    """The goals among the lines of a goals cell that lists labelled parts, one of them the goals proper under the
    planned half's heading (the Anhui 申报明细表's 项目绩效目标(含项目概况、设立依据、必要性及预期目标): 项目概况:… |
    项目立项依据:… | 必要性:… | 预期目标:…): that part without its heading and the lines after it, then the lines before
    it (what the project is and why: no goal). Lines with no such heading are all goals."""
    lines = [line for value in values for line in value.split("\n") if line.strip()]
    at = next((index for index, line in enumerate(lines) if (found := _PART_LABEL.match(line))
               and goals_word(found["label"]) in ("expected", *_FIELDS)), None)
    if at is None:
        return values, []
    first = lines[at][_PART_LABEL.match(lines[at]).end():].strip()
    return [goal for goal in (first, *lines[at + 1:]) if goal], lines[:at]


# the rest of a form's title broken after its goals word (绩效目标 自评表 (2019年度)): no goal
_FORM_REST = re.compile(r"(?:自评|申报|批复|审批|审核|监控|设定)?表")


def spaced_goals(text: str) -> tuple[str, str] | None:
    """A goals label and its goals after a space in one cell or line (项目绩效目标(含项目概况、设立依据、必要性及预期目标)
    项目概况:用于…, the label's note keeping it from reading as run on with its value): the label and the rest; None
    for any other text (goals words spaced apart, 预期目标 实际完成情况, are labels each)."""
    words = text.split(maxsplit=1)
    # (a label broken at a space is one label: 年度主要目标 和成果)
    if len(words) < 2 or goals_word(words[0]) not in _FIELDS or goals_word(text) or header_label(text) \
            or _FORM_REST.match(words[1]) or all(goals_word(word) for word in words[1].split()):
        return None
    return words[0], words[1].strip()


# Every cell of a header block is asked whether it opens a goals block: the answers are memoised (a tuple, shared).
@lru_cache(maxsize=TEXT_MEMO)
def _label_cell(text: str) -> tuple[str, ...]:
    """A cell as the cells it stands for: goals words spaced apart on one line (``预期目标 目标实际完成情况``) are one
    label each, and a label or heading with the values printed on the lines below it in its own cell (目标实际完成情况,
    then 目标1:… one a line) is the label, then one value a line; any other cell is itself."""
    if spaced := spaced_goals(text):
        return spaced
    head, _, rest = text.partition("\n")
    words = head.split()
    if not words or not all(goals_word(word) for word in words) or len(words) == 1 and not rest.strip():
        return (text,)
    return (*words, *(line.strip() for line in rest.split("\n") if line.strip()))


def _restates(goal: str, done: str) -> bool:
    start = goal[:_OPENING]
    return len(start) == _OPENING and done.startswith(start)
