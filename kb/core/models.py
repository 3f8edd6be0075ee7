"""Edit history for legal content, and the editorial review queue.

History: every save of an Article (and its FAQ entries), a Law, a Provision and a guide
Tree/Node/Choice is kept as a historical row (who, when, what) in this app's tables — see kb/core/history.py.
"""

import simple_history
from django.conf import settings
from django.db import models
from django.utils import timezone

from kb.articles.models import FAQ, Article
from kb.guide.models import Choice, Node, Tree
from kb.laws.models import Law, Provision

simple_history.register(
    Article,
    app="kb.core",
    excluded_fields=["body_html", "toc_html", "updated_at"],
    verbose_name="文章历史",
    verbose_name_plural="文章历史",
)
# An article's FAQ answers are shown to readers (and in its structured data) like its body.
simple_history.register(
    FAQ, app="kb.core", verbose_name="常见问题历史", verbose_name_plural="常见问题历史"
)
simple_history.register(
    Provision, app="kb.core", verbose_name="条文历史", verbose_name_plural="条文历史"
)
# Law already has a `history` field (its legislative history), so its edit log is `revisions`.
simple_history.register(
    Law,
    app="kb.core",
    manager_name="revisions",
    verbose_name="法律历史",
    verbose_name_plural="法律历史",
)
simple_history.register(
    Tree, app="kb.core", verbose_name="问答向导历史", verbose_name_plural="问答向导历史"
)
simple_history.register(
    Node, app="kb.core", verbose_name="向导问题历史", verbose_name_plural="向导问题历史"
)
simple_history.register(
    Choice, app="kb.core", verbose_name="向导选项历史", verbose_name_plural="向导选项历史"
)


QUEUE_ORDERING = (
    "-needs_review",
    models.F("reviewed_at").asc(nulls_first=True),
    "-traffic",
    "-published_at",
    "-id",
)


def due_for_review(queryset: models.QuerySet, today=None, max_age_days: int | None = None):
    """Articles flagged 需复核, never reviewed, or last reviewed more than max_age_days ago.

    Flagged first (a cited provision changed: the text may now be wrong), then the oldest
    review (never reviewed at the top), then the most read: `traffic` is the number of
    reader feedback answers, the site's only per-article traffic signal.
    """
    today = today or timezone.localdate()
    max_age = settings.REVIEW_MAX_AGE_DAYS if max_age_days is None else max_age_days
    cutoff = today - timezone.timedelta(days=max_age)
    return (
        queryset.filter(
            models.Q(needs_review=True)
            | models.Q(reviewed_at__isnull=True)
            | models.Q(reviewed_at__lt=cutoff)
        )
        .annotate(traffic=models.Count("feedback"))
        .order_by(*QUEUE_ORDERING)
    )


class ReviewQueueArticle(Article):
    """The admin's 待复核文章 list: the same rows as Article, filtered by due_for_review()."""

    class Meta:
        proxy = True
        verbose_name = "待复核文章"
        verbose_name_plural = "待复核文章"


class ContentVersion(models.Model):
    """One row: the site-wide content version the page cache keys pages by, when Redis does not
    keep it (kb/core/content_version.py). `next_publication` is the publish time of the earliest
    scheduled article: once it has passed, the next reader bumps the version.
    """

    value = models.BigIntegerField(default=0)
    next_publication = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "内容版本"
        verbose_name_plural = "内容版本"

    def __str__(self) -> str:
        return f"内容版本 {self.value}"
