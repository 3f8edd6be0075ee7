"""Token-less CSRF protection for anonymous POST forms on cacheable pages.

A CSRF token in a page makes Django set the CSRF cookie and vary on Cookie, so the page can no
longer be served from the shared page cache. For forms anonymous readers post (feedback), the
browser's own headers are enough: a cross-site POST carries Sec-Fetch-Site: cross-site (modern
browsers) or a foreign Origin (all browsers since ~2020). Both are checked; a request with
neither header is not from a browser page and gains nothing a direct POST would not.
"""

from collections.abc import Callable
from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.views.decorators.csrf import csrf_exempt


def same_origin(request: HttpRequest) -> bool:
    site = request.headers.get("Sec-Fetch-Site")
    if site is not None and site not in ("same-origin", "none"):
        return False
    origin = request.headers.get("Origin")
    if origin is None:
        return True
    trusted = {f"{request.scheme}://{request.get_host()}", *settings.CSRF_TRUSTED_ORIGINS}
    if settings.SITE_URL:
        parts = urlsplit(settings.SITE_URL)
        trusted.add(f"{parts.scheme}://{parts.netloc}")
    return origin in trusted


def require_same_origin(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @csrf_exempt
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not same_origin(request):
            return HttpResponseForbidden(
                "请从本站页面提交表单。", content_type="text/plain; charset=utf-8"
            )
        return view(request, *args, **kwargs)

    return wrapped
