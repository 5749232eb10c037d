"""A reading stored before diagnostics recorded the rows they set aside (``Diagnostic.set_aside``) gains them from
the cells its messages quote, once, by a migration: the review of the stored sheet reads the field."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from jixiao.model import Document
from jixiao.web.sheets.models import Sheet

BEFORE = [("sheets", "0014_reviews_record_their_rule_set")]
SET_ASIDE = {"code": "P108", "severity": "warning", "message": "本行没有三级指标和指标值，未读作指标：项目绩效｜55｜项目产出",
             "location": {"sheet": "工会经费", "row": 7}}
CUT = {"code": "P114", "severity": "info", "message": "表格在文件末尾（第78行）中断，最后一行可能不完整：9.8",
       "location": {"sheet": "工会经费", "line": 78}}


def _latest() -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    return executor


@pytest.mark.django_db(transaction=True)
def test_a_reading_stored_before_gains_the_rows_its_diagnostics_set_aside_and_goes_back():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    unit = old.get_model("organisation", "Unit").objects.create(code="X1", name="甲乡", kind="unit")
    reading = {"sheet": {}, "document": {"diagnostics": [SET_ASIDE, CUT]}}
    old.get_model("sheets", "Sheet").objects.create(unit=unit, year=2026, name="工会经费", reading=reading)
    old.get_model("sheets", "Sheet").objects.create(unit=unit, year=2026, name="未读取的表")  # no reading
    _latest()
    notes = Document.model_validate(Sheet.objects.get(name="工会经费").reading["document"]).diagnostics
    assert [(note.code, note.set_aside) for note in notes] == [("P108", ("项目绩效", "55", "项目产出")), ("P114", ())]
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    kept = executor.loader.project_state(BEFORE).apps.get_model("sheets", "Sheet").objects.get(name="工会经费")
    assert kept.reading["document"]["diagnostics"] == [SET_ASIDE, CUT]
    _latest()
