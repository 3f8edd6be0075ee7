"""Article pages rendered once and stored, so a reader the page cache cannot answer (the cache
is off or cold, or another page was just edited) costs one query, not a full render.

An ArticlePage row per article, origin and script holds the page in two kinds of parts:

- What the page shows of the article itself — head metadata, breadcrumb, the article with its
  FAQ, cited statutes, tags, share links and feedback form. Used while the article's render_key
  (replaced by kb.core.pagecache.bump_content_version() with a fresh random value after any
  change to the article, its FAQ, citations or tags) and the site-wide generation
  (core.ContentVersion.pages, bumped by every other content change: a law or provision, a
  category, a tag renamed, a bulk load) are those it was rendered under. So an edit of one
  article leaves every other article's text stored.
- The links to other articles — related, previous/next in the category, latest. They change
  whenever any article does, so they are used only while the content version
  (core.ContentVersion.value, bumped by every content change, the page cache's own number) is
  the one they were rendered under and no scheduled article has gone live since; otherwise one
  query finds them again.

Both kinds also need the release of the code they were rendered by (kb/core/release.py). Every
value is read in the same query as the article, before anything else about it, and stored
with what was rendered from the data read after it. A render that raced an edit is therefore
stored under the old values and never used: no stale row can become valid.
"""

import logging
from contextlib import nullcontext
from dataclasses import dataclass
from functools import lru_cache

from django.db import DatabaseError, connections, router, transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from kb.articles.models import Article, ArticlePage, Category
from kb.core import release
from kb.core.models import ContentVersion
from kb.core.seo import site_origin

logger = logging.getLogger(__name__)
DESCRIPTION_LENGTH = 120  # characters of the short answer in <meta name="description">


@dataclass(frozen=True)
class Parts:
    description: str  # plain text, escaped where the page shows it
    head: SafeString
    crumbs: SafeString
    article: SafeString


@dataclass(frozen=True)
class Links:
    main: SafeString  # previous/next and related, under the article
    side: SafeString  # latest, beside it


@dataclass(frozen=True)
class Lookup:
    article: Article  # its render_key is the one read with the stored page
    pages: int | None  # None before the first content change has created the version row
    version: int | None
    parts: Parts | None  # None when the stored parts are missing or outdated
    links: Links | None  # likewise
    scheduled_live: bool = False  # an article has gone live since the version was last bumped


def variant(request: HttpRequest) -> str:
    """What a stored page differs by: the origin its absolute links name, and the script."""
    return f"{site_origin(request)} {'hant' if getattr(request, 'hant', False) else 'hans'}"


def lookup(request: HttpRequest, slug: str) -> Lookup | None:
    """The published article (with its category and parent) and, when still valid, its stored
    page: one query. None when no published article has this slug."""
    connection = connections[router.db_for_read(Article)]
    params = {
        "slug": slug,
        "variant": variant(request),
        "published": Article.Status.PUBLISHED,
        "now": connection.ops.adapt_datetimefield_value(timezone.now()),
        "release": release.release_id(),
    }
    with connection.cursor() as cursor:
        cursor.execute(_lookup_sql(), params)
        row = cursor.fetchone()
    if row is None:
        return None
    parts_ok = bool(row[0])
    article, rest = _instances(connection.alias, row[1:], parts_ok)
    _, _, built_by, description, head, crumbs, body, version, main, side = rest[:10]
    pages_now, version_now, next_publication = rest[10:]
    same_release = built_by == params["release"]
    parts = (
        Parts(description, mark_safe(head), mark_safe(crumbs), mark_safe(body))
        if parts_ok
        else None
    )
    links = None
    scheduled_live = next_publication is not None and next_publication <= timezone.now()
    if same_release and version is not None and version == version_now and not scheduled_live:
        links = Links(mark_safe(main), mark_safe(side))
    return Lookup(article, pages_now, version_now, parts, links, scheduled_live)


def render_parts(request: HttpRequest, context: dict) -> Parts:
    return Parts(
        Truncator(context["article"].short_answer).chars(DESCRIPTION_LENGTH),
        render_to_string("articles/includes/detail_head.html", context, request),
        render_to_string(
            "includes/breadcrumb.html", {"crumbs": context["breadcrumb"], "current": "正文"}
        ),
        render_to_string("articles/includes/detail_article.html", context, request),
    )


def render_links(request: HttpRequest, context: dict) -> Links:
    return Links(
        render_to_string("articles/includes/detail_links.html", context, request),
        render_to_string("articles/includes/latest.html", context, request),
    )


def store(request: HttpRequest, found: Lookup, parts: Parts, links: Links) -> None:
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
        "description": parts.description,
        "head": str(parts.head),
        "crumbs": str(parts.crumbs),
        "body": str(parts.article),
        "version": found.version,
        "main": str(links.main),
        "side": str(links.side),
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
        VALUES (%(article)s, %(variant)s, %(render_key)s, %(pages)s, %(release)s,
          %(description)s, %(head)s,
          %(crumbs)s, %(body)s, %(version)s, %(main)s, %(side)s)
        ON CONFLICT (article_id, variant) DO UPDATE SET
          {", ".join(f"{c} = excluded.{c}" for c in changed)}"""


STORED_COLUMNS = [
    ArticlePage._meta.get_field(name)
    for name in (
        "render_key",
        "pages",
        "release",
        "description",
        "head_html",
        "crumbs_html",
        "article_html",
        "links_version",
        "links_main_html",
        "links_side_html",
    )
]
VERSION_COLUMNS = [
    ContentVersion._meta.get_field(name) for name in ("pages", "value", "next_publication")
]
ARTICLE_COLUMNS = list(Article._meta.concrete_fields)
# What only a render of the article's own parts reads: not fetched when they are valid (the
# fields stay deferred, and its category is not attached).
TEXT_FIELDS = {
    "body",
    "body_html",
    "toc_html",
    "short_answer",
    "updated_at",
    "reviewed_at",
    "source",
    "editor",
}
CATEGORY_COLUMNS = list(Category._meta.concrete_fields)


def _instances(alias: str, row: tuple, parts_ok: bool) -> tuple[Article, tuple]:
    """The Article, with its category and the category's parent attached, from the row. With
    valid stored parts its text was not read (it is not shown): those fields stay deferred."""
    row = _converted(alias, row)
    n_article, n_category = len(ARTICLE_COLUMNS), len(CATEGORY_COLUMNS)
    fields = zip(ARTICLE_COLUMNS, row[:n_article], strict=True)
    if parts_ok:
        fields = [(f, value) for f, value in fields if f.name not in TEXT_FIELDS]
    names, values = zip(*((f.attname, value) for f, value in fields), strict=True)
    article = Article.from_db(alias, list(names), values)
    rest = row[n_article + 2 * n_category :]
    if parts_ok:
        return article, rest
    category_names = [f.attname for f in CATEGORY_COLUMNS]
    category = Category.from_db(alias, category_names, row[n_article : n_article + n_category])
    parent_row = row[n_article + n_category : n_article + 2 * n_category]
    category.parent = (
        Category.from_db(alias, category_names, parent_row) if parent_row[0] is not None else None
    )
    article.category = category
    return article, rest


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
    fields = [
        *ARTICLE_COLUMNS,
        *CATEGORY_COLUMNS,
        *CATEGORY_COLUMNS,
        *STORED_COLUMNS,
        *VERSION_COLUMNS,
    ]
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

    parts_ok = "(p.render_key = a.render_key AND p.pages = v.pages AND p.release = %(release)s)"

    def for_rendering(alias: str, fields, only=None) -> str:
        """Columns read only to render the parts: NULL (never read) when they are valid."""
        return ", ".join(
            f"CASE WHEN {parts_ok} THEN NULL ELSE {alias}.{quote(f.column)} END"
            if only is None or f.name in only
            else f"{alias}.{quote(f.column)}"
            for f in fields
        )

    return f"""
        SELECT COALESCE({parts_ok}, FALSE), {for_rendering("a", ARTICLE_COLUMNS, TEXT_FIELDS)},
          {for_rendering("c", CATEGORY_COLUMNS)}, {for_rendering("cp", CATEGORY_COLUMNS)},
          {cols("p", STORED_COLUMNS)}, {cols("v", VERSION_COLUMNS)}
        FROM {Article._meta.db_table} a
        JOIN {Category._meta.db_table} c ON c.id = a.category_id
        LEFT JOIN {Category._meta.db_table} cp ON cp.id = c.parent_id
        LEFT JOIN {ArticlePage._meta.db_table} p
          ON p.article_id = a.id AND p.variant = %(variant)s
        LEFT JOIN {ContentVersion._meta.db_table} v ON v.id = 1
        WHERE a.slug = %(slug)s AND a.status = %(published)s AND a.published_at <= %(now)s"""
