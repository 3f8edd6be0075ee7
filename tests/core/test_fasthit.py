"""Page-cache hits answered before Django (kb/core/fasthit.py, wrapped around kb.wsgi).

Each test drives the WSGI application as gunicorn does and compares a hit served by the fast
path with the same hit served through Django's middleware: same status, headers (in order)
and bytes.
"""

import io

import pytest
from django.core import signals
from django.db import close_old_connections

from kb.core.fasthit import with_page_cache
from tests.redis_push import cut_connection, wait_for_redis_push
from tests.services import REDIS_URL as TEST_REDIS_URL
from tests.services import delete_keys

pytestmark = pytest.mark.redis


@pytest.fixture
def apps(settings):
    """(Django's WSGI app, the wrapped app, the list of requests that reached Django)."""
    import redis

    from kb.core.pagecache import PAGE_PREFIX
    from kb.wsgi import django_application

    settings.PAGE_CACHE_SECONDS = 300
    settings.REDIS_URL = TEST_REDIS_URL
    redis_client = redis.Redis.from_url(TEST_REDIS_URL)
    delete_keys(redis_client, PAGE_PREFIX + "*")  # the version and pages, in the test Redis
    reached = []

    def django_app(environ, start_response):
        reached.append(environ["PATH_INFO"])
        return django_application(environ, start_response)

    # As Django's test client does: the test's transaction must outlive each request.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield django_application, with_page_cache(django_app), reached
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)
    delete_keys(redis_client, PAGE_PREFIX + "*")


def call(app, path: str, method: str = "GET", **headers: str):
    path, _, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path.encode().decode("latin-1"),
        "QUERY_STRING": query,
        "SCRIPT_NAME": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "testserver",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": io.StringIO(),
        **{"HTTP_" + name.upper(): value for name, value in headers.items()},
    }
    started = {}

    def start_response(status, response_headers, exc_info=None):
        started["status"], started["headers"] = status, response_headers

    result = app(environ, start_response)
    body = b"".join(result)
    if hasattr(result, "close"):
        result.close()
    return started["status"], started["headers"], body


def test_it_serves_a_stored_page_with_the_bytes_and_headers_django_sends(
    apps, make_article, settings
):
    django_app, app, reached = apps
    article = make_article(title="借呗逾期的后果")
    paths = (
        article.get_absolute_url(),
        "/",
        "/zh-hant" + article.get_absolute_url(),
    )  # search results are never stored (kb/search/views.py: never_cache)
    for path in paths:
        for encoding in ("gzip, deflate, br", "identity"):
            stored = call(django_app, path, accept_encoding=encoding)
            assert ("X-Page-Cache", "miss") in stored[1]
            through_django = call(django_app, path, accept_encoding=encoding)
            reached.clear()
            fast = call(app, path, accept_encoding=encoding)
            again = call(app, path, accept_encoding=encoding)  # from this process's store
            assert reached == []
            assert fast == through_django == again
            assert fast[0] == "200 OK"
            headers = dict(fast[1])
            assert headers["X-Page-Cache"] == "hit"
            assert "Content-Security-Policy" in headers
            assert headers["X-Content-Type-Options"] == "nosniff"
            assert "ETag" in headers
            if encoding.startswith("gzip"):
                assert headers["Content-Encoding"] == "gzip"
                assert "Accept-Encoding" in headers["Vary"]
            else:
                assert "Content-Encoding" not in headers


def test_it_answers_a_matching_etag_with_the_same_304(apps, make_article):
    django_app, app, reached = apps
    url = make_article().get_absolute_url()
    etag = dict(call(django_app, url, accept_encoding="gzip")[1])["ETag"]
    through_django = call(django_app, url, accept_encoding="gzip", if_none_match=etag)
    reached.clear()
    fast = call(app, url, accept_encoding="gzip", if_none_match=etag)
    assert reached == []
    assert fast == through_django
    assert fast[0] == "304 Not Modified" and fast[2] == b""
    # The plain copy has its own ETag: a gzip ETag does not validate it.
    call(django_app, url)
    assert call(app, url, if_none_match=etag)[0] == "200 OK"


def test_it_answers_head_with_the_headers_and_no_body(apps, make_article):
    django_app, app, reached = apps
    url = make_article().get_absolute_url()
    call(django_app, url, accept_encoding="gzip")
    status, headers, _ = call(django_app, url, "HEAD", accept_encoding="gzip")
    reached.clear()
    fast = call(app, url, "HEAD", accept_encoding="gzip")
    assert reached == []
    assert fast == (status, headers, b"")
    assert int(dict(headers)["Content-Length"]) > 0


def test_it_sends_hsts_on_https_hits_as_django_does(apps, make_article, settings):
    # SecurityMiddleware reads SECURE_HSTS_SECONDS once, when Django's handler is built.
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    if not settings.SECURE_HSTS_SECONDS:
        pytest.skip("HSTS is off in these settings (DJANGO_DEBUG=1)")
    django_app, app, reached = apps
    url = make_article().get_absolute_url()
    call(django_app, url, x_forwarded_proto="https")
    through_django = call(django_app, url, x_forwarded_proto="https")
    reached.clear()
    fast = call(app, url, x_forwarded_proto="https")
    assert reached == []
    assert fast == through_django
    assert "Strict-Transport-Security" in dict(fast[1])
    # The http copy is another page: not stored yet, so Django answers.
    assert ("X-Page-Cache", "miss") in call(app, url)[1]


def test_it_leaves_staff_unknown_hosts_misses_and_private_pages_to_django(
    apps, make_article, settings
):
    django_app, app, reached = apps
    url = make_article(title="公开标题").get_absolute_url()
    call(django_app, url)
    reached.clear()
    session = f"{settings.SESSION_COOKIE_NAME}=abc"
    assert "X-Page-Cache" not in dict(call(app, url, cookie=session)[1])
    assert call(app, url, host="evil.example")[0].startswith("400")
    assert ("X-Page-Cache", "miss") in call(app, url + "?page=2")[1]
    for _ in range(2):  # rate tool results are no-store: never stored, never served here
        headers = dict(call(app, "/tools/rate/?principal=10000")[1])
        assert "no-store" in headers["Cache-Control"] and "X-Page-Cache" not in headers
    assert len(reached) == 5


def test_it_leaves_requests_to_django_when_redis_is_down(apps, make_article, settings):
    django_app, app, reached = apps
    url = make_article().get_absolute_url()
    call(django_app, url)
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    reached.clear()
    assert call(app, url)[0] == "200 OK"
    assert reached == [url]


def served_fast(apps, make_article, title: str):
    """(article, URL): an article page stored by Django, then served by the fast path."""
    django_app, app, reached = apps
    article = make_article(title=title)
    url = article.get_absolute_url()
    call(django_app, url)
    assert title in call(app, url)[2].decode()
    assert reached == []
    return article, url


def test_it_shows_an_edit_committed_by_another_server_on_the_next_request(apps, make_article):
    import redis

    from kb.articles.models import Article
    from kb.core.pagecache import REDIS_VERSION, forget_stored_pages

    _, app, reached = apps
    article, url = served_fast(apps, make_article, "另一台服务器修改前")
    # What that server's save commits: the row, a new key for the stored article page, and
    # (once committed) the version in Redis.
    Article.objects.filter(pk=article.pk).update(title="另一台服务器修改后")
    forget_stored_pages([article.pk])
    redis.Redis.from_url(TEST_REDIS_URL).incr(REDIS_VERSION)
    wait_for_redis_push()
    status, headers, body = call(app, url)
    assert reached == [url]
    assert ("X-Page-Cache", "miss") in headers
    assert "另一台服务器修改后" in body.decode() and "另一台服务器修改前" not in body.decode()


def test_it_shows_its_own_edit_on_the_next_request(
    apps, make_article, django_capture_on_commit_callbacks
):
    app = apps[1]
    article, url = served_fast(apps, make_article, "本进程修改前")
    with django_capture_on_commit_callbacks(execute=True):
        article.title = "本进程修改后"
        article.save()
    body = call(app, url)[2].decode()
    assert "本进程修改后" in body and "本进程修改前" not in body


def test_it_asks_redis_again_after_losing_its_connection(apps, make_article):
    """Changes made while the tracking connection was down were never pushed."""
    import redis

    from kb.articles.models import Article
    from kb.core.pagecache import REDIS_VERSION, _tracked, forget_stored_pages

    app = apps[1]
    article, url = served_fast(apps, make_article, "断线前")
    other = redis.Redis.from_url(TEST_REDIS_URL)
    cut_connection(_tracked())
    Article.objects.filter(pk=article.pk).update(title="断线后")
    forget_stored_pages([article.pk])
    other.incr(REDIS_VERSION)
    for _ in range(2):  # the lost connection is noticed, then a new one reads the version
        body = call(app, url)[2].decode()
        assert "断线后" in body and "断线前" not in body


def test_its_store_keeps_one_version_and_drops_the_oldest_pages_beyond_its_limit():
    from kb.core.fasthit import Finished, LocalPages

    store = LocalPages(limit=25)
    page = Finished("200 OK", [], b"x" * 10)
    assert store.get(1, "a") is None
    for spec in "abc":
        store.put(1, spec, '"etag"', page)
    assert store.get(1, "a") is None  # the oldest, dropped for the third
    assert store.get(1, "b") == store.get(1, "c") == ('"etag"', page)
    assert store.get(2, "b") is None  # a new version empties the store
    store.put(1, "b", '"etag"', page)  # fetched under the old version: not kept
    assert store.get(2, "b") is None
    for _ in range(3):  # the same page stored again counts once
        store.put(2, "b", '"etag"', page)
    store.put(2, "c", '"etag"', page)
    assert store.get(2, "b") and store.get(2, "c") and store.size == 20
