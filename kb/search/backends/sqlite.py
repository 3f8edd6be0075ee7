"""SQLite backend: an FTS5 table `search_fts` (title, label, body) whose rowid is the id of
the search_searchdocument row; a trigger drops the FTS row when the document row goes.

The columns hold words from `kb.search.tokens.tokenize` joined by spaces, so FTS5's own
unicode61 tokenizer only has to split on spaces. Pages holding every query word come first,
then bm25 with column weights 10/4/1 (title, label, body).
"""

from django.db import connection

from kb.search.tokens import tokenize

QUERY = """
WITH matched AS MATERIALIZED (
    SELECT rowid AS id, bm25(search_fts, 10.0, 4.0, 1.0) AS rank
    FROM search_fts WHERE search_fts MATCH %s
), complete AS MATERIALIZED (
    SELECT rowid AS id FROM search_fts WHERE search_fts MATCH %s
), ranked AS (
    SELECT m.id, m.id IN complete AS complete, m.rank, count(*) OVER () AS total
    FROM matched m JOIN search_searchdocument d ON d.id = m.id
    WHERE d.published_at IS NULL OR d.published_at <= %s
    ORDER BY complete DESC, m.rank, m.id
    LIMIT %s OFFSET %s
)
SELECT d.kind, d.title, d.url, d.category, d.label, d.body, r.total
FROM ranked r JOIN search_searchdocument d ON d.id = r.id
ORDER BY r.complete DESC, r.rank, d.id
"""

COLUMNS = ("kind", "title", "url", "category", "label", "body")


def _quote(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def match_expression(groups, operator: str = "OR") -> str:
    parts = []
    for group in groups:
        inner = " AND ".join(_quote(w) for w in group)
        parts.append(f"({inner})" if len(group) > 1 else inner)
    return f" {operator} ".join(parts)


def query(plan, now, limit: int, offset: int) -> tuple[list[dict], int]:
    now = connection.ops.adapt_datetimefield_value(now)
    every_word = match_expression([(w,) for w in plan.words], "AND")
    with connection.cursor() as cursor:
        cursor.execute(QUERY, [match_expression(plan.groups), every_word, now, limit, offset])
        rows = cursor.fetchall()
    total = rows[0][-1] if rows else 0
    return [dict(zip(COLUMNS, row[:-1], strict=True)) for row in rows], total


def write(documents) -> None:
    rows = [
        (d.pk, " ".join(tokenize(d.title)), " ".join(tokenize(d.label)), " ".join(tokenize(d.body)))
        for d in documents
    ]
    with connection.cursor() as cursor:
        cursor.executemany("DELETE FROM search_fts WHERE rowid = %s", [(r[0],) for r in rows])
        cursor.executemany(
            "INSERT INTO search_fts (rowid, title, label, body) VALUES (%s, %s, %s, %s)", rows
        )


def clear() -> None:
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM search_fts")
