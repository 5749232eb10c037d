"""The layout with one table cell per line and no separators (text copied out of a web page or a PDF).

Nothing marks where a row ends, so rows are recovered from the indicator header (its lines give the columns)
and from the content: a 一级 or 二级 name from the fixed vocabulary opens a row, a line opening with an
operator and a number is the target, and when one run of lines holds two targets (the 二级 cell was merged)
the second row starts as many lines before its target as there are columns between 三级指标 and 指标值.
Cells are then placed by shape (``columns.place_by_shape``); blank lines carry no meaning and merged cells are
simply absent. The header block above the grid is grouped by its labels (``text_header_block``).
"""

from __future__ import annotations

from jixiao.documents.blocks import Block, Cell, Layout, Row
from jixiao.documents.codes import diagnostic
from jixiao.documents.interpret.columns import Columns, detect_header, looks_like_target, place_by_shape
from jixiao.documents.interpret.header_cells import parse_title
from jixiao.documents.interpret.labels import column_label, header_label, is_trailer
from jixiao.documents.readers.text_header_block import HeaderBlock
from jixiao.model import Diagnostic, Location, canonical_level1, canonical_level2

__all__ = ["looks_one_per_line", "read_one_per_line"]

_Line = tuple[int, str]  # (1-based line number, stripped text)


def looks_one_per_line(text: str) -> bool:
    """True when consecutive lines, one heading each, form an indicator header (一级指标 / 二级指标 / …)."""
    lines = _lines(text)
    return any(_header_at(lines, index) for index, (_, line) in enumerate(lines) if column_label(line))


def read_one_per_line(text: str) -> Layout:
    """Group the lines into header-block rows and indicator rows."""
    lines = _lines(text)
    blocks: list[Block] = []
    diagnostics: list[Diagnostic] = []
    header_block = HeaderBlock(blocks)
    tables = 0
    index = 0
    while index < len(lines):
        found = _header_at(lines, index)
        if found is None:
            header_block.feed(lines[index][1], lines[index][0])
            index += 1
            continue
        header_block.close()
        header_row, columns = found
        tables += 1
        header_row.table, header_row.row = tables, 1
        blocks.append(header_row)
        index += len(header_row.cells)
        end = _grid_end(lines, index)
        for number, indicator in enumerate(_indicators(lines[index:end], columns), start=2):
            row, how = _place(indicator, columns, tables, number)
            blocks.append(row)
            if how:
                diagnostics.append(diagnostic("P111", Location(table=tables, row=number, line=row.line), how=how))
        index = end
    return Layout(name="text-lines", blocks=blocks, diagnostics=diagnostics)


def _lines(text: str) -> list[_Line]:
    return [(number, line.strip()) for number, line in enumerate(text.split("\n"), start=1) if line.strip()]


def _header_at(lines: list[_Line], index: int) -> tuple[Row, Columns] | None:
    """The header row starting at ``index``: the longest run of consecutive column headings."""
    end = index
    while end < len(lines) and column_label(lines[end][1]):
        end += 1
    if end - index < 3:
        return None
    row = Row(cells=[Cell(text=line, column=c, line=n) for c, (n, line) in enumerate(lines[index:end])], line=lines[index][0])
    columns = detect_header(row)
    return (row, columns) if columns is not None and len(columns.kinds) == len(row.cells) else None


def _grid_end(lines: list[_Line], index: int) -> int:
    """Where the indicator lines end: a title, a header-block label, a note below the table."""
    while index < len(lines):
        line = lines[index][1]
        # A note below the table names itself with a colon (备注：…); a bare 说明 is a description cell.
        if parse_title(line) or header_label(line) or (is_trailer(line) and any(c in line for c in ":：")):
            break
        index += 1
    return index


def _indicators(lines: list[_Line], columns: Columns) -> list[list[_Line]]:
    """Split the grid's lines into one run per indicator."""
    runs: list[list[_Line]] = []
    skip_to = 0
    has_body = False
    for index, line in enumerate(lines):
        text = line[1]
        if index < skip_to:
            continue
        repeated = _header_at(lines, index) if column_label(text) else None
        if repeated:
            skip_to = index + len(repeated[0].cells)  # the header repeated
            continue
        # A level name opens a row, unless the row so far holds only level names: then it is the 三级指标
        # (服务对象满意度 under 服务对象满意度指标).
        level = bool(canonical_level1(text) or canonical_level2(text))
        if not runs or (level and has_body):
            runs.append([])
            has_body = False
        runs[-1].append(line)
        has_body = has_body or not level
    return [part for run in runs for part in _split_at_targets(run, columns)]


def _split_at_targets(run: list[_Line], columns: Columns) -> list[list[_Line]]:
    """A run holding several targets holds several indicators whose 二级 cell was merged."""
    kinds = [kind for kind in columns.kinds if kind not in ("level1", "level2")]
    if "target" not in kinds:
        return [run]
    before = kinds.index("target")  # lines from 三级指标 up to the target
    targets = [i for i, (_, text) in enumerate(run) if looks_like_target(text)]
    parts, start = [], 0
    for previous, target in zip(targets, targets[1:]):
        cut = max(target - before, previous + 1)
        parts.append(run[start:cut])
        start = cut
    parts.append(run[start:])
    return parts


def _place(indicator: list[_Line], columns: Columns, table: int, number: int) -> tuple[Row, str | None]:
    placement = place_by_shape([text for _, text in indicator], columns)
    line = indicator[0][0]
    cells = [
        Cell(text=placement.values[kind], column=column, line=line)
        for column, kind in enumerate(columns.kinds)
        if kind in placement.values
    ]
    return Row(cells=cells, table=table, row=number, line=line), placement.how
