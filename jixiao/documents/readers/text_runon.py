"""Rows whose cells run together with no separator (``产出指标数量指标村人居环境整治个数≥18个``).

Only the fixed vocabulary and the shape of a target mark the boundaries: the longest 一级 name the line
starts with, then the longest 二级 name, then the 三级 name up to an operator followed by a number; the target
is the operator, the number and its unit, and any text after it goes to the column after 指标值 (the basis)
when the header has one. Every such split is an inference and is recorded as a P111 diagnostic. A header
written the same way (``一级指标二级指标三级指标指标值``) is split by the column headings; without one the
four columns the split itself finds are assumed. Header-block lines are split at a leading label
(``项目编码434-4.05-JXN-4QXO``) and grouped like the one-cell-per-line layout.
"""

from __future__ import annotations

import re
from functools import cache

from jixiao.documents.blocks import Block, Cell, Layout, Row
from jixiao.documents.codes import diagnostic
from jixiao.documents.interpret.columns import Columns, detect_header
from jixiao.documents.interpret.labels import column_label, header_label, labels
from jixiao.documents.readers.text_header_block import HeaderBlock
from jixiao.model import Diagnostic, Location, canonical_level1, canonical_level2
from jixiao.model.lexicon import fold
from jixiao.model.units import unit_spellings

__all__ = ["looks_run_together", "read_run_together"]

_LONGEST_NAME = 12  # characters: longer prefixes are never a level name, so the search stays linear
_TARGET = re.compile(r"(?:[≥≤≧≦><=＞＜＝]+|不低于|不少于|不高于|不超过)\s*\d+(?:[.．]\d+)?")
_DEFAULT_HEADER = ["一级指标", "二级指标", "三级指标", "指标值"]


def looks_run_together(text: str) -> bool:
    """True when some line starts with a 一级 or 二级 name and holds a target further on."""
    return any(_indicator_parts(line.strip()) for line in text.split("\n"))


def read_run_together(text: str) -> Layout:
    """Split run-together lines into header-block rows and indicator rows."""
    blocks: list[Block] = []
    diagnostics: list[Diagnostic] = []
    header_block = HeaderBlock(blocks)
    columns: Columns | None = None
    table = row_number = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line:
            continue
        headings = _split_headings(fold(line))
        parts = _indicator_parts(line)
        if headings or (parts and columns is None):
            header_block.close()
            heads = headings or _DEFAULT_HEADER
            header = Row(cells=[Cell(text=h, column=c, line=number) for c, h in enumerate(heads)], line=number)
            columns = detect_header(header)
            table, row_number = table + 1, 1
            header.table, header.row = table, 1
            blocks.append(header)
            if headings:
                continue
        if parts and columns is not None:
            row_number += 1
            cells = _cells(parts, columns, number)
            blocks.append(Row(cells=cells, table=table, row=row_number, line=number))
            how = "｜".join(f"{columns.heading(columns.kinds[c.column])}“{c.text}”" for c in cells)  # type: ignore[index]
            diagnostics.append(diagnostic("P111", Location(table=table, row=row_number, line=number), how=how))
            continue
        columns = None
        label = _leading_label(line)
        header_block.feed(label, number)
        if label != line:
            header_block.feed(line[len(label) :], number)
    return Layout(name="text-run-together", blocks=blocks, diagnostics=diagnostics)


@cache
def _heading_spellings() -> tuple[str, ...]:
    return tuple(sorted({fold(s) for spellings in labels()["columns"].values() for s in spellings}, key=len, reverse=True))


def _split_headings(line: str) -> list[str] | None:
    """The column headings of a header line written without separators, or None."""
    spellings = _heading_spellings()
    headings, position = [], 0
    while position < len(line):
        found = next((s for s in spellings if line.startswith(s, position)), None)
        if found is None:
            return None
        headings.append(found)
        position += len(found)
    return headings if len(headings) >= 3 and column_label(headings[0]) in {"level1", "level2"} else None


def _longest_prefix(line: str, canonical) -> str:
    for length in range(min(_LONGEST_NAME, len(line)), 1, -1):
        if canonical(line[:length]):
            return line[:length]
    return ""


def _indicator_parts(line: str) -> dict[str, str] | None:
    level1 = _longest_prefix(line, canonical_level1)
    level2 = _longest_prefix(line[len(level1) :], canonical_level2)
    rest = line[len(level1) + len(level2) :]
    match = _TARGET.search(rest)
    if not (level1 or level2) or match is None or match.start() == 0:
        return None
    end = match.end()
    unit = next((s for s in unit_spellings() if fold(rest[end : end + len(s)]) == s), "")
    parts = {"level1": level1, "level2": level2, "name": rest[: match.start()], "target": rest[match.start() : end + len(unit)]}
    parts["after"] = rest[end + len(unit) :]
    return parts


def _cells(parts: dict[str, str], columns: Columns, line: int) -> list[Cell]:
    values = {kind: parts[kind] for kind in ("level1", "level2", "name", "target") if parts[kind]}
    if parts["after"]:
        following = columns.kinds[columns.kinds.index("target") + 1 :] if "target" in columns.kinds else []
        if following:
            values[following[-1]] = parts["after"]
        else:
            values["target"] = values["target"] + parts["after"]
    return [
        Cell(text=values[kind], column=column, line=line) for column, kind in enumerate(columns.kinds) if kind in values
    ]


def _leading_label(line: str) -> str:
    """The header-block label a line starts with (``项目编码`` of ``项目编码434-…``), else the whole line."""
    for length in range(min(_LONGEST_NAME, len(line)), 1, -1):
        if header_label(line[:length]) and length < len(line) and line[length] not in ":：":
            return line[:length]
    return line
