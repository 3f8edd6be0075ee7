"""/search/ and /api/search/, a fixed number of SQL queries per page; never page-cached (such a
cache would have no bound, and its searches would miss the query log)."""

from dataclasses import asdict
from math import ceil
from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from kb.core.ratelimit import ratelimit
from kb.search import querylog
from kb.search.backends import SearchResult, search
from kb.search.models import SearchDocument
from kb.search.suggestions import suggestions

PER_PAGE = 10
MAX_PAGE = 200


def read_query(request: HttpRequest) -> tuple[str, int]:
    """Never rejects: the query loses NUL bytes, extra spaces and all past 100 characters; a page
    that is not a positive whole number is page 1, a huge one is past MAX_PAGE (a 404)."""
    q = " ".join(request.GET.get("q", "").replace("\x00", "").split())[:100]
    page = request.GET.get("page", "").strip()
    page = min(int(page), MAX_PAGE + 1) if page.isascii() and page.isdigit() else 1
    return q, max(page, 1)


def results(q: str, page: int) -> SearchResult:
    """One page of results (a 404 past the last); a query's first page goes in the query log."""
    result = search(q, PER_PAGE, (page - 1) * PER_PAGE) if page <= MAX_PAGE else SearchResult()
    if q and page > 1 and not result.hits:
        raise Http404("没有这一页搜索结果")
    if page == 1:
        querylog.record(q, result.total)
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


@never_cache
@require_safe
def search_page(request: HttpRequest) -> HttpResponse:
    q, page = read_query(request)
    result = results(q, page)
    hits = [
        {**asdict(hit), "type_label": SearchDocument.Kind(hit.type).label} for hit in result.hits
    ]
    context = {"query": q, "total": result.total, "hits": hits, **page_links(q, page, result.total)}
    return render(request, "search/search.html", context if hits else {**context, **suggestions(q)})


@never_cache
@require_safe
@ratelimit("search-api", "RATELIMIT_SEARCH_PER_MINUTE")
def api_search(request: HttpRequest) -> JsonResponse:
    q, page = read_query(request)
    try:
        result = results(q, page)
    except Http404 as exc:
        data, status = {"error": str(exc)}, 404
    else:
        hits = [asdict(hit) for hit in result.hits]
        data, status = {"query": q, "total": result.total, "page": page, "results": hits}, 200
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
