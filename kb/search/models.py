"""The search index (its words live in kb/search/backends/), the editors' synonyms, the query log."""

import re

from django.db import models

from kb.core.models import NaturalKey, NaturalKeyManager


class SearchDocument(models.Model):
    class Kind(models.TextChoices):
        ARTICLE = "article", "文章"
        PROVISION = "provision", "法条"
        GUIDE = "guide", "问答向导"

    kind = models.CharField("类型", max_length=16, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField("对象编号")
    title = models.CharField("标题", max_length=300)
    url = models.CharField("网址", max_length=300, db_index=True)
    category = models.CharField("分类", max_length=120, blank=True)
    label = models.TextField("摘要", blank=True)
    body = models.TextField("正文", blank=True)
    published_at = models.DateTimeField(
        "公开时间",
        null=True,
        blank=True,
        help_text="文章的发布时间；未到时间的文章不出现在结果中。法条和向导留空。",
    )
    indexed_at = models.DateTimeField("索引时间", auto_now=True)

    class Meta:
        verbose_name = "搜索索引条目"
        verbose_name_plural = "搜索索引条目"
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="unique_search_document")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}：{self.title}"


class Synonym(NaturalKey, models.Model):
    term = models.CharField(
        "词",
        max_length=40,
        unique=True,
        help_text="读者可能输入的词，如“逾期”。简体、繁體都可以，查询时统一按简体比较。",
    )
    synonyms = models.CharField(
        "同义词",
        max_length=300,
        help_text="用顿号、逗号或斜杠分隔，如“拖欠、欠款”。搜索“词”时也会查找这些词；反过来不会，需要的话另加一行。",
    )

    NATURAL_KEY = ("term",)
    objects = NaturalKeyManager()

    class Meta:
        verbose_name = "同义词"
        verbose_name_plural = "同义词"
        ordering = ["term"]

    def __str__(self) -> str:
        return f"{self.term} → {self.synonyms}"

    def synonym_list(self) -> list[str]:
        return [s for s in re.split(r"[,，、;；/|\s]+", self.synonyms) if s and s != self.term]


class QueryLog(models.Model):
    """Searches for one normalised query on one day, and its results (see querylog.py)."""

    day = models.DateField("日期")
    query = models.CharField("搜索词", max_length=100)
    searches = models.PositiveIntegerField("搜索次数", default=0)
    results = models.PositiveIntegerField("结果数", default=0)

    class Meta:
        verbose_name = "读者搜索记录"
        verbose_name_plural = "读者搜索记录"
        constraints = [
            models.UniqueConstraint(fields=["day", "query"], name="unique_query_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.query}"
