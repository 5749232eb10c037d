"""Approved and published contents keep each indicator's other columns (``extra``) as [heading, cell] pairs: an
object's keys come back from PostgreSQL's jsonb in its own order (shortest first), not the form's. A content kept
on PostgreSQL before takes the order of the sheet's stored row at the same position where that row has the same
headings (the row keeps its cells as a list, in the form's order); otherwise the order it was kept in."""

from django.db import migrations


def _as_pairs(content: dict, rows: dict[int, list]) -> bool:
    """Turn each indicator's ``extra`` of ``content`` into pairs in place; True when something changed."""
    changed = False
    for position, indicator in enumerate(content.get("indicators") or [], start=1):
        extra = indicator.get("extra")
        if not isinstance(extra, dict):
            continue
        order = [heading for heading, _ in rows.get(position, [])]
        headings = order if sorted(order) == sorted(extra) else list(extra)
        indicator["extra"] = [[heading, extra[heading]] for heading in headings]
        changed = True
    return changed


def forwards(apps, schema_editor):
    IndicatorRow = apps.get_model("sheets", "IndicatorRow")
    rows_of: dict[int, dict[int, list]] = {}

    def rows(sheet_id: int) -> dict[int, list]:
        if sheet_id not in rows_of:
            rows_of[sheet_id] = dict(IndicatorRow.objects.filter(sheet_id=sheet_id).values_list("position", "extra"))
        return rows_of[sheet_id]

    for approved in apps.get_model("sheets", "ApprovedVersion").objects.iterator():
        if _as_pairs(approved.content, rows(approved.sheet_id)):
            approved.save(update_fields=["content"])
    for body in apps.get_model("publication", "PublicationContent").objects.select_related("publication").iterator():
        if _as_pairs(body.content, rows(body.publication.sheet_id)):
            body.save(update_fields=["content"])


def backwards(apps, schema_editor):
    contents = [*apps.get_model("sheets", "ApprovedVersion").objects.iterator(),
                *apps.get_model("publication", "PublicationContent").objects.iterator()]
    for kept in contents:
        for indicator in kept.content.get("indicators") or []:
            if isinstance(indicator.get("extra"), list):
                indicator["extra"] = dict(indicator["extra"])
        kept.save(update_fields=["content"])


class Migration(migrations.Migration):

    dependencies = [
        ("sheets", "0010_indicator_operator_column"),
        ("publication", "0005_public_revision"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
