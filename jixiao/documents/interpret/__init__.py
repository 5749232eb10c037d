"""Interpreting a layout (paragraphs and rows) as goal sheets and overall goals."""

from __future__ import annotations

from jixiao.documents.blocks import Layout, Paragraph
from jixiao.documents.interpret.header_cells import parse_title
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

    for block in layout.blocks:
        if isinstance(block, Paragraph):
            title = parse_title(block.text)
            if title:
                finish()
                current = SheetBuilder(source, len(sheets) + 1, layout.aligned, title)
            elif current is None or not current.has_content:
                if not (current and current.set_unit_from_text(block.text)):
                    overall.feed(block.text)
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
