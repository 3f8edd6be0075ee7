"""Editors keep the letter texts here: drafts, review, publishing, history with revert."""

from django.contrib import admin
from django.utils.html import format_html, format_html_join

from kb.core.content_version import ChangesContent
from kb.core.workflow_admin import WorkflowAdmin
from kb.letters.kinds import COMMON, KINDS
from kb.letters.models import Clause, Letter, LetterOffer


class ClauseInline(admin.StackedInline):
    model = Clause
    extra = 0
    autocomplete_fields = ["provisions"]
    verbose_name_plural = "可选段落（读者勾选后放入 {所选段落} 处）"


class LetterOfferInline(admin.TabularInline):
    model = LetterOffer
    extra = 0
    raw_id_fields = ["node"]
    verbose_name_plural = "在这些向导结果页提供这份文书"


@admin.register(Letter)
class LetterAdmin(ChangesContent, WorkflowAdmin):
    workflow_refusal = "只有“审核”组的成员可以发布文书模板。请把状态设为“待审核”，由审核人员发布。"

    list_display = ["title", "kind", "status", "is_published", "order", "updated_at"]
    list_filter = ["status"]
    search_fields = ["title", "summary", "body"]
    fields = [
        "kind",
        "title",
        "summary",
        "guidance",
        "placeholder_help",
        "body",
        "provisions",
        "articles",
        "status",
        "order",
    ]
    readonly_fields = ["placeholder_help"]
    autocomplete_fields = ["provisions", "articles"]
    inlines = [ClauseInline, LetterOfferInline]

    @admin.display(description="可用的占位符")
    def placeholder_help(self, obj):
        kind = KINDS.get(obj.kind) if obj.pk else None
        if kind is None:
            return "选择文书种类并保存后，这里列出它可用的占位符。"
        names = sorted((name, held) for name, (held, _) in {**COMMON, **kind.placeholders}.items())
        rows = format_html_join("", "<li><code>{{{}}}</code>：{}</li>", names)
        blocks = "、".join(f"{{{b}}}" for b in kind.blocks)
        clauses = "、".join(f"{key}（{label}）" for key, label in kind.clauses.items()) or "无"
        return format_html(
            "<ul>{}</ul><p>单独占一行的整块：{}。可选段落：{}。</p>", rows, blocks, clauses
        )
