"""The summaries' unit and year, filled by 0005, are required from here, and indexed (in a migration of its own: on
PostgreSQL a table whose rows changed in a transaction cannot be altered in it)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('organisation', '0002_alter_member_role'),
        ('performance', '0005_stored_figures'),
    ]

    operations = [
        migrations.AlterField(
            model_name='summary',
            name='unit',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='organisation.unit', verbose_name='单位'),
        ),
        migrations.AlterField(
            model_name='summary',
            name='year',
            field=models.PositiveSmallIntegerField(verbose_name='年度'),
        ),
        migrations.AddIndex(
            model_name='summary',
            index=models.Index(fields=['unit', 'year', 'code', 'sheet'], name='summary_unit_order'),
        ),
        migrations.AddIndex(
            model_name='summary',
            index=models.Index(fields=['year', 'light', '-gap', 'sheet'], name='summary_at_risk'),
        ),
        migrations.AddIndex(
            model_name='summary',
            index=models.Index(fields=['unit', 'year', 'light', '-gap', 'sheet'], name='summary_unit_at_risk'),
        ),
    ]
