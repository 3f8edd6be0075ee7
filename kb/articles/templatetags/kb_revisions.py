import datetime

from django import template
from django.db.models import Count, Q
from django.utils import timezone

from kb.articles.models import ArticleRevision

register = template.Library()
RECENT_DAYS = 30


@register.simple_tag
def my_revisions(user) -> dict[str, int]:
    """The editor's panel on the admin start page: how many of `user`'s revisions were applied
    and rejected in the last RECENT_DAYS days, and how many still wait."""
    since = timezone.now() - datetime.timedelta(days=RECENT_DAYS)
    status = ArticleRevision.Status
    counts = ArticleRevision.objects.filter(author=user).aggregate(
        applied=Count("pk", filter=Q(status=status.APPLIED, decided_at__gte=since)),
        rejected=Count("pk", filter=Q(status=status.REJECTED, decided_at__gte=since)),
        pending=Count("pk", filter=Q(status=status.PENDING)),
    )
    return {**counts, "days": RECENT_DAYS}
