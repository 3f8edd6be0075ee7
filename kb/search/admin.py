from datetime import timedelta
from urllib.parse import urlencode

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from kb.search import querylog
from kb.search.models import QueryLog, SearchDocument, Synonym


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


@admin.register(QueryLog)
class QueryLogAdmin(admin.ModelAdmin):
    """What readers searched for and found little or nothing, over the last DAYS days: each
    query links to a prefilled synonym form and to a new article titled with it."""

    DAYS = 30
    FEW = 2
    SHOWN = 100

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        querylog.flush()  # this worker's tally, so the list is as fresh as it can be
        since = timezone.localdate() - timedelta(days=self.DAYS - 1)
        rows = [
            {
                **row,
                "synonym_url": reverse("admin:search_synonym_add")
                + "?"
                + urlencode({"term": row["query"]}),
                "article_url": reverse("admin:articles_article_add")
                + "?"
                + urlencode({"title": row["query"]}),
                "search_url": reverse("search:search") + "?" + urlencode({"q": row["query"]}),
            }
            for row in QueryLog.objects.unanswered(since, self.FEW)[: self.SHOWN]
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": f"近 {self.DAYS} 天读者没找到的内容",
            "opts": self.model._meta,
            "rows": rows,
            "days": self.DAYS,
            "few": self.FEW,
            **(extra_context or {}),
        }
        return TemplateResponse(request, "search/admin_unanswered.html", context)
