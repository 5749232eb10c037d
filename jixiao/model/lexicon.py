"""Loading of the data files that hold jixiao's vocabularies.

Words that decide meaning (level names, units, operator phrases) live in TOML files under ``data/`` so that
they can be reviewed and extended without touching code; this module reads them once.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import cache, lru_cache
from importlib import resources
from typing import Any

__all__ = ["LOST_AS_QUESTION_MARKS", "LOST_BY_REPLACEMENT", "TEXT_MEMO", "load", "fold", "fold_all", "longest_first", "simplified", "unglossed",
           "simplified_in_place", "as_written", "WrittenText"]

_HAN = "\u4e00-\u9fff"
# characters a conversion lost: replacement characters, or question marks standing for Chinese characters (生活???效,
# 享受?家; not the question of 是否…? or 吗?)
LOST_BY_REPLACEMENT = re.compile("\ufffd+")
LOST_AS_QUESTION_MARKS = re.compile(rf"[{_HAN}]\?{{2,}}|\?{{2,}}[{_HAN}]|(?<=[{_HAN}])(?<![否吗么呢])\?(?=[{_HAN}])")

# How many texts each memoised function of one cell's or row's text remembers, least recently used forgotten first.
# Labels, level names, units and common targets recur on every sheet and stay; each file's own codes, names and
# amounts pass through. At 65,536 apiece the caches grew with the sheets a batch read, to ≈ 250 MB of a worker
# by 100,000 sheets (issue 13); a few thousand texts already keep the recurring vocabulary.
TEXT_MEMO = 8192


@cache
def load(name: str) -> dict[str, Any]:
    """Return the parsed contents of ``data/<name>.toml``."""
    text = resources.files("jixiao.model").joinpath(f"data/{name}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


# ═ (a box-drawing double bar) is how some provincial templates print the operator =
_FOLD_EXTRA = str.maketrans({"≧": "≥", "≦": "≤", "═": "=", "，": ",", "、": "、", "\u3000": " ", "～": "~"})


# a pinyin gloss a template prints after its characters (項(xiàng)目)
_GLOSS = re.compile(r"[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňɡ]+[)）]")


# a gloss a converter site wrote after a character of running text: a syllable with its tone mark, in brackets
# (績(jī)效目標(biāo)); a bracketed Latin word without one (指标值(A), 长度(km)) is the document's own
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńň"  # the vowels (and syllabic n) written with a tone mark
_TONE_MARK = re.compile(f"[{_TONED}]")
_TONED_GLOSS = re.compile(rf"(?<=[\u3400-\u9fff])[(（](?=[a-zü]*[{_TONED}])[a-z{_TONED}ü]{{1,6}}[)）]")


def unglossed(text: str) -> str:
    """``text`` without the pinyin glosses a converter site wrote after its characters (``項(xiàng)目`` → ``項目``),
    every line kept: they are no part of any cell, and a cell's gloss (指標(biāo)) hides the heading it is."""
    # (the pattern opens with a look-behind, tried at every character: it is searched for only in a text holding a
    # bracket and a tone mark, which every gloss it removes holds, and few documents do)
    return _TONED_GLOSS.sub("", text) if ("(" in text or "（" in text) and _TONE_MARK.search(text) else text


@cache
def _converter():
    import opencc  # (loading its dictionaries takes a moment: only once, and only when a cell is not ASCII)

    return opencc.OpenCC("t2s")


# Full-width digits and the signs written with figures (１００％, ＝, ＞, ．) in their ASCII forms, one character for one:
# run-together rows are cut on the figures they hold (饲养动物免疫率５％＝１００), and a piece cut from the converted text
# is given back as written (:class:`WrittenText`). Full-width punctuation (，：（）) stays: every pattern takes both forms.
# So do the small forms of the operators (﹦, ﹥, ﹤) a PDF's CJK font prints them in (项目验收合格率﹦100%).
_FIGURE_SIGNS = str.maketrans({chr(0xFF10 + digit): str(digit) for digit in range(10)}
                              | {"％": "%", "＝": "=", "＞": ">", "＜": "<", "．": ".", "＋": "+", "－": "-",
                                 "﹦": "=", "﹥": ">", "﹤": "<"})
# (translate looks each character of a Chinese text up in a dict, as long as a conversion of the text: it runs only
# where one of the characters it changes stands)
_FIGURE_SIGN = re.compile("[" + "".join(map(re.escape, map(chr, _FIGURE_SIGNS))) + "]")
_FOLD_SIGN = re.compile("[" + "".join(map(re.escape, map(chr, _FOLD_EXTRA))) + "]")


_MEMO_LONGEST = 1000  # characters of a text whose conversion is kept: a cell's or a line's, not a whole document's


def _to_simplified(text: str) -> str:
    if text.isascii():
        return text
    # (a conversion costs mostly its call, and a cell's text is converted on several ways, folded, simplified and
    # searched in place: memoised under the memos of those ways; a document's whole text is converted once)
    return _converted_memo(text) if len(text) <= _MEMO_LONGEST else _converted(text)


@cache
def _openings() -> frozenset[str]:
    """Every character a conversion can start a change at (``data/traditional.toml``): most cells are written in
    Simplified, and a text holding none of these is its own conversion. A set, not a character class: 898 of them lie
    beyond the Basic Multilingual Plane, where ``re`` tries a class's characters one by one, at every character of
    the text (slower than the conversion it was to spare)."""
    return frozenset(load("traditional")["openings"])


def _converted(text: str) -> str:
    simple = text if _openings().isdisjoint(text) else _converter().convert(text)
    return simple.translate(_FIGURE_SIGNS) if _FIGURE_SIGN.search(simple) else simple


_converted_memo = lru_cache(maxsize=TEXT_MEMO)(_converted)


@lru_cache(maxsize=TEXT_MEMO)
def simplified(text: str) -> str:
    """``text`` in Simplified characters, pinyin glosses removed (``項(xiàng)目`` → ``项目``)."""
    return _to_simplified(_GLOSS.sub("", text))


def simplified_in_place(text: str) -> str:
    """``text`` in Simplified characters, each in its place, for a search whose positions cut ``text`` as written
    (a label found inside a Traditional cell); ``text`` itself when the conversion would move characters."""
    simple = _to_simplified(text)
    return simple if len(simple) == len(text) else text


def as_written(original: str, piece: str) -> str:
    """``piece``, cut from ``simplified(original)`` (perhaps with characters left out), in the characters
    ``original`` was written in: a Traditional name stays Traditional once its cells have been found on the
    Simplified text. ``piece`` itself when it is not such a cut (the conversion changed the text's length, or a
    character of ``piece`` is not in the text)."""
    return WrittenText(original).of(piece)


class WrittenText:
    """A text as written and in Simplified, converted once, to give back many pieces cut from the Simplified form
    in the characters written (:func:`as_written`)."""

    def __init__(self, original: str) -> None:
        self.written = _GLOSS.sub("", original)
        self.simple = _to_simplified(self.written)
        self.changed = self.simple != self.written and len(self.simple) == len(self.written)

    def of(self, piece: str) -> str:
        """``piece`` in the characters written, or itself (see :func:`as_written`)."""
        if not self.changed or not piece:
            return piece
        start = self.simple.find(piece)
        if start >= 0:
            return self.written[start:start + len(piece)]
        chars, position = [], 0
        for char in piece:
            position = self.simple.find(char, position)
            if position < 0:
                return piece
            chars.append(self.written[position])
            position += 1
        return "".join(chars)


def longest_first(words: list[str]) -> tuple[str, ...]:
    """``words`` folded, longest first: where one word ends another (数 and 人口数), the longest match must win."""
    return tuple(sorted((fold(word) for word in words), key=len, reverse=True))


# Labels and level names repeat across every table of every file, so folding is memoised.
@lru_cache(maxsize=TEXT_MEMO)
def fold(text: str) -> str:
    """Fold full-width forms, spacing and Traditional characters so that spellings of the same word compare equal.

    NFKC turns （）：％＞＝ and full-width digits into their ASCII forms (and Kangxi radicals such as ``⽬`` into
    ``目``); whitespace is removed because Word exports break words with spaces and line breaks inside table
    cells; Traditional characters become Simplified (``不少於`` is ``不少于``, ``萬元`` is ``万元``) because every
    vocabulary is written in Simplified. The folded text is for matching only: a cell keeps its text as written.
    """
    return _to_simplified(_folded_forms(text))


def _folded_forms(text: str) -> str:
    """``text`` folded but for its Traditional characters."""
    folded = unicodedata.normalize("NFKC", text)
    folded = folded.translate(_FOLD_EXTRA) if _FOLD_SIGN.search(folded) else folded
    return "".join(folded.split())


def fold_all(texts: list[str]) -> list[str]:
    """:func:`fold` of each of ``texts``, the Traditional characters of all converted in one call: a conversion costs
    mostly its call, and a search for a label at each prefix of a new cell folds a dozen texts. (Folded texts hold no
    line break and no conversion crosses one, so the texts are converted as the lines of one text.)"""
    forms = [_folded_forms(text) for text in texts]
    chinese = [form for form in forms if not form.isascii()]
    if not chinese:
        return forms
    converted = iter(_to_simplified("\n".join(chinese)).split("\n"))
    return [form if form.isascii() else next(converted) for form in forms]
