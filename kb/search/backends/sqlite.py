"""SQLite backend: an FTS5 table `search_fts` (title, label, body) whose rowid is the id of
the search_searchdocument row; a trigger drops the FTS row when the document row goes.

The columns hold words from `kb.search.tokens.tokenize` joined by spaces, so FTS5's own
unicode61 tokenizer only has to split on spaces. As on PostgreSQL, at most CANDIDATES pages
matching in title/label (an FTS5 column filter) plus CANDIDATES matching anywhere are ranked;
pages holding every query word come first, then bm25 with column weights 10/4/1. bm25 is
computed inside each MATCH (never behind `rowid IN (…)`, which makes FTS5 re-run the match for
every row); a page found only through its title is ranked on title and label alone.
"""

from django.db import connection

from kb.search.backends import CANDIDATES

VISIBLE = "(d.published_at IS NULL OR d.published_at <= %(now)s)"

QUERY = f"""
WITH head AS MATERIALIZED (
    SELECT rowid AS id, bm25(search_fts, 10.0, 4.0, 1.0) AS rank FROM search_fts
    WHERE search_fts MATCH %(head)s LIMIT {CANDIDATES}
), body AS MATERIALIZED (
    SELECT rowid AS id, bm25(search_fts, 10.0, 4.0, 1.0) AS rank FROM search_fts
    WHERE search_fts MATCH %(query)s LIMIT {CANDIDATES + 1}
), complete AS MATERIALIZED (
    SELECT rowid AS id FROM search_fts WHERE search_fts MATCH %(all_words)s
), candidates AS MATERIALIZED (
    SELECT c.id, min(c.rank) AS rank FROM (SELECT * FROM body UNION ALL SELECT * FROM head) c
    JOIN search_searchdocument d ON d.id = c.id WHERE {VISIBLE}
    GROUP BY c.id
), ranked AS (
    SELECT id, id IN complete AS complete, rank FROM candidates
    ORDER BY complete DESC, rank, id
    LIMIT %(limit)s OFFSET %(offset)s
)
SELECT d.kind, d.title, d.url, d.category, d.label, d.body,
       (SELECT count(*) FROM body b JOIN search_searchdocument d ON d.id = b.id WHERE {VISIBLE}) AS total
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


def query(plan, now, limit: int, offset: int, conn=connection) -> tuple[list[dict], int]:
    expression = match_expression(plan.groups)
    params = {
        "query": expression,
        "head": "{title label} : (" + expression + ")",
        "all_words": match_expression([(w,) for w in plan.words], "AND"),
        "now": conn.ops.adapt_datetimefield_value(now),
        "limit": limit,
        "offset": offset,
    }
    with conn.cursor() as cursor:
        cursor.execute(QUERY, params)
        rows = cursor.fetchall()
    total = rows[0][-1] if rows else 0
    return [dict(zip(COLUMNS, row[:-1], strict=True)) for row in rows], total


def write(documents, fresh: bool = False) -> None:
    from kb.search.tokens import tokenize

    rows = [
        (d.pk, " ".join(tokenize(d.title)), " ".join(tokenize(d.label)), " ".join(tokenize(d.body)))
        for d in documents
    ]
    with connection.cursor() as cursor:
        if not fresh:
            cursor.executemany("DELETE FROM search_fts WHERE rowid = %s", [(r[0],) for r in rows])
        cursor.executemany(
            "INSERT INTO search_fts (rowid, title, label, body) VALUES (%s, %s, %s, %s)", rows
        )


def clear() -> None:
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM search_fts")
