"""PostgreSQL backend: `tsvector` columns on search_searchdocument with GIN indexes.

`vector` holds every word (title A, short answer / label B, body C); `head` only title and
label. Words come from `kb.search.tokens.tokenize`, so both are written as tsvector literals
(`'借呗':1A,9C …`) rather than through a text search configuration: no parser or locale can
split or fold them differently from the query, which is a tsquery literal built the same way.

Ranking every match does not scale (ts_rank reads each matching row's vector, and a word like
逾期 is in most pages), so at most CANDIDATES pages matching in title/label plus CANDIDATES
matching anywhere are ranked (plus any provision the query names by number): exact whenever a
query matches fewer pages than that. Candidates are ordered as kb/search/ranking.py says —
pages holding every query word come early (ts_rank has no IDF, so otherwise a common word in a
title beats all the words in a body) — then by ts_rank with length normalisation. Each
word keeps at most MAX_POSITIONS positions (its first, highest-weighted ones): ts_rank
discounts repeats by 1/n², so the rest barely move a score but would double the vector's size.
Both vectors stay uncompressed inside the table row (migration 0004): out in TOAST, each
candidate's vector was fetched and reassembled for every match test and ts_rank call.
"""

from django.db import connection

from kb.search.ranking import (
    CANDIDATES,
    DEMOTED_KINDS,
    POSTGRES_WEIGHTS,
    PROVISION_MIN_TERMS,
    indexed_fields,
)
from kb.search.tokens import tokenize

MAX_POSITION = 16383
MAX_POSITIONS = 4
VISIBLE = "(d.published_at IS NULL OR d.published_at <= %(now)s)"
# A demoted kind (provisions) needs PROVISION_MIN_TERMS distinct query words, unless a law is named.
ENOUGH = (
    "(NOT d.kind = ANY(%(demoted)s) OR %(law_named)s"
    " OR (SELECT count(*) FROM unnest(%(terms)s::tsquery[]) t WHERE d.vector @@ t) >= %(min_terms)s)"
)
RANK = (
    "d.url = ANY(%(named)s) AS named, (d.vector @@ %(all_words)s::tsquery"
    " AND (%(several)s OR NOT d.kind = ANY(%(demoted)s))) AS complete,"
    " (d.kind = ANY(%(demoted)s) AND NOT %(law_named)s) AS demoted,"
    f" ts_rank('{POSTGRES_WEIGHTS}', d.vector, %(query)s::tsquery, 1) AS rank"
)

QUERY = f"""
WITH head AS (
    SELECT d.id, {RANK} FROM search_searchdocument d
    WHERE d.head @@ %(query)s::tsquery AND {VISIBLE} AND {ENOUGH} LIMIT {CANDIDATES}
), body AS (
    SELECT d.id, {RANK} FROM search_searchdocument d
    WHERE d.vector @@ %(query)s::tsquery AND {VISIBLE} AND {ENOUGH} LIMIT {CANDIDATES + 1}
), named AS (
    SELECT d.id, {RANK} FROM search_searchdocument d WHERE d.url = ANY(%(named)s)
), ranked AS (
    SELECT * FROM head UNION SELECT * FROM body UNION SELECT * FROM named
    ORDER BY named DESC, complete DESC, demoted, rank DESC, id
    LIMIT %(limit)s OFFSET %(offset)s
)
SELECT d.kind, d.title, d.url, d.category, d.label, d.body, (SELECT count(*) FROM body) AS total
FROM ranked r JOIN search_searchdocument d ON d.id = r.id
ORDER BY r.named DESC, r.complete DESC, r.demoted, r.rank DESC, d.id
"""


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


def parameters(plan, now, limit: int, offset: int, conn=connection) -> dict:
    return {
        "query": query_literal(plan.groups),
        "all_words": query_literal([(w,) for w in plan.words], "&"),
        "terms": [query_literal(concept) for concept in plan.concepts],
        "min_terms": min(PROVISION_MIN_TERMS, len(plan.concepts)),
        "several": len(plan.concepts) >= PROVISION_MIN_TERMS,
        "demoted": list(DEMOTED_KINDS),
        "law_named": plan.law_named,
        "named": list(plan.named_urls),
        "now": now,
        "limit": limit,
        "offset": offset,
    }


def write(documents, fresh: bool = False) -> None:
    params = [
        (*vector_literals(*indexed_fields(d.kind, d.title, d.label, d.body)), d.pk)
        for d in documents
    ]
    with connection.cursor() as cursor:
        cursor.executemany(
            "UPDATE search_searchdocument SET vector = %s::tsvector, head = %s::tsvector WHERE id = %s",
            params,
        )


def clear() -> None:
    """Rows carry their own vectors; deleting the rows is enough."""
