from django.contrib import admin

from kb.core.admin import NoAddAdmin, ReadOnlyAdmin
from kb.core.content_version import ChangesContent
from kb.core.history import HistoryAdmin
from kb.laws.models import Change, Law, Provision


class ChangeInline(NoAddAdmin, admin.TabularInline):
    model = Change
    fk_name = "provision"
    extra = 0
    can_delete = False
    fields = ["changed_at", "kind", "old_value", "propagated"]
    readonly_fields = fields
    verbose_name_plural = "此前的文本（保存修改时自动记录，引用本条的文章会被标为“需复核”）"


@admin.register(Law)
class LawAdmin(ChangesContent, HistoryAdmin):
    list_display = [
        "short_title",
        "title",
        "kind",
        "status",
        "effective_date",
        "last_amended_date",
        "order",
    ]
    list_filter = ["kind", "status"]
    search_fields = ["title", "short_title", "aliases", "document_number"]
    fieldsets = [
        (None, {"fields": ["title", "short_title", "aliases", "slug", "kind", "status", "order"]}),
        (
            "出处与日期",
            {
                "fields": [
                    "issuing_body",
                    "document_number",
                    "adopted_date",
                    "promulgation_date",
                    "effective_date",
                    "last_amended_date",
                    "version_note",
                    "source",
                    "source_url",
                ]
            },
        ),
        (
            "原文的其他部分",
            {"classes": ["collapse"], "fields": ["history", "preamble", "appendix"]},
        ),
    ]


@admin.register(Provision)
class ProvisionAdmin(ChangesContent, HistoryAdmin):
    list_display = ["label", "law", "part", "chapter", "section"]
    list_filter = ["law", "law__kind"]
    list_select_related = ["law"]
    search_fields = ["label", "text", "law__short_title", "=number"]
    ordering = ["law__order", "order"]
    inlines = [ChangeInline]

    def get_readonly_fields(self, request, obj=None):
        return ["law", "number", "sub_number"] if obj else []


@admin.register(Change)
class ChangeAdmin(ReadOnlyAdmin, ChangesContent, admin.ModelAdmin):
    list_display = ["changed_at", "law", "provision", "kind", "propagated"]
    list_filter = ["kind", "propagated", "law"]
    list_select_related = ["law", "provision", "provision__law"]
    readonly_fields = ["changed_at"]
