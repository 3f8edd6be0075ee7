from django.utils import timezone

from kb.core.pagecache import seconds_until_next_publication


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


def test_cache_entries_expire_when_a_scheduled_article_goes_live(make_article):
    make_article(published_at=timezone.now() + timezone.timedelta(seconds=90))
    assert 1 <= seconds_until_next_publication(600) <= 91
