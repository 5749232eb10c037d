"""Findings keep the engine's shape: the flattened text columns become one JSON value (``Finding`` as JSON).

Rows stored before this migration only kept the rendered message and the fix's summary; they become findings
whose template is that message (braces escaped, no parameters) and whose fix is display-only advice. The next
save or review of a sheet replaces them with the engine's full findings.
"""

from django.db import migrations, models


def _to_json(apps, schema_editor):
    FindingRecord = apps.get_model("sheets", "FindingRecord")
    for record in FindingRecord.objects.all().iterator():
        record.data = {
            "rule": record.rule, "name": record.name, "severity": record.severity, "dimension": record.dimension,
            "source": "", "sheet": None, "indicator": record.indicator or None,
            "location": {"row": record.row, "column": record.field or None},
            "template": record.message.replace("{", "{{").replace("}", "}}"), "params": {},
            "fix": {"applicability": "display-only", "summary": record.fix, "edits": []} if record.fix else None,
            "confidence": "high",
        }
        record.save(update_fields=["data"])


def _to_columns(apps, schema_editor):
    FindingRecord = apps.get_model("sheets", "FindingRecord")
    for record in FindingRecord.objects.all().iterator():
        data = record.data
        params = data.get("params") or {}
        record.name, record.dimension = data.get("name", ""), data.get("dimension", "")
        record.indicator = data.get("indicator") or ""
        record.field = (data.get("location") or {}).get("column") or ""
        record.message = data.get("template", "").format_map(params) if params else \
            data.get("template", "").replace("{{", "{").replace("}}", "}")
        record.fix = (data.get("fix") or {}).get("summary", "")
        record.save(update_fields=["name", "dimension", "indicator", "field", "message", "fix"])


class Migration(migrations.Migration):

    dependencies = [
        ("sheets", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="findingrecord",
            name="data",
            field=models.JSONField(default=dict, verbose_name="审核发现"),
        ),
        migrations.RunPython(_to_json, _to_columns),
        *(migrations.RemoveField(model_name="findingrecord", name=name)
          for name in ("dimension", "field", "fix", "indicator", "message", "name")),
    ]
