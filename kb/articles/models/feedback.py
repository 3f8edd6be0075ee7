"""“这篇文章有帮助吗” answers from readers."""

from django.db import models

from kb.articles.models.article import Article
from kb.core.feedback import ReaderFeedback


class Feedback(ReaderFeedback):
    """“这篇文章有帮助吗” answers from readers."""

    SUBJECT = "article_id"

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="feedback", verbose_name="文章"
    )

    class Meta(ReaderFeedback.Meta):
        verbose_name = "读者反馈"
        verbose_name_plural = "读者反馈"
