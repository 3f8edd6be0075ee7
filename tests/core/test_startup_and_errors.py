"""Production refuses to start without its secrets; a crash gets the Chinese 500 page."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def start_wsgi(tmp_path, **env) -> subprocess.CompletedProcess:
    """Import kb.wsgi the way `gunicorn kb.wsgi` does, in a clean environment."""
    base = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    base.update(DATABASE_URL=f"sqlite:///{tmp_path / 'start.sqlite3'}", **env)
    return subprocess.run(
        [sys.executable, "-c", "import kb.wsgi; print('started')"],
        cwd=ROOT,
        env=base,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_it_starts_in_production_with_a_secret_key_and_hosts(tmp_path):
    result = start_wsgi(
        tmp_path,
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="k" * 50,
        DJANGO_ALLOWED_HOSTS="kb.example.com",
    )
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


@pytest.mark.parametrize("debug", [None, "0"], ids=["debug-unset", "debug-0"])
def test_it_refuses_to_start_in_production_without_a_secret_key(tmp_path, debug):
    env = {"DJANGO_ALLOWED_HOSTS": "kb.example.com"}
    if debug is not None:
        env["DJANGO_DEBUG"] = debug
    result = start_wsgi(tmp_path, **env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is required" in result.stderr
    assert "started" not in result.stdout


def test_it_refuses_an_empty_secret_key_and_missing_hosts(tmp_path):
    empty = start_wsgi(tmp_path, DJANGO_DEBUG="0", DJANGO_SECRET_KEY="", DJANGO_ALLOWED_HOSTS="x")
    assert empty.returncode != 0
    assert "DJANGO_SECRET_KEY is required" in empty.stderr
    hostless = start_wsgi(tmp_path, DJANGO_DEBUG="0", DJANGO_SECRET_KEY="k" * 50)
    assert hostless.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS is required" in hostless.stderr


def test_it_answers_a_crash_with_the_chinese_500_page(client, db, monkeypatch):
    from kb.articles import pages

    def broken():
        raise RuntimeError("simulated failure")

    monkeypatch.setattr(pages, "home_context", broken)
    client.raise_request_exception = False
    response = client.get("/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "服务器出错了" in html
    assert 'lang="zh-Hans"' in html
    assert "simulated failure" not in html
