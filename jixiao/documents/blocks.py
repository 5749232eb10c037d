"""The intermediate form every reader produces: a stream of paragraphs and table rows.

A reader knows its format (TABs, Word XML, worksheet cells); the interpreter knows goal sheets. Between them
sits this thin view, so that one interpreter serves every format.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jixiao.model import Diagnostic

__all__ = ["Cell", "Row", "Paragraph", "Block", "Layout"]


@dataclass(slots=True)
class Cell:
    """One table cell. ``column`` is its 0-based grid column where the format knows it (merged cells
    dropped by a text layout leave it None, and the interpreter aligns such rows by content). ``indent`` is
    the cell's indentation level where the format gives one (a 批复表 shows its hierarchy only by it)."""

    text: str
    column: int | None = None
    line: int | None = None
    indent: int = 0


@dataclass(slots=True)
class Row:
    """One table row, with where it came from (1-based table and row, or the text line).

    A row is built whole, or grown cell by cell while it is open (a header block's lines), before anything asks
    for its filled cells: those are asked for several times per row and kept after the first time.
    """

    cells: list[Cell]
    table: int | None = None
    row: int | None = None
    line: int | None = None
    _filled: list[Cell] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def texts(self) -> list[str]:
        """The cells' texts."""
        return [cell.text for cell in self.cells]

    @property
    def filled(self) -> list[Cell]:
        """The cells that hold text (one list, shared: not to be changed)."""
        if self._filled is None:
            self._filled = [cell for cell in self.cells if cell.text.strip()]
        return self._filled


@dataclass(slots=True)
class Paragraph:
    """Text outside any table: headings, titles, the unit's overall goals."""

    text: str
    line: int | None = None


Block = Row | Paragraph


@dataclass(slots=True)
class Layout:
    """What a reader saw: the blocks in reading order, the layout's name, and the reader's own diagnostics;
    for a workbook, ``tabs`` maps each worksheet's number (its rows' Row.table) to its tab's name, which may be
    the only place a unit named the project."""

    name: str
    blocks: list[Block]
    diagnostics: list[Diagnostic] = field(default_factory=list)
    tabs: dict[int, str] = field(default_factory=dict)
