"""Pages generated from the code stay in step with it."""

import json
from pathlib import Path

from jixiao.documents.codes import render_markdown
from jixiao.model import Document
from jixiao.scoring.audit.docs import render_section

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_diagnostics_page_is_generated_from_the_code():
    assert (DOCS / "diagnostics.md").read_text(encoding="utf-8") == render_markdown()


def test_schema_file_matches_the_model():
    assert json.loads((DOCS / "schema.json").read_text(encoding="utf-8")) == Document.model_json_schema()


def test_scoring_page_carries_the_generated_audit_section():
    page = (DOCS / "scoring.md").read_text(encoding="utf-8")
    assert render_section() in page
    for code in ("JXA01", "JXA08", "JXA16", "JXM04"):
        assert f"#### {code} " in page
