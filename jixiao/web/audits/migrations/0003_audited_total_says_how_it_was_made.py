"""An audited self-evaluation keeps how its recomputed total was made (rows taken as printed, rows not applicable,
分值 over 100, the profile's cap) as a message kept as data (its template and parameters, JSON of
:class:`~jixiao.model.wording.Worded`), rendered beside the total when shown. Audits stored before it have none: the
note needs the recomputation, which a migration does not run again."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("audits", "0002_findings_say_their_doubt_once")]

    operations = [
        migrations.AddField(
            model_name="auditeddocument",
            name="total_explanation",
            field=models.JSONField(blank=True, null=True, verbose_name="复算总分说明"),
        ),
    ]
