"""What the suite needs from the machine besides Python: Redis, nginx, Chromium, wrk.

`make test` installs and starts them (scripts/test-deps.sh). Where one is still missing, the
tests that need it (markers `redis`, `nginx`, `browser`; `needs_wrk`) are skipped with a reason
that starts with MISSING, and CI (`CI` set, as .ci/run does) fails on any such skip
(tests/conftest.py). Redis tests use the database KB_TEST_REDIS_URL names and keys of their own.
"""

import functools
import os
import shutil
import uuid
from pathlib import Path

import pytest
import redis

MISSING = "missing service: "
REDIS_URL = os.environ.get("KB_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
CHROMIUM = Path("/usr/bin/chromium")
SETUP_HINT = "make test starts and installs what it can (scripts/test-deps.sh)"


def nginx_binary() -> str | None:
    """Debian's nginx: in /usr/sbin, which is not on every user's PATH."""
    return shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/sbin")


@functools.cache
def redis_answers() -> bool:
    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


def missing(marker: str) -> str | None:
    """Why the service behind a marker is missing here (a reason starting with MISSING)."""
    if marker == "redis" and not redis_answers():
        return f"{MISSING}Redis does not answer at {REDIS_URL} (KB_TEST_REDIS_URL); {SETUP_HINT}"
    if marker == "nginx" and nginx_binary() is None:
        return f"{MISSING}the nginx binary is not installed (Debian's nginx); {SETUP_HINT}"
    if marker == "browser" and not CHROMIUM.exists():
        return f"{MISSING}Chromium is not at {CHROMIUM} (Debian's chromium); {SETUP_HINT}"
    return None


needs_wrk = pytest.mark.skipif(
    shutil.which("wrk") is None, reason=f"{MISSING}wrk is not installed; {SETUP_HINT}"
)


def key_prefix() -> str:
    """A prefix no other test run uses, for the keys one test creates."""
    return f"kb-test:{uuid.uuid4().hex[:12]}:"


def delete_keys(client: redis.Redis, pattern: str) -> None:
    """Delete the keys matching `pattern` (SCAN, never FLUSHDB: the database is shared)."""
    for key in client.scan_iter(match=pattern, count=500):
        client.delete(key)
