"""How far an actual value meets a quantitative target: the share of the weight it earns, explained.

Higher is better (≥, >, and = or a bare number unless the indicator is 反向): min(actual ÷ target, 1).
Lower is better (≤, <, or 反向): full marks at actual 0, else min(target ÷ actual, 1).
A range a–b: full marks inside; below a: actual ÷ a; above b: b ÷ actual.
Shares are clamped to 0–1, so a score never exceeds its weight and never falls below zero.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from functools import cache
from importlib import resources

from jixiao.model import Direction, Operator, Target, parse_target, unit_kind
from jixiao.model.finding import Phrase
from jixiao.model.lexicon import fold, simplified

__all__ = ["Sense", "Attainment", "full_amount_rate", "sense_of", "attainment", "number", "plain", "progress_problem"]

_ONE, _ZERO, _HUNDRED = Decimal(1), Decimal(0), Decimal(100)


class Sense(StrEnum):
    """Which way a target points."""

    HIGHER = "越高越好"
    LOWER = "越低越好"
    RANGE = "区间"


@dataclass(frozen=True)
class Attainment:
    """The share of the weight earned (0–1), the formula as a phrase, and the overshoot beyond the target in %."""

    share: Decimal
    formula: Phrase
    overshoot: Decimal | None = None


def number(value: Decimal) -> str:
    """A number as a person writes it: no exponent, no trailing zeros (16.50 → 16.5)."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def plain(value: Decimal) -> Decimal:
    """``value`` as a message parameter written as :func:`number` writes it (16.50 → 16.5): the figure stays a
    Decimal, its trailing zeros dropped, and a message shows it without an exponent."""
    return value.normalize()


@cache
def _lower_is_better() -> tuple[str, tuple[str, ...]]:
    data = tomllib.loads(resources.files("jixiao.scoring").joinpath("data/lower_is_better.toml").read_text("utf-8"))
    return data["source"], tuple(_bare(name) for name in data["names"])


def _bare(name: str) -> str:
    return "".join(ch for ch in fold(name) if ch not in "“”\"'‘’")


@cache
def _full_amount_rates() -> tuple[tuple[str, ...], tuple[str, ...]]:
    data = tomllib.loads(resources.files("jixiao.scoring").joinpath("data/full_amount_rates.toml").read_text("utf-8"))
    return tuple(_bare(name) for name in data["names"]), tuple(data["money_words"])


_UNIT_IN_BRACKETS = re.compile(r"[(（][^()（）]*[)）]$")


def full_amount_rate(name: str) -> str | None:
    """The rate (发放率, 到位率 …) that ``name`` ends in when the indicator measures money paid out, allotted or received
    in full (data/full_amount_rates.toml: the name ends in such a rate and says it is money, 经费发放率, 补助资金到位率):
    its target is 100% even where none is written. None for any other name (配方肥到位率 is not money)."""
    names, money = _full_amount_rates()
    bare = _UNIT_IN_BRACKETS.sub("", _bare(simplified(name)))
    rate = next((known for known in names if bare.endswith(known)), None)
    return rate if rate and any(word in bare for word in money) else None


def sense_of(target: Target, direction: Direction | None, name: str = "") -> tuple[Sense, Phrase | None]:
    """The sense of ``target``, with a note when it had to be taken from the direction, from the indicator's
    ``name`` (a common indicator that should stay low, data/lower_is_better.toml) or assumed."""
    if target.operator is Operator.RANGE:
        return Sense.RANGE, None
    if target.operator in (Operator.GE, Operator.GT):
        return Sense.HIGHER, None
    if target.operator in (Operator.LE, Operator.LT):
        return Sense.LOWER, None
    if direction is Direction.NEGATIVE:
        return Sense.LOWER, Phrase("目标未写“≥/≤”，按指标方向性“反向”视为越低越好")
    source, names = _lower_is_better()
    known = next((known for known in names if known in _bare(name)), None) if direction is None else None
    if known:
        return Sense.LOWER, Phrase("目标未写“≥/≤”，“{known}”按{source}越低越好，视为上限", {"known": known, "source": source})
    return Sense.HIGHER, Phrase("目标未写“≥/≤”，视为越高越好（达到目标即满分）")


def _clamp(share: Decimal) -> Decimal:
    return max(_ZERO, min(share, _ONE))


def attainment(target: Target, sense: Sense, actual: Decimal) -> Attainment:
    """The share of the weight ``actual`` earns against the quantitative ``target``, its working a phrase whose
    figures stay figures (``{actual}``, ``{goal}``, ``{low}``, ``{high}``) and whose ``{unit}`` is the target's."""
    goal, unit = target.value, target.unit or ""
    shown = "实际值 {actual}{unit}"

    def phrase(template: str, **figures: Decimal) -> Phrase:
        return Phrase(template.replace("{shown}", shown), {"actual": plain(actual), "unit": unit,
                                                           **{key: plain(value) for key, value in figures.items()}})

    if sense is Sense.RANGE:
        low, high = goal, target.value_max
        if low <= actual <= high:
            return Attainment(_ONE, phrase("{shown} 在目标区间 {low}–{high}{unit} 内，得满分", low=low, high=high))
        if actual < low:
            share = _clamp(actual / low) if low else _ONE
            return Attainment(share, phrase("{shown} 低于区间下限 {low}{unit}：{actual} ÷ {low}", low=low))
        return Attainment(_clamp(high / actual), phrase("{shown} 高于区间上限 {high}{unit}：{high} ÷ {actual}", high=high))
    if sense is Sense.HIGHER:
        if goal <= 0:
            share = _ONE if actual >= goal else _ZERO
            return Attainment(share, phrase("{shown}，目标 ≥{goal}{unit}，" + ("已" if share else "未") + "达到", goal=goal))
        overshoot = (actual - goal) / goal * _HUNDRED
        return Attainment(_clamp(actual / goal), phrase("{shown} ÷ 目标值 {goal}{unit}（超过100%按100%计）", goal=goal),
                          overshoot if overshoot > 0 else None)
    if actual <= 0:
        # Nothing spent (or no day taken) against a positive ceiling: the whole ceiling was saved.
        return Attainment(_ONE, phrase("得满分（{shown}，不超过上限 {goal}{unit}）", goal=goal),
                          _HUNDRED if goal > 0 else None)
    if goal <= 0:
        return Attainment(_ZERO, phrase("目标为 {goal}{unit}，{shown} 超出，得 0 分", goal=goal))
    overshoot = (goal - actual) / goal * _HUNDRED
    return Attainment(_clamp(goal / actual), phrase("目标值 {goal}{unit} ÷ {shown}（超过100%按100%计）", goal=goal),
                      overshoot if overshoot > 0 else None)


def progress_problem(target: Target, written: str) -> str | None:
    """Why ``written`` cannot be the value reached for ``target``, or None when it fits.

    A numeric target needs a number in a unit of the same kind (``12000人`` for ``≥24400人``, not ``很多`` nor
    ``50%``); a qualitative target takes any text.
    """
    if target.value is None:
        return None
    reached = parse_target(written)
    example = f"如 {number(target.value)}{target.unit or ''}"
    if reached.value is None or reached.operator is not None:
        return f"目标是“{target.stated}”，实际完成值应填写数值（{example}），“{written.strip()}”无法计算进度"
    if reached.unit and target.unit and fold(reached.unit) != fold(target.unit) and (
            unit_kind(reached.unit) is None or unit_kind(reached.unit) != unit_kind(target.unit)):
        return f"实际完成值的单位“{reached.unit}”与目标“{target.stated}”的单位“{target.unit}”不一致（{example}）"
    return None
