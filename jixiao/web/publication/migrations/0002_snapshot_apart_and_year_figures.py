"""The snapshots move to their own table (lists and search read narrow rows), and each unit's figures of a year
are stored (a bureau's year page reads them instead of aggregating every publication)."""

from decimal import Decimal

import django.db.models.deletion
from django.db import migrations, models


def _move_snapshots_and_count(apps, schema_editor):
    """Copy every publication's snapshot into PublicationContent; store the figures of each unit's year."""
    Publication = apps.get_model("publication", "Publication")
    PublicationContent = apps.get_model("publication", "PublicationContent")
    PublishedYear = apps.get_model("publication", "PublishedYear")
    for row in Publication.objects.values("pk", "content", "overall", "evaluation").iterator():
        PublicationContent.objects.create(publication_id=row["pk"], content=row["content"], overall=row["overall"],
                                          evaluation=row["evaluation"])
    figures: dict[tuple[int, int], dict] = {}
    current = Publication.objects.filter(withdrawn_at__isnull=True, is_current=True)
    for row in current.values("bureau_id", "unit_id", "year", "score", "score_grade", "targets_met", "targets_scored"):
        year = figures.setdefault((row["unit_id"], row["year"]), {
            "bureau_id": row["bureau_id"], "tables": 0, "scored": 0, "score_sum": Decimal(0), "targets_met": 0,
            "targets_scored": 0, "grades": {}})
        year["tables"] += 1
        if row["score"] is not None:
            year["scored"] += 1
            year["score_sum"] += row["score"]
        if row["score_grade"]:
            year["grades"][row["score_grade"]] = year["grades"].get(row["score_grade"], 0) + 1
        year["targets_met"] += row["targets_met"] or 0
        year["targets_scored"] += row["targets_scored"] or 0
    PublishedYear.objects.bulk_create(PublishedYear(unit_id=unit_id, year=year, **values)
                                      for (unit_id, year), values in figures.items())


class Migration(migrations.Migration):

    dependencies = [
        ('organisation', '0002_alter_member_role'),
        ('publication', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='PublicationContent',
            fields=[
                ('publication', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='body', serialize=False, to='publication.publication')),
                ('content', models.JSONField(verbose_name='公开内容')),
                ('overall', models.JSONField(blank=True, null=True, verbose_name='部门整体绩效目标')),
                ('evaluation', models.JSONField(blank=True, null=True, verbose_name='自评结果')),
            ],
            options={
                'verbose_name': '公开内容',
            },
        ),
        migrations.CreateModel(
            name='PublishedYear',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('year', models.PositiveSmallIntegerField(verbose_name='年度')),
                ('tables', models.PositiveIntegerField(verbose_name='公开的表')),
                ('scored', models.PositiveIntegerField(verbose_name='已公开自评')),
                ('score_sum', models.DecimalField(decimal_places=2, default=0, max_digits=12, verbose_name='自评得分合计')),
                ('targets_met', models.PositiveIntegerField(default=0, verbose_name='达到目标的指标数')),
                ('targets_scored', models.PositiveIntegerField(default=0, verbose_name='评分的指标数')),
                ('grades', models.JSONField(default=dict, verbose_name='各等级的表数')),
                ('bureau', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisation.unit', verbose_name='财政局')),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='published_years', to='organisation.unit', verbose_name='单位')),
            ],
            options={
                'verbose_name': '单位年度公开情况',
                'indexes': [models.Index(fields=['bureau', 'year'], name='publication_bureau__0b7f7f_idx')],
                'constraints': [models.UniqueConstraint(fields=('unit', 'year'), name='one_published_year_per_unit')],
            },
        ),
        migrations.RunPython(_move_snapshots_and_count, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='publication',
            name='content',
        ),
        migrations.RemoveField(
            model_name='publication',
            name='evaluation',
        ),
        migrations.RemoveField(
            model_name='publication',
            name='overall',
        ),
    ]
