"""PostgreSQL: tsvector columns `vector` (title A, label B, body C) and `head` (title, label)
written as literals of kb.search.tokens' words, so no text search configuration splits words.
Ranking reads each candidate's vector, so words keep MAX_POSITIONS positions (and see 0004)."""

from django.db import connection

from kb.search.backends import COMPLETE, DEMOTED, ENOUGH, VISIBLE
from kb.search.ranking import CANDIDATES, POSTGRES_WEIGHTS
from kb.search.tokens import tokenize

AND = " & "
OR = " | "
array = list  # how a list parameter is passed
MAX_POSITION = 16383
MAX_POSITIONS = 4
ENOUGH = ENOUGH.format("SELECT count(*) FROM unnest(%(terms)s::tsquery[]) t WHERE d.vector @@ t")
RANK = (
    "d.url = ANY(%(named)s) AS named,"
    f" (d.vector @@ %(all_words)s::tsquery AND {COMPLETE}) AS complete, {DEMOTED} AS demoted,"
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


def quote(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def vector_literals(title: str, label: str, body: str) -> tuple[str, str]:
    """(every word, title and label words only) as tsvector literals."""
    texts = (("A", title), ("B", label), ("C", body))
    words = [(w, weight) for weight, text in texts for w in tokenize(text)]

    def literal(entries) -> str:
        positions: dict[str, list[str]] = {}
        for pos, (word, weight) in enumerate(entries, 1):
            slots = positions.setdefault(word, [])
            if len(slots) < MAX_POSITIONS:
                slots.append(f"{min(pos, MAX_POSITION)}{weight}")
        return " ".join(f"{quote(w)}:{','.join(p)}" for w, p in positions.items())

    return literal(words), literal([entry for entry in words if entry[1] != "C"])


def write(rows) -> None:  # rows of (id, title, label, body)
    with connection.cursor() as cursor:
        cursor.executemany(
            "UPDATE search_searchdocument SET vector = %s::tsvector, head = %s::tsvector WHERE id = %s",
            [(*vector_literals(*texts), pk) for pk, *texts in rows],
        )


def clear() -> None:
    """Rows carry their own vectors."""
