"""What /healthz reports: can this node serve readers, and is each dependency there.

The database is the one readers cannot do without, so it alone decides /healthz's status; the
cache (Redis with REDIS_URL, else this process's memory, which is always there) is reported
but a dead Redis only slows pages down (kb/core/redis_cache.py), so a load balancer does not
take every node out at once for it. `?strict=1` answers 503 when any dependency is
unavailable, for monitoring.
"""

import redis
from django.conf import settings
from django.db import DatabaseError, connection

OK = "ok"
UNAVAILABLE = "unavailable"


def database_status() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return UNAVAILABLE
    return OK


def cache_status(redis_url: str) -> str:
    if not redis_url:
        return OK
    client = redis.Redis.from_url(
        redis_url,
        socket_connect_timeout=settings.REDIS_TIMEOUT_SECONDS,
        socket_timeout=settings.REDIS_TIMEOUT_SECONDS,
    )
    try:
        client.ping()
    except redis.RedisError:
        return UNAVAILABLE
    finally:
        client.close()
    return OK


def health(redis_url: str = "") -> dict[str, str]:
    return {"database": database_status(), "cache": cache_status(redis_url)}


def serves_readers(checks: dict[str, str], strict: bool = False) -> bool:
    if strict:
        return all(status == OK for status in checks.values())
    return checks["database"] == OK
