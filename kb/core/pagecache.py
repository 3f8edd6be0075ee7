"""Whole-page cache for anonymous readers, invalidated by a site-wide content version.

The version lives where every gunicorn worker and every app server reads the same number, so
the cache is on by default: in Redis when REDIS_URL is set (an INCR'd key that each process
tracks, so reading it costs no round trip until Redis pushes a change, and no database query;
kb/core/trackedversion.py), otherwise in one database row (kb.core.models.ContentVersion)
with pages in each process's local memory.

- Any save or delete of content (laws, articles, guide trees, rates) bumps the row with an
  UPDATE … SET value = value + 1 inside the same transaction as the change, as do the bulk
  `QuerySet.update()`/`bulk_create()` paths that skip signals (they call
  bump_content_version() themselves). With Redis the key is INCR'd once that transaction has
  committed (never before: a reader could cache old content under the new number). Readers
  never see new content under an old version (or the reverse) for longer than the commit
  takes; an edit is visible on the next request.
- Without Redis each cacheable request reads the row once (one primary-key query). With a read
  replica the row is read from the same database as the page's content, Redis or not, so a
  lagging replica can never cache old content under the new number.
- A missing Redis key (a flushed or new Redis) starts from the clock in microseconds, so a
  number is never reused for other content; the row's numbers (milliseconds) never meet it.
  Should Redis not answer, the version is read from the row.
- Scheduled publishing: the row (and the Redis key beside the version) also holds the earliest
  future publish time; the first request after it has passed bumps the version, so a timed
  article appears without a cron job.
- The middleware sits outside the CSP, security-header and gzip middleware: a page is stored
  with its headers and compressed once (separate copies for clients without gzip), so a hit
  skips that work.
- Responses carry an ETag derived from the version and path; a matching If-None-Match gets a
  304. Signed-in staff (session cookie) always get a fresh page.
- Pages and ETags are also keyed by the release of the code (kb/core/release.py): after a
  deploy that changes templates, code or CSS, no page rendered by the old release is served.
"""

import datetime
import hashlib
import logging
import pickle
import time
import uuid
from collections.abc import Callable, Iterable
from functools import lru_cache

import redis
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, connections, router, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.http import http_date

from kb.core import release
from kb.core.trackedversion import tracked

CONTENT_APPS = {"laws", "articles", "guide", "rates", "search", "letters"}
# Rows readers create, or bookkeeping that no public page shows: they never bump the version.
IGNORED_MODELS = {
    "articles.feedback",
    "articles.unresolvedcitation",
    "articles.articlerevision",  # pending until applied, which saves the article itself
    "search.searchdocument",
    "guide.outcomefeedback",
    "articles.articlepage",  # a stored rendering of what is already there
}
SKIP_PREFIXES = ("/static/", "/media/", "/markdownx/", "/healthz")

REDIS_VERSION = "kb:content-version"
REDIS_NEXT = "kb:content-next-publication"  # epoch seconds, 0 when nothing is scheduled
# After a commit: INCR the version, or start it from the clock when the key is missing.
_BUMP = """
if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('INCR', KEYS[1])
else redis.call('SET', KEYS[1], ARGV[1]) end
redis.call('SET', KEYS[2], ARGV[2])
"""
PAGE_PREFIX = "kb:"  # pages kept in Redis by this module, beside the version
# A reader that found no key: start it, unless another process (or a bump) just did.
_START = """
if redis.call('SET', KEYS[1], ARGV[1], 'NX') then redis.call('SET', KEYS[2], ARGV[2]) end
return redis.call('MGET', KEYS[1], KEYS[2])
"""
logger = logging.getLogger(__name__)


def _version_model():
    return apps.get_model("core", "ContentVersion")


def next_publication():
    """When the earliest scheduled (published, future-dated) article goes live, or None."""
    Article = apps.get_model("articles", "Article")
    return (
        Article.objects.filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )


def bump_content_version(articles: Iterable[int] | None = None) -> None:
    """Invalidate every cached page. Call inside the transaction that changes content.

    Stored article pages (kb/articles/stored_page.py) go too: only those of `articles` when
    the change is known to touch nothing else (an article, its FAQ, citations or tags), every
    one of them otherwise.
    """
    ContentVersion = _version_model()
    upcoming = next_publication()
    if _version_in_redis():
        transaction.on_commit(_bump_redis)
    changes = {"value": F("value") + 1, "next_publication": upcoming}
    if articles is None:
        changes["pages"] = F("pages") + 1
    else:
        forget_stored_pages(articles)
    rows = ContentVersion.objects.filter(pk=1)
    if rows.update(**changes):
        return
    # No row yet (fresh or flushed database): start from the clock, so numbers never repeat
    # one a restored database used before.
    start = int(timezone.now().timestamp() * 1000)
    try:
        with transaction.atomic():
            ContentVersion.objects.create(pk=1, value=start, pages=start, next_publication=upcoming)
    except IntegrityError:  # another process created it first
        rows.update(**changes)


def forget_stored_pages(articles: Iterable[int]) -> None:
    """A fresh render_key for these articles: a value no stored page was rendered under, even
    when a save writes back the old one it had loaded (this runs after that save)."""
    ids = list(articles)
    if ids:
        Article = apps.get_model("articles", "Article")
        Article.objects.filter(pk__in=ids).update(render_key=uuid.uuid4().hex)


@lru_cache(maxsize=4)
def _redis(url: str) -> redis.Redis:
    return redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1)


def _epoch(moment: datetime.datetime | None) -> str:
    return str(moment.timestamp()) if moment else "0"


def _clock() -> str:
    return str(time.time_ns() // 1000)


def _bump_redis() -> None:
    """INCR the shared version once the change is committed (run by transaction.on_commit)."""
    try:
        _redis(settings.REDIS_URL).eval(
            _BUMP, 2, REDIS_VERSION, REDIS_NEXT, _clock(), _epoch(next_publication())
        )
    except redis.RedisError:
        logger.exception("Redis did not take the new content version")
    # Other processes learn of it from Redis' push; this one need not wait for its own.
    _tracked().invalidate()


def _version_in_redis() -> bool:
    """Redis keeps the version unless a read replica serves the pages: a replica that lags
    behind the commit could render old content under the new Redis number, so the version is
    then read from the replica's own row, which can never be ahead of its content."""
    return bool(settings.REDIS_URL) and "replica" not in settings.DATABASES


def _read_redis_version() -> tuple[int, datetime.datetime | None] | None:
    """(version, next publication) from Redis in one round trip; None if Redis is down."""
    client = _redis(settings.REDIS_URL)
    try:
        value, upcoming = client.mget(REDIS_VERSION, REDIS_NEXT)
        if value is None:
            start = (_clock(), _epoch(next_publication()))
            value, upcoming = client.eval(_START, 2, REDIS_VERSION, REDIS_NEXT, *start)
    except redis.RedisError:
        return None
    seconds = float(upcoming or 0)
    moment = datetime.datetime.fromtimestamp(seconds, datetime.UTC) if seconds else None
    return int(value), moment


def _read_version() -> tuple[int, datetime.datetime | None] | None:
    """The row, by plain SQL: this runs on every cacheable request, cache hits included, and
    the ORM's query building would cost more than the database round trip."""
    model = _version_model()
    connection = connections[router.db_for_read(model)]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT value, next_publication FROM {model._meta.db_table} WHERE id = 1")
        row = cursor.fetchone()
    if row is None:
        return None
    value, upcoming = row
    # PostgreSQL returns an aware datetime; SQLite text or a naive one, in UTC.
    if isinstance(upcoming, str):
        upcoming = parse_datetime(upcoming)
    if upcoming is not None and timezone.is_naive(upcoming):
        upcoming = timezone.make_aware(upcoming, datetime.UTC)
    return value, upcoming


def content_version() -> int:
    """The current version: one Redis round trip or one query; bumps first when a scheduled
    article has gone live."""
    row = _read_redis_version() if _version_in_redis() else None
    from_redis = row is not None
    if row is None:
        row = _read_version()
    if row is not None and (row[1] is None or row[1] > timezone.now()):
        return row[0]
    # A scheduled article went live: lists and links change, no article's own text does.
    bump_content_version(articles=[] if row is not None else None)
    if from_redis and not connections["default"].in_atomic_block:
        # The bump has committed and INCR'd the key.
        row = _read_redis_version()
        if row is not None:
            return row[0]
    return _version_model().objects.using("default").values_list("value", flat=True).get(pk=1)


def _on_content_change(sender, **kwargs) -> None:
    meta = sender._meta
    if sender.__module__ == "__fake__":  # historical models inside migrations
        return
    if meta.app_label in CONTENT_APPS and meta.label_lower not in IGNORED_MODELS:
        bump_content_version(_articles_changed(meta.label_lower, kwargs))


# Models whose rows belong to one article and are shown only on that article's own page
# (besides the article itself): a change to them leaves other stored article pages valid.
ARTICLE_PARTS = {"articles.faq", "articles.articlecitation"}
ARTICLE_LINKS = {"articles.article_tags", "articles.article_related"}


def _articles_changed(label: str, signal: dict) -> list[int] | None:
    """The articles whose own pages this change touches, or None for any other change."""
    instance = signal.get("instance")
    if label == "articles.article":
        return [instance.pk]
    if label in ARTICLE_PARTS:
        return [instance.article_id]
    if label in ARTICLE_LINKS and signal.get("reverse") is False:
        return [instance.pk]  # article.tags.add(…): the article's own list changed
    return None


def connect_signals() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_on_content_change, dispatch_uid=f"pagecache-{id(signal)}")


def cacheable_path(path: str) -> bool:
    """Static files, media, the editor tools, health checks and the admin are never cached."""
    return not (path.startswith(SKIP_PREFIXES) or path.startswith(f"/{settings.ADMIN_PATH}/"))


def page_spec(gzip: bool, scheme: str, host: str, full_path: str) -> str:
    """What a stored page is keyed by (with the version): compressed and plain copies apart,
    and pages of another release of the code apart (kb/core/release.py)."""
    return f"{release.release_id()}:{gzip}:{scheme}://{host}{full_path}"


def _cacheable_request(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD") or not cacheable_path(request.path):
        return False
    # Signed-in staff see previews and must never be served a shared copy.
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


def _cacheable_response(response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


def _page_key(version: int, spec: str) -> str:
    return "page:" + hashlib.sha1(f"{version}:{spec}".encode()).hexdigest()


def page_etag(version: int, gzip: bool, path: str) -> str:
    spec = f"{release.release_id()}:{version}:{gzip}:{path}"
    return '"' + hashlib.sha1(spec.encode()).hexdigest()[:20] + '"'


def _tracked():
    return tracked(settings.REDIS_URL, (REDIS_VERSION, REDIS_NEXT))


def redis_version() -> int | None:
    """The version in Redis, as this process tracks it (kb/core/trackedversion.py): no round
    trip unless it changed. None when Redis does not answer, holds no version yet, or a
    scheduled article has gone live: content_version() then reads, starts or bumps the version
    the slow way."""
    found = _tracked().read()
    if found is None or found[0] is None:
        return None
    value, upcoming = found
    if 0 < float(upcoming or 0) <= time.time():
        return None
    return int(value)


def redis_page(version: int, spec: str) -> bytes | None:
    """The pickled page stored in Redis under this version, or None (not stored, Redis down)."""
    try:
        return _redis(settings.REDIS_URL).get(PAGE_PREFIX + _page_key(version, spec))
    except redis.RedisError:
        return None


def _get_page(version: int, spec: str) -> HttpResponse | None:
    if not _version_in_redis():
        return cache.get(_page_key(version, spec))
    page = redis_page(version, spec)
    return pickle.loads(page) if page is not None else None


def _set_page(version: int, spec: str, response: HttpResponse) -> None:
    seconds = settings.PAGE_CACHE_SECONDS
    if not _version_in_redis():
        cache.set(_page_key(version, spec), response, seconds)
        return
    data = pickle.dumps(response, pickle.HIGHEST_PROTOCOL)
    try:
        _redis(settings.REDIS_URL).set(PAGE_PREFIX + _page_key(version, spec), data, ex=seconds)
    except redis.RedisError:
        logger.warning("Redis did not take a page")


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not getattr(settings, "PAGE_CACHE_SECONDS", 0) or not _cacheable_request(request):
            return self.get_response(request)
        path = request.get_full_path()
        # Pages are stored after GZipMiddleware: compressed and plain copies are kept apart.
        gzip = "gzip" in request.headers.get("Accept-Encoding", "")
        spec = page_spec(gzip, request.scheme, request.get_host(), path)
        version = redis_version() if _version_in_redis() else None
        if version is None:
            version = content_version()
        cached = _get_page(version, spec)
        request.content_version = version
        etag = page_etag(version, gzip, path)
        if etag in request.headers.get("If-None-Match", ""):
            not_modified = HttpResponseNotModified()
            not_modified["ETag"] = etag
            return not_modified
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        # Compressed with care (kb/core/compression.py): it may be stored and sent many times.
        request.page_cache_may_store = request.method == "GET"
        response = self.get_response(request)
        if request.method == "GET" and _cacheable_response(response):
            response["ETag"] = etag
            response["Last-Modified"] = http_date()
            _set_page(version, spec, response)
            response["X-Page-Cache"] = "miss"
        return response
