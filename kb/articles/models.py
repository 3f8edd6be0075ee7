"""Categories, tags, Q&A articles, FAQ entries and the article↔provision citation graph."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from markdownx.models import MarkdownxField

from kb.articles.slugs import unique_slug
from kb.core.urlcache import cached_reverse
from kb.laws.models import Provision


class SlugManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Category(models.Model):
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

    objects = SlugManager()

    class Meta:
        verbose_name = "分类"
        verbose_name_plural = "分类"
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Category, self.name, self.pk)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return cached_reverse("articles:category", self.slug)

    def natural_key(self):
        return (self.slug,)


class Tag(models.Model):
    name = models.CharField("名称", max_length=40, unique=True)
    slug = models.SlugField(
        "网址标识", max_length=80, unique=True, blank=True, help_text="留空则按名称的拼音自动生成。"
    )

    objects = SlugManager()

    class Meta:
        verbose_name = "标签"
        verbose_name_plural = "标签"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Tag, self.name, self.pk)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return cached_reverse("articles:tag", self.slug)

    def natural_key(self):
        return (self.slug,)


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """The only door for public pages, feeds, sitemaps, search and the API."""
        return self.publishable().filter(published_at__lte=timezone.now())

    def publishable(self):
        """Published or scheduled for later: the search index stores these with their
        published_at and hides the scheduled ones at query time, so they appear on time."""
        return self.filter(status=Article.Status.PUBLISHED)

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


class ArticleManager(models.Manager.from_queryset(ArticleQuerySet)):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "草稿"
        REVIEW = "review", "待审核"
        PUBLISHED = "published", "已发布"

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

    objects = ArticleManager()

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

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        from kb.articles.services import render_article_fields

        if not self.slug:
            self.slug = unique_slug(Article, self.title, self.pk, max_length=100)
        rendered = render_article_fields(self)
        super().save(*args, **kwargs)
        from kb.articles.services import store_citations

        store_citations(self, rendered)

    def get_absolute_url(self) -> str:
        return cached_reverse("articles:detail", self.slug)

    def natural_key(self):
        return (self.slug,)

    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED and self.published_at <= timezone.now()

    is_published.boolean = True
    is_published.short_description = "公开中"


class FAQ(models.Model):
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="faqs", verbose_name="文章"
    )
    question = models.CharField("问题", max_length=200)
    answer = models.TextField("回答", help_text="纯文本，两三句话。")
    order = models.PositiveIntegerField("排序", default=0)

    class Meta:
        verbose_name = "常见问题"
        verbose_name_plural = "常见问题"
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.question


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
