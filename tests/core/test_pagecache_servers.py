"""An edit saved by one process shows on the next request in every gunicorn worker.

Real processes, as deployed (docs/deploy.md): `gunicorn kb.wsgi -w 2` with the page cache and
the content version in Redis, and the edit saved by another long-lived Django process (like a
second app server where an editor pressed 保存). Each worker keeps the version and the pages it
has served in memory (kb/core/trackedversion.py, kb/core/fasthit.py); Redis' push must reach
both before the reader's next request.
"""

import subprocess
import sys
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import redis

from tests.bench_database import use_suite_backend
from tests.services import REDIS_URL as TEST_REDIS_URL
from tests.services import delete_keys

pytestmark = pytest.mark.redis
SITE_KEYS = "kb:*"  # the servers' cache (KEY_PREFIX "kb") and page cache, in the test Redis
SLUG = "jiebei-yuqi-huabei-hai-neng-yong-ma"


@pytest.fixture
def site(monkeypatch):
    """(base URL, environment of the servers' processes) for a prepared site under gunicorn."""
    import pages

    client = redis.Redis.from_url(TEST_REDIS_URL)
    delete_keys(client, SITE_KEYS)
    use_suite_backend(monkeypatch, "servers")
    with pages.prepared_database(smoke=True, articles=0, prefix="kb-servers-") as (url, _):
        env = pages.site_env(url, PAGE_CACHE_SECONDS="600", REDIS_URL=TEST_REDIS_URL)
        with pages.gunicorn("kb.wsgi", env) as base:
            yield base, env
    delete_keys(client, SITE_KEYS)


def read_many(url: str, times: int = 24) -> list[tuple[str, str]]:
    """(X-Page-Cache, body) of `times` requests, eight at a time so both workers answer."""

    def one(_):
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.headers.get("X-Page-Cache", ""), response.read().decode()

    with ThreadPoolExecutor(8) as pool:
        return list(pool.map(one, range(times)))


EDITOR = f"""
import os, sys
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kb.settings")
import django
django.setup()
from kb.articles.models import Article
for title in iter(sys.stdin.readline, ""):
    article = Article.objects.get(slug={SLUG!r})
    article.title = title.strip()
    article.save()
    print("saved", flush=True)
"""


@pytest.fixture
def editor(site):
    """Another process that saves a new title for each line it is sent (a second app server);
    it stays up, so an edit takes milliseconds and the readers follow it at once."""
    _, env = site
    root = Path(__file__).resolve().parents[2]
    process = subprocess.Popen(
        [sys.executable, "-c", EDITOR],
        cwd=root,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )

    def save_title(title: str) -> None:
        process.stdin.write(title + "\n")
        process.stdin.flush()
        assert process.stdout.readline() == "saved\n"

    yield save_title
    process.stdin.close()
    process.wait(timeout=10)


def test_every_worker_shows_an_edit_from_another_process_on_the_next_request(site, editor):
    base, _ = site
    url = f"{base}/articles/{SLUG}/"
    editor("修改前的标题")
    for n in range(3):
        assert any(cache == "hit" for cache, _ in read_many(url))  # every worker holds it
        title = f"第{n}次修改后的标题"
        editor(title)
        answers = read_many(url)
        assert all(title in body for _, body in answers), n
