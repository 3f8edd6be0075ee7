from django.utils import timezone

from kb.articles.models import Article


def test_it_shows_a_published_article(client, make_article):
    article = make_article(
        title="借呗逾期了，花呗还能用吗？", short_answer="通常短期逾期影响有限。"
    )
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "借呗逾期了，花呗还能用吗？" in html
    assert "通常短期逾期影响有限。" in html
    assert "本文依据的法律" in html


def test_it_hides_drafts_from_the_public(client, make_article):
    article = make_article(status=Article.Status.DRAFT)
    assert client.get(article.get_absolute_url()).status_code == 404


def test_it_hides_scheduled_articles_until_their_time(client, make_article):
    article = make_article(published_at=timezone.now() + timezone.timedelta(hours=2))
    assert client.get(article.get_absolute_url()).status_code == 404


def test_it_lets_staff_preview_drafts(staff_client, make_article):
    article = make_article(status=Article.Status.DRAFT)
    response = staff_client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "预览" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_it_404s_on_unknown_slug(client, db):
    response = client.get("/articles/no-such-article/")
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()
