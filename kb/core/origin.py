"""Token-less CSRF protection for anonymous forms on cached pages (a token would make the page
vary on Cookie): a cross-site POST carries Sec-Fetch-Site: cross-site or a foreign Origin."""

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


def require_same_origin(view):
    @csrf_exempt
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if same_origin(request):
            return view(request, *args, **kwargs)
        return HttpResponseForbidden(
            "请从本站页面提交表单。", content_type="text/plain; charset=utf-8"
        )

    return wrapped
