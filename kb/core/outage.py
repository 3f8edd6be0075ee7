"""While the database does not answer: a Chinese 503 page (templates/503.html) instead of a 500.

After a failure the database rests for REST_SECONDS: requests that need it get the 503 at once
instead of each waiting out a connect timeout. A statement cancelled by statement_timeout is a
503 without a rest (the database answered). /healthz always asks the database.
"""

import logging
import time
from collections.abc import Callable

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from psycopg.errors import QueryCanceled

RETRY_AFTER_SECONDS = 30
REST_SECONDS = 2.0
logger = logging.getLogger(__name__)
_resting_until = 0.0


def database_failed() -> None:
    global _resting_until
    _resting_until = time.monotonic() + REST_SECONDS


def database_resting() -> bool:
    return time.monotonic() < _resting_until


def is_outage(error: BaseException | None) -> bool:
    return isinstance(error, OperationalError | InterfaceError)


def failed(error: BaseException) -> HttpResponse:
    if not isinstance(error.__cause__, QueryCanceled):
        database_failed()
    return unavailable()


def unavailable() -> HttpResponse:
    """The 503, rendered without a request (no database), kept by neither nginx nor a browser."""
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseOutageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if database_resting() and request.path != "/healthz":
            return unavailable()
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not is_outage(exception):
            return None
        logger.warning("database unavailable for %s: %s", request.path, exception)
        return failed(exception)
