"""An anonymous log of what readers search for, so editors see what they could not find.

Kept per day and normalised query (简体, NFKC, lower case, single spaces): how many searches
and how many results. No address, cookie, user or time of day is kept.

A search does not write to the database. Each worker process adds to a small in-memory tally;
the first search after SEARCH_LOG_FLUSH_SECONDS (or once the tally holds MAX_PENDING queries)
writes the tally in one transaction per day (a locking read, a bulk update, a count, a bulk insert),
so under load a worker writes about once a minute whatever the traffic. Bounds against
flooding: at most SEARCH_LOG_PER_MINUTE searches a minute are counted, site-wide when the cache
is Redis (a counter in the cache, like kb/core/ratelimit.py; the rest are not counted), each
worker holds at most MAX_PENDING distinct queries between writes, and the table takes at most
SEARCH_LOG_MAX_ROWS_PER_DAY new queries a day (known ones are still counted). Counts held by a
worker that stops before its next write are lost: the log is a guide for editors, not an audit.
"""

import threading
import time
from datetime import date

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from kb.search.tokens import normalise

MAX_PENDING = 1000

_lock = threading.Lock()
_pending: dict[tuple[date, str], list[int]] = {}  # (day, query) → [searches, results]
_last_write = {"at": time.monotonic()}


def _setting(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def normalised(query: str) -> str:
    return " ".join(normalise(query).split())[:100]


def record(query: str, results: int) -> None:
    """Count one search for `query` that found `results` pages (total, not just this page)."""
    text = normalised(query)
    if not text or not _setting("SEARCH_LOG_ENABLED", 1):
        return
    if not _within_rate():
        return
    now = time.monotonic()
    with _lock:
        key = (timezone.localdate(), text)
        if key in _pending:
            _pending[key][0] += 1
            _pending[key][1] = results
        elif len(_pending) < MAX_PENDING:
            _pending[key] = [1, results]
        due = (
            now - _last_write["at"] >= _setting("SEARCH_LOG_FLUSH_SECONDS", 60)
            or len(_pending) >= MAX_PENDING
        )
    if due:
        flush()


def _within_rate() -> bool:
    key = f"search:log:minute:{int(time.time() // 60)}"
    try:
        if cache.add(key, 1, 65):
            return True
        return cache.incr(key) <= _setting("SEARCH_LOG_PER_MINUTE", 600)
    except ValueError:  # expired between add() and incr()
        return True
    except Exception:  # cache down: count nothing rather than fail the search
        return False


def take_pending() -> dict[tuple[date, str], list[int]]:
    with _lock:
        taken = dict(_pending)
        _pending.clear()
        _last_write["at"] = time.monotonic()
    return taken


def flush() -> int:
    """Write this worker's tally; returns the number of queries written."""
    from kb.search.models import QueryLog

    taken = take_pending()
    by_day: dict[date, dict[str, list[int]]] = {}
    for (day, text), counts in taken.items():
        by_day.setdefault(day, {})[text] = counts
    written = 0
    limit = _setting("SEARCH_LOG_MAX_ROWS_PER_DAY", 2000)
    for day, tally in by_day.items():
        with transaction.atomic():
            known = {
                row.query: row
                for row in QueryLog.objects.select_for_update().filter(
                    day=day, query__in=list(tally)
                )
            }
            for text, row in known.items():
                row.searches += tally[text][0]
                row.results = tally[text][1]
            QueryLog.objects.bulk_update(known.values(), ["searches", "results"])
            room = max(0, limit - QueryLog.objects.filter(day=day).count())
            new = [
                QueryLog(day=day, query=text, searches=counts[0], results=counts[1])
                for text, counts in tally.items()
                if text not in known
            ][:room]
            QueryLog.objects.bulk_create(new, ignore_conflicts=True)
            written += len(known) + len(new)
    return written
