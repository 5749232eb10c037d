"""A finding's doubt is said once, from its confidence, by whatever shows it (``Confidence.note``): audits stored before
this migration carry it in their message as well, as a suffix of the template on each finding of a row read in doubt
(confidence ``guessed-layout``). The suffix is taken off; going back puts it on again."""

from django.db import migrations

# The words the audit once put after the message of a finding on a row read in doubt (as they were: a migration is
# frozen, it does not import what the code says now).
_SUFFIX = "（该行的读取不确定：单元格可能不在原表的位置，请核对原表）"


def _rewrite(apps, change) -> None:
    AuditedDocument = apps.get_model("audits", "AuditedDocument")
    for document in AuditedDocument.objects.all().iterator():
        findings = [change(finding) for finding in document.findings]
        if findings != document.findings:
            document.findings = findings
            document.save(update_fields=["findings"])


def _without_suffix(finding: dict) -> dict:
    template = finding.get("template", "")
    return {**finding, "template": template.removesuffix(_SUFFIX)} if template.endswith(_SUFFIX) else finding


def _with_suffix(finding: dict) -> dict:
    guessed = finding.get("confidence") == "guessed-layout" and not finding.get("template", "").endswith(_SUFFIX)
    return {**finding, "template": finding.get("template", "") + _SUFFIX} if guessed else finding


def forwards(apps, schema_editor) -> None:
    _rewrite(apps, _without_suffix)


def backwards(apps, schema_editor) -> None:
    _rewrite(apps, _with_suffix)


class Migration(migrations.Migration):

    dependencies = [
        ("audits", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
    ]
