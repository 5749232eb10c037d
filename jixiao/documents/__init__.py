"""Layer 2: readers and writers of goal documents. Imports only jixiao.model.

What the layers above use is exported here (an import-linter contract keeps the web and the CLI out of the pipeline,
the interpreter and the readers), with the readings of a cell that the web's editing forms repeat:
:func:`target_text` (the 指标值 cell with its operator and unit columns), :func:`column_unit` and :func:`parse_span`
(a typed 实施期 such as ``3年`` or ``2024年—2026年``, read as a document's is).
"""

from jixiao.documents.errors import NotAGoalDocument
from jixiao.documents.interpret.header_cells import parse_span
from jixiao.documents.pipeline.labels import column_unit, target_text
from jixiao.documents.read import SUPPORTED_SUFFIXES, read_bytes, read_path
from jixiao.documents.writers.registry import WRITABLE_FORMATS, render_document, write_document

__all__ = ["NotAGoalDocument", "SUPPORTED_SUFFIXES", "WRITABLE_FORMATS", "column_unit", "parse_span", "read_bytes",
           "read_path", "render_document", "target_text", "write_document"]
