"""Legal sources and their provisions. This app knows nothing of articles."""

import re

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from kb.core.models import NaturalKey, NaturalKeyManager


def stored(obj: models.Model, field: str):
    """The value of `field` in the database row of `obj` (None before its first save)."""
    if obj.pk:
        return type(obj).objects.filter(pk=obj.pk).values_list(field, flat=True).first()


def optional_date(name: str, help_text: str) -> models.DateField:
    return models.DateField(name, null=True, blank=True, help_text=help_text)


def place(level: str, example: str = "") -> models.CharField:
    """A provision's 编 / 分编 / 章 / 节."""
    help_text = f"所在的{level}{example}；没有就留空。"
    return models.CharField(level, max_length=120, blank=True, help_text=help_text)


class Law(NaturalKey, models.Model):
    class Kind(models.TextChoices):
        LAW = "law", "法律"
        ADMIN_REGULATION = "admin_regulation", "行政法规"
        JUDICIAL_INTERPRETATION = "judicial_interpretation", "司法解释"
        DEPARTMENT_RULE = "department_rule", "部门规章"
        NORMATIVE_DOCUMENT = "normative_document", "规范性文件"

    class Status(models.TextChoices):
        IN_FORCE = "in_force", "有效"
        AMENDED = "amended", "已修改"
        REPEALED = "repealed", "已废止"
        NOT_YET = "not_yet", "尚未生效"

    slug = models.SlugField(
        "网址标识",
        max_length=80,
        unique=True,
        help_text="ASCII 标识，用于网址，如 minfadian。发布后不要修改，否则旧链接会失效。",
    )
    title = models.CharField(
        "全称",
        max_length=200,
        unique=True,
        help_text="法律文件的正式全称，如“中华人民共和国民法典”。",
    )
    short_title = models.CharField(
        "简称",
        max_length=60,
        unique=True,
        help_text="文中引用时最常用的名称，如“民法典”。引用解析会识别全称、简称和别名。",
    )
    aliases = models.CharField(
        "别名",
        max_length=300,
        blank=True,
        help_text="其他常见叫法，用中文逗号或顿号分隔，如“消保法、消法”。只填确无歧义的名称。",
    )
    kind = models.CharField(
        "效力层级",
        max_length=32,
        choices=Kind.choices,
        help_text="法律 / 行政法规 / 司法解释 / 部门规章 / 规范性文件。",
    )
    issuing_body = models.CharField(
        "制定机关", max_length=120, blank=True, help_text="通过或发布这份文件的机关，照原文写。"
    )
    document_number = models.CharField(
        "文号",
        max_length=120,
        blank=True,
        help_text="如“国务院令第631号”。来源无法核实时留空，不要猜。",
    )
    adopted_date = optional_date("通过日期", "制定机关通过（或首次通过）的日期。")
    promulgation_date = optional_date("公布日期", "来源未载明时留空。")
    effective_date = optional_date("施行日期", "现行文本开始施行的日期。")
    last_amended_date = optional_date(
        "最近修改日期", "最近一次修正或修订通过的日期；没有修改过就留空。"
    )
    status = models.CharField(
        "时效性",
        max_length=16,
        choices=Status.choices,
        default=Status.IN_FORCE,
        help_text="状态变化会把引用它的文章标为“需复核”。",
    )
    source = models.CharField(
        "文本来源", max_length=300, help_text="条文文本的来源（数据库、仓库及版本），读者会看到。"
    )
    source_url = models.URLField(
        "来源网址", blank=True, help_text="可选：官方数据库中这份文件的网址。"
    )
    version_note = models.CharField(
        "版本说明",
        max_length=300,
        blank=True,
        help_text="现行文本是哪一次修正后的版本，如“2013年10月25日第二次修正后的文本”。",
    )
    history = models.TextField(
        "制定和修改经过", blank=True, help_text="原文开头的通过、修正记录，一行一条，逐字照录。"
    )
    preamble = models.TextField(
        "正文前文字",
        blank=True,
        help_text="第一条之前的文字（如司法解释的制定目的、批复的抬头），逐字照录。",
    )
    appendix = models.TextField(
        "附件与注释", blank=True, help_text="条文之后的附件、脚注，逐字照录。"
    )
    order = models.PositiveIntegerField(
        "排序", default=0, help_text="同一层级内的显示顺序，小的在前。"
    )

    NATURAL_KEY = ("slug",)
    objects = NaturalKeyManager()
    # Law has a `history` field (its legislative history), so its edit log is `revisions`.
    revisions = HistoricalRecords(verbose_name="法律历史", verbose_name_plural="法律历史")

    class Meta:
        verbose_name = "法律文件"
        verbose_name_plural = "法律文件"
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.short_title

    def save(self, *args, **kwargs):
        """Saving a new status keeps the old one as a Change."""
        old = stored(self, "status")
        super().save(*args, **kwargs)
        if old not in (None, self.status):
            Change.objects.create(law=self, kind="status", old_value=old, new_value=self.status)

    def get_absolute_url(self) -> str:
        return reverse("laws:law", args=[self.slug])

    def alias_list(self) -> list[str]:
        return [a for a in re.split(r"[,，、;；\s]+", self.aliases) if a]

    def names(self) -> list[str]:
        """Every name the citation parser should recognise for this law."""
        return list(dict.fromkeys([self.title, self.short_title, *self.alias_list()]))


class Provision(NaturalKey, models.Model):
    """One 条 of a law; its text is verbatim, 款 separated by newlines."""

    law = models.ForeignKey(
        Law, on_delete=models.CASCADE, related_name="provisions", verbose_name="所属法律"
    )
    number = models.PositiveIntegerField("条号", help_text="阿拉伯数字，第六百七十五条填 675。")
    sub_number = models.PositiveIntegerField(
        "之N", default=0, help_text="“第二百九十三条之一”填 1；普通条文填 0。"
    )
    label = models.CharField("显示名", max_length=40, help_text="如“第六百七十五条”，与原文一致。")
    part = place("编", "，如“第二编 分则”“合同编”")
    subpart = place("分编")
    chapter = place("章")
    section = place("节")
    text = models.TextField(
        "条文", help_text="逐字照录原文，一款一行。修改会保留历史并把引用它的文章标为“需复核”。"
    )
    order = models.PositiveIntegerField(
        "顺序", default=0, help_text="在整部文件中的位置，从 1 开始。"
    )

    NATURAL_KEY = ("law__slug", "number", "sub_number")
    objects = NaturalKeyManager()
    history = HistoricalRecords(verbose_name="条文历史", verbose_name_plural="条文历史")

    class Meta:
        verbose_name = "条文"
        verbose_name_plural = "条文"
        ordering = ["law", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["law", "number", "sub_number"], name="unique_provision_number"
            ),
        ]

    def __str__(self) -> str:
        return f"《{self.law.short_title}》{self.label}"

    def save(self, *args, **kwargs):
        """Saving new text keeps the old text as a Change."""
        old = stored(self, "text")
        super().save(*args, **kwargs)
        if old not in (None, self.text):
            Change.objects.create(
                law_id=self.law_id, provision=self, kind="text", old_value=old, new_value=self.text
            )

    def get_absolute_url(self) -> str:
        return self.url_in(self.law.slug)

    def url_in(self, law_slug: str) -> str:
        return reverse("laws:provision", args=[law_slug, self.slug])

    @property
    def slug(self) -> str:
        return f"{self.number}-{self.sub_number}" if self.sub_number else str(self.number)

    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n") if p.strip()]

    def range_url_to(self, last: "Provision") -> str:
        """The page listing this provision through `last` (a cited range such as 第X条至第Y条)."""
        return reverse("laws:range", args=[self.law.slug, self.slug, last.slug])

    def path(self) -> list[str]:
        """Its place in the law: 编 / 分编 / 章 / 节, the levels that exist."""
        return [p for p in (self.part, self.subpart, self.chapter, self.section) if p]


class Change(models.Model):
    """A change of a provision's text or of a law's status: history, and the trigger for 需复核
    (kb/articles/review.py flags the citing articles and sets `propagated`)."""

    class Kind(models.TextChoices):
        TEXT = "text", "条文文本修改"
        STATUS = "status", "时效性变化"

    law = models.ForeignKey(
        Law, on_delete=models.CASCADE, related_name="changes", verbose_name="法律"
    )
    provision = models.ForeignKey(
        Provision,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="changes",
        verbose_name="条文",
    )
    kind = models.CharField("类型", max_length=8, choices=Kind.choices)
    old_value = models.TextField("原内容")
    new_value = models.TextField("新内容")
    changed_at = models.DateTimeField("修改时间", auto_now_add=True)
    propagated = models.BooleanField(
        "已通知引用文章", default=False, help_text="引用它的文章已被标为“需复核”。"
    )

    class Meta:
        verbose_name = "修改记录"
        verbose_name_plural = "修改记录"
        ordering = ["-changed_at", "-id"]

    def __str__(self) -> str:
        target = self.provision.label if self.provision_id else self.law.short_title
        return f"{target}：{self.get_kind_display()}"
