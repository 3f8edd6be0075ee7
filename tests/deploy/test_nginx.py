"""nginx with the shipped config (deploy/nginx.conf.template) in front of the site.

The site runs in pytest-django's live server; nginx, rendered from the template like envsubst
does, runs for real on a free port in a folder of its own. Gunicorn "stopped" is nginx reloaded
with its upstream pointing at a port nobody listens on: to nginx the same refused connection.
"""

import time
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from kb.articles.models import Article
from tests.deploy.nginx_site import Nginx, fetch, free_port
from tests.letters.answers import CREDIT_OBJECTION
from tests.letters.conftest import letter_url, letters  # noqa: F401  (the shipped letter texts)

pytestmark = pytest.mark.nginx
MICROCACHE_SECONDS = 10


@pytest.fixture
def site(live_server, transactional_db, settings):
    settings.ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
    nginx = Nginx(urlsplit(live_server.url).netloc)
    yield nginx
    nginx.stop()


@pytest.fixture
def editor_cookie(transactional_db) -> str:
    user = get_user_model().objects.create_user("nginx-editor", password="pw", is_staff=True)
    user.is_superuser = True
    user.save()
    client = Client()
    client.force_login(user)
    return f"sessionid={client.cookies['sessionid'].value}"


def test_it_serves_a_repeated_page_from_its_cache(site, make_article):
    url = site.base + make_article(title="借呗逾期的后果").get_absolute_url()
    first, second = fetch(url), fetch(url)
    assert first.status == second.status == 200
    assert first.headers["X-Cache-Status"] == "MISS"
    assert second.headers["X-Cache-Status"] == "HIT"
    assert "借呗逾期的后果" in second.text
    assert second.headers["Content-Security-Policy"]  # Django's headers are kept with it


def test_it_serves_static_files_itself(site, db):
    hashed = site.static_root / "css" / "site.0123456789ab.css"
    hashed.parent.mkdir(mode=0o755)
    hashed.write_text("body { color: #222; }")
    answer = fetch(f"{site.base}/static/css/site.0123456789ab.css")
    assert answer.status == 200 and answer.text == "body { color: #222; }"
    assert "immutable" in answer.headers["Cache-Control"]
    assert "X-Cache-Status" not in answer.headers  # never asked Django
    assert fetch(f"{site.base}/static/css/nowhere.css").status == 404


def test_the_health_check_always_reaches_django(site, db):
    for _ in range(2):
        answer = fetch(f"{site.base}/healthz")
        assert answer.status == 200 and "X-Cache-Status" not in answer.headers


def test_an_edit_shows_through_nginx_within_its_ten_seconds(site, make_article):
    article = make_article(title="修改之前的标题")
    url = site.base + article.get_absolute_url()
    assert "修改之前的标题" in fetch(url).text
    assert fetch(url).headers["X-Cache-Status"] == "HIT"
    article.title = "修改之后的标题"
    article.save()
    saved = time.monotonic()
    while "修改之后的标题" not in fetch(url).text:
        assert time.monotonic() - saved < MICROCACHE_SECONDS + 3, "the edit never showed"
        time.sleep(0.25)


def test_signed_in_editors_and_the_admin_are_never_cached(site, make_article, editor_cookie):
    url = site.base + make_article(title="编辑看到的页面").get_absolute_url()
    for _ in range(2):
        answer = fetch(url, Cookie=editor_cookie)
        assert answer.status == 200 and answer.headers["X-Cache-Status"] == "BYPASS"
        admin = fetch(f"{site.base}/admin/", Cookie=editor_cookie)
        assert admin.status == 200 and admin.headers["X-Cache-Status"] == "BYPASS"
        login = fetch(f"{site.base}/admin/login/")  # anonymous, but Django says never_cache
        assert login.status == 200 and login.headers["X-Cache-Status"] == "MISS"
    # What the editor was sent was not kept for readers.
    assert fetch(url).headers["X-Cache-Status"] == "MISS"


def test_the_preview_of_a_draft_is_never_cached(site, make_article, editor_cookie):
    draft = make_article(title="尚未发布的草稿", status=Article.Status.DRAFT)
    url = site.base + draft.get_absolute_url()
    preview = fetch(url, Cookie=editor_cookie)
    assert preview.status == 200 and "尚未发布的草稿" in preview.text
    for _ in range(2):
        reader = fetch(url)
        assert reader.status == 404 and "尚未发布的草稿" not in reader.text


def test_with_gunicorn_down_it_serves_pages_it_has_seen(site, make_article):
    seen = site.base + make_article(title="看过的文章").get_absolute_url()
    unseen = site.base + make_article(title="没看过的文章").get_absolute_url()
    assert fetch(seen).status == 200
    site.reload(f"127.0.0.1:{free_port()}")
    deadline = time.monotonic() + 10
    while fetch(f"{site.base}/healthz").status == 200:  # until the reloaded workers answer
        assert time.monotonic() < deadline, "nginx did not reload"
        time.sleep(0.1)
    answer = fetch(unseen)
    assert answer.status == 502
    assert "暂时无法访问，请稍后再试" in answer.text
    kept = fetch(seen)
    assert kept.status == 200 and "看过的文章" in kept.text
    assert kept.headers["X-Cache-Status"] in ("HIT", "STALE")


@pytest.mark.usefixtures("letters")
def test_a_filled_letter_is_never_kept_nor_logged_with_the_reader_s_values(site):
    marker = "夏Qx5280"
    url = site.base + letter_url("credit-objection", {**CREDIT_OBJECTION, "name": marker})
    for _ in range(2):
        answer = fetch(url)
        assert answer.status == 200 and marker in answer.text
        assert answer.headers["X-Cache-Status"] == "MISS"  # asked of Django every time
        assert {"private", "no-store"} <= {
            p.strip() for p in answer.headers["Cache-Control"].split(",")
        }
        assert answer.headers["Referrer-Policy"] == "no-referrer"
    other = fetch(
        site.base + letter_url("credit-objection", {**CREDIT_OBJECTION, "name": "另一人"})
    )
    assert marker not in other.text
    fetch(site.base + "/laws/", Referer=url)  # a link followed from the letter
    log = site.access_log()
    assert "/letters/credit-objection/" in log and "/laws/" in log
    assert "go=1" not in log and "name=" not in log  # paths only, referers included
