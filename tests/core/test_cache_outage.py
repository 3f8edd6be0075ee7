"""The page cache while Redis, which keeps the content version, is cut (tests/forwarder.py
between the site and the test Redis): pages are served and rendered without it, and an edit
made meanwhile shows at once in its process and everywhere once Redis is back."""

import pytest
import redis

from kb.core import redis_cache
from tests import services
from tests.forwarder import Forwarder


@pytest.fixture
def redis_link(settings, monkeypatch):
    host, port = services.REDIS_URL.split("//", 1)[1].split("/", 1)[0].split(":")
    link = Forwarder((host, int(port)))
    prefix = services.key_prefix()
    url = services.REDIS_URL.replace(f"{host}:{port}", f"127.0.0.1:{link.port}")
    settings.REDIS_URL = url
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "kb.core.redis_cache.FailSoftRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": prefix,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        },
    }
    monkeypatch.setattr(redis_cache, "RETRY_SECONDS", 0.0)  # ask Redis again at once
    yield link
    link.close()
    services.delete_keys(redis.Redis.from_url(services.REDIS_URL), prefix + "*")


@pytest.mark.redis
def test_it_serves_and_renders_pages_while_redis_is_cut(client, make_article, redis_link):
    seen = make_article(title="借呗逾期的后果")
    unseen = make_article(title="花呗逾期会上征信吗")
    client.get(seen.get_absolute_url())
    redis_link.cut()
    for _ in range(2):
        for article in (seen, unseen):
            response = client.get(article.get_absolute_url())
            assert response.status_code == 200
            assert article.title in response.content.decode()


@pytest.mark.redis
def test_an_edit_saved_while_redis_is_cut_shows_once_it_is_back(
    client, make_article, redis_link, django_capture_on_commit_callbacks
):
    article = make_article(title="修改之前的标题")
    client.get(article.get_absolute_url())
    assert client.get(article.get_absolute_url())["X-Page-Cache"] == "hit"
    redis_link.cut()
    with django_capture_on_commit_callbacks(execute=True):
        article.title = "修改之后的标题"
        article.save()
    assert "修改之后的标题" in client.get(article.get_absolute_url()).content.decode()
    redis_link.restore()
    response = client.get(article.get_absolute_url())
    assert "修改之后的标题" in response.content.decode()
    assert response["X-Page-Cache"] == "miss"
