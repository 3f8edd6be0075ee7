"""kb/core/postgresql: a kept connection is checked before a request unless it served one
without an error within the last second; a connection the server closed is replaced."""

import time

import pytest
from django.db import OperationalError, connection, connections

from kb.core.postgresql import base

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


@pytest.fixture
def worker():
    """A connection of its own, used the way a gunicorn worker uses its connection."""
    if connection.vendor != "postgresql":
        pytest.skip("the backend is PostgreSQL's")
    conn = connections.create_connection("default")
    assert isinstance(conn, base.DatabaseWrapper) and conn.settings_dict["CONN_HEALTH_CHECKS"]
    yield conn
    conn.close()


def request(conn) -> int:
    """One request's database work, with Django's calls before and after it."""
    conn.close_if_unusable_or_obsolete()
    try:
        with conn.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            return cursor.fetchone()[0]
    finally:
        conn.close_if_unusable_or_obsolete()


def server_closes(pid: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [pid])


def test_it_replaces_a_connection_closed_while_it_was_idle(worker, monkeypatch):
    monkeypatch.setattr(base, "TRUSTED_SECONDS", 0.2)
    pid = request(worker)
    server_closes(pid)
    time.sleep(0.3)  # idle for longer than a connection is trusted
    assert request(worker) != pid  # checked, found closed, replaced: the request succeeds


def test_it_skips_the_check_right_after_a_request_and_recovers_from_a_failure(worker):
    pid = request(worker)
    server_closes(pid)
    # Within the second the connection is trusted: the one request given up fails…
    with pytest.raises(OperationalError):
        request(worker)
    # …and Django drops the broken connection, so the next request gets a new one.
    assert request(worker) != pid


def test_a_connection_that_failed_is_checked_again(worker, monkeypatch):
    pid = request(worker)
    checks = []
    real = worker.is_usable
    monkeypatch.setattr(worker, "is_usable", lambda: checks.append(1) or real())
    request(worker)
    assert checks == []  # just answered: no SELECT 1
    worker.errors_occurred = True  # a query of that request failed
    worker.close_if_unusable_or_obsolete()
    request(worker)
    assert checks  # checked before it was trusted again
    assert request(worker) == pid
