"""The label vocabulary of goal sheets (项目名称, 预算数, 一级指标 …): which cell text names which field or column."""

from __future__ import annotations

import re
import tomllib
from functools import cache, lru_cache
from importlib import resources

from jixiao.model.lexicon import TEXT_MEMO, fold, fold_all

__all__ = ["PAGE_NUMBER", "source_name", "header_label", "block_label", "header_labels", "goals_word", "column_label", "plan_column", "is_trailer", "total_words", "is_total_label", "split_label_value",
           "generic_tab", "labels", "canonical_label", "run_on_spellings", "names_a_unit"]

_COLON = re.compile(r"[:：]$")

# A page's number printed alone on its line (-2-, 第3页, 3/12): a PDF's page furniture, no cell of a table.
# a page's number as printed above or below its text: 2, - 2 -, 第2页, 2/3, 第2页/共3页, 第2页 共3页, 第2页，共3页
PAGE_NUMBER = re.compile(r"^[-—–\s]*(?:第\s*)?\d+\s*页?(?:\s*(?:/\s*共?|[,，]?\s*共)\s*\d+\s*页?)?[-—–\s]*$")


@cache
def labels() -> dict:
    """The label vocabulary from ``documents/data/labels.toml``."""
    text = resources.files("jixiao.documents").joinpath("data/labels.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


# what a tab's name holds besides its words: numbers, brackets and punctuation, and the year (2024年度)
_TAB_FILLER = re.compile(r"[\d〇零一二三四五六七八九十百\s\W_]+|年度|年")


def generic_tab(name: str) -> bool:
    """Whether a worksheet's tab name names no project (``Sheet1``, ``附表2``, ``2024年绩效目标表``, ``目录``): the
    words of ``[worksheet_tabs]`` in labels.toml, or nothing but numbers and punctuation."""
    words = _TAB_FILLER.sub("", fold(name).lower())
    return not words or words in _generic_tabs()


@cache
def _generic_tabs() -> frozenset[str]:
    return frozenset(fold(word).lower() for word in labels()["worksheet_tabs"]["generic"])


def _key(text: str) -> str:
    return _folded_key(fold(text))


def _folded_key(folded: str) -> str:
    # (a leading * is the form's mark of a required field: *年度总体绩效目标, *指标值; a ? is a space lost to the
    # page's encoding inside a spaced-out label: 绩??效??目??标)
    key = _COLON.sub("", folded.lstrip("*").replace("?", ""))
    return key[2:] if key.startswith("其中") else key.lstrip(":")


@cache
def _lookup(section: str) -> dict[str, str]:
    return {fold(spelling): field for field, spellings in labels()[section].items() for spelling in spellings}


_INSERTED = re.compile(r"(?<=.)[(（][^()（）]*[)）](?=.)")
# a prose field's label joined to more words of its own (资金用途及立项依据, 项目概况和主要内容): the whole is that
# field's label (an amount's is not: 预算数及执行数 heads two columns of figures)
_JOINED = re.compile(r"(?P<head>.+?)[及和与、](?P<tail>[^\d:]{2,6})")
_JOINER = re.compile(r"[及和与、]")
_JOINABLE = {"purpose", "goals", "long_term_goals"}
_NOTED = re.compile(r"(?P<head>[^()（）]{2,}?)[(（][^()（）]{1,12}[)）]")
_GOALS_NOTED = re.compile(r"(?P<head>[^()（）]{2,}?)[(（]含[^()（）]+[)）]")
_GOAL_FIELDS = {"goals", "long_term_goals"}
_AMOUNTS = {"total", "fiscal", "other", "source"}
# the fields whose label a bracketed note may follow: an amount's on which money it is, a unit's asking for its seal
# (项目单位(盖章), 申报单位名称(盖章))
_NOTABLE = _AMOUNTS | {"unit"}
_SUMMED = ("合计", "总计")
# (the year is named: 项目 alone before a label is a sentence's subject, 项目预算数300万元,…)
_WHOSE_YEAR = re.compile(r"^(?:项目)?(?:本|当)?(?:年度|年)")
_WHOSE_YEAR_STARTS = ("项目", "本", "当", "年")
_PERIODIC = {"total", "goals"}
_SUMS = {"total", "spent"}
# a source of the money listed as an item of the money block, the word saying it sums its own sub-rows after it and
# perhaps its outline number before it ((一)财政拨款小计, 二、其他资金小计); a 1、 item is a sub-row of such a source, and
# an outline number without the 小计 is the first line of a money table whose cells a copy split ((一)财政拨款 | 小计)
_SOURCE_ITEM = re.compile(r"(?:[(（][一二三四五六七八九十][)）]|[一二三四五六七八九十]、)?(?P<head>.+?)小计")
_SOURCES = {"fiscal", "other", "source"}


# Every cell of every table is asked whether it is a label, many times over: the answers are memoised.
@lru_cache(maxsize=TEXT_MEMO)
def header_label(text: str) -> str | None:
    """The sheet field a cell labels (``code``, ``total``, ``goals`` …), or None if it is not a label.

    Besides the vocabulary's spellings, a spelling with a word in brackets inside it (项目(专项)名称 for 项目名称)
    and a prose field's spelling joined by 及/和/与 to more words of the label (资金用途及立项依据) name the same
    field, and so does an amount's spelling with a note after it on which money it is (年度金额(提前下达)) and a unit's
    with the form's request for its seal (项目单位(盖章)), and an
    amount's or the goals' spelling after words on whose and which year's it is (项目年度资金总额, 本年度预算数), and a
    source's spelling listed as an item summing its sub-rows ((一)财政拨款小计): the whole cell is the label, none of it
    a value."""
    return _field(_key(text))


def block_label(text: str) -> str | None:
    """:func:`header_label`, and the labels a header block's row alone holds (``项目金额``: in a grid, an indicator's
    name)."""
    return header_label(text) or _lookup("header_block").get(_key(text))


def header_labels(texts: list[str]) -> list[str | None]:
    """:func:`header_label` of each of ``texts``, folded together (:func:`~jixiao.model.lexicon.fold_all`: the
    prefixes of a new cell searched for a label)."""
    return [_field(_folded_key(folded)) for folded in fold_all(texts)]


def _field(key: str) -> str | None:
    lookup = _lookup("header")
    # (the patterns are tried only on a key holding what they need: most keys asked are no label, and hold neither)
    bracketed = "(" in key or "（" in key
    field = lookup.get(key) or lookup.get(key.replace(":", "")) or (
        lookup.get(_INSERTED.sub("", key)) if bracketed else None)
    if field is None and _JOINER.search(key) and (joined := _JOINED.fullmatch(key)):
        field = lookup.get(joined["head"]) if lookup.get(joined["head"]) in _JOINABLE else None
    if field is None and key.endswith(_SUMMED) and lookup.get(key[:-2]) in _SUMS:
        # an amount's label over the sum of the sources after it (资金使用情况(万元)合计: 109.8万元 | 中央财政 | 84.5万元 …)
        field = lookup.get(key[:-2])
    if field is None and bracketed and (noted := _NOTED.fullmatch(key)):
        # an amount's label with a note after it on which money it is (年度金额(提前下达), 资金总额(含结转)), a unit's
        # with the form's request for its seal (项目单位(盖章))
        field = lookup.get(noted["head"]) if lookup.get(noted["head"]) in _NOTABLE else None
    if field is None and bracketed and (noted := _GOALS_NOTED.fullmatch(key)):
        # the goals' label with a note on what the cell holds, however long (项目绩效目标(含项目概况、设立依据、必要性及预期目标))
        field = lookup.get(noted["head"]) if lookup.get(noted["head"]) in _GOAL_FIELDS else None
    if field is None and key.endswith("小计") and (item := _SOURCE_ITEM.fullmatch(key)):
        field = lookup.get(item["head"]) if lookup.get(item["head"]) in _SOURCES else None
    if field is None and key.startswith(_WHOSE_YEAR_STARTS) and len(rest := _WHOSE_YEAR.sub("", key, 1)) >= 3:
        # a total's or the goals' label after the words of whose and which year it is (项目年度资金总额, 本年资金总额, 本年度预算数)
        field = lookup.get(rest) if lookup.get(rest) in _PERIODIC else None
    if field is None and "财政预算" in key and (rest := _WHOSE_BUDGET.sub("", key, 1)) != key:
        # an amount's label saying which government's budget it is, and that it was applied for (本年度申请市财政预算
        # 资金, 中期县级财政预算): the amount's label without those words
        field = _field(rest) if _field(rest) in _BUDGETS else None
    if field is None and bracketed and (head := _MONEY_NOTE.sub("", key)) != key:
        # an amount's label composed as above, with its money unit after it (本年度预算资金(万元))
        field = _field(head) if _field(head) in _BUDGETS else None
    return field


_PERIOD = re.compile(r"[(（][^()（）]*[)）]$")
# which government's budget an amount is (市财政预算), and that the unit applied for it (申请县级财政预算)
_WHOSE_BUDGET = re.compile(r"(?:申请)?(?:[省市县区乡镇]级?|本级)?财政(?=预算)")
_MONEY_NOTE = re.compile(r"[(（](?:万元|元|千元|亿元)[)）]$")
_BUDGETS = {"total", "period_total"}


@lru_cache(maxsize=TEXT_MEMO)
def goals_word(text: str) -> str | None:
    """What a cell is to a sheet's goals block: the field a goals label introduces (``goals``, ``long_term_goals``:
    年度总体目标, ``中期目标(2023年—2025年)``), or ``expected`` / ``actual`` for the heading of the block's planned or
    completed half (预期目标, 年初设定目标 / 实际完成情况, 年度目标完成情况); None for anything else."""
    key = _PERIOD.sub("", _key(text))
    field = _lookup("header").get(key)
    if field in ("goals", "long_term_goals"):
        return field
    return _lookup("goal_headings").get(key)


@lru_cache(maxsize=TEXT_MEMO)
def column_label(text: str) -> str | None:
    """The indicator-grid column a heading names (``level1``, ``target`` …), or None."""
    return _lookup("columns").get(_key(text))


def plan_column(text: str) -> str | None:
    """The column of a project plan table a heading names (``place``, ``money``, ``mechanism`` …), or None."""
    return _lookup("plan_columns").get(_key(text))


@cache
def total_words() -> frozenset[str]:
    """The labels of a row below a grid that claims the self-evaluation's total (合计, 总分, 自评总分 …), folded."""
    return frozenset(fold(word) for word in labels()["trailers"]["totals"])


# the full marks a total's label states in brackets (总分(100分), 合计（100分）): the label is the total's all the same
_FULL_MARKS = re.compile(r"\s*\(\d{1,3}(?:\.\d+)?分\)$")


def is_total_label(text: str) -> bool:
    """True for the label of a row below a grid that claims the total (总分, 合计:, 总分(100分))."""
    return _FULL_MARKS.sub("", fold(text).rstrip(":")) in total_words()


@cache
def _trailer_words() -> tuple[frozenset[str], tuple[str, ...]]:
    """The trailer words, and each followed by a colon: built once, since every new cell text is asked."""
    words = [*labels()["trailers"]["starts"], *labels()["trailers"]["totals"]]
    return frozenset(words), tuple(f"{word}:" for word in words)


@lru_cache(maxsize=TEXT_MEMO)
def is_trailer(text: str) -> bool:
    """True for the notes and signatures that follow an indicator grid: a trailer word alone or followed by a
    colon (``备注：…``, ``填报人``), not an indicator that merely begins with one (``说明会场次``)."""
    key = fold(text)
    words, with_colon = _trailer_words()
    return key in words or key.startswith(with_colon) or is_total_label(key)


@cache
def _unit_ending() -> re.Pattern[str]:
    # the longest ending first, so that a match names the whole word (委员会 before 委)
    endings = sorted(labels()["unit_names"]["endings"], key=len, reverse=True)
    return re.compile(f"(?:{'|'.join(map(re.escape, endings))})$")


def names_a_unit(text: str) -> bool:
    """True when ``text`` ends the way a budget unit's name does (…人民政府, …局, …中心): the words of
    ``[unit_names]`` in labels.toml."""
    return bool(_unit_ending().search(text))


@lru_cache(maxsize=TEXT_MEMO)  # (asked of a line several times as it is read: a label, a field, a goal)
def split_label_value(text: str) -> tuple[str, str] | None:
    """Split a cell that holds both a label and its value (``项目名称：XX``); None if it is not one. A header block's
    own labels (:func:`block_label`) label a value after their colon too (资金规模：12万元): an indicator's name holds no
    colon and value."""
    folded = fold(text)
    for separator in (":", "："):
        if separator in folded:
            label, _, value = text.replace("：", ":").partition(":")
            if block_label(label) and value.strip():
                return block_label(label), value.strip()  # type: ignore[return-value]
    return None


_OUTLINE = re.compile(r"^(?:[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+[、.．])")


def source_name(label: str) -> str:
    """The name a source of the money is kept by (:attr:`~jixiao.model.Budget.sources`): its label as printed,
    folded, without its colon and what a cell holds after it (政府性基金拨款:118.82), a leading 其中, its outline number
    (2、政府性基金) or a 小计 after it."""
    folded = fold(label).lstrip("*").replace("：", ":")
    folded = folded.removeprefix("其中").lstrip(":")
    key = _OUTLINE.sub("", _folded_key(folded.partition(":")[0]))
    return key.removesuffix("小计") or key


@cache
def canonical_label(section: str, field: str) -> str:
    """The canonical Chinese name of a header field or column (its first spelling, ``资金支出计划``)."""
    return re.sub(r"[(（][^)）]*[)）]$", "", labels()[section][field][0])


def run_on_spellings(words: list[str]) -> list[str]:
    """Of label spellings, those to look for inside text run together from a form's cells: a spelling that is 项目
    before the label of who is in charge (项目负责人, 项目主管部门) is left to that label, as a project's name may end
    in 项目 (湖北工程学院年学生资助项目主管部门湖北省教育厅)."""
    owners = tuple(word for field in ("department", "leader") for word in labels()["header"][field])
    return [word for word in words if not (word.startswith("项目") and word[2:].startswith(owners))]
