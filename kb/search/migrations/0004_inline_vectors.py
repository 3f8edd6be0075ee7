"""PostgreSQL: keep `vector` and `head` inside the table row, uncompressed.

A page's vector (about 2 kB for a short article) pushed the row past PostgreSQL's 2 kB TOAST
threshold, so it was moved to the TOAST table and every match test and ts_rank call on a
candidate fetched and reassembled it again — most of the time a search spent at 100k pages.
With STORAGE MAIN and toast_tuple_target at its maximum, a row up to about 8 kB stays whole;
in a longer one the body text (EXTENDED) is compressed or moved out first. Existing vectors
are rewritten once so the new storage applies to them too.
"""

from django.db import migrations

POSTGRES = [
    "ALTER TABLE search_searchdocument SET (toast_tuple_target = 8160)",
    "ALTER TABLE search_searchdocument ALTER COLUMN vector SET STORAGE MAIN, "
    "ALTER COLUMN head SET STORAGE MAIN",
    "UPDATE search_searchdocument SET vector = vector || ''::tsvector, head = head || ''::tsvector",
]
POSTGRES_REVERSE = [
    "ALTER TABLE search_searchdocument RESET (toast_tuple_target)",
    "ALTER TABLE search_searchdocument ALTER COLUMN vector SET STORAGE EXTENDED, "
    "ALTER COLUMN head SET STORAGE EXTENDED",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0003_head_vector")]

    operations = [migrations.RunPython(_run(POSTGRES), _run(POSTGRES_REVERSE))]
