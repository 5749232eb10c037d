"""A reading stored before diagnostics recorded the rows they set aside (``Diagnostic.set_aside``) gains them from
the cells its messages quote, once, by a migration: the review of the stored sheet reads the field."""

from __future__ import annotations

import pytest

from jixiao.model import Document
from jixiao.web.sheets.models import Sheet
from tests.web.migrations import migrated_back, migrated_forward

BEFORE = [("sheets", "0014_reviews_record_their_rule_set")]
SET_ASIDE = {"code": "P108", "severity": "warning", "message": "本行没有三级指标和指标值，未读作指标：项目绩效｜55｜项目产出",
             "location": {"sheet": "工会经费", "row": 7}}
CUT = {"code": "P114", "severity": "info", "message": "表格在文件末尾（第78行）中断，最后一行可能不完整：9.8",
       "location": {"sheet": "工会经费", "line": 78}}


@pytest.mark.django_db(transaction=True)
def test_a_reading_stored_before_gains_the_rows_its_diagnostics_set_aside_and_goes_back():
    old = migrated_back(BEFORE)
    unit = old.get_model("organisation", "Unit").objects.create(code="X1", name="甲乡", kind="unit")
    reading = {"sheet": {}, "document": {"diagnostics": [SET_ASIDE, CUT]}}
    old.get_model("sheets", "Sheet").objects.create(unit=unit, year=2026, name="工会经费", reading=reading)
    old.get_model("sheets", "Sheet").objects.create(unit=unit, year=2026, name="未读取的表")  # no reading
    migrated_forward()
    notes = Document.model_validate(Sheet.objects.get(name="工会经费").reading["document"]).diagnostics
    assert [(note.code, note.set_aside) for note in notes] == [("P108", ("项目绩效", "55", "项目产出")), ("P114", ())]
    kept = migrated_back(BEFORE).get_model("sheets", "Sheet").objects.get(name="工会经费")
    assert kept.reading["document"]["diagnostics"] == [SET_ASIDE, CUT]
    migrated_forward()
