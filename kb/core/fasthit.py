"""Page-cache hits served before Django's request handling (the WSGI app in kb/wsgi.py).

A hit through Django builds a WSGIRequest, sends the request signals and runs
SecurityMiddleware around PageCacheMiddleware; here the same key is computed from the WSGI
environ and the stored page goes out directly, with the headers that path adds (X-Page-Cache,
SecurityMiddleware's). Only with the version in Redis, which each process tracks without a
round trip (kb/core/trackedversion.py). Each process also keeps the finished responses it
served (status, headers, bytes) for the current version, up to LOCAL_BYTES: a repeated hit
costs no I/O at all, and a new version empties the store. Anything else — a miss, Redis down,
a session cookie, an SSL redirect to make, a request without a Host header — falls through
to Django. Host validation stays Django's:
only pages Django stored (so for a host it accepted) are served, and a 304 only for those.
"""

import logging
import pickle
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.handlers.wsgi import get_path_info, get_script_name
from django.core.signals import setting_changed
from django.http import HttpResponse, HttpResponseNotModified
from django.middleware.security import SecurityMiddleware
from django.utils.encoding import escape_uri_path, iri_to_uri

from kb.core.pagecache import (
    _version_in_redis,
    cacheable_path,
    page_etag,
    page_spec,
    redis_page,
    redis_version,
)

logger = logging.getLogger(__name__)

WSGIApp = Callable[[dict, Callable], Iterable[bytes]]
LOCAL_BYTES = 32 * 1024 * 1024  # per process: every page of the site in both encodings


@dataclass(frozen=True)
class Finished:
    """A response as it goes out: what start_response takes, and the bytes."""

    status: str
    headers: list[tuple[str, str]]
    body: bytes

    @classmethod
    def of(cls, response: HttpResponse) -> "Finished":
        status = f"{response.status_code} {response.reason_phrase}"
        return cls(status, [*response.items()], response.content)


class LocalPages:
    """Finished pages of one content version, oldest dropped first beyond `limit` bytes."""

    def __init__(self, limit: int):
        self.limit = limit
        self.lock = threading.Lock()  # threads of one process (runserver, gthread workers)
        self._empty()

    def clear(self) -> None:
        with self.lock:
            self._empty()

    def _empty(self) -> None:
        self.version: int | None = None
        self.pages: dict[str, tuple[str, Finished]] = {}
        self.size = 0

    def get(self, version: int, spec: str) -> tuple[str, Finished] | None:
        with self.lock:
            if version != self.version:
                self._empty()
                self.version = version
            return self.pages.get(spec)

    def put(self, version: int, spec: str, etag: str, page: Finished) -> None:
        with self.lock:
            if version != self.version:
                return  # the version moved on while this page was fetched
            if spec in self.pages:
                self.size -= len(self.pages.pop(spec)[1].body)
            while self.pages and self.size + len(page.body) > self.limit:
                oldest = next(iter(self.pages))
                self.size -= len(self.pages.pop(oldest)[1].body)
            self.pages[spec] = (etag, page)
            self.size += len(page.body)


local_pages = LocalPages(LOCAL_BYTES)


def _forget_pages(**kwargs) -> None:
    """Stored headers depend on settings (SecurityMiddleware's): tests that change them."""
    local_pages.clear()


setting_changed.connect(_forget_pages, dispatch_uid="fasthit-local-pages")


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


def cached_response(environ: dict) -> Finished | None:
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
    version = redis_version()
    if version is None:
        return None
    gzip = "gzip" in environ.get("HTTP_ACCEPT_ENCODING", "")
    spec = page_spec(gzip, scheme, host, full_path)
    found = local_pages.get(version, spec)
    if found is None:
        page = redis_page(version, spec)
        if page is None:
            return None
        response = pickle.loads(page)
        response["X-Page-Cache"] = "hit"
        _security_headers(response, scheme == "https")
        found = (page_etag(version, gzip, full_path), Finished.of(response))
        local_pages.put(version, spec, *found)
    etag, finished = found
    if etag in environ.get("HTTP_IF_NONE_MATCH", ""):
        response = HttpResponseNotModified()
        response["ETag"] = etag
        _security_headers(response, scheme == "https")
        return Finished.of(response)
    return finished


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
        start_response(response.status, response.headers)
        return [b"" if environ["REQUEST_METHOD"] == "HEAD" else response.body]

    return application
