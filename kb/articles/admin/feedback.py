from django.contrib import admin
from django.http import HttpResponse

from kb.articles.feedback import feedback_csv
from kb.articles.models import Feedback


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    list_display = ["article", "helpful", "reason", "created_at"]
    readonly_fields = ["article", "helpful", "reason", "created_at"]
    list_filter = ["helpful", "created_at"]
    search_fields = ["reason", "article__title"]
    list_select_related = ["article"]
    actions = ["export_csv"]

    def has_add_permission(self, request):
        return False

    @admin.action(description="导出所选反馈为 CSV")
    def export_csv(self, request, queryset):
        response = HttpResponse(feedback_csv(queryset), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="feedback.csv"'
        return response
