"""Whole pages for anonymous readers, in Django's cache, keyed by the content version.

Django's CacheMiddleware does the work (the URL and the request headers a page Varies on make
the key; only 200s that are not private, no-cache or no-store and set no varying cookie are
kept), with the content version (kb/core/content_version.py) and KB_DEPLOY_ID as its key
prefix: any content change moves every page to new keys at once, in every worker. Pages are
kept in each process's memory (CACHES["pages"]), so a hit costs one round trip: reading the
version.

- Readers only: GET and HEAD without a session cookie, so signed-in editors (and the previews
  of drafts they open) always get a fresh page; never the admin, static files, media, the
  editor tools, the health check or search (every query would be a page of its own).
- Query parameters that only say where a reader came from (utm_*, fbclid…) are dropped before
  the page is looked up or rendered: they make no entries of their own, and no stored page
  carries one reader's tracking link to the next.
- Django marks a stored page fresh for PAGE_CACHE_SECONDS; browsers are told max-age=0
  instead, so they revalidate (ConditionalGetMiddleware answers a matching ETag with 304) and
  see an edit on their next request. nginx in front keeps its own short copy (docs/deploy.md).
- X-Page-Cache says whether the page came from the cache (hit) or was rendered (miss).
"""

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
