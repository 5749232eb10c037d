"""JX201's bare_full_rate policy: whether a full 100% written without an operator lacks one (profile setting)."""

from __future__ import annotations

import pytest

from jixiao.review import load_profile, review_document
from tests.review.sheets import build_document, load_data, patched

DATA = load_data("rule_cases.toml")
FULL_RATE = ["产出指标", "质量指标", "项目验收合格率", "", "100%", ""]
SATISFACTION = ["满意度指标", "服务对象满意度指标", "接受调解群众满意度", "", "≥90%", ""]
# corpus 151: the other figures carry ≥ or ≤; 131: nothing but the stock satisfaction line besides the full rates
AMONG_OPERATORS = {"add_rows": [FULL_RATE]}
ALONE = {"rows": [FULL_RATE, SATISFACTION]}


def _reported(patch: dict, policy: str) -> list[str]:
    profile = load_profile().adjusted(parameters={"JX201": {"bare_full_rate": policy}})
    findings = review_document(build_document(patched(DATA["base"], patch)), profile).findings
    return [f.indicator for f in findings if f.rule == "JX201"]


@pytest.mark.parametrize(("policy", "patch", "reported"), [
    ("mixed", AMONG_OPERATORS, ["项目验收合格率"]),
    ("mixed", ALONE, []),
    ("exact", AMONG_OPERATORS, []),
    ("exact", ALONE, []),
    ("missing", AMONG_OPERATORS, ["项目验收合格率"]),
    ("missing", ALONE, ["项目验收合格率"]),
])
def test_bare_full_rate_policy(policy, patch, reported):
    assert _reported(patch, policy) == reported


def test_central_profile_states_the_policy():
    assert load_profile().parameter("JX201", "bare_full_rate", None) == "mixed"
