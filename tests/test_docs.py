"""Pages generated from the code stay in step with it."""

import json
import re
from pathlib import Path

import jsonschema
import pytest

from jixiao.documents.codes import render_markdown
from jixiao.documents.read import read_path
from jixiao.model import Document
from jixiao.scoring import load_profile
from jixiao.scoring.audit import AUDIT_RULES, audit_sheet
from jixiao.scoring.audit.docs import render_section, worked_example

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_diagnostics_page_is_generated_from_the_code():
    assert (DOCS / "diagnostics.md").read_text(encoding="utf-8") == render_markdown()


def test_schema_file_matches_the_model():
    assert json.loads((DOCS / "schema.json").read_text(encoding="utf-8")) == Document.model_json_schema()


def test_the_schema_takes_a_diagnostic_with_its_template_or_with_its_message_alone():
    # a document written before diagnostics kept their template holds each message alone, and is still read
    schema = json.loads((DOCS / "schema.json").read_text(encoding="utf-8"))
    written = read_path(Path(__file__).parent / "fixtures" / "prose_report.txt").model_dump(mode="json")
    assert written["diagnostics"]
    jsonschema.validate(written, schema)
    older = {**written, "diagnostics": [{key: value for key, value in note.items() if key not in ("template", "params")}
                                        for note in written["diagnostics"]]}
    jsonschema.validate(older, schema)
    assert [note.message for note in Document.model_validate(older).diagnostics] == [
        note["message"] for note in written["diagnostics"]]
    neither = {**written, "diagnostics": [{"code": "P108", "severity": "warning"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(neither, schema)


def test_scoring_page_carries_the_generated_audit_section():
    page = (DOCS / "scoring.md").read_text(encoding="utf-8")
    assert render_section() in page
    for rule in AUDIT_RULES:
        assert f"#### {rule.code} {rule.title}" in page


@pytest.mark.parametrize("rule", AUDIT_RULES, ids=lambda rule: rule.code)
def test_every_audit_rule_documents_its_check_formula_setting_and_example(rule):
    docs = rule.docs
    assert all(text.strip() for text in (docs.what, docs.formula, docs.setting, docs.example)), rule.code
    # every profile setting the rule names exists in the profile (a renamed setting fails here)
    profile, last = load_profile("central"), None
    for name in re.findall(r"[a-z_]+(?:\.[a-z_]+)*", docs.setting):
        found = _setting(profile, name)
        found = found if found is not None or last is None else _setting(last, name)
        assert found is not None, f"{rule.code}: setting “{name}” is not in the profile"
        last = found


def _setting(root, dotted: str):
    for part in dotted.split("."):
        root = getattr(root, part, None)
        if root is None:
            return None
    return root


@pytest.mark.parametrize(("index", "profile", "expected"), [
    # 整治村数 scored 30 of 30 for 15 of ≥18: the score is JXA02's, no reason is asked besides (the unit claims it met)
    (0, "central", ["JXA02", "JXA02", "JXA23"]),
    # Hubei's 预算执行率 20 分 (not printed on the table): 90% of the budget scored 20 is 2 points too many
    (1, "hubei", ["JXA03", "JXA23", "JXA10"]),
])
def test_the_worked_examples_are_shown_under_their_profiles(index, profile, expected):
    sheet, name = worked_example(index)
    assert name == profile
    found = audit_sheet(sheet, load_profile(profile))
    assert [f.rule for f in found] == expected
    page = (DOCS / "scoring.md").read_text(encoding="utf-8")
    assert f"#### {sheet.name}（评分方案 `{profile}`" in page
    assert all(f"- {f.rule} " in page and f.message in page for f in found)
