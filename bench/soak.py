"""Soak: 60 s of wrk -c64 against the production server; no error, no memory growth.

Usage (from the project folder; `make bench` runs it):

    .venv/bin/python bench/soak.py [--duration S] [--cache redis|locmem] [--smoke]

It builds a fresh database with the content like bench/pages.py (PostgreSQL `kb_soak`,
BENCH_DATABASE_URL to change), starts gunicorn (-w 2, DJANGO_DEBUG=0) with the page cache in
Redis (BENCH_REDIS_URL, db 11 by default, under a key prefix of its own, deleted afterwards;
local memory with --cache locmem or when that Redis does not answer), warms it for 5 s, then
runs `wrk -t2 -c64` for the duration over the home, article, category, provision and guide
pages (search is rate-limited per client, so it is left out). It passes when every answer
was a 2xx and each worker's resident memory (RSS) after the run is within 10 % of what it
was after the warm-up, and writes the result to docs/benchmarks.md between <!-- soak:start -->
and <!-- soak:end --> (not with --smoke, which runs 5 s on SQLite).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
import urllib.request
import uuid
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from pages import GUNICORN, PAGES, free_port, prepared_database, site_env  # noqa: E402
from report import write_section  # noqa: E402

CONNECTIONS = 64
WARMUP_SECONDS = 5
MAX_GROWTH = 0.10
PATHS = [path for name, path in PAGES.items() if name != "search"]


def redis_url(choice: str) -> str:
    if choice != "redis":
        return ""
    url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/11")
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError as error:
        print(f"Redis at {url} did not answer ({error}): pages in local memory", file=sys.stderr)
        return ""
    return url


def worker_rss_kib(master: int) -> dict[int, int]:
    """Resident memory of each gunicorn worker (the master's children), in KiB."""
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    rss = {}
    for pid in map(int, children):
        status = Path(f"/proc/{pid}/status").read_text()
        rss[pid] = int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1))
    return rss


def wrk_script(workdir: Path) -> Path:
    script = workdir / "soak.lua"
    listed = ", ".join(f'"{path}"' for path in PATHS)
    script.write_text(
        f"local paths = {{{listed}}}\nlocal i = 0\n"
        "request = function()\n  i = i % #paths + 1\n"
        '  return wrk.format("GET", paths[i])\nend\n'
    )
    return script


def wrk(base: str, seconds: int, script: Path) -> dict[str, float]:
    out = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "10s", "-s", str(script)]
        + [base + PATHS[0]],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "non2xx": int(non2xx.group(1)) if non2xx else 0,
        "socket_errors": sum(map(int, errors.groups())) if errors else 0,
    }


def serve(env: dict[str, str]) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen(
        [GUNICORN, "kb.wsgi", "-w", "2", "-b", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)
            return process, base
        except OSError:
            if process.poll() is not None:
                raise RuntimeError("gunicorn exited") from None
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("gunicorn did not start")


def run(duration: int, cache: str, smoke: bool) -> tuple[bool, str]:
    redis = redis_url(cache)
    prefix = f"kb-soak-{uuid.uuid4().hex[:8]}"
    with prepared_database(smoke, 0, prefix="kb-soak-") as (database_url, workdir):
        extra = {"REDIS_URL": redis, "REDIS_KEY_PREFIX": prefix} if redis else {}
        process, base = serve(site_env(database_url, **extra))
        try:
            script = wrk_script(workdir)
            wrk(base, WARMUP_SECONDS, script)
            before = worker_rss_kib(process.pid)
            result = wrk(base, duration, script)
            after = worker_rss_kib(process.pid)
        finally:
            process.terminate()
            process.wait(timeout=30)
            if redis:
                import redis as redis_client

                client = redis_client.Redis.from_url(redis)
                for key in client.scan_iter(match=prefix + "*", count=500):
                    client.delete(key)
    growth = {pid: (after[pid] - rss) / rss for pid, rss in before.items() if pid in after}
    replaced = len(growth) != len(before) or len(after) != len(before)
    passed = (
        result["non2xx"] == 0
        and result["socket_errors"] == 0
        and not replaced
        and all(change <= MAX_GROWTH for change in growth.values())
    )
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    rss_rows = "\n".join(
        f"| worker {n} | {before[pid] / 1024:.1f} MiB | {after[pid] / 1024:.1f} MiB "
        f"| {growth[pid]:+.1%} |"
        for n, pid in enumerate(sorted(growth), 1)
    )
    engine = "PostgreSQL" if database_url.startswith("postgres") else "SQLite"
    store = "Redis" if redis else "local memory"
    paths = ", ".join(f"`{path}`" for path in PATHS)
    body = f"""`bench/soak.py`, {when}, on this shared 2-core machine (load average
{os.getloadavg()[0]:.1f} after the run): gunicorn `-w 2`, `DJANGO_DEBUG=0`, {engine}, page
cache in {store}; {WARMUP_SECONDS} s of warm-up, then `wrk -t2 -c{CONNECTIONS} -d{duration}s`
over {paths}.

- {result["requests"]} requests, {result["rps"]:.0f} requests/s; non-2xx answers:
  **{result["non2xx"]}**; socket errors (connect, read, write, timeout): {result["socket_errors"]}.
- Workers {"replaced during the run (a crash or a timeout)" if replaced else "kept throughout"}.
- Resident memory per worker, after the warm-up and after the run (at most +10 %):

| | before | after | change |
|---|---|---|---|
{rss_rows}

Result: **{"pass" if passed else "FAIL"}**."""
    return passed, body


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--cache", choices=["redis", "locmem"], default="redis")
    parser.add_argument("--smoke", action="store_true", help="5 s on SQLite, nothing written")
    args = parser.parse_args()
    duration = 5 if args.smoke else args.duration
    if not args.smoke:  # a database of its own, not bench/pages.py's kb_bench
        os.environ.setdefault("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kb_soak")
    passed, body = run(duration, args.cache, args.smoke)
    print(body)
    if not args.smoke:
        write_section("soak", "Soak: no errors, no memory growth under load", body)
    sys.exit(0 if passed else 1)


if __name__ == "__main__":
    main()
