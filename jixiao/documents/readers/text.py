"""Plain-text files: decode, then recognise which of the known text layouts they use."""

from __future__ import annotations

from collections.abc import Callable

from jixiao.documents.blocks import Layout
from jixiao.documents.errors import NotAGoalDocument
from jixiao.documents.readers.text_decode import decode_text
from jixiao.documents.readers.text_lines import looks_one_per_line, read_one_per_line
from jixiao.documents.readers.text_piped import looks_piped, read_piped
from jixiao.documents.readers.text_runon import looks_run_together, read_run_together
from jixiao.documents.readers.text_spaced import looks_spaced, read_spaced
from jixiao.documents.readers.text_tabbed import looks_tabbed, read_tabbed

__all__ = ["read_text", "TEXT_LAYOUTS"]

# (recogniser, reader) pairs, tried in order: the most specific layout first.
TEXT_LAYOUTS: list[tuple[Callable[[str], bool], Callable[[str], Layout]]] = [
    (looks_tabbed, read_tabbed),
    (looks_piped, read_piped),
    (looks_spaced, read_spaced),
    (looks_one_per_line, read_one_per_line),
    (looks_run_together, read_run_together),
]


def read_text(data: bytes, source: str) -> Layout:
    """Read a text file in whichever known layout it uses."""
    text, diagnostics = decode_text(data, source)
    for recognises, read in TEXT_LAYOUTS:
        if recognises(text):
            layout = read(text)
            # Layout readers see only text; the file they came from is named here.
            layout.diagnostics[:] = diagnostics + [
                d.model_copy(update={"location": d.location.model_copy(update={"file": source})})
                for d in layout.diagnostics
            ]
            return layout
    raise NotAGoalDocument(source, "没有识别出绩效目标表的版式（文本中找不到表格的单元格）")
