"""PostgreSQL backend: `tsvector` columns on search_searchdocument with GIN indexes.

`vector` holds every word (title A, short answer / label B, body C); `head` only title and
label. Words come from `kb.search.tokens.tokenize`, so both are written as tsvector literals
(`'借呗':1A,9C …`) rather than through a text search configuration: no parser or locale can
split or fold them differently from the query, which is a tsquery literal built the same way.

Ranking every match does not scale (ts_rank reads each matching row's vector, and a word like
逾期 is in most pages), so at most CANDIDATES pages matching in title/label plus CANDIDATES
matching anywhere are ranked: exact whenever a query matches fewer pages than that. Among
candidates, pages holding every query word come first (ts_rank has no IDF, so otherwise a common
word in a title beats all the words in a body), then ts_rank with length normalisation. Each
word keeps at most MAX_POSITIONS positions (its first, highest-weighted ones): ts_rank
discounts repeats by 1/n², so the rest barely move a score but would double the vector's size.
Both vectors stay uncompressed inside the table row (migration 0004): out in TOAST, each
candidate's vector was fetched and reassembled for every match test and ts_rank call.
"""

from django.db import connection

from kb.search.backends import CANDIDATES
from kb.search.tokens import tokenize

WEIGHTS = "{0.1, 0.2, 0.4, 1.0}"  # D, C, B, A
MAX_POSITION = 16383
MAX_POSITIONS = 4
VISIBLE = "(d.published_at IS NULL OR d.published_at <= %(now)s)"

RANK = f"(d.vector @@ %(all_words)s::tsquery) AS complete, ts_rank('{WEIGHTS}', d.vector, %(query)s::tsquery, 1) AS rank"

QUERY = f"""
WITH head AS (
    SELECT d.id, {RANK} FROM search_searchdocument d
    WHERE d.head @@ %(query)s::tsquery AND {VISIBLE} LIMIT {CANDIDATES}
), body AS (
    SELECT d.id, {RANK} FROM search_searchdocument d
    WHERE d.vector @@ %(query)s::tsquery AND {VISIBLE} LIMIT {CANDIDATES + 1}
), ranked AS (
    SELECT id, complete, rank FROM head UNION SELECT id, complete, rank FROM body
    ORDER BY complete DESC, rank DESC, id
    LIMIT %(limit)s OFFSET %(offset)s
)
SELECT d.kind, d.title, d.url, d.category, d.label, d.body, (SELECT count(*) FROM body) AS total
FROM ranked r JOIN search_searchdocument d ON d.id = r.id
ORDER BY r.complete DESC, r.rank DESC, d.id
"""

COLUMNS = ("kind", "title", "url", "category", "label", "body")


def _quote(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def vector_literals(title: str, label: str, body: str) -> tuple[str, str]:
    """(everything, title and label only) as tsvector literals."""
    positions: dict[str, list[str]] = {}
    head = ""
    pos = 0
    for weight, text in (("A", title), ("B", label), ("C", body)):
        if weight == "C":
            head = _literal(positions)
        for word in tokenize(text):
            pos = min(pos + 1, MAX_POSITION)
            slots = positions.setdefault(word, [])
            if len(slots) < MAX_POSITIONS:
                slots.append(f"{pos}{weight}")
    return _literal(positions), head


def _literal(positions: dict[str, list[str]]) -> str:
    return " ".join(f"{_quote(w)}:{','.join(p)}" for w, p in positions.items())


def query_literal(groups, operator: str = "|") -> str:
    parts = []
    for group in groups:
        inner = " & ".join(_quote(w) for w in group)
        parts.append(f"( {inner} )" if len(group) > 1 else inner)
    return f" {operator} ".join(parts)


def query(plan, now, limit: int, offset: int, conn=connection) -> tuple[list[dict], int]:
    params = {
        "query": query_literal(plan.groups),
        "all_words": query_literal([(w,) for w in plan.words], "&"),
        "now": now,
        "limit": limit,
        "offset": offset,
    }
    with conn.cursor() as cursor:
        cursor.execute(QUERY, params)
        rows = cursor.fetchall()
    total = rows[0][-1] if rows else 0
    return [dict(zip(COLUMNS, row[:-1], strict=True)) for row in rows], total


def write(documents, fresh: bool = False) -> None:
    params = [(*vector_literals(d.title, d.label, d.body), d.pk) for d in documents]
    with connection.cursor() as cursor:
        cursor.executemany(
            "UPDATE search_searchdocument SET vector = %s::tsvector, head = %s::tsvector WHERE id = %s",
            params,
        )


def clear() -> None:
    """Rows carry their own vectors; deleting the rows is enough."""
