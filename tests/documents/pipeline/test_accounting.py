"""Every token of a table region is accounted for, over the whole shared corpus of real documents: placed in a
field, reported in a diagnostic with its location, or marked as chrome. Never silently dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.documents import NotAGoalDocument
from jixiao.documents.pipeline import read_text

CORPUS = Path(__file__).parents[3].parent / "shared" / "corpus"
DOCUMENTS = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []


def document_text(path: Path) -> bytes:
    """The document without the corpus's two header lines (``# source:``, ``# kind:``)."""
    return b"\n".join(path.read_bytes().split(b"\n")[2:])


@pytest.mark.skipif(not DOCUMENTS, reason="the shared corpus (../shared/corpus) is not on this machine")
@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: path.name[:3])
def test_every_token_in_a_table_is_placed_diagnosed_or_chrome(path):
    try:
        document, accounting = read_text(document_text(path), path.name)
    except NotAGoalDocument:
        return  # refused with a message: nothing was read, so nothing was dropped
    assert accounting.tokens == accounting.placed + accounting.diagnosed + accounting.chrome
    assert all(d.location.file == path.name for d in document.diagnostics)


def test_a_cell_the_header_cannot_hold_is_reported_not_dropped():
    text = "\n".join([
        "| 一级指标 | 二级指标 | 三级指标 | 指标值 |",
        "| 产出指标 | 数量指标 | 改造户数 | ≥18户 | 多余 | 更多 |",
    ])
    document, accounting = read_text(text.encode(), "extra.txt")
    (indicator,) = document.sheets[0].indicators
    assert indicator.target.raw == "≥18户"
    assert accounting.tokens == accounting.placed + accounting.diagnosed
    assert any("多余" in d.message for d in document.diagnostics)


def test_an_unknown_column_is_kept_under_its_heading():
    text = "\n".join([
        "| 一级指标 | 二级指标 | 三级指标 | 指标值 | 甲镇 | 乙镇 |",
        "| 产出指标 | 数量指标 | 改造户数(个) | ≥18户 | 10 | 8 |",
    ])
    (indicator,) = read_text(text.encode(), "towns.txt")[0].sheets[0].indicators
    assert (indicator.target.raw, indicator.extra) == ("≥18户", {"甲镇": "10", "乙镇": "8"})
