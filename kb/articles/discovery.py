"""Ways from one article to the next: related, previous/next, latest, month archive.

Each function is one query whatever the data, so the article page's query count stays fixed.
"""

import calendar
import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from kb.articles.models import Article, ArticleCitation

RELATED_COUNT = 5
LATEST_COUNT = 5


def related_articles(article: Article, limit: int = RELATED_COUNT) -> list[Article]:
    """Hand-picked first, then articles sharing the most tags and cited provisions."""
    return list(_related_queryset(article)[:limit])


def _related_queryset(article: Article):
    """Candidates first (hand-picked, or sharing a tag or a cited provision, found through
    the indexed link tables), then each candidate's counts as small correlated subqueries: no
    join and GROUP BY over every published article."""
    candidates, ranking = _related_parts(article)
    return (
        Article.objects.published()
        .for_list()
        .exclude(pk=article.pk)
        .filter(candidates)
        .annotate(**ranking)
        .order_by("-picked", "-shared_tags", "-shared_laws", "-published_at", "-id")
    )


def _related_parts(article: Article) -> tuple[Q, dict]:
    pk = article.pk
    own_tags = Article.tags.through.objects.filter(article_id=pk).values("tag_id")
    own_provisions = ArticleCitation.objects.filter(article_id=pk).values("provision_id")
    picked = Article.related.through.objects.filter(from_article_id=pk)
    sharing_tags = Article.tags.through.objects.filter(tag_id__in=own_tags)
    citing = ArticleCitation.objects.filter(provision_id__in=own_provisions)
    candidates = (
        Q(pk__in=picked.values("to_article_id"))
        | Q(pk__in=sharing_tags.values("article_id"))
        | Q(pk__in=citing.values("article_id"))
    )
    ranking = {
        "picked": Exists(picked.filter(to_article_id=OuterRef("pk"))),
        "shared_tags": _count(sharing_tags, "article_id"),
        "shared_laws": _count(citing, "article_id"),
    }
    return candidates, ranking


def _in_category(article: Article):
    return (
        Article.objects.published()
        .filter(category_id=article.category_id)
        .only("title", "slug", "published_at")
    )


def previous_article(article: Article) -> Article | None:
    """The next older published article in the same category."""
    at, pk = article.published_at, article.pk
    older = Q(published_at__lt=at) | Q(published_at=at, id__lt=pk)
    return _in_category(article).filter(older).order_by("-published_at", "-id").first()


def next_article(article: Article) -> Article | None:
    """The next newer published article in the same category."""
    at, pk = article.published_at, article.pk
    newer = Q(published_at__gt=at) | Q(published_at=at, id__gt=pk)
    return _in_category(article).filter(newer).order_by("published_at", "id").first()


@dataclass(frozen=True)
class Links:
    related: list[Article]
    previous: Article | None
    next: Article | None
    latest: list[Article]


def article_links(article: Article) -> Links:
    """related_articles, previous_article, next_article and latest_articles: one query.

    It fetches the union of the rows those four would return, each row annotated with the
    related ranking (hand-picked, shared tags, shared cited provisions), and splits them in
    Python: every row outside one list's own subquery ranks after that list's rows, so
    sorting the union and taking the first rows gives exactly the separate answers.
    """
    at, pk = article.published_at, article.pk
    older = Q(published_at__lt=at) | Q(published_at=at, id__lt=pk)
    newer = Q(published_at__gt=at) | Q(published_at=at, id__gt=pk)
    in_category = Article.objects.published().filter(category_id=article.category_id)
    previous_pk = in_category.filter(older).order_by("-published_at", "-id").values("pk")[:1]
    next_pk = in_category.filter(newer).order_by("published_at", "id").values("pk")[:1]
    latest_pks = Article.objects.published().exclude(pk=pk).order_by("-published_at", "-id")
    related_pks = _related_queryset(article).values("pk")[:RELATED_COUNT]
    rows = list(
        Article.objects.published()
        .for_list()
        .filter(
            Q(pk__in=related_pks)
            | Q(pk=Subquery(previous_pk))
            | Q(pk=Subquery(next_pk))
            | Q(pk__in=latest_pks.values("pk")[:LATEST_COUNT])
        )
        .annotate(**_related_parts(article)[1])
        .order_by("-published_at", "-id")
    )
    same = [r for r in rows if r.category_id == article.category_id]
    ranked = sorted(
        (r for r in rows if r.picked or r.shared_tags or r.shared_laws),
        key=lambda r: (r.picked, r.shared_tags, r.shared_laws, r.published_at, r.pk),
        reverse=True,
    )
    return Links(
        related=ranked[:RELATED_COUNT],
        previous=max((r for r in same if _order(r) < (at, pk)), key=_order, default=None),
        next=min((r for r in same if _order(r) > (at, pk)), key=_order, default=None),
        latest=rows[:LATEST_COUNT],
    )


def _count(rows, column: str) -> Coalesce:
    """How many of `rows` belong to the outer article (a correlated COUNT subquery)."""
    per_article = (
        rows.filter(**{column: OuterRef("pk")})
        .order_by()
        .values(column)
        .annotate(n=Count("*"))
        .values("n")
    )
    return Coalesce(Subquery(per_article), 0)


def _order(article: Article) -> tuple:
    return (article.published_at, article.pk)


def latest_articles(exclude: Article | None = None, limit: int = LATEST_COUNT) -> list[Article]:
    qs = Article.objects.published().only("title", "slug", "published_at")
    if exclude is not None:
        qs = qs.exclude(pk=exclude.pk)
    return list(qs.order_by("-published_at", "-id")[:limit])


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
