"""Real faults between the site and PostgreSQL or Redis, with production settings (issue 25).

Each scenario starts gunicorn on a PostgreSQL database of these tests' own (tests/faults/
live.py), through a forwarder (tests/forwarder.py) that cuts, hangs and restores the link, and
runs both with the local-memory cache (REDIS_URL unset) and with Redis. nginx serving stale
pages while gunicorn is down is tests/deploy/test_nginx.py.
"""

import threading
import time
from collections import Counter

import pytest
import redis

from tests import services
from tests.faults.live import Database, Site, new_database, postgres_answers

SORRY = "暂时无法访问，请稍后再试"
CONNECT_TIMEOUT = 3  # kb/settings.py DATABASE_CONNECT_TIMEOUT's default
BOUND = CONNECT_TIMEOUT + 2  # what a hung database may cost a request, with room for a slow CI


@pytest.fixture(scope="module")
def database():
    if not postgres_answers():
        pytest.skip(f"{services.MISSING}PostgreSQL does not answer at 127.0.0.1:5432")
    created = new_database()
    try:
        created.create()
        yield created
    finally:
        created.drop()


CACHES = [
    pytest.param("", id="locmem"),
    pytest.param(services.REDIS_URL, id="redis", marks=pytest.mark.redis),
]


@pytest.fixture(params=CACHES)
def site(request, database: Database):
    live = Site(database, redis_url=request.param)
    yield live
    live.stop()
    if request.param:
        client = redis.Redis.from_url(request.param)
        services.delete_keys(client, live.key_prefix + "*")
        client.close()


@pytest.fixture
def redis_site(database: Database):
    live = Site(database, redis_url=services.REDIS_URL)
    yield live
    live.stop()
    client = redis.Redis.from_url(services.REDIS_URL)
    services.delete_keys(client, live.key_prefix + "*")
    client.close()


def seen_and_unseen(site: Site, database: Database) -> tuple[str, str]:
    """An article page the site has cached, and one it has never rendered."""
    seen, unseen = database.urls[0], database.urls[-1]
    assert site.get(seen).status == 200
    assert site.get(seen).headers["X-Page-Cache"] == "hit"
    return seen, unseen


def assert_sorry(answer) -> None:
    assert answer.status == 503
    assert SORRY in answer.text
    assert int(answer.headers["Retry-After"]) > 0


def assert_recovers(site: Site, path: str) -> None:
    """Without a restart: the page renders again within seconds of the link being back."""
    deadline = time.monotonic() + 15
    while (answer := site.get(path)).status != 200:
        assert answer.status == 503, answer.text[:300]
        assert time.monotonic() < deadline, "the site did not recover"
        time.sleep(0.3)
    assert site.get("/healthz").status == 200


def test_it_serves_cached_pages_and_a_chinese_503_while_the_database_is_cut(site, database):
    seen, unseen = seen_and_unseen(site, database)
    site.database.cut()
    kept = site.get(seen)
    assert kept.status == 200 and "网贷逾期被起诉怎么办" in kept.text
    assert_sorry(site.get(unseen))
    assert_sorry(site.get("/admin/login/"))  # editors get the same page
    health = site.get("/healthz")
    assert health.status == 503 and '"database": "unavailable"' in health.text
    site.database.restore()
    assert_recovers(site, unseen)
    assert "催收电话打给家人怎么办" in site.get(unseen).text


def test_a_hung_database_costs_a_request_seconds_not_a_hang(site, database):
    seen, unseen = seen_and_unseen(site, database)
    site.database.hang()
    for path in (seen, unseen, seen, "/admin/login/", unseen):
        answer = site.get(path)
        assert answer.seconds < BOUND, f"{path} took {answer.seconds:.1f} s"
        if path == seen:
            assert answer.status == 200 and "网贷逾期被起诉怎么办" in answer.text
        else:
            assert_sorry(answer)
    health = site.get("/healthz")
    assert health.status == 503 and health.seconds < BOUND
    site.database.restore()
    assert_recovers(site, unseen)


def test_a_database_blip_under_load_is_never_a_500(site, database):
    paths = ["/", *database.urls]
    for path in paths[:3]:
        site.get(path)  # some pages cached, some not
    statuses: Counter[int] = Counter()
    failures: list[str] = []

    def reader(offset: int) -> None:
        for n in range(20):
            path = paths[(offset + n) % len(paths)]
            try:
                answer = site.get(path, timeout=BOUND + 5)
            except OSError as error:  # a refused or timed-out request is a failure too
                failures.append(f"{path}: {error}")
                continue
            statuses[answer.status] += 1
            if answer.status == 503:
                assert_sorry(answer)

    readers = [threading.Thread(target=reader, args=(n,)) for n in range(4)]
    for thread in readers:
        thread.start()
    time.sleep(0.3)
    site.database.cut()
    time.sleep(1.0)
    site.database.restore()
    for thread in readers:
        thread.join(timeout=120)
    assert not failures
    assert set(statuses) <= {200, 503}, statuses
    assert sum(statuses.values()) == 80
    assert_recovers(site, database.urls[-1])


SEARCH = "/api/search/?q=%E9%80%BE%E6%9C%9F"  # 逾期: rate-limited in the cache


def assert_uses_redis_again(site: Site, seen: str) -> None:
    """Without a restart: once Redis is back the site reads the content version from it
    again, so an edit committed by another server (its INCR) shows within seconds."""
    site.redis.restore()
    client = redis.Redis.from_url(services.REDIS_URL)
    client.incr(f"{site.key_prefix}:1:content-version")  # what another server's commit does
    client.close()
    deadline = time.monotonic() + 10
    while site.get(seen).headers["X-Page-Cache"] != "miss":
        assert time.monotonic() < deadline, "the content version was not read from Redis again"
        time.sleep(0.3)
    assert site.get("/healthz?strict=1").status == 200


@pytest.mark.redis
def test_it_serves_pages_while_redis_is_cut_and_uses_it_again_once_back(redis_site, database):
    seen, unseen = seen_and_unseen(redis_site, database)
    redis_site.redis.cut()
    for path in (seen, unseen, SEARCH):
        answer = redis_site.get(path)
        assert answer.status == 200 and answer.seconds < 2, (path, answer.status, answer.seconds)
    assert "网贷逾期被起诉怎么办" in redis_site.get(seen).text
    health = redis_site.get("/healthz")  # the node still serves readers: it stays in service
    assert health.status == 200 and '"cache": "unavailable"' in health.text
    assert redis_site.get("/healthz?strict=1").status == 503
    assert_uses_redis_again(redis_site, seen)


@pytest.mark.redis
def test_no_request_waits_long_on_a_hung_redis(redis_site, database):
    seen, unseen = seen_and_unseen(redis_site, database)
    redis_site.redis.hang()
    for path in (seen, unseen, seen, SEARCH, "/healthz"):
        answer = redis_site.get(path)
        assert answer.status == 200 and answer.seconds < 2, (path, answer.status, answer.seconds)
    assert_uses_redis_again(redis_site, seen)
