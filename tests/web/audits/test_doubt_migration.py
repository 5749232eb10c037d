"""An audit stored when a finding on a row read in doubt said so in its message as well as by its confidence loses the
words from its message, once, by a migration (the page, the export and the API render the confidence); going back
puts them on again."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from jixiao.web.audits.models import AuditedDocument

BEFORE = [("audits", "0001_initial")]
SUFFIX = "（该行的读取不确定：单元格可能不在原表的位置，请核对原表）"
_INFLATED = {"rule": "JXA02", "name": "score-above-what-the-actual-supports", "severity": "warning",
             "dimension": "准确性", "source": "财预〔2020〕10号", "sheet": "P-001", "indicator": "整治村数",
             "location": {"row": 9}, "params": {"indicator": "整治村数", "score": "80", "expected": "64.00"},
             "fix": None}
GUESSED = {**_INFLATED, "confidence": "guessed-layout", "template": "指标“{indicator}”得分 {score}，按实际完成值应得 {expected}"}
SURE = {**_INFLATED, "confidence": "high", "template": "指标“{indicator}”得分 {score}，按实际完成值应得 {expected}"}


def _latest() -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_an_audit_stored_before_says_its_doubt_once_and_goes_back():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    bureau = old.get_model("organisation", "Unit").objects.create(code="B1", name="某县财政局", kind="bureau")
    unit = old.get_model("organisation", "Unit").objects.create(code="X1", name="甲乡", kind="unit")
    stored = [{**GUESSED, "template": GUESSED["template"] + SUFFIX}, SURE]
    old.get_model("audits", "AuditedDocument").objects.create(
        bureau=bureau, unit=unit, year=2026, kind="evaluation", source="x.json", profile="central", content={},
        findings=stored)
    _latest()
    assert AuditedDocument.objects.get().findings == [GUESSED, SURE]
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    kept = executor.loader.project_state(BEFORE).apps.get_model("audits", "AuditedDocument").objects.get()
    assert kept.findings == stored
    _latest()
