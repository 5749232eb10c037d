"""Search through a trigram index: the current public versions' text moves from a column of every publication to
SearchEntry, indexed on SQLite by an FTS5 table (trigram tokenizer) kept in step by triggers and on PostgreSQL by a
GIN index of pg_trgm (see jixiao.web.publication.search)."""

import django.db.models.deletion
from django.db import migrations, models

from jixiao.web.publication.search import FTS_TABLE, search_key

_SQLITE = [
    # The text is normalised before it is stored, so the tokenizer folds nothing more (case_sensitive 1).
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(text, content='publication_searchentry',"
    " content_rowid='publication_id', tokenize='trigram case_sensitive 1')",
    f"""CREATE TRIGGER publication_searchentry_insert AFTER INSERT ON publication_searchentry BEGIN
        INSERT INTO {FTS_TABLE}(rowid, text) VALUES (new.publication_id, new.text); END""",
    f"""CREATE TRIGGER publication_searchentry_delete AFTER DELETE ON publication_searchentry BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, text) VALUES ('delete', old.publication_id, old.text); END""",
    f"""CREATE TRIGGER publication_searchentry_update AFTER UPDATE ON publication_searchentry BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, text) VALUES ('delete', old.publication_id, old.text);
        INSERT INTO {FTS_TABLE}(rowid, text) VALUES (new.publication_id, new.text); END""",
]
_SQLITE_REVERSE = [f"DROP TRIGGER publication_searchentry_{name}" for name in ("insert", "delete", "update")]
_SQLITE_REVERSE.append(f"DROP TABLE {FTS_TABLE}")
_POSTGRESQL = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX publication_search_trigram ON publication_searchentry USING gin (text gin_trgm_ops)",
]
_POSTGRESQL_REVERSE = ["DROP INDEX publication_search_trigram"]


def _run(statements: dict[str, list[str]]):
    def run(apps, schema_editor):
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)
    return run


def _fill(apps, schema_editor):
    """An entry for every current public version, from the text the publication held."""
    Publication = apps.get_model("publication", "Publication")
    SearchEntry = apps.get_model("publication", "SearchEntry")
    current = Publication.objects.filter(withdrawn_at__isnull=True, is_current=True).select_related("unit")
    SearchEntry.objects.bulk_create(
        (SearchEntry(publication=p, year=p.year, unit_code=p.unit.code, code=p.code, text=search_key(p.search_text))
         for p in current.iterator(chunk_size=1000)), batch_size=1000)


def _unfill(apps, schema_editor):
    """Give every publication its text back (a withdrawn or earlier version's, never searched, stays empty)."""
    Publication = apps.get_model("publication", "Publication")
    for entry in apps.get_model("publication", "SearchEntry").objects.iterator():
        Publication.objects.filter(pk=entry.publication_id).update(search_text=entry.text)


class Migration(migrations.Migration):

    dependencies = [
        ('publication', '0002_snapshot_apart_and_year_figures'),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchEntry',
            fields=[
                ('publication', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='search_entry', serialize=False, to='publication.publication')),
                ('year', models.PositiveSmallIntegerField(verbose_name='年度')),
                ('unit_code', models.CharField(max_length=32, verbose_name='单位编码')),
                ('code', models.CharField(blank=True, max_length=64, verbose_name='项目编码')),
                ('text', models.TextField(verbose_name='检索文本')),
            ],
            options={
                'verbose_name': '检索条目',
                'indexes': [models.Index(fields=['-year', 'unit_code', 'code', 'publication'], name='publication_search_order')],
            },
        ),
        migrations.RunPython(_run({"sqlite": _SQLITE, "postgresql": _POSTGRESQL}),
                             _run({"sqlite": _SQLITE_REVERSE, "postgresql": _POSTGRESQL_REVERSE})),
        migrations.RunPython(_fill, _unfill),
        migrations.RemoveField(
            model_name='publication',
            name='search_text',
        ),
    ]
