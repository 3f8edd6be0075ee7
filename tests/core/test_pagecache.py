import pytest
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from kb.articles.models import Article
from kb.core.models import ContentVersion
from tests.redis_push import wait_for_redis_push
from tests.services import REDIS_URL as TEST_REDIS_URL
from tests.services import delete_keys


def _enable(settings):
    settings.PAGE_CACHE_SECONDS = 300


def test_it_serves_the_second_request_from_cache(client, make_article, settings):
    _enable(settings)
    article = make_article(title="借呗逾期的后果")
    first = client.get(article.get_absolute_url())
    second = client.get(article.get_absolute_url())
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


def test_it_shows_an_edit_on_the_next_request(client, make_article, settings):
    _enable(settings)
    article = make_article(title="旧标题")
    client.get(article.get_absolute_url())
    article.title = "新标题"
    article.save()
    html = client.get(article.get_absolute_url()).content.decode()
    assert "新标题" in html and "旧标题" not in html


def test_it_shows_a_new_article_on_the_home_page_at_once(client, make_article, settings):
    _enable(settings)
    client.get("/")
    make_article(title="刚刚发布的文章")
    assert "刚刚发布的文章" in client.get("/").content.decode()


def test_it_answers_304_to_a_matching_etag(client, make_article, settings):
    _enable(settings)
    article = make_article()
    etag = client.get(article.get_absolute_url())["ETag"]
    response = client.get(article.get_absolute_url(), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304


def test_it_never_serves_a_cached_page_to_signed_in_staff(staff_client, make_article, settings):
    _enable(settings)
    article = make_article(title="公开标题")
    response = staff_client.get(article.get_absolute_url())
    assert "X-Page-Cache" not in response


def test_it_does_not_cache_errors(client, db, settings):
    _enable(settings)
    client.get("/articles/missing/")
    assert "X-Page-Cache" not in client.get("/articles/missing/")


def test_it_shows_an_edit_made_by_another_process(client, make_article, settings):
    # Another worker or app server shares only the database with this one: it changes the
    # row and bumps the version there, and never touches this process's local-memory cache.
    _enable(settings)
    article = make_article(title="另一进程修改前")
    assert client.get(article.get_absolute_url())["X-Page-Cache"] == "miss"
    assert client.get(article.get_absolute_url())["X-Page-Cache"] == "hit"
    with transaction.atomic():
        Article.objects.filter(pk=article.pk).update(title="另一进程修改后")
        ContentVersion.objects.filter(pk=1).update(value=F("value") + 1)
    response = client.get(article.get_absolute_url())
    assert response["X-Page-Cache"] == "miss"
    assert "另一进程修改后" in response.content.decode()


def test_it_is_on_by_default_without_redis(settings_with):
    configured = settings_with(DJANGO_DEBUG="1")
    assert configured["CACHES"]["default"]["BACKEND"].endswith("LocMemCache")
    assert configured["PAGE_CACHE_SECONDS"] > 0


def test_it_shows_a_scheduled_article_once_its_time_has_come(client, make_article, settings):
    _enable(settings)
    soon = timezone.now() + timezone.timedelta(hours=1)
    article = make_article(title="定时发布的文章", published_at=soon)
    assert ContentVersion.objects.get(pk=1).next_publication == soon
    assert "定时发布的文章" not in client.get("/").content.decode()
    # An hour later (moved back instead of waiting): nobody saved anything in between.
    past = timezone.now() - timezone.timedelta(seconds=1)
    Article.objects.filter(pk=article.pk).update(published_at=past)
    ContentVersion.objects.filter(pk=1).update(next_publication=past)
    assert "定时发布的文章" in client.get("/").content.decode()


def test_bulk_writes_that_skip_signals_still_invalidate(client, make_article, settings):
    from kb.articles.services import rerender_all
    from kb.articles.synthetic import generate_articles

    _enable(settings)
    article = make_article(body="## 要点\n\n旧正文。")
    client.get(article.get_absolute_url())
    Article.objects.filter(pk=article.pk).update(body="## 要点\n\n新正文。")  # no signal
    rerender_all()
    assert "新正文" in client.get(article.get_absolute_url()).content.decode()
    client.get("/category/synthetic/")
    generate_articles(3)
    assert client.get("/category/synthetic/").content.decode().count("synthetic-1-") >= 3


def test_a_restored_backup_invalidates_pages(client, make_article, settings, tmp_path):
    from kb.site.backup import make_backup, restore_backup

    _enable(settings)
    settings.MEDIA_ROOT = tmp_path / "media"
    article = make_article(title="备份时的标题")
    make_backup(tmp_path / "b.tar.gz")
    Article.objects.filter(pk=article.pk).update(title="备份后改的标题")
    ContentVersion.objects.filter(pk=1).update(value=F("value") + 1)
    assert "备份后改的标题" in client.get(article.get_absolute_url()).content.decode()
    restore_backup(tmp_path / "b.tar.gz")
    assert "备份时的标题" in client.get(article.get_absolute_url()).content.decode()


# The version in Redis (REDIS_URL): shared by every worker and server, no query on a hit.
@pytest.fixture
def redis_version(settings):
    import redis

    from kb.core.pagecache import PAGE_PREFIX

    _enable(settings)
    settings.REDIS_URL = TEST_REDIS_URL
    client = redis.Redis.from_url(TEST_REDIS_URL)
    delete_keys(client, PAGE_PREFIX + "*")  # the version and pages, in the test Redis
    yield client
    delete_keys(client, PAGE_PREFIX + "*")


@pytest.mark.redis
def test_it_serves_a_hit_without_a_database_query_when_redis_keeps_the_version(
    client, make_article, redis_version, django_assert_num_queries
):
    article = make_article(title="借呗逾期的后果")
    assert client.get(article.get_absolute_url())["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        assert client.get(article.get_absolute_url())["X-Page-Cache"] == "hit"


@pytest.mark.redis
def test_it_shows_an_edit_on_the_next_request_when_redis_keeps_the_version(
    client, make_article, redis_version, django_capture_on_commit_callbacks
):
    article = make_article(title="旧标题")
    client.get(article.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True):
        article.title = "新标题"
        article.save()
    response = client.get(article.get_absolute_url())
    assert response["X-Page-Cache"] == "miss"
    assert "新标题" in response.content.decode() and "旧标题" not in response.content.decode()


@pytest.mark.redis
def test_it_shows_an_edit_committed_by_another_server_sharing_redis(
    client, make_article, redis_version
):
    from kb.core.pagecache import REDIS_VERSION

    article = make_article(title="另一台服务器修改前")
    client.get(article.get_absolute_url())
    assert client.get(article.get_absolute_url())["X-Page-Cache"] == "hit"
    Article.objects.filter(pk=article.pk).update(title="另一台服务器修改后")
    redis_version.incr(REDIS_VERSION)  # what that server's commit does
    wait_for_redis_push()
    assert "另一台服务器修改后" in client.get(article.get_absolute_url()).content.decode()


@pytest.mark.redis
def test_it_shows_a_scheduled_article_on_time_when_redis_keeps_the_version(
    client, make_article, redis_version, django_capture_on_commit_callbacks
):
    from kb.core.pagecache import REDIS_NEXT

    soon = timezone.now() + timezone.timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(title="定时发布的文章", published_at=soon)
    assert "定时发布的文章" not in client.get("/").content.decode()
    past = timezone.now() - timezone.timedelta(seconds=1)
    Article.objects.filter(pk=article.pk).update(published_at=past)
    redis_version.set(REDIS_NEXT, past.timestamp())
    wait_for_redis_push()
    assert "定时发布的文章" in client.get("/").content.decode()


def test_it_falls_back_to_the_database_row_when_redis_is_down(client, make_article, settings):
    _enable(settings)
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    article = make_article(title="旧标题")
    client.get(article.get_absolute_url())
    article.title = "新标题"
    article.save()
    assert "新标题" in client.get(article.get_absolute_url()).content.decode()
