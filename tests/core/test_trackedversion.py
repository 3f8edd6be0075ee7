"""The content version each process keeps, told of changes by Redis (kb/core/trackedversion.py)."""

import pytest
import redis

from kb.core import trackedversion
from kb.core.trackedversion import TrackedVersion
from tests.redis_push import cut_connection, wait_for_push
from tests.services import REDIS_URL as TEST_REDIS_URL
from tests.services import key_prefix

pytestmark = pytest.mark.redis
KEYS = (key_prefix() + "version", key_prefix() + "next")


@pytest.fixture
def writer():
    client = redis.Redis.from_url(TEST_REDIS_URL)
    client.delete(*KEYS)
    yield client
    client.delete(*KEYS)


@pytest.fixture
def version():
    tracked = TrackedVersion(TEST_REDIS_URL, KEYS)
    yield tracked
    tracked.forget()


def test_it_reads_the_keys_and_sees_every_change_another_client_makes(writer, version):
    assert version.read() == (None, None)
    writer.set(KEYS[0], 7)
    wait_for_push(version)
    assert version.read() == (b"7", None)
    writer.incr(KEYS[0])
    wait_for_push(version)
    assert version.read() == (b"8", None)
    writer.set(KEYS[1], "1700000000.0")
    wait_for_push(version)
    assert version.read() == (b"8", b"1700000000.0")
    writer.delete(*KEYS)
    wait_for_push(version)
    assert version.read() == (None, None)


def test_it_reads_again_on_a_new_connection_after_losing_the_old_one(writer, version):
    writer.set(KEYS[0], 1)
    assert version.read() == (b"1", None)
    cut_connection(version)
    writer.set(KEYS[0], 2)  # never pushed: the connection is gone
    assert version.read() is None  # the loss is noticed: callers ask Redis the slow way
    assert version.read() == (b"2", None)


def test_it_reads_again_after_max_age_even_without_news(writer, version, monkeypatch):
    writer.set(KEYS[0], 1)
    assert version.read() == (b"1", None)
    # A connection that silently stopped delivering pushes: tracking switched off on it.
    connection = version.client.connection
    connection.send_command("CLIENT", "TRACKING", "OFF")
    connection.read_response()
    writer.set(KEYS[0], 2)
    assert version.read() == (b"1", None)  # within MAX_AGE the old number stands
    monkeypatch.setattr(trackedversion, "MAX_AGE", 0.0)
    assert version.read() == (b"2", None)


def test_it_answers_none_while_redis_does_not_answer():
    assert TrackedVersion("redis://127.0.0.1:1/0", KEYS).read() is None


@pytest.fixture
def no_client_command(writer):
    """A Redis user without the CLIENT command, like a proxy or a locked-down managed Redis:
    CLIENT TRACKING is refused."""
    writer.acl_setuser(
        "kb-no-tracking", enabled=True, nopass=True, keys=["*"], commands=["+@all", "-client"]
    )
    yield TEST_REDIS_URL.replace("redis://", "redis://kb-no-tracking@")
    writer.acl_deluser("kb-no-tracking")


def test_it_reads_the_version_on_every_request_where_tracking_is_refused(
    writer, no_client_command, caplog
):
    version = TrackedVersion(no_client_command, KEYS)
    writer.set(KEYS[0], 1)
    assert version.read() == (b"1", None)
    assert "refused client tracking" in caplog.text
    writer.incr(KEYS[0])
    assert version.read() == (b"2", None)  # no push to wait for: a round trip each time
    version.forget()
