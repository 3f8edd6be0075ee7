"""Django's PostgreSQL backend, with a cheaper connection health check.

With health checks on, Django sends `SELECT 1` before the first query of every request, so a
kept connection that the server closed while it sat idle (a restart, a failover, a firewall
or proxy timing it out) is replaced instead of failing that request. On a busy worker that
round trip is a large share of a page served from the database in one query. Here a
connection that served a request without a database error less than TRUSTED_SECONDS ago is
trusted without the check; an idle one is checked as before. The one case given up: the
server goes away within that second, and the next request on the connection fails once, as it
would with health checks off (Django then drops the connection).
"""

import time

from django.db.backends.postgresql import base

TRUSTED_SECONDS = 1.0


class DatabaseWrapper(base.DatabaseWrapper):
    answered_at: float | None = None  # when it last served a request without an error
    used = False  # since the last request ended

    def _cursor(self, name=None):
        cursor = super()._cursor(name)
        self.used = True
        return cursor

    def close_if_unusable_or_obsolete(self) -> None:
        # Django calls this as a request starts and as it ends (django.db.close_old_connections).
        if self.connection is not None and self.used and not self.errors_occurred:
            self.answered_at = time.monotonic()
        self.used = False
        super().close_if_unusable_or_obsolete()

    def close_if_health_check_failed(self) -> None:
        recent = (
            self.answered_at is not None and time.monotonic() - self.answered_at < TRUSTED_SECONDS
        )
        if self.connection is not None and self.health_check_enabled and recent:
            self.health_check_done = True
            return
        super().close_if_health_check_failed()

    def close(self) -> None:
        self.answered_at = None
        super().close()
