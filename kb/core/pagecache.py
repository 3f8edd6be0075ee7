"""Whole pages for anonymous readers: Django's CacheMiddleware, in each process's memory
(CACHES["pages"]), with the content version and KB_DEPLOY_ID as key prefix, so a content change
moves every page to new keys at once. Never for editors (session cookie), the admin, search,
letters or static files; tracking parameters are dropped first. Browsers get max-age=0 and
revalidate with the ETag. X-Page-Cache says hit or miss."""

import re
from collections.abc import Callable
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, QueryDict
from django.middleware.cache import CacheMiddleware
from django.utils.cache import patch_cache_control, set_response_etag

from kb.core.content_version import content_version

SKIP_PREFIXES = (
    "/static/",
    "/media/",
    "/markdownx/",
    "/healthz",
    "/search/",
    "/api/search/",
    "/letters/",
)
TRACKING = re.compile(
    r"utm_[a-z_]*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|igshid|mc_[a-z]+|spm|from"
    r"|share_(?:source|medium|token)|_hsenc|_hsmi",
    re.IGNORECASE,
)


def for_the_cache(request: HttpRequest) -> bool:
    path = request.path.removeprefix("/zh-hant")  # the 繁體 mirror follows the same rules
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not path.startswith(SKIP_PREFIXES)
        and not path.startswith(f"/{settings.ADMIN_PATH}/")
    )


def drop_tracking(request: HttpRequest) -> None:
    query = request.META.get("QUERY_STRING", "")
    if not query:
        return
    pairs = parse_qsl(query, keep_blank_values=True)
    kept = [(name, value) for name, value in pairs if not TRACKING.fullmatch(name)]
    if len(kept) != len(pairs):
        request.META["QUERY_STRING"] = urlencode(kept)
        request.GET = QueryDict(request.META["QUERY_STRING"])


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not settings.PAGE_CACHE_SECONDS or not for_the_cache(request):
            return self.get_response(request)
        drop_tracking(request)
        request.content_version = content_version()
        rendered = []

        def render(request: HttpRequest) -> HttpResponse:
            rendered.append(True)
            response = self.get_response(request)
            if response.status_code == 200 and not response.streaming:
                set_response_etag(response)  # kept with the page: a hit needs no new hash
            return response

        # What cache_page builds for a view, built here per request for the version's prefix.
        pages = CacheMiddleware(
            render,
            page_timeout=settings.PAGE_CACHE_SECONDS,
            cache_alias="pages",
            key_prefix=f"page.{settings.KB_DEPLOY_ID}.{request.content_version}",
        )
        response = pages(request)
        if response.has_header("Expires"):  # stored, or served from the store
            del response["Expires"]
            response.headers.pop("Age", None)
            patch_cache_control(response, max_age=0)
        response["X-Page-Cache"] = "miss" if rendered else "hit"
        return response
