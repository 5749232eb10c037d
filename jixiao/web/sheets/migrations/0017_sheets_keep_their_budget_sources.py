"""A sheet's other budget sources (政府性基金拨款, 上年结转资金 …) get a column of their own, which the editor and the API
change: they were kept with what the reader found (``reading["budget_sources"]``, label → amount), which nobody
edits. The stored ones move there once, as [label, amount] pairs with the amounts written as the column writes them,
in the order the reading kept them (on PostgreSQL, jsonb's order of an object's keys: the printed order was lost
there; the pairs keep the order from now on).
Backwards they go back into the reading; a sheet not read from a file (created by the API or edited before) had no
place for them and loses them."""

from decimal import Decimal

from django.db import migrations, models

from jixiao.model.amounts import amount_text


def forwards(apps, schema_editor):
    for sheet in apps.get_model("sheets", "Sheet").objects.exclude(reading__isnull=True).iterator():
        sources = (sheet.reading or {}).pop("budget_sources", None)
        if sources is not None:
            sheet.budget_sources = [[label.strip(), amount_text(Decimal(text))] for label, text in sources.items()]
            sheet.save(update_fields=["reading", "budget_sources"])


def backwards(apps, schema_editor):
    for sheet in apps.get_model("sheets", "Sheet").objects.exclude(reading__isnull=True).iterator():
        sheet.reading["budget_sources"] = dict(sheet.budget_sources)
        sheet.save(update_fields=["reading"])


class Migration(migrations.Migration):

    dependencies = [
        ("sheets", "0016_units_lists_read_their_own_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="sheet",
            name="budget_sources",
            field=models.JSONField(blank=True, default=list, verbose_name="另列资金来源"),
        ),
        migrations.RunPython(forwards, backwards),
    ]
