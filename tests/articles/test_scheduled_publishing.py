"""A future publish date shows the article from that moment, with no cron job."""

import datetime as dt

from django.utils import timezone

from kb.articles.models import Article


def test_it_hides_a_scheduled_article_until_its_time_then_shows_it(
    client, make_article, monkeypatch
):
    go_live = timezone.now() + dt.timedelta(hours=2)
    article = make_article(published_at=go_live)
    assert not Article.objects.published().filter(pk=article.pk).exists()
    assert client.get(article.get_absolute_url()).status_code == 404

    later = go_live + dt.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert Article.objects.published().filter(pk=article.pk).exists()
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert article.title in response.content.decode()


def test_it_never_shows_drafts_or_articles_under_review(make_article):
    past = timezone.now() - dt.timedelta(days=1)
    make_article(status=Article.Status.DRAFT, published_at=past)
    make_article(status=Article.Status.REVIEW, published_at=past)
    assert not Article.objects.published().exists()
