"""Page-cache hits served before Django's request handling (the WSGI app in kb/wsgi.py).

A hit through Django builds a WSGIRequest, sends the request signals and runs
SecurityMiddleware around PageCacheMiddleware; here the same key is computed from the WSGI
environ and the stored page goes out directly, with the headers that path adds (X-Page-Cache,
SecurityMiddleware's). Only with the version in Redis, where a hit is one round trip and no
database query. Anything else — a miss, Redis down, a session cookie, an SSL redirect to make,
a request without a Host header — falls through to Django. Host validation stays Django's:
only pages Django stored (so for a host it accepted) are served, and a 304 only for those.
"""

import logging
import pickle
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.handlers.wsgi import get_path_info, get_script_name
from django.http import HttpResponse, HttpResponseNotModified
from django.middleware.security import SecurityMiddleware
from django.utils.encoding import escape_uri_path, iri_to_uri

from kb.core.pagecache import (
    _version_in_redis,
    cacheable_path,
    page_etag,
    page_spec,
    redis_hit,
)

logger = logging.getLogger(__name__)

WSGIApp = Callable[[dict, Callable], Iterable[bytes]]


def _scheme(environ: dict) -> str:
    """HttpRequest.scheme."""
    if settings.SECURE_PROXY_SSL_HEADER:
        header, secure_value = settings.SECURE_PROXY_SSL_HEADER
        value = environ.get(header)
        if value is not None:
            return "https" if value.split(",", 1)[0].strip() == secure_value else "http"
    return environ.get("wsgi.url_scheme", "http")


def _host(environ: dict) -> str | None:
    """HttpRequest._get_raw_host(), without the SERVER_NAME fallback (left to Django)."""
    if settings.USE_X_FORWARDED_HOST and "HTTP_X_FORWARDED_HOST" in environ:
        return environ["HTTP_X_FORWARDED_HOST"]
    return environ.get("HTTP_HOST") or None


def _paths(environ: dict) -> tuple[str, str]:
    """(request.path, request.get_full_path()) as WSGIRequest makes them."""
    script_name = get_script_name(environ)
    path_info = get_path_info(environ) or "/"
    path = f"{script_name.rstrip('/')}/{path_info.replace('/', '', 1)}"
    query = environ.get("QUERY_STRING", "")
    return path, escape_uri_path(path) + ("?" + iri_to_uri(query) if query else "")


class _Request:
    """All SecurityMiddleware.process_response asks of the request."""

    def __init__(self, secure: bool):
        self.secure = secure

    def is_secure(self) -> bool:
        return self.secure


def _security_headers(response: HttpResponse, secure: bool) -> None:
    """What SecurityMiddleware adds around the page-cache middleware, by Django's own code
    (built per hit, so it reads the settings as they are now)."""
    SecurityMiddleware(lambda request: response).process_response(_Request(secure), response)


def cached_response(environ: dict) -> HttpResponse | None:
    """The response PageCacheMiddleware would give from a stored page, or None."""
    method = environ.get("REQUEST_METHOD", "")
    if method not in ("GET", "HEAD") or not settings.PAGE_CACHE_SECONDS:
        return None
    if not _version_in_redis():
        return None
    if settings.SESSION_COOKIE_NAME in environ.get("HTTP_COOKIE", ""):
        return None  # possibly signed-in staff: Django decides
    host = _host(environ)
    if host is None:
        return None
    scheme = _scheme(environ)
    if settings.SECURE_SSL_REDIRECT and scheme != "https":
        return None  # SecurityMiddleware redirects (or exempts) these
    path, full_path = _paths(environ)
    if not cacheable_path(path):
        return None
    gzip = "gzip" in environ.get("HTTP_ACCEPT_ENCODING", "")
    found = redis_hit(page_spec(gzip, scheme, host, full_path))
    if found is None or found[1] is None:
        return None
    version, page = found
    etag = page_etag(version, gzip, full_path)
    if etag in environ.get("HTTP_IF_NONE_MATCH", ""):
        response = HttpResponseNotModified()
        response["ETag"] = etag
    else:
        response = pickle.loads(page)
        response["X-Page-Cache"] = "hit"
    _security_headers(response, scheme == "https")
    return response


def with_page_cache(django_app: WSGIApp) -> WSGIApp:
    """Wrap Django's WSGI application so that page-cache hits skip it."""

    def application(environ: dict, start_response: Callable) -> Iterable[bytes]:
        try:
            response = cached_response(environ)
        except Exception:  # never worse than Django serving the request itself
            logger.exception("Page-cache fast path failed")
            response = None
        if response is None:
            return django_app(environ, start_response)
        start_response(f"{response.status_code} {response.reason_phrase}", [*response.items()])
        return [b"" if environ["REQUEST_METHOD"] == "HEAD" else response.content]

    return application
