"""Reading a file of any supported format into a Document."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from jixiao.documents import pipeline
from jixiao.documents.errors import NotAGoalDocument
from jixiao.documents.limits import DEFAULT_LIMITS, Deadline, ReadLimits, check_upload
from jixiao.documents.readers.registry import read_layout, sniff_format
from jixiao.documents.readers.report_reader import OtherLayout, read_report, report_kind
from jixiao.model import Collection, Document, Severity

__all__ = ["read_path", "read_bytes", "SUPPORTED_SUFFIXES"]

SUPPORTED_SUFFIXES = (".txt", ".text", ".docx", ".doc", ".xlsx", ".xls", ".html", ".htm", ".pdf", ".json")


def read_path(path: str | Path, limits: ReadLimits = DEFAULT_LIMITS) -> Document:
    """Read the goal document at ``path`` within ``limits``.

    Raises :class:`NotAGoalDocument` with a Chinese message when the file is missing, unreadable, damaged,
    over a limit (:class:`LimitExceeded`), or holds no goal table; anything less serious becomes a diagnostic
    on the returned document.
    """
    path = Path(path)
    try:
        check_upload(path.stat().st_size, path.name, limits)
        data = path.read_bytes()
    except FileNotFoundError:
        raise NotAGoalDocument(str(path), "文件不存在") from None
    except IsADirectoryError:
        raise NotAGoalDocument(str(path), "这是一个文件夹，不是文件") from None
    except OSError as error:
        raise NotAGoalDocument(str(path), f"无法打开文件（{error.strerror}）") from None
    return read_bytes(data, path.name, limits)


def read_bytes(data: bytes, source: str, limits: ReadLimits = DEFAULT_LIMITS) -> Document:
    """Read a goal document from its bytes within ``limits``; ``source`` names it in messages. The time limit holds
    for the whole read, from the first byte to the finished sheets: the reader and the pipeline share one deadline."""
    deadline = Deadline(source, limits)
    check_upload(len(data), source, limits)
    if not data.strip():
        raise NotAGoalDocument(source, "文件是空的")
    file_format = sniff_format(data, source)
    if file_format == "json":
        return _read_json(data, source)
    layout = None
    if file_format == "txt":
        document, _ = pipeline.read_text(data, source, deadline=deadline)
    else:
        layout = read_layout(file_format, data, source, limits, deadline)
        if file_format in ("docx", "xlsx") and report_kind(layout) is not None:
            # jixiao's own 自评表 or 监控表, read back by its exact layout. Its title is the official form's, which
            # units' own tables carry too: one that is not in jixiao's layout is read like any other document.
            try:
                return read_report(layout, source, file_format)
            except OtherLayout:
                pass
        document, _ = pipeline.read_layout(layout, source, file_format, deadline=deadline)
    if not document.sheets and document.overall is None and document.prose is None:
        # what the reader found damaged may be why no table was found, and so may a table whose text lost its order
        said = [*(layout.diagnostics if layout else []), *(d for d in document.diagnostics if d.code == "P186")]
        damage = [d.message for d in said if d.severity != Severity.INFO][:3]
        raise NotAGoalDocument(source, "文件中没有找到绩效目标表（应有“项目名称”“一级指标”“指标值”等栏目）"
                               + "".join(f"；{message}" for message in damage))
    return document


def _read_json(data: bytes, source: str) -> Document:
    """jixiao's own interchange format: one Document, or a ``parse --format json`` result holding one."""
    try:
        document = Document.model_validate_json(data)
        if document.sheets or document.overall:
            return document.model_copy(update={"source": source})
        collection = Collection.model_validate_json(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise NotAGoalDocument(source, f"不是 jixiao 交换格式的 JSON：字段“{where}”{first['msg']}") from None
    if len(collection.documents) != 1:
        raise NotAGoalDocument(source, f"JSON 中有 {len(collection.documents)} 个文档，一次只能读取一个")
    return collection.documents[0].model_copy(update={"source": source})
