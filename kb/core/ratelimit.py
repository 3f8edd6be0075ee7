"""Cache-based fixed-window rate limits per client address and scope; a cache that does not
answer lets requests through. RATELIMIT_ENABLED = False (DJANGO_RATELIMIT=0) turns them off."""

import functools
import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, JsonResponse

MESSAGE = "请求太频繁了，请稍等一分钟再试。"


def client_address(request: HttpRequest) -> str:
    """REMOTE_ADDR, or behind a proxy the last X-Forwarded-For entry (the one our proxy added)."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded and getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def allow(request: HttpRequest, scope: str, limit: int, period: int = 60) -> bool:
    """Count this request; False once the client has made more than `limit` in this window."""
    if not settings.RATELIMIT_ENABLED:
        return True
    client = hashlib.sha256(client_address(request).encode()).hexdigest()[:16]
    key = f"ratelimit:{scope}:{client}:{int(time.time() // period)}"
    try:
        return (1 if cache.add(key, 1, period + 5) else cache.incr(key)) <= limit
    except Exception:  # expired between add() and incr(), or the cache is down: fail open
        return True


def ratelimit(scope: str, limit: int | str, period: int = 60):
    """Decorator: at most `limit` (a number or a settings name) requests per `period` seconds
    per client; then a JSON 429 with Retry-After (the decorated views are the API's)."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            n = getattr(settings, limit) if isinstance(limit, str) else limit
            if allow(request, scope, n, period):
                return view(request, *args, **kwargs)
            error = {"error": MESSAGE}
            response = JsonResponse(error, status=429, json_dumps_params={"ensure_ascii": False})
            response["Retry-After"] = str(period)
            return response

        return wrapped

    return decorator
