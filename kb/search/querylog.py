"""An anonymous log of searches per day and normalised query, so editors see what readers could
not find. Each worker tallies in memory and writes after SEARCH_LOG_FLUSH_SECONDS or MAX_PENDING
queries; at most SEARCH_LOG_PER_MINUTE searches a minute and SEARCH_LOG_MAX_ROWS_PER_DAY rows."""

import threading
import time
from datetime import date

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from kb.search.models import QueryLog
from kb.search.tokens import normalise

MAX_PENDING = 1000

_lock = threading.Lock()
_pending: dict[tuple[date, str], tuple[int, int]] = {}  # (day, query) → (searches, results)
_last_write = time.monotonic()


def _setting(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def record(query: str, results: int) -> None:
    """Count one search for `query` that found `results` pages (total, not just this page)."""
    text = " ".join(normalise(query).split())[:100]
    if not text or not _within_rate():
        return
    with _lock:
        key = (timezone.localdate(), text)
        _pending[key] = (_pending.get(key, (0, 0))[0] + 1, results)
        waited = time.monotonic() - _last_write
        due = waited >= _setting("SEARCH_LOG_FLUSH_SECONDS", 60) or len(_pending) >= MAX_PENDING
    if due:
        flush()


def _within_rate() -> bool:
    key = f"search:log:minute:{int(time.time() // 60)}"
    try:
        return cache.add(key, 1, 65) or cache.incr(key) <= _setting("SEARCH_LOG_PER_MINUTE", 600)
    except Exception:  # cache down: count nothing rather than fail the search
        return False


def take_pending() -> dict[tuple[date, str], tuple[int, int]]:
    global _pending, _last_write
    with _lock:
        taken, _pending = _pending, {}
        _last_write = time.monotonic()
    return taken


def flush() -> None:
    pending = take_pending()
    for day in {day for day, _ in pending}:
        tally = {text: counts for (d, text), counts in pending.items() if d == day}
        with transaction.atomic():
            rows = list(QueryLog.objects.select_for_update().filter(day=day, query__in=list(tally)))
            for row in rows:
                searches, row.results = tally.pop(row.query)
                row.searches += searches
            QueryLog.objects.bulk_update(rows, ["searches", "results"])
            room = _setting("SEARCH_LOG_MAX_ROWS_PER_DAY", 2000)
            room -= QueryLog.objects.filter(day=day).count()
            new = [QueryLog(day=day, query=q, searches=s, results=r) for q, (s, r) in tally.items()]
            QueryLog.objects.bulk_create(new[: max(0, room)], ignore_conflicts=True)
