"""Writes touching several models: rendering an article and rebuilding its citation rows."""

from django.db import transaction

from kb.articles.models import Article, ArticleCitation, UnresolvedCitation
from kb.articles.rendering import Rendered, render_article
from kb.core.content_version import content_changed


def store_citations_after_save(sender, instance, raw: bool = False, **kwargs) -> None:
    """post_save of Article (kb/articles/apps.py): store what Article.save() rendered."""
    rendered = getattr(instance, "rendered", None)
    if not raw and rendered is not None:
        store_citations(instance, rendered)


def store_citations(article, rendered: Rendered) -> None:
    """Rebuild this article's citation rows; safe to run again."""
    rows: dict[int, ArticleCitation] = {}
    for position, hit in enumerate(rendered.citations):
        row = rows.get(hit.provision_id)
        if row is None:
            rows[hit.provision_id] = ArticleCitation(
                article=article,
                provision_id=hit.provision_id,
                raw_text=hit.raw_text[:200],
                paragraph=hit.paragraph,
                item=hit.item,
                order=position,
            )
        else:
            row.count += 1
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
