"""Rows for a sheet's header block when a text layout gives no row boundaries (one cell per line).

A label (项目编码, 预算数, 绩效目标 …) opens a row and the lines that follow are its values, up to the next
label; an amount label takes at most one amount, so an empty 其他资金 does not swallow the purpose text that
follows. Titles and the lines before the first label (the unit, the money unit, the overall goals) are
paragraphs.
"""

from __future__ import annotations

from jixiao.documents.blocks import Block, Cell, Paragraph, Row
from jixiao.documents.interpret.header_cells import parse_amount, parse_title
from jixiao.documents.interpret.labels import header_label, split_label_value

__all__ = ["HeaderBlock"]

_AMOUNT_FIELDS = {"total", "fiscal", "other"}


class HeaderBlock:
    """Groups the lines of header blocks into rows, appending the blocks to ``blocks``."""

    def __init__(self, blocks: list[Block]) -> None:
        self.blocks = blocks
        self._row: Row | None = None

    def close(self) -> None:
        """End the current row (a table or a title follows)."""
        self._row = None

    def feed(self, text: str, line: int) -> None:
        """Take one non-blank line."""
        row = self._row
        if parse_title(text) or (row is None and not _is_label(text)):
            self._row = None
            self.blocks.append(Paragraph(text=text, line=line))
        elif _is_label(text) or _takes_no_more(row, text):  # type: ignore[arg-type]
            self._row = Row(cells=[Cell(text=text, column=0, line=line)], line=line)
            self.blocks.append(self._row)
        else:
            row.cells.append(Cell(text=text, column=len(row.cells), line=line))  # type: ignore[union-attr]


def _is_label(text: str) -> bool:
    return bool(header_label(text) or split_label_value(text))


def _takes_no_more(row: Row, text: str) -> bool:
    """An amount label takes one amount; a following line that is not one begins something new."""
    return header_label(row.cells[0].text) in _AMOUNT_FIELDS and (len(row.cells) > 1 or parse_amount(text) is None)
