"""On PostgreSQL the page queries become prepared statements (DATABASE_PREPARE_THRESHOLD)."""

import pytest
from django.db import connection


@pytest.mark.postgres
def test_it_prepares_the_article_page_s_queries_once_they_repeat(client, make_article, settings):
    if connection.vendor != "postgresql":
        pytest.skip("prepared statements are PostgreSQL's")
    settings.PAGE_CACHE_SECONDS = 0
    url = make_article(title="借呗逾期的后果").get_absolute_url()
    for _ in range(settings.DATABASE_PREPARE_THRESHOLD + 1):
        assert client.get(url).status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        statements = [row[0] for row in cursor.fetchall()]
    # The article itself, and its FAQ entries with its tags.
    assert any('"articles_article"' in s and "$1" in s for s in statements), statements
    assert any("UNION ALL" in s for s in statements)
