"""Whole-page cache for anonymous readers, invalidated by a site-wide content version.

Any save or delete of content (laws, articles, guide trees, rates) bumps one version number;
cached pages are keyed by it, so an edit is visible on the next request. Entries also expire
before the next scheduled article goes live, so timed publishing needs no cron job. Responses
carry an ETag derived from the version, and a matching If-None-Match gets a 304.
"""

import hashlib
from collections.abc import Callable

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.http import http_date

VERSION_KEY = "content-version"
CONTENT_APPS = {"laws", "articles", "guide", "rates", "search"}
# Rows readers create, or bookkeeping that no public page shows: they never bump the version.
IGNORED_MODELS = {
    "articles.feedback",
    "articles.unresolvedcitation",
    "search.searchdocument",
    "guide.outcomefeedback",
}
SKIP_PREFIXES = ("/static/", "/media/", "/markdownx/", "/healthz")


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = int(timezone.now().timestamp() * 1000)
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY, version)
    return version


def bump_content_version() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, int(timezone.now().timestamp() * 1000), None)


def _on_content_change(sender, **kwargs) -> None:
    meta = sender._meta
    if meta.app_label in CONTENT_APPS and meta.label_lower not in IGNORED_MODELS:
        bump_content_version()


def connect_signals() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_on_content_change, dispatch_uid=f"pagecache-{id(signal)}")


def seconds_until_next_publication(limit: int) -> int:
    Article = apps.get_model("articles", "Article")
    upcoming = (
        Article.objects.filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    if upcoming is None:
        return limit
    return max(1, min(limit, int((upcoming - timezone.now()).total_seconds()) + 1))


def _cacheable_request(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path.startswith(SKIP_PREFIXES) or request.path.startswith(
        f"/{settings.ADMIN_PATH}/"
    ):
        return False
    # Signed-in staff see previews and must never be served a shared copy.
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


def _cacheable_response(response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not getattr(settings, "PAGE_CACHE_SECONDS", 0) or not _cacheable_request(request):
            return self.get_response(request)
        version = content_version()
        path = request.get_full_path()
        etag = '"' + hashlib.sha1(f"{version}:{path}".encode()).hexdigest()[:20] + '"'
        if etag in request.headers.get("If-None-Match", ""):
            not_modified = HttpResponseNotModified()
            not_modified["ETag"] = etag
            return not_modified
        key = "page:" + hashlib.sha1(f"{version}:{request.get_host()}:{path}".encode()).hexdigest()
        cached = cache.get(key)
        if cached is not None:
            response = cached
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if request.method == "GET" and _cacheable_response(response):
            response["ETag"] = etag
            response["Last-Modified"] = http_date()
            timeout = seconds_until_next_publication(settings.PAGE_CACHE_SECONDS)
            cache.set(key, response, timeout)
            response["X-Page-Cache"] = "miss"
        return response
