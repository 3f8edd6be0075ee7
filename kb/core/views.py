import sys

import redis
from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from kb.core.outage import failed, is_outage


def ping_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def ping_cache() -> None:
    if settings.REDIS_URL:  # else the cache is this process's memory
        timeout = settings.REDIS_TIMEOUT_SECONDS
        url = settings.REDIS_URL
        with redis.Redis.from_url(url, socket_connect_timeout=timeout, socket_timeout=timeout) as r:
            r.ping()


def status(ping) -> str:
    try:
        ping()
    except (DatabaseError, redis.RedisError):
        return "unavailable"
    return "ok"


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """The database alone decides the status (a dead Redis only slows pages down), so a load
    balancer does not take every node out for it; ?strict=1 asks for every dependency."""
    checks = {"database": status(ping_database), "cache": status(ping_cache)}
    strict = request.GET.get("strict") == "1"
    ok = all(v == "ok" for v in checks.values()) if strict else checks["database"] == "ok"
    return JsonResponse(checks, status=200 if ok else 503)


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /markdownx/", "Disallow: /api/", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500; a database outage raised outside a view (in a middleware) is a 503 too."""
    if is_outage(error := sys.exception()):
        return failed(error)
    return render(request, "500.html", status=500)


def bad_request(request: HttpRequest, exception=None) -> HttpResponse:
    """With the request, unlike Django's default, so the page has the site's context."""
    return render(request, "400.html", status=400)
