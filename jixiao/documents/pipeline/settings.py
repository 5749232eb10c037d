"""The one settings object of the reading pipeline (as pdfplumber's ``TableSettings`` is for its table finder).

Every step takes the same settings; nothing else tunes how a document is read.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ReadSettings", "DEFAULT_SETTINGS"]


@dataclass(frozen=True, slots=True)
class ReadSettings:
    """Thresholds of the reading pipeline.

    ``space_run``: spaces that separate two cells of a text line (one space is a word gap).
    ``header_kinds``: distinct column headings a header needs (one of them a level, one the name or target).
    ``heading_lines``: lines a heading may span (``指标值`` / ``(年度)``).
    ``longest_name``: characters a level name or label can have; longer prefixes are never searched.
    ``max_tokens``: tokens a file may hold; more is refused rather than read slowly.
    ``tab_paragraph_break``: blank lines allowed between two paragraphs of one TAB-layout cell.
    ``longest_row``: cells a text row can hold; a longer line is a table whose line breaks were lost.
    ``late_heading_gap``: one-cell lines a header's heading may stand after the one before it, among the first
        rows' cells (a spreadsheet's text taken out by merged cell).
    """

    space_run: int = 2
    header_kinds: int = 3
    heading_lines: int = 3
    longest_name: int = 14
    max_tokens: int = 2_000_000
    tab_paragraph_break: int = 1
    longest_row: int = 24
    late_heading_gap: int = 12


DEFAULT_SETTINGS = ReadSettings()
