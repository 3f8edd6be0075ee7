"""The site-wide content version the page cache keys pages by."""

from django.db import models


class ContentVersion(models.Model):
    """One row: the site-wide content version the page cache keys pages by (kb/core/pagecache.py).

    Bumped in the same transaction as the content change, so every worker and every app server
    sees the new number exactly when the new content becomes visible. `next_publication` is the
    publish time of the earliest scheduled article: once it has passed, the next reader bumps.
    """

    value = models.BigIntegerField(default=0)
    next_publication = models.DateTimeField(null=True, blank=True)
    # The generation of stored article pages (articles.ArticlePage): bumped with `value` by any
    # change that is not confined to known articles (a law, a category, a tag renamed…).
    pages = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "内容版本"
        verbose_name_plural = "内容版本"

    def __str__(self) -> str:
        return f"内容版本 {self.value}"
