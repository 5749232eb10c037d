"""Option lists of a sheet's header: a field whose value prints the options to choose from (项目属性 □新增 ■延续;
项目类型 1、常年性项目 □ √ 2、一次性项目 □; 项目属性 延续项目 新增项目), read into a :class:`HeaderChoice` with the
options ticked. Review reports a list left unchosen."""

from __future__ import annotations

import re

from jixiao.model import HeaderChoice
from jixiao.model.lexicon import fold
from jixiao.model.options import HEADER_OPTIONS, RUN_TOGETHER

__all__ = ["read_choice", "is_boxes", "is_option_row", "settled"]

_EMPTY = "□☐▢◻⬜"
# (☒ and ▣: a box filled or crossed, as Word's check box fields print a ticked box)
_TICKED = "■☑☒▣◼⬛√✓✔✅"
# a box's glyph the copy could not show (1、部门预算项目 ? 2、省直专项 □): a box whose state is lost
_LOST = "?？\ufffd"
_MARK = re.compile(f"[{_EMPTY}{_TICKED}]")
_MARKS = re.compile(f"((?:[{_EMPTY}{_TICKED}{_LOST}]\\s*)+)")
# Boxes whose glyphs were read as letters. An OCR'd empty box: 口 opening a word (口新增 口延续), only where it opens at
# least two of them and no real box is printed, as a 口 inside a word (口径, 人口) never does. The Wingdings boxes of a
# Word form copied as text: £ an empty box, R a ticked one (1、部门预算项目 £ 2、区直专项 £ 3、上级转移支付项目 R), each a
# word of its own; an R counts only beside other boxes.
_LOOKALIKE = re.compile(r"(?:^|(?<=\s))口(?=\S)")
_WINGDINGS_EMPTY = re.compile(r"(?:^|(?<=\s))£(?=\s|$)")
_WINGDINGS_TICKED = re.compile(r"(?:^|(?<=\s))R(?=\s|$)")
# the number before an option (1、常年性项目, 2.一次性, (3)其他, ①)
_NUMBER = re.compile(r"(?:^|(?<=\s)|(?<=[" + _EMPTY + _TICKED + _LOST + r"]))(?:\d{1,2}[、.．]|[(（]\d{1,2}[)）]|[①-⑩])")
_WORD_BREAK = re.compile(r"[\s/／、|｜,，;；]+")
_LONGEST_OPTION = 12


def read_choice(label: str | None, text: str) -> HeaderChoice | None:
    """The option list ``text`` prints under ``label``, or None when it is no list of two options or more: options
    with boxes (a ticked box, or a tick beside one, chooses its option), numbered options (1、X 2、Y: none chosen),
    or the template's words left whole (延续项目 新增项目; 是/否). Numbered options with fewer boxes than options lost
    some glyphs in the copy (1、持续性项目 2、新增性项目 □): a list whose choice cannot be told (``legible`` False)."""
    written = _boxes_read_as_letters(text.strip())
    numbered = [_words(part)[0] for part in _NUMBER.split(written)[1:] if _words(part)]
    # (a glyph lost among the boxes may be the ticked one: the choice cannot be told)
    legible = not (_MARK.search(written) and any(char in _LOST for char in written))
    if _MARK.search(written) and len(numbered) > len(_MARKS.findall(written)):
        pairs, legible = [(option, False) for option in numbered], False
    elif _MARK.search(written):
        pairs = _boxed(written, prefix=label is not None)
    elif len(numbered) >= 2:
        pairs = [(option, False) for option in numbered]
    else:
        pairs = [(word, False) for word in _plain(written)]
    options = [option for option, _ in pairs]
    # (an option twice is two lists run together, or no list: 是 □否 … 是/否)
    if len(options) < 2 or len(set(options)) < len(options) or any(len(option) > _LONGEST_OPTION for option in options):
        return None
    return HeaderChoice(label=_label(label), text=text.strip(), options=options, legible=legible,
                        chosen=[option for option, ticked in pairs if ticked])


def is_option_row(text: str) -> bool:
    """True when ``text`` is a list of options with their boxes (1、部门预算项目 □ 2、省直专项 □), printed as a row of its
    own: a field of the header whose label the form leaves out. Plain words are no such row: without their label
    nothing says they are options."""
    return _MARK.search(_boxes_read_as_letters(text)) is not None and read_choice(None, text) is not None


def is_boxes(text: str) -> bool:
    """True when ``text`` holds boxes or ticks alone (□, □ √, £): an option list's, broken from its options."""
    marks = _boxes_read_as_letters(text.strip())
    return bool(marks) and _MARKS.fullmatch(marks) is not None


def settled(choices: list[HeaderChoice]) -> list[HeaderChoice]:
    """The sheet's option lists, those printed without a box taken as illegible where another list of the sheet lost
    some of its boxes: the copy drops the boxes' glyphs (a PDF's Wingdings), and a list printed bare may have lost
    the ticked one."""
    if all(choice.legible for choice in choices):
        return choices
    return [choice if _MARK.search(_boxes_read_as_letters(choice.text)) else choice.model_copy(update={"legible": False})
            for choice in choices]


def _boxes_read_as_letters(text: str) -> str:
    if _WINGDINGS_EMPTY.search(text):
        text = _WINGDINGS_EMPTY.sub(_EMPTY[0], text)
    if not _MARK.search(text) and len(_LOOKALIKE.findall(text)) >= 2:
        text = _LOOKALIKE.sub(_EMPTY[0], text)
    if _MARK.search(text):
        text = _WINGDINGS_TICKED.sub("☑", text)
    return text


def _label(label: str | None) -> str | None:
    """The label as printed, without the value written after its colon (项目属性:□新增 ■延续)."""
    return re.split("[:：]", label, maxsplit=1)[0].strip() or None if label else None


def _words(text: str) -> list[str]:
    return [fold(word) for word in _WORD_BREAK.split(_NUMBER.sub(" ", text)) if word]


def _boxed(text: str, prefix: bool) -> list[tuple[str, bool]]:
    """Each option beside its boxes, and whether one of them is ticked: boxes before their option where the text
    opens with one (□新增 ■延续), else after it (部门预算 □ 切块预算 □; 1、常年性项目 □ √ 2、…). Only the text before the
    first option (a label's words, where the field has a label: ``prefix``) or after the last (text run on from the
    next field) may hold other words; a word between two boxes that is no option makes it no list (其他运转类:
    □专项运转类 特定目标类:□重大活动类: options under headings of their own), and nothing is read."""
    parts = _MARKS.split(_NUMBER.sub(" ", text).strip())
    before = parts[0] == ""
    pairs: list[tuple[str, bool]] = []
    # parts alternate text, marks, text, marks, …, text
    for at in range(1, len(parts), 2):
        ticked = any(mark in _TICKED for mark in parts[at])
        words = _words(parts[at + 1] if before else parts[at - 1])
        if not words:
            continue
        option, others = (words[0], words[1:]) if before else (words[-1], words[:-1])
        # (a tick without a box before one option, the template's others left bare: √延续项目 新增项目)
        bare = [word for word in others if before and word in HEADER_OPTIONS]
        edge = at == len(parts) - 2 if before else at == 1 and prefix
        if len(bare) < len(others) and not edge:
            return []
        pairs += [(option, ticked), *((word, False) for word in bare)]
    return pairs


def _plain(text: str) -> list[str]:
    """The template's options left whole as plain words (项目属性 延续项目 新增项目; 是/否; 高中低): a value made only of
    the options forms print (:data:`HEADER_OPTIONS`), two or more, is the list unchosen; nothing when a word is no
    option's (a project's own wording is no list)."""
    words = _words(text)
    if len(words) == 1 and words[0] in RUN_TOGETHER:
        return list(RUN_TOGETHER[words[0]])
    return words if len(words) >= 2 and all(word in HEADER_OPTIONS for word in words) else []
