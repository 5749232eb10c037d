"""The docs examples run: every rule reports its ``bad`` example and stays silent on its ``good`` one.

The examples are fragments of a table (see tests/review/examples.py for the forms understood); each is built
onto the clean base sheet of rule_cases.toml, so anything the rule reports comes from what the example writes.
"""

from __future__ import annotations

import pytest

from jixiao.review import RULES, load_profile, review_document
from tests.review.examples import example_spec, parse_example
from tests.review.sheets import build_document, load_data

BASE = load_data("rule_cases.toml")["base"]

# Rules whose examples cannot be built into a sheet, and why.
EXEMPT = {
    "JX001": "reports how the reader read the file (its diagnostics), not anything written in a sheet",
}

CHECKED = [rule for rule in RULES if rule.code not in EXEMPT]


def _findings(rule, text: str):
    parameters = parse_example(text).get("parameters")
    profile = load_profile().adjusted(parameters={rule.code: parameters} if parameters else None)
    document = build_document(example_spec(BASE, text))
    return [f for f in review_document(document, profile).findings if f.rule == rule.code]


def _example_rows(text: str) -> set[int]:
    """The rows an example writes (1-based), where it writes rows at all."""
    spec = parse_example(text)
    rows = spec.get("rows") or spec.get("field_rows") or []
    return set(range(1, len(rows) + 1))


@pytest.mark.parametrize("rule", CHECKED, ids=lambda rule: rule.code)
def test_bad_example_is_reported(rule):
    found = _findings(rule, rule.docs.bad)
    assert found, f"{rule.code} does not fire on its bad example {rule.docs.bad!r}"
    rows = _example_rows(rule.docs.bad)
    on_rows = [f for f in found if f.indicator is not None]
    if rows and on_rows:
        assert {f.location.row for f in on_rows} <= rows, [(f.location.row, f.message) for f in on_rows]


@pytest.mark.parametrize("rule", CHECKED, ids=lambda rule: rule.code)
def test_good_example_is_not_reported(rule):
    assert [f.message for f in _findings(rule, rule.docs.good)] == []


def test_exemptions_are_rules():
    assert set(EXEMPT) <= {rule.code for rule in RULES}
