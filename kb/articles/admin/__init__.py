"""The articles admin: taxonomy, citations and feedback here; articles with their FAQ in
article.py; pending revisions and the review queue in review.py."""

import csv

from django.contrib import admin
from django.http import HttpResponse

from kb.articles.admin import article, review  # noqa: F401  (they register the rest)
from kb.articles.models import Category, Feedback, Tag, UnresolvedCitation
from kb.core.admin import NoAddAdmin
from kb.core.content_version import ChangesContent


@admin.register(Category)
class CategoryAdmin(ChangesContent, admin.ModelAdmin):
    list_display = ["name", "parent", "slug", "order"]
    list_filter = ["parent"]
    search_fields = ["name", "description"]


@admin.register(Tag)
class TagAdmin(ChangesContent, admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]


@admin.register(UnresolvedCitation)
class UnresolvedCitationAdmin(admin.ModelAdmin):
    list_display = ["raw_text", "reason", "article", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["raw_text", "article__title"]


def _cell(value) -> str:
    """Neutralise spreadsheet formulas in reader-written text."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@admin.register(Feedback)
class FeedbackAdmin(NoAddAdmin, admin.ModelAdmin):
    list_display = ["article", "helpful", "reason", "created_at"]
    readonly_fields = ["article", "helpful", "reason", "created_at"]
    list_filter = ["helpful", "created_at"]
    search_fields = ["reason", "article__title"]
    list_select_related = ["article"]
    actions = ["export_csv"]

    @admin.action(description="导出所选反馈为 CSV")
    def export_csv(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="feedback.csv"'
        response.write("\ufeff")  # a BOM, so that spreadsheet programs read UTF-8
        writer = csv.writer(response)
        writer.writerow(["文章", "网址", "有帮助", "原因", "提交时间"])
        for fb in queryset.select_related("article").order_by("-created_at"):
            url, helpful = fb.article.get_absolute_url(), "是" if fb.helpful else "否"
            writer.writerow(
                [_cell(fb.article.title), url, helpful, _cell(fb.reason), fb.created_at.isoformat()]
            )
        return response
