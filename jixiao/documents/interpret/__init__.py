"""Interpreting a layout (paragraphs and rows) as goal sheets and overall goals."""

from __future__ import annotations

from itertools import count

from jixiao.documents.blocks import Block, Layout, Paragraph, Row
from jixiao.documents.interpret.header_cells import parse_title
from jixiao.documents.interpret.long_layout import build_long_table, detect_long_header
from jixiao.documents.interpret.overall import OverallGoalsBuilder
from jixiao.documents.interpret.sheet_builder import SheetBuilder
from jixiao.model import Document

__all__ = ["interpret"]


def interpret(layout: Layout, source: str, file_format: str) -> Document:
    """Build the document a layout holds. Paragraphs before the first sheet may be the overall goals."""
    overall = OverallGoalsBuilder()
    diagnostics = list(layout.diagnostics)
    sheets = []
    current: SheetBuilder | None = None

    def finish() -> None:
        if current is not None and current.has_content:
            sheet, found = current.finish()
            sheets.append(sheet)
            diagnostics.extend(found)

    blocks = layout.blocks
    index = 0
    while index < len(blocks):
        block = blocks[index]
        index += 1
        if isinstance(block, Paragraph):
            title = parse_title(block.text)
            if title:
                finish()
                current = SheetBuilder(source, len(sheets) + 1, layout.aligned, title)
            elif current is None or not current.has_content:
                if not (current and current.set_unit_from_text(block.text)):
                    overall.feed(block.text)
            continue
        # A long-layout header opens a table: look for one only where a table or a sheet's header block may start.
        may_open = current is None or current.columns is None or block.row == 1
        long_header = detect_long_header(block) if may_open else None
        if long_header is not None:
            # One table of many projects, one row per indicator: hand the whole table over.
            end = _table_end(blocks, index, block)
            finish()
            context = current if current is not None and not current.has_content else None
            ordinals = count(len(sheets) + 1)
            for builder in build_long_table(
                block, long_header, blocks[index:end],  # type: ignore[arg-type]
                lambda: SheetBuilder(source, next(ordinals), layout.aligned, like=context),
            ):
                current = builder
                finish()
            current, index = None, end
            continue
        if current is None or current.starts_another_sheet(block):
            if current is not None:
                finish()
            current = SheetBuilder(source, len(sheets) + 1, layout.aligned)
        current.feed(block)
    finish()
    unit = next((sheet.unit for sheet in sheets if sheet.unit), None)
    return Document(
        source=source, format=file_format, layout=layout.name, unit=unit, overall=overall.result(),
        sheets=sheets, diagnostics=diagnostics,
    )


def _table_end(blocks: list[Block], start: int, header: Row) -> int:
    """Index after the last row of the header's table: rows of the same table, up to the next paragraph."""
    end = start
    while end < len(blocks) and isinstance(blocks[end], Row) and blocks[end].table == header.table:  # type: ignore[union-attr]
        end += 1
    return end
