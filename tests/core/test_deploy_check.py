"""`manage.py check --deploy` is clean with the documented production environment."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_check(tmp_path, **env) -> subprocess.CompletedProcess:
    base = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    base.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="kb.example.com",
        DATABASE_URL=f"sqlite:///{tmp_path / 'check.sqlite3'}",
    )
    base.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=base,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    "extra",
    [
        {},
        {"DJANGO_SECURE_SSL_REDIRECT": "1", "DJANGO_BEHIND_PROXY": "1"},
    ],
    ids=["tls-at-proxy", "ssl-redirect-behind-proxy"],
)
def test_it_reports_no_issues_in_production(tmp_path, extra):
    result = run_check(tmp_path, **extra)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_it_flags_debug_mode(tmp_path):
    result = run_check(tmp_path, DJANGO_DEBUG="1")
    assert result.returncode != 0
    assert "security.W018" in result.stdout + result.stderr
