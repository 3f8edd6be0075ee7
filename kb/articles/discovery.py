"""Ways from one article to the next: related, previous/next, latest, month archive; each
in a fixed number of queries whatever the data."""

import calendar
import datetime
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from kb.articles.models import Article, ArticleCitation

RELATED_COUNT = 5
LATEST_COUNT = 5
LINK_FIELDS = ("title", "slug", "published_at", "category_id")


@dataclass(frozen=True)
class Links:
    related: list[Article]
    previous: Article | None
    next: Article | None
    latest: list[Article]


def article_links(article: Article, tag_ids: list[int], provision_ids: list[int]) -> Links:
    """Related articles (hand-picked, then sharing tags, then cited provisions, then newest;
    found through the link tables, never a scan), previous/next in the category and the
    latest, in two queries. `tag_ids`, `provision_ids`: the article's own, read by its page."""
    rows = sorted((r for r in _listed(article) if r.pk != article.pk), key=_newest_first)
    own = _newest_first(article)
    in_category = [r for r in rows if r.category_id == article.category_id]
    return Links(
        related=_related(article, tag_ids, provision_ids),
        previous=next((r for r in in_category if _newest_first(r) > own), None),
        next=next((r for r in reversed(in_category) if _newest_first(r) < own), None),
        latest=rows[:LATEST_COUNT],
    )


def _newest_first(article: Article) -> tuple:
    return (-article.published_at.timestamp(), -article.pk)


def _related(article: Article, tag_ids: list[int], provision_ids: list[int]) -> list[Article]:
    pk = article.pk
    # The rows tying a candidate to this article (hand-picked by it, sharing one of its tags,
    # citing one of its provisions), and the candidate's column in them; an empty list ties none.
    links = [
        ("picked", Article.related.through.objects.filter(from_article_id=pk), "to_article_id")
    ]
    if tag_ids:
        links.append(
            ("tags", Article.tags.through.objects.filter(tag_id__in=tag_ids), "article_id")
        )
    if provision_ids:
        citing = ArticleCitation.objects.filter(provision_id__in=provision_ids)
        links.append(("laws", citing, "article_id"))
    shared = {  # per candidate: a correlated COUNT, an index lookup per candidate
        f"shared_{name}": Coalesce(
            Subquery(
                rows.filter(**{column: OuterRef("pk")})
                .values(column)
                .annotate(n=Count("*"))
                .values("n")
            ),
            0,
        )
        for name, rows, column in links
    }
    return list(
        Article.objects.published()
        .exclude(pk=pk)
        .filter(reduce(or_, (Q(pk__in=rows.values(column)) for _, rows, column in links)))
        .annotate(**shared)
        .order_by(*(f"-{name}" for name in shared), "-published_at", "-id")
        .only(*LINK_FIELDS)[:RELATED_COUNT]
    )


def _listed(article: Article):
    """The published articles just older and just newer in the category, and the newest."""
    at, pk = article.published_at, article.pk
    live = Article.objects.published()
    same = live.filter(category_id=article.category_id)
    older = same.filter(Q(published_at__lt=at) | Q(published_at=at, id__lt=pk))
    newer = same.filter(Q(published_at__gt=at) | Q(published_at=at, id__gt=pk))
    # Unordered: article_links sorts these few rows itself.
    return (
        Article.objects.filter(
            Q(pk__in=older.values("pk")[:1])
            | Q(pk__in=newer.order_by("published_at", "id").values("pk")[:1])
            | Q(pk__in=live.values("pk")[: LATEST_COUNT + 1])
        )
        .only(*LINK_FIELDS)
        .order_by()
    )


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
