"""Stored readings keep the cells of the rows the reader set aside in the diagnostic saying so
(``Diagnostic.set_aside``), which the review reads (a score sheet cut before its results part). A reading stored
before had them only in the message, quoted after its last colon (shortened as the message shortens them): they are
taken from there once, here. A diagnostic of another code gains nothing; the default (none set aside) is right."""

from django.db import migrations

# The diagnostics that set rows aside, and quote their cells, joined by ｜, at the end of the message
# (jixiao/documents/codes.py as it was when the field came).
_SET_ASIDE = ("P108", "P120", "P121", "P122")


def _quoted(message: str) -> list[str]:
    return [cell for cell in message.rpartition("：")[2].split("｜") if cell.strip()]


def forwards(apps, schema_editor):
    for sheet in apps.get_model("sheets", "Sheet").objects.exclude(reading__isnull=True).iterator():
        notes = ((sheet.reading or {}).get("document") or {}).get("diagnostics") or []
        old = [note for note in notes if note.get("code") in _SET_ASIDE and "set_aside" not in note]
        for note in old:
            note["set_aside"] = _quoted(note.get("message") or "")
        if old:
            sheet.save(update_fields=["reading"])


def backwards(apps, schema_editor):
    for sheet in apps.get_model("sheets", "Sheet").objects.exclude(reading__isnull=True).iterator():
        notes = ((sheet.reading or {}).get("document") or {}).get("diagnostics") or []
        if any("set_aside" in note for note in notes):
            for note in notes:
                note.pop("set_aside", None)
            sheet.save(update_fields=["reading"])


class Migration(migrations.Migration):

    dependencies = [
        ("sheets", "0014_reviews_record_their_rule_set"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
