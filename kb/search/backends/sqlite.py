"""SQLite: an FTS5 table `search_fts` (title, label, body) of kb.search.tokens' words; its rowid
is the document's id. bm25 is computed inside each MATCH (behind `rowid IN (…)` FTS5 would re-run
the match for every row)."""

import json

from django.db import connection

from kb.search.backends import COMPLETE, DEMOTED, ENOUGH, VISIBLE
from kb.search.ranking import CANDIDATES, SQLITE_WEIGHTS
from kb.search.tokens import tokenize

AND = " AND "
OR = " OR "
array = json.dumps  # how a list parameter is passed (read with json_each)
ENOUGH = ENOUGH.format(
    "SELECT count(*) FROM json_each(%(terms)s) t WHERE EXISTS"
    " (SELECT 1 FROM search_fts f WHERE f.rowid = d.id AND f.search_fts MATCH t.value)"
)
RANK = f"bm25(search_fts, {SQLITE_WEIGHTS})"

QUERY = f"""
WITH head AS MATERIALIZED (
    SELECT rowid AS id, {RANK} AS rank FROM search_fts
    WHERE search_fts MATCH '{{title label}} : (' || %(query)s || ')' LIMIT {CANDIDATES}
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
           c.id IN complete AND {COMPLETE} AS complete, {DEMOTED} AS demoted
    FROM (SELECT * FROM body UNION ALL SELECT * FROM head UNION ALL SELECT * FROM named) c
    JOIN search_searchdocument d ON d.id = c.id WHERE {VISIBLE} AND {ENOUGH}
    GROUP BY c.id
), ranked AS (
    SELECT * FROM candidates ORDER BY named DESC, complete DESC, demoted, rank, id
    LIMIT %(limit)s OFFSET %(offset)s
)
SELECT d.kind, d.title, d.url, d.category, d.label, d.body,
       (SELECT count(*) FROM body b JOIN candidates c ON c.id = b.id) AS total
FROM ranked r JOIN search_searchdocument d ON d.id = r.id
ORDER BY r.named DESC, r.complete DESC, r.demoted, r.rank, d.id
"""


def quote(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def write(rows) -> None:  # rows of (id, title, label, body)
    with connection.cursor() as cursor:
        cursor.executemany(
            "INSERT OR REPLACE INTO search_fts (rowid, title, label, body) VALUES (%s, %s, %s, %s)",
            [(pk, *(" ".join(tokenize(text)) for text in texts)) for pk, *texts in rows],
        )


def clear() -> None:
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM search_fts")
