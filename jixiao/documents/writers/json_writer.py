"""jixiao's interchange format: a Document as JSON, decimals as strings."""

from __future__ import annotations

from jixiao.model import Document

__all__ = ["write_json"]


def write_json(document: Document) -> bytes:
    """The document as indented UTF-8 JSON."""
    return document.model_dump_json(indent=2).encode("utf-8")
