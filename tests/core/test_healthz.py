import os
import subprocess
import sys

import pytest
from django.conf import settings

from tests.services import REDIS_URL


def test_it_answers_200_when_database_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}


def test_it_answers_503_when_database_fails():
    """A real outage: the site started against a database server that is not there."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kb.settings",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:1/nowhere",
        "DATABASE_REPLICA_URL": "",
        "REDIS_URL": "",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "healthz-test",
        "DJANGO_ALLOWED_HOSTS": "testserver",
    }
    script = (
        "import django; django.setup()\n"
        "from django.test import Client\n"
        "r = Client().get('/healthz')\n"
        "print(r.status_code, r.json()['database'])\n"
        "r = Client().get('/healthz?strict=1')\n"
        "print(r.status_code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["503", "unavailable", "503"]


@pytest.mark.redis
def test_it_reports_redis_when_configured(client, db, settings):
    settings.REDIS_URL = REDIS_URL
    response = client.get("/healthz?strict=1")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}


def test_it_keeps_the_node_in_service_when_redis_is_down(client, db, settings):
    """Readers are still served without the cache: a dead Redis must not take every node out."""
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "unavailable"}


def test_it_answers_503_when_strict_and_redis_is_down(client, db, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    response = client.get("/healthz?strict=1")
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "unavailable"}
