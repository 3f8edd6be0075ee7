"""“这篇文章有帮助吗” answers from readers."""

from django.db import models

from kb.articles.models.article import Article


class Feedback(models.Model):
    """“这篇文章有帮助吗” answers from readers."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="feedback", verbose_name="文章"
    )
    helpful = models.BooleanField("有帮助")
    reason = models.CharField("原因", max_length=500, blank=True)
    created_at = models.DateTimeField("提交时间", auto_now_add=True)
    client_hash = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = "读者反馈"
        verbose_name_plural = "读者反馈"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.article_id}: {'有帮助' if self.helpful else '没帮助'}"
