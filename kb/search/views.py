from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from kb.core.ratelimit import ratelimit
from kb.search import pages, querylog
from kb.search.forms import SearchForm


def _log(q: str, page: int, total: int) -> None:
    if q and page == 1:
        querylog.record(q, total)


# Results are never page-cached: every query is another page, so a cache of them has no bound,
# and a search answered from a cache would not reach the query log.
@never_cache
@require_safe
def search_page(request: HttpRequest) -> HttpResponse:
    q, page = SearchForm(request.GET).query()
    context = pages.search_context(q, page)
    _log(q, page, context["total"])
    return render(request, "search/search.html", context)


@never_cache
@require_safe
@ratelimit("search-api", "RATELIMIT_SEARCH_PER_MINUTE")
def api_search(request: HttpRequest) -> JsonResponse:
    q, page = SearchForm(request.GET).query()
    try:
        data = pages.search_json(q, page)
    except Http404 as exc:
        return JsonResponse(
            {"error": str(exc)}, status=404, json_dumps_params={"ensure_ascii": False}
        )
    _log(q, page, data["total"])
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})
