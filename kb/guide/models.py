"""Question trees: a Tree of Nodes (questions and outcomes) linked by Choices. Markdown fields
are rendered into stored HTML at save, by the site's one pipeline."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from markdownx.models import MarkdownxField
from simple_history.models import HistoricalRecords

from kb.articles.models import Article
from kb.articles.rendering import render_markdown
from kb.core.feedback import ReaderFeedback
from kb.core.models import NaturalKey, NaturalKeyManager
from kb.core.workflow import PUBLISHED, PublishableQuerySet
from kb.laws.models import Provision

slug_rule = RegexValidator(
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$", "只能用小写字母、数字和单个连字符，如 over-30-days。"
)


class Tree(NaturalKey, models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "草稿"
        PUBLISHED = PUBLISHED, "已发布"

    slug = models.SlugField(
        "网址标识",
        max_length=80,
        unique=True,
        validators=[slug_rule],
        help_text="ASCII 标识，用于网址 /guide/<标识>/。发布后不要修改，否则读者收藏的链接会失效。",
    )
    title = models.CharField(
        "标题", max_length=120, help_text="读者自己的问题，如“遇到催收骚扰怎么办？”。"
    )
    intro = MarkdownxField(
        "简介",
        blank=True,
        help_text="Markdown，一两句话，显示在第一个问题上方：说明这个向导能回答什么、需要几步。",
    )
    intro_html = models.TextField(editable=False, blank=True)
    status = models.CharField(
        "状态",
        max_length=16,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text="只有“已发布”的向导公众可见。存在结构问题（见下方“检查结果”）的向导不能发布。",
    )
    order = models.PositiveIntegerField("排序", default=0, help_text="向导列表中的顺序，小的在前。")
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    NATURAL_KEY = ("slug",)
    objects = NaturalKeyManager.from_queryset(PublishableQuerySet)()
    history = HistoricalRecords(verbose_name="问答向导历史", verbose_name_plural="问答向导历史")

    class Meta:
        verbose_name = "问答向导"
        verbose_name_plural = "问答向导"
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.render()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("guide:tree", args=[self.slug])

    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    def render(self) -> None:
        self.intro_html = render_markdown(self.intro).html


class Node(NaturalKey, models.Model):
    class Kind(models.TextChoices):
        QUESTION = "question", "问题"
        OUTCOME = "outcome", "结果"

    tree = models.ForeignKey(
        Tree, on_delete=models.CASCADE, related_name="nodes", verbose_name="所属向导"
    )
    slug = models.SlugField(
        "标识",
        max_length=40,
        validators=[slug_rule],
        help_text="同一向导内唯一，出现在网址里（?<标识>=<选项值>）。发布后不要修改，否则旧链接会失效。",
    )
    kind = models.CharField(
        "类型",
        max_length=16,
        choices=Kind.choices,
        default=Kind.QUESTION,
        help_text="“问题”至少要有两个选项；“结果”不能有选项，必须写“回答”。",
    )
    title = models.CharField(
        "标题", max_length=200, help_text="问题：直接问读者（“你逾期多久了？”）；结果：一句话结论。"
    )
    help = MarkdownxField(
        "说明",
        blank=True,
        help_text="Markdown，可选。帮助读者选择的提示，显示在问题下方；引用条文写成《民法典》第六百七十五条。",
    )
    help_html = models.TextField(editable=False, blank=True)
    is_start = models.BooleanField(
        "起始问题", default=False, help_text="每个向导有且只有一个起始问题。"
    )
    answer = MarkdownxField(
        "回答",
        blank=True,
        help_text="仅用于“结果”：Markdown，先给简短回答，再讲原因；语气平实，不承诺结果。引用条文写成《征信业管理条例》第十六条。",
    )
    answer_html = models.TextField(editable=False, blank=True)
    next_steps = MarkdownxField(
        "接下来怎么做",
        blank=True,
        help_text="仅用于“结果”：Markdown 编号列表，每步以动词开头；只写确定的渠道。",
    )
    next_steps_html = models.TextField(editable=False, blank=True)
    articles = models.ManyToManyField(
        Article,
        blank=True,
        related_name="guide_nodes",
        verbose_name="相关文章",
        help_text="仅用于“结果”：读者接着该读的文章；未发布的文章不会显示。",
    )
    provisions = models.ManyToManyField(
        Provision,
        blank=True,
        related_name="guide_nodes",
        verbose_name="法律依据",
        help_text="仅用于“结果”：回答所依据的条文，会链接到条文页。",
    )
    order = models.PositiveIntegerField(
        "排序", default=0, help_text="后台列表中的顺序，不影响读者看到的流程。"
    )

    NATURAL_KEY = ("tree__slug", "slug")
    objects = NaturalKeyManager()
    history = HistoricalRecords(verbose_name="向导问题历史", verbose_name_plural="向导问题历史")

    class Meta:
        verbose_name = "节点"
        verbose_name_plural = "节点"
        ordering = ["tree", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["tree", "slug"], name="unique_node_slug_per_tree")
        ]

    def __str__(self) -> str:
        return f"{self.tree.slug} › {self.slug}"

    def save(self, *args, **kwargs):
        self.render()
        super().save(*args, **kwargs)

    def render(self) -> None:
        self.help_html = render_markdown(self.help).html if self.help else ""
        self.answer_html = render_markdown(self.answer).html if self.answer else ""
        self.next_steps_html = render_markdown(self.next_steps).html if self.next_steps else ""


class Choice(NaturalKey, models.Model):
    node = models.ForeignKey(
        Node, on_delete=models.CASCADE, related_name="choices", verbose_name="所属问题"
    )
    value = models.SlugField(
        "选项值",
        max_length=40,
        validators=[slug_rule],
        help_text="同一问题内唯一，出现在网址里，如 over-30。发布后不要修改。",
    )
    label = models.CharField(
        "选项文字", max_length=200, help_text="读者看到的选项，如“超过 30 天”。"
    )
    order = models.PositiveIntegerField("排序", default=0, help_text="选项的显示顺序，小的在前。")
    leads_to = models.ForeignKey(
        Node,
        on_delete=models.PROTECT,
        related_name="incoming",
        verbose_name="下一步",
        help_text="选了这一项之后显示的节点，必须属于同一个向导。",
    )

    NATURAL_KEY = ("node__tree__slug", "node__slug", "value")
    objects = NaturalKeyManager()
    history = HistoricalRecords(verbose_name="向导选项历史", verbose_name_plural="向导选项历史")

    class Meta:
        verbose_name = "选项"
        verbose_name_plural = "选项"
        ordering = ["node", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["node", "value"], name="unique_choice_value_per_node")
        ]

    def __str__(self) -> str:
        return self.label

    def clean(self):
        node, target = getattr(self, "node", None), getattr(self, "leads_to", None)
        if node is not None and target is not None and node.tree_id != target.tree_id:
            raise ValidationError({"leads_to": "下一步必须是同一个向导里的节点。"})


class OutcomeFeedback(ReaderFeedback):
    """“这个回答有帮助吗” answers from readers, one row per answer, per outcome."""

    SUBJECT = "node"

    node = models.ForeignKey(
        Node,
        on_delete=models.CASCADE,
        related_name="feedback",
        verbose_name="结果",
        limit_choices_to={"kind": Node.Kind.OUTCOME},
    )

    class Meta(ReaderFeedback.Meta):
        verbose_name = "向导反馈"
        verbose_name_plural = "向导反馈"
