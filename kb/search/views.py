from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from kb.core.ratelimit import ratelimit
from kb.search import pages
from kb.search.forms import SearchForm


@require_safe
def search_page(request: HttpRequest) -> HttpResponse:
    q, page = SearchForm(request.GET).query()
    return render(request, "search/search.html", pages.search_context(q, page))


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
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})
