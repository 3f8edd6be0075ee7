"""The 待复核文章 queue: articles due for a legal re-check, oldest review first."""

from django.conf import settings
from django.contrib import admin, messages
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from kb.articles.models import Article
from kb.core.models import ReviewQueueArticle, due_for_review
from kb.core.roles import can_publish


@admin.register(ReviewQueueArticle)
class ReviewQueueAdmin(admin.ModelAdmin):
    list_display = [
        "edit_link",
        "status",
        "reviewed_at",
        "needs_review",
        "published_at",
        "category",
    ]
    list_display_links = None
    list_filter = ["needs_review", "status", "category"]
    search_fields = ["title", "slug"]
    list_select_related = ["category"]
    actions = ["mark_reviewed"]

    def get_queryset(self, request):
        return due_for_review(super().get_queryset(request))

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "title": f"待复核文章（需复核，或超过 {settings.REVIEW_MAX_AGE_DAYS} 天未审核）",
        }
        return super().changelist_view(request, extra_context)

    @admin.display(description="标题", ordering="title")
    def edit_link(self, obj):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:articles_article_change", args=[obj.pk]),
            obj.title,
        )

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_review_permission(self, request) -> bool:
        return can_publish(request.user)

    @admin.action(description="标记为已审核（今天）", permissions=["review"])
    def mark_reviewed(self, request, queryset):
        today = timezone.localdate()
        n = 0
        # Save real Article rows: history and the page cache listen to Article, not the proxy.
        for article in Article.objects.filter(pk__in=queryset.values("pk")):
            article.reviewed_at, article.needs_review = today, False
            article._change_reason = "标记为已审核"
            article.save()
            n += 1
        self.message_user(request, f"已将 {n} 篇文章标记为已审核。", messages.SUCCESS)
