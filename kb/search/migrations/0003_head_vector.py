"""PostgreSQL: a second tsvector with only title and label words, so the pages matching there
can be found from a GIN index without reading every matching row (see backends/postgresql.py)."""

from django.db import migrations

POSTGRES = [
    "ALTER TABLE search_searchdocument ADD COLUMN head tsvector",
    "CREATE INDEX search_searchdocument_head_gin ON search_searchdocument USING gin (head)",
]
POSTGRES_REVERSE = [
    "DROP INDEX IF EXISTS search_searchdocument_head_gin",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS head",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0002_word_index")]

    operations = [migrations.RunPython(_run(POSTGRES), _run(POSTGRES_REVERSE))]
