"""The rule pages in docs/rules are generated from the code and kept in step with it."""

from pathlib import Path

from jixiao.review import RULES
from jixiao.review.docs import expected_pages
from jixiao.review.registry import RETIRED

FOLDER = Path(__file__).resolve().parents[2] / "docs" / "rules"


def test_committed_rule_pages_match_the_code():
    committed = {path.name: path.read_text(encoding="utf-8") for path in FOLDER.glob("*.md")}
    assert committed == expected_pages(), "run: python -m jixiao.review.docs"


def test_every_rule_is_documented_fully():
    for rule in RULES:
        docs = rule.docs
        assert all([docs.what, docs.why, docs.bad, docs.good, docs.fix, rule.source.cite()]), rule.code
        assert rule.name == rule.name.lower() and " " not in rule.name, rule.code


def test_codes_and_names_are_unique_and_never_reuse_retired_codes():
    codes = [rule.code for rule in RULES]
    names = [rule.name for rule in RULES]
    assert len(set(codes)) == len(codes) and len(set(names)) == len(names)
    assert not set(codes) & set(RETIRED)
    assert all(code.startswith("JX") and len(code) == 5 for code in codes)
