"""False-alarm guard: no rule fires on correct sheets in the style of real published tables."""

from __future__ import annotations

import pytest

from jixiao.review import load_profile, review_document
from tests.review.sheets import build_document, load_data

SHEETS = load_data("clean_sheets.toml")["sheet"]


@pytest.mark.parametrize("profile", ["central", "county-example"])
@pytest.mark.parametrize("spec", SHEETS, ids=lambda spec: spec["name"])
def test_no_finding_on_a_clean_sheet(spec, profile):
    review = review_document(build_document(spec), load_profile(profile))
    assert [f"{f.rule} {f.message}" for f in review.findings] == []
    assert review.sheets[0].grade == "优"
