"""Exporting sheets through the core's writers, in memory: nothing of a sheet's text ever names a file."""

from __future__ import annotations

from collections.abc import Callable

from jixiao.documents import WRITABLE_FORMATS, render_document
from jixiao.web.downloads import safe_filename
from jixiao.web.sheets.conversion import document_of
from jixiao.web.sheets.errors import SheetError
from jixiao.web.sheets.models import Sheet
from jixiao.web.sheets.presentation import as_shown

__all__ = ["EXPORT_FORMATS", "export_sheets"]

EXPORT_FORMATS = ("json", "docx", "xlsx")


def export_sheets(sheets: list[Sheet], file_format: str, progress: Callable[[int, int], None] | None = None) -> bytes:
    """The bytes of ``sheets`` written as ``file_format``; ``progress(done, total)`` after each sheet is
    converted (the file is written after the last)."""
    if file_format not in EXPORT_FORMATS or file_format not in WRITABLE_FORMATS:
        raise SheetError(f"不支持的导出格式“{file_format}”")
    if not sheets:
        raise SheetError("没有可导出的表")
    # The document's source is only a label inside the file; it is made safe like a download name.
    document = document_of(sheets, safe_filename(sheets[0].name or sheets[0].code, file_format, "sheet"), progress)
    if file_format != "json":  # JSON is data and keeps every cell as written; the office files read like the page
        document = document.model_copy(update={"sheets": [as_shown(sheet) for sheet in document.sheets]})
    try:
        return render_document(document, file_format)
    except ModuleNotFoundError:
        raise SheetError(f"此版本尚不能导出 {file_format} 格式") from None
