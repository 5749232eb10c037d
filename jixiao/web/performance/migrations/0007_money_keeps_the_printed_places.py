"""Spending and the self-evaluation's money keep the places the document prints (万元 with four or six decimals), as the
sheet budgets do, instead of refusing them."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('performance', '0006_summary_place_required'),
    ]

    operations = [
        migrations.AlterField(
            model_name='spending',
            name='amount',
            field=models.DecimalField(decimal_places=6, max_digits=20, verbose_name='金额'),
        ),
        migrations.AlterField(
            model_name='tracking',
            name='budget_full',
            field=models.DecimalField(blank=True, decimal_places=6, max_digits=20, null=True, verbose_name='全年预算数'),
        ),
        migrations.AlterField(
            model_name='tracking',
            name='budget_initial',
            field=models.DecimalField(blank=True, decimal_places=6, max_digits=20, null=True, verbose_name='年初预算数'),
        ),
        migrations.AlterField(
            model_name='tracking',
            name='spent',
            field=models.DecimalField(blank=True, decimal_places=6, max_digits=20, null=True, verbose_name='全年执行数'),
        ),
    ]
