"""The article↔provision citation graph, and the references no provision matched."""

from django.db import models

from kb.articles.models.article import Article
from kb.laws.models import Provision


class ArticleCitation(models.Model):
    """Who cites what: rebuilt by delete + bulk_create each time an article is saved."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="citations")
    provision = models.ForeignKey(Provision, on_delete=models.CASCADE, related_name="citations")
    count = models.PositiveIntegerField("次数", default=1)
    paragraph = models.PositiveIntegerField("款", null=True, blank=True)
    item = models.PositiveIntegerField("项", null=True, blank=True)
    raw_text = models.CharField("原文", max_length=200, blank=True)
    order = models.PositiveIntegerField("首次出现位置", default=0)

    class Meta:
        verbose_name = "文章引用"
        verbose_name_plural = "文章引用"
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "provision"], name="unique_article_provision"
            )
        ]

    def __str__(self) -> str:
        return f"{self.article} → {self.provision_id}"


class UnresolvedCitation(models.Model):
    """A reference the parser found but could not match to a provision; kept for editors."""

    class Status(models.TextChoices):
        OPEN = "open", "待处理"
        FIXED = "fixed", "已解决"

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="unresolved_citations", verbose_name="文章"
    )
    raw_text = models.CharField("原文", max_length=200)
    reason = models.CharField("原因", max_length=200)
    status = models.CharField("状态", max_length=8, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField("发现时间", auto_now_add=True)

    class Meta:
        verbose_name = "未解析的引用"
        verbose_name_plural = "未解析的引用"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.raw_text
