"""The Redis cache backend when Redis is not there: misses and no-ops, never an error."""

import pytest
from redis import RedisError

from kb.core.redis_cache import FailSoftRedisCache
from tests import services

DEAD = "redis://127.0.0.1:1/0"  # nothing listens on port 1: connection refused
OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}


def backend(location: str, prefix: str = "") -> FailSoftRedisCache:
    return FailSoftRedisCache(location, {"KEY_PREFIX": prefix, "OPTIONS": OPTIONS})


def test_it_reads_nothing_and_keeps_nothing_while_redis_is_down():
    cache = backend(DEAD)
    cache.set("page", "内容")
    assert cache.get("page") is None
    assert cache.get("page", "默认") == "默认"
    assert cache.get_many(["a", "b"]) == {}
    assert cache.add("page", "内容") is False
    assert cache.delete("page") is False
    assert cache.has_key("page") is False
    assert cache.get_or_set("page", "新内容") == "新内容"


def test_a_counter_still_says_it_could_not_count():
    with pytest.raises(RedisError):
        backend(DEAD).incr("counter")


@pytest.mark.redis
def test_it_is_an_ordinary_cache_while_redis_answers():
    import redis

    prefix = services.key_prefix()
    cache = backend(services.REDIS_URL, prefix)
    try:
        cache.set("page", "内容")
        assert cache.get("page") == "内容"
        cache.add("counter", 1)
        assert cache.incr("counter") == 2
    finally:
        services.delete_keys(redis.Redis.from_url(services.REDIS_URL), prefix + "*")
