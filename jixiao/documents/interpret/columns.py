"""The indicator grid's columns: finding the header row and placing each row's cells under it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao.documents.blocks import Cell, Row
from jixiao.documents.interpret.labels import column_label
from jixiao.model import canonical_level1, canonical_level2
from jixiao.model.lexicon import fold

__all__ = ["Columns", "detect_header", "Placement", "place", "place_by_shape", "looks_like_target"]

_LEVEL_KINDS = ("level1", "level2")
# A 指标值 cell written with its operator: only symbols and phrases that cannot open a description
# ("为常住人口…" must not count as "= …").
_TARGET = re.compile(r"^(?:[≥≤≧≦><=＞＜＝]+|不低于|不少于|不高于|不超过|不小于|不大于|大于等于|小于等于)\s*\d")


@dataclass(slots=True)
class Columns:
    """The grid's columns in order: each a kind (``level1`` … ``basis``), its heading and grid position."""

    kinds: list[str]
    headings: list[str]
    positions: list[int | None]

    def kind_at(self, column: int) -> int | None:
        """Index of the column whose heading starts nearest at or before grid ``column`` (merged headings
        span). Positions need not be in order: a second header row moves and inserts columns."""
        best, nearest = None, -1
        for index, position in enumerate(self.positions):
            if position is not None and nearest <= position <= column:
                best, nearest = index, position
        return best

    def heading(self, kind: str) -> str:
        """The heading the document gives the column of ``kind``."""
        return self.headings[self.kinds.index(kind)] if kind in self.kinds else kind


@dataclass(slots=True)
class Placement:
    """A row's cell texts by column kind, and how the alignment was decided when the row was short."""

    values: dict[str, str]
    how: str | None = None  # set when cells had to be aligned by content
    failed: bool = False


def detect_header(row: Row) -> Columns | None:
    """Return the grid's columns if ``row`` is an indicator header row, else None.

    A header names a level (一级/二级指标) and either the indicator (三级指标) or its value (指标值).
    """
    kinds, headings, positions = [], [], []
    for index, cell in enumerate(row.filled):
        kind = column_label(cell.text)
        if kind is None or kind in kinds:
            continue
        kinds.append(kind)
        headings.append(cell.text.strip())
        positions.append(cell.column if cell.column is not None else None)
    has_level = any(kind in kinds for kind in _LEVEL_KINDS)
    has_body = "name" in kinds or "target" in kinds
    return Columns(kinds, headings, positions) if has_level and has_body and len(kinds) >= 3 else None


def place(row: Row, columns: Columns, aligned: bool) -> Placement:
    """Place the row's cells under the columns.

    Grid formats give each cell its column. Text layouts that drop merged cells give a short row; then the
    missing cells are the leading merged ones (一级, 二级), and the fixed level vocabulary tells which.
    """
    if aligned and all(cell.column is not None for cell in row.cells) and any(p is not None for p in columns.positions):
        values: dict[str, str] = {}
        for cell in row.cells:
            index = columns.kind_at(cell.column)  # type: ignore[arg-type]
            if index is not None and cell.text.strip():
                kind = columns.kinds[index]
                values[kind] = f"{values[kind]}\n{cell.text}" if kind in values and values[kind] != cell.text else cell.text
        return Placement(values)
    # A row as wide as the header keeps its empty cells (an empty description); a shorter one lost its merged
    # cells, and only its filled cells say anything.
    cells = row.cells if aligned or len(row.cells) == len(columns.kinds) else row.filled
    if len(cells) == len(columns.kinds):
        return Placement({kind: cell.text for kind, cell in zip(columns.kinds, cells) if cell.text.strip()})
    placement = _place_by_content(cells, columns)
    if placement.failed and 0 < len(cells) < len(columns.kinds):
        placement = place_by_shape([cell.text for cell in cells if cell.text.strip()], columns)
    return placement


def looks_like_target(text: str) -> bool:
    """True when ``text`` opens with an operator and a number, the shape of a 指标值 (``≥18个``)."""
    return bool(_TARGET.match(fold(text)))


def place_by_shape(texts: list[str], columns: Columns) -> Placement:
    """Place cells whose columns are unknown by their shape: level names by the fixed vocabulary, the target by
    its operator and number, the cells before and after it in column order.

    Surplus cells before or after the target are taken as further lines of the last column on that side (a
    multi-line description or basis); the row's ``how`` says so, since it is an inference.
    """
    kinds = columns.kinds
    values: dict[str, str] = {}
    rest = list(texts)
    for kind, canonical in (("level1", canonical_level1), ("level2", canonical_level2)):
        if rest and kind in kinds and canonical(rest[0]):
            values[kind] = rest.pop(0)
    others = [kind for kind in kinds if kind not in _LEVEL_KINDS]
    if not rest or not others:
        return Placement(values, failed=not values)
    notes: list[str] = []
    if "level1" in values and "level2" in kinds and "level2" not in values:
        # A row that names its 一级指标 starts a new group, so its 二级指标 cannot come from a merge above.
        notes.append(f"缺少{columns.heading('level2')}")
    anchor = next((i for i, text in enumerate(rest) if looks_like_target(text)), None) if "target" in others else None
    if anchor is None:
        groups = [(rest, others)]
    else:
        split = others.index("target")
        groups = [(rest[:anchor], others[:split]), ([rest[anchor]], ["target"]), (rest[anchor + 1 :], others[split + 1 :])]
    for group, group_kinds in groups:
        if len(group) > len(group_kinds):
            if not group_kinds:
                return Placement({}, failed=True)
            last = group_kinds[-1]
            if last != kinds[-1]:  # further lines of the row's last cell are unambiguous
                notes.append(f"{len(group) - len(group_kinds) + 1}行文字并入“{columns.heading(last)}”")
            group = group[: len(group_kinds) - 1] + ["\n".join(group[len(group_kinds) - 1 :])]
        elif len(group) < len(group_kinds) and group:
            notes.append("缺少" + "、".join(columns.heading(kind) for kind in group_kinds[len(group) :]))
        values.update((kind, text) for kind, text in zip(group_kinds, group) if text.strip())
    if anchor is not None and notes:
        notes.insert(0, f"“{rest[anchor]}”按形式认作{columns.heading('target')}")
    return Placement(values, how="；".join(notes) or None)


def _place_by_content(cells: list[Cell], columns: Columns) -> Placement:
    count, width = len(cells), len(columns.kinds)
    if count > width or count == 0:
        return Placement({}, failed=True)
    first = cells[0].text
    leading = [kind for kind in columns.kinds[: width - count]]
    # Which leading columns are missing: those before the first cell's own level.
    if canonical_level1(first) and columns.kinds[0] == "level1":
        missing: list[str] = []
    elif canonical_level2(first) and "level2" in columns.kinds:
        missing = columns.kinds[: columns.kinds.index("level2")]
    else:
        missing = [kind for kind in columns.kinds if kind in _LEVEL_KINDS]
    if len(missing) != width - count or any(kind not in _LEVEL_KINDS for kind in leading):
        return Placement({}, failed=True)
    kinds = [kind for kind in columns.kinds if kind not in missing]
    how = "缺少" + "、".join(columns.heading(kind) for kind in missing) + "列，沿用上一行" if missing else None
    return Placement({kind: cell.text for kind, cell in zip(kinds, cells) if cell.text.strip()}, how=how)
