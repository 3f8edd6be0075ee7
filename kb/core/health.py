"""What /healthz checks: the database always, Redis when REDIS_URL is configured."""

import redis
from django.db import connection


def database_status() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        return "error"
    return "ok"


def redis_status(url: str) -> str:
    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1)
        try:
            client.ping()
        finally:
            client.close()
    except Exception:
        return "error"
    return "ok"


def health(redis_url: str = "") -> dict[str, str]:
    checks = {"database": database_status()}
    if redis_url:
        checks["redis"] = redis_status(redis_url)
    return checks
