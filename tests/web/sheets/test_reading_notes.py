"""An imported sheet keeps what the reader found around it (the reader's notes about it, what kind of document
and which form it came from, whether the file ends inside its table), so that the web's findings for it, edited
or not, are those ``jixiao check`` reports for the file edited alike."""

from __future__ import annotations

import pytest

from jixiao.review import review_document
from jixiao.web.sheets.conversion import INDICATOR_CELLS, goal_sheet
from jixiao.web.sheets.models import Sheet
from jixiao.web.sheets.services.review import profile
from jixiao.web.sheets.services.sheets import sheet_update
from tests.web.sheets.test_other_cells import _import

# 004: the file ends inside the grid (a partial review, seven reader notes); 102: a self-evaluation whose goals
# are not reviewed again; 118: a sheet without a name, Traditional level names; 003: two sheets, one cut off.
DOCUMENTS = ("004_", "102_", "118_", "003_")
PURPOSE = "改写的资金用途"
DESCRIPTION = "改写的指标解释"


def _findings(findings, rows) -> list[tuple]:
    """(rule, severity, row, message) of each finding, ``rows`` mapping the reader's grid row of a finding about an
    indicator to the stored position (the web numbers its indicators 1, 2, …); 0 for the sheet as a whole."""
    return sorted((f.rule, f.severity.value, rows[f.location.row] if f.indicator is not None else 0, f.message)
                  for f in findings)


def _stored(sheet: Sheet) -> list[tuple]:
    return sorted((r.rule, r.severity, r.row or 0, r.data["message"]) for r in sheet.findings.all())


def _edit(sheet: Sheet, **fields) -> Sheet:
    """Change the purpose and the first row's description of ``sheet`` (and ``fields``) as the editor saves them."""
    cells = [{name: getattr(row, name) for name in INDICATOR_CELLS} for row in sheet.indicators.all()]
    cells[0]["description"] = DESCRIPTION
    return sheet_update(user=sheet.created_by, sheet_id=sheet.pk, expected_version=sheet.version,
                        fields={"purpose": PURPOSE, **fields}, indicators=cells)


@pytest.mark.parametrize("stem", DOCUMENTS)
def test_an_edited_sheet_has_the_findings_jixiao_check_reports_for_the_file_edited_alike(org, stem):
    document, sheets = _import(org, stem)
    for content, sheet in zip(document.sheets, sheets, strict=True):
        _edit(sheet)
        content.purpose, content.indicators[0].description, content.year = PURPOSE, DESCRIPTION, sheet.year
    review = review_document(document, profile())
    assert not review.document_findings
    for content, outcome, sheet in zip(document.sheets, review.sheets, sheets, strict=True):
        rows = {indicator.row: position for position, indicator in enumerate(content.indicators, start=1)}
        sheet.refresh_from_db()
        assert _stored(sheet) == _findings(outcome.findings, rows)
        assert (sheet.suggested_grade, sheet.score) == (outcome.grade, outcome.score)
        assert goal_sheet(sheet).form_fields == content.form_fields and content.form_fields
    # the reader's notes are among them, as sheet-level findings
    assert any(r.rule == "JX001" and r.row is None for sheet in sheets for r in sheet.findings.all())


def test_the_notes_stay_with_a_sheet_given_another_name(org):
    # 004's file ends inside the grid: the sheet is graded as reviewed in part, its notes name it by its name
    _, [sheet] = _import(org, "004_")
    notes = sorted(r.data["message"] for r in sheet.findings.filter(rule="JX001"))
    assert len(notes) == 7 and sheet.suggested_grade == "良"
    _edit(sheet, code="", name="办公大楼运行经费")
    sheet.refresh_from_db()
    assert sorted(r.data["message"] for r in sheet.findings.filter(rule="JX001")) == notes
    assert {r.data["sheet"] for r in sheet.findings.filter(rule="JX001")} == {"办公大楼运行经费"}
    assert sheet.suggested_grade == "良"

