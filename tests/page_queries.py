"""Counting a page's SQL statements the way a request outside a test's transaction runs them."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def page_queries(client, url: str) -> list[str]:
    """The page's statements, without the savepoints of the test's own transaction."""
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return [q["sql"] for q in ctx.captured_queries if "SAVEPOINT" not in q["sql"]]
