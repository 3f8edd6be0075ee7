"""The benchmark harness runs end to end on a tiny site (on the suite's backend), so it cannot rot."""

import os
import re

from tests.bench_database import use_suite_backend
from tests.services import needs_wrk


@needs_wrk
def test_it_measures_every_page_against_hello_world(monkeypatch):
    import pages

    database_url = use_suite_backend(monkeypatch, "bench_smoke")
    report = pages.run(articles=5, duration=1, smoke=True, lighthouse_runs=0)
    assert ("PostgreSQL" if database_url.startswith("postgres") else "SQLite") in report
    assert "Hello world baseline" in report
    rows = re.findall(
        r"^\| (.+?) \| (\d+) \| ([\d.]+) \| ([\d.]+) \| (\d+) \| ([\d,]+) \|$", report, re.M
    )
    behind_nginx = ["article (behind nginx)", "home (behind nginx)"]
    assert [name for name, *_ in rows] == [f"{n} (cached)" for n in pages.PAGES] + [
        "article (cached, 5 different pages)",
        *(behind_nginx if os.access(pages.NGINX, os.X_OK) else []),
        "article (uncached: page cache off, rendered afresh)",
        "home (uncached)",
        "article (uncached, 5 different pages)",
    ]
    # No speed assertion (a 1-second run on a busy machine may round to 0 requests/s): a
    # latency figure means wrk completed requests, and the page answered 200 to be counted.
    for name, _rps, _ratio, p99, queries, size in rows:
        assert float(p99) > 0 and 1 <= int(queries) <= 6, name
        assert int(size.replace(",", "")) > 1000, name


def test_it_reports_every_lighthouse_run_not_an_average():
    import pages

    def run(performance: int, blocking: float, index: float) -> "pages.LighthouseRun":
        scores = {"performance": performance, "accessibility": 100}
        scores |= {"best-practices": 100, "seo": 100}
        return pages.LighthouseRun(scores=scores, blocking_ms=blocking, cpu_index=index)

    table = pages.lighthouse_table(
        {"home": [run(100, 12.4, 1300), run(99, 96, 1100)], "article": [run(100, 0, 1200)] * 2}
    )
    assert "2 runs per page" in table[0]
    # A 99 is read beside that run's blocking time and machine speed.
    assert "| home | 100, 99 | 100, 100 | 100, 100 | 100, 100 | 12, 96 | 1,300, 1,100 |" in table
    assert "| article | 100, 100 | 100, 100 | 100, 100 | 100, 100 | 0, 0 | 1,200, 1,200 |" in table
