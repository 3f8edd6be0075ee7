"""Writes touching several models: an article's citation rows, and its 需复核 flag, set when a
provision it cites changes (a laws.Change row; caught up again when editors open the admin)."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from kb.articles.models import Article, ArticleCitation, UnresolvedCitation
from kb.articles.rendering import Rendered, render_article
from kb.core.content_version import content_changed
from kb.laws.models import Change


def store_citations_after_save(sender, instance, **kwargs) -> None:
    """post_save of Article (kb/articles/apps.py): store what Article.save() rendered (a fixture
    load saves without save(), so renders nothing)."""
    if hasattr(instance, "rendered"):
        store_citations(instance, instance.rendered)


def store_citations(article, rendered: Rendered) -> None:
    """Rebuild this article's citation rows; safe to run again."""
    rows: dict[int, ArticleCitation] = {}  # by provision: the first hit, counting repeats
    for position, hit in enumerate(rendered.citations):
        if hit.provision_id in rows:
            rows[hit.provision_id].count += 1
            continue
        rows[hit.provision_id] = ArticleCitation(
            article=article,
            provision_id=hit.provision_id,
            raw_text=hit.raw_text[:200],
            paragraph=hit.paragraph,
            item=hit.item,
            order=position,
        )
    misses = {m.raw_text: m for m in rendered.unresolved}
    with transaction.atomic():
        ArticleCitation.objects.filter(article=article).delete()
        ArticleCitation.objects.bulk_create(rows.values())
        UnresolvedCitation.objects.filter(
            article=article, status=UnresolvedCitation.Status.OPEN
        ).delete()
        UnresolvedCitation.objects.bulk_create(
            UnresolvedCitation(article=article, raw_text=m.raw_text[:200], reason=m.reason[:200])
            for m in misses.values()
        )
        content_changed()


def rerender_all(store: bool = True, unresolved: list | None = None) -> int:
    """Re-render every article (after loading fixtures or laws); returns how many.
    (article, CitationMiss) pairs go into `unresolved`; with store=False nothing is saved."""
    count = 0
    for article in Article.objects.order_by("pk").iterator():
        rendered = render_article(article)
        count += 1
        if unresolved is not None:
            unresolved.extend((article, miss) for miss in rendered.unresolved)
        if store:
            Article.objects.filter(pk=article.pk).update(
                body_html=article.body_html, toc_html=article.toc_html
            )
            store_citations(article, rendered)
    return count


@transaction.atomic
def flag_stale_articles() -> int:
    """Flag every article citing a changed provision (or a provision of a law whose status
    changed); mark those changes propagated. Returns how many articles were newly flagged."""
    changes = list(
        Change.objects.select_for_update()
        .filter(propagated=False)
        .values_list("pk", "kind", "law_id", "provision_id")
    )
    if not changes:
        return 0
    provisions = {p for _, kind, _, p in changes if kind == Change.Kind.TEXT and p}
    laws = {law for _, kind, law, _ in changes if kind == Change.Kind.STATUS}
    citing = Article.objects.filter(
        Q(citations__provision_id__in=provisions) | Q(citations__provision__law_id__in=laws)
    ).values("pk")
    articles = list(Article.objects.filter(pk__in=citing, needs_review=False))
    for article in articles:
        article.needs_review = True
        article._history_user = None  # automatic: not whoever happened to open the list
    if articles:
        # One history row per article (bulk_update alone would leave no trace), without
        # save(): the article's text and its public "updated" date do not change.
        bulk_update_with_history(
            articles,
            Article,
            ["needs_review"],
            default_change_reason="所引条文已变化，自动标记为需复核",
        )
    Change.objects.filter(pk__in=[c[0] for c in changes]).update(propagated=True)
    return len(articles)


def flag_when_committed(sender, instance, created: bool, **kwargs) -> None:
    """post_save of laws.Change: flag the citing articles once the change is committed."""
    if created:
        transaction.on_commit(flag_stale_articles)


def mark_reviewed(queryset, user=None) -> int:
    """The editor checked these articles against the current law: clear the flag, date it,
    with a history row naming `user`; the body and "updated" date are untouched."""
    today = timezone.localdate()
    articles = list(Article.objects.filter(pk__in=queryset.values("pk")))
    for article in articles:
        article.needs_review, article.reviewed_at = False, today
    if not articles:
        return 0
    with transaction.atomic():
        bulk_update_with_history(
            articles,
            Article,
            ["needs_review", "reviewed_at"],
            default_user=user,
            default_change_reason="标记为已审核",
        )
        content_changed()  # the article page shows 最近审核
    return len(articles)
