"""Fill the stored summaries of sheets approved before summaries existed."""

from django.db import migrations


def fill(apps, schema_editor):
    # The core computes the summaries; it needs the application's models (conversion, selectors), so this
    # migration uses them rather than the historical ones. Sheets are few at this point of the history.
    from jixiao.web.performance.summaries import summaries_refresh
    from jixiao.web.sheets.models import Sheet

    summaries_refresh(Sheet.objects.all())


class Migration(migrations.Migration):

    dependencies = [
        ("performance", "0002_summary"),
        ("sheets", "0003_unit_goals"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
