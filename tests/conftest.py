"""Shared builders for the suite: users and articles, on the real database."""

import itertools

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

_counter = itertools.count(1)


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
    """A staff user in one editorial group (kb/core/roles.py): role_user("编辑"), role_user("审核")."""
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


def pytest_configure(config):
    # Unit tests render templates without running collectstatic; production keeps the
    # hashed manifest storage (browser and benchmark runs collect static files themselves).
    from django.conf import settings

    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
