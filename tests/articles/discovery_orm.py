"""The rules of kb.articles.discovery.article_links() stated again with the ORM, one lookup
each: an independent statement its hand-written SQL is checked against (test_related.py)."""

from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from kb.articles.discovery import LATEST_COUNT, RELATED_COUNT
from kb.articles.models import Article, ArticleCitation


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


def latest_articles(exclude: Article | None = None, limit: int = LATEST_COUNT) -> list[Article]:
    qs = Article.objects.published().only("title", "slug", "published_at")
    if exclude is not None:
        qs = qs.exclude(pk=exclude.pk)
    return list(qs.order_by("-published_at", "-id")[:limit])
