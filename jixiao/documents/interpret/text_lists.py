"""Splitting prose into ordered items: numbered goal statements, 一是…二是… aims, （一）… duties."""

from __future__ import annotations

import re

__all__ = ["split_items", "strip_enumerator"]

_ENUMERATOR = re.compile(
    r"^\s*(?:[一二三四五六七八九十]是|[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.．]|\d+[、.．)）](?!\d)|[①②③④⑤⑥⑦⑧⑨⑩]|目标\d+[:：])\s*"
)
# Inline markers that start a new item in the middle of a paragraph: 一是…二是…, or a number after a sentence
# end or after a space (Word cells often run ``1、…　2、…`` together on one line).
_INLINE = re.compile(r"(?=(?:[一二三四五六七八九十]是|(?<=[；;。])\s*\d+[、.．](?!\d)|(?<=\s)\d+[、．](?!\d)))")
# a character an inline marker needs (the 是 of 一是, the sentence end or the space before a number): a line without
# any is one item, found without trying the markers' lookahead at every character
_MARKER_NEEDS = re.compile(r"[是；;。\s]")
_LEAD_IN = re.compile(r"^[^：:]{0,20}[：:]\s*(?=[一二三四五六七八九十]是)")


def strip_enumerator(text: str) -> str:
    """Drop a leading item number (``1、``, ``（一）``, ``①``)."""
    return _ENUMERATOR.sub("", text, count=1).strip()


def split_items(text: str) -> list[str]:
    """Split a cell or section into items, one per line or per inline marker, without their numbers.

    ``主要预期目标是：一是…；二是…`` gives the two aims; ``1、…\\n2、…`` gives two goal statements.
    """
    items: list[str] = []
    for line in text.splitlines():
        line = _LEAD_IN.sub("", line.strip())
        if not line:
            continue
        for part in _INLINE.split(line) if _MARKER_NEEDS.search(line) else (line,):
            part = strip_enumerator(part).strip().rstrip("；;")
            if part:
                items.append(part)
    return items
