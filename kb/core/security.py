"""Headers Django does not set itself (SecurityMiddleware, XFrameOptionsMiddleware and django-csp
send the others): no page needs a camera, a microphone, location or payment."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

FEATURES = "accelerometer camera geolocation gyroscope magnetometer microphone payment usb"
PERMISSIONS_POLICY = ", ".join(f"{name}=()" for name in (*FEATURES.split(), "interest-cohort"))


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response
