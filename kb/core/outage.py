"""While the database does not answer: a Chinese 503 page instead of a 500 or a hang.

- DatabaseOutageMiddleware turns a database that cannot be reached (OperationalError, which
  is also what PostgreSQL's statement_timeout and psycopg's connect_timeout raise, or
  InterfaceError on a connection that died) in a view or its template into `unavailable()`.
- views.server_error (handler500) answers the same for one raised outside a view, in a
  middleware, so that too is a 503.
- Pages the page cache holds are still served: the content version falls back to the last one
  this process read (kb/core/content_version.py), and a hit needs no database.
- After a failure to reach it the database rests for REST_SECONDS: requests that need it get
  the 503 at once instead of each waiting out a connect timeout of a hung database (which
  would hold every worker and queue the cache hits behind them). The first request after
  that tries again, so the site recovers on its own within seconds of the database being
  back. A statement cancelled by statement_timeout is a 503 without a rest: the database
  answered. /healthz always asks the database.

The page is templates/503.html rendered without a request (no context processors, no
database), with `Retry-After` and `no-store`, so neither nginx nor a browser keeps it. Nothing
an editor saved is lost: a failed request's transaction rolls back whole, and what was
committed before stays committed.
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
ALWAYS_ASKS = "/healthz"
logger = logging.getLogger(__name__)


class _Rest:
    until = 0.0


def database_failed() -> None:
    _Rest.until = time.monotonic() + REST_SECONDS


def database_resting() -> bool:
    return time.monotonic() < _Rest.until


def is_outage(error: BaseException | None) -> bool:
    return isinstance(error, OperationalError | InterfaceError)


def failed(error: BaseException) -> HttpResponse:
    """The 503 for an outage; the database rests unless it did answer, cancelling one slow
    statement (statement_timeout), which says nothing about the next request."""
    if not isinstance(error.__cause__, QueryCanceled):
        database_failed()
    return unavailable()


def unavailable() -> HttpResponse:
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseOutageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if database_resting() and request.path != ALWAYS_ASKS:
            return unavailable()
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not is_outage(exception):
            return None
        logger.warning("database unavailable for %s: %s", request.path, exception)
        return failed(exception)
