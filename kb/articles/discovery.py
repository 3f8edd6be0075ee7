"""Ways from one article to the next: related, previous/next, latest, month archive.

Each function is one query whatever the data, so the article page's query count stays fixed.
"""

import calendar
import datetime
from dataclasses import dataclass
from functools import lru_cache

from django.db import connections, router
from django.utils import timezone

from kb.articles.models import Article, ArticleCitation

RELATED_COUNT = 5
LATEST_COUNT = 5


@dataclass(frozen=True)
class Links:
    related: list[Article]
    previous: Article | None
    next: Article | None
    latest: list[Article]


def article_links(article: Article) -> Links:
    """An article's related articles (hand-picked first, then by shared tags and cited
    provisions), previous and next in its category, and the latest others: one query.

    Plain SQL, a UNION ALL of the four indexed lookups; tests/articles/test_related.py checks
    its answers against the same rules written with the ORM (tests/articles/discovery_orm.py).
    This is the uncached article page's largest query, and the ORM spent more time building
    and compiling it than the database spent running it.
    """
    connection = connections[router.db_for_read(Article)]
    adapt = connection.ops.adapt_datetimefield_value
    params = {
        "pk": article.pk,
        "category": article.category_id,
        "at": adapt(article.published_at),
        "now": adapt(timezone.now()),
        "published": Article.Status.PUBLISHED,
    }
    related: list[Article] = []
    previous = next_ = None
    latest: list[Article] = []
    for row in Article.objects.raw(_links_sql(), params).using(connection.alias):
        if row.kind == "r":
            related.append(row)
        elif row.kind == "p":
            previous = row
        elif row.kind == "n":
            next_ = row
        else:
            latest.append(row)
    related.sort(key=lambda r: (-r.picked, -r.shared_tags, -r.shared_laws, *_newest_first(r)))
    latest.sort(key=_newest_first)
    return Links(related=related, previous=previous, next=next_, latest=latest)


def _newest_first(article: Article) -> tuple:
    return (-article.published_at.timestamp(), -article.pk)


@lru_cache(maxsize=1)
def _links_sql() -> str:
    tables = {
        "article": Article._meta.db_table,
        "tags": Article.tags.through._meta.db_table,
        "picks": Article.related.through._meta.db_table,
        "cites": ArticleCitation._meta.db_table,
    }
    columns = "a.id, a.title, a.slug, a.published_at, a.category_id"
    public = "a.status = %(published)s AND a.published_at <= %(now)s"
    # Candidates come from the small link tables (hand-picked, sharing a tag, citing the same
    # provision), scored there, and only then joined to the articles: never a scan of every
    # published article, whatever the size of the site.
    related = f"""
        SELECT {columns}, 'r' AS kind, s.picked, s.shared_tags, s.shared_laws
        FROM (
          SELECT id, MAX(picked) AS picked, SUM(tag) AS shared_tags, SUM(law) AS shared_laws
          FROM (
            SELECT p.to_article_id AS id, 1 AS picked, 0 AS tag, 0 AS law
            FROM {{picks}} p WHERE p.from_article_id = %(pk)s
            UNION ALL
            SELECT t.article_id, 0, 1, 0
            FROM {{tags}} t JOIN {{tags}} o ON o.tag_id = t.tag_id
            WHERE o.article_id = %(pk)s
            UNION ALL
            SELECT c.article_id, 0, 0, 1
            FROM {{cites}} c JOIN {{cites}} o ON o.provision_id = c.provision_id
            WHERE o.article_id = %(pk)s
          ) AS links
          GROUP BY id
        ) AS s
        JOIN {{article}} a ON a.id = s.id
        WHERE {public} AND a.id <> %(pk)s
        ORDER BY s.picked DESC, s.shared_tags DESC, s.shared_laws DESC,
          a.published_at DESC, a.id DESC
        LIMIT {RELATED_COUNT}"""
    previous = f"""
        SELECT {columns}, 'p' AS kind, 0 AS picked, 0 AS shared_tags, 0 AS shared_laws
        FROM {{article}} a
        WHERE {public} AND a.category_id = %(category)s
          AND (a.published_at, a.id) < (%(at)s, %(pk)s)
        ORDER BY a.published_at DESC, a.id DESC LIMIT 1"""
    next_ = f"""
        SELECT {columns}, 'n' AS kind, 0 AS picked, 0 AS shared_tags, 0 AS shared_laws
        FROM {{article}} a
        WHERE {public} AND a.category_id = %(category)s
          AND (a.published_at, a.id) > (%(at)s, %(pk)s)
        ORDER BY a.published_at ASC, a.id ASC LIMIT 1"""
    latest = f"""
        SELECT {columns}, 'l' AS kind, 0 AS picked, 0 AS shared_tags, 0 AS shared_laws
        FROM {{article}} a
        WHERE {public} AND a.id <> %(pk)s
        ORDER BY a.published_at DESC, a.id DESC LIMIT {LATEST_COUNT}"""
    parts = [related, previous, next_, latest]
    union = "\nUNION ALL\n".join(
        f"SELECT * FROM ({part}\n) AS part{n}" for n, part in enumerate(parts)
    )
    return union.format(**tables)


@dataclass(frozen=True)
class Day:
    number: int  # 0 for the padding cells of the first and last week
    has_articles: bool = False
    anchor: str = ""


def month_bounds(year: int, month: int) -> tuple[datetime.datetime, datetime.datetime]:
    """The month as an aware [start, end) range in the site's time zone."""
    start = datetime.datetime(year, month, 1)
    end = datetime.datetime(year + (month == 12), month % 12 + 1, 1)
    return timezone.make_aware(start), timezone.make_aware(end)


def calendar_weeks(year: int, month: int, days_with_articles: set[int]) -> list[list[Day]]:
    """Weeks Monday to Sunday, marking the days that have articles (like the news seed's)."""
    weeks = calendar.Calendar(firstweekday=0).monthdayscalendar(year, month)
    return [
        [Day(d, d in days_with_articles, f"d{d}" if d in days_with_articles else "") for d in week]
        for week in weeks
    ]


def month_articles(year: int, month: int) -> list[Article]:
    start, end = month_bounds(year, month)
    qs = (
        Article.objects.published().for_list().filter(published_at__gte=start, published_at__lt=end)
    )
    return list(qs.order_by("published_at", "id"))


def neighbour_month(year: int, month: int, later: bool) -> datetime.date | None:
    """The closest earlier (or later) month that has published articles."""
    start, end = month_bounds(year, month)
    qs = Article.objects.published()
    if later:
        at = (
            qs.filter(published_at__gte=end)
            .order_by("published_at")
            .values_list("published_at", flat=True)
            .first()
        )
    else:
        at = (
            qs.filter(published_at__lt=start)
            .order_by("-published_at")
            .values_list("published_at", flat=True)
            .first()
        )
    if at is None:
        return None
    local = timezone.localtime(at)
    return datetime.date(local.year, local.month, 1)


def archive_months() -> list[datetime.date]:
    """Every month that has published articles (for the sitemap), newest first."""
    months = Article.objects.published().datetimes("published_at", "month", order="DESC")
    return [m.date() for m in months]


def months_of(moments) -> list[datetime.date]:
    """The months (in the site's time zone) of these moments, newest first, like
    archive_months() gives for the published articles."""
    months = {timezone.localtime(m).date().replace(day=1) for m in moments}
    return sorted(months, reverse=True)


def archive_context(year: int, month: int) -> dict | None:
    """The month page's data, or None when the month is invalid or has no articles."""
    if not (1 <= month <= 12 and 2000 <= year <= 2100):
        return None
    articles = month_articles(year, month)
    if not articles:
        return None
    by_day: dict[int, list[Article]] = {}
    for a in articles:
        by_day.setdefault(timezone.localtime(a.published_at).day, []).append(a)
    return {
        "days": [(datetime.date(year, month, d), items) for d, items in by_day.items()],
        "month": datetime.date(year, month, 1),
        "weeks": calendar_weeks(year, month, set(by_day)),
        "weekdays": ["一", "二", "三", "四", "五", "六", "日"],
        "articles": articles,
        "previous_month": neighbour_month(year, month, later=False),
        "next_month": neighbour_month(year, month, later=True),
    }
