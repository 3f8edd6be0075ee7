"""What any article page costs before rendering: the site's middleware, n queries, 18 kB out.

Usage (from the project folder; `make bench` runs it):

    .venv/bin/python bench/floor.py [--duration S] [--smoke]

Prepares a database like bench/pages.py (PostgreSQL `kb_bench`, BENCH_DATABASE_URL to change;
SQLite in a temp file with --smoke), saves the article page's finished HTML from the site
itself, then serves it as a constant from a throwaway view (bench/floor_urls.py) after 0, 1, 2
and 5 small queries, under the same gunicorn and wrk settings as hello world, in one run. The
article uncached (its stored page, kb/articles/stored_page.py) and rendered afresh are measured
beside them. Writes the table to docs/benchmarks.md between
<!-- floor:start --> and <!-- floor:end --> (not with --smoke).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pages import PAGES, ROOT, gunicorn, prepared_database, site_env, wrk  # noqa: E402
from report import write_section  # noqa: E402

QUERIES = (0, 1, 2, 5)


def run(duration: int, smoke: bool) -> str:
    start_load = os.getloadavg()[0]
    articles = 0 if smoke else 1000
    with prepared_database(smoke, articles, prefix="kb-floor-") as (database_url, workdir):
        article = PAGES["article"]
        html = workdir / "article.html"
        env = site_env(database_url, PAGE_CACHE_SECONDS="0")
        with gunicorn("kb.wsgi", env) as site:
            with urllib.request.urlopen(site + article) as response:  # no gzip asked
                html.write_bytes(response.read())
            uncached = wrk(site + article, duration)
        with gunicorn("kb.wsgi", {**env, "STORED_ARTICLE_PAGES": "0"}) as site:
            afresh = wrk(site + article, duration)
        with gunicorn("hello:application", {**os.environ}, chdir=ROOT / "bench") as hello:
            baseline = wrk(hello + "/", duration)
        floor_env = {
            **env,
            "DJANGO_SETTINGS_MODULE": "floor_settings",
            "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'bench'}",
            "FLOOR_HTML": str(html),
            "FLOOR_SLUG": article.strip("/").rsplit("/", 1)[1],
        }
        rows = []
        with gunicorn("kb.wsgi", floor_env) as site:
            for n in QUERIES:
                label = f"constant page, {n} {'query' if n == 1 else 'queries'}"
                rows.append((label, wrk(f"{site}/floor/{n}/", duration)))
        rows.append(
            ("the article page, uncached (stored article page, links, page shell)", uncached)
        )
        rows.append(("the article page rendered afresh (all its queries and templates)", afresh))
        load = f"{start_load:.1f} at the start, {os.getloadavg()[0]:.1f} at the end"
        lines = [
            f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} "
            f"({os.cpu_count()} cores, 1-minute load average {load}), "
            f"{'PostgreSQL' if database_url.startswith('postgres') else 'SQLite'}"
            f"{' (smoke run)' if smoke else ''}, `gunicorn -w 2`, `DJANGO_DEBUG=0`, "
            f"`wrk -t2 -c16 -d{duration}s`, page cache off. The constant page is the article's "
            f"own HTML ({html.stat().st_size:,} bytes) returned by a view with no template "
            "(bench/floor_urls.py) through the site's full middleware (gzip included), after "
            "n queries of `SELECT id, title, slug FROM articles_article WHERE slug = %s`.",
            "",
            f"Hello world baseline: **{baseline.rps:.0f} requests/s**, p99 {baseline.p99_ms:.1f} ms.",
            "",
            "| response | requests/s | ratio to hello world | p99 latency (ms) |",
            "| --- | ---: | ---: | ---: |",
        ]
        for name, result in rows:
            lines.append(
                f"| {name} | {result.rps:.0f} | {result.rps / baseline.rps:.2f} | {result.p99_ms:.1f} |"
            )
        return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--smoke", action="store_true", help="tiny SQLite run, nothing written")
    args = parser.parse_args()
    report = run(args.duration, args.smoke)
    print(report)
    if not args.smoke:
        write_section("floor", "Pages: what a page costs before rendering", report)


if __name__ == "__main__":
    main()
