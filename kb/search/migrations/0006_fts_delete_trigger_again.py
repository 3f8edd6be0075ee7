"""SQLite rebuilt search_searchdocument in 0005 (an altered field), which dropped the trigger that
deletes a document's search_fts row with it: create it again and drop the rows left behind."""

from django.db import migrations

SQLITE = [
    """CREATE TRIGGER IF NOT EXISTS search_searchdocument_fts_delete
       AFTER DELETE ON search_searchdocument
       BEGIN DELETE FROM search_fts WHERE rowid = old.id; END""",
    "DELETE FROM search_fts WHERE rowid NOT IN (SELECT id FROM search_searchdocument)",
]


def run(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for sql in SQLITE:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("search", "0005_query_log_and_url_index")]

    operations = [migrations.RunPython(run, migrations.RunPython.noop)]
