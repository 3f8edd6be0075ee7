"""The page cache for anonymous readers (kb/core/pagecache.py), keyed by the content version
(kb/core/content_version.py)."""

import pytest
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from kb.articles.models import Article, Category
from kb.core.models import ContentVersion
from tests import services


def test_it_serves_the_second_request_from_cache(client, make_article):
    article = make_article(title="借呗逾期的后果")
    first = client.get(article.get_absolute_url())
    second = client.get(article.get_absolute_url())
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_it_tells_browsers_to_check_back_on_every_visit(client, make_article):
    article = make_article()
    client.get(article.get_absolute_url())
    hit = client.get(article.get_absolute_url())
    assert hit["Cache-Control"] == "max-age=0"
    assert "Expires" not in hit


def test_it_shows_an_edit_on_the_next_request(
    client, make_article, django_capture_on_commit_callbacks
):
    article = make_article(title="旧标题")
    client.get(article.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True):
        article.title = "新标题"
        article.save()
    html = client.get(article.get_absolute_url()).content.decode()
    assert "新标题" in html and "旧标题" not in html


def test_it_shows_a_new_article_on_the_home_page_at_once(
    client, make_article, django_capture_on_commit_callbacks
):
    client.get("/")
    with django_capture_on_commit_callbacks(execute=True):
        make_article(title="刚刚发布的文章")
    assert "刚刚发布的文章" in client.get("/").content.decode()


def test_an_edit_in_the_admin_shows_on_the_next_request(
    client, staff_user, make_article, category, django_capture_on_commit_callbacks
):
    article = make_article()
    assert category.name in client.get(article.get_absolute_url()).content.decode()
    editor = type(client)()
    editor.force_login(staff_user)
    url = f"/admin/articles/category/{category.pk}/change/"
    form = {"name": "改名后的分类", "slug": category.slug, "description": "", "order": 0}
    with django_capture_on_commit_callbacks(execute=True):
        assert editor.post(url, form).status_code == 302
    assert Category.objects.get(pk=category.pk).name == "改名后的分类"
    assert "改名后的分类" in client.get(article.get_absolute_url()).content.decode()


def test_it_answers_304_to_a_matching_etag(client, make_article):
    article = make_article()
    etag = client.get(article.get_absolute_url())["ETag"]
    response = client.get(article.get_absolute_url(), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304


def test_it_never_serves_a_cached_page_to_signed_in_staff(staff_client, make_article):
    article = make_article(title="公开标题")
    staff_client.get(article.get_absolute_url())
    response = staff_client.get(article.get_absolute_url())
    assert "X-Page-Cache" not in response


def test_it_never_caches_the_preview_of_a_draft(staff_client, make_article):
    draft = make_article(title="草稿标题", status=Article.Status.DRAFT)
    response = staff_client.get(draft.get_absolute_url())
    assert "草稿标题" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    staff_client.logout()
    assert staff_client.get(draft.get_absolute_url()).status_code == 404


def test_it_does_not_cache_errors(client, db):
    client.get("/articles/missing/")
    assert client.get("/articles/missing/")["X-Page-Cache"] == "miss"


def test_tracking_parameters_make_no_pages_of_their_own(client, make_article):
    article = make_article()
    url = article.get_absolute_url()
    assert client.get(url)["X-Page-Cache"] == "miss"
    tracked = client.get(f"{url}?utm_source=weixin&fbclid=abc&from=timeline")
    assert tracked["X-Page-Cache"] == "hit"
    assert "utm_source" not in tracked.content.decode()
    assert client.get(f"{url}?page=2")["X-Page-Cache"] == "miss"


def test_it_keeps_the_traditional_mirror_apart(client, make_article):
    article = make_article(title="简体标题说明")
    hans = client.get(article.get_absolute_url()).content.decode()
    hant = client.get("/zh-hant" + article.get_absolute_url())
    assert hant["X-Page-Cache"] == "miss"
    assert "簡體標題說明" in hant.content.decode()
    again = client.get(article.get_absolute_url())
    assert again["X-Page-Cache"] == "hit" and again.content.decode() == hans


def test_search_results_are_not_kept(client, make_article):
    make_article(title="借呗逾期")
    client.get("/search/?q=借呗")
    assert "X-Page-Cache" not in client.get("/search/?q=借呗")


def test_it_shows_an_edit_made_by_another_process(client, make_article):
    # Another worker or app server shares only the database with this one: it changes the
    # row and bumps the version there, and never touches this process's local-memory cache.
    article = make_article(title="另一进程修改前")
    assert client.get(article.get_absolute_url())["X-Page-Cache"] == "miss"
    assert client.get(article.get_absolute_url())["X-Page-Cache"] == "hit"
    with transaction.atomic():
        Article.objects.filter(pk=article.pk).update(title="另一进程修改后")
        ContentVersion.objects.filter(pk=1).update(value=F("value") + 1)
    response = client.get(article.get_absolute_url())
    assert response["X-Page-Cache"] == "miss"
    assert "另一进程修改后" in response.content.decode()


def test_it_shows_a_scheduled_article_once_its_time_has_come(
    client, make_article, django_capture_on_commit_callbacks
):
    soon = timezone.now() + timezone.timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(title="定时发布的文章", published_at=soon)
    assert ContentVersion.objects.get(pk=1).next_publication == soon
    assert "定时发布的文章" not in client.get("/").content.decode()
    # An hour later (moved back instead of waiting): nobody saved anything in between.
    past = timezone.now() - timezone.timedelta(seconds=1)
    Article.objects.filter(pk=article.pk).update(published_at=past)
    ContentVersion.objects.filter(pk=1).update(next_publication=past)
    assert "定时发布的文章" in client.get("/").content.decode()


def test_bulk_writes_still_invalidate(client, make_article, django_capture_on_commit_callbacks):
    from bench.synthetic import generate_articles
    from kb.articles.services import rerender_all

    article = make_article(body="## 要点\n\n旧正文。")
    client.get(article.get_absolute_url())
    Article.objects.filter(pk=article.pk).update(body="## 要点\n\n新正文。")
    with django_capture_on_commit_callbacks(execute=True):
        rerender_all()
    assert "新正文" in client.get(article.get_absolute_url()).content.decode()
    client.get("/category/synthetic/")
    with django_capture_on_commit_callbacks(execute=True):
        generate_articles(3)
    assert client.get("/category/synthetic/").content.decode().count("synthetic-1-") >= 3


def test_a_restored_backup_invalidates_pages(
    client, make_article, settings, tmp_path, django_capture_on_commit_callbacks
):
    from kb.site.backup import make_backup, restore_backup

    settings.MEDIA_ROOT = tmp_path / "media"
    article = make_article(title="备份时的标题")
    make_backup(tmp_path / "b.tar.gz")
    Article.objects.filter(pk=article.pk).update(title="备份后改的标题")
    ContentVersion.objects.filter(pk=1).update(value=F("value") + 1)
    assert "备份后改的标题" in client.get(article.get_absolute_url()).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        restore_backup(tmp_path / "b.tar.gz")
    assert "备份时的标题" in client.get(article.get_absolute_url()).content.decode()


# With REDIS_URL the version is one key of the shared cache: no query on a hit.
@pytest.fixture
def redis_cache(settings):
    import redis

    prefix = services.key_prefix()
    settings.REDIS_URL = services.REDIS_URL
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": services.REDIS_URL,
            "KEY_PREFIX": prefix,
        },
    }
    yield
    services.delete_keys(redis.Redis.from_url(services.REDIS_URL), prefix + "*")


@pytest.mark.redis
def test_it_serves_a_hit_without_a_database_query_when_redis_keeps_the_version(
    client, make_article, redis_cache, django_assert_num_queries
):
    article = make_article(title="借呗逾期的后果")
    assert client.get(article.get_absolute_url())["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        assert client.get(article.get_absolute_url())["X-Page-Cache"] == "hit"


@pytest.mark.redis
def test_it_shows_an_edit_on_the_next_request_when_redis_keeps_the_version(
    client, make_article, redis_cache, django_capture_on_commit_callbacks
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
def test_it_shows_a_scheduled_article_on_time_when_redis_keeps_the_version(
    client, make_article, redis_cache, django_capture_on_commit_callbacks
):
    from django.core.cache import cache

    from kb.core.content_version import NEXT_KEY

    soon = timezone.now() + timezone.timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(title="定时发布的文章", published_at=soon)
    assert "定时发布的文章" not in client.get("/").content.decode()
    past = timezone.now() - timezone.timedelta(seconds=1)
    Article.objects.filter(pk=article.pk).update(published_at=past)
    cache.set(NEXT_KEY, past, timeout=None)
    assert "定时发布的文章" in client.get("/").content.decode()
