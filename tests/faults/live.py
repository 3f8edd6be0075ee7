"""A PostgreSQL database of the fault tests' own, and the site served from it by gunicorn.

The database (`kb_faults_<random>` on the real PostgreSQL at 127.0.0.1:5432, whatever the
suite's DATABASE_URL) is migrated and given a little content once, and dropped afterwards.
Each scenario starts gunicorn with production settings (DJANGO_DEBUG=0) reaching PostgreSQL,
and Redis when asked, through forwarders (tests/forwarder.py) the test can break.
"""

import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

from tests.deploy.nginx_site import free_port
from tests.forwarder import Forwarder

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
POSTGRES = ("127.0.0.1", 5432)
ADMIN_URL = f"postgresql://postgres@{POSTGRES[0]}:{POSTGRES[1]}/postgres"
SEEN = ["网贷逾期被起诉怎么办", "借呗逾期的后果", "信用卡协商还款"]
UNSEEN = ["花呗逾期会上征信吗", "催收电话打给家人怎么办"]
CONTENT = f"""
from django.utils import timezone
from kb.articles.models import Article, Category
category = Category.objects.create(name="网贷逾期", slug="wangdai-yuqi")
for n, title in enumerate({SEEN + UNSEEN!r}):
    Article.objects.create(
        title=title, short_answer="简短回答。", body="## 要点\\n\\n正文。", category=category,
        status=Article.Status.PUBLISHED, published_at=timezone.now() - timezone.timedelta(days=1),
    )
for article in Article.objects.order_by("pk"):
    print(article.get_absolute_url())
"""


def postgres_answers() -> bool:
    try:
        psycopg.connect(ADMIN_URL, connect_timeout=2).close()
    except psycopg.Error:
        return False
    return True


def settings_env(**extra: str) -> dict[str, str]:
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DATABASE_", "REDIS_", "DJANGO_", "PAGE_CACHE"))
    }
    return {
        **env,
        "DJANGO_SETTINGS_MODULE": "tests.faults.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "faults-test-only",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_LOG_LEVEL": "CRITICAL",
        **extra,
    }


def manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    if done.returncode != 0:
        raise RuntimeError(f"manage.py {args[0]} failed:\n{done.stderr[-3000:]}")
    return done.stdout


@dataclass
class Database:
    name: str
    urls: list[str] = field(default_factory=list)  # the articles' paths, SEEN then UNSEEN

    def create(self) -> None:
        with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{self.name}"')
        env = settings_env(DATABASE_URL=self.url(POSTGRES[1]))
        manage(env, "migrate", "--noinput", "--skip-checks")
        printed = manage(env, "shell", "-c", CONTENT).split()
        self.urls = [line for line in printed if line.startswith("/")]

    def drop(self) -> None:
        with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def url(self, port: int) -> str:
        return f"postgres://postgres@127.0.0.1:{port}/{self.name}"


def new_database() -> Database:
    return Database(f"kb_faults_{uuid.uuid4().hex[:10]}")


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    text: str
    seconds: float


def fetch(url: str, timeout: float = 15, **headers: str) -> Answer:
    started = time.monotonic()
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, answer_headers, body = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, answer_headers, body = error.code, error.headers, error.read()
    return Answer(status, dict(answer_headers), body.decode(), time.monotonic() - started)


class Site:
    """gunicorn (production settings) serving `database` through a forwarder, and Redis
    (REDIS_URL, its own key prefix) through another when `redis_url` is given."""

    def __init__(self, database: Database, redis_url: str = "", workers: int = 1):
        self.database = Forwarder(POSTGRES)
        self.redis: Forwarder | None = None
        extra = {"DATABASE_URL": database.url(self.database.port)}
        if redis_url:
            host, port = redis_url.split("//", 1)[1].split("/", 1)[0].split(":")
            self.redis = Forwarder((host, int(port)))
            self.key_prefix = f"kb-test:faults-{uuid.uuid4().hex[:10]}"
            extra["REDIS_URL"] = redis_url.replace(f"{host}:{port}", f"127.0.0.1:{self.redis.port}")
            extra["REDIS_KEY_PREFIX"] = self.key_prefix
        port = free_port()
        self.base = f"http://127.0.0.1:{port}"
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            [GUNICORN, "kb.wsgi", "-w", str(workers), "-b", f"127.0.0.1:{port}"]
            + ["--log-level", "warning", "--timeout", "30"],
            cwd=ROOT,
            env=settings_env(**extra),
            stdout=subprocess.DEVNULL,
            stderr=self.log,
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                if fetch(self.base + "/healthz", timeout=5).status == 200:
                    return
            except OSError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                errors = self.errors()
                self.stop()
                raise RuntimeError(f"gunicorn did not start:\n{errors}")
            time.sleep(0.2)

    def get(self, path: str, **headers: str) -> Answer:
        return fetch(self.base + path, **headers)

    def errors(self) -> str:
        self.log.seek(0)
        return self.log.read().decode(errors="replace")[-3000:]

    def stop(self) -> None:
        self.process.send_signal(signal.SIGINT)  # gunicorn's quick shutdown
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()
        self.database.close()
        if self.redis:
            self.redis.close()
