"""Moving rows between tables in a data migration, primary keys (and so old links) kept."""

from django.core.management.color import no_style


def copy_rows(source: str, target: str):
    """A RunPython function copying the shared columns of every row of model `source` into
    model `target` ("app_label.Model" names), then moving the id sequence past them."""

    def run(apps, schema_editor) -> None:
        old, new = apps.get_model(source), apps.get_model(target)
        connection = schema_editor.connection
        quote = connection.ops.quote_name
        old_columns = {f.column for f in old._meta.concrete_fields}
        columns = [f.column for f in new._meta.concrete_fields if f.column in old_columns]
        listed = ", ".join(quote(c) for c in columns)
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {quote(new._meta.db_table)} ({listed}) "
                f"SELECT {listed} FROM {quote(old._meta.db_table)}"
            )
            for sql in connection.ops.sequence_reset_sql(no_style(), [new]):
                cursor.execute(sql)

    return run
