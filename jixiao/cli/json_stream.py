"""JSON written piece by piece, byte for byte as ``json.dumps(whole, ensure_ascii=False, indent=2)`` would write
it, so that a batch command can print its report as documents come instead of holding every document to the end.

Workers turn their items into text with :func:`item_text`; the parent only joins the texts with :class:`JsonList`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable

__all__ = ["JsonList", "item_text", "value_text"]

INDENT = "  "


def value_text(value: object, depth: int) -> str:
    """``value`` as ``json.dumps(indent=2)`` writes it ``depth`` levels deep (its first line not indented)."""
    # JSON escapes every control character inside strings, so each newline of the dump starts a line of layout.
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + INDENT * depth)


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
