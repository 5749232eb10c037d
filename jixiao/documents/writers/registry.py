"""Which writer produces which format."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from jixiao.model import Document

__all__ = ["WRITABLE_FORMATS", "render_document", "write_document", "writer_for"]

WRITABLE_FORMATS = ("json", "txt", "docx", "xlsx", "pdf")


def writer_for(file_format: str) -> Callable[[Document], bytes]:
    """The function that renders a Document as ``file_format`` bytes."""
    # Each writer is imported on first use: python-docx, openpyxl and reportlab take a noticeable time to
    # import, and a run that writes only JSON should not pay for them.
    match file_format:
        case "json":
            from jixiao.documents.writers.json_writer import write_json as writer
        case "txt":
            from jixiao.documents.writers.txt_writer import write_txt as writer
        case "docx":
            from jixiao.documents.writers.docx_writer import write_docx as writer
        case "xlsx":
            from jixiao.documents.writers.xlsx_writer import write_xlsx as writer
        case "pdf":
            from jixiao.documents.writers.pdf_writer import write_pdf as writer
        case _:
            raise ValueError(f"no writer for {file_format!r}")
    return writer


def render_document(document: Document, file_format: str) -> bytes:
    """``document`` rendered as ``file_format`` bytes (one of WRITABLE_FORMATS), without touching the disk."""
    return writer_for(file_format)(document)


def write_document(document: Document, path: Path, file_format: str) -> None:
    """Write ``document`` to ``path`` as ``file_format`` (one of WRITABLE_FORMATS)."""
    path.write_bytes(render_document(document, file_format))
