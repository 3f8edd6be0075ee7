"""One search interface, two backends picked by the database vendor.

`search(q, limit, offset) -> SearchResult` normalises the query to 简体, segments it with the
same function the index uses (`kb.search.tokens.tokenize`), adds the editors' synonyms and the
laws it names (kb/search/vocabulary.py), asks the backend for one page of ranked rows and builds
highlighted snippets. Both backends order results as kb/search/ranking.py describes. Each
backend module offers `QUERY` and `parameters(plan, now, limit, offset, conn)` — one SQL
statement answering a page of rows plus the match count (up to CANDIDATES + 1) in its last
column, run by `ranked_rows` here — and `write(documents)` and `clear()`.

Reads go where the rest of the site reads (kb/core/dbrouter.py): the replica when
DATABASE_REPLICA_URL configures one, the primary inside a transaction; writes to the primary.
"""

from dataclasses import dataclass, field, replace
from types import ModuleType

from django.db import connection, connections, router
from django.utils import timezone

from kb.search.ranking import CANDIDATES, law_reference
from kb.search.snippets import make_snippet
from kb.search.tokens import QueryPlan, highlight_terms, query_plan, tokenize


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


COLUMNS = ("kind", "title", "url", "category", "label", "body")


def ranked_rows(plan: QueryPlan, limit: int, offset: int, conn) -> tuple[list[dict], int]:
    """One page of ranked rows (COLUMNS) and the number of matches, from the backend of `conn`."""
    engine = backend(conn)
    with conn.cursor() as cursor:
        cursor.execute(engine.QUERY, engine.parameters(plan, timezone.now(), limit, offset, conn))
        rows = cursor.fetchall()
    total = rows[0][-1] if rows else 0
    return [dict(zip(COLUMNS, row[:-1], strict=True)) for row in rows], total


def plan_for(q: str) -> QueryPlan:
    """The query plan of `q` with the cached vocabulary: synonyms and the laws it names."""
    from kb.search.vocabulary import provision_url, vocabulary

    words = vocabulary()
    reference = law_reference(q, words.laws, provision_url)
    return replace(
        query_plan(q, words.synonyms), law_named=reference.named, named_urls=reference.urls
    )


def search(q: str, limit: int = 10, offset: int = 0) -> SearchResult:
    """One page of results: one SQL query (ranked rows) once the vocabulary is cached (two
    more when not), none for an empty query."""
    if not tokenize(q, query=True):
        return SearchResult()
    plan = plan_for(q)
    rows, total = ranked_rows(plan, limit, offset, read_connection())
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
