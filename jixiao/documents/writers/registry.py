"""Which writer produces which format."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from jixiao.documents.lazy import load_function
from jixiao.model import Document

__all__ = ["WRITABLE_FORMATS", "render_document", "write_document", "writer_for"]

# Imported on first use (see jixiao.documents.lazy).
_WRITERS = {
    "json": "jixiao.documents.writers.json_writer:write_json",
    "txt": "jixiao.documents.writers.txt_writer:write_txt",
    "docx": "jixiao.documents.writers.docx_writer:write_docx",
    "xlsx": "jixiao.documents.writers.xlsx_writer:write_xlsx",
    "pdf": "jixiao.documents.writers.pdf_writer:write_pdf",
}
WRITABLE_FORMATS = tuple(_WRITERS)


def writer_for(file_format: str) -> Callable[[Document], bytes]:
    """The function that renders a Document as ``file_format`` bytes."""
    return load_function(_WRITERS[file_format])


def render_document(document: Document, file_format: str) -> bytes:
    """``document`` rendered as ``file_format`` bytes (one of WRITABLE_FORMATS), without touching the disk."""
    return writer_for(file_format)(document)


def write_document(document: Document, path: Path, file_format: str) -> None:
    """Write ``document`` to ``path`` as ``file_format`` (one of WRITABLE_FORMATS)."""
    path.write_bytes(render_document(document, file_format))
