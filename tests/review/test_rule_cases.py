"""Every rule has a failing and a passing case, run from the data in rule_cases.toml."""

from __future__ import annotations

import pytest

from jixiao.review import RULES, load_profile, review_document
from jixiao.review.rules.prose import ProseRule
from tests.review.sheets import build_document, load_data, patched

DATA = load_data("rule_cases.toml")
CASES = DATA["case"]


def _id(case: dict) -> str:
    return case["rule"] + (f"-{case['about'][:12]}" if "about" in case else "")


def _findings(case: dict, outcome: str):
    document = build_document(patched(DATA["base"], case[outcome]))
    profile = load_profile(case.get("profile", "central")).adjusted(form=case.get("form"))
    return review_document(document, profile).findings


def test_base_sheet_is_clean():
    findings = review_document(build_document(DATA["base"]), load_profile()).findings
    assert [f.message for f in findings] == []


def test_every_rule_has_a_case():
    with_cases = {case["rule"] for case in CASES}
    # JX001 turns reader diagnostics into findings; it is tested with a document in test_engine.py. The rules of a
    # document in prose (no sheet to build a case on) are tested with its sentences in tests/scoring/test_audit_prose.py.
    prose = {rule.code for rule in RULES if isinstance(rule, ProseRule)}
    assert prose and {rule.code for rule in RULES} - {"JX001"} - prose <= with_cases


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_failing_case(case):
    found = [f for f in _findings(case, "fail") if f.rule == case["rule"]]
    assert found, f"{case['rule']} did not fire"
    # Where and what: `at` names the indicator (or "sheet") and the column, `says` a piece of the message.
    if "at" in case:
        indicator = None if case["at"]["indicator"] == "sheet" else case["at"]["indicator"]
        assert any(f.indicator == indicator and f.location.column == case["at"]["column"] for f in found), \
            [(f.indicator, f.location.column) for f in found]
    if "says" in case:
        assert any(case["says"] in f.message for f in found), [f.message for f in found]
    if "severity" in case:
        assert any(f.severity.value == case["severity"] for f in found), [f.severity.value for f in found]
    expected = case.get("fix")
    if expected:
        edits = [(edit, f.fix) for f in found if f.fix for edit in f.fix.edits]
        assert any(
            edit.field == expected["field"]
            and ("after" not in expected or edit.after == expected["after"])
            and ("applicability" not in expected or fix.applicability.value == expected["applicability"])
            for edit, fix in edits
        ), [(edit.field, edit.after, fix.applicability.value) for edit, fix in edits]


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_passing_case(case):
    found = [f.message for f in _findings(case, "pass") if f.rule == case["rule"]]
    assert found == []
