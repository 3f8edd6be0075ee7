"""Prepared data for /search/ and /api/search/: a fixed number of SQL queries per page."""

from dataclasses import asdict
from math import ceil
from urllib.parse import urlencode

from django.http import Http404

from kb.search.backends import SearchResult, search
from kb.search.models import SearchDocument
from kb.search.suggestions import suggestions

PER_PAGE = 10
MAX_PAGE = 200


def results(q: str, page: int) -> SearchResult:
    """One page of results, none without a query; a page past the last (or MAX_PAGE) is a 404."""
    if not q:
        return SearchResult()
    offset = (page - 1) * PER_PAGE
    result = search(q, limit=PER_PAGE, offset=offset) if page <= MAX_PAGE else SearchResult()
    if page > 1 and not result.hits:
        raise Http404("没有这一页搜索结果")
    return result


def page_links(q: str, page: int, total: int) -> dict:
    pages = max(1, ceil(total / PER_PAGE))

    def url(n: int) -> str:
        return "?" + urlencode({"q": q, "page": n})

    numbers = range(max(1, page - 3), min(pages, page + 3) + 1)
    return {
        "page": page,
        "pages": pages,
        "previous_url": url(page - 1) if page > 1 else None,
        "next_url": url(page + 1) if page < pages else None,
        "numbers": [(n, url(n), n == page) for n in numbers] if pages > 1 else [],
    }


def search_context(q: str, page: int) -> dict:
    result = results(q, page)
    hits = [
        {**asdict(hit), "type_label": SearchDocument.Kind(hit.type).label} for hit in result.hits
    ]
    context = {"query": q, "total": result.total, "hits": hits, **page_links(q, page, result.total)}
    return context if hits else {**context, **suggestions(q)}


def search_json(q: str, page: int) -> dict:
    result = results(q, page)
    hits = [asdict(hit) for hit in result.hits]
    return {"query": q, "total": result.total, "page": page, "results": hits}
