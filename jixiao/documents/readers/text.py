"""Plain-text files: decode, then recognise which of the known text layouts they use."""

from __future__ import annotations

from collections.abc import Callable

from jixiao.documents.blocks import Layout
from jixiao.documents.errors import NotAGoalDocument
from jixiao.documents.readers.text_decode import decode_text
from jixiao.documents.readers.text_tabbed import looks_tabbed, read_tabbed

__all__ = ["read_text", "TEXT_LAYOUTS"]

# (recogniser, reader) pairs, tried in order: the most specific layout first.
TEXT_LAYOUTS: list[tuple[Callable[[str], bool], Callable[[str], Layout]]] = [
    (looks_tabbed, read_tabbed),
]


def read_text(data: bytes, source: str) -> Layout:
    """Read a text file in whichever known layout it uses."""
    text, diagnostics = decode_text(data, source)
    for recognises, read in TEXT_LAYOUTS:
        if recognises(text):
            layout = read(text)
            layout.diagnostics[:0] = diagnostics
            return layout
    raise NotAGoalDocument(source, "没有识别出绩效目标表的版式（文本中找不到表格的单元格）")
