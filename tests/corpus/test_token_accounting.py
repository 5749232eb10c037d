"""Every token inside a table region of a real document is accounted for (issue 9): placed in a field, reported in
a diagnostic with its location, or marked as page chrome, never silently dropped and never counted twice.

The reading pipeline counts what becomes of each token (:class:`jixiao.documents.pipeline.Accounting`); its counts
must balance exactly on every dev document of the corpus, read as ``jixiao`` reads it. (``Document.unaccounted``,
which the office twin's test checks, says only how many were left over, not whether one was counted twice.)
"""

from __future__ import annotations

import pytest

from benchmarks.corpus_score import document_bytes, load_manifest
from jixiao.documents import pipeline
from jixiao.documents.limits import DEFAULT_LIMITS
from jixiao.documents.readers.registry import read_layout, sniff_format

DEV = [entry for entry in load_manifest() if entry.split == "dev"]


def _accounting(data: bytes, source: str) -> pipeline.Accounting:
    file_format = sniff_format(data, source)
    if file_format == "txt":
        return pipeline.read_text(data, source)[1]
    return pipeline.read_layout(read_layout(file_format, data, source, DEFAULT_LIMITS), source, file_format)[1]


@pytest.mark.parametrize("entry", DEV, ids=[entry.stem[:40] for entry in DEV])
def test_every_token_of_a_dev_document_is_accounted_for_once(entry):
    accounting = _accounting(document_bytes(entry.path), entry.path.name)
    assert accounting.tokens == accounting.placed + accounting.diagnosed + accounting.chrome, accounting
