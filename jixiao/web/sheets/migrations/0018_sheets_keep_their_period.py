"""A sheet's span (the core's GoalSheet.period: 项目期 / 实施期, its first and last year, 中期资金总额 and its parts) gets
columns of its own, which the editor and the API change: it was kept with what the reader found
(``reading["sheet"]["period"]``), which nobody edits, so an API client's span was dropped and nobody could correct a
misread one. The stored spans move there once, the amounts written as the columns write them (the other sources as
[label, amount] pairs, as ``budget_sources``).
Backwards they go back into the reading; a sheet not read from a file (created by the API or edited since) had no
place for them and loses them."""

from decimal import Decimal

import django.core.validators
from django.db import migrations, models

from jixiao.model.amounts import amount_text

_AMOUNTS = (("total", "period_total"), ("fiscal", "period_fiscal"), ("other", "period_other"))
_PLAIN = (("text", "period_text"), ("years", "period_years"), ("start", "period_start"), ("end", "period_end"))


def forwards(apps, schema_editor):
    for sheet in apps.get_model("sheets", "Sheet").objects.exclude(reading__isnull=True).iterator():
        period = (sheet.reading or {}).get("sheet", {}).pop("period", None)
        if period is None:
            continue
        budget = period.get("budget") or {}
        for key, column in _PLAIN:
            setattr(sheet, column, period.get(key) or ("" if column == "period_text" else None))
        for key, column in _AMOUNTS:
            setattr(sheet, column, Decimal(f"{budget[key]}") if budget.get(key) is not None else None)
        sheet.period_sources = [[label.strip(), amount_text(Decimal(f"{text}"))]
                                for label, text in (budget.get("sources") or {}).items()]
        sheet.save(update_fields=["reading", *(column for _, column in (*_PLAIN, *_AMOUNTS)), "period_sources"])


def backwards(apps, schema_editor):
    for sheet in apps.get_model("sheets", "Sheet").objects.exclude(reading__isnull=True).iterator():
        budget = {key: amount_text(getattr(sheet, column)) if getattr(sheet, column) is not None else None
                  for key, column in _AMOUNTS}
        budget["sources"] = dict(sheet.period_sources)
        period = {key: getattr(sheet, column) or None for key, column in _PLAIN}
        if any(period.values()) or any(budget.values()):
            sheet.reading.setdefault("sheet", {})["period"] = {**period, "budget": budget}
            sheet.save(update_fields=["reading"])


class Migration(migrations.Migration):

    dependencies = [
        ("sheets", "0017_sheets_keep_their_budget_sources"),
    ]

    operations = [
        migrations.AddField(
            model_name="sheet",
            name="period_text",
            field=models.TextField(blank=True, verbose_name="实施期"),
        ),
        migrations.AddField(
            model_name="sheet",
            name="period_years",
            field=models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="实施期年数"),
        ),
        migrations.AddField(
            model_name="sheet",
            name="period_start",
            field=models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="实施期起始年度",
                                                   validators=[django.core.validators.MaxValueValidator(9999)]),
        ),
        migrations.AddField(
            model_name="sheet",
            name="period_end",
            field=models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="实施期结束年度",
                                                   validators=[django.core.validators.MaxValueValidator(9999)]),
        ),
        migrations.AddField(
            model_name="sheet",
            name="period_total",
            field=models.DecimalField(blank=True, decimal_places=6, max_digits=20, null=True, verbose_name="中期资金总额"),
        ),
        migrations.AddField(
            model_name="sheet",
            name="period_fiscal",
            field=models.DecimalField(blank=True, decimal_places=6, max_digits=20, null=True,
                                      verbose_name="中期资金：财政资金"),
        ),
        migrations.AddField(
            model_name="sheet",
            name="period_other",
            field=models.DecimalField(blank=True, decimal_places=6, max_digits=20, null=True,
                                      verbose_name="中期资金：其他资金"),
        ),
        migrations.AddField(
            model_name="sheet",
            name="period_sources",
            field=models.JSONField(blank=True, default=list, verbose_name="中期资金：另列资金来源"),
        ),
        migrations.RunPython(forwards, backwards),
    ]
