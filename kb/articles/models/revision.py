"""Changes proposed to a published article, waiting for a reviewer (kb/articles/revisions.py)."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from kb.articles.models.article import Article


class ArticleRevision(models.Model):
    """Changes a 编辑 proposed to a published article, kept apart until a 审核 applies them.

    `changes` holds the proposed value of each edited field (kb/articles/revisions.py lists
    them), `base` the live value of the same fields when the changes were last saved, so a
    reviewer sees whether the live text moved in the meantime. The article itself, and so the
    public page, stays as it is until the revision is applied.
    """

    class Status(models.TextChoices):
        PENDING = "pending", "待审核"
        APPLIED = "applied", "已应用"
        REJECTED = "rejected", "已驳回"

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="revisions", verbose_name="文章"
    )
    changes = models.JSONField("修改内容", default=dict, help_text="被修改字段的新值。")
    base = models.JSONField(
        "提交时的线上内容", default=dict, help_text="同一批字段提交时在线上的值。"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="提交人",
    )
    created_at = models.DateTimeField("提交时间", default=timezone.now)
    updated_at = models.DateTimeField("最后修改", auto_now=True)
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.PENDING)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="审核人",
    )
    decided_at = models.DateTimeField("处理时间", null=True, blank=True)
    note = models.CharField(
        "审核意见", max_length=500, blank=True, help_text="驳回时写给提交人的说明。"
    )

    class Meta:
        verbose_name = "待审核修改"
        verbose_name_plural = "待审核修改"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "created_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "author"],
                condition=models.Q(status="pending"),
                name="one_pending_revision_per_author",
            )
        ]

    def __str__(self) -> str:
        return f"《{self.article}》的修改（{self.get_status_display()}）"
