"""Article pages rendered once and stored, so a reader the page cache cannot answer (another
page was just edited, the cache is off or cold) costs two queries, not a full render.

What an article page shows of its own — head metadata, breadcrumb, the article with its FAQ,
cited statutes, tags, share links and feedback form — is rendered into an ArticlePage row per
origin and script. What depends on other articles (related, previous/next, latest) is looked up
on every request. A row is used only while all three of these are what it was rendered under:

- the article's render_key, which kb.core.pagecache.bump_content_version() replaces with a fresh
  random value after any change to the article, its FAQ, citations or tags;
- the site-wide generation (core.ContentVersion.pages), bumped by every other content change (a
  law or provision, a category, a tag renamed, a bulk load);
- the release of the code (kb/core/release.py), so a deploy never serves old templates.

Both values are read in the same query as the article, before anything else about it, and are
stored with the row. A render that raced an edit is therefore stored under the old value and
never used: there is no window in which a stale row could become valid.
"""

import logging
from contextlib import nullcontext
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.db import DatabaseError, connections, router, transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from kb.articles.models import Article, ArticlePage, Category
from kb.core import release
from kb.core.models import ContentVersion

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Parts:
    head: SafeString
    crumbs: SafeString
    article: SafeString


@dataclass(frozen=True)
class Lookup:
    article: Article  # its render_key is the one read with the stored page
    pages: int | None  # None before the first content change has created the version row
    parts: Parts | None  # None when no valid stored page exists


def variant(request: HttpRequest) -> str:
    """What a stored page differs by: the origin its absolute links name, and the script."""
    base = settings.SITE_URL or f"{request.scheme}://{request.get_host()}"
    return f"{base} {'hant' if getattr(request, 'hant', False) else 'hans'}"


def lookup(request: HttpRequest, slug: str) -> Lookup | None:
    """The published article (with its category and parent) and, when still valid, its stored
    page: one query. None when no published article has this slug."""
    connection = connections[router.db_for_read(Article)]
    params = {
        "slug": slug,
        "variant": variant(request),
        "published": Article.Status.PUBLISHED,
        "now": connection.ops.adapt_datetimefield_value(timezone.now()),
    }
    with connection.cursor() as cursor:
        cursor.execute(_lookup_sql(), params)
        row = cursor.fetchone()
    if row is None:
        return None
    article, rest = _instances(connection.alias, row)
    page_key, pages_then, built_by, head, crumbs, body, pages_now = rest
    valid = (
        page_key == article.render_key
        and pages_then is not None
        and pages_then == pages_now
        and built_by == release.release_id()
    )
    parts = Parts(mark_safe(head), mark_safe(crumbs), mark_safe(body)) if valid else None
    return Lookup(article, pages_now, parts)


def render_parts(request: HttpRequest, context: dict) -> Parts:
    return Parts(
        render_to_string("articles/includes/detail_head.html", context, request),
        render_to_string(
            "includes/breadcrumb.html", {"crumbs": context["breadcrumb"], "current": "正文"}
        ),
        render_to_string("articles/includes/detail_article.html", context, request),
    )


def store(request: HttpRequest, found: Lookup, parts: Parts) -> None:
    """Keep the page under the values read before it was rendered (never fails the page)."""
    name = variant(request)
    if found.pages is None or len(name) > ArticlePage._meta.get_field("variant").max_length:
        return
    values = {
        "article": found.article.pk,
        "variant": name,
        "render_key": found.article.render_key,
        "pages": found.pages,
        "release": release.release_id(),
        "head": str(parts.head),
        "crumbs": str(parts.crumbs),
        "body": str(parts.article),
    }
    connection = connections[router.db_for_write(ArticlePage)]
    try:
        # One statement, no transaction of its own (bulk_create would add BEGIN and COMMIT).
        with (
            transaction.atomic(using=connection.alias)
            if connection.in_atomic_block
            else nullcontext()
        ):
            with connection.cursor() as cursor:
                cursor.execute(_store_sql(), values)
    except DatabaseError:  # a read-only database, a lock timeout: the reader has the page
        logger.warning("could not store the page of article %s", found.article.pk, exc_info=True)


@lru_cache(maxsize=1)
def _store_sql() -> str:
    quote = connections[router.db_for_write(ArticlePage)].ops.quote_name
    changed = [quote(f.column) for f in STORED_COLUMNS]
    columns = ", ".join([quote("article_id"), quote("variant"), *changed])
    return f"""
        INSERT INTO {ArticlePage._meta.db_table} ({columns})
        VALUES (%(article)s, %(variant)s, %(render_key)s, %(pages)s, %(release)s, %(head)s,
          %(crumbs)s, %(body)s)
        ON CONFLICT (article_id, variant) DO UPDATE SET
          {", ".join(f"{c} = excluded.{c}" for c in changed)}"""


STORED_COLUMNS = [
    ArticlePage._meta.get_field(name)
    for name in ("render_key", "pages", "release", "head_html", "crumbs_html", "article_html")
]
ARTICLE_COLUMNS = list(Article._meta.concrete_fields)
CATEGORY_COLUMNS = list(Category._meta.concrete_fields)


def _instances(alias: str, row: tuple) -> tuple[Article, tuple]:
    """The Article, with its category and the category's parent attached, from the row."""
    row = _converted(alias, row)
    n_article, n_category = len(ARTICLE_COLUMNS), len(CATEGORY_COLUMNS)
    names = [f.attname for f in ARTICLE_COLUMNS]
    article = Article.from_db(alias, names, row[:n_article])
    category_names = [f.attname for f in CATEGORY_COLUMNS]
    category = Category.from_db(alias, category_names, row[n_article : n_article + n_category])
    parent_row = row[n_article + n_category : n_article + 2 * n_category]
    category.parent = (
        Category.from_db(alias, category_names, parent_row) if parent_row[0] is not None else None
    )
    article.category = category
    return article, row[n_article + 2 * n_category :]


def _converted(alias: str, row: tuple) -> list:
    """The row's values as the ORM would give them (SQLite's datetimes made aware…)."""
    values = list(row)
    connection = connections[alias]
    for i, field, converters in _converters(alias):
        if values[i] is not None:
            for convert in converters:
                values[i] = convert(values[i], field, connection)
    return values


@lru_cache(maxsize=4)
def _converters(alias: str) -> list:
    connection = connections[alias]
    fields = [*ARTICLE_COLUMNS, *CATEGORY_COLUMNS, *CATEGORY_COLUMNS, *STORED_COLUMNS]
    found = []
    for i, field in enumerate(fields):
        column = field.get_col(field.model._meta.db_table)
        converters = connection.ops.get_db_converters(column) + field.get_db_converters(connection)
        if converters:
            found.append((i, column, converters))
    return found


@lru_cache(maxsize=1)
def _lookup_sql() -> str:
    quote = connections[router.db_for_read(Article)].ops.quote_name

    def cols(alias: str, fields) -> str:
        return ", ".join(f"{alias}.{quote(f.column)}" for f in fields)

    return f"""
        SELECT {cols("a", ARTICLE_COLUMNS)}, {cols("c", CATEGORY_COLUMNS)},
          {cols("cp", CATEGORY_COLUMNS)},
          {cols("p", STORED_COLUMNS)},
          (SELECT v.pages FROM {ContentVersion._meta.db_table} v WHERE v.id = 1)
        FROM {Article._meta.db_table} a
        JOIN {Category._meta.db_table} c ON c.id = a.category_id
        LEFT JOIN {Category._meta.db_table} cp ON cp.id = c.parent_id
        LEFT JOIN {ArticlePage._meta.db_table} p
          ON p.article_id = a.id AND p.variant = %(variant)s
        WHERE a.slug = %(slug)s AND a.status = %(published)s AND a.published_at <= %(now)s"""
