"""PostgreSQL backend: a `tsvector` column on search_searchdocument with a GIN index.

Words come from `kb.search.tokens.tokenize`, so the vector is written as a tsvector literal
(`'借呗':1A,9C …`) rather than through a text search configuration: no parser or locale can
split or fold them differently from the query, which is a tsquery literal built the same way.
Weights: title A, short answer / label B, body C. Pages holding every query word come first
(ts_rank has no IDF, so without this a common word in a title beats all words in a body),
then ts_rank with length normalisation.
"""

from django.db import connection

from kb.search.tokens import tokenize

WEIGHTS = "{0.1, 0.2, 0.4, 1.0}"  # D, C, B, A
MAX_POSITION = 16383

QUERY = f"""
WITH ranked AS (
    SELECT d.id, (d.vector @@ q.all_words) AS complete,
           ts_rank('{WEIGHTS}', d.vector, q.query, 1) AS rank, count(*) OVER () AS total
    FROM search_searchdocument d, (SELECT %s::tsquery AS query, %s::tsquery AS all_words) q
    WHERE d.vector @@ q.query AND (d.published_at IS NULL OR d.published_at <= %s)
    ORDER BY complete DESC, rank DESC, d.id
    LIMIT %s OFFSET %s
)
SELECT d.kind, d.title, d.url, d.category, d.label, d.body, r.total
FROM ranked r JOIN search_searchdocument d ON d.id = r.id
ORDER BY r.complete DESC, r.rank DESC, d.id
"""

COLUMNS = ("kind", "title", "url", "category", "label", "body")


def _quote(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def vector_literal(title: str, label: str, body: str) -> str:
    positions: dict[str, list[str]] = {}
    pos = 0
    for weight, text in (("A", title), ("B", label), ("C", body)):
        for word in tokenize(text):
            pos = min(pos + 1, MAX_POSITION)
            slots = positions.setdefault(word, [])
            if len(slots) < 256:
                slots.append(f"{pos}{weight}")
    return " ".join(f"{_quote(w)}:{','.join(p)}" for w, p in positions.items())


def query_literal(groups, operator: str = "|") -> str:
    parts = []
    for group in groups:
        inner = " & ".join(_quote(w) for w in group)
        parts.append(f"( {inner} )" if len(group) > 1 else inner)
    return f" {operator} ".join(parts)


def query(plan, now, limit: int, offset: int) -> tuple[list[dict], int]:
    params = [
        query_literal(plan.groups),
        query_literal([(w,) for w in plan.words], "&"),
        now,
        limit,
        offset,
    ]
    with connection.cursor() as cursor:
        cursor.execute(QUERY, params)
        rows = cursor.fetchall()
    total = rows[0][-1] if rows else 0
    return [dict(zip(COLUMNS, row[:-1], strict=True)) for row in rows], total


def write(documents) -> None:
    params = [(vector_literal(d.title, d.label, d.body), d.pk) for d in documents]
    with connection.cursor() as cursor:
        cursor.executemany(
            "UPDATE search_searchdocument SET vector = %s::tsvector WHERE id = %s", params
        )


def clear() -> None:
    """Rows carry their own vector; deleting the rows is enough."""
