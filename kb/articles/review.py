"""需复核: articles citing a provision whose text, or whose law's status, has changed.

kb.laws records every such change as a laws.Change row (Provision.save / Law.save, the admin
and import_law all go through them) and knows nothing of articles. This module, on the
articles side of the dependency, turns unpropagated changes into Article.needs_review flags.
It runs as soon as a change is committed, and again whenever an editor opens the article list
or an article, and in check_citations, so the flag is up to date wherever editors look,
whichever way the law was changed.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from kb.articles.models import Article
from kb.articles.rendering import render_markdown
from kb.articles.services import store_citations
from kb.core.content_version import content_changed
from kb.laws.models import Change

FLAGGED_REASON = "所引条文已变化，自动标记为需复核"
REVIEWED_REASON = "标记为已审核"


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
            articles, Article, ["needs_review"], default_change_reason=FLAGGED_REASON
        )
    Change.objects.filter(pk__in=[c[0] for c in changes]).update(propagated=True)
    return len(articles)


def flag_when_committed(sender, instance, created: bool, **kwargs) -> None:
    """post_save of laws.Change: flag the citing articles once the change is committed."""
    if created:
        transaction.on_commit(flag_stale_articles)


def mark_reviewed(queryset, user=None) -> int:
    """The editor checked these articles against the current law: clear the flag, date it.

    Each article gets a history row naming `user`; the body and "updated" date are untouched.
    """
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
            default_change_reason=REVIEWED_REASON,
        )
        content_changed()  # the article page shows 最近审核
    return len(articles)


@dataclass
class CheckReport:
    articles: int
    unresolved: list[tuple[Article, str, str]]  # (article, raw text, reason)


def check_citations(store: bool = True) -> CheckReport:
    """Re-parse every article; optionally store the refreshed citation rows."""
    report = CheckReport(articles=0, unresolved=[])
    for article in Article.objects.order_by("pk").iterator():
        rendered = render_markdown(article.body)
        report.articles += 1
        report.unresolved.extend((article, m.raw_text, m.reason) for m in rendered.unresolved)
        if store:
            Article.objects.filter(pk=article.pk).update(
                body_html=rendered.html, toc_html=rendered.toc_html
            )
            store_citations(article, rendered)
    if store:
        flag_stale_articles()
    return report
