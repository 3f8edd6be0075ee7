"""The content version as this process last read it from Redis, kept until Redis says it changed.

A cache hit needs the current version. Reading it from Redis costs a round trip per request;
instead each process reads it once over its own RESP3 connection with CLIENT TRACKING on, and
Redis pushes an invalidation message down that connection when any client changes a key that
connection read (an INCR by a commit on any server, a new next-publication time, a FLUSHDB).
Every request first polls the connection without waiting: a pending message (or a closed
connection) forgets the value, so the next read goes to Redis.

Redis queues the push while it executes the write and sends it in the same pass as the
writer's own reply, so by the time the editor's save has returned and a reader's next request
reaches any worker, the message is already waiting on that worker's socket: an edit is
visible on the next request, as with a round trip (tests/core/test_pagecache_servers.py checks
it with gunicorn workers). Two guards cover what a push cannot: a (re)connection starts with
no value, because writes made while the connection was down were never pushed, and a value is
read again after MAX_AGE seconds whatever happened, which bounds how long a silently broken
connection (one that never reports an error) could keep an old number.

A Redis that refuses RESP3 or CLIENT TRACKING (older than 6, a proxy, an ACL without the
CLIENT command) gets one MGET per request instead, as before tracking, and a warning in the log.
"""

import logging
import os
import threading
import time
from functools import lru_cache

import redis

MAX_AGE = 1.0  # seconds; one round trip per process per second at most
logger = logging.getLogger(__name__)


class TrackedVersion:
    """(version, next publication epoch seconds) of REDIS_VERSION/REDIS_NEXT, tracked."""

    def __init__(self, url: str, keys: tuple[str, str]):
        self.url = url
        self.keys = keys
        self.client: redis.Redis | None = None
        self.pid = 0
        self.value: tuple[bytes | None, bytes | None] | None = None
        self.read_at = 0.0
        self.lock = threading.Lock()  # one connection: threads (runserver, gthread) take turns
        self.untracked = False  # this Redis refused tracking: a round trip per read

    def _connect(self, connection) -> None:
        """redis-py's own handshake (HELLO 3, AUTH, SELECT), then tracking; on every
        (re)connection, which also forgets the value: changes made meanwhile were not pushed."""
        connection.on_connect()
        connection.send_command("CLIENT", "TRACKING", "ON")
        if connection.read_response() not in (b"OK", "OK"):
            raise redis.ResponseError("Redis refused CLIENT TRACKING")
        self.value = None

    def _client(self) -> redis.Redis:
        if self.client is None or self.pid != os.getpid():  # a forked worker needs its own
            tracking = {} if self.untracked else {"redis_connect_func": self._connect}
            self.client = redis.Redis.from_url(
                self.url,
                protocol=2 if self.untracked else 3,
                single_connection_client=True,
                socket_connect_timeout=1,
                socket_timeout=1,
                **tracking,
            )
            self.pid = os.getpid()
            self.value = None
        return self.client

    def read(self) -> tuple[bytes | None, bytes | None] | None:
        """The two keys' values (None for a missing key); None when Redis does not answer."""
        with self.lock:
            return self._read()

    def _read(self) -> tuple[bytes | None, bytes | None] | None:
        if self.untracked:
            try:
                return tuple(self._client().mget(*self.keys))
            except redis.RedisError:
                self.forget()
                return None
        try:
            try:  # redis-py connects a single-connection client as it makes it
                connection = self._client().connection
                connection.connect()  # no-op when connected; a reconnection forgets the value
            except redis.ResponseError:  # HELLO 3 or CLIENT TRACKING refused
                logger.warning("Redis refused client tracking: the version is read per request")
                self.forget()
                self.untracked = True
                return self._read()
            while connection.can_read(timeout=0):
                connection.read_response(push_request=True)  # an invalidation: read again
                self.value = None
            if self.value is None or time.monotonic() - self.read_at > MAX_AGE:
                self.read_at = time.monotonic()
                self.value = tuple(self.client.mget(*self.keys))
            return self.value
        except redis.RedisError:
            self.forget()
            return None

    def invalidate(self) -> None:
        """Read again next time: this process has just changed the keys itself."""
        self.value = None

    def forget(self) -> None:
        """Drop the value and the connection (Redis did not answer): start afresh next time."""
        self.value = None
        if self.client is not None:
            self.client.close()
            self.client = None


@lru_cache(maxsize=4)
def tracked(url: str, keys: tuple[str, str]) -> TrackedVersion:
    return TrackedVersion(url, keys)
