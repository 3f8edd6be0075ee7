from datetime import timedelta

from django.db import models
from django.utils import timezone

from kb.core.models import NaturalKey, NaturalKeyManager
from kb.rates.lpr import LprPoint, LprTable, day_text

STALE_AFTER = timedelta(days=60)  # editors are warned when the table was checked longer ago


class LprRateManager(NaturalKeyManager):
    def table(self) -> LprTable:
        """Every row as plain data, oldest first (one query)."""
        rows = self.order_by("published").values_list("published", "one_year", "confirmed_through")
        return LprTable(tuple(LprPoint(*row) for row in rows))

    def staleness_warning(self) -> str:
        """The editors' warning when the LPR table was last confirmed too long ago ("" if fine)."""
        confirmed = self.table().confirmed_through
        if confirmed is None:
            return "LPR 表是空的：利率计算器无法给出四倍 LPR。请在“贷款市场报价利率（LPR）”中录入各期报价。"
        if timezone.localdate() - confirmed <= STALE_AFTER:
            return ""
        return (
            f"LPR 数据只核对到 {day_text(confirmed)}，已超过 {STALE_AFTER.days} 天。"
            "请对照全国银行间同业拆借中心的公告录入此后有变化的报价，并更新最新一行的“核对至”日期；"
            "在此之前，利率计算器只按核对至的日期说明数据范围。"
        )


class LprRate(NaturalKey, models.Model):
    published = models.DateField(
        "发布日期",
        unique=True,
        help_text="全国银行间同业拆借中心公布该期报价的日期。只需录入数值发生变化的那一期：某一天适用的，是该日或之前最近一期。",
    )
    one_year = models.DecimalField(
        "一年期 LPR（%）",
        max_digits=5,
        decimal_places=2,
        help_text="百分数，例如 3.00 表示 3%。计算“四倍 LPR”只用这一项。",
    )
    over_five_years = models.DecimalField(
        "五年期以上 LPR（%）", max_digits=5, decimal_places=2, help_text="百分数，仅作记录。"
    )
    confirmed_through = models.DateField(
        "核对至",
        null=True,
        blank=True,
        help_text="可选：已核对此后每月报价都没有变化的最后一期发布日期。只需填在最新一行上；"
        "合同日期晚于它时，页面会提示数据可能已过时。",
    )
    source = models.TextField(
        "来源",
        help_text="数据出处。据公开汇编录入的，请在用于法律结论前与官方公告核对，并在此注明。",
    )

    NATURAL_KEY = ("published",)
    objects = LprRateManager()

    class Meta:
        ordering = ["-published"]
        get_latest_by = "published"
        verbose_name = "贷款市场报价利率（LPR）"
        verbose_name_plural = "贷款市场报价利率（LPR）"

    def __str__(self) -> str:
        return f"{self.published:%Y-%m-%d} 一年期 {self.one_year}%"


class Threshold(NaturalKey, models.Model):
    """A legal or regulatory reference line shown next to the result, with its source."""

    class Kind(models.TextChoices):
        CAP = "cap", "利率上限"
        SCOPE = "scope", "适用范围"
        RULE = "rule", "法律规则"
        REGULATORY = "regulatory", "监管文件（仅列名称）"

    PRIVATE_CAP_SLUG = "minjian-4x-lpr"

    slug = models.SlugField(
        "标识",
        max_length=60,
        unique=True,
        help_text="英文短标识，程序用它找到这一行。“minjian-4x-lpr”是民间借贷四倍 LPR 上限，计算器读它的倍数，请勿改名。",
    )
    name = models.CharField("名称", max_length=120, help_text="读者看到的名称，平实简短。")
    kind = models.CharField("类型", max_length=20, choices=Kind.choices)
    rate_percent = models.DecimalField(
        "固定利率（%）",
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="只有法律或司法解释明文规定了固定百分比时才填写；没有原文依据的数字不要填。",
    )
    lpr_multiple = models.DecimalField(
        "LPR 倍数",
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="以一年期 LPR 的倍数表示的上限，例如 4 表示“四倍 LPR”。",
    )
    effective_date = models.DateField(
        "生效日期", null=True, blank=True, help_text="这条规则开始适用的日期。"
    )
    citation = models.CharField(
        "法律依据",
        max_length=200,
        help_text="写成《法律简称》第…条，例如《民间借贷规定》第二十五条。",
    )
    url = models.CharField(
        "条文链接",
        max_length=200,
        blank=True,
        help_text="站内条文页路径，例如 /laws/minjian-jiedai/25/。",
    )
    applies_to = models.TextField("适用于", help_text="这条线管谁、不管谁，只写原文支持的内容。")
    source_text = models.TextField(
        "出处说明",
        help_text="条文原文或出处说明。原文须逐字照录；没有核实原文的文件只写名称和日期，不引用。",
    )
    order = models.PositiveSmallIntegerField("排序", default=0)

    NATURAL_KEY = ("slug",)
    objects = NaturalKeyManager()

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "参考线"
        verbose_name_plural = "参考线（利率上限与适用范围）"

    def __str__(self) -> str:
        return self.name
