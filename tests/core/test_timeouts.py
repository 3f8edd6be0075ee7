"""What a deployment gets from its environment so a dead database or Redis costs a request
seconds at most (the faults themselves: tests/faults/)."""

PRODUCTION = {
    "DJANGO_SECRET_KEY": "x",
    "DJANGO_ALLOWED_HOSTS": "kb.example.com",
    "DATABASE_URL": "postgres://kb@db:5432/kb",
}


def test_postgresql_gives_up_connecting_and_cancels_long_statements(settings_with):
    options = settings_with(**PRODUCTION)["DATABASES"]["default"]["OPTIONS"]
    assert options["connect_timeout"] == 3
    assert options["options"] == "-c jit=off -c statement_timeout=5000"


def test_the_timeouts_can_be_changed_or_turned_off(settings_with):
    configured = settings_with(
        **PRODUCTION, DATABASE_CONNECT_TIMEOUT="5", DATABASE_STATEMENT_TIMEOUT_MS="0"
    )
    options = configured["DATABASES"]["default"]["OPTIONS"]
    assert options["connect_timeout"] == 5 and options["options"] == "-c jit=off"
    jit = settings_with(**PRODUCTION, DATABASE_JIT="1", DATABASE_STATEMENT_TIMEOUT_MS="0")
    assert "options" not in jit["DATABASES"]["default"]["OPTIONS"]


def test_a_request_waits_at_most_a_second_for_redis(settings_with):
    cache = settings_with(**PRODUCTION, REDIS_URL="redis://cache:6379/0")["CACHES"]["default"]
    assert cache["BACKEND"] == "kb.core.redis_cache.FailSoftRedisCache"
    assert cache["OPTIONS"]["socket_connect_timeout"] <= 1
    assert cache["OPTIONS"]["socket_timeout"] <= 1
