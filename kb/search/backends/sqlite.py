"""SQLite backend: an FTS5 table `search_fts` (title, label, body) whose rowid is the id of
the search_searchdocument row; a trigger drops the FTS row when the document row goes.

The columns hold words from `kb.search.tokens.tokenize` joined by spaces, so FTS5's own
unicode61 tokenizer only has to split on spaces. As on PostgreSQL, at most CANDIDATES pages
matching in title/label (an FTS5 column filter) plus CANDIDATES matching anywhere are ranked,
in the order kb/search/ranking.py describes, then by bm25 with its column weights. bm25 is
computed inside each MATCH (never behind `rowid IN (…)`, which makes FTS5 re-run the match for
every row); a page found only through its title is ranked on title and label alone. Counting
which of the query's concepts a provision holds is the exception: a MATCH per concept with
`rowid =`, which FTS5 answers by a lookup, run only for provisions among the candidates.
"""

import json

from django.db import connection

from kb.search.ranking import (
    CANDIDATES,
    DEMOTED_KINDS,
    PROVISION_MIN_TERMS,
    SQLITE_WEIGHTS,
    indexed_fields,
)
from kb.search.tokens import tokenize

VISIBLE = "(d.published_at IS NULL OR d.published_at <= %(now)s)"
# A demoted kind (provisions) needs PROVISION_MIN_TERMS distinct query words, unless a law is named.
DEMOTED = "(d.kind IN (SELECT value FROM json_each(%(demoted)s)) AND NOT %(law_named)s)"
ENOUGH = f"""(NOT {DEMOTED} OR (
    SELECT count(*) FROM json_each(%(terms)s) t
    WHERE EXISTS (SELECT 1 FROM search_fts f WHERE f.rowid = d.id AND f.search_fts MATCH t.value)
) >= %(min_terms)s)"""
RANK = f"bm25(search_fts, {SQLITE_WEIGHTS})"

QUERY = f"""
WITH head AS MATERIALIZED (
    SELECT rowid AS id, {RANK} AS rank FROM search_fts
    WHERE search_fts MATCH %(head)s LIMIT {CANDIDATES}
), body AS MATERIALIZED (
    SELECT rowid AS id, {RANK} AS rank FROM search_fts
    WHERE search_fts MATCH %(query)s LIMIT {CANDIDATES + 1}
), named AS MATERIALIZED (
    SELECT d.id, 0.0 AS rank FROM search_searchdocument d
    WHERE d.url IN (SELECT value FROM json_each(%(named)s))
), complete AS MATERIALIZED (
    SELECT rowid AS id FROM search_fts WHERE search_fts MATCH %(all_words)s
), candidates AS MATERIALIZED (
    SELECT c.id, min(c.rank) AS rank, d.url IN (SELECT value FROM json_each(%(named)s)) AS named,
           {DEMOTED} AS demoted
    FROM (SELECT * FROM body UNION ALL SELECT * FROM head UNION ALL SELECT * FROM named) c
    JOIN search_searchdocument d ON d.id = c.id WHERE {VISIBLE} AND {ENOUGH}
    GROUP BY c.id
), ranked AS (
    SELECT c.id, named, c.id IN complete AND (%(several)s OR NOT d.kind IN (SELECT value FROM json_each(%(demoted)s))) AS complete,
           demoted, rank
    FROM candidates c JOIN search_searchdocument d ON d.id = c.id
    ORDER BY named DESC, complete DESC, demoted, rank, c.id
    LIMIT %(limit)s OFFSET %(offset)s
)
SELECT d.kind, d.title, d.url, d.category, d.label, d.body,
       (SELECT count(*) FROM body b JOIN candidates c ON c.id = b.id) AS total
FROM ranked r JOIN search_searchdocument d ON d.id = r.id
ORDER BY r.named DESC, r.complete DESC, r.demoted, r.rank, d.id
"""


def _quote(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def match_expression(groups, operator: str = "OR") -> str:
    parts = []
    for group in groups:
        inner = " AND ".join(_quote(w) for w in group)
        parts.append(f"({inner})" if len(group) > 1 else inner)
    return f" {operator} ".join(parts)


def parameters(plan, now, limit: int, offset: int, conn=connection) -> dict:
    expression = match_expression(plan.groups)
    return {
        "query": expression,
        "head": "{title label} : (" + expression + ")",
        "all_words": match_expression([(w,) for w in plan.words], "AND"),
        "terms": json.dumps([match_expression(concept) for concept in plan.concepts]),
        "min_terms": min(PROVISION_MIN_TERMS, len(plan.concepts)),
        "several": len(plan.concepts) >= PROVISION_MIN_TERMS,
        "demoted": json.dumps(DEMOTED_KINDS),
        "law_named": plan.law_named,
        "named": json.dumps(plan.named_urls),
        "now": conn.ops.adapt_datetimefield_value(now),
        "limit": limit,
        "offset": offset,
    }


def write(documents, fresh: bool = False) -> None:
    rows = [
        (
            d.pk,
            *(
                " ".join(tokenize(text))
                for text in indexed_fields(d.kind, d.title, d.label, d.body)
            ),
        )
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
