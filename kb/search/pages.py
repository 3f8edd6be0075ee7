"""Prepared data for /search/ and /api/search/: a fixed number of SQL queries per page."""

from dataclasses import asdict
from math import ceil
from urllib.parse import urlencode

from django.http import Http404

from kb.search.backends import SearchResult, search
from kb.search.forms import MAX_PAGE
from kb.search.suggestions import suggestions

PER_PAGE = 10
TYPE_LABELS = {"article": "文章", "provision": "法条", "guide": "问答向导"}


def results_page(q: str, page: int) -> SearchResult:
    """One page of results; a page past the last (or past MAX_PAGE) is a 404."""
    if page > MAX_PAGE:
        raise Http404("没有这一页搜索结果")
    result = search(q, limit=PER_PAGE, offset=(page - 1) * PER_PAGE)
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
    result = results_page(q, page) if q else SearchResult()
    hits = [
        {**asdict(hit), "type_label": TYPE_LABELS.get(hit.type, hit.type)} for hit in result.hits
    ]
    context = {"query": q, "total": result.total, "hits": hits, **page_links(q, page, result.total)}
    if not hits:
        context.update(suggestions(q))
    return context


def search_json(q: str, page: int) -> dict:
    result = results_page(q, page) if q else SearchResult()
    return {
        "query": q,
        "total": result.total,
        "page": page,
        "results": [
            {
                "title": h.title,
                "url": h.url,
                "type": h.type,
                "snippet": h.snippet,
                "category": h.category,
            }
            for h in result.hits
        ],
    }
