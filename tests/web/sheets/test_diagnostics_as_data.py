"""The reader's notes are kept and shown as data (template and parameters, rendered late): a cell they quote is a
parameter, shown escaped on the pages and never read as a slot; a reading stored before diagnostics kept their
template (its notes' messages alone) still loads and shows the same text."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from jixiao.web.sheets.models import Sheet
from jixiao.web.sheets.services.findings import findings_refresh
from jixiao.web.sheets.services.imports import sheets_import
from tests.documents.test_diagnostics_as_data import HOSTILE, SET_ASIDE

NAME = "rules.txt"


def _imported(org) -> Sheet:
    [sheet] = sheets_import(user=org["owner"], unit=org["township"], year=2026, accept_year=True,
                            files=[(NAME, SET_ASIDE.encode())])
    return sheet


def _notes(sheet: Sheet) -> list[tuple[str, str]]:
    """(code in the message, message) of each stored JX001 finding of ``sheet``."""
    return sorted((record.data["params"]["diagnostic"], record.data["message"])
                  for record in sheet.findings.filter(rule="JX001"))


def test_the_import_preview_shows_a_quoted_cell_escaped_as_it_was_written(org, login):
    page = login(org["owner"]).post("/sheets/import/", {"unit": org["township"].pk, "year": 2026,
                                                        "files": [SimpleUploadedFile(NAME, SET_ASIDE.encode())]})
    text = page.content.decode()
    assert "读取提示 P108" in text and "记满分{x}&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<script>alert(1)" not in text


def test_a_stored_note_keeps_its_template_and_the_cells_as_parameters(org, login):
    sheet = _imported(org)
    [stored] = [note for note in sheet.reading["document"]["diagnostics"] if note["code"] == "P108"]
    assert stored["template"] == "本行没有三级指标和指标值，未读作指标：{text_cell_1}｜{text_cell_2}"
    assert HOSTILE in stored["params"]["text_cell_1"] and HOSTILE in stored["message"]
    # the finding the review makes of it carries the note's template and cells, spliced into JX001's
    [record] = sheet.findings.filter(rule="JX001", data__params__diagnostic="P108")
    assert record.data["template"] == ("本行没有三级指标和指标值，未读作指标：{message_text_cell_1}｜{message_text_cell_2}"
                                       "（读取代码 {diagnostic}）")
    assert record.data["params"]["message_text_cell_1"] == stored["params"]["text_cell_1"]
    page = login(org["owner"]).get(f"/sheets/{sheet.pk}/").content.decode()
    assert "记满分{x}&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page


def test_a_reading_stored_before_notes_kept_their_template_shows_the_same_text(org, login):
    sheet = _imported(org)
    notes = _notes(sheet)
    # as a reading stored before this change holds them: each note's code, severity, message and place
    sheet.reading["document"]["diagnostics"] = [
        {key: note[key] for key in ("code", "severity", "message", "location", "set_aside")}
        for note in sheet.reading["document"]["diagnostics"]]
    sheet.save(update_fields=["reading"])
    sheet = Sheet.objects.get(pk=sheet.pk)
    findings_refresh(sheet)
    assert _notes(sheet) == notes and any(HOSTILE in message for _, message in notes)
    page = login(org["owner"]).get(f"/sheets/{sheet.pk}/").content.decode()
    assert "记满分{x}&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page


def test_the_api_gives_a_reader_note_its_template_and_parameters_as_check_does(api, org):
    checked = api("owner").post("/api/sheets/check", {"files": [SimpleUploadedFile(NAME, SET_ASIDE.encode())]}).json()
    [note] = [f for sheet in checked[0]["sheets"] for f in sheet["findings"]
              if f["rule"] == "JX001" and f["params"]["diagnostic"] == "P108"]
    assert note["template"] == ("本行没有三级指标和指标值，未读作指标：{message_text_cell_1}｜{message_text_cell_2}"
                                "（读取代码 {diagnostic}）")
    assert HOSTILE in note["params"]["message_text_cell_1"]
    assert note["message"] == note["template"].format(**note["params"])
