"""/search/ and /api/search/. Results are never page-cached: every query is another page, so such
a cache has no bound, and a search answered from it would not reach the query log."""

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from kb.core.ratelimit import ratelimit
from kb.search import pages, querylog


def read_query(request: HttpRequest) -> tuple[str, int]:
    """Never rejects: the query loses NUL bytes, extra spaces and all past 100 characters; a page
    that is not a positive whole number is page 1, a huge one is past MAX_PAGE (a 404)."""
    q = " ".join(request.GET.get("q", "").replace("\x00", "").split())[:100]
    page = request.GET.get("page", "").strip()
    page = min(int(page), pages.MAX_PAGE + 1) if page.isascii() and page.isdigit() else 1
    return q, max(page, 1)


def _log(q: str, page: int, total: int) -> None:
    if q and page == 1:
        querylog.record(q, total)


@never_cache
@require_safe
def search_page(request: HttpRequest) -> HttpResponse:
    q, page = read_query(request)
    context = pages.search_context(q, page)
    _log(q, page, context["total"])
    return render(request, "search/search.html", context)


@never_cache
@require_safe
@ratelimit("search-api", "RATELIMIT_SEARCH_PER_MINUTE")
def api_search(request: HttpRequest) -> JsonResponse:
    q, page = read_query(request)
    try:
        data = pages.search_json(q, page)
    except Http404 as exc:
        return JsonResponse(
            {"error": str(exc)}, status=404, json_dumps_params={"ensure_ascii": False}
        )
    _log(q, page, data["total"])
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})
