"""The content version: one number, moved by every change readers could see, that the page
cache keys pages by. It is one database row, or with REDIS_URL (and no read replica) one Redis
key moved by INCR after the commit; docs/deploy.md explains the choice."""

import datetime
import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, IntegrityError, connections, router, transaction
from django.db.models import F
from django.utils import timezone
from redis import RedisError

from kb.core.models import ContentVersion
from kb.core.outage import database_failed, database_resting

VERSION_KEY = "content-version"
NEXT_KEY = "content-next-publication"
Schedule = Callable[[], datetime.datetime | None]
_schedules: list[Schedule] = []
logger = logging.getLogger(__name__)


def watch_schedule(next_publication: Schedule) -> None:
    """Register a function answering when the next scheduled item of an app goes live."""
    if next_publication not in _schedules:
        _schedules.append(next_publication)


def next_publication() -> datetime.datetime | None:
    return min(filter(None, (source() for source in _schedules)), default=None)


def in_cache() -> bool:
    return bool(settings.REDIS_URL) and "replica" not in settings.DATABASES


def content_changed(using: str | None = None) -> None:
    """Call inside the transaction that changes what readers see (a service's write path)."""
    if in_cache():
        transaction.on_commit(_bump_or_owe, using=using)
    else:
        bump()


def _bump_or_owe() -> None:
    """After the commit. A bump Redis cannot take is owed, and made once Redis is back."""
    try:
        bump()
    except RedisError as error:
        logger.error("content version not moved, Redis unavailable; owed: %s", error)
        _LastRead.owed = True


def _start() -> int:
    """A number for a new row or key: the clock, so a flushed store never reuses a number."""
    return time.time_ns() // 1000


def bump() -> None:
    upcoming = next_publication()
    if in_cache():
        try:
            cache.incr(VERSION_KEY)
        except ValueError:  # no key yet (a new or flushed Redis)
            if not cache.add(VERSION_KEY, _start(), timeout=None):
                cache.incr(VERSION_KEY)
        cache.set(NEXT_KEY, upcoming, timeout=None)
        return
    rows = ContentVersion.objects.filter(pk=1)
    changes = {"value": F("value") + 1, "next_publication": upcoming}
    if rows.update(**changes):
        return
    try:
        with transaction.atomic():
            ContentVersion.objects.create(pk=1, value=_start(), next_publication=upcoming)
    except IntegrityError:  # another process created it first
        rows.update(**changes)


def _read() -> tuple[int, datetime.datetime | None] | None:
    if in_cache():
        found = cache.get_many([VERSION_KEY, NEXT_KEY])
        return (found[VERSION_KEY], found.get(NEXT_KEY)) if VERSION_KEY in found else None
    # Plain SQL: this runs on every page, cache hits included, where building the ORM query
    # cost more than the database's answer.
    connection = connections[router.db_for_read(ContentVersion)]
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT value, next_publication FROM {ContentVersion._meta.db_table} WHERE id = 1"
        )
        row = cursor.fetchone()
    if row is None:
        return None
    value, upcoming = row
    if isinstance(upcoming, str):  # SQLite: text, or a naive datetime, in UTC
        upcoming = datetime.datetime.fromisoformat(upcoming)
    if upcoming is not None and timezone.is_naive(upcoming):
        upcoming = upcoming.replace(tzinfo=datetime.UTC)
    return value, upcoming


class _LastRead:
    version: int | None = None
    owed = False  # a bump Redis could not take


def content_version() -> int:
    """The current number (one query or one Redis read), bumped first when there is none yet
    or a scheduled item has gone live. While it cannot be read, the last one read stands in,
    so kept pages are still served (kb/core/outage.py)."""
    if _LastRead.version is not None and database_resting():
        return _LastRead.version
    try:
        if _LastRead.owed:
            bump()
            _LastRead.owed = False
        found = _read()
        if found is None or (found[1] is not None and found[1] <= timezone.now()):
            bump()
            found = _read()
    except (DatabaseError, RedisError) as error:
        logger.warning("content version unreadable, using the last one read: %s", error)
        if isinstance(error, DatabaseError):
            database_failed()
        if _LastRead.owed:  # this process changed content the kept pages do not show
            return _start()
        _LastRead.version = _LastRead.version or _start()
        return _LastRead.version
    if found is None:  # Redis failed between the bump and the read: a number of its own
        return _start()
    _LastRead.version = found[0]
    return found[0]


class ChangesContent:
    """ModelAdmin mixin for what readers see: every save or delete in it is a content change
    (history reverts included, which go through save_model)."""

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        content_changed()

    def delete_model(self, request, obj) -> None:
        super().delete_model(request, obj)
        content_changed()

    def delete_queryset(self, request, queryset) -> None:
        super().delete_queryset(request, queryset)
        content_changed()
