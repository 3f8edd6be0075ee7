"""Django's Redis cache, where a Redis that does not answer is a cache miss instead of a 500.

Django's RedisCache raises redis-py's errors. FailSoftRedisCache (settings.CACHES with
REDIS_URL) wraps its public methods: while Redis is unreachable a read finds nothing and a
write keeps nothing, so pages are rendered without the cache. After a failure this process
does not ask Redis again for RETRY_SECONDS, so a hung Redis costs one request at most one
socket timeout (CACHES OPTIONS socket_connect_timeout/socket_timeout, 1 s), not one per cache
call; after that the next call tries again, so the cache is back in use within seconds of
Redis being back, without a restart.

incr() (and decr(), which calls it) still raises (redis.RedisError) when Redis is down: no harmless number can
stand in for a counter. Their callers decide: the rate limits let the request through, the
content version falls back (kb/core/content_version.py).
"""

import logging
import time
from collections.abc import Callable
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis import RedisError

RETRY_SECONDS = 2.0
logger = logging.getLogger(__name__)


class FailSoftRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self.down_until = 0.0

    def attempt(self, call: Callable[[], Any], fallback: Any) -> Any:
        if time.monotonic() < self.down_until:
            return fallback
        try:
            return call()
        except RedisError as error:
            self.failed(error)
            return fallback

    def failed(self, error: RedisError) -> None:
        logger.warning("Redis unavailable, going on without the cache: %s", error)
        self.down_until = time.monotonic() + RETRY_SECONDS

    def counted(self, call: Callable[[], int]) -> int:
        if time.monotonic() < self.down_until:
            raise RedisError("Redis did not answer moments ago")
        try:
            return call()
        except RedisError as error:
            self.failed(error)
            raise

    def get(self, key, default=None, version=None):
        get = super().get
        return self.attempt(lambda: get(key, default, version), default)

    def get_many(self, keys, version=None):
        get_many = super().get_many
        return self.attempt(lambda: get_many(keys, version), {})

    def has_key(self, key, version=None):
        has_key = super().has_key
        return self.attempt(lambda: has_key(key, version), False)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        add = super().add
        return self.attempt(lambda: add(key, value, timeout, version), False)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        set_ = super().set
        self.attempt(lambda: set_(key, value, timeout, version), None)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        set_many = super().set_many
        return self.attempt(lambda: set_many(data, timeout, version), list(data))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        touch = super().touch
        return self.attempt(lambda: touch(key, timeout, version), False)

    def delete(self, key, version=None):
        delete = super().delete
        return self.attempt(lambda: delete(key, version), False)

    def delete_many(self, keys, version=None):
        delete_many = super().delete_many
        self.attempt(lambda: delete_many(keys, version), None)

    def incr(self, key, delta=1, version=None):
        incr = super().incr
        return self.counted(lambda: incr(key, delta, version))
