"""Categories (two levels) and tags: how readers browse articles."""

from django.db import models

from kb.articles.slugs import unique_slug
from kb.core.urlcache import cached_reverse


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
