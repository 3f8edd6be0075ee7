from django.db import models


class ContentVersion(models.Model):
    """One row: the content version pages are cached by, when Redis does not keep it.
    `next_publication`: once the earliest scheduled article's time passes, a reader bumps it."""

    value = models.BigIntegerField(default=0)
    next_publication = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "内容版本"
        verbose_name_plural = "内容版本"

    def __str__(self) -> str:
        return f"内容版本 {self.value}"
