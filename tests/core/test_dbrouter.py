import copy

import pytest
from django.db import transaction

from kb.articles.models import Article
from kb.core.dbrouter import ReplicaRouter


@pytest.fixture
def with_replica(settings):
    settings.DATABASES = {
        **settings.DATABASES,
        "replica": copy.deepcopy(settings.DATABASES["default"]),
    }


def test_it_reads_from_the_primary_without_a_replica(db):
    assert ReplicaRouter().db_for_read(Article) == "default"


def test_it_reads_from_the_replica_when_configured(transactional_db, with_replica):
    assert ReplicaRouter().db_for_read(Article) == "replica"


def test_it_writes_to_the_primary(db, with_replica):
    assert ReplicaRouter().db_for_write(Article) == "default"


def test_it_reads_from_the_primary_inside_a_transaction(transactional_db, with_replica):
    with transaction.atomic():
        assert ReplicaRouter().db_for_read(Article) == "default"


def test_it_migrates_only_the_primary(db, with_replica):
    router = ReplicaRouter()
    assert router.allow_migrate("default", "articles")
    assert not router.allow_migrate("replica", "articles")


def test_settings_add_the_replica_alias_from_the_environment(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    db_url = f"sqlite:///{tmp_path / 'kb.sqlite3'}"
    env = {
        **os.environ,
        "DJANGO_DEBUG": "1",
        "DATABASE_URL": db_url,
        "DATABASE_REPLICA_URL": db_url,
    }
    code = "from kb.articles.models import Article; print(Article.objects.all().db)"
    out = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip().splitlines()[-1] == "replica"
