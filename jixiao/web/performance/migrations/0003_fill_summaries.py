"""Filled the stored summaries of sheets approved before summaries existed; that now happens in 0005, after the
summaries gained their sheet's unit, year and code (this used the application's models, which have those columns
from then on)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("performance", "0002_summary"),
        ("sheets", "0003_unit_goals"),
    ]

    operations = []
