"""Hierarchy by indentation (the 批复表): 一级指标, 二级指标 and the indicators stand in one column, each on a row
of its own, their level shown only by how far the cell is indented; the target stands beside the indicator (a
grid) or on the unindented line below it (text).

The depths are learnt from the rows: a level name the vocabulary knows fixes its level's depth; a row at the
level-2 depth is a level 2 even when its name is outside the vocabulary (进度指标); a row deeper than the
level-2 depth is an indicator, whatever its name looks like (服务对象满意度 under 服务对象满意度指标); a first level
name that the older framework also uses as a level 2 (成本指标) is one when a level 2 follows at its depth. Rows above
the first level name head the sheet, not indicators: the last of them (nearest the levels) is the project, with
its amount, the first the unit. Without any indentation the vocabulary alone tells levels from indicators.
"""

from __future__ import annotations

from collections.abc import Callable

from jixiao.documents.pipeline.labels import Role, label, names_a_legacy_level2
from jixiao.documents.pipeline.tokens import Line, LineKind, Token

__all__ = ["is_outline", "Outline"]

_LOOK_AHEAD = 40  # lines below a header searched for the outline's first level names


def _lone(line: Line) -> Token | None:
    """The one filled token of a row or cell line that holds only it."""
    filled = line.filled
    return filled[0] if len(filled) == 1 and line.kind in (LineKind.ROW, LineKind.CELL) else None


def is_outline(lines: list[Line], start: int) -> bool:
    """True when the lines from ``start`` print their levels on rows of their own: a level-1 name and then a
    level-2 name, each alone on its row, the level 2 not less indented in a grid and more indented in text (where
    one cell per line is also how a table without indentation is copied), in text a level name alone with an
    indicator more indented below it (a form without 一级 rows), or a grid whose first column is
    indented, before any heading of a level column or any row that holds a level name beside other cells (a
    grid with level columns)."""
    level1_depth: int | None = None
    level2_depth: int | None = None  # (a form without 一级 rows: a level name with an indicator indented below it)
    for line in lines[start:start + _LOOK_AHEAD]:
        shallowest = min((depth for depth in (level1_depth, level2_depth) if depth is not None), default=None)
        if line.kind is LineKind.PARAGRAPH:
            return False
        labels = [label(token.text) for token in line.filled]
        if any(found.role is Role.HEADING and found.kind in ("level1", "level2") for found in labels) or (
                any(found.role in (Role.LEVEL1, Role.LEVEL2) for found in labels) and _lone(line) is None):
            return False
        if line.gridded and line.filled and line.filled[0].indent > 0:
            return True  # a grid's first column indented: levels, if any, stand shallower
        token = _lone(line)
        role = labels[0].role if token is not None else None
        if role is Role.LEVEL1 and level1_depth is None:
            level1_depth = token.indent  # type: ignore[union-attr]
        elif role is Role.LEVEL2 and level1_depth is not None:
            deeper = token.indent - level1_depth  # type: ignore[union-attr]
            return deeper > 0 or (deeper == 0 and line.gridded)
        elif role is Role.LEVEL2 and level2_depth is None and not line.gridded:
            level2_depth = token.indent  # type: ignore[union-attr]
        elif role is Role.TEXT and not line.gridded and shallowest is not None:
            if token.indent > shallowest:  # type: ignore[union-attr]
                return True
    return False


class Outline:
    """Places the rows of an indented table: each row is a level, an indicator, or what heads the sheet;
    ``add`` receives (values, line, tokens) for each."""

    def __init__(self, add: Callable[[dict[str, str], Line, int], None], name_column: int | None,
                 kind_at: Callable[[int | None], str], as_level2: Callable[[str], None]) -> None:
        self.add = add
        self.name_column = name_column
        self.kind_at = kind_at  # the key of a grid column's cells (``target``, ``extra:备注``)
        self.as_level2 = as_level2  # makes the level 1 placed with a name a level 2
        # the first level name, a level 1 the older framework uses as a level 2 (成本指标), until a level 2 stands
        # at its depth (a form without 一级 rows) or deeper
        self.legacy: str | None = None
        self.depths: dict[str, int] = {}
        self.name_depth: int | None = None  # the depth of the first grid row with its target beside it
        self.indented = False  # some row of the outline is indented: unindented text lines are values
        self.pending: tuple[dict[str, str], Line, int] | None = None  # a text row waiting for its values
        self.above: list[tuple[dict[str, str], Line, int]] = []  # the rows above the first level name

    def feed(self, line: Line) -> None:
        """Take one body line."""
        filled = line.filled
        if line.kind is LineKind.BREAK or not filled:
            return
        first = filled[0]
        self.indented = self.indented or first.indent > 0
        if line.kind is LineKind.ROW and line.gridded:
            if first.column != self.name_column:
                self._values(line, filled)  # a row holding only a value: the row above continues
                return
            self._place_pending()
            values = {self.kind_at(token.column): token.text for token in filled[1:]}
            kind = self._kind(first, has_value="target" in values)
            self._emit({kind: first.text, **values}, line, len(filled))
            return
        if self.indented and first.indent == 0 and self.pending is not None:
            self._values(line, filled)
            return
        self._place_pending()
        kind = self._kind(first, has_value=len(filled) > 1)
        texts = [token.text for token in filled]
        self.pending = ({kind: texts[0]}, line, 1)
        if texts[1:]:
            self._values(line, filled[1:])

    def _values(self, line: Line, filled: list[Token]) -> None:
        """Cells that continue the row above: an indicator's target first, then further cells; a context row's
        figures (the project's amount) stay context."""
        texts = [token.text for token in filled]
        if self.pending is None:
            self.add({"_context": "｜".join(texts)}, line, len(filled))
            return
        values, first_line, tokens = self.pending
        if "_context" in values and "_amount" not in values:
            values["_amount"], texts = texts[0], texts[1:]
        if "_context" in values or "target" in values:
            key = "_context" if "_context" in values else "extra:其余"
            values[key] = "｜".join(text for text in (values.get(key, ""), *texts) if text)
        else:
            values["target"] = texts[0]
            if texts[1:]:
                values["extra:其余"] = "｜".join(texts[1:])
        self.pending = (values, first_line, tokens + len(filled))

    def flush(self) -> None:
        """Place the row waiting for its values, and rows above levels that never came."""
        self._place_pending()
        above, self.above = self.above, []
        for values, line, tokens in above:
            self.add(values, line, tokens)

    def _place_pending(self) -> None:
        if self.pending is not None:
            values, line, tokens = self.pending
            self.pending = None
            self._emit(values, line, tokens)

    def _emit(self, values: dict[str, str], line: Line, tokens: int) -> None:
        if "_context" in values and not self.depths:
            self.above.append((values, line, tokens))
            return
        if self.above:
            self._heading()
        self.add(values, line, tokens)

    def _heading(self) -> None:
        """The rows above the first level name head the sheet: the last is the project (with its amount), the
        first, when there are more, the unit; others stay context."""
        above, self.above = self.above, []
        for position, (values, line, tokens) in enumerate(above):
            if position == len(above) - 1:
                values = {"_project": values.pop("_context"), **values}
            elif position == 0 and "_amount" not in values:
                values = {"_unit": values.pop("_context"), **values}
            self.add(values, line, tokens)

    def _kind(self, token: Token, has_value: bool) -> str:
        """What a row's first cell is: ``level1``, ``level2``, ``name`` or ``_context``."""
        depth = token.indent
        level1, level2 = self.depths.get("level1"), self.depths.get("level2")
        # (a form without 一级 rows shows its levels by depth too: level-2 names and the indicators below them; a
        # level-1 name at the level-2 depth is one the older framework uses as a level 2, 成本指标, in such a form)
        by_depth = level2 is not None and (level1 is None or level2 >= level1)
        if has_value:
            self.name_depth = depth if self.name_depth is None else self.name_depth
            return "name"  # a row with its target beside it (a grid)
        if by_depth and depth > level2:  # type: ignore[operator]
            return "name"
        role = label(token.text).role
        if role in (Role.LEVEL1, Role.LEVEL2):
            kind = "level2" if role is Role.LEVEL2 or (level1 is not None and depth > level1) else "level1"
            if kind == "level2" and depth == level1 and level2 is None and self.legacy is not None:
                # a level 2 at the first level name's depth: that name was a level 2 too, the form has no 一级 rows
                self.as_level2(self.legacy)
                del self.depths["level1"]
            self.legacy = token.text if kind == "level1" and not self.depths and names_a_legacy_level2(
                token.text) else None
            self.depths.setdefault(kind, depth)
            return kind
        if by_depth and depth == level2:
            return "level2"  # a level-2 name outside the vocabulary, written at the level-2 depth
        if level1 is None:
            return "name" if depth == self.name_depth else "_context"  # a row with no target, among indicators
        if by_depth and depth <= level1:
            return "level1" if depth == level1 else "_context"
        return "name"
