"""Small cache-based rate limits, per client address and scope (no extra dependency).

Use the decorator on a view:

    from kb.core.ratelimit import ratelimit

    @ratelimit("search-api", "RATELIMIT_SEARCH_PER_MINUTE")   # a settings name, or an int
    def api_search(request): ...

or check inside a view (e.g. a form POST) and answer with `too_many_requests()`:

    from kb.core.ratelimit import allow, too_many_requests

    if not allow(request, "feedback", limit=10, period=600):
        return too_many_requests(request, retry_after=600)

Counting is a fixed window in the default cache: with Redis every worker shares it; with the
local-memory cache each process counts on its own (fine for one process, generous otherwise).
The client is REMOTE_ADDR, or behind a proxy (DJANGO_BEHIND_PROXY) the last X-Forwarded-For
entry, the one the trusted proxy added. If the cache is unreachable, requests are let through —
a rate limit must not take the site down. `RATELIMIT_ENABLED = False` (env DJANGO_RATELIMIT=0)
turns every limit off. Over the limit: HTTP 429 with Retry-After and a Chinese message (JSON
under /api/, plain text elsewhere).
"""

import functools
import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, JsonResponse

MESSAGE = "请求太频繁了，请稍等一分钟再试。"


def client_address(request: HttpRequest) -> str:
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded and getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def allow(request: HttpRequest, scope: str, limit: int, period: int = 60) -> bool:
    """Count this request; False once the client has made more than `limit` in this window."""
    if not getattr(settings, "RATELIMIT_ENABLED", True):
        return True
    client = hashlib.sha256(client_address(request).encode()).hexdigest()[:16]
    key = f"ratelimit:{scope}:{client}:{int(time.time() // period)}"
    try:
        if cache.add(key, 1, period + 5):
            return 1 <= limit
        return cache.incr(key) <= limit
    except ValueError:  # expired between add() and incr()
        return True
    except Exception:  # cache down: fail open
        return True


def too_many_requests(request: HttpRequest, retry_after: int = 60) -> HttpResponse:
    if request.path.startswith("/api/"):
        response = JsonResponse(
            {"error": MESSAGE}, status=429, json_dumps_params={"ensure_ascii": False}
        )
    else:
        response = HttpResponse(MESSAGE, status=429, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(retry_after)
    return response


def ratelimit(scope: str, limit: int | str, period: int = 60):
    """Decorator: at most `limit` requests per `period` seconds per client for this view."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            n = getattr(settings, limit) if isinstance(limit, str) else limit
            if not allow(request, scope, n, period):
                return too_many_requests(request, period)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
