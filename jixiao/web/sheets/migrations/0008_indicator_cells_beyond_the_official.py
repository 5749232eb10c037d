from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('sheets', '0007_stored_figures'),
    ]

    operations = [
        migrations.AddField(
            model_name='indicatorrow',
            name='extra',
            field=models.JSONField(blank=True, default=list, verbose_name='其他栏'),
        ),
        migrations.AddField(
            model_name='indicatorrow',
            name='reading',
            field=models.JSONField(blank=True, null=True, verbose_name='读取结果'),
        ),
        migrations.AddField(
            model_name='indicatorrow',
            name='unit_column',
            field=models.CharField(blank=True, max_length=100, verbose_name='计量单位栏'),
        ),
    ]
