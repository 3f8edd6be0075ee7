"""Categories, tags, Q&A articles and their FAQ entries, with the one definition of “published”."""

from django.contrib import admin
from django.db import models
from django.urls import reverse
from django.utils import timezone
from markdownx.models import MarkdownxField
from simple_history.models import HistoricalRecords

from kb.articles.rendering import render_article
from kb.articles.slugs import unique_slug
from kb.core.models import NaturalKey, NaturalKeyManager
from kb.core.workflow import PublishableQuerySet, Status
from kb.laws.models import Provision


class Slugged(NaturalKey):
    """Mixin: a blank `slug` filled from the SLUG_FROM field's pinyin, the slug as natural key,
    the page at URL_NAME."""

    NATURAL_KEY = ("slug",)

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(type(self), str(self), self.pk)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse(self.URL_NAME, args=[self.slug])

    def __str__(self) -> str:
        return getattr(self, self.SLUG_FROM)


class Category(Slugged, models.Model):
    """Two levels at most: how readers browse articles, with tags."""

    SLUG_FROM, URL_NAME = "name", "articles:category"

    name = models.CharField("名称", max_length=60, unique=True)
    slug = models.SlugField(
        "网址标识",
        max_length=80,
        unique=True,
        blank=True,
        help_text="留空则按名称的拼音自动生成。发布后不要修改。",
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name="上级分类",
        help_text="最多两级：顶级分类留空。",
    )
    description = models.TextField(
        "简介", blank=True, help_text="显示在分类页顶部，一两句话说明本分类回答哪些问题。"
    )
    order = models.PositiveIntegerField("排序", default=0, help_text="小的在前。")

    objects = NaturalKeyManager()

    class Meta:
        verbose_name = "分类"
        verbose_name_plural = "分类"
        ordering = ["order", "id"]


class Tag(Slugged, models.Model):
    SLUG_FROM, URL_NAME = "name", "articles:tag"

    name = models.CharField("名称", max_length=40, unique=True)
    slug = models.SlugField(
        "网址标识", max_length=80, unique=True, blank=True, help_text="留空则按名称的拼音自动生成。"
    )

    objects = NaturalKeyManager()

    class Meta:
        verbose_name = "标签"
        verbose_name_plural = "标签"
        ordering = ["name"]


class ArticleQuerySet(PublishableQuerySet):
    def published(self):
        """What readers see now: the door for public pages, feeds, sitemaps and the API."""
        return self.publishable().filter(published_at__lte=timezone.now())

    def next_publication(self):
        """When the earliest scheduled article (published, dated later) goes live, or None."""
        scheduled = self.publishable().filter(published_at__gt=timezone.now())
        return scheduled.order_by("published_at").values_list("published_at", flat=True).first()

    def for_list(self):
        return self.select_related("category", "category__parent").only(
            "title",
            "slug",
            "short_answer",
            "published_at",
            "updated_at",
            "category__name",
            "category__slug",
            "category__parent__name",
            "category__parent__slug",
        )


class Article(Slugged, models.Model):
    SLUG_FROM, URL_NAME = "title", "articles:detail"
    Status = Status  # the workflow's states (kb/core/workflow.py)

    title = models.CharField(
        "标题", max_length=120, help_text="用读者自己的问题做标题，如“借呗逾期了，花呗还能用吗？”。"
    )
    slug = models.SlugField(
        "网址标识",
        max_length=100,
        unique=True,
        blank=True,
        help_text="只含小写字母、数字和连字符。留空则按标题拼音自动生成。发布后不要修改，否则旧链接失效。",
    )
    short_answer = models.TextField(
        "简短回答",
        max_length=600,
        help_text="两到四句话直接回答标题的问题，并写明主要条件（“通常……，但如果……”）。读者最先看到这一段。纯文本。",
    )
    body = MarkdownxField(
        "正文",
        help_text="Markdown。按“要点—怎么办—法律依据—常见误区”组织；引用条文写成《民法典》第六百七十五条，会自动链接并核对。",
    )
    body_html = models.TextField(editable=False, blank=True)
    toc_html = models.TextField(editable=False, blank=True)
    status = models.CharField(
        "状态",
        max_length=16,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text="草稿和待审核的文章公众看不到；“已发布”且发布时间已到才公开。",
    )
    published_at = models.DateTimeField(
        "发布时间",
        default=timezone.now,
        help_text="状态为“已发布”后，从这一刻起公开；填将来的时间即定时发布。",
    )
    updated_at = models.DateTimeField("更新时间", auto_now=True)
    reviewed_at = models.DateField(
        "最近审核", null=True, blank=True, help_text="最近一次由法律编辑核对全文与所引条文的日期。"
    )
    needs_review = models.BooleanField(
        "需复核",
        default=False,
        help_text="所引条文的文本或法律状态变化后自动勾选；核对完毕后取消勾选并更新“最近审核”。",
    )
    source = models.CharField(
        "来源", max_length=120, default="信用债务知识库编辑部", help_text="文章出处，读者可见。"
    )
    editor = models.CharField(
        "编辑", max_length=60, blank=True, help_text="责任编辑署名，读者可见。"
    )
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="articles", verbose_name="分类"
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="articles", verbose_name="标签")
    related = models.ManyToManyField(
        "self",
        blank=True,
        symmetrical=False,
        verbose_name="相关文章",
        help_text="手工挑选的相关文章，排在自动推荐之前。",
    )
    provisions = models.ManyToManyField(
        Provision,
        through="ArticleCitation",
        blank=True,
        related_name="citing_articles",
        verbose_name="引用条文",
    )

    objects = NaturalKeyManager.from_queryset(ArticleQuerySet)()
    history = HistoricalRecords(
        excluded_fields=["body_html", "toc_html", "updated_at"],
        verbose_name="文章历史",
        verbose_name_plural="文章历史",
    )

    class Meta:
        verbose_name = "文章"
        verbose_name_plural = "文章"
        ordering = ["-published_at", "-id"]
        get_latest_by = "published_at"
        indexes = [
            models.Index(fields=["status", "published_at"]),
            # Previous/next in a category (kb.articles.discovery) and the category pages.
            models.Index(fields=["category", "status", "published_at", "id"]),
        ]

    def save(self, *args, **kwargs):
        # The citations found here are stored after the save (kb.articles.services, post_save).
        self.rendered = render_article(self)
        super().save(*args, **kwargs)

    @admin.display(boolean=True, description="公开中")
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED and self.published_at <= timezone.now()


class FAQ(models.Model):
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="faqs", verbose_name="文章"
    )
    question = models.CharField("问题", max_length=200)
    answer = models.TextField("回答", help_text="纯文本，两三句话。")
    order = models.PositiveIntegerField("排序", default=0)

    # Readers see an article's FAQ answers (and its structured data) like its body.
    history = HistoricalRecords(verbose_name="常见问题历史", verbose_name_plural="常见问题历史")

    class Meta:
        verbose_name = "常见问题"
        verbose_name_plural = "常见问题"
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.question
