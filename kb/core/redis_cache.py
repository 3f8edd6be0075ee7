"""Django's Redis cache, where a Redis that does not answer is a cache miss instead of a 500.

After a failure this process leaves Redis alone for RETRY_SECONDS, so a hung Redis costs at most
one socket timeout now and then. incr() still raises RedisError: no number can stand in for a
counter (rate limits then let the request through; the content version falls back).
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis import RedisError

RETRY_SECONDS = 2.0
logger = logging.getLogger(__name__)
_DOWN = object()


class FailSoftRedisCache(RedisCache):
    down_until = 0.0

    def attempt(self, method, fallback, *args):
        """method(*args), or `fallback` while Redis does not answer."""
        if time.monotonic() < self.down_until:
            return fallback
        try:
            return method(*args)
        except RedisError as error:
            logger.warning("Redis unavailable, going on without the cache: %s", error)
            self.down_until = time.monotonic() + RETRY_SECONDS
            return fallback

    def get(self, key, default=None, version=None):
        return self.attempt(super().get, default, key, default, version)

    def get_many(self, keys, version=None):
        return self.attempt(super().get_many, {}, keys, version)

    def has_key(self, key, version=None):
        return self.attempt(super().has_key, False, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self.attempt(super().add, False, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self.attempt(super().set, None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self.attempt(super().set_many, list(data), data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self.attempt(super().touch, False, key, timeout, version)

    def delete(self, key, version=None):
        return self.attempt(super().delete, False, key, version)

    def delete_many(self, keys, version=None):
        self.attempt(super().delete_many, None, keys, version)

    def incr(self, key, delta=1, version=None):
        value = self.attempt(super().incr, _DOWN, key, delta, version)
        if value is _DOWN:
            raise RedisError("Redis is not answering")
        return value
