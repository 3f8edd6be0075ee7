"""One search interface over two backends picked by the database vendor, each answering a page
ranked as ranking.py says in one SQL statement (on the router's read database)."""

from dataclasses import dataclass, field
from importlib import import_module
from types import ModuleType

from django.db import connection, connections, router
from django.utils import timezone

from kb.laws.models import Provision
from kb.search.models import SearchDocument
from kb.search.ranking import CANDIDATES, DEMOTED_KINDS, PROVISION_MIN_TERMS, law_reference
from kb.search.snippets import make_snippet
from kb.search.tokens import highlight_terms, query_plan, tokenize
from kb.search.vocabulary import vocabulary

# SQL shared by both backends' QUERY, on the document row `d`.
VISIBLE = "(d.published_at IS NULL OR d.published_at <= %(now)s)"
DEMOTED_KIND = "d.kind IN (" + ", ".join(f"'{kind}'" for kind in DEMOTED_KINDS) + ")"
DEMOTED = f"({DEMOTED_KIND} AND NOT %(law_named)s)"
# Holding every word only puts a demoted kind first when the query has several concepts.
COMPLETE = f"(%(several)s OR NOT {DEMOTED_KIND})"
# A demoted page is a candidate only when it matches PROVISION_MIN_TERMS of the query's concepts
# (which the backend's subquery, put in the braces, counts), unless the query names a law.
ENOUGH = f"(NOT {DEMOTED} OR ({{}}) >= %(min_terms)s)"


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
    total: int = 0  # counted up to CANDIDATES: only the best matches are ranked


def backend(conn=None) -> ModuleType:
    return import_module(f"kb.search.backends.{(conn or connection).vendor}")


def search(q: str, limit: int = 10, offset: int = 0) -> SearchResult:
    """One page of results, in one SQL query once the vocabulary is cached."""
    if not tokenize(q, query=True):
        return SearchResult()
    words = vocabulary()
    named, provisions = law_reference(q, words.laws)
    urls = [Provision(number=n, sub_number=sub).url_in(slug) for slug, n, sub in provisions]
    plan = query_plan(q, words.synonyms, named, urls)
    conn = connections[router.db_for_read(SearchDocument)]
    engine = backend(conn)

    def match(groups, operator=engine.OR) -> str:  # a match expression in the engine's syntax
        return operator.join(f"({engine.AND.join(map(engine.quote, g))})" for g in groups)

    parameters = {
        "query": match(plan.groups),
        "all_words": match([(w,) for w in plan.words], engine.AND),
        "terms": engine.array([match(concept) for concept in plan.concepts]),
        "min_terms": min(PROVISION_MIN_TERMS, len(plan.concepts)),
        "several": len(plan.concepts) >= PROVISION_MIN_TERMS,
        "law_named": plan.law_named,
        "named": engine.array(plan.named_urls),
        "now": conn.ops.adapt_datetimefield_value(timezone.now()),
        "limit": limit,
        "offset": offset,
    }
    with conn.cursor() as cursor:
        cursor.execute(engine.QUERY, parameters)
        rows = cursor.fetchall()
    terms = highlight_terms(plan)
    hits = [
        Hit(kind, title, url, make_snippet(f"{label} {body}".strip() or title, terms), category)
        for kind, title, url, category, label, body, _ in rows
    ]
    return SearchResult(hits=hits, total=min(rows[0][-1] if rows else 0, CANDIDATES))
