from operator import attrgetter

from django.db import models


class NaturalKeyManager(models.Manager):
    """Finds a row by its model's NATURAL_KEY (how fixtures name rows)."""

    def get_by_natural_key(self, *key):
        return self.get(**dict(zip(self.model.NATURAL_KEY, key, strict=True)))


class NaturalKey:
    """Model mixin: NATURAL_KEY names the key's fields, as lookups ("tree__slug", "slug")."""

    def natural_key(self):
        return tuple(attrgetter(path.replace("__", "."))(self) for path in self.NATURAL_KEY)


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
