"""Known slips of standard terms (投款 for 拨款, 不良应 for 不良反应), read from ``data/slips.toml``.

A slip is a spelling that is never the term nor any other word, so finding one in a text is enough to say the text is
wrong and what it should say; the words that legitimately hold a slip are listed with it and left alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from jixiao.model.lexicon import fold, load

__all__ = ["Slip", "slips_in"]


@dataclass(frozen=True)
class Slip:
    """A slip found in a text: as written, the standard term it stands for, what kind of slip it is, and where."""

    written: str
    term: str
    why: str
    start: int
    end: int


@dataclass(frozen=True)
class _Entry:
    slip: str
    term: str
    why: str
    unless: tuple[str, ...]


@cache
def slip_words() -> frozenset[str]:
    """The standard terms of the list and the kinds of slip (形近字、同音字、漏字): the words a finding about a slip
    takes from the list rather than from the text."""
    return frozenset(word for entry in _entries() for word in (entry.term, entry.why))


@cache
def _entries() -> tuple[_Entry, ...]:
    return tuple(_Entry(fold(slip), term["term"], term["why"], tuple(fold(word) for word in term.get("unless", ())))
                 for term in load("slips")["term"] for slip in term["slips"])


def slips_in(text: str | None) -> list[Slip]:
    """The known slips in ``text`` (folded: no spaces, Simplified), in the order they stand, none inside a word that
    legitimately holds one (强制免除 holds 强制免)."""
    if not text:
        return []
    flat = fold(text)
    found: list[Slip] = []
    for entry in _entries():
        start = flat.find(entry.slip)
        while start >= 0:
            end = start + len(entry.slip)
            if not any(_covers(flat, word, start, end) for word in entry.unless):
                found.append(Slip(entry.slip, entry.term, entry.why, start, end))
            start = flat.find(entry.slip, start + 1)
    return sorted(found, key=lambda slip: slip.start)


def _covers(flat: str, word: str, start: int, end: int) -> bool:
    """True when an occurrence of ``word`` in ``flat`` spans the characters ``start:end``."""
    first = max(0, end - len(word))
    at = flat.find(word, first)
    while 0 <= at <= start:
        if at + len(word) >= end:
            return True
        at = flat.find(word, at + 1)
    return False
