"""Ways from one article to the next: related, previous/next, latest, month archive.

Each function is one query whatever the data, so the article page's query count stays fixed.
"""

import calendar
import datetime
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
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

    Each list is a small sliced subquery over indexed lookups; the one query reads the rows
    they pick, with the related ranking. Related candidates come from the small link tables
    (hand-picked, sharing a tag, citing the same provision), never from a scan of every
    published article, whatever the size of the site.

    The rows are sorted into the lists here rather than marked by the query: every list's
    true members are among the rows, and any other row ranks below them by that list's own
    order, so each list is the first rows of that order that meet its rule.
    """
    ranking = _ranking(article)
    lists = [
        _related(article, ranking).values("pk")[:RELATED_COUNT],
        _in_category(article, older=True).values("pk")[:1],
        _in_category(article, older=False).values("pk")[:1],
        _others(article).order_by("-published_at", "-id").values("pk")[:LATEST_COUNT],
    ]
    rows = list(  # newest first (Article's default ordering)
        Article.objects.filter(reduce(or_, (Q(pk__in=ids) for ids in lists)))
        .only("title", "slug", "published_at", "category_id")
        .annotate(**ranking)
    )
    candidates = (r for r in rows if r.picked or r.shared_tags or r.shared_laws)
    related = sorted(
        candidates, key=lambda r: (-r.picked, -r.shared_tags, -r.shared_laws, *_newest_first(r))
    )
    own = _newest_first(article)
    in_category = [r for r in rows if r.category_id == article.category_id]
    return Links(
        related=related[:RELATED_COUNT],
        previous=next((r for r in in_category if _newest_first(r) > own), None),
        next=next((r for r in reversed(in_category) if _newest_first(r) < own), None),
        latest=rows[:LATEST_COUNT],
    )


def _newest_first(article: Article) -> tuple:
    return (-article.published_at.timestamp(), -article.pk)


def _others(article: Article):
    return Article.objects.published().exclude(pk=article.pk)


def _ranking(article: Article) -> dict:
    """For each candidate: hand-picked by this article, tags shared, cited provisions shared."""
    return {
        "picked": Exists(_picked(article).filter(to_article_id=OuterRef("pk"))),
        "shared_tags": _count(_sharing_tags(article)),
        "shared_laws": _count(_citing_the_same(article)),
    }


def _picked(article: Article):
    return Article.related.through.objects.filter(from_article_id=article.pk)


def _sharing_tags(article: Article):
    own = Article.tags.through.objects.filter(article_id=article.pk).values("tag_id")
    return Article.tags.through.objects.filter(tag_id__in=own)


def _citing_the_same(article: Article):
    own = ArticleCitation.objects.filter(article_id=article.pk).values("provision_id")
    return ArticleCitation.objects.filter(provision_id__in=own)


def _count(rows) -> Coalesce:
    """How many of `rows` belong to the outer article (a correlated COUNT subquery)."""
    per_article = (
        rows.filter(article_id=OuterRef("pk"))
        .values("article_id")
        .annotate(n=Count("*"))
        .values("n")
    )
    return Coalesce(Subquery(per_article), 0)


def _related(article: Article, ranking: dict):
    candidates = (
        Q(pk__in=_picked(article).values("to_article_id"))
        | Q(pk__in=_sharing_tags(article).values("article_id"))
        | Q(pk__in=_citing_the_same(article).values("article_id"))
    )
    return (
        _others(article)
        .filter(candidates)
        .annotate(**ranking)
        .order_by("-picked", "-shared_tags", "-shared_laws", "-published_at", "-id")
    )


def _in_category(article: Article, older: bool):
    """The published articles just older (or newer) than this one in its category."""
    at, pk = article.published_at, article.pk
    qs = Article.objects.published().filter(category_id=article.category_id)
    if older:
        qs = qs.filter(Q(published_at__lt=at) | Q(published_at=at, id__lt=pk))
        return qs.order_by("-published_at", "-id")
    qs = qs.filter(Q(published_at__gt=at) | Q(published_at=at, id__gt=pk))
    return qs.order_by("published_at", "id")


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
