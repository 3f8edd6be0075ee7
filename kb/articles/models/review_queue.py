"""The admin's 待复核文章 queue: articles due for a legal re-check, flagged first."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from kb.articles.models.article import Article

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
