"""Security headers Django does not set itself.

SecurityMiddleware already sends X-Content-Type-Options (SECURE_CONTENT_TYPE_NOSNIFF),
Referrer-Policy and Cross-Origin-Opener-Policy; XFrameOptionsMiddleware sends X-Frame-Options;
django-csp sends Content-Security-Policy (CONTENT_SECURITY_POLICY in settings). This adds
Permissions-Policy (no page needs a camera, a microphone, location or payment) and keeps
resources from being embedded by other origins.
"""

from collections.abc import Callable
from functools import lru_cache

from csp import middleware as csp_middleware
from csp.constants import HEADER
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "interest-cohort",
    )
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


# What lets one response's Content-Security-Policy differ from another's in django-csp: the
# csp_exempt/csp_update/csp_replace decorators set these on the response.
_PER_RESPONSE = tuple(
    f"_csp_{kind}{ro}" for kind in ("exempt", "config", "update", "replace") for ro in ("", "_ro")
)


class CSPMiddleware(csp_middleware.CSPMiddleware):
    """django-csp's, with the header built once: it is the same for every response unless a
    nonce was used, a view's decorator changed it, or a report-only policy or excluded prefixes
    are configured (then django-csp builds it as usual)."""

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if settings.DEBUG or _varies(request, response):
            return super().process_response(request, response)
        policy = _policy()
        if policy:
            response.headers.setdefault(HEADER, policy)
        # As django-csp does: a nonce asked for after the header was written is an error.
        request.csp_nonce = csp_middleware.CheckableLazyObject(self._csp_nonce_post_response)
        return response


def _varies(request: HttpRequest, response: HttpResponse) -> bool:
    configured = getattr(settings, "CONTENT_SECURITY_POLICY", None) or {}
    return (
        getattr(request, "_csp_nonce", None) is not None
        or any(hasattr(response, name) for name in _PER_RESPONSE)
        or bool(getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None))
        or bool(configured.get("EXCLUDE_URL_PREFIXES"))
    )


@lru_cache(maxsize=1)
def _policy() -> str:
    return build_policy()


@receiver(setting_changed)
def _forget_policy(setting: str, **kwargs) -> None:
    if setting.startswith("CONTENT_SECURITY_POLICY"):
        _policy.cache_clear()
