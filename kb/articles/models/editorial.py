"""Around an article: its citations, readers' feedback, pending revisions, the review queue."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from kb.articles.models.article import Article
from kb.core.feedback import ReaderFeedback
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


class Feedback(ReaderFeedback):
    """“这篇文章有帮助吗” answers from readers (kb/core/feedback.py)."""

    SUBJECT = "article_id"

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="feedback", verbose_name="文章"
    )

    class Meta(ReaderFeedback.Meta):
        verbose_name = "读者反馈"
        verbose_name_plural = "读者反馈"


class ArticleRevision(models.Model):
    """Changes a 编辑 proposed to a published article until a 审核 applies them: `changes` the
    proposed values, `base` the live ones when submitted (kb/articles/revisions.py)."""

    # What a revision can change, in diff order. Not `status`: only 审核 takes an article offline.
    FIELDS = (
        "title slug category short_answer body published_at reviewed_at needs_review source "
        "editor tags related"
    ).split()

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

    def changed_labels(self) -> str:
        """The changed fields' names, e.g. “标题、正文”."""
        fields = (Article._meta.get_field(name) for name in self.FIELDS if name in self.changes)
        return "、".join(str(field.verbose_name) for field in fields)


QUEUE_ORDERING = (
    "-needs_review",
    models.F("reviewed_at").asc(nulls_first=True),
    "-traffic",
    "-published_at",
    "-id",
)


def due_for_review(queryset: models.QuerySet):
    """Articles flagged 需复核, never reviewed, or reviewed over REVIEW_MAX_AGE_DAYS ago; flagged
    first, then the oldest review, then the most `traffic` (reader feedback)."""
    cutoff = timezone.localdate() - timezone.timedelta(days=settings.REVIEW_MAX_AGE_DAYS)
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
