"""The articles admin: taxonomy, citations and feedback here; articles with their FAQ in
article.py; pending revisions and the review queue in review.py."""

from django.contrib import admin

from kb.articles.admin import article, review  # noqa: F401  (they register the rest)
from kb.articles.models import Category, Feedback, Tag, UnresolvedCitation
from kb.core.admin import NoAddAdmin, csv_download
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
        rows = [["文章", "网址", "有帮助", "原因", "提交时间"]]
        for fb in queryset.select_related("article").order_by("-created_at"):
            url, helpful = fb.article.get_absolute_url(), "是" if fb.helpful else "否"
            rows.append([fb.article.title, url, helpful, fb.reason, fb.created_at.isoformat()])
        return csv_download("feedback.csv", rows)
