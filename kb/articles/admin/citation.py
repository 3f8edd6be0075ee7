"""Citations found at save (read-only) and the references no provision matched."""

from django.contrib import admin

from kb.articles.models import ArticleCitation, UnresolvedCitation


class CitationInline(admin.TabularInline):
    model = ArticleCitation
    extra = 0
    can_delete = False
    fields = ["provision", "raw_text", "count", "paragraph", "item"]
    readonly_fields = fields
    verbose_name_plural = "本文引用的条文（保存时自动生成）"

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(UnresolvedCitation)
class UnresolvedCitationAdmin(admin.ModelAdmin):
    list_display = ["raw_text", "reason", "article", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["raw_text", "article__title"]
