"""Shared builders for the suite: users and articles, on the real database; a Redis of the
tests' own; skips for a missing service (tests/services.py), which fail the run in CI."""

import itertools
import os
import runpy
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import redis
from django.contrib.auth import get_user_model
from django.utils import timezone

from tests import services

_counter = itertools.count(1)
_missing_service_skips: list[str] = []


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (page cache, rate limits, 繁體 pages)."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def staff_user(db):
    return get_user_model().objects.create_user(
        "editor", "editor@example.com", "pw-for-tests-1", is_staff=True, is_superuser=True
    )


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


@pytest.fixture
def role_user(db):
    """A staff user in one editorial group (kb/editorial/roles.py): role_user("编辑"), role_user("审核")."""
    from django.contrib.auth.models import Group

    def build(group_name: str):
        user = get_user_model().objects.create_user(
            f"role-{next(_counter)}", password="pw-for-tests-1", is_staff=True
        )
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return build


@pytest.fixture
def category(db):
    from kb.articles.models import Category

    return Category.objects.create(name="网贷逾期", slug="wangdai-yuqi")


@pytest.fixture
def make_article(db, category):
    from kb.articles.models import Article

    def build(**kwargs):
        n = next(_counter)
        defaults = {
            "title": f"测试文章{n}",
            "short_answer": "简短回答。",
            "body": "## 要点\n\n正文。",
            "status": Article.Status.PUBLISHED,
            "published_at": timezone.now() - timezone.timedelta(days=1),
            "category": category,
        }
        defaults.update(kwargs)
        return Article.objects.create(**defaults)

    return build


@dataclass
class RedisKeys:
    """A client of the test Redis and the prefix every key of this test starts with."""

    url: str
    client: redis.Redis
    prefix: str


@pytest.fixture
def redis_keys() -> Iterator[RedisKeys]:
    """The test Redis (KB_TEST_REDIS_URL) with a key prefix of this test's own; its keys are
    deleted afterwards, nobody else's. Mark the test `@pytest.mark.redis`."""
    client = redis.Redis.from_url(services.REDIS_URL)
    keys = RedisKeys(services.REDIS_URL, client, services.key_prefix())
    yield keys
    services.delete_keys(keys.client, keys.prefix + "*")
    keys.client.close()


@pytest.fixture
def settings_with(monkeypatch):
    """kb/settings.py as it loads where the environment holds only the given variables: what
    a deployment gets from them, whatever environment the suite itself runs in."""
    from django.conf import settings

    def load(**environ: str) -> dict:
        for name in list(os.environ):
            if name not in ("PATH", "HOME"):
                monkeypatch.delenv(name)
        for name, value in environ.items():
            monkeypatch.setenv(name, value)
        return runpy.run_path(str(Path(settings.BASE_DIR) / "kb" / "settings.py"))

    return load


def pytest_configure(config):
    # Unit tests render templates without running collectstatic; production keeps the
    # hashed manifest storage (browser and benchmark runs collect static files themselves).
    from django.conf import settings

    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # The suite never uses the environment's Redis: clearing the cache between tests would
    # flush that database. Redis tests ask for the test Redis themselves (redis_keys).
    os.environ.pop("REDIS_URL", None)
    settings.REDIS_URL = ""
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }


@pytest.hookimpl(trylast=True)  # after the packages' conftests added their markers
def pytest_collection_modifyitems(items):
    from django.db import connection

    for item in items:
        for marker in ("redis", "nginx", "browser"):
            reason = item.get_closest_marker(marker) and services.missing(marker)
            if reason:
                item.add_marker(pytest.mark.skip(reason=reason))
        if item.get_closest_marker("postgres") and connection.vendor != "postgresql":
            # By design, not a missing service: the SQLite run has no PostgreSQL to test.
            item.add_marker(pytest.mark.skip(reason="PostgreSQL only: this run is on SQLite"))


def pytest_runtest_logreport(report):
    if report.skipped and not hasattr(report, "wasxfail") and isinstance(report.longrepr, tuple):
        reason = report.longrepr[2].removeprefix("Skipped: ")
        if reason.startswith(services.MISSING):
            _missing_service_skips.append(report.nodeid)


def pytest_sessionfinish(session, exitstatus):
    if os.environ.get("CI") and _missing_service_skips and exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter, exitstatus):
    in_ci = bool(os.environ.get("CI"))
    if _missing_service_skips:
        terminalreporter.write_line(
            f"tests skipped for a missing service: {len(_missing_service_skips)}"
            + (" (CI needs every service: this run fails)" if in_ci else ""),
            red=in_ci,
            yellow=not in_ci,
        )
    if in_ci and exitstatus == pytest.ExitCode.NO_TESTS_COLLECTED:
        terminalreporter.write_line("no test ran: CI counts that as a failure", red=True)
