"""Pages generated from the code stay in step with it."""

import json
from pathlib import Path

from jixiao.documents.codes import render_markdown
from jixiao.model import Document

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_diagnostics_page_is_generated_from_the_code():
    assert (DOCS / "diagnostics.md").read_text(encoding="utf-8") == render_markdown()


def test_schema_file_matches_the_model():
    assert json.loads((DOCS / "schema.json").read_text(encoding="utf-8")) == Document.model_json_schema()
