import sys

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from kb.core.health import health, serves_readers
from kb.core.outage import failed, is_outage


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    checks = health(settings.REDIS_URL)
    strict = request.GET.get("strict") == "1"
    return JsonResponse(checks, status=200 if serves_readers(checks, strict) else 503)


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /markdownx/", "Disallow: /api/", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: Django calls it while handling the uncaught exception, so sys.exception()
    is that error; a database outage raised outside a view (a middleware) is a 503 too."""
    if is_outage(error := sys.exception()):
        return failed(error)
    return render(request, "500.html", status=500)


def bad_request(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "400.html", status=400)


def permission_denied(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "403.html", status=403)
