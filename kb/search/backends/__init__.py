"""One search interface, two backends picked by the database vendor.

`search(q, limit, offset) -> SearchResult` normalises the query to 简体, segments it with the
same function the index uses (`kb.search.tokens.tokenize`), adds the editors' synonyms, asks the
backend for one page of ranked rows and builds highlighted snippets. Both backends rank pages
holding every word of the query first, then by their own relevance score (bm25 / ts_rank). Each backend module offers
`query(plan, now, limit, offset, conn) -> (rows, total)` (total counted up to CANDIDATES + 1),
`write(documents)` and `clear()`.

Reads go where the rest of the site reads (kb/core/dbrouter.py): the replica when
DATABASE_REPLICA_URL configures one, the primary inside a transaction; writes to the primary.
"""

from dataclasses import dataclass, field
from types import ModuleType

from django.db import connection, connections, router
from django.utils import timezone

from kb.search.snippets import make_snippet
from kb.search.tokens import highlight_terms, query_plan, tokenize

# At most this many pages matching anywhere (plus as many matching in a title or short answer)
# are ranked for one query; `total` stops counting there and `more` says there were more.
CANDIDATES = 300


@dataclass(frozen=True)
class Hit:
    type: str  # "article", "provision" or "guide"
    title: str
    url: str
    snippet: str  # HTML-safe, query words in <mark>
    category: str


@dataclass(frozen=True)
class SearchResult:
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    more: bool = False  # more than `total` pages matched; only the best are ranked


def read_connection():
    """The connection searches read from, chosen by the database router like any ORM read."""
    from kb.search.models import SearchDocument

    return connections[router.db_for_read(SearchDocument)]


def backend(conn=None) -> ModuleType:
    vendor = (conn or connection).vendor
    if vendor == "postgresql":
        from kb.search.backends import postgres

        return postgres
    if vendor == "sqlite":
        from kb.search.backends import sqlite

        return sqlite
    raise NotImplementedError(f"search has no backend for {vendor}")


def search(q: str, limit: int = 10, offset: int = 0) -> SearchResult:
    """One page of results: two SQL queries (synonyms, ranked rows), none for an empty query."""
    from kb.search.models import Synonym

    if not tokenize(q, query=True):
        return SearchResult()
    plan = query_plan(q, Synonym.objects.as_map())
    conn = read_connection()
    rows, total = backend(conn).query(plan, timezone.now(), limit, offset, conn)
    terms = highlight_terms(plan)
    hits = [
        Hit(
            type=row["kind"],
            title=row["title"],
            url=row["url"],
            snippet=make_snippet(f"{row['label']} {row['body']}".strip() or row["title"], terms),
            category=row["category"],
        )
        for row in rows
    ]
    return SearchResult(hits=hits, total=min(total, CANDIDATES), more=total > CANDIDATES)
