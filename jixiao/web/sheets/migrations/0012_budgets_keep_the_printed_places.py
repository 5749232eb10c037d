"""Budgets keep the places the document prints (万元 amounts with four or six decimals) instead of refusing them."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('sheets', '0011_stored_contents_keep_the_columns_order'),
    ]

    operations = [
        migrations.AlterField(
            model_name='sheet',
            name='budget_fiscal',
            field=models.DecimalField(blank=True, decimal_places=6, max_digits=20, null=True, verbose_name='其中：财政资金'),
        ),
        migrations.AlterField(
            model_name='sheet',
            name='budget_other',
            field=models.DecimalField(blank=True, decimal_places=6, max_digits=20, null=True, verbose_name='其他资金'),
        ),
        migrations.AlterField(
            model_name='sheet',
            name='budget_total',
            field=models.DecimalField(blank=True, decimal_places=6, max_digits=20, null=True, verbose_name='预算数'),
        ),
    ]
