"""The benchmark harness runs end to end on a tiny SQLite site, so it cannot rot."""

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))


@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed (.ci/run installs it)")
def test_it_measures_every_page_against_hello_world():
    import pages

    report = pages.run(articles=0, duration=1, smoke=True, with_lighthouse=False)
    assert "Hello world baseline" in report
    for name in pages.PAGES:
        assert f"| {name} (cached) |" in report
    assert "| article (uncached) |" in report
