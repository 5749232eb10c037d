"""One unit's sheet list read from an index in its order (see Sheet.Meta.indexes)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("sheets", "0015_readings_keep_the_rows_set_aside"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="sheet",
            index=models.Index(fields=["year", "unit", "updated_at", "id"], name="sheet_unit_list"),
        ),
    ]
