"""Layer 2: readers and writers of goal documents. Imports only jixiao.model.

What the layers above use is exported here (an import-linter contract keeps the web and the CLI out of the pipeline,
the interpreter and the readers), with the two readings of a row's cells that the web's editing forms repeat:
:func:`target_text` (the 指标值 cell with its operator and unit columns) and :func:`column_unit`.
"""

from jixiao.documents.errors import NotAGoalDocument
from jixiao.documents.pipeline.labels import column_unit, target_text
from jixiao.documents.read import SUPPORTED_SUFFIXES, read_bytes, read_path
from jixiao.documents.writers.registry import WRITABLE_FORMATS, render_document, write_document

__all__ = ["NotAGoalDocument", "SUPPORTED_SUFFIXES", "WRITABLE_FORMATS", "column_unit", "read_bytes", "read_path",
           "render_document", "target_text", "write_document"]
