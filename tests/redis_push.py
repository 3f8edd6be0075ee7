"""Waiting for Redis' invalidation push in tests of the tracked content version."""

import time

import redis


def wait_for_push(tracked) -> None:
    """Until Redis' invalidation message has reached this tracking connection: a reader's next
    request comes after the editor's save has returned, and the message with it."""
    connection = tracked.client.connection
    deadline = time.monotonic() + 2
    while not connection.can_read(timeout=0.01) and time.monotonic() < deadline:
        pass


def wait_for_redis_push() -> None:
    """wait_for_push() for the page cache's own tracked version."""
    from kb.core.pagecache import _tracked

    wait_for_push(_tracked())


def cut_connection(tracked) -> None:
    """Redis drops this tracking connection (a Redis restart, a network cut), and only this
    one: other clients of the shared Redis keep theirs."""
    client_id = tracked.client.client_id()
    redis.Redis.from_url(tracked.url).client_kill_filter(_id=client_id)
