"""Layer 2: readers and writers of goal documents. Imports only jixiao.model."""

from jixiao.documents.errors import NotAGoalDocument
from jixiao.documents.read import SUPPORTED_SUFFIXES, read_bytes, read_path
from jixiao.documents.writers.registry import WRITABLE_FORMATS, render_document, write_document

__all__ = ["NotAGoalDocument", "SUPPORTED_SUFFIXES", "WRITABLE_FORMATS", "read_bytes", "read_path", "render_document",
           "write_document"]
