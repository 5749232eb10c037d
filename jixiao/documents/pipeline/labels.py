"""Step 2 of the reading pipeline: each token labelled once, with a score, from the vocabularies and the
shapes of values.

A label says what a token looks like on its own (a column heading, a header-field label, a level-1 or level-2
name, a target, an operator, a unit, a number, a date, a title, a trailer, page chrome, or unknown text); the
later steps decide from context. Matching is done on a key: NFKC (which also maps Kangxi and CJK radical code
points such as ``⽬`` to ``目``), Traditional characters converted to Simplified with OpenCC, pinyin glosses
(``項(xiàng)目``) and template residue (``(必填)``) removed, spaces and full-width forms folded. The token keeps
its text as written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache

from jixiao.documents.interpret.header_cells import is_checkpoint, parse_amount, parse_title
from jixiao.documents.limits import UNTIMED, Deadline
from jixiao.documents.pipeline.said import said_end, said_indicators, said_paths
from jixiao.documents.pipeline.tokens import Line, LineKind, Token
from jixiao.documents.vocabulary import column_label, header_label, is_trailer, labels, total_words
from jixiao.model import Framework, canonical_level1, canonical_level2, level2_parents
from jixiao.model.lexicon import TEXT_MEMO, as_written, fold, load, simplified
from jixiao.model.numerals import BARE_FIGURE
from jixiao.model.target_text import figure_slips_in_place, figure_slips_repaired
from jixiao.model.units import canonical_unit, unit_spellings
from jixiao.model.vocabulary import may_end_level_name, ndrc_level1, written_level2

__all__ = ["DATE", "Role", "Label", "label", "is_marked_figure", "level_label_in", "match_key", "column_unit", "unit_completes", "target_text", "simplified", "clean_name", "residue_target", "is_numbered", "is_placeholder", "is_bare_number", "is_operator",
           "OPERATOR_WORDS", "looks_like_target", "is_value", "split_name_target", "split_name_trend", "split_trend_object", "split_qualitative",
           "split_description", "split_rows_run_together", "split_name_row", "split_name_measure", "split_points_row", "is_qualitative", "column_kind", "heading_pieces", "heading_spellings", "is_chrome", "split_run_together", "segment", "unwrap",
           "wrapped_run_together", "split_lines", "reports_paths", "join_wrapped", "join_row_tails", "join_page_parts",
           "names_a_legacy_level2", "split_level_prefix"]


class Role(StrEnum):
    """What a token looks like."""

    EMPTY = "empty"
    HEADING = "heading"  # a column heading of the indicator grid (kind: level1 … remark)
    FIELD = "field"  # a header-field label (kind: code, name, total …)
    LEVEL1 = "level1"
    LEVEL2 = "level2"
    TARGET = "target"  # an operator with a number (``≥18个``)
    OPERATOR = "operator"  # an operator alone (``≥``, ``定性``)
    UNIT = "unit"
    NUMBER = "number"
    DATE = "date"
    TITLE = "title"
    TRAILER = "trailer"
    CHROME = "chrome"
    TEXT = "text"


@dataclass(frozen=True, slots=True)
class Label:
    """A token's label: its role, the column kind or field it names, and how sure the match is (0–1)."""

    role: Role
    kind: str | None = None
    score: float = 1.0


_RESIDUE = re.compile(r"[(（]\s*(?:必填|选填|必填硬性指标|\d+字以内|[≥≤=<>]?\*+[^)）]*|[≥≤=<>≧≦]\s*[^\d()（）]{1,5})[)）]")
# the template's placeholder target at the end of a name, its operator and unit left in place (``(≥**平方米)``,
# ``(≥台)``): what a bare number in the target cell is compared with
_RESIDUE_TARGET = re.compile(r"[(（]\s*([≥≤=<>≧≦])\s*\**\s*([^\d()（）*\s]{1,5})\s*[)）]\s*$")
# the template's placeholder target left at the end of a name without brackets (``受益人口数≥**人``)
_BARE_RESIDUE = re.compile(r"[≥≤=<>≧≦]?\*{2,}[^\d\s,，;；。()（）]{0,6}$")
# a row's number in a form that numbers its rows under their goals (``1-1``, ``1-2``; not a range: no unit follows)
_ROW_NUMBER = re.compile(r"\d{1,2}[-－]\d{1,2}")
_PLACEHOLDER = re.compile(r"[…⋯.。·/\\\s]+")
# the template's numbering of its indicator rows (``指标1:``, ``指标2``, ``指标1工程完工率``)
# the template's numbering of its rows: 指标1:, or 任务1: where a 部门整体 form's 分解目标 column numbers the tasks
_NUMBER_MARK = r"(?:指标\s*\d{1,2}(?:\s*[:：.．、]|(?![\d.．%]))|任务\s*\d{1,2}\s*[:：])"
# (a parent row numbered by the outline's Chinese numerals, its parts by 1、 2、: 一、示范区建立 over 1、施用配方肥; a
# notice's list under its level headings numbered ① ②)
_NAME_PREFIX = re.compile(r"^(?:" + _NUMBER_MARK + r"|\d+[.．、](?!\d)|[(（]\d+[)）]|[一二三四五六七八九十]{1,3}、"
                          r"|[(（][一二三四五六七八九十]{1,3}[)）]|[\u2460-\u2473\u2776-\u277f]|★+|☆+)\s*")
# (a year of this or the last century and a month: 1290.3平方米 is an area)
_DATE = re.compile(r"^(?:19|20)\d{2}[-年./](?:1[0-2]|0?[1-9])(?!\d)(?:[-月./]\d{1,2}日?)?(?:\s*\d{1,2}:\d{2})?")
_NUMBER = re.compile(r"^[-+]?\d+(?:,\d{3})*(?:\.\d+)?%?$")
_TARGET = re.compile(r"^(?:[≥≤><=]+|不低于|不少于|不高于|不超过|不小于|不大于|大于等于|小于等于|大于|小于|低于|高于|%?=|二(?=\d))"
                     r"\s*[-+]?\d")
# an operator written as a word after the number and its unit (``1000人次以上``, ``5天以内``)
_SUFFIX_TARGET = re.compile(r"^\d[\d,]*(?:\.\d+)?[^\d\s]{0,4}?(?:及以上|或以上|以上|及以内|以内|及以下|以下)$")
OPERATOR_WORDS = {"≥", "≤", "=", ">", "<", ">=", "<=", "定性", "定量", "定性指标", "定量指标", "正向", "反向", "大于等于", "小于等于", "等于",
                  "大于", "小于", "≥=", "≤="}
_CHROME_WORDS = ("分享到", "打印本页", "关闭窗口", "索引号", "发布时间", "发布日期", "信息来源", "浏览量", "浏览次数",
                 "字体:", "字号:", "【打印】", "【关闭】", "访问量", "作者:", "来源:", "扫一扫", "首页>", "当前位置",
                 "上一篇", "下一篇", "附件下载", "文件下载",
                 # a government site's footer (内容保障 | 公务邮箱, 鲁ICP备…, 政府网站标识码)
                 "内容保障", "公务邮箱", "ICP备", "公网安备", "网站标识码", "主办单位", "承办单位", "文章来源", "点击数", "责任编辑",
                 # a government site's top menu (• 设为首页| • 加入收藏| • 长辈版| • 无障碍浏览|)
                 "设为首页", "加入收藏", "长辈版", "无障碍浏览")
# an item of a site's menu: a bullet, a few characters and the bar that separates it from the next (• 关怀模式|); its
# bar says nothing of how the document's table separates its cells
_MENU_ITEM = re.compile(r"[•·●▪]\S{1,8}\|")
# a printed page's number, on a line of its own (第 1 页 共 3 页, 共3页 第1页, 第1页/共3页)
_PAGE_OF = re.compile(r"第\d+页[,，/]?共\d+页|共\d+页[,，/]?第\d+页")


@lru_cache(maxsize=TEXT_MEMO)
def match_key(text: str) -> str:
    """The key a token is matched on: simplified, residue and the required-field mark (``*指标值``) removed,
    folded, OCR's certain slips inside its figures undone (``≥l00%`` is a target)."""
    return figure_slips_repaired(fold(_RESIDUE.sub("", simplified(text))).lstrip("*"))


def column_unit(text: str) -> str | None:
    """The unit a 度量单位/计量单位 cell names, understood like any cell (萬元 is 万元), or None."""
    return canonical_unit(match_key(text))


_ENDS_IN_NUMBER = re.compile(r"\d\s*$")


def unit_completes(value: str, unit: str) -> bool:
    """True when a row's unit column cell completes its 指标值 cell (95 | % is 95%): the value is a bare figure
    (or empty) and the unit cell no figure itself. A value that names its own unit (28.8万元) or is qualitative
    (应保尽保), or a figure in the unit cell (a date serial repeated there), leaves the two side by side."""
    value = "" if is_placeholder(value) else value
    return bool(unit) and not (value and not _ENDS_IN_NUMBER.search(value) or label(unit).role is Role.NUMBER)


def target_text(value: str, operator: str = "", unit: str = "") -> str:
    """The text a row's target is read from: its 指标值 cell with the operator column's cell before it (≥ | 95 is
    ≥95) and the unit column's after it when that completes it (:func:`unit_completes`). A placeholder value
    (``**``) is no value; a value that states its own comparison (≥95%) is read as it states it; 定量 / 定性 (or
    定量指标) says what kind of target follows, it compares nothing."""
    value = "" if is_placeholder(value) else value
    compares = operator.strip().removesuffix("指标") not in ("定性", "定量") and not looks_like_target(value)
    return f"{operator if compares else ''}{value}{unit if unit_completes(value, unit) else ''}"


@lru_cache(maxsize=TEXT_MEMO)
def clean_name(text: str) -> str:
    """An indicator name without the template's numbering or residue (``指标1:`` ``(必填)`` ``★``) or an OCR speck
    read as a full stop between two characters (``重.要``); empty
    when only a placeholder remains (``指标2:……``, ``指标1:/``) or only numbering (``指标1:指标2:``, the template's
    empty rows run together into one cell)."""
    name = _NAME_PREFIX.sub("", simplified(text).strip())
    while (numbered := _NUMBERING.match(name)) is not None:
        name = name[numbered.end():]  # empty rows run together (指标1:指标2:): the numbering of each, no name
    name = _RESIDUE.sub("", name).strip()
    name = _OCR_DOT.sub("", _BARE_RESIDUE.sub("", name).strip())
    return "" if is_placeholder(name) else as_written(text, name)


# a full stop between two Chinese characters of a name (重.要设备): a speck OCR read, never a Chinese sentence's end
_OCR_DOT = re.compile(r"(?<=[\u4e00-\u9fff])[.．](?=[\u4e00-\u9fff])")


def residue_target(text: str) -> tuple[str, str] | None:
    """The operator and unit of the template's placeholder target left at the end of a name (``公猪舍(≥**平方米)``
    → ``≥``, ``平方米``), or None when the name ends in no such residue or its unit is not a unit."""
    found = _RESIDUE_TARGET.search(simplified(text))
    if found is None or canonical_unit(found.group(2)) is None:
        return None
    return found.group(1).replace("≧", "≥").replace("≦", "≤"), found.group(2)


def is_numbered(text: str) -> bool:
    """True for a cell that opens with the template's numbering of its indicator rows (``指标2:``, ``指标1工程完工率``,
    a bare ``指标2``): each such cell begins a row."""
    return bool(re.match(r"\s*" + _NUMBER_MARK, simplified(text)))  # (指標2: alike)


def is_row_number(text: str) -> bool:
    """True for a cell holding only the number a form prints before a row (``1-1``, ``2-3``): a row's own cell
    in a stream, yet no column's content."""
    return bool(_ROW_NUMBER.fullmatch(text.strip()))


def is_placeholder(text: str) -> bool:
    """True for a cell the template's author left holding only a placeholder (``……``, ``...``, ``/ / /``)."""
    return bool(_PLACEHOLDER.fullmatch(text.strip())) and bool(text.strip())


def is_bare_number(text: str) -> bool:
    """True for a cell holding only an unsigned number, spaces around it aside (``10``, `` 2.5 ``): a 分值 or 得分
    cell, or a figure standing alone. Narrower than a :attr:`Role.NUMBER` label, which also takes a sign, thousands
    separators and a trailing % (``-5``, ``1,000``, ``90%``), and read on the text as written (no folding)."""
    return BARE_FIGURE.fullmatch(text.strip()) is not None


def is_operator(text: str) -> bool:
    """True for an operator standing alone in its own column (``≥``, ``＝``, ``定性``)."""
    return fold(text) in OPERATOR_WORDS


def looks_like_target(text: str) -> bool:
    """True when ``text`` opens with an operator and a number (``≥18个``, ``不低于95%``)."""
    key = match_key(text)
    return bool(_TARGET.match(key) or _SUFFIX_TARGET.match(key))


# (各 before the figure shares it out: 年度、半年趋势报告次数 | 各 1 次 is one report each)
_MEASURE = re.compile(r"^(?:各\s*)?[-+]?\d[\d,]*(?:\.\d+)?\s*(?P<unit>[^\d\s]{1,4})$")


@lru_cache(maxsize=TEXT_MEMO)  # (asked of every cell by prose, alignment and the row joins)
def is_value(text: str) -> bool:
    """True for a cell that holds a figure: a number, a target, or a number with its unit (``0起``, ``12个``)."""
    role = label(text).role
    if role in (Role.NUMBER, Role.TARGET):
        return True
    measure = _MEASURE.match(match_key(text)) if role is Role.TEXT else None
    return measure is not None and canonical_unit(measure.group("unit")) is not None


# a name with its target run together at its end (``免疫规划知识培训次数2次以上``, ``资金使用效率=100%``)
_FUSED_TARGET = re.compile(
    r"(?:(?:%?[≥≤><=═]+|不低于|不少于|不高于|不超过|二(?=\d))\s*\d[\d,]*(?:\.\d+)?(?P<unit>[^\d\s]{0,4})"
    r"|(?<![\d.\-])\d[\d,]*(?:\.\d+)?(?P<before>[^\d\s]{0,4}?)(?:及以上|或以上|以上|及以内|以内|及以下|以下)"
    r"|(?<![\d.\-])\d+(?:\.\d+)?%)$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# a calendar date to the month, perhaps the day (2022年12月, 2022年12月31日): a deadline, or a sentence's words
DATE = r"(?:19|20)\d\d年(?:1[0-2]|0?[1-9])月(?:[0-3]?\d日)?"
_SHORTEST_NAME = 4
_TARGET_IN_NAME = re.compile(r"[≥≤><=]\s*\d|\d\s*(?:%|[^\d\s]{0,3}(?:以上|以内|以下))")


def split_name_target(text: str) -> tuple[str, str] | None:
    """The name and the target of a cell that holds both run together, or None.

    Only a target a name does not end with is split off: an operator and a number, a number with an operator
    word after it (each with nothing or a unit after the number), or a percentage; the name keeps a Chinese
    character, is not a vocabulary word and does not end in a digit."""
    key = unicodedata_nfkc(text.strip())
    match = _FUSED_TARGET.search(key)
    if match is None or match.start() == 0 or key[match.start() - 1].isspace():
        return None  # nothing before the target, or a separator: not run together
    unit = match.group("unit") if match.group("unit") is not None else match.group("before")
    if unit and unit != "%" and canonical_unit(unit) is None:
        return None
    written = text.strip() if len(text.strip()) == len(key) else key  # the pieces as written where NFKC kept length
    start = match.start()
    word = _operator_word_ending().search(key[:start])
    if word is not None and word.start() > 0:
        start = word.start()  # an operator in words belongs to the target (资金支出率 | 达到目标值95%)
    name = written[:start].rstrip(" :：,，")
    if not _CJK.search(name) or name[-1].isdigit() or label(name).role is not Role.TEXT or _TARGET_IN_NAME.search(name):
        return None  # the name holds another target: several rows run together, for :func:`segment`
    if _trend_ending().fullmatch(fold(name)):
        return None  # a direction word alone is no name: the cell is a target said with its direction (提升10%)
    return name, written[start:]


@cache
def _operator_words() -> tuple[str, ...]:
    """The vocabulary's operator words of two characters or more (达到, 不低于, 达到目标值), longest first."""
    return tuple(sorted({fold(word) for words in load("targets")["prefix_operators"].values() for word in words
                         if len(word) >= 2 and not word.isascii()}, key=len, reverse=True))


@cache
def _operator_word_ending() -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(map(re.escape, _operator_words())) + ")$")


@cache
def _trend_ending() -> re.Pattern[str]:
    """A qualitative target of direction (提升, 稳步提高, 明显减少) ending a text: the 提升 and 降低 tiers of the
    vocabulary, each verb after any of the vocabulary's adverbs."""
    tiers = load("targets")["qualitative"]
    words = {fold(word) for tier in ("提升", "降低") for word in tiers[tier]}
    verbs = sorted({word for word in words if len(word) == 2}, key=len, reverse=True)
    adverbs = sorted({word[:-2] for word in words if len(word) > 2 and word[-2:] in verbs}, key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, adverbs)) + ")?(?:" + "|".join(map(re.escape, verbs)) + ")$")


def split_name_trend(text: str) -> tuple[str, str] | None:
    """The name and the qualitative target of a cell that ends with a direction word run onto the name
    (``生态修复功能提高``, ``…均衡发展情况稳步提高``), or None; the name keeps four characters at least."""
    key = text.strip()
    found = _trend_ending().search(key)
    if found is None or found.start() < _SHORTEST_NAME or not _CJK.search(key[:found.start()]):
        return None
    return key[:found.start()].rstrip(" ,，、"), key[found.start():]


# the last character of what a measured quantity's name ends with (增加值, 提高比例, 增加幅度): the name's own words
_MEASURE_ENDINGS = "率值数量额度比例"
_OBJECT_LENGTH = 2


def split_trend_object(text: str) -> tuple[str, str] | None:
    """The name and the qualitative target of a cell whose target is a direction word and what it raises, run onto
    the name (``为当地提供就业岗位增加岗位``: target 增加岗位), or None: the object is two characters naming a thing,
    not a measure (增加值, 提高比例 end a name), and the name keeps four characters at least."""
    key = text.strip()
    head, thing = key[:-_OBJECT_LENGTH], key[-_OBJECT_LENGTH:]
    found = _trend_ending().search(head)
    if found is None or found.start() < _SHORTEST_NAME or not _CJK.search(key[:found.start()]) or len(
            _CJK.findall(thing)) < _OBJECT_LENGTH or thing[-1] in _MEASURE_ENDINGS:
        return None
    return key[:found.start()].rstrip(" ,，、"), key[found.start():]


@cache
def _qualitative_targets() -> frozenset[str]:
    return frozenset(fold(word) for tier in load("targets")["qualitative"].values() for word in tier)


@cache
def _qualitative_words() -> tuple[str, ...]:
    return tuple(sorted((word for word in _qualitative_targets() if len(word) >= 2), key=len, reverse=True))


def is_qualitative(text: str) -> bool:
    """True for a cell holding only a word of the qualitative vocabulary (``好``, ``较好``, ``达到预期``)."""
    return fold(text.strip()) in _qualitative_targets()


def split_qualitative(text: str) -> tuple[str, str] | None:
    """The name and the qualitative target of a cell that holds both run together (``提升博物馆绿化水平提升``,
    ``文物保护名录和数据库基本健全``), or None: the cell ends with a word of the qualitative vocabulary (two
    characters or more, the longest that fits) after a name of four characters or more. Whether the cell is
    such a row is the caller's to judge (a name may end with such a word)."""
    stripped = text.strip()
    for word in _qualitative_words():
        name = stripped[:-len(word)].rstrip(" ,，:：")
        if stripped.endswith(word) and len(name) >= _SHORTEST_NAME and _CJK.search(name):
            return name, word
    return None


# words that open a 指标解释 (``反映办公大楼全年维修维护情况``, ``该指标主要考察…``)
_DESCRIPTION_OPENERS = re.compile(r"反映|该指标")


def opens_explanation(text: str) -> bool:
    """True for a cell that opens as a 指标解释 does (``反映…``, ``该指标…``)."""
    return _DESCRIPTION_OPENERS.match(text.strip()) is not None


_SHORTEST_RESTATED = 4  # characters of a name restated as its explanation (not 好好, 常常)


def split_description(text: str, described: bool = False) -> tuple[str, str] | None:
    """The name and the explanation of a cell that holds both run together (``维修维护次数反映全年维修维护情况``),
    or None: the explanation opens with 反映 or 该指标 after a name of two characters or more, or repeats the name
    word for word (a form whose 指标解释 only restates the name: ``涉及国家数量涉及国家数量``). Under a table with
    a column of explanations (``described``), a name ends with the unit it notes in brackets too, words after it
    the explanation (``救助对象对救助工作满意度(%)问卷调查中,满意和较满意的…比率``)."""
    half = len(text) // 2
    if half >= _SHORTEST_RESTATED and text[:half] == text[half:]:
        return text[:half], text[half:]
    found = _DESCRIPTION_OPENERS.search(text, 2)
    if found is None:
        noted = next((unit for unit in _NOTED_UNIT.finditer(text, 2) if canonical_unit(unit.group(1))), None) \
            if described else None
        if noted is None or len(_CJK.findall(text[noted.end():])) < _SHORTEST_EXPLANATION:
            return None
        return text[:noted.end()].strip(), text[noted.end():].strip()
    return text[:found.start()].strip(), text[found.start():].strip()


# the words an explanation closes with (反映资金下达及时情况): what follows them in the same cell is no explanation
_EXPLANATION_ENDS = ("情况", "程度", "水平", "效果", "成效")


def split_explained_target(text: str) -> tuple[str, str] | None:
    """The name with its explanation, and the qualitative target run onto the explanation's end
    (``资金下达及时性反映资金下达及时情况及时``: ``资金下达及时性反映资金下达及时情况`` | ``及时``), or None: the
    explanation opens with 反映 or 该指标 and closes with the words an explanation closes with (情况, 程度, 水平 …)
    right before a word of the qualitative vocabulary, which cannot be the explanation's own last word then."""
    parts = split_description(text.strip())
    if parts is None or not opens_explanation(parts[1]):
        return None
    found = split_qualitative(parts[1])
    if found is None or not found[0].endswith(_EXPLANATION_ENDS):
        return None
    return parts[0] + found[0], found[1]


_NOTED_UNIT = re.compile(r"[(（]\s*([^()（）]{1,4}?)\s*[)）]")  # a unit noted after a name: (%), (万元), （个）
_SHORTEST_EXPLANATION = 4  # characters of words after a noted unit that explain the name


@lru_cache(maxsize=TEXT_MEMO)
def column_kind(text: str) -> str | None:
    """The grid column a heading names, matched on the key (Traditional or glossed headings too)."""
    key = match_key(text)
    if not key:
        return None
    return column_label(key) or column_label(re.sub(r"[(（][^)）]*[)）]$", "", key)) or _variant_kind(key) or (
        _scrambled_headings().get("".join(sorted(key))) if len(key) >= _SHORTEST_ANAGRAM else None)


_SHORTEST_ANAGRAM = 4  # characters of a heading whose order OCR may scramble and still be known by its characters


@cache
def _scrambled_headings() -> dict[str, str]:
    """The headings of four characters or more by their characters in sorted order, where those characters make
    one column's headings only: OCR reads a heading wrapped in a narrow cell column by column (参考 / 分值 as
    考值参分), and the characters still say which heading it is."""
    kinds: dict[str, set[str]] = {}
    for kind, spellings in labels()["columns"].items():
        for spelling in spellings:
            key = fold(spelling)
            if len(key) >= _SHORTEST_ANAGRAM:
                kinds.setdefault("".join(sorted(key)), set()).add(kind)
    return {key: next(iter(found)) for key, found in kinds.items() if len(found) == 1}


# a heading's period word before it (全年完成值, 1-7月执行情况) and its conjunction (未完成原因和改进措施) vary by form
# (年末实际完成值, 截至年底完成值: what was done by the year's end)
_PERIOD_WORD = re.compile(r"^(?:全年|年度|本年|当年|年终|年末|年底|截[至止]年[底末]|1[-—~－至]\d{1,2}月|截[至止]\d{1,2}月(?:底|末)?"
                          r"|上半年|半年度?)")
_CONJUNCTION = re.compile(r"[和与]")
# (扣分原因, 未达标原因, 偏差说明: why a row fell short, whatever the form calls it)
_DEVIATION_OPENERS = ("偏差原因", "未完成原因", "偏差及原因", "偏差说明", "未达标原因", "未达到原因", "扣分原因", "扣分理由",
                      "扣分说明", "差异原因")
_LONGEST_DEVIATION = 20


# the points and the achieved columns as forms beyond the vocabulary's spellings word them: who gave the points
# before 得分/评分 and the figure's word after it (考核得分, 单位自评得分, 评分结果, 得分值), the full marks a row may
# earn (满分, 配分, 满分值), and 实际 with what was done and the figure's word (实际完成数, 实际执行情况, 实际达到值);
# never a rate (得分率, 实际完成率) nor an amount of money (执行数 heads the money table's column)
_WORDED_COLUMNS = (
    (re.compile(r"(?:单位|部门)?(?:单项|指标)?(?:自评|考核|评价)?(?:得分|评分|打分)(?:值|结果|情况)?"), "score"),
    (re.compile(r"(?:满分|配分|满分值|配分值|指标满分)"), "weight"),
    (re.compile(r"(?:自评)?实际(?:完成|执行|达到|达成|实现)(?:值|数|数值|情况|结果)"), "actual"),
    # a monitoring form's projection for the year (预计年底完成值, 全年预计实现值) and whether the goal will be met
    # (能否完成目标, 完成目标的可能性, 是否能完成年度目标)
    (re.compile(r"(?:全年|年底|年末)?预计(?:全年|年底|年末)?(?:完成|实现|达到|达成)(?:值|数|数值|情况)?"), "expected"),
    (re.compile(r"(?:全年|年度)?(?:完成(?:年度)?目标的?可能性|(?:预计)?(?:能否|是否能够?)完成(?:年度)?(?:绩效)?目标)"),
     "likelihood"),
)


def _variant_kind(key: str) -> str | None:
    bare = _PERIOD_WORD.sub("", key)
    found = (column_label(bare) if bare != key and len(bare) >= 3 else None) or (
        column_label(_CONJUNCTION.sub("及", key)) if _CONJUNCTION.search(key) else None) or next(
        (kind for pattern, kind in _WORDED_COLUMNS if pattern.fullmatch(bare)), None)
    if found is None and key.startswith(_DEVIATION_OPENERS) and len(key) <= _LONGEST_DEVIATION:
        return "deviation"  # 未完成原因及拟采取的改进措施: the reasons, whatever remedy the form asks for after them
    return found


@cache
def heading_spellings() -> tuple[str, ...]:
    """Every heading spelling, longest first (to split headings that run together)."""
    return tuple(sorted({fold(s) for spellings in labels()["columns"].values() for s in spellings}, key=len, reverse=True))


@lru_cache(maxsize=TEXT_MEMO)
def heading_pieces(text: str) -> tuple[str, ...] | None:
    """``text`` cut into heading spellings, longest first from its start (``分值得分偏差原因分析``: 分值 | 得分 |
    偏差原因分析), a heading's bracketed gloss left out (``完成目标可能性(确定能、有可能、不可能)``, ``指标值(A)``);
    None when some of it is no heading."""
    line = match_key(text)
    headings: list[str] = []
    position = 0
    spellings = heading_spellings()
    while position < len(line):
        gloss = _HEADING_GLOSS.match(line, position) if headings else None
        if gloss is not None:
            position = gloss.end()
            continue
        found = next((s for s in spellings if line.startswith(s, position)), None)
        if found is None:
            return None
        headings.append(found)
        position += len(found)
    return tuple(headings) or None


_HEADING_GLOSS = re.compile(r"[(（][^()（）]{1,12}[)）]")  # what a heading's brackets say of it: (A), (确定能、…)


@lru_cache(maxsize=TEXT_MEMO)
def is_chrome(text: str) -> bool:
    """Web page furniture around a document (share buttons, 索引号, 发布时间 …)."""
    key = fold(text)
    # (map over the bound method: the words are tried in C, this is asked of every new cell text)
    return (any(map(key.__contains__, _CHROME_WORDS)) or key.startswith(("#source:", "#kind:"))
            or _PAGE_OF.fullmatch(key) is not None or _MENU_ITEM.fullmatch(key) is not None)


@lru_cache(maxsize=TEXT_MEMO)
def label(text: str) -> Label:
    """Label one token's text."""
    stripped = text.strip()
    if not stripped:
        return Label(Role.EMPTY)
    key = match_key(stripped)
    if not key:
        return Label(Role.EMPTY)
    named = _name_label(stripped, key)
    if named is not None:
        return named
    field = header_label(key)
    if field:
        return Label(Role.FIELD, field)
    if is_operator(stripped):
        return Label(Role.OPERATOR, fold(stripped))
    if looks_like_target(stripped):
        return Label(Role.TARGET, score=0.9)
    if _NUMBER.match(key):
        return Label(Role.NUMBER)
    if parse_title(stripped):
        return Label(Role.TITLE)
    if is_trailer(key):
        return Label(Role.TRAILER)
    if is_chrome(stripped):
        return Label(Role.CHROME)
    if _DATE.match(key) or is_checkpoint(key):
        return Label(Role.DATE)
    if canonical_unit(key) and len(key) <= 6:
        return Label(Role.UNIT, canonical_unit(key))
    if parse_amount(key) is not None:
        return Label(Role.NUMBER, score=0.8)
    return Label(Role.TEXT, score=0.5)


def _name_label(stripped: str, key: str) -> Label | None:
    """The label of a column heading or a level name (the roles :func:`label` tries first), or None."""
    kind = column_kind(stripped)
    if kind:
        return Label(Role.HEADING, kind, 1.0 if column_label(fold(stripped)) else 0.9)
    if canonical_level1(key):
        return Label(Role.LEVEL1, canonical_level1(key))
    if canonical_level2(key):
        return Label(Role.LEVEL2, canonical_level2(key))
    legacy = _LEGACY_NUMBERING.sub("", key)
    if legacy in _LEGACY_LEVEL1[:4]:
        return Label(Role.LEVEL1, legacy, 0.9)  # the pre-2018 framework's level names, kept as written
    if _LEGACY_LEVEL2.fullmatch(legacy) or written_level2(legacy):
        return Label(Role.LEVEL2, legacy, 0.9)
    if ndrc_level1(legacy):
        return Label(Role.LEVEL1, legacy, 0.9)  # the NDRC form's 实施效果指标, kept as written
    return None


@lru_cache(maxsize=TEXT_MEMO)
def _is_name(text: str) -> bool:
    """Whether ``text`` is a column heading or a level name (:func:`label`'s role for it is one of ``_NAMES``),
    without trying the roles after those: asked of texts made by joining two cells, most of them never read."""
    stripped = text.strip()
    key = match_key(stripped) if stripped else ""
    return bool(key) and _name_label(stripped, key) is not None


_TARGET_INSIDE = re.compile(r"(?:[≥≤≧≦><=＞＜＝═]+|不低于|不少于|不高于|不超过)\s*\d+(?:[.．]\d+)?")
_LONGEST_LEVEL = 16  # 社会公众或服务对象满意度指标


def _longest_prefix(text: str, canonical) -> str:
    # (only where a name's spelling can end: folding every prefix of every line was the costliest step of reading
    # real documents)
    for length in range(min(_LONGEST_LEVEL, len(text)), 1, -1):
        if may_end_level_name(text[length - 1]) and canonical(text[:length]):
            return text[:length]
    return ""


def split_level_prefix(text: str) -> tuple[str, str, str]:
    """The longest level-1 name ``text`` starts with, the longest level-2 name after it, and the rest
    (``数量指标建设普通省道…`` → ``""``, ``数量指标``, ``建设普通省道…``); a level written in Traditional characters is found
    on the text's Simplified form (:func:`simplified`), which the caller passes."""
    level1 = _longest_prefix(text, canonical_level1)
    level2 = _longest_prefix(text[len(level1):], canonical_level2)
    rest = text[len(level1) + len(level2):]
    if level1 and names_a_legacy_level2(level1) and (
            not level2 or canonical_level2(match_key(level2)) == canonical_level2(match_key(level1))):
        # 成本指标 with no level-2 name after it is the level-2 name (under 产出指标); the same level's word after it
        # opens the indicator's name (成本指标 | 成本控制率)
        level1, level2, rest = "", level1, text[len(level1):]
    return level1, level2, rest


def names_a_legacy_level2(text: str) -> bool:
    """True for a level-1 name that the older framework uses as a level-2 name under another level 1
    (成本指标 under 产出指标), not for one that is its own level 2's parent (满意度指标)."""
    key = match_key(text)
    level2 = canonical_level2(key)
    return level2 is not None and level2_parents(Framework.LEGACY).get(level2) not in (None, canonical_level1(key))


@lru_cache(maxsize=TEXT_MEMO)
def split_run_together(text: str) -> tuple[tuple[str, str], ...] | None:
    """Split a row whose cells run together (``产出指标数量指标村人居环境整治个数≥18个计划标准``) by the same
    labels: the longest level-1 name it starts with, the longest level-2 name, the name up to an operator and
    a number, the target with its unit, and what follows. None when the text is not such a row."""
    line = simplified(text.strip())
    repaired = figure_slips_in_place(line)
    level1, level2, rest = split_level_prefix(repaired)
    if not (level1 or level2):
        return None
    return _slips_as_written(text, line, repaired, _split_row(text, level1, level2, rest))


@lru_cache(maxsize=TEXT_MEMO)
def split_name_row(text: str) -> tuple[tuple[str, str], ...] | None:
    """A row run together that opens with its name, its level names left to the rows above (``家长满意度≧95%100%1010``):
    the name up to an operator and a number, the target with its unit, and what follows, as :func:`split_run_together`
    splits them, or a target with no operator that later cells' words follow (:func:`_target_before_words`); None
    when no such target stands after a name."""
    written = simplified(text.strip())
    line = figure_slips_in_place(written)
    match = _TARGET_INSIDE.search(line)
    if match is None:
        if label(line).role is Role.TEXT:
            # a target with no operator that an actual in its shape follows at once (完成套数1785套1806套55)
            settled = _target_before_actual(text, "", "", line) or _value_twice(text, "", "", line)
            if settled is not None:
                return _slips_as_written(text, written, line, settled)
        return _slips_as_written(text, written, line, _target_before_words(text, "", "", line))
    if match.start() == 0 or not _CJK.search(line[:match.start()]) or label(line[:match.start()]).role is not Role.TEXT:
        return None
    return _slips_as_written(text, written, line, _split_row(text, "", "", line))


def split_name_measure(text: str) -> tuple[tuple[str, str], ...] | None:
    """A row run together that opens with its name and ends with its target, a figure with its unit and no operator
    (``清扫保洁道路条数485条``): the name and the target, or None (:func:`_measure_ending`). Only under a row run
    together likewise: alone, such a line may be a name cell that ends with a quantity."""
    return _measure_ending(text, "", "", simplified(text.strip()))


def _slips_as_written(text: str, line: str, repaired: str, parts: tuple[tuple[str, str], ...] | None) -> \
        tuple[tuple[str, str], ...] | None:
    """``parts`` cut from ``repaired`` (the row's Simplified ``line`` with OCR's slips inside its figures undone in
    place, :func:`figure_slips_in_place`, so that a slipped figure, 2〇个 or 7I.86, cuts the row as its figure does)
    given back as ``text`` writes them: the target's reading then undoes the slips and says so."""
    if parts is None or repaired == line:
        return parts
    out, at = [], 0
    for kind, piece in parts:
        simple = simplified(piece)
        found = repaired.find(simple, at)
        if found < 0:
            out.append((kind, piece))
            continue
        at = found + len(simple)
        out.append((kind, as_written(text, line[found:at])))
    return tuple(out)


def _split_row(text: str, level1: str, level2: str, rest: str) -> tuple[tuple[str, str], ...] | None:
    match = _TARGET_INSIDE.search(rest)
    if match is None or match.start() == 0:
        # a target without operator that ends the line (…合格率100%), or a direction word (…情况稳步提高)
        fused = split_name_target(rest) or split_name_trend(rest) or split_explained_target(rest)
        if fused is None:
            return (_target_before_actual(text, level1, level2, rest) or _value_twice(text, level1, level2, rest)
                    or _target_before_words(text, level1, level2, rest) or _measure_ending(text, level1, level2, rest))
        return tuple((kind, as_written(text, part.strip())) for kind, part in (
            ("level1", level1), ("level2", level2), ("name", fused[0]), ("target", fused[1])) if part.strip())
    end = match.end()
    unit = _unit_at(rest, end)  # (with what it is per: ≤620万/月, =1元/人)
    parts = (("level1", level1), ("level2", level2), ("name", rest[:match.start()]),
             ("target", rest[match.start():end + len(unit)]), ("after", rest[end + len(unit):]))
    return tuple((kind, as_written(text, part.strip())) for kind, part in parts if part.strip())


# a figure in a row run together, with its % when it has one (a unit in words follows it: unit_spellings)
_FIGURE_AND_UNIT = re.compile(r"(?<![\d.])\d+(?:\.\d+)?[%％]?")
# after a target that an actual follows: the actual in the target's shape (its figure and unit), then the row's
# points fused (98%2018个别路段返工: 98% | 2018, then the 偏差原因; 12公里12公里2020), when words or nothing follow them;
# a form with no points columns ends the row on the actual (12500名12166名, 18—54周岁 then words)
_ACTUAL_THEN_POINTS = r"(?P<actual>\d+(?:\.\d+)?{unit})(?P<points>\d{{2,6}}(?:\.\d+)?)?(?=[\u4e00-\u9fff]|$)"


def _target_before_actual(text: str, level1: str, level2: str, rest: str) -> tuple[tuple[str, str], ...] | None:
    """A self-evaluation's row run together whose target has no operator (``验收合格率100%98%2018``): the target is
    the first figure with its unit that an actual in the same shape follows at once, after a name; None when
    there is none."""
    for found in _FIGURE_AND_UNIT.finditer(rest):
        percent = found.group(0).endswith(("%", "％"))
        unit = "" if percent else _unit_at(rest, found.end())
        shape = re.escape(rest[found.end() - 1:found.end()] if percent else unit)
        # (a bound said in words after the target, 60%及以上, and the actual in its shape, 53.53% or 88.32%及以上)
        bound = _BOUND_WORDS.match(rest, found.end() + len(unit))
        end = bound.end() if bound else found.end() + len(unit)
        if (percent or unit) and rest[end:end + 1].isdigit() and _CJK.search(rest[:found.start()]):
            actual = re.compile(_ACTUAL_THEN_POINTS.format(unit=shape + f"(?:{_BOUND_WORDS.pattern})?")).match(rest, end)
            if actual is None:
                continue  # digits after a figure in the name (公路32.1公里2020) are no actual in the target's shape
            after = [actual.group("actual"), actual.group("points") or "", rest[actual.end():]]
            parts = (("level1", level1), ("level2", level2), ("name", rest[:found.start()]),
                     ("target", rest[found.start():end]), *(("after", part) for part in after))
            return tuple((kind, as_written(text, part.strip())) for kind, part in parts if part.strip())
    return None


_DIGIT_IN = re.compile(r"\d")
_TRAILING_POINTS_RUN = re.compile(r"(?<=[\u4e00-\u9fff])\d{1,6}(?:\.\d+)?$")  # a row's points ending it
_SHORTEST_TWICE = 3  # characters of a figure written twice (a shorter run, 1010, is more likely figures fused)
_SHORTEST_WORDS_TWICE = 2  # characters of words written twice (有效减轻有效减轻; 高高 is _after_nature's)


def _value_twice(text: str, level1: str, level2: str, rest: str) -> tuple[tuple[str, str], ...] | None:
    """A self-evaluation's row run together whose actual repeats its target to the letter after the name: a figure
    (``培训任务完成及时2021.1.1-12.312021.1.1-12.31``, a period met) or words (``减轻参训人员经济负担有效减轻有效减轻``);
    None when the text after no name of two characters or more is one value twice."""
    # (words twice may have the row's points after them, 资源采购期以当年为主资源采购期以当年为主10: a figure's may not,
    # its digits would run on)
    points = _TRAILING_POINTS_RUN.search(rest)
    for start in range(_SHORTEST_WORDS_TWICE, len(rest)):
        figure = rest[start].isdigit()
        if not _CJK.match(rest[start - 1]) or not (figure or _CJK.match(rest[start])):
            continue
        tail = rest[start:] if figure or points is None else rest[start:points.start()]
        half = len(tail) // 2
        twice = len(tail) % 2 == 0 and tail[:half] == tail[half:] and not tail.isdigit() and (
            half >= _SHORTEST_TWICE if figure else half >= _SHORTEST_WORDS_TWICE and not _DIGIT_IN.search(tail))
        if twice:
            parts = (("level1", level1), ("level2", level2), ("name", rest[:start]), ("target", tail[:half]),
                     ("after", tail[half:]), ("after", rest[start + len(tail):]))
            return tuple((kind, as_written(text, part.strip())) for kind, part in parts if part.strip())
        if figure:
            return None  # (only the first figure after the name may open the target)
    return None


_BOUND_WORDS = re.compile(r"及以上|或以上|以上|及以内|以内|及以下|以下")
# the last figure of a text, a unit in words after it (清扫保洁道路条数485条, 城市道路以克论净量化考核1次/月)
_LAST_FIGURE = re.compile(r"(?<![\d.,])\d[\d,]*(?:\.\d+)?(?=[^\d]*$)")
# a date, or a period from one date to another, ending a text (保障期限2020年1月--2020年11月, 完成时间2023年12月底前)
_ENDING_DATES = re.compile(DATE + r"(?:\s*(?:-{1,2}|—{1,2}|~|至|到)\s*" + DATE + r")?(?:底|末)?(?:前|之前|以前)?\s*$")


def _measure_ending(text: str, level1: str, level2: str, rest: str) -> tuple[tuple[str, str], ...] | None:
    """A row run together whose target, a figure with its unit and no operator or a date or period, ends it
    (``清扫保洁道路条数485条``, ``城市道路以克论净量化考核1次/月``, ``保障期限2020年1月--2020年11月``): the name and
    that target; None when the text does not end so, or when
    the name before it holds a figure (配套电力设施1250KVA变压器3台: the figure may be the name's own), is shorter
    than a name or is a word of the vocabulary."""
    found = _ENDING_DATES.search(rest) or _LAST_FIGURE.search(rest)
    unit = "" if found is None or found.group(0).endswith(("月", "日", "底", "末", "前")) else _unit_at(rest, found.end())
    if found is None or found.end() + len(unit) != len(rest.rstrip()) or not (unit or found.re is _ENDING_DATES):
        return None
    name = rest[:found.start()].rstrip(" :：,，")
    if len(name) < _SHORTEST_NAME or not _CJK.search(name) or _DIGIT_IN.search(name) or label(name).role is not Role.TEXT:
        return None
    parts = (("level1", level1), ("level2", level2), ("name", name), ("target", rest[found.start():].strip()))
    return tuple((kind, as_written(text, part.strip())) for kind, part in parts if part.strip())


def _unit_at(text: str, at: int) -> str:
    """The unit written at ``at`` in ``text`` as written, with what it is per (元/人, 元/户), or ""."""
    unit = next((s for s in unit_spellings() if fold(text[at:at + len(s)]) == s), "")
    if unit and text[at + len(unit):at + len(unit) + 1] in ("/", "／"):
        per = _unit_at(text, at + len(unit) + 1)
        return text[at:at + len(unit) + 1 + len(per)] if per else unit
    return unit


_FIGURE = r"(?<![\d.,])\d[\d,]*(?:\.\d+)?"


@cache
def _bare_target() -> re.Pattern[str]:
    """A target with no operator before it that later cells' words follow in a row run together (a wide form's
    指标值 | 指标值内容 | 评(扣)分标准 …): a percentage, with an operator word after it or not (90%以上); an operator
    word and a figure (大于90%); a date (2023年12月31日); a figure, with its unit or none, that an explanation opening
    with 反映 or 该指标 follows (168反映…); a word of the qualitative vocabulary of four characters or more (有所提升)."""
    operators = "|".join(map(re.escape, _operator_words()))
    qualitative = "|".join(map(re.escape, (word for word in _qualitative_words() if len(word) >= _SHORTEST_NAME)))
    return re.compile(
        r"(?:(?:" + operators + r")\s*" + _FIGURE + r"\s*[%‰]?"
        r"|" + _FIGURE + r"\s*[%‰](?:及以上|或以上|以上|及以内|以内|及以下|以下)?"
        r"|" + DATE + r"(?:底|末)?(?:前|之前|以前)?"
        r"|" + _FIGURE + r"(?P<unit>[^\d\s,，;；:：]{0,6}?)(?=" + _DESCRIPTION_OPENERS.pattern + r")"
        r"|" + qualitative + r")(?!及以|或以|以上|以内|以下)(?=[\u4e00-\u9fff])")  # (never short of its operator word)


def _target_before_words(text: str, level1: str, level2: str, rest: str) -> tuple[tuple[str, str], ...] | None:
    """A row run together whose target, with no operator before it, has the words of its later cells after it
    (``伙食补助发放率90%以上实际发放伙食补助金额/…``): the name, that target (:func:`_bare_target`) and what follows;
    None when there is none, when what stands before it is no name (four characters or more, no vocabulary word, no
    figure of a target in it) or when a level name follows it (the next row's)."""
    found = _bare_target().search(rest)
    if found is None or (found.group("unit") and canonical_unit(found.group("unit")) is None):
        return None
    after = unwrap(simplified(rest[found.end():]))
    if any(label(word.group(0)).role in (Role.LEVEL1, Role.LEVEL2) for word in _segment_pattern().finditer(after)):
        return None  # a level name after the target opens another row: several rows run together, for segment
    name = rest[:found.start()].rstrip(" :：,，")
    if len(name) < _SHORTEST_NAME or not _CJK.search(name) or name[-1].isdigit() or label(name).role is not Role.TEXT \
            or _TARGET_IN_NAME.search(name):
        return None
    parts = (("level1", level1), ("level2", level2), ("name", name), ("target", found.group(0)),
             ("after", rest[found.end():]))
    return tuple((kind, as_written(text, part.strip())) for kind, part in parts if part.strip())


# a row's points ending it, run onto its target (…达到预计值2100 | 10, …95% | 10): one or two digits, never led by 0
_TRAILING_POINTS = re.compile(r"(?P<rest>.*?)(?P<points>[1-9]\d?)")


def split_points_row(text: str) -> tuple[tuple[str, str], ...] | None:
    """The cells of a row run together whose points end it (``产出数量指标享受资助人数达到预计值210010`` under
    目标值 | 分值), by kind: the level names it opens with, the name, the target when one ends the name, and the
    points (``weight``); None when the text is not such a row."""
    line = simplified(text.strip())
    level1 = _longest_prefix(line, canonical_level1)
    level2 = _longest_prefix(line[len(level1):], canonical_level2)
    found = _TRAILING_POINTS.fullmatch(line[len(level1) + len(level2):])
    if found is None or not _CJK.search(found.group("rest")):
        return None
    rest = found.group("rest")
    name_target = split_name_target(rest) or _worded_target(rest) or (() if _DIGIT.search(rest) else (rest,))
    if not name_target:
        return None  # a figure inside the name that no target shape explains
    parts = (("level1", level1), ("level2", level2), *zip(("name", "target"), name_target),
             ("weight", found.group("points")))
    return tuple((kind, as_written(text, part)) for kind, part in parts if part)


# A 一级 label's points opened in a cell, with what of the label's name precedes them there: (30分), 效益指标(30分),
# and the pieces a scrambled text breaks them into: 标(30 (its name's end), (50分, (10分 (closed in a later cell).
_POINTS_OPEN = re.compile(r"^(?P<name>[^()（）\d]*)[(（]\s*(?P<points>\d{1,3}(?:\.\d+)?)\s*(?P<unit>分\s*)?(?P<close>[)）])?$")
_OPENING_LOST = re.compile(r"\d{1,3}(?:\.\d+)?\s*分\s*[)）]")
# the piece closing them: ), 分)
_POINTS_CLOSE = re.compile(r"^分?\s*[)）]$")
_BRACKET = re.compile(r"[()（）]")
# cells of other columns a scrambled text puts between the opening and the closing piece (the level 2's 意度指标
# inside 满意度指标(10分): (10分 | 意度指标 | ))
_POINTS_GAP = 1


def level_label_in(cells: list[str], other: Callable[[str], bool] = lambda name: False) -> \
        tuple[list[int], list[int], str] | None:
    """The first 一级 label carrying its points that a row's cells, in column order, hold where values should stand:
    the label's points alone, the name they belonged to lost (``(30分)``), or broken over cells by a scrambled text
    (``效益指 | 标(30 | 分)``, ``(50分 | )``). Returns the indexes of the cells it takes, those of the cells of other
    columns it encloses (``(10分 | 意度指标 | )``), and the label as one cell, as written (``效益指标(30分)``,
    ``(30分)``); None when the cells hold none. The name, when any, is a 一级指标 name the vocabulary knows, or
    another of the form's labels that carries points by ``other`` (a block's: 年度 | 绩效 | 目标 | (80分)), written
    before the points in their cell and in up to :data:`_NAME_PIECES` cells before it. Bracketed points after other
    words (培训(30) are no label, nor a bracketed number without 分 or a name ((1), a row's numbering)."""
    if not _BRACKET.search("".join(cells)):
        return None  # (asked of every row of a grid: points are never written without a bracket, opening or closing)
    for index, cell in enumerate(cells):
        # (points whose opening bracket the copy lost, 30分): the figure with 分 and the closing bracket still say so)
        opened = _POINTS_OPEN.match(cell.strip()) or (
            _POINTS_OPEN.match("(" + cell.strip()) if _OPENING_LOST.fullmatch(cell.strip()) else None)
        if opened is None:
            continue
        start, name = _label_name(cells, index, opened.group("name").strip(), other)
        if start is None:
            continue
        end = index if opened.group("close") else next(
            (later for later in range(index + 1, min(index + 2 + _POINTS_GAP, len(cells)))
             if _POINTS_CLOSE.match(cells[later].strip())), None)
        # a number in brackets alone ((1), a row's numbering) is points only with 分 or a name
        if end is not None and (name or opened.group("unit") or "分" in cells[end]):
            taken = [*range(start, index + 1), *([end] if end != index else [])]
            return taken, list(range(index + 1, end)), "".join(cells[position].strip() for position in taken)
    return None


_NAME_PIECES = 3  # cells a scrambled text breaks a label's name into before its points (年度 | 绩效 | 目标)


def _label_name(cells: list[str], index: int, written: str, other: Callable[[str], bool]) -> tuple[int | None, str]:
    # Where the name of the label whose points open in cell ``index`` starts, and the name; (None, "") when the
    # words before the points name no label. The longest name wins: 满意度指标 | (10分) takes its name's cell.
    for pieces in range(min(_NAME_PIECES, index), -1, -1):
        name = "".join(cell.strip() for cell in cells[index - pieces:index]) + written
        if name and (canonical_level1(match_key(name)) or other(name)):
            return index - pieces, name
    return (index, "") if not written else (None, "")


_DIGIT = re.compile(r"\d")
_ENDING_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?$")


def _worded_target(text: str) -> tuple[str, str] | None:
    """A name, then a bare figure after an operator in words (享受资助人数 | 达到预计值2100), or None."""
    figure = _ENDING_FIGURE.search(text)
    word = _operator_word_ending().search(text[:figure.start()]) if figure else None
    if word is None or word.start() == 0:
        return None
    return text[:word.start()], text[word.start():]


# a bare figure and a cell beside it, one space apart (``22.5 科目调整次数``: a row's points, then the next name)
_FIGURE_GAP = re.compile(r"(?<=\d)\s+(?=[^\d\s])|(?<=[^\d\s])\s+(?=\d[\d.]*$)")


def split_rows_run_together(text: str) -> tuple[tuple[str, ...], str] | None:
    """The cells of several rows run together on one line (``产出指标数量指标足额保障率=100% 22.5 科目调整次数≤10次 22.5
    时效指标按时发放率=100% 22.5 …``, a page's text with its table's rows joined), and what follows the table (a
    total, a conclusion), or None when the line holds one row at most. The cells are :func:`segment`'s pieces,
    cut where a space stands between a bare figure and the cell beside it."""
    parts = split_run_together(text)
    after = next((part for kind, part in parts if kind == "after"), "") if parts else ""
    if not _TARGET_INSIDE.search(after):
        return None  # one row, what follows it its further cells
    pieces = segment(text)
    if pieces is None:
        return None
    cells: list[str] = []
    for index, piece in enumerate(pieces):
        if piece == ROW_END:
            continue
        if label(piece).role is Role.TRAILER:  # 合计, 评价结论: the table ended
            return tuple(cells), " ".join(part for part in pieces[index:] if part != ROW_END)
        cells += [part for part in _FIGURE_GAP.split(piece) if part]
    return tuple(cells), ""


_NUMBERING = re.compile(r"指标\s*\d+\s*[:：.．、]")
_NUMBER_CUT = re.compile(r"\d{1,2}[\u4e00-\u9fff]")  # 指标 | 1种 | 薯采购价格: the numbering cut into the name
_NUMBERED_NAME = re.compile(r"指标\s*\d{1,2}\s*[:：]?[\u4e00-\u9fff]")  # a name the template numbers (指标1种薯…)
_TRAILING_NUMBERING = re.compile(r"(?<=.)(指标\s*\d+\s*[:：])$")
_FIGURE_BEFORE_NUMBERING = re.compile(r"^(\d+(?:\.\d+)?)(?=指标\s*\d{1,2}\s*[:：.．、]?[\u4e00-\u9fff]|任务\s*\d{1,2}\s*[:：])")
_LEGACY_LEVEL1 = ("投入目标", "管理目标", "产出目标", "效果目标", "实施效果指标")
_LEGACY_LEVEL2 = re.compile(r"(?:数量|质量|时效|成本|经济效益|社会效益|生态效益|可持续影响|服务对象满意度|满意度)目标")
_LEGACY_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|\d+[.．、])")
_SEGMENT_MIN_HITS = 3
_TRAILING_ELLIPSIS = re.compile(r"(?<=\d)[…⋯.]{2,}$")
_SEGMENT_MIN_LENGTH = 40  # characters a line holding several rows run together has at least
_SEGMENT_MIN_STRUCTURE = 2  # level names or headings: one alone is a word inside a cell (评分规则 naming 评价指标)


@cache
def _segment_pattern() -> re.Pattern[str]:
    """Vocabulary and value shapes that mark cell boundaries inside run-together text."""
    vocabulary = load("vocabulary")
    level2 = {name for name in vocabulary["level2"]} | {
        spelling for spellings in vocabulary["level2"].values() for spelling in spellings
        if spelling.endswith("指标") or len(spelling) >= 4} | set(vocabulary["level2_written"]["names"])
    # (a level-1 spelling that ends in 指标, 效果指标, marks a cell as surely as the canonical name)
    level1 = {name for name in vocabulary["level1"]} | set(_LEGACY_LEVEL1) | {
        spelling for spellings in vocabulary["level1"].values() for spelling in spellings if spelling.endswith("指标")}
    headings = {spelling for spellings in labels()["columns"].values() for spelling in spellings if len(spelling) >= 4}
    # a goal block's label between two grids of a self-evaluation (年度绩效目标2(40分)) opens the next block
    headings |= {word for word in labels()["header"]["goals"] if word.startswith("年度") and len(word) >= 6}
    words = sorted(level1 | level2 | headings, key=len, reverse=True)
    short1 = sorted((s for spellings in vocabulary["level1"].values() for s in spellings if not s.endswith("指标")),
                    key=len, reverse=True)
    units = sorted((u for u in unit_spellings() if u and not u.isascii()), key=len, reverse=True)[:200]
    # a figure's unit is never the first character of a label run on after it (总分10098项目名称…: the total, then
    # the next project's 项目名称; 4项目立项…, 2项目管理: a row's points, then the framework's level names)
    run_on = sorted((word for word in _label_words(level1 | level2 | headings) if len(word) >= 4
                     and word.startswith(tuple(units))), key=len, reverse=True)
    unit = "(?:" + "|".join(re.escape(u) for u in units) + ")" if units else ""
    # a compound unit's denominator stays with its unit (17元/人.每天, 400元/人、天: per person-day)
    per = ("(?:/(?:每)?" + unit + "(?:[·、/*•.](?:每)?" + unit + ")*)?") if unit else ""
    if unit and run_on:
        unit = "(?!" + "|".join(re.escape(word) for word in run_on) + ")" + unit
    measured = unit + per
    operators = "|".join(re.escape(word) for word in _operator_words())
    # a figure is never counted in 年度 when a goals label (年度绩效目标1(40分)) begins there: the figure ends its row
    goals = "|".join(re.escape(word.removeprefix("年度")) for word in labels()["header"]["goals"] if word.startswith("年度"))
    not_goals = r"(?!(?<=年度)(?:" + goals + r"))(?!(?<=年)度(?:" + goals + r"))"
    target = (r"(?:%?[≥≤><=≧≦＞＜＝]+|二(?=\d)|" + operators + r")\s*\d[\d,]*(?:\.\d+)?\s*(?:%|‰|" + measured + ")?" + not_goals
              + r"|(?:各\s*)?(?<!\d\.)\d[\d,]*(?:\.\d+)?\s*(?:%|‰|" + measured + r")(?:以上|以内|以下)?(?![底前末])" + not_goals)  # 12月底前: a deadline's words
    # (a figure never starts at a decimal's first digit: 310.2154.741050% is 310.2 | 154.74…, not 310. | 2154.74…)
    # (各 before a figure, 各 1 次, shares it out over the name's items: it opens the target, not ends the name)
    # a self-evaluation's statement that the target was met (达成预期指标) is a cell of its own
    attained = sorted((fold(word) for word in load("targets")["qualitative"]["达到预期"] if len(word) >= 4),
                      key=len, reverse=True)
    words += [f"{word}{suffix}" for word in attained for suffix in ("指标", "目标")]
    # the 指标性质 column's cell (定量指标, 定性指标) is a cell of its own too, and so is such a cell OCR scrambled
    # (性标定指: the narrow cell read column by column)
    words += [*_NATURE_WORDS, *_scrambled_natures()]
    words.sort(key=len, reverse=True)
    short = "(?:" + "|".join(re.escape(w) for w in short1) + ")(?=" + "|".join(re.escape(w) for w in sorted(level2, key=len, reverse=True)) + ")"
    # a two-character level-2 name (成本, 时效) right after the figure that ends the row before
    short2 = sorted((s for spellings in vocabulary["level2"].values() for s in spellings if len(s) == 2), reverse=True)
    short += r"|(?<=\d)(?:" + "|".join(re.escape(w) for w in short2) + ")"
    # a level's points written after its name (产出指标(70分)) stay with it, and so does the form's mark that the level
    # must be filled in (数量指标(必填硬性指标), 社会效益指标(选填)): no words of the indicator name after it
    points = r"(?:[(（](?:\d+(?:\.\d+)?分|必填[^()（）]{0,6}|选填)[)）])?"
    # a heading's own unit written after it stays with it too (指标得分(分), 得分系数(%))
    qualified = ("(?:" + "|".join(re.escape(w) for w in sorted(headings, key=len, reverse=True))
                 + r")[(（](?:分|%)[)）]")
    # the total below a grid (总分100) and a note (注:) close it
    # (得分合计 100, 自评总分 90: a total's label that opens with a heading's word is one piece)
    totals = "|".join(re.escape(word) for word in sorted(total_words(), key=len, reverse=True))
    closing = r"(?:" + totals + r")(?=\s*\d)|(?<![\u4e00-\u9fff])(?:备注|注|填表说明)[:：]"
    # where a row ends without a level name or a target shape to open the next: a name's unit and the row's
    # figures fused into one run (…完成率%901010010国家级…), or the yes/no of a 是否核心指标 column after the
    # row's points (…100%22否“三公经费…), each followed by the next row's name
    row_end = (r"(?P<unit_run>(?<=[\u4e00-\u9fff)）])(?:%|" + unit + r")\d[\d.]{2,}(?=[\u4e00-\u9fff“\"(（])"
               r"(?!" + unit + r"(?:[^\u4e00-\u9fff]|以上|以内|以下|及|$)))"  # (…成本415万元15万元, 检测人次1000人次以上:
               # the run is a figure and its unit)
               r"|(?P<flag>(?<=\d)[是否](?=[\u4e00-\u9fff“\"])(?![是否]))")  # (…市场价8是是8: a target and actual)
    # a calendar year opening words (项目名称2022年原州区…项目) is the start of a title or a name, no target in 年: kept
    # whole, never cut inside it (a year before its month, 2022年12月, is a date the pieces join again)
    # a date after a preposition (茶叶于2022年12月底前发放完毕) is a sentence's words, no target: kept whole too
    year = (r"(?P<year_text>(?<![\d.])(?:19|20)\d\d年(?![度底末内前])(?=[\u4e00-\u9fff])"
            r"|(?<=[于在])" + DATE + ")")
    return re.compile("(" + year + "|" + row_end + "|" + qualified + "|(?:" + "|".join(re.escape(w) for w in words)
                      + ")" + points + "|" + short + "|" + closing + "|" + target + ")")


_NATURE_WORDS = ("定量指标", "定性指标")


@cache
def _scrambled_natures() -> dict[str, str]:
    """The 指标性质 cells OCR scrambled (``性标定指`` for 定性指标) by the cell they stand for: every order of the
    characters but the right one and those a sentence may hold (``指标定性…``, ``…指定标准``: designated), which a
    reader still knows by its four characters."""
    from itertools import permutations

    return {"".join(order): word for word in _NATURE_WORDS for order in permutations(word)
            if "".join(order) != word and not "".join(order).startswith("指标") and "指定" not in "".join(order)}


def unscrambled_nature(text: str) -> str | None:
    """The 指标性质 cell ``text`` stands for when OCR scrambled its characters (``性标定指`` → 定性指标), else None."""
    return _scrambled_natures().get(text.strip())


def _label_words(words: set[str]) -> set[str]:
    """``words`` and the header block's labels, folded (the text run together is folded before it is cut)."""
    return {fold(word) for word in words} | {fold(word) for spellings in labels()["header"].values() for word in spellings}


# a single space between two Chinese characters: where a document site's extraction wrapped a cell
_WRAP_SPACE = re.compile(r"(?<=[\u4e00-\u9fff、]) (?=[\u4e00-\u9fff])")


def unwrap(text: str) -> str:
    """``text`` without the single spaces between Chinese characters that a wrapped cell left (``产 出 指 标``,
    ``管理制 度``): Chinese puts no spaces between words."""
    return _WRAP_SPACE.sub("", text)


def wrapped_run_together(text: str) -> bool:
    """True for a table run together on one line whose cells were also broken by spaces where they wrapped
    (``绩 效 指 标一级 指标二级 指标三级指标``): more level names and headings straddle its spaces than stand
    between them, so the spaces are not cell boundaries."""
    if len(text) < _SEGMENT_MIN_LENGTH or not _WRAP_SPACE.search(text):
        return False
    text = simplified(text)  # the vocabulary is Simplified: Traditional level names straddle spaces alike
    cuts, removed = [], 0
    for space in _WRAP_SPACE.finditer(text):
        cuts.append(space.start() - removed)  # where the space stood in the text without spaces
        removed += 1
    structure = (Role.LEVEL1, Role.LEVEL2, Role.HEADING)
    broken = sum(1 for match in _segment_pattern().finditer(unwrap(text))
                 if label(match.group(0)).role in structure and any(match.start() < cut < match.end() for cut in cuts))
    if broken < _SEGMENT_MIN_STRUCTURE:
        return False  # (most lines: the pieces the spaces bound, each new text to label, need not be asked)
    whole = sum(1 for piece in text.split() if label(piece).role in structure)  # cells a space does bound
    return broken > whole


# the words a sentence points at a column's value or a measure with (该指标分值, 此指标值, 按服务对象满意度): no
# heading or level name follows them
_DEMONSTRATIVES = "该此其按"


@lru_cache(maxsize=4096)
def segment(text: str) -> tuple[str, ...] | None:
    """Split text whose cells run together over several rows (a whole table on one line, as document-sharing
    sites extract it) at the vocabulary's level names and headings and at target shapes; None when the text
    holds too few of them to be a table."""
    line = unicodedata_nfkc(simplified(text.strip()))
    pieces: list[str] = []
    hits = structural = 0
    position = 0
    naming = False  # a level name has just opened a row: what follows it right away is its indicator's name
    absorbing = False  # the quantities of such a name are being kept in it
    for match in _segment_pattern().finditer(line):
        if (naming and match.start() == position or absorbing) and _COUNT_IN_NAME.fullmatch(match.group(0)) and _CJK.match(
                line[match.end():match.end() + 1]):
            absorbing = True  # a name opening with quantities (5000吨稻谷、500吨成品粮储备到位率): no target yet
            continue
        if match.group("year_text"):
            continue  # (the year stays in the piece it opens)
        absorbing = False
        if match.start() and line[match.start() - 1] in _DEMONSTRATIVES and label(match.group(0)).role in (
                Role.HEADING, Role.LEVEL2):
            # a sentence's words naming a column or a level (按B/A*该指标分值记分: a scoring rule's cell; 按服务对象
            # 满意度评价: a basis), no cell of the table
            continue
        naming = label(match.group(0)).role in (Role.LEVEL1, Role.LEVEL2) and match.end() < len(line)
        if match.start() > position:
            pieces.append(line[position:match.start()])
        if match.group("unit_run"):
            figures = _FIGURE_RUN.search(match.group(0))
            pieces += [match.group(0)[:figures.start()], figures.group(0), ROW_END]  # type: ignore[union-attr]
        else:
            pieces += [match.group(0), ROW_END] if match.group("flag") else [match.group(0)]
        hits += 1
        structural += label(match.group(0)).role in (Role.LEVEL1, Role.LEVEL2, Role.HEADING) or match.group(0) in _LEGACY_LEVEL1
        position = match.end()
    if hits < _SEGMENT_MIN_HITS or structural < _SEGMENT_MIN_STRUCTURE:
        return None  # (most lines: known before the pieces are cut finer, which labels each of them)
    if position < len(line):
        pieces.append(line[position:])
    # the template's ellipsis row run onto a figure (10……) is a placeholder, not part of the figure
    pieces = [_TRAILING_ELLIPSIS.sub("", piece.strip(" ,，;；、")) for piece in pieces]
    pieces = [piece for piece in pieces if piece]
    numbered = any(_NUMBERED_NAME.match(piece) for piece in pieces)
    for index in range(len(pieces) - 2, -1, -1):
        if _NUMBERING.fullmatch(pieces[index]):
            # ``指标1:`` introduces an indicator name, even one that is also a level word (指标1:服务对象满意度)
            pieces[index:index + 2] = [pieces[index] + pieces[index + 1]]
        elif pieces[index] == "指标" and index + 2 < len(pieces) and _NUMBER_CUT.fullmatch(pieces[index + 1]):
            # ``指标1种薯采购价格…`` without a colon, its number and the name's first character taken for a target
            # (1种): the numbering and the name are one cell again
            pieces[index:index + 3] = ["".join(pieces[index:index + 3])]
        elif pieces[index].endswith("指标") and _NUMBER_CUT.match(pieces[index + 1]) and numbered \
                and label(pieces[index][:-2]).role is Role.LEVEL2:
            # a short level name run onto the row's numbering (生态效益 | 指标1病害减少…, where the template numbers its
            # other names 指标1, 指标2): the level name took the numbering's 指标, which goes back to the name
            pieces[index:index + 2] = [pieces[index][:-2], pieces[index][-2:] + pieces[index + 1]]
    # the template's next, empty row run onto the end of a row (…8指标2:) opens a row of its own
    pieces = [part for piece in pieces for part in _TRAILING_NUMBERING.split(piece) if part]
    # the row before's last figure run onto the template's numbering of the next row (8指标2企业自行采购)
    pieces = [part for piece in pieces for part in _FIGURE_BEFORE_NUMBERING.split(piece) if part]
    _points_off_name(pieces)
    # a name is never written with a percent sign after it: that is the unit column's cell (预算完成率% | 70%)
    pieces = [part for piece in pieces for part in _UNIT_AFTER_NAME.split(piece) if part]
    _unit_off_count(pieces)
    pieces = [part for piece in pieces for part in _answer_off_name(piece)]
    pieces = [part for piece in pieces for part in _unrepeat(piece)]
    _after_nature(pieces)
    _stray_marks_on(pieces)
    _join_dates(pieces)
    _rejoin_headings(pieces)
    _split_last_heading(pieces)
    _split_bare_heading(pieces)
    _split_short_headings(pieces)
    _split_scrambled_heading(pieces)
    _split_unknown_heading(pieces)
    return tuple(pieces) if len(pieces) >= 3 else None


_UNIT_AFTER_NAME = re.compile(r"(?<=[\u4e00-\u9fff])(%)$")
_POINTS_BEFORE_NAME = re.compile(r"^(?P<points>[1-9]\d?(?:\.\d+)?)(?P<name>[\u4e00-\u9fff].*)$")
_FIGURE_PIECE = re.compile(r"^\d+(?:\.\d+)?[%％]?$")
# a row's 分值 and 得分 of two digits each, run together and onto the next row's name (50件 | 2020望新点胸艮必具)
_PAIR_BEFORE_NAME = re.compile(r"^(?P<weight>[1-9]\d)(?P<score>\d\d)(?P<name>[\u4e00-\u9fff].*)$")
# the row before's figure, with its unit (50件, 2万元, 100%)
_MEASURED_PIECE = re.compile(r"^\d+(?:\.\d+)?[^\d\s.]{0,3}$")
_MOST_POINTS = 100


def _points_off_name(pieces: list[str]) -> None:
    """The row before's last figure (its 得分) run onto the next row's name after the figures of that row
    (``10%`` | ``10地方配套到位率``, a self-evaluation's rows run together): a piece of its own, when what follows it is
    no unit (``10倍`` is a figure and its unit). So are its 分值 and 得分 of two digits each run together onto that
    name after a figure with its unit (``50件`` | ``2020望新点胸艮必具``), when the second is no more than the first
    (a score never exceeds its points)."""
    for index in range(len(pieces) - 1, 0, -1):
        fused = _POINTS_BEFORE_NAME.match(pieces[index])
        if fused and (_FIGURE_PIECE.match(pieces[index - 1]) or _after_actual(pieces, index)) \
                and not fused.group("name").startswith(unit_spellings()):
            pieces[index:index + 1] = [fused.group("points"), fused.group("name")]
            continue
        pair = _PAIR_BEFORE_NAME.match(pieces[index])
        if (pair and _MEASURED_PIECE.match(pieces[index - 1]) and not pair.group("name").startswith(unit_spellings())
                and int(pair.group("score")) <= int(pair.group("weight")) <= _MOST_POINTS):
            pieces[index:index + 1] = [pair.group("weight") + pair.group("score"), pair.group("name")]
# a name giving its unit in brackets, then its target run onto it (成本控制数(万元)63), or asking a yes/no question,
# then its answer (公众知晓度是否明显提高是)
_FIGURE_AFTER_UNIT = re.compile(r"^(?P<name>.{2,}[(（](?P<unit>[^()（）\d]{1,4})[)）])(?P<value>\d+(?:\.\d+)?)$")
_ANSWER_AFTER_QUESTION = re.compile(r"^(?P<name>.*是否.+?[^是否])(?P<value>[是否])$")


# a date's parts the target shapes cut apart (2021年 | 12月 | 完成4, 2021年 | 6月底前完成5): its year, its month, the
# deadline word after it, and the figure after that (the row's score)
_YEAR_PIECE = re.compile(r"^\d*(?:19|20)\d\d年$")
_DEADLINE = r"(?:(?:前|之前|以前)?完成|前|之前|以前)"
_MONTH_PIECE = re.compile(r"^(?P<month>(?:1[0-2]|0?[1-9])月(?:底|末|份)?" + _DEADLINE + r"?)(?P<figure>\d+(?:\.\d+)?)?$")
_DONE_PIECE = re.compile(r"^(?P<word>" + _DEADLINE + r")(?P<figure>\d+(?:\.\d+)?)?$")


def _join_dates(pieces: list[str]) -> None:
    """A date run together cut at its units (``52021年`` | ``12月`` | ``完成``, ``2021年`` | ``6月底前完成5``) is one
    cell again, the deadline word after it too (``2021年12月完成``); a figure after that word (the row's score) stays a
    piece of its own."""
    for index in range(len(pieces) - 2, -1, -1):
        month = _MONTH_PIECE.match(pieces[index + 1]) if _YEAR_PIECE.match(pieces[index]) else None
        if month is None:
            continue
        date, figure, used = pieces[index] + month.group("month"), month.group("figure"), 2
        done = _DONE_PIECE.match(pieces[index + 2]) if index + 2 < len(pieces) and figure is None else None
        if done is not None:
            date, figure, used = date + done.group("word"), done.group("figure"), 3
        pieces[index:index + used] = [date, *([figure] if figure else [])]


def _after_actual(pieces: list[str], index: int) -> bool:
    """True when the piece before ``index`` is a measured actual that repeats the end of the target before it
    (``415万元`` | ``15万元``: the weight 4 run into the target 15万元, then the actual): the figure that follows is
    the row's score, not the first word of the next row's name."""
    if index < 2:
        return False
    target, actual = pieces[index - 2], pieces[index - 1]
    return bool(_MEASURED_PIECE.match(actual)) and not _FIGURE_PIECE.match(actual) and target.endswith(actual) \
        and _MEASURED_PIECE.match(target) is not None


def _answer_off_name(piece: str) -> list[str]:
    """A name and the target run onto its end, as two cells, when the name says what the target is: its unit in
    brackets and a figure after them, or a yes/no question (是否…) and 是 or 否 after it."""
    figure = _FIGURE_AFTER_UNIT.match(piece)
    if figure and canonical_unit(figure.group("unit")) is not None:
        return [figure.group("name"), figure.group("value")]
    answer = _ANSWER_AFTER_QUESTION.match(piece)
    return [answer.group("name"), answer.group("value")] if answer else [piece]


_COUNT_IN_NAME = re.compile(r"\d[\d,]*(?:\.\d+)?[^\d\s%‰]+")  # a quantity with its unit word, no operator
_COUNTED = ("数", "量")  # the nouns a count's name ends with (培训次数, 宣传品数量)
_FIGURE_UNIT = re.compile(r"^\d+(?:\.\d+)?(?P<unit>[^\d\s.%]{1,3})$")


def _unit_off_count(pieces: list[str]) -> None:
    """A count's name run onto its unit column's cell (``党性教育培训次数次`` before ``26次``): the unit the figure
    after it repeats is a piece of its own, when the name before it ends as counts do (…次数, …数量). A mark OCR
    made of the target's operator after that unit (``组织宣传活动次数次到`` before ``0次``) goes with the figure."""
    for index in range(len(pieces) - 2, -1, -1):
        figure = _FIGURE_UNIT.match(pieces[index + 1])
        unit = figure.group("unit") if figure else ""
        piece, mark = pieces[index], ""
        if unit and len(piece) > len(unit) + 1 and piece[:-1].endswith(unit) and _MARK.match(piece[-1]):
            piece, mark = piece[:-1], piece[-1]
        name = piece[:-len(unit)] if unit and piece.endswith(unit) else ""
        if len(name) > 2 and name.endswith(_COUNTED) and canonical_unit(unit) is not None:
            pieces[index:index + 2] = [name, unit, mark + pieces[index + 1]]


# a symbol, or a character OCR reads for ≥ (到0次, 工5%); not a sign that means something before a figure (±10%)
_MARK = re.compile(r"[^\d\s.,，%\u4e00-\u9fff±≈~～+\-－—/]|[到工]")
_MARKED_FIGURE = re.compile(r"^(?:" + _MARK.pattern + r")\d+(?:\.\d+)?(?P<unit>[^\d\s.]{1,3})$")


def is_marked_figure(text: str) -> bool:
    """True for a figure and its unit behind a mark OCR made of its operator (``到0次``, ``^80%``): a target's cell
    whose figure is not certain."""
    found = _MARKED_FIGURE.match(text.strip())
    return found is not None and canonical_unit(found.group("unit")) is not None
_FIGURE_RUN = re.compile(r"\d[\d.]*$")
ROW_END = "\u2029"  # a piece of segmented text that says the row before it ended


_QUALIFIER_LENGTH = 2  # 年度, 长期: the word a heading's period qualifier adds before it


def _rejoin_headings(pieces: list[str]) -> None:
    """A heading whose qualifier the piece before it took (``88100年度`` | ``绩效指标``: a figure read with 年度 as
    its unit) gets it back when together they make a heading too; a heading before it keeps its own words
    (``三级指标`` | ``分值``: two columns, not 三级 | 指标分值)."""
    for index in range(len(pieces) - 1):
        before, heading = pieces[index], pieces[index + 1]
        word = before[-_QUALIFIER_LENGTH:]
        if len(before) > _QUALIFIER_LENGTH and label(heading).role is Role.HEADING and label(
                before).role is not Role.HEADING and label(
                word + heading).role is Role.HEADING and column_kind(word + heading) == column_kind(heading):
            pieces[index], pieces[index + 1] = before[:-_QUALIFIER_LENGTH], word + heading


_LAST_HEADINGS = ("备注", "说明")  # the short heading of a remarks column, the header's last
_SCORE_HEADING = "得分"  # a self-evaluation header's last but for the remarks (and the deviation's)


def _split_last_heading(pieces: list[str]) -> None:
    """The remarks column's short heading, the last of a header, run onto the first row's name after it
    (``指标得分(分)`` | ``说明天然林和公益林管护当期任务完成率``): a piece of its own. So is a self-evaluation's 得分
    run onto the first row's level cell that OCR scrambled (``得分出标产指`` before ``数量指标``): the row's next
    piece is a level name."""
    for index in range(len(pieces) - 1, 0, -1):
        piece = pieces[index]
        word = next((word for word in _LAST_HEADINGS if piece.startswith(word)), None)
        if word is None and piece.startswith(_SCORE_HEADING) and index + 1 < len(pieces) and label(
                pieces[index + 1]).role in (Role.LEVEL1, Role.LEVEL2):
            word = _SCORE_HEADING
        if word and len(piece) > len(word) + 1 and label(pieces[index - 1]).role is Role.HEADING and label(
                piece).role is Role.TEXT:
            pieces[index:index + 1] = [word, piece[len(word):]]


_BARE_HEADING = re.compile(r"(?<=[\s。；;:：])指标$")


def _split_bare_heading(pieces: list[str]) -> None:
    """The bare 指标 heading of the level names, the first of a header, run onto the end of the text before the
    grid (``…开展测报员岗位技术培训。指标`` | ``指标内容``): a piece of its own."""
    for index in range(len(pieces) - 2, -1, -1):
        found = _BARE_HEADING.search(pieces[index])
        if found and column_kind(pieces[index + 1]) == "name":
            pieces[index:index + 1] = [pieces[index][:found.start()].rstrip(), "指标"]


def _split_short_headings(pieces: list[str]) -> None:
    """Headings too short to cut run-together text at (目标值, 分值, 备注) left together after the header's longer
    ones (``指标说明`` | ``目标值分值备注``): a piece of their own each, when the piece is nothing but headings."""
    for index in range(len(pieces) - 1, 0, -1):
        if label(pieces[index - 1]).role is not Role.HEADING or label(pieces[index]).role is Role.HEADING:
            continue
        parts = _headings_only(pieces[index])
        if parts:
            pieces[index:index + 1] = list(parts)


_SHORTEST_SCRAMBLED = 2  # characters left of a heading OCR scrambled before a known one (考值参分指标值)
_HEADING_QUALIFIER = re.compile(r"[(（][^()（）]{1,3}[)）]$")  # (A), (八): the column's letter, OCR'd or not


def _split_scrambled_heading(pieces: list[str]) -> None:
    """A heading OCR scrambled (参考分值 read 考值参分) run onto the known heading after it, between two headings of
    a header (三级指标 | 考值参分指标值(八) | 全年实际值): the known heading is a piece of its own, the scrambled one
    is left before it (a column the vocabulary does not know)."""
    for index in range(len(pieces) - 2, 0, -1):
        piece = pieces[index]
        if label(piece).role is not Role.TEXT or not all(
                label(pieces[at]).role is Role.HEADING for at in (index - 1, index + 1)):
            continue
        key = _HEADING_QUALIFIER.sub("", piece)
        heading = next((s for s in heading_spellings() if len(s) >= 3 and key.endswith(s)
                        and len(key) - len(s) >= _SHORTEST_SCRAMBLED), None)
        if heading is not None:
            cut = len(key) - len(heading)
            pieces[index:index + 1] = [piece[:cut], piece[cut:]]


_SHORTEST_UNKNOWN = 3  # characters of a heading the vocabulary does not know, after a known one (指标标准或依据)


def _split_unknown_heading(pieces: list[str]) -> None:
    """A heading the vocabulary does not know run onto the known one before it, the last of a header's headings
    (``三级指标`` | ``指标值指标标准或依据``): the known heading is a piece of its own, the other after it (a column
    the vocabulary does not know). Only words, no figure: a row's cell after its target is no heading."""
    index = len(pieces) - 1
    piece = pieces[index] if index > 0 else ""
    if not piece or label(pieces[index - 1]).role is not Role.HEADING or label(piece).role is not Role.TEXT \
            or _DIGIT.search(piece):
        return
    key = fold(piece)
    heading = next((s for s in heading_spellings() if len(s) >= 3 and key.startswith(s)
                    and len(key) - len(s) >= _SHORTEST_UNKNOWN), None)
    if heading is not None and len(key) == len(piece) and label(piece[len(heading):]).role is Role.TEXT:
        pieces[index:index + 1] = [piece[:len(heading)], piece[len(heading):]]


def _headings_only(text: str) -> tuple[str, ...] | None:
    """``text`` cut into headings of the vocabulary, longest first, when it holds two or more and nothing else."""
    key, parts, position = fold(text), [], 0
    while position < len(key):
        found = next((s for s in heading_spellings() if key.startswith(s, position)), None)
        if found is None:
            return None
        parts.append(text[position:position + len(found)])
        position += len(found)
    return tuple(parts) if len(parts) >= 2 else None


# a name, then its target and its actual written alike, then a figure (成本控制不超过预算不超过预算10)
# (or a one-word grade: 粮食储备设备维护及安全性高高, 评审程序是否公正是是)
_REPEATED = re.compile(r"^(?P<name>.{2,}?)(?P<value>\D{2,}|[高好是否优良中低差无有])(?P=value)(?P<figure>\d+(?:\.\d+)?)?$")


# a measure's name, then its target and its actual, the same figure twice (县级储备粮库存粮食明显变质比例00)
_DOUBLED = re.compile(r"^(?P<name>.{2,}[率例数量度])(?P<value>\d+(?:\.\d+)?)(?P=value)$")


def _unrepeat(piece: str) -> list[str]:
    """A piece of run-together text whose target and actual are the same words, after the name: the name, the
    two values and the figure after them (its score), as cells; or the same figure twice after a measure's name."""
    found = (_REPEATED.match(piece) or _DOUBLED.match(piece)) if label(piece).role is Role.TEXT else None
    if found is None:
        return [piece]
    figure = found.group("figure") if "figure" in found.groupdict() else None
    return [part for part in (*found.group("name", "value", "value"), figure) if part]


# a target and its actual, the same words, run together (高高, 较好较好), and the figures after them (高高33)
_TWICE = re.compile(r"^(?P<value>\D{1,8}?)(?P=value)(?P<figure>\d+(?:\.\d+)?)?$")


def _after_nature(pieces: list[str]) -> None:
    """The 指标性质 cell as the column says it (an OCR-scrambled ``性标定指`` read as 定性指标: only a cell boundary,
    no field is read from it), and the same words twice right after a 定性指标 cell (``高高``, ``高高33``) split into
    the target, the actual and the figures after them."""
    for index in range(len(pieces) - 1, -1, -1):
        nature = _scrambled_natures().get(pieces[index], pieces[index])
        if nature not in _NATURE_WORDS:
            continue
        pieces[index] = nature
        twice = _TWICE.match(pieces[index + 1]) if index + 1 < len(pieces) and nature == "定性指标" else None
        if twice:
            pieces[index + 1:index + 2] = [part for part in (*twice.group("value", "value"), twice.group("figure"))
                                           if part]


_FIGURE_START = re.compile(r"^(?:[≥≤><=≧≦]|>=|<=)?\d")


def _stray_marks_on(pieces: list[str]) -> None:
    """A mark alone between a target and the same figure after it, its actual (``880%`` | ``^`` | ``80%``, ``5%`` |
    ``工`` | ``5%``, a self-evaluation's rows run together), is what OCR made of the actual's operator, no cell: it
    stays with that figure as written (``^80%``)."""
    for index in range(len(pieces) - 2, 0, -1):
        mark, before, after = pieces[index], pieces[index - 1], pieces[index + 1]
        if (_MARK.fullmatch(mark) and _FIGURE_START.match(after) and _FIGURE_START.match(before)
                and before.endswith(after) and mark not in unit_spellings()):
            pieces[index:index + 2] = [mark + after]


def unicodedata_nfkc(text: str) -> str:
    """NFKC without removing spaces (Kangxi radicals to ideographs, full-width forms to ASCII)."""
    return unicodedata.normalize("NFKC", text)


_NAMES = (Role.LEVEL1, Role.LEVEL2, Role.HEADING)


def join_wrapped(lines: list[Line]) -> list[Line]:
    """A level name or heading wrapped inside its cell (``经济效益`` / ``指标``, ``可持续影`` / ``响指标``,
    ``服务对象`` / ``满意度指标``) is one cell again: a one-cell line joins the cell before it (a one-cell line or
    the last cell of a row) when together they make a name the vocabulary knows and one of the two parts
    alone is no such name. A one-cell line whose level name ran into the first part of the next cell
    (``满意度指标服务对象`` / ``满意度指标``: an HTML row's cells run together) gives that level name a line of its own."""
    result: list[Line] = []
    for line in lines:
        previous = result[-1] if result else None
        if (previous is not None and line.kind is LineKind.CELL and previous.kind in (LineKind.CELL, LineKind.ROW)
                and len(line.tokens) == 1 and previous.tokens
                and _wraps(previous.tokens[-1].text, line.tokens[0].text)):
            token = previous.tokens[-1]
            previous.set_token(-1, Token(f"{token.text.strip()}{line.tokens[0].text.strip()}", token.line,
                                         token.column, token.offset, token.indent))
            continue
        level = _level_before_wrap(previous, line) if previous is not None else None
        if previous is not None and level is not None:
            token = previous.tokens[0]
            previous.set_token(0, Token(level, token.line, token.column, token.offset, token.indent))
            result.append(Line([Token(f"{token.text.strip()[len(level):]}{line.tokens[0].text.strip()}", token.line)],
                               LineKind.CELL, token.line))
            continue
        result.append(line)
    return result


def _level_before_wrap(previous: Line, line: Line) -> str | None:
    """The level name a one-cell line opens with when the rest of it and the one-cell line after it make a level
    name together (``满意度指标服务对象`` / ``满意度指标`` → ``满意度指标``), or None."""
    if previous.kind is not LineKind.CELL or line.kind is not LineKind.CELL or len(previous.tokens) != 1 or len(
            line.tokens) != 1 or label(previous.tokens[0].text).role is not Role.TEXT:
        return None
    text = previous.tokens[0].text.strip()
    level1, level2, rest = split_level_prefix(text)
    if bool(level1) == bool(level2) or not rest:
        return None  # (one level name before the part: two would need a line each)
    return level1 + level2 if _wraps(rest, line.tokens[0].text) else None


_ONE_CHARACTER = re.compile(r"^[\u4e00-\u9fff]$")


def join_vertical(lines: list[Line]) -> list[Line]:
    """A label printed vertically, one character per line (``产`` / ``出`` / ``指`` / ``标``, the standard form's
    narrow level column), is one cell again: a run of one-character lines on consecutive lines joins when
    together they make a name or heading the vocabulary knows. The cells of one source line (a spreadsheet's text
    whose line breaks were lost, ``绩 效 指 标``) are consecutive too."""
    result: list[Line] = []
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and _one_character(lines[end]) and (
                end == index or (lines[end].line or 0) - (lines[end - 1].line or 0) in (0, 1)):
            end += 1
        if end - index < 2:  # (most lines: no run of one-character lines to join)
            result.append(lines[index])
            index += 1
            continue
        joined = "".join(line.tokens[0].text.strip() for line in lines[index:end])
        if label(joined).role is not Role.TEXT:
            first = lines[index]
            result.append(Line([Token(joined, first.line)], LineKind.CELL, first.line, blanks_before=first.blanks_before))
            index = end
            continue
        result.append(lines[index])
        index += 1
    return result


def _one_character(line: Line) -> bool:
    return line.kind is LineKind.CELL and len(line.tokens) == 1 and bool(_ONE_CHARACTER.match(line.tokens[0].text.strip()))


def _wraps(first: str, second: str) -> bool:
    if not (first.strip() and second.strip()):
        return False
    # the parts are asked first: their labels are known already, while the joined text is new (a costly label)
    parts = (label(first).role, label(second).role)
    # a heading qualified by a field word on the line above it (年度 / 指标值), or words and names
    if parts != (Role.FIELD, Role.HEADING) and not (all(role in (Role.TEXT, *_NAMES) for role in parts)
                                                  and any(role not in _NAMES for role in parts)):
        return False
    return _is_name(f"{first.strip()}{second.strip()}")


_PART_MARK = re.compile(r"^(\d{1,2})、")
_PART_LENGTH = 80  # characters a document site's page part holds at least
_SENTENCE_END = ("。", "；", ";", "：", ":")


def join_page_parts(lines: list[Line]) -> list[Line]:
    """A document-sharing site cuts its extracted text into parts numbered ``1、`` ``2、`` … at the start of a
    line, in the middle of a word or a row (``取得2018-2022`` / ``2、监测资料``): a long one-cell line whose next
    line carries the next number continues there, and the numbers are page furniture, not text."""
    result: list[Line] = []
    for line in lines:
        previous = result[-1] if result else None
        text = line.tokens[0].text if line.kind is LineKind.CELL and line.tokens else ""
        mark = _PART_MARK.match(text)
        before = previous.tokens[0].text if previous is not None and previous.kind is LineKind.CELL and previous.tokens else ""
        opened = _PART_MARK.match(before) or (previous is not None and previous.extra.get("part"))
        if mark and opened and len(before) >= _PART_LENGTH and not before.endswith(_SENTENCE_END) and int(
                mark.group(1)) == (previous.extra.get("part") or int(opened.group(1))) + 1:  # type: ignore[union-attr]
            first = previous.tokens[0]  # type: ignore[union-attr]
            joined = _PART_MARK.sub("", first.text) if not previous.extra.get("part") else first.text  # type: ignore[union-attr]
            previous.set_token(0, Token(joined + text[mark.end():], first.line, first.column, first.offset, first.indent))  # type: ignore[union-attr]
            previous.extra["part"] = int(mark.group(1))  # type: ignore[union-attr]
            continue
        result.append(line)
    return result


_SPACED_STREAM = 0.6  # of a stream's one-cell lines stand after a blank line: blank lines separate its cells
_MIN_STREAM = 10
_ITEM_START = re.compile(r"^(?:\d+[.、．:：)）]|[(（]\d+[)）]|[一二三四五六七八九十]+、|目标\d)")


def join_continued(lines: list[Line]) -> list[Line]:
    """In a stream whose cells stand between blank lines or lone bars (a web table copied one cell per line), a
    line right under a cell, with no such separator between, is that cell wrapped at a line break inside it
    (``成本指标(必`` / ``填硬性指标)``, ``母猪、保育猪舍`` / ``(≥**平方米)``): joined, when both parts are words (not
    a level name, heading, target or figure) or the second is only the template's placeholder target ending the
    name, and the second does not open a numbered item or the page's furniture."""
    cells = [line for line in lines if line.kind is LineKind.CELL]
    if len(cells) < _MIN_STREAM or sum(1 for line in cells if _separated(line)) < _SPACED_STREAM * len(cells):
        return lines
    result: list[Line] = []
    for line in lines:
        previous = result[-1] if result else None
        if (previous is not None and previous.kind is LineKind.CELL and line.kind is LineKind.CELL
                and not _separated(line) and len(previous.tokens) == len(line.tokens) == 1
                and _words(previous.tokens[0].text)
                and (_words(line.tokens[0].text) or _residue_only(line.tokens[0].text))
                and not _ITEM_START.match(line.tokens[0].text.strip())):
            token = previous.tokens[0]
            previous.set_token(0, Token(f"{token.text.strip()}{line.tokens[0].text.strip()}", token.line,
                                        token.column, token.offset, token.indent))
            continue
        result.append(line)
    return result


def join_row_tails(lines: list[Line]) -> list[Line]:
    """A pipe row holding one cell, right under a pipe row that holds its figures, is a long cell of that row
    wrapped onto a row of its own in the same column (PDF table extraction writes ``| 林木采伐监管 | = | 6 |`` /
    ``| (万立方米) | | |``): joined to the row's cell in that column, when both are words (no level name,
    heading, operator, figure, qualitative target or placeholder of its own) and the row above holds a figure, so
    that the tail cannot be a row of its own that lacks its target."""
    result: list[Line] = []
    for line in lines:
        previous = result[-1] if result else None
        column = line.extra.get("column") if line.kind is LineKind.CELL else None
        if (column is not None and previous is not None and previous.kind is LineKind.ROW
                and previous.extra.get("piped") and not line.blanks_before
                and (line.line or 0) - (previous.line or 0) == 1 and column < len(previous.tokens)):
            token, tail = previous.tokens[column], line.tokens[0].text.strip()
            if (_words(token.text) and _words(tail) and not is_qualitative(tail) and not is_placeholder(tail)
                    and not _ITEM_START.match(tail)
                    and any(is_value(other.text) for other in previous.tokens)):
                previous.set_token(column, Token(f"{token.text.strip()}{tail}", token.line, token.column,
                                                 token.offset, token.indent))
                continue
        if previous is not None and (_stops_at_name(previous) or "tail_end" in previous.extra) \
                and _value_tail(previous, line):
            # a row whose further cells wrapped onto lines of their own (``| 效益指标 | 经济效益指标 | 减轻…负担 |`` /
            # ``| 有效 |`` / ``| 有效 | 10 | 10 |``: a PDF's row printed over three lines): they are the row's
            tokens = [Token(token.text, token.line, None, token.offset, token.indent) for token in line.filled]
            result[-1] = Line(previous.tokens + tokens, previous.kind, previous.line, previous.table, previous.row,
                              previous.gridded, previous.blanks_before, {**previous.extra, "tail_end": line.line})
            continue
        result.append(line)
    return result


def _stops_at_name(line: Line) -> bool:
    """A pipe row of the indicator grid (a level name among its cells) that ends at its name: no value of its own."""
    filled = line.filled
    return (line.kind is LineKind.ROW and bool(line.extra.get("piped")) and len(filled) >= 2
            and _words(filled[-1].text) and any(label(token.text).role in (Role.LEVEL1, Role.LEVEL2) for token in filled)
            and not any(_value_cell(token.text) for token in filled))


def _value_tail(row: Line, line: Line) -> bool:
    """Whether ``line``, right under ``row`` (or under the tail it already took), holds only the values a row goes
    on with (a target, an actual, points): figures, targets and qualitative words."""
    texts = [token.text for token in line.filled]
    last = row.extra.get("tail_end", row.line)
    return (bool(texts) and not line.blanks_before and (line.line or 0) - (last or 0) == 1
            and all(_value_cell(text) for text in texts))


def _value_cell(text: str) -> bool:
    return is_value(text) or is_qualitative(text) or label(text).role in (Role.NUMBER, Role.TARGET)


def _separated(line: Line) -> bool:
    """True for a line after a blank line or a lone bar: the stream's separator between cells."""
    return bool(line.blanks_before or line.extra.get("after_bar"))


def _residue_only(text: str) -> bool:
    """True for a cell holding only the template's placeholder target that ends a name (``(≥**平方米)``)."""
    return residue_target(text) is not None and not clean_name(text)


def _words(text: str) -> bool:
    return label(text).role is Role.TEXT and not is_chrome(text)


_SPACE_INSIDE = re.compile(r"\S\s+\S")
_HEADINGS_IN_A_RUN = 3  # headings a line holds to be a header run together (two may be a row's words)


def split_lines(lines: list[Line], deadline: Deadline = UNTIMED) -> list[Line]:
    """One-cell lines holding a whole run-together table become one line per cell the labels find. A line
    holding one run-together row is left whole: alignment splits it as one row. A pipe row holding a table's
    header fused with the rows around it becomes those rows (:func:`split_fused_header`). Within the read's
    ``deadline``, checked line by line."""
    result: list[Line] = []
    for line in join_wrapped(join_continued(join_row_tails(join_vertical(join_page_parts(lines))))):
        deadline.check(line)
        fused = split_fused_header(line)
        if fused is not None:
            result.extend(fused)
            continue
        text = line.tokens[0].text if line.kind is LineKind.CELL and line.tokens else ""
        if wrapped_run_together(text):
            text = unwrap(text)
        # headings run together whose boxes broke a heading with a space (目标值实际 完成值分值得分): the headings
        headings = heading_pieces(text) if _SPACE_INSIDE.search(text.strip()) else None
        if headings is not None and len(headings) >= _HEADINGS_IN_A_RUN:
            pieces: list[str] | None = list(headings)
        elif (listed := _report_list(text)) is not None:
            pieces = listed
        else:
            pieces = segment(text) if text and split_run_together(text) is None and not _opens_paragraph(text) else None
            if pieces is None and text:
                pieces = _levels_only(text) or _placeholder_then_operator(text)
        if pieces is None:
            result.append(line)
            continue
        cells: list[Line] = []
        for piece in pieces:
            if piece == ROW_END:
                if cells:
                    cells[-1].extra["closes_row"] = True
                continue
            cells.append(Line([Token(piece, line.line)], LineKind.CELL, line.line, extra={"segmented": True}))
        # a heading cut at a shorter heading it starts with (未完成原因 | 和改进措施) is one heading again
        result.extend(join_wrapped(cells))
    return result



# a report's numbered item opened by its level name and a colon ((1)时效目标:, (2)成本目标:)
_LIST_ITEM = re.compile(r"[(（]\d{1,2}[)）]\s*([^()（）。:：,，;；\d]{2,12})[:：]")


def _report_list(text: str) -> tuple[str, ...] | None:
    """The pieces of a line holding a table run together and, after it, a report's numbered list of what each level's
    indicators were to reach and reached (``…(1)时效目标:…到位时间绩效目标值是2023年12月前,实际完成值为2023年12月前,
    目标完成率为100%,(2)成本目标:…``, as a document site extracts a 自评报告 whole): the table's cells as
    :func:`segment` cuts them, then the list as one piece, a row of its own that prose reading splits by its
    punctuation (never cells run together: its words 绩效目标值, 实际完成值 would be cut as headings), then the rest of
    the line's cells. None for a line holding no such list after other text."""
    if len(text) < _SEGMENT_MIN_LENGTH:
        return None
    line = unicodedata_nfkc(simplified(text.strip()))
    start = end = None
    for item in _LIST_ITEM.finditer(line):
        if end is not None and item.start() > end:
            break
        if label(item.group(1)).role not in (Role.LEVEL1, Role.LEVEL2):
            continue
        said = said_end(line, item.end())
        if said == item.end():
            continue
        start = item.start() if start is None else start
        end = len(line) - len(line[said:].lstrip(" ,，;；。"))  # (the separators after the list are part of it)
    if start is None or end is None or not line[:start].strip():
        return None  # (a line that is only such a list is a report's paragraph: prose reading's, as it stands)
    return (*_cells(line[:start]), ROW_END, line[start:end].rstrip(" ,，"), ROW_END, *_cells(line[end:]))


def _cells(text: str) -> tuple[str, ...]:
    """The cells :func:`segment` cuts ``text`` into, or ``text`` as one cell when it is no table (none when empty)."""
    if not text.strip():
        return ()
    return segment(text) or (text.strip(),)


def _levels_only(text: str) -> tuple[str, str] | None:
    """A one-cell line holding a level-1 and a level-2 name run together and nothing else (``效益指标经济效益指标``, a
    row of a run-together table whose other cells are empty): the two names, each a cell; None for any other line."""
    stripped = text.strip()
    level1, level2, rest = split_level_prefix(simplified(stripped))
    if not (level1 and level2) or rest.strip():
        return None
    return stripped[:len(level1)], stripped[len(level1):]


def _placeholder_then_operator(text: str) -> tuple[str, str] | None:
    """A one-cell line holding an empty column's placeholder run onto the 指标值类型 or 指标性质 cell after it (``-定性``:
    度量单位 ``-``, then 定性): the two cells; None for any other line."""
    found = _EMPTY_MARK_BEFORE.fullmatch(text.strip())
    if found is None or not is_operator(found.group("operator")):
        return None
    return found.group("mark"), found.group("operator")


_EMPTY_MARK_BEFORE = re.compile(r"(?P<mark>[-—－/／]+)(?P<operator>\S+)")


# a level name ending a sentence at the start of a line (数量指标。养老金领取人数…): a report's paragraph about that
# level's indicators, which prose reading splits by its punctuation, never table cells run together
_PARAGRAPH_OPENING = re.compile(r"^\s*[(（]?[一二三四五六七八九十\d]*[)）、.．]?\s*([^。:：,，;；]{2,12})。")


def _opens_paragraph(text: str) -> bool:
    opening = _PARAGRAPH_OPENING.match(simplified(text))
    if opening is not None:
        return label(opening.group(1)).role in (Role.LEVEL1, Role.LEVEL2)
    # a level name and a colon, then such sentences ((3)数量目标:当年…活动数量绩效目标值是28次,实际完成值为40次,…)
    opening = _LEVEL_COLON.match(simplified(text))
    if opening is not None and label(opening.group(1)).role in (Role.LEVEL1, Role.LEVEL2):
        # (or a level name, a colon and sentences closed by their punctuation: 效益指标：社会效益指标：…增收48人。)
        rest = simplified(text)[opening.end():]
        return said_indicators(rest) is not None or bool(_SENTENCES_CLOSED.search(rest))
    # a level name, then sentences that say each indicator's target and what was achieved in words (4.成本指标国家规定
    # 标准发放指标为100%实际完成值为100%): a report's paragraph too; so is a line of a report's numbered list that
    # says them without a level name (1.…密度,年初目标值≥90%,实际完成值≥90%,自评得分20分;), or names them by their
    # path of levels joined by dashes
    level1, level2, rest = split_level_prefix(_HEADING_NUMBER.sub("", simplified(text)))
    if level1 or level2:
        return said_indicators(rest.lstrip("。:：,， ")) is not None
    return said_indicators(simplified(text)) is not None or reports_paths(simplified(text))


def reports_paths(text: str) -> bool:
    """Whether a report's sentence names indicators by their path of levels joined by dashes, a level 2 among them
    (投入-时效目标-绩效目标完成率实际完成情况:实际完成69.23%: :func:`.said.said_paths`)."""
    return any(label(path.level2).role is Role.LEVEL2 for path in said_paths(text))


_SENTENCES_CLOSED = re.compile(r"[。；;]\s*$")
_HEADING_NUMBER = re.compile(r"^\s*[(（]?[一二三四五六七八九十\d]*[)）、.．]?\s*")
_LEVEL_COLON = re.compile(r"^\s*[(（]?[一二三四五六七八九十\d]*[)）、.．]?\s*([^。:：,，;；]{2,12})[:：]")


_MIN_FUSED_HEADINGS = 4
# Headings of the columns that a stacked header's first row sets after 年度指标值, before its second row names the
# parts (一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位).
_GROUP_KINDS = {"target", "actual", "weight", "score", "deviation"}


def split_fused_header(line: Line) -> list[Line] | None:
    """The rows a pipe row holds when a web page's copy lost the row breaks around a table's header (a Yunnan
    自评表: ``… 年度总体目标 … | 绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 一级指标 | 二级指标 | … | 度量单位 |
    产出指标 | 数量指标 | 学生受资助人数 | ≧ | 735 | …``): what stands before the run of headings, the headings (two
    rows where a 一级指标 heading starts again after the group headings), and the first indicator row after them.
    None when the row is not so fused."""
    if line.kind is not LineKind.ROW or line.gridded:
        return None
    tokens = [token for token in line.tokens if token.text.strip()]
    roles = [label(token.text).role for token in tokens]
    start, end = _longest_run(roles, Role.HEADING)
    if end - start < _MIN_FUSED_HEADINGS or end == len(tokens) or roles[end] not in (Role.LEVEL1, Role.LEVEL2):
        return None
    kinds = [label(token.text).kind for token in tokens[start:end]]
    restart = next((index for index in range(1, len(kinds))
                    if kinds[index] == "level1" and _GROUP_KINDS & set(kinds[:index])), None)
    headers = [tokens[start:start + restart], tokens[start + restart:end]] if restart else [tokens[start:end]]
    rows = [tokens[:start], *headers, tokens[end:]]
    return [Line(list(row), LineKind.ROW, line.line, line.table, line.row, extra=dict(line.extra)) for row in rows if row]


def _longest_run(roles: list[Role], role: Role) -> tuple[int, int]:
    """Start and end of the longest run of ``role`` in ``roles``."""
    best, start = (0, 0), None
    for index, current in enumerate([*roles, None]):
        if current is role and start is None:
            start = index
        elif current is not role and start is not None:
            best = max(best, (start, index), key=lambda run: run[1] - run[0])
            start = None
    return best
