"""Which reader handles a file: the format is sniffed from the bytes, never from the file name."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

from jixiao.documents.blocks import Layout
from jixiao.documents.lazy import load_function
from jixiao.documents.errors import NotAGoalDocument

__all__ = ["ReaderFunction", "sniff_format", "reader_for"]

ReaderFunction = Callable[[bytes, str], Layout]

# Imported on first use (see jixiao.documents.lazy).
_READERS = {
    "txt": "jixiao.documents.readers.text:read_text",
    "docx": "jixiao.documents.readers.docx_reader:read_docx",
    "xlsx": "jixiao.documents.readers.xlsx_reader:read_xlsx",
    "html": "jixiao.documents.readers.html_reader:read_html",
    "pdf": "jixiao.documents.readers.pdf_reader:read_pdf",
}
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OFFICE_SUFFIXES = {"docx": " Word ", "xlsx": " Excel ", "pdf": " PDF "}


def sniff_format(data: bytes, source: str) -> str:
    """Name the format of ``data``: txt, json, docx, xlsx, html or pdf. Raises NotAGoalDocument otherwise."""
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _zip_format(data, source)
    if data.startswith(_OLE2):
        raise NotAGoalDocument(source, "这是旧版 Word/Excel（.doc/.xls）文件，请在 Word 或 Excel 中另存为 .docx/.xlsx 后再导入")
    if data.lstrip().startswith(b"%PDF"):
        return "pdf"
    suffix = source.lower().rsplit(".", 1)[-1] if "." in source else ""
    if suffix in _OFFICE_SUFFIXES:  # Word and Excel files are zip archives, PDFs start with %PDF: without that signature the file is damaged
        raise NotAGoalDocument(source, f"文件已损坏：扩展名是 .{suffix}，但内容不是{_OFFICE_SUFFIXES[suffix]}文件，无法打开")
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"{"):
        return "json"
    if head.startswith((b"<!doctype html", b"<html", b"<table", b"<?xml")) or b"<table" in data[:65536].lower():
        return "html"
    return "txt"


def _zip_format(data: bytes, source: str) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, EOFError, ValueError):
        raise NotAGoalDocument(source, "文件已损坏（压缩包不完整），无法作为 Word 或 Excel 文件打开") from None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    raise NotAGoalDocument(source, "这是一个压缩包，但不是 Word（.docx）或 Excel（.xlsx）文件")


def reader_for(file_format: str) -> ReaderFunction:
    """The reader function of ``file_format``."""
    return load_function(_READERS[file_format])
