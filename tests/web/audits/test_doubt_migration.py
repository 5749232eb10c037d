"""An audit stored when a finding on a row read in doubt said so in its message as well as by its confidence loses the
words from its message, once, by a migration (the page, the export and the API render the confidence); going back
puts them on again."""

from __future__ import annotations

import pytest

from jixiao.web.audits.models import AuditedDocument
from tests.web.migrations import migrated_back, migrated_forward

BEFORE = [("audits", "0001_initial")]
SUFFIX = "（该行的读取不确定：单元格可能不在原表的位置，请核对原表）"
_INFLATED = {"rule": "JXA02", "name": "score-above-what-the-actual-supports", "severity": "warning",
             "dimension": "准确性", "source": "财预〔2020〕10号", "sheet": "P-001", "indicator": "整治村数",
             "location": {"row": 9}, "params": {"indicator": "整治村数", "score": "80", "expected": "64.00"},
             "fix": None}
GUESSED = {**_INFLATED, "confidence": "guessed-layout", "template": "指标“{indicator}”得分 {score}，按实际完成值应得 {expected}"}
SURE = {**_INFLATED, "confidence": "high", "template": "指标“{indicator}”得分 {score}，按实际完成值应得 {expected}"}


@pytest.mark.django_db(transaction=True)
def test_an_audit_stored_before_says_its_doubt_once_and_goes_back():
    old = migrated_back(BEFORE)
    bureau = old.get_model("organisation", "Unit").objects.create(code="B1", name="某县财政局", kind="bureau")
    unit = old.get_model("organisation", "Unit").objects.create(code="X1", name="甲乡", kind="unit")
    stored = [{**GUESSED, "template": GUESSED["template"] + SUFFIX}, SURE]
    old.get_model("audits", "AuditedDocument").objects.create(
        bureau=bureau, unit=unit, year=2026, kind="evaluation", source="x.json", profile="central", content={},
        findings=stored)
    migrated_forward()
    assert AuditedDocument.objects.get().findings == [GUESSED, SURE]
    kept = migrated_back(BEFORE).get_model("audits", "AuditedDocument").objects.get()
    assert kept.findings == stored
    migrated_forward()
