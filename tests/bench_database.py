"""Tests that drive the bench/ harness: its scripts on the suite's backend."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))


def use_suite_backend(monkeypatch, suffix: str) -> str:
    """Point the harness at the suite's backend: on PostgreSQL a database of its own next to
    the test one (`<DATABASE_URL>_<suffix>`), else SQLite in a temp file. Returns DATABASE_URL."""
    database_url = os.environ.get("DATABASE_URL", "")
    if database_url.startswith("postgres"):
        monkeypatch.setenv("BENCH_DATABASE_URL", f"{database_url}_{suffix}")
    return database_url
