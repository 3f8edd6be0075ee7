"""A scheduled article (published, date in the future) appears on no public listing until its
time, then on all of them, with no cron job: home, category, tag, feeds, sitemap, search, the
search API, month archive, related and previous/next on a live article, the article API, the
provision page's 引用本条的文章, and the 繁體 mirror."""

import datetime as dt

import pytest
from django.utils import timezone

from kb.articles.models import Tag
from tests.laws.factories import make_law, make_provisions

LIVE = "借呗逾期协商还款的步骤"
SCHEDULED = "借呗逾期定时发布的新文章"


@pytest.fixture
def pair(make_article):
    make_provisions(make_law(), [675])
    tag = Tag.objects.create(name="借呗", slug="jiebei")
    now = timezone.now()
    body = "## 要点\n\n借呗逾期依照《民法典》第六百七十五条按期还款。"
    live = make_article(title=LIVE, body=body, published_at=now - dt.timedelta(hours=3))
    scheduled = make_article(title=SCHEDULED, body=body, published_at=now + dt.timedelta(hours=2))
    for article in (live, scheduled):
        article.tags.add(tag)
    live.related.add(scheduled)  # hand-picked, so it would come first if it leaked
    return live, scheduled


def listings(live, scheduled) -> dict[str, str]:
    local = timezone.localtime(live.published_at)
    return {
        "home": "/",
        "category": live.category.get_absolute_url(),
        "tag": "/tag/jiebei/",
        "feed": "/feed/",
        "category feed": f"{live.category.get_absolute_url()}feed/",
        "sitemap": "/sitemap.xml",
        "search": "/search/?q=借呗逾期",
        "search api": "/api/search/?q=借呗逾期",
        "archive": f"/archive/{local.year:04d}/{local.month:02d}/",
        "related and previous/next": live.get_absolute_url(),
        "provision page": "/laws/minfadian/675/",
        "繁體 home": "/zh-hant/",
        "繁體 provision page": "/zh-hant/laws/minfadian/675/",
    }


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_it_keeps_a_scheduled_article_off_every_public_listing(client, pair):
    live, scheduled = pair
    for name, url in listings(live, scheduled).items():
        html = page(client, url)
        assert live.slug in html, name  # the listing works: the live article is on it
        assert scheduled.slug not in html and SCHEDULED not in html, name
    assert client.get(f"/api/articles/{scheduled.slug}/").status_code == 404
    assert client.get(scheduled.get_absolute_url()).status_code == 404


def test_it_lists_the_article_everywhere_once_its_time_has_come(client, pair, monkeypatch):
    from django.core.cache import cache

    live, scheduled = pair
    later = scheduled.published_at + dt.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    cache.clear()  # the page cache's own expiry at publication is tested in test_pagecache
    for name, url in listings(live, scheduled).items():
        if name.startswith("繁體"):
            continue  # the mirror converts the title; the slug is in its links either way
        html = page(client, url)
        assert scheduled.slug in html, name
    assert client.get(f"/api/articles/{scheduled.slug}/").status_code == 200
