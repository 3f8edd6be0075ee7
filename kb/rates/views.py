from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from kb.rates import pages


def _private(response: HttpResponse, request: HttpRequest) -> HttpResponse:
    # The reader's numbers live only in the URL: no shared cache keeps them, no index lists them.
    if request.GET:
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
def rate(request: HttpRequest) -> HttpResponse:
    context = pages.rate_context(request, request.GET)
    status = 400 if context["errors"] else 200
    return _private(render(request, "rates/rate.html", context, status=status), request)


@require_safe
def api(request: HttpRequest) -> JsonResponse:
    data, status = pages.rate_json(request, request.GET)
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    return _private(response, request)
