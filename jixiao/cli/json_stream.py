"""JSON written piece by piece, byte for byte as ``json.dumps(whole, ensure_ascii=False, indent=2)`` would write
it, so that a batch command can print its report as documents come instead of holding every document to the end.

Workers turn their items into text with :func:`item_text`; the parent only joins the texts with :class:`JsonList`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from json.encoder import encode_basestring

__all__ = ["JsonList", "item_text", "value_text"]

INDENT = "  "


def value_text(value: object, depth: int) -> str:
    """``value`` as ``json.dumps(indent=2)`` writes it ``depth`` levels deep (its first line not indented)."""
    try:
        return _text(value, "\n" + INDENT * depth)
    except _NotPlain:
        # JSON escapes every control character inside strings, so each newline of the dump starts a line of layout.
        return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + INDENT * depth)


class _NotPlain(Exception):
    """A value :func:`_text` leaves to ``json.dumps`` (which converts or refuses it)."""


def _text(value: object, newline: str) -> str:
    # json.dumps(indent=2) byte for byte for the values reports hold: with an indent, json uses its pure-Python
    # encoder, a generator per container, which cost a worker more than a few percent of its time per sheet.
    # The order of the tests is json's own (a bool is an int, a StrEnum a str). ``newline`` starts a line at the
    # value's depth.
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float_text(value)
    inner = newline + INDENT
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        return "[" + inner + ("," + inner).join(_text(item, inner) for item in value) + newline + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        return "{" + inner + ("," + inner).join(_key_text(key) + ": " + _text(item, inner)
                                                for key, item in value.items()) + newline + "}"
    raise _NotPlain


def _float_text(value: float) -> str:
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


def _key_text(key: object) -> str:
    if isinstance(key, str):
        return encode_basestring(key)
    if isinstance(key, float):
        return encode_basestring(_float_text(key))
    if key is True or key is False or key is None:
        return encode_basestring({True: "true", False: "false", None: "null"}[key])
    if isinstance(key, int):
        return encode_basestring(int.__repr__(key))
    raise _NotPlain


def item_text(value: object, depth: int) -> str:
    """One item of a list that is ``depth`` levels deep, with its own line and indentation."""
    return "\n" + INDENT * (depth + 1) + value_text(value, depth + 1)


class JsonList:
    """A list written one item at a time through ``write``: ``[`` first, then items made by :func:`item_text` at
    the same depth, then :meth:`close`. An empty list comes out as ``[]``, as ``json.dumps`` writes it."""

    def __init__(self, write: Callable[[str], object], depth: int) -> None:
        self._write = write
        self._depth = depth
        self.count = 0
        write("[")

    def extend(self, items: Iterable[str]) -> None:
        """Write items already turned into text by :func:`item_text`."""
        items = list(items)
        if items:
            self._write(("," if self.count else "") + ",".join(items))
            self.count += len(items)

    def close(self) -> None:
        """End the list."""
        self._write(("\n" + INDENT * self._depth + "]") if self.count else "]")
