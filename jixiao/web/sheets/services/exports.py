"""Exporting sheets through the core's writers (:func:`jixiao.documents.write_document`)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from jixiao.documents import WRITABLE_FORMATS, write_document
from jixiao.web.sheets.conversion import document_of
from jixiao.web.sheets.errors import SheetError
from jixiao.web.sheets.models import Sheet

__all__ = ["CONTENT_TYPES", "export_sheets"]

CONTENT_TYPES = {
    "json": "application/json",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def export_sheets(sheets: list[Sheet], file_format: str, stem: str) -> tuple[bytes, str]:
    """The bytes of ``sheets`` written as ``file_format`` and a file name for them."""
    if file_format not in WRITABLE_FORMATS:
        raise SheetError(f"不支持的导出格式“{file_format}”")
    if not sheets:
        raise SheetError("没有可导出的表")
    filename = f"{stem}.{file_format}"
    document = document_of(sheets, filename)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / filename
        try:
            write_document(document, path, file_format)
        except ModuleNotFoundError:
            raise SheetError(f"此版本尚不能导出 {file_format} 格式") from None
        return path.read_bytes(), filename
