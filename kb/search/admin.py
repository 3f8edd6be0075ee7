from datetime import timedelta

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Max, Min, Sum
from django.template.response import TemplateResponse
from django.utils import timezone

from kb.core.admin import ReadOnlyAdmin
from kb.search import querylog
from kb.search.models import QueryLog, SearchDocument, Synonym


@admin.register(Synonym)
class SynonymAdmin(admin.ModelAdmin):
    list_display = ("term", "synonyms")
    search_fields = ("term", "synonyms")


@admin.register(SearchDocument)
class SearchDocumentAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    """The index, for checking what readers can find."""

    list_display = ("title", "kind", "category", "published_at", "indexed_at")
    list_filter = ("kind",)
    search_fields = ("title",)
    readonly_fields = ("indexed_at",)


@admin.register(QueryLog)
class QueryLogAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    """What readers searched for and found at most FEW results for, over the last DAYS days:
    each query links to a prefilled synonym form and to a new article titled with it."""

    DAYS = 30
    FEW = 2
    SHOWN = 100

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        querylog.flush()  # this worker's tally, so the list is as fresh as it can be
        since = timezone.localdate() - timedelta(days=self.DAYS - 1)
        rows = (
            QueryLog.objects.filter(day__gte=since, results__lte=self.FEW)
            .values("query")
            .annotate(searches=Sum("searches"), results=Min("results"), last_day=Max("day"))
            .order_by("-searches", "query")[: self.SHOWN]
        )
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
