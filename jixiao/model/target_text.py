"""Understanding the text of a 指标值 cell.

Real cells mix the target with prose (``≥18全乡18个行政村全覆盖``), repeat the unit in words
(``≥100%,百分比,…``), glue two numbers together (``≥100100%``), still hold template text (``≥**个``,
``(≥**株)>=17600株``), write operators as words (``1000人次以上``, ``不超过5天``), use compound units
(``≤2875元/个``, ``400元/人、天``), give a date or deadline (``2025年12月``, ``每年12月底前``), or carry conversion
noise (``二100百分比`` for ``=100%``). :func:`parse_target` separates the target from the rest and records in
``notes`` everything it had to infer; a repair is made only where it is certain, a guess is only noted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache

from jixiao.model.lexicon import TEXT_MEMO, fold, load, simplified
from jixiao.model.numerals import BARE_FIGURE, CHINESE_DIGITS, chinese_to_decimal
from jixiao.model.target import NoteCode, Operator, Target, TargetNote
from jixiao.model.units import (
    PER_WORD,
    UnitKind,
    canonical_unit,
    compound_unit,
    per_only_units,
    unit_kind,
    unit_spellings,
)

__all__ = ["figure_slips_in_place", "figure_slips_repaired", "parse_target"]

_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|百分之[" + CHINESE_DIGITS + r"]+|[" + CHINESE_DIGITS + r"]+")
# words that go on after a target (培训结束后及时考核), not a word or two that qualify it (左右)
_WORDS = re.compile(r"[\u4e00-\u9fff]{3}")
_SEPARATORS = ",;:、/()（）[]【】 "
_TEMPLATE_PREFIX = re.compile(r"^(?:指标\d+[:：.]?|[(（](?=.*[)）]$))")
# A template's bracketed placeholder left in front of the real value: (≥**株)>=17600株, (≥**%)>=85.
_RESIDUE_BEFORE_VALUE = re.compile(r"^[(（]([^()（）]*(?:\*\*|××|XX|xx)[^()（）]*)[)）](?=.)")
_YEAR = r"(?:19|20)\d{2}"
_MONTH = r"(?:1[0-2]|0?[1-9])"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_BEFORE = r"(?:之前|以前|前|止|内)?(?:完成|完工|结束)?"
# Dates and deadlines. A bare month (12月) stays a number of months: only a year, a day, 底/末/旬 or 前 makes
# it a date. Each alternative is anchored where the cursor stands.
_DATE = re.compile(
    "|".join([
        rf"{_YEAR}[./-]{_MONTH}(?:[./-]{_DAY})?(?!\d)",
        rf"(?:每年|当年|本年度?)?(?:{_YEAR}年度?)?{_MONTH}月份?(?:{_DAY}[日号])?(?:底|末|上旬|中旬|下旬|初)?{_BEFORE}",
        rf"(?:{_YEAR}年度?|每年|当年|本年度?)?(?:年底|年末){_BEFORE}",
        rf"{_YEAR}年(?:底|末){_BEFORE}",
        rf"{_YEAR}年度?{_BEFORE}(?![\d个])",
    ])
)
_BARE_MONTH = re.compile(rf"{_MONTH}月份?$")


@cache
def _operator_phrases(section: str) -> tuple[re.Pattern[str], dict[str, Operator]]:
    """One alternation of the section's phrases (longest first) and the operator each names."""
    operators = {fold(p): Operator(op) for op, phrases in load("targets")[section].items() for p in phrases}
    ordered = sorted(operators, key=len, reverse=True)
    return re.compile("|".join(re.escape(phrase) for phrase in ordered)), operators


@cache
def _unit_pattern() -> re.Pattern[str]:
    # One alternation, longest spelling first, so 万元 wins over 元 and 人次 over 人.
    return re.compile("|".join(re.escape(spelling) for spelling in unit_spellings()))


@cache
def _qualitative_words() -> tuple[str, ...]:
    words = [fold(w) for tier in load("targets")["qualitative"].values() for w in tier]
    return tuple(sorted(words, key=len, reverse=True))


@cache
def _placeholders() -> tuple[str, ...]:
    return tuple(fold(p) for p in load("targets")["placeholders"])


@cache
def _range_separators() -> tuple[str, ...]:
    return tuple(fold(s) for s in load("targets")["range_separators"])


@dataclass
class _Cursor:
    """The folded text and how far it has been consumed."""

    text: str
    pos: int = 0
    notes: list[TargetNote] = field(default_factory=list)

    def note(self, code: NoteCode, template: str, **params: str) -> None:
        """Note ``code``, its message ``template`` filled by ``params`` (each the cell's text or a part of it)."""
        self.notes.append(TargetNote.of(template, params, code=code))

    @property
    def rest(self) -> str:
        return self.text[self.pos :]

    def take_phrase(self, phrases: tuple[re.Pattern[str], dict[str, Operator]]) -> Operator | None:
        pattern, operators = phrases
        match = pattern.match(self.text, self.pos)
        if match is None:
            return None
        self.pos = match.end()
        return operators[match.group(0)]

    def take_number(self) -> tuple[str, Decimal] | None:
        match = _NUMBER.match(self.text, self.pos)
        if not match:
            return None
        written = match.group(0)
        value = _to_decimal(written)
        if value is None:
            return None
        self.pos += len(written)
        return written, value

    def take_unit(self) -> str | None:
        match = _unit_pattern().match(self.text, self.pos)
        if match is None:
            return None
        self.pos = match.end()
        return match.group(0)

    def take_per_only(self) -> str | None:
        """Take a unit that stands only after the "/" of a compound (生 of 元/生/年)."""
        spelling = next((unit for unit in per_only_units() if self.rest.startswith(unit)), None)
        if spelling is not None:
            self.pos += len(spelling)
        return spelling

    def skip_separators(self) -> None:
        while self.rest and self.rest[0] in _SEPARATORS:
            self.pos += 1


def _to_decimal(written: str) -> Decimal | None:
    if written.startswith("百分之"):
        return chinese_to_decimal(written[3:])
    if written[0] in CHINESE_DIGITS:
        return chinese_to_decimal(written)
    try:
        return Decimal(written.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the regex admits only valid numbers
        return None


_TOLERANCE = ("±", "+/-", "+-")


def _strip_template(text: str) -> str:
    text = _TEMPLATE_PREFIX.sub("", text)
    if text.endswith((")", "）")) and not any(ch in text[:-1] for ch in "(（"):
        text = text[:-1]
    return text


# Real sheets repeat the same few targets (≥90%, 100%, ≤预算) many times, and a Target is frozen: caching the
# parse is safe and saves a good part of reading a large batch.
@lru_cache(maxsize=TEXT_MEMO)
def parse_target(raw: str, context: str = "") -> Target:
    """Understand a 指标值 cell.

    ``context`` is nearby text (the indicator's name and description); a unit missing from the cell is taken
    from there only when the same number appears in it with a unit, and the inference is noted.
    """
    text = fold(raw)
    if not text:
        return Target(raw=raw)
    sign = next((sign for sign in _TOLERANCE if text.startswith(sign)), None)
    if sign and (bound := parse_target(text[len(sign):], context)).operator is Operator.LE:
        # a deviation bounded both ways (误差率 ±3%以内): its size is at most the figure (a bare ±10% says no bound)
        return bound.model_copy(update={"raw": raw})
    cursor = _Cursor(_strip_template(text))
    template_unit = _drop_residue(cursor)
    _repair_conversion_noise(cursor)
    _repair_figure_slips(raw, cursor)
    _drop_distributive(cursor)
    placeholder = any(p in cursor.rest for p in _placeholders())

    operator = cursor.take_phrase(_operator_phrases("prefix_operators"))
    worded = operator is Operator.EQ and not cursor.text[:cursor.pos].strip().startswith(("=", "＝"))
    date = _take_date(cursor)
    if date is not None:
        leftover = cursor.rest.strip(_SEPARATORS) or None
        if leftover:
            cursor.note(NoteCode.LEFTOVER, "指标值中混有其他文字：“{leftover}”", leftover=leftover)
        return Target(raw=raw, operator=operator, date=date, leftover=leftover, notes=cursor.notes)
    cursor.skip_separators()
    opening = cursor.pos
    per_before = _take_per_word(cursor)
    unit_only = cursor.take_unit() if per_before is None else None
    if unit_only is not None and not cursor.rest.strip(_SEPARATORS) and canonical_unit(unit_only):
        # the template's unit with its figure left blank (公里, ≧ %): no value, the operator and unit kept
        cursor.note(NoteCode.NOT_UNDERSTOOD, "指标值只写了计量单位“{unit}”，没有数值", unit=unit_only)
        return Target(raw=raw, operator=operator, unit=canonical_unit(unit_only), unit_raw=unit_only,
                      placeholder=placeholder, notes=cursor.notes)
    cursor.pos -= len(unit_only or "")
    if (masked := _MASKED_FIGURE.match(cursor.rest)) is not None:
        # a figure the publishing site starred out (≤****000元): filled in, its operator and unit still say what
        cursor.pos += masked.end()
        spelling = cursor.take_unit()
        return Target(raw=raw, operator=operator, unit=canonical_unit(spelling) if spelling else None,
                      unit_raw=spelling, placeholder=True, notes=cursor.notes)
    if operator is None and per_before is None:
        _take_figure_verb(cursor)
    start_of_number = cursor.pos if per_before is None else opening  # (每亩 is part of the value, not prose)
    number = cursor.take_number()
    if number is None:
        inside = _operator_inside(cursor.text) if operator is None and start_of_number == 0 else None
        if inside is not None:
            # a sentence whose one figure with an operator is the target (暂定量按15次作业且总航时不少于30小时测算)
            target = parse_target(cursor.text[inside:], context)
            note = TargetNote.of("指标值写成了句子，按其中的“{read}”理解", {"read": cursor.text[inside:inside + 12]},
                                 code=NoteCode.PREFIX_NOT_OPERATOR)
            return target.model_copy(update={"raw": raw, "notes": [note, *target.notes]})
        behind = _figure_behind_mark(raw, cursor.text, operator) if start_of_number == 0 else None
        if behind is not None:
            return behind
        cursor.pos = 0
        return _qualitative(raw, cursor.text, placeholder)
    written, value = number
    unit_spelling = cursor.take_unit()
    per = _take_per(cursor, opened=bool(unit_spelling and "/" in unit_spelling)) or per_before
    if per and unit_spelling:
        unit_spelling = f"{unit_spelling}/{per}"
    zero = written == "零" and operator is not None and not cursor.rest.strip(_SEPARATORS)  # 为零: none at all
    if written[0] in CHINESE_DIGITS and not written.startswith("百分之") and unit_spelling is None and not zero:
        # Chinese numerals count only when a unit follows (十八个); otherwise they are words (一般, 一致).
        cursor.pos = 0
        return _qualitative(raw, cursor.text, placeholder)
    if written.startswith("百分之"):
        unit_spelling = "%"
    value_max = None
    for separator in _range_separators():
        if cursor.rest.startswith(separator) and _NUMBER.match(cursor.rest[len(separator) :]):
            cursor.pos += len(separator)
            upper = cursor.take_number()
            if upper is not None:
                value_max = upper[1]
                unit_spelling = cursor.take_unit() or unit_spelling
                operator = Operator.RANGE
            break

    suffix = cursor.take_phrase(_operator_phrases("suffix_operators"))
    if suffix is not None:
        if operator is None or worded and operator is Operator.EQ:
            operator = suffix  # (达到95%以上, 为10天以内: reaching a figure or more is the bound the end names)
        elif operator is not suffix and operator is not Operator.RANGE:
            cursor.note(NoteCode.OPERATOR_CONFLICT, "运算符前后矛盾：开头为“{start}”，结尾为“{end}”", start=operator.value,
                        end=suffix.value)

    unit = canonical_unit(unit_spelling)
    _suspect_dropped_operator(cursor, written, operator, unit)
    # Units repeated in words after the number (≥100%,百分比,…) are redundant, not prose.
    while True:
        mark = cursor.pos
        cursor.skip_separators()
        repeated = cursor.take_unit()
        if repeated is None or canonical_unit(repeated) != unit or unit is None:
            cursor.pos = mark
            break
        cursor.note(NoteCode.UNIT_REPEATED, "计量单位重复书写：“{repeated}”", repeated=repeated)
    cursor.skip_separators()
    leftover = cursor.rest or None
    if operator is Operator.RANGE and leftover and _WORDS.search(leftover):
        # a span of numbered things that a sentence goes on about (1-6期培训结束后及时考核: after the 1st to 6th
        # courses) names which ones, it bounds no figure: the cell is a statement, its figures part of the words
        target = _qualitative(raw, cursor.text, placeholder)
        note = TargetNote.of("“{span}”后接文字“{leftover}”，按文字表述理解，不作数值区间", {
            "span": cursor.text[start_of_number:len(cursor.text) - len(leftover)], "leftover": leftover},
            code=NoteCode.LEFTOVER)
        return target.model_copy(update={"notes": [note, *target.notes]})

    value, leftover = _split_glued_numbers(written, value, unit, leftover, context, cursor)
    unit_inferred = False
    if unit is None and per:
        # 28.40/株: the money unit of 元/株 is missing. Keep what was written as the unit (a rate per 株 of
        # something unknown); never guess the numerator.
        unit_spelling = f"/{per}"
        unit = canonical_unit(unit_spelling)
        cursor.note(NoteCode.UNIT_MISSING, "指标值只写了“/{per}”，缺少计量单位（如 元/{per}）", per=per)
    elif unit is None and template_unit is not None:
        unit, unit_spelling, unit_inferred = template_unit, template_unit, True
        cursor.note(NoteCode.UNIT_INFERRED, "指标值未写计量单位，按残留模板文字取单位“{unit}”", unit=unit)
    elif unit is None:
        unit, unit_spelling = _unit_from_text(value, (leftover or "") + "|" + fold(context))
        bracketed = None
        if unit is None and value is not None:
            unit, bracketed = _bracketed_unit(fold(context))
            unit_spelling = bracketed
        unit_inferred = unit is not None
        if bracketed:
            cursor.note(NoteCode.UNIT_INFERRED, "指标值未写计量单位，按名称或说明中注明的“（{bracketed}）”取单位“{unit}”",
                        bracketed=bracketed, unit=unit)
        elif unit_inferred:
            cursor.note(NoteCode.UNIT_INFERRED, "指标值未写计量单位，按说明文字中的“{value}{spelling}”取单位“{unit}”",
                        value=str(value), spelling=unit_spelling, unit=unit)
        else:
            cursor.note(NoteCode.UNIT_MISSING, "指标值未写计量单位")
    if leftover:
        cursor.note(NoteCode.LEFTOVER, "指标值中混有其他文字：“{leftover}”", leftover=leftover)
    if start_of_number and operator is None:
        cursor.note(NoteCode.PREFIX_NOT_OPERATOR, "数值前的文字未能识别为运算符：“{prefix}”",
                    prefix=cursor.text[:start_of_number])
    return Target(
        raw=raw,
        operator=operator,
        value=value,
        value_max=value_max,
        unit=unit,
        unit_raw=unit_spelling,
        unit_inferred=unit_inferred,
        leftover=leftover,
        placeholder=placeholder,
        notes=cursor.notes,
    )


# a figure and its unit behind one character that is no operator (工5%, ^80%, 到0次: what OCR made of ≥); not a
# word that says something of the figure (约5%, 前3名, 第1名, 超5%), which is prose the target's reader leaves whole
# (nor a sign that is one: ±10% is a tolerance, ~, -, + a range's or a change's)
_BEHIND_MARK = re.compile(r"^(?P<mark>[^\d\s.,，约近超前第达共计逾至满每各余后上下内外±≈~～+\-－—/])(?P<figure>\d+(?:\.\d+)?)"
                          r"(?P<unit>\D+)$")


def _figure_behind_mark(raw: str, text: str, operator: Operator | None) -> Target | None:
    """A cell holding a figure and its unit behind one character no operator reads (``工5%``, ``^80%``; OCR's slips
    for ≥): the unit is certain, it ends the cell; what the mark did to the figure is not (≥5%? 5%?), so the mark
    and the figure stay as written (``工5``) and the cell says which character it could not read. None for any
    other cell."""
    found = _BEHIND_MARK.match(text)
    spelling = found.group("unit") if found is not None and operator is None else None
    unit = canonical_unit(spelling) if spelling is not None else None
    if unit is None:
        return None
    mark = found.group("mark")  # type: ignore[union-attr]
    note = TargetNote.of("数值前的“{mark}”未能识别为运算符（可能是“≥”等符号的识别错误），数值按原文保留：“{raw}”，请核对原件",
                         {"mark": mark, "raw": raw.strip()}, code=NoteCode.PREFIX_NOT_OPERATOR)
    return Target(raw=raw, qualitative=mark + found.group("figure"), unit=unit, unit_raw=spelling,  # type: ignore[union-attr]
                  notes=[note])


# A figure starred out for the web (three stars or more, as a masked 联系电话 is; the template's unfilled residue is
# two: ≥**%), its digits left around the stars or not
_MASKED_FIGURE = re.compile(r"[*＊]{3,}[\d*＊,，.]*(?=\D|$)")


def _drop_residue(cursor: _Cursor) -> str | None:
    """Skip a template placeholder written before the real value; return the unit the template named, if any."""
    match = _RESIDUE_BEFORE_VALUE.match(cursor.rest)
    if match is None:
        return None
    cursor.pos += match.end()
    cursor.note(NoteCode.TEMPLATE_RESIDUE, "指标值前残留模板文字：“{residue}”", residue=match.group(0))
    residue = _Cursor(match.group(1).replace("*", "").replace("×", "").replace("X", "").replace("x", ""))
    residue.take_phrase(_operator_phrases("prefix_operators"))
    spelling = residue.take_unit()
    if spelling and residue.rest.startswith("/") and (per := _take_per(residue)):
        spelling = f"{spelling}/{per}"
    return canonical_unit(spelling)


# Conversion noise whose repair is certain: 二 read for = before Arabic digits, a stray % before the operator.
_CERTAIN_REPAIRS = (
    (re.compile(r"^二(?=\d)"), "=", "“二”是“=”的识别错误"),
    (re.compile(r"^%(?=[=≥≤<>])"), "", "运算符前多出的“%”"),
)
# OCR's slips inside a figure of a scanned table, certain because a letter or a comma stands where no figure's text
# has one: 〇 or O after a digit is a zero (1〇0%, ≥9O%), l or I before a digit a one (≥l8, I.2万亩), a comma before
# one or two digits a decimal point (2，6亿元: a thousands separator groups three). A 1 read as l after a digit stays
# (5l may be litres), as does 292% for ≥92% (a guess: only noted).
_FIGURE_SLIPS = (
    (re.compile(r"(?<=\d)[〇O](?![A-Za-z])"), "0", "数字中的“〇”或“O”是“0”的识别错误"),
    (re.compile(r"(?<![A-Za-z])[lI](?=\.?\d)"), "1", "数字中的“l”或“I”是“1”的识别错误"),
    (re.compile(r"(?<![\d,.])(\d+),(\d{1,2})(?![\d,])"), r"\1.\2", "数字中的逗号是小数点的识别错误"),
)
# a digit, which every one of the slips stands beside (a text without one has none of them)
_DIGIT = re.compile(r"\d")
# a space between two digits of a figure (9 5%): folding drops it, the note says so
_SPACE_IN_FIGURE = re.compile(r"\d[ \u3000]+\d")
# A % before the operator of a value that ends in its percent unit too (%=99百分比) is the unit written twice.
_PERCENT_AT_END = re.compile(r"(?:%|％|百分比)\s*$")


def figure_slips_repaired(folded: str) -> str:
    """``folded`` (a :func:`fold`-ed text) with OCR's certain slips inside its figures undone (:data:`_FIGURE_SLIPS`):
    what a cell is understood as, also where only its kind is asked (a target, a figure)."""
    if not _DIGIT.search(folded):
        return folded  # (each slip stands beside a digit: most names and labels hold none, and pass untried)
    for pattern, replacement, _ in _FIGURE_SLIPS:
        folded = pattern.sub(replacement, folded)
    return folded


# the slips of :data:`_FIGURE_SLIPS` in a text not folded (its comma full-width or not), each undone by one character
_SLIPS_IN_PLACE = (*_FIGURE_SLIPS[:2], (re.compile(r"(?<![\d,.，])(\d+)[,，](\d{1,2})(?![\d,，])"), r"\1.\2", ""))


def figure_slips_in_place(text: str) -> str:
    """``text`` with OCR's certain slips inside its figures undone one character for one (1〇0% → 100%, 7I.86 →
    71.86, 26970，7 → 26970.7), every other character where it stood: a row run together is cut on its figures, and
    the pieces cut are found again in the text as written."""
    if not _DIGIT.search(text):
        return text
    for pattern, replacement, _ in _SLIPS_IN_PLACE:
        text = pattern.sub(replacement, text)
    return text


def _repair_figure_slips(raw: str, cursor: _Cursor) -> None:
    """Undo OCR's certain slips inside the figures (:data:`_FIGURE_SLIPS`), each noted with the text as written."""
    for pattern, replacement, why in _FIGURE_SLIPS:
        repaired = pattern.sub(replacement, cursor.text)
        if repaired != cursor.text:
            cursor.note(NoteCode.OCR_REPAIRED, "已按{why}理解：“{raw}”", why=why, raw=raw.strip())
            cursor.text = repaired
    if _SPACE_IN_FIGURE.search(raw):
        cursor.note(NoteCode.OCR_REPAIRED, "已按数字中的空格是识别错误理解：“{raw}”", raw=raw.strip())


def _repair_conversion_noise(cursor: _Cursor) -> None:
    for pattern, replacement, why in _CERTAIN_REPAIRS:
        rest = cursor.rest
        repaired = pattern.sub(replacement, rest, count=1)
        if repaired != rest:
            cursor.text = cursor.text[: cursor.pos] + repaired
            if rest.startswith("%") and _PERCENT_AT_END.search(repaired):
                cursor.note(NoteCode.UNIT_REPEATED, "计量单位重复书写：“{rest}”的开头和结尾都是百分号", rest=rest)
            else:
                cursor.note(NoteCode.OCR_REPAIRED, "已按{why}理解：“{rest}”", why=why, rest=rest)


# 各 before a figure shares it out over the items the name lists (年度、半年趋势报告次数 | 各 1 次: one of each): the
# figure is the target of each, as written without it.
_DISTRIBUTIVE = re.compile(r"^各\s*(?=[≥≤<>=\d])")


def _drop_distributive(cursor: _Cursor) -> None:
    rest = cursor.rest
    cursor.text = cursor.text[: cursor.pos] + _DISTRIBUTIVE.sub("", rest, count=1)


def _suspect_dropped_operator(cursor: _Cursor, written: str, operator: Operator | None, unit: str | None) -> None:
    """292% with no operator is likely ≥92% with ≥ read as 2: note it, keep the value as written."""
    if operator is None and unit == "%" and written.startswith("2") and len(written) > 2 and written.isdigit():
        if Decimal(written) > 100 and Decimal(written[1:]) <= 100:
            cursor.note(NoteCode.OCR_SUSPECTED, "“{written}%”超过100%，可能是“≥{meant}%”（“≥”被识别为“2”），请核对原件",
                        written=written, meant=written[1:])


def _take_date(cursor: _Cursor) -> str | None:
    """Take a date or deadline at the cursor (2025年12月, 12月底前, 每年12月底前); None if there is none."""
    match = _DATE.match(cursor.text, cursor.pos)
    if match is None or not match.group(0) or _BARE_MONTH.fullmatch(match.group(0)):
        return None
    following = cursor.text[match.end() : match.end() + 1]
    if following and (following.isdigit() or _unit_pattern().match(following)) and following not in "日号":
        return None
    cursor.pos = match.end()
    # A period written as two dates: 2020年1月--2020年11月, 2023-01-01至2023-12-31.
    joined = _DATE_JOIN.match(cursor.text, cursor.pos)
    if joined and (end := _DATE.match(cursor.text, joined.end())) and end.group(0):
        cursor.pos = end.end()
        return match.group(0) + joined.group(0) + end.group(0)
    return match.group(0)


_DATE_JOIN = re.compile(r"-{1,2}|—{1,2}|~|至|到")


def _take_per(cursor: _Cursor, opened: bool = False) -> str | None:
    """Take the denominator of a compound unit (``/个``, ``/人·天``, ``/人、天``, ``/人*月``, ``/人.每天``: a full stop
    typed for the dot, a unit written after 每); its canonical spelling or None. ``opened``: the unit taken already holds a denominator (``元/人`` of ``元/人*月``)."""
    mark = cursor.pos
    parts: list[str] = []
    while cursor.rest[:1] in ("/", "·", "、", "•", "*", ".") and cursor.rest[:1] and (
            parts or opened or cursor.rest[:1] == "/"):
        joint = cursor.pos
        cursor.pos += 1
        if cursor.rest.startswith(PER_WORD):  # (元/人.每天, 元/每人: the unit written after 每)
            cursor.pos += len(PER_WORD)
        spelling = cursor.take_unit() or cursor.take_per_only()
        kind = UnitKind.COUNT if spelling in per_only_units() else unit_kind(spelling)
        if spelling is None or kind not in (UnitKind.COUNT, UnitKind.TIME, UnitKind.PHYSICAL):
            cursor.pos = joint
            break
        parts.append(canonical_unit(spelling) or spelling)
    if not parts:
        cursor.pos = mark
        return None
    return compound_unit("", parts).lstrip("/")


def _operator_inside(text: str) -> int | None:
    """Where the one operator followed by a figure inside a sentence starts (``…总航时不少于30小时测算``), or None
    when the sentence holds none or several (then which is the target is a guess) or the figure is a date
    (完成时间为2022年12月30日: a deadline, read as one)."""
    pattern, _ = _operator_phrases("prefix_operators")
    found = [match.start() for match in pattern.finditer(text) if match.start() and _NUMBER.match(text, match.end())
             and text[match.end():match.end() + 1].isdigit() and not _DATE.match(text, match.end())]
    return found[0] if len(found) == 1 else None


@cache
def _figure_verb() -> re.Pattern[str]:
    """A verb before a figure that is the whole rest of the cell, its unit after it (完成90%, 提升10%)."""
    verbs = "|".join(sorted(map(re.escape, map(fold, load("targets")["figure_verbs"])), key=len, reverse=True))
    return re.compile(rf"(?:{verbs})(?=\d+(?:\.\d+)?(?:{_unit_pattern().pattern})?$)")


def _take_figure_verb(cursor: _Cursor) -> None:
    """Skip a verb that states no comparison before a figure and its unit ending the cell (完成90%: the target is
    90%, as written after the verb); the words before the number are noted as no operator."""
    match = _figure_verb().match(cursor.text, cursor.pos)
    if match is not None:
        cursor.pos = match.end()


def _take_per_word(cursor: _Cursor) -> str | None:
    """Take the denominator written as a word before the number (``每亩300``: 300 per 亩, as ``300/亩``); its
    canonical spelling, or None when the cursor is not at 每, a count or physical unit, and a figure."""
    if not cursor.rest.startswith("每"):
        return None
    cursor.pos += 1
    spelling = cursor.take_unit() or cursor.take_per_only()
    kind = UnitKind.COUNT if spelling in per_only_units() else unit_kind(spelling)
    if spelling is None or kind not in (UnitKind.COUNT, UnitKind.PHYSICAL) or not _NUMBER.match(cursor.rest) \
            or not cursor.rest[:1].isdigit():
        cursor.pos -= 1 + len(spelling or "")
        return None
    return canonical_unit(spelling) or spelling


def _qualitative(raw: str, text: str, placeholder: bool) -> Target:
    notes = []
    if not placeholder and not any(word in text for word in _qualitative_words()):
        notes.append(TargetNote(code=NoteCode.NOT_UNDERSTOOD, template="指标值既无数值，也不是常见的定性表述"))
    # the statement in Simplified without pinyin glosses (應(yīng)保盡保 is 应保尽保), as a unit is canonical;
    # raw keeps it as written
    qualitative = None if placeholder else simplified(raw).strip()
    return Target(raw=raw, qualitative=qualitative, placeholder=placeholder, notes=notes)


def _split_glued_numbers(
    written: str, value: Decimal, unit: str | None, leftover: str | None, context: str, cursor: _Cursor
) -> tuple[Decimal, str | None]:
    """Undo a target glued to a copy of the description's figure: ``≥100`` + ``100%`` written as ``≥100100%``.

    Only a percentage above 100 is split, and only where the description holds the tail with the same unit.
    """
    if unit != "%" or value <= 100 or not written.isdigit():
        return value, leftover
    folded_context = fold(context)
    for cut in range(1, len(written)):
        head, tail = written[:cut], written[cut:]
        if tail[0] != "0" and f"{tail}%" in folded_context:
            cursor.note(NoteCode.GLUED_NUMBERS, "指标值“{written}%”疑为“{head}”与说明中的“{tail}%”连写，按“{head}”理解",
                        written=written, head=head, tail=tail)
            return Decimal(head), f"{tail}%" + (leftover or "")
    return value, leftover


_BRACKETED = re.compile(r"[（(]\s*([^（）()]{1,6}?)\s*[）)]")


def _bracketed_unit(text: str) -> tuple[str | None, str | None]:
    """The unit a name or description states in brackets for its figures (培训人数（人次）, 服务外包在岸(万美元),
    合格率(%)): the first bracket holding nothing but a unit; its canonical form and spelling."""
    for match in _BRACKETED.finditer(text):
        unit = canonical_unit(match.group(1))
        if unit is not None and unit_kind(unit) is not None:
            return unit, match.group(1)
    return None, None


def _unit_from_text(value: Decimal, text: str) -> tuple[str | None, str | None]:
    """Find ``value`` written with a unit in ``text``; return the canonical unit and its spelling."""
    for match in BARE_FIGURE.finditer(text):
        if Decimal(match.group()) != value:
            continue
        after = _Cursor(text, match.end())
        spelling = after.take_unit()
        if spelling:
            return canonical_unit(spelling), spelling
    return None, None
