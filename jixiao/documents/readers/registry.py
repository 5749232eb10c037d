"""Which reader handles a file: the format is sniffed from the bytes, never from the file name."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

from jixiao.documents.blocks import Layout
from jixiao.documents.errors import NotAGoalDocument
from jixiao.documents.limits import Deadline, ReadLimits, hand_over
from jixiao.model.office_archive import ZIP_ERRORS

__all__ = ["sniff_format", "read_layout"]

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OFFICE_SUFFIXES = {"docx": " Word ", "xlsx": " Excel ", "pdf": " PDF "}


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


# Stream names in an OLE2 compound file's directory (UTF-16LE), which say what the file is.
_OLE2_STREAMS = [
    (_utf16("EncryptedPackage"), "encrypted"),
    (_utf16("WordDocument"), "doc"),
    (_utf16("Workbook"), "xls"),
    (_utf16("Book"), "xls"),  # Excel 5/95
]


def sniff_format(data: bytes, source: str) -> str:
    """Name the format of ``data``: txt, json, docx, doc, xlsx, xls, html or pdf. Raises NotAGoalDocument
    otherwise."""
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _zip_format(data, source)
    if data.startswith(_OLE2):
        return _ole2_format(data, source)
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
        archive = zipfile.ZipFile(io.BytesIO(data))
    except ZIP_ERRORS:
        raise NotAGoalDocument(source, "文件已损坏（压缩包不完整），无法作为 Word 或 Excel 文件打开") from None
    names = set(archive.namelist())
    for part, found in (("word/document.xml", "docx"), ("xl/workbook.xml", "xlsx")):
        if part in names:
            hand_over(data, archive)  # the reader that follows opens it once more otherwise
            return found
    raise NotAGoalDocument(source, "这是一个压缩包，但不是 Word（.docx）或 Excel（.xlsx）文件")


def _ole2_format(data: bytes, source: str) -> str:
    for name, kind in _OLE2_STREAMS:
        if name in data:
            if kind == "encrypted":
                raise NotAGoalDocument(source, "文件设有打开密码，无法读取；请在 Word 或 Excel 中取消密码后再导入")
            return kind
    raise NotAGoalDocument(source, "这是旧版 Office 文件，但不是 Word（.doc）或 Excel（.xls）文件")


def read_layout(file_format: str, data: bytes, source: str, limits: ReadLimits, deadline: Deadline | None = None
                ) -> Layout:
    """Read ``data`` of ``file_format`` with its reader, within ``limits`` and the read's ``deadline`` (the reader's
    own when none is given)."""
    return _reader(file_format)(data, source, limits, deadline)


def _reader(file_format: str) -> Callable[[bytes, str, ReadLimits, Deadline | None], Layout]:
    # Each reader is imported when its format is first met: pdfplumber, lxml and calamine take a noticeable
    # time to import, and a run that reads only text files should not pay for them.
    match file_format:
        case "docx":
            from jixiao.documents.readers.docx_reader import read_docx as reader
        case "doc":
            from jixiao.documents.readers.doc_reader import read_doc as reader
        case "xlsx":
            from jixiao.documents.readers.xlsx_reader import read_xlsx as reader
        case "xls":
            from jixiao.documents.readers.xls_reader import read_xls as reader
        case "html":
            from jixiao.documents.readers.html_reader import read_html as reader
        case "pdf":
            from jixiao.documents.readers.pdf_reader import read_pdf as reader
        case _:
            raise ValueError(f"no reader for {file_format!r}")
    return reader
