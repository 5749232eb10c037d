"""Reading a file of any supported format into a Document."""

from __future__ import annotations

from pathlib import Path

from jixiao.documents.errors import NotAGoalDocument
from jixiao.documents.interpret import interpret
from jixiao.documents.readers.text_decode import decode_text
from jixiao.documents.readers.text_tabbed import looks_tabbed, read_tabbed
from jixiao.model import Document

__all__ = ["read_path", "read_bytes", "SUPPORTED_SUFFIXES"]

SUPPORTED_SUFFIXES = (".txt", ".text", ".docx", ".xlsx", ".html", ".htm", ".pdf", ".json")


def read_path(path: str | Path) -> Document:
    """Read the goal document at ``path``.

    Raises :class:`NotAGoalDocument` with a Chinese message when the file is missing, unreadable, damaged,
    or holds no goal table; anything less serious becomes a diagnostic on the returned document.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise NotAGoalDocument(str(path), "文件不存在") from None
    except IsADirectoryError:
        raise NotAGoalDocument(str(path), "这是一个文件夹，不是文件") from None
    except OSError as error:
        raise NotAGoalDocument(str(path), f"无法打开文件（{error.strerror}）") from None
    return read_bytes(data, path.name)


def read_bytes(data: bytes, source: str) -> Document:
    """Read a goal document from its bytes; ``source`` names it in messages. The format is sniffed from the
    content, never from the file name."""
    if not data.strip():
        raise NotAGoalDocument(source, "文件是空的")
    text, diagnostics = decode_text(data, source)
    if not looks_tabbed(text):
        raise NotAGoalDocument(source, "没有识别出绩效目标表的版式")
    layout = read_tabbed(text)
    layout.diagnostics[:0] = diagnostics
    document = interpret(layout, source, "txt")
    if not document.sheets and document.overall is None:
        raise NotAGoalDocument(source, "文件中没有找到绩效目标表（应有“项目名称”“一级指标”“指标值”等栏目）")
    return document
