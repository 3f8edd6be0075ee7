"""Page throughput benchmark: the site against a bare Django hello world, in one run.

Usage (from the project folder; `make bench` runs it with defaults):

    .venv/bin/python bench/pages.py [--articles N] [--duration S] [--smoke] [--lighthouse [RUNS]]

Everything from a clean checkout: it builds a fresh database (PostgreSQL `kb_bench` by default,
`BENCH_DATABASE_URL` to change; with --smoke SQLite in a temp file unless BENCH_DATABASE_URL
names PostgreSQL), migrates, collects static files, loads the fixtures plus N synthetic
articles, starts gunicorn (-w 2, DJANGO_DEBUG=0) for the hello-world app and for the site with
and without the page cache (pages and the content version in Redis like docs/deploy.md's
servers: db 11 of the local Redis by default, BENCH_REDIS_URL to change; local memory and the
database-kept version if that Redis does not answer, and with --smoke), puts nginx with the
shipped config (deploy/nginx.conf.template) in front of the cached site, drives each with wrk, optionally runs Lighthouse RUNS times per page (3 by default; installed into
bench/.tools with npm) and reports every run's scores, stops the
servers, drops the database and writes a table to docs/benchmarks.md between the markers
<!-- pages:start --> and <!-- pages:end --> (not with --smoke).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import socket
import string
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
GUNICORN = str(Path(PY).with_name("gunicorn"))
sys.path.insert(0, str(ROOT / "bench"))

from report import write_section  # noqa: E402

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
NGINX_TEMPLATE = ROOT / "deploy" / "nginx.conf.template"

PAGES = {
    "home": "/",
    "article": "/articles/jiebei-yuqi-huabei-hai-neng-yong-ma/",
    "category": "/category/zhengxin/",
    "provision": "/laws/minfadian/675/",
    "guide step": "/guide/yuqi-hou-hui-zenyang/",
    "search": "/search/?q=借呗逾期",
}


@dataclass
class WrkResult:
    rps: float
    p99_ms: float


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def site_env(database_url: str, **extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-secret-key-not-for-production",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_LOG_LEVEL": "ERROR",
    }
    env.pop("REDIS_URL", None)
    env.update(extra)
    return env


def manage(env: dict[str, str], *args: str) -> str:
    # System checks are the test suite's job (tests/core/test_deploy_check.py); the
    # benchmark measures whatever the tree is, like gunicorn, which runs none either.
    out = subprocess.run(
        [PY, "manage.py", *args, "--skip-checks"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if out.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{out.stderr[-3000:]}")
    return out.stdout


def _postgres(url: str, statement: str) -> None:
    import psycopg

    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(statement)


def fresh_database(smoke: bool, workdir: Path) -> str:
    """SQLite in the work folder for a smoke run unless BENCH_DATABASE_URL names PostgreSQL;
    PostgreSQL (`kb_bench` by default) for a real run. A PostgreSQL database is recreated."""
    url = os.environ.get("BENCH_DATABASE_URL", "")
    if smoke and not url.startswith("postgres"):
        return f"sqlite:///{workdir / 'bench.sqlite3'}"
    url = url or "postgres://postgres@127.0.0.1:5432/kb_bench"
    name = url.rsplit("/", 1)[1]
    _postgres(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    _postgres(url, f'CREATE DATABASE "{name}"')
    return url


def drop_database(url: str) -> None:
    if url.startswith("postgres"):
        _postgres(url, f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')


def prepare(database_url: str, articles: int) -> None:
    env = site_env(database_url)
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput")
    manage(env, "load_content")
    if articles:
        subprocess.run([PY, "bench/synthetic.py", str(articles)], cwd=ROOT, env=env, check=True)


@contextmanager
def prepared_database(smoke: bool, articles: int, prefix: str = "kb-bench-"):
    """(database URL, work folder): a fresh database with the content and `articles` synthetic
    articles (fresh_database, prepare), dropped with the folder afterwards."""
    workdir = Path(tempfile.mkdtemp(prefix=prefix))
    database_url = ""
    try:
        database_url = fresh_database(smoke, workdir)
        prepare(database_url, articles)
        yield database_url, workdir
    finally:
        if database_url:
            drop_database(database_url)
        shutil.rmtree(workdir, ignore_errors=True)


@contextmanager
def gunicorn(app: str, env: dict[str, str], chdir: Path = ROOT):
    port = free_port()
    proc = subprocess.Popen(
        [
            GUNICORN,
            app,
            "-w",
            "2",
            "-b",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "--chdir",
            str(chdir),
        ],
        cwd=chdir,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(
                    base + "/healthz" if chdir == ROOT else base + "/", timeout=1
                )
                break
            except Exception:
                if proc.poll() is not None:
                    raise RuntimeError(
                        f"gunicorn {app} exited: {proc.stderr.read().decode()[-2000:]}"
                    ) from None
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@contextmanager
def nginx(upstream: str, workdir: Path):
    """The shipped config (deploy/nginx.conf.template) in front of `upstream`, static files from
    the collectstatic folder; None when nginx is not installed."""
    if not os.access(NGINX, os.X_OK):
        yield None
        return
    run_dir = workdir / "nginx"
    run_dir.mkdir(mode=0o755)
    workdir.chmod(0o755)  # nginx's workers run as an unprivileged user when we are root
    port = free_port()
    variables = {
        "KB_LISTEN": f"127.0.0.1:{port}",
        "KB_UPSTREAM": upstream.removeprefix("http://"),
        "KB_STATIC_ROOT": str(ROOT / "staticfiles"),
        "KB_MEDIA_ROOT": str(ROOT / "media"),
        "KB_RUN_DIR": str(run_dir),
    }
    conf = run_dir / "nginx.conf"
    conf.write_text(string.Template(NGINX_TEMPLATE.read_text()).safe_substitute(variables))
    command = [NGINX, "-e", str(run_dir / "error.log"), "-p", str(run_dir), "-c", str(conf)]
    proc = subprocess.Popen([*command, "-g", "daemon off;"], stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if proc.poll() is not None:
                raise RuntimeError(f"nginx exited: {proc.stderr.read().decode()[-2000:]}")
            time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def wrk(url: str, duration: int, connections: int = 16, script: Path | None = None) -> WrkResult:
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency"]
        + (["-s", str(script)] if script else [])
        + [url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non2xx:
        raise RuntimeError(f"{url} answered {non2xx.group(1)} errors under load")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]
    return WrkResult(rps=rps, p99_ms=float(p99.group(1)) * scale)


def spread_paths(articles: int) -> list[str]:
    """The synthetic articles' pages (bench/synthetic.py names them so)."""
    return [f"/articles/synthetic-1-{n}/" for n in range(articles)]


def wrk_over(base: str, paths: list[str], duration: int, workdir: Path) -> WrkResult:
    """wrk cycling through `paths`, after one request to each (stored in the shared cache,
    as readers would have left them; each worker still fetches a page from Redis the first
    time it serves it)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda p: urllib.request.urlopen(base + p).read(), paths))
    script = workdir / "spread.lua"
    listed = ", ".join(f'"{p}"' for p in paths)
    script.write_text(
        f"local paths = {{{listed}}}\nlocal i = 0\n"
        "request = function()\n  i = i % #paths + 1\n"
        '  return wrk.format("GET", paths[i])\nend\n'
    )
    return wrk(base + paths[0], duration, script=script)


def transferred_bytes(base: str, path: str) -> int:
    """gzip bytes of the page plus every stylesheet and script it links."""
    req = urllib.request.Request(
        base + urllib.parse.quote(path, safe="/?=&"), headers={"Accept-Encoding": "gzip"}
    )
    with urllib.request.urlopen(req) as resp:
        body = resp.read()
        total = len(body)
        html = (
            gzip.decompress(body).decode()
            if resp.headers.get("Content-Encoding") == "gzip"
            else body.decode()
        )
    for asset in re.findall(r'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html):
        req = urllib.request.Request(base + asset, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(req) as resp:
            total += len(resp.read())
    return total


def query_counts(database_url: str) -> dict[str, int]:
    script = ROOT / "bench" / "queries.py"
    out = subprocess.run(
        [PY, str(script), json.dumps(PAGES)],
        cwd=ROOT,
        env=site_env(database_url),
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out)


@dataclass
class LighthouseRun:
    scores: dict[str, int]  # category -> 0..100
    blocking_ms: float  # Total Blocking Time, the only metric that moved between runs here
    cpu_index: float  # Lighthouse's benchmarkIndex of this machine during the run


def lighthouse(base: str, path: str) -> LighthouseRun:
    binary = ROOT / "bench" / ".tools" / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        subprocess.run(
            ["npm", "install", "--prefix", str(ROOT / "bench" / ".tools"), "lighthouse"], check=True
        )
    flags = "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run --disable-sync"
    # Chromium sometimes fails to start, or Lighthouse to record the trace (NO_NAVSTART), on a
    # loaded machine: such a run gives no score at all, so it is tried again.
    attempts = 4
    for attempt in range(1, attempts + 1):
        with tempfile.NamedTemporaryFile(suffix=".json") as report:
            done = subprocess.run(
                [
                    str(binary),
                    base + urllib.parse.quote(path, safe="/?=&"),
                    "--quiet",
                    "--output=json",
                    f"--output-path={report.name}",
                    f"--chrome-flags={flags}",
                    "--form-factor=mobile",
                    "--only-categories=performance,accessibility,best-practices,seo",
                ],
                env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
                capture_output=True,
                text=True,
            )
            if done.returncode == 0:
                data = json.load(open(report.name))
                break
        if attempt == attempts:
            raise RuntimeError(f"lighthouse failed on {path}:\n{done.stderr[-2000:]}")
        time.sleep(2)
    return LighthouseRun(
        scores={k: round(v["score"] * 100) for k, v in data["categories"].items()},
        blocking_ms=data["audits"]["total-blocking-time"]["numericValue"],
        cpu_index=data["environment"]["benchmarkIndex"],
    )


def bench_redis(smoke: bool) -> str:
    """The Redis database the site uses (flushed first), or "" for local memory."""
    if smoke:
        return ""
    url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/11")
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).flushdb()
    except redis.RedisError as exc:
        print(f"Redis at {url} did not answer ({exc}): pages in local memory", file=sys.stderr)
        return ""
    return url


def run(articles: int, duration: int, smoke: bool, lighthouse_runs: int) -> str:
    start_load = os.getloadavg()[0]
    with prepared_database(smoke, articles) as (database_url, workdir):
        redis_url = bench_redis(smoke)
        cached_env = site_env(
            database_url,
            PAGE_CACHE_SECONDS="600",
            **({"REDIS_URL": redis_url} if redis_url else {}),
        )
        uncached_env = site_env(
            database_url, PAGE_CACHE_SECONDS="0", **({"REDIS_URL": redis_url} if redis_url else {})
        )
        rows = []
        with gunicorn("hello:application", {**os.environ}, chdir=ROOT / "bench") as hello:
            baseline = wrk(hello + "/", duration)
        counts = query_counts(database_url)
        with gunicorn("kb.wsgi", cached_env) as site:
            for name, path in PAGES.items():
                url = site + urllib.parse.quote(path, safe="/?=&")
                urllib.request.urlopen(url).read()  # warm the cache
                result = wrk(url, duration)
                rows.append(
                    (f"{name} (cached)", result, transferred_bytes(site, path), counts[name])
                )
            if articles:
                spread = spread_paths(articles)
                result = wrk_over(site, spread, duration, workdir)
                rows.append(
                    (
                        f"article (cached, {articles:,} different pages)",
                        result,
                        transferred_bytes(site, spread[0]),
                        counts["article"],
                    )
                )
            with nginx(site, workdir) as proxy:
                for name in ("article", "home") if proxy else ():
                    url = proxy + urllib.parse.quote(PAGES[name], safe="/?=&")
                    urllib.request.urlopen(url).read()
                    result = wrk(url, duration)
                    size = transferred_bytes(proxy, PAGES[name])
                    rows.append((f"{name} (behind nginx)", result, size, counts[name]))
            # Alternating pages, so that a spell of load on the shared machine meets both.
            scores: dict[str, list[LighthouseRun]] = {}
            for _ in range(lighthouse_runs):
                for page in ("home", "article"):
                    scores.setdefault(page, []).append(lighthouse(site, PAGES[page]))
        with gunicorn("kb.wsgi", uncached_env) as site:
            for name, label in (
                ("article", "article (uncached: page cache off, rendered afresh)"),
                ("home", "home (uncached)"),
            ):
                path = PAGES[name]
                result = wrk(site + urllib.parse.quote(path, safe="/?=&"), duration)
                rows.append((label, result, transferred_bytes(site, path), counts[name]))
            if articles:
                result = wrk_over(site, spread, duration, workdir)
                label = f"article (uncached, {articles:,} different pages)"
                rows.append((label, result, transferred_bytes(site, spread[0]), counts["article"]))
        cache_name = (
            "Redis" if redis_url else "the database" + ("" if smoke else " (Redis did not answer)")
        )
        return render_report(
            baseline, rows, scores, articles, duration, smoke, cache_name, start_load, database_url
        )


def render_report(
    baseline: WrkResult,
    rows,
    scores,
    articles,
    duration,
    smoke,
    cache_name="the database",
    start_load: float | None = None,
    database_url: str = "",
) -> str:
    load = f"{start_load:.1f} at the start, {os.getloadavg()[0]:.1f} at the end"
    lines = [
        f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on this machine "
        f"({os.cpu_count()} cores, 1-minute load average {load}; other work shares the machine), "
        f"{'PostgreSQL' if database_url.startswith('postgres') else 'SQLite'}"
        f"{' (smoke run)' if smoke else ''}, fixtures + {articles} synthetic articles, "
        f"`gunicorn -w 2`, `DJANGO_DEBUG=0`, `wrk -t2 -c16 -d{duration}s`; "
        f"cached = page cache in local memory, content version in {cache_name}.",
        "",
        "SQL queries are those of a page-cache miss without Redis (the content version plus the "
        "page's own); a cache hit costs one query without Redis, none with it.",
        "",
        f"Hello world baseline: **{baseline.rps:.0f} requests/s**, p99 {baseline.p99_ms:.1f} ms.",
        "",
        "| page | requests/s | ratio to hello world | p99 latency (ms) | SQL queries (cache miss) | bytes (gzip, with CSS/JS) |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, result, size, queries in rows:
        lines.append(
            f"| {name} | {result.rps:.0f} | {result.rps / baseline.rps:.2f} | {result.p99_ms:.1f} | {queries} | {size:,} |"
        )
    if scores:
        lines += ["", *lighthouse_table(scores)]
    else:
        lines += ["", "Lighthouse: not run in this measurement (`--lighthouse` runs it)."]
    return "\n".join(lines)


def lighthouse_table(scores: dict[str, list[LighthouseRun]]) -> list[str]:
    """Every run's score per category (not an average: one 99 among 100s shows), with that
    run's Total Blocking Time and Lighthouse's CPU index for the machine, in the same order."""
    runs = len(next(iter(scores.values())))
    lines = [
        f"Lighthouse (mobile, default settings: simulated slow 4G and 4× CPU slowdown), "
        f"{runs} run{'s' if runs > 1 else ''} per page, each column in run order:",
        "",
        "| page | performance | accessibility | best practices | SEO | total blocking time (ms) | CPU index |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for page, results in scores.items():
        cells = [
            ", ".join(str(r.scores.get(category)) for r in results)
            for category in ("performance", "accessibility", "best-practices", "seo")
        ]
        cells.append(", ".join(str(round(r.blocking_ms)) for r in results))
        cells.append(", ".join(f"{round(r.cpu_index):,}" for r in results))
        lines.append(f"| {page} | {' | '.join(cells)} |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--smoke", action="store_true", help="tiny SQLite run, nothing written")
    parser.add_argument(
        "--lighthouse",
        type=int,
        nargs="?",
        const=3,
        default=0,
        metavar="RUNS",
        help="Lighthouse runs per page (3 when no number is given)",
    )
    args = parser.parse_args()
    report = run(args.articles, args.duration, args.smoke, args.lighthouse)
    print(report)
    if not args.smoke:
        write_section("pages", "Pages: requests/s against hello world", report)


if __name__ == "__main__":
    main()
