from django.contrib import admin

from kb.search.models import SearchDocument, Synonym


@admin.register(Synonym)
class SynonymAdmin(admin.ModelAdmin):
    list_display = ("term", "synonyms")
    search_fields = ("term", "synonyms")


@admin.register(SearchDocument)
class SearchDocumentAdmin(admin.ModelAdmin):
    """Read-only view of the index, for checking what readers can find."""

    list_display = ("title", "kind", "category", "published_at", "indexed_at")
    list_filter = ("kind",)
    search_fields = ("title",)
    fields = (
        "kind",
        "object_id",
        "title",
        "url",
        "category",
        "label",
        "body",
        "published_at",
        "indexed_at",
    )
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
