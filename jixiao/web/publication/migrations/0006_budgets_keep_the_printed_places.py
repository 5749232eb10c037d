"""Budgets keep the places the document prints (万元 amounts with four or six decimals) instead of refusing them."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('publication', '0005_public_revision'),
    ]

    operations = [
        migrations.AlterField(
            model_name='publication',
            name='budget_total',
            field=models.DecimalField(blank=True, decimal_places=6, max_digits=20, null=True, verbose_name='预算数'),
        ),
    ]
