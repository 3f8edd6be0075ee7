"""The site-wide content version the page cache keys pages by."""

from django.db import models


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
