"""Letter texts kept by editors (never readers' answers) and the guide outcomes that offer them."""

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.http import QueryDict
from django.urls import reverse
from simple_history.models import HistoricalRecords

from kb.articles.models import Article
from kb.core.models import NaturalKey, NaturalKeyManager
from kb.core.workflow import PublishableQuerySet, Status
from kb.guide.models import Node
from kb.laws.models import Provision
from kb.letters.forms import FORMS
from kb.letters.kinds import KINDS

TEXT_HELP = (
    "Markdown：每行是一段（空行只为方便阅读）；“## ”开头是小标题，“- ”开头是列表项。读者填的内容用花括号占位，"
    "如 {姓名}；{所引条文}、{所选段落}、{还款计划表} 单独占一行，放入相应的整块内容。"
    "用了这类文书没有的占位符（多半是笔误）时不能发布，保存时会列出可用的占位符。"
)


class Letter(NaturalKey, models.Model):
    kind = models.CharField(
        "文书种类",
        max_length=40,
        choices={slug: kind.name for slug, kind in KINDS.items()},
        unique=True,
        help_text="决定读者填写的表格和可用的占位符；也是网址 /letters/<种类>/ 的一部分。",
    )
    title = models.CharField(
        "文书标题", max_length=60, help_text="印在文书顶端，如“征信异议申请书”。"
    )
    summary = models.CharField(
        "什么时候用",
        max_length=200,
        help_text="一句话，显示在文书助手列表和表格上方，如“征信报告上的记录有错时，向征信机构提出”。",
    )
    guidance = models.TextField(
        "填写说明",
        blank=True,
        max_length=2000,
        help_text="纯文本，显示在表格上方：提醒读者要核对什么、寄给谁、怎么留证据。不写结果承诺。",
    )
    body = models.TextField("文书正文", max_length=20000, help_text=TEXT_HELP)
    provisions = models.ManyToManyField(
        Provision,
        blank=True,
        related_name="letters",
        verbose_name="所引条文",
        help_text="整封文书引用的条文，原文逐字附在 {所引条文} 处并链接到条文页。",
    )
    articles = models.ManyToManyField(
        Article,
        blank=True,
        related_name="letters",
        verbose_name="推荐这份文书的文章",
        help_text="这些文章的页面会显示“用文书助手写这封信”的链接（文书发布后才显示）。",
    )
    status = models.CharField(
        "状态",
        max_length=16,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text="草稿和待审核的文书公众看不到；只有“审核”组的成员可以发布。",
    )
    order = models.PositiveIntegerField("排序", default=0, help_text="列表中的顺序，小的在前。")
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    history = HistoricalRecords(
        verbose_name="文书模板历史",
        verbose_name_plural="文书模板历史",
        excluded_fields=["updated_at"],
    )
    NATURAL_KEY = ("kind",)
    objects = NaturalKeyManager.from_queryset(PublishableQuerySet)()

    class Meta:
        verbose_name = "文书模板"
        verbose_name_plural = "文书模板"
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("letters:form", args=[self.kind])

    def clean(self):
        if self.is_published() and self.kind in KINDS:
            if found := KINDS[self.kind].problems(self.body, "文书正文"):
                raise ValidationError({"body": found})

    @admin.display(boolean=True, description="公开中")
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED


class Clause(NaturalKey, models.Model):
    """A paragraph the reader can choose to include (a defence, an extra fact)."""

    letter = models.ForeignKey(
        Letter, on_delete=models.CASCADE, related_name="clauses", verbose_name="所属文书"
    )
    key = models.CharField(
        "段落",
        max_length=40,
        help_text="读者在表格里勾选的那一项（每种文书的可选项是固定的）。",
    )
    text = models.TextField("段落文字", max_length=5000, help_text=TEXT_HELP)
    provisions = models.ManyToManyField(
        Provision,
        blank=True,
        related_name="letter_clauses",
        verbose_name="依据条文",
        help_text="这一段依据的条文：段末列出并链接，原文附在 {所引条文} 处。",
    )
    order = models.PositiveIntegerField("排序", default=0, help_text="在文书中的顺序，小的在前。")

    history = HistoricalRecords(verbose_name="可选段落历史", verbose_name_plural="可选段落历史")
    NATURAL_KEY = ("letter__kind", "key")
    objects = NaturalKeyManager()

    class Meta:
        verbose_name = "可选段落"
        verbose_name_plural = "可选段落"
        ordering = ["letter", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["letter", "key"], name="unique_clause_per_letter")
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return KINDS[self.letter.kind].clauses.get(self.key, self.key)

    def clean(self):
        kind = KINDS.get(self.letter.kind)
        if kind and self.key not in kind.clauses:
            allowed = "、".join(f"{k}（{label}）" for k, label in kind.clauses.items()) or "无"
            raise ValidationError({"key": f"这类文书没有这个可选段落；可用的是：{allowed}。"})
        if kind and self.letter.status == Status.PUBLISHED:
            if found := kind.problems(self.text, f"可选段落“{self.label}”", inline=True):
                raise ValidationError({"text": found})


class LetterOffer(NaturalKey, models.Model):
    """A guide outcome that offers a letter, with the form's fields it fills in already."""

    node = models.OneToOneField(
        Node,
        on_delete=models.CASCADE,
        related_name="letter_offer",
        limit_choices_to={"kind": Node.Kind.OUTCOME},
        verbose_name="向导结果",
        help_text="读者到达这个结果时，页面会提供这份文书。",
    )
    letter = models.ForeignKey(
        Letter, on_delete=models.CASCADE, related_name="offers", verbose_name="文书"
    )
    prefill = models.CharField(
        "预先填好的内容",
        max_length=500,
        blank=True,
        help_text="网址参数，如 third_parties=on：读者在向导里已经回答过的事，打开表格时已替他填好。"
        "只能用这份文书表格里的字段名。",
    )

    NATURAL_KEY = ("node__tree__slug", "node__slug")
    objects = NaturalKeyManager()

    class Meta:
        verbose_name = "向导结果提供的文书"
        verbose_name_plural = "向导结果提供的文书"

    def __str__(self) -> str:
        return f"{self.node} → {self.letter}"

    def clean(self):
        form = FORMS.get(self.letter.kind)
        if unknown := sorted(set(QueryDict(self.prefill)) - set(form.base_fields if form else ())):
            raise ValidationError(
                {"prefill": f"这份文书的表格没有这些字段：{'、'.join(unknown)}。"}
            )

    def url(self) -> str:
        return self.letter.get_absolute_url() + (f"?{self.prefill}" if self.prefill else "")
