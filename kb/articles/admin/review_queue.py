"""The 待复核文章 queue: articles due for a legal re-check, flagged first, then oldest review."""

from django.conf import settings
from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html

from kb.articles import revisions
from kb.articles.models import QUEUE_ORDERING, ReviewQueueArticle, due_for_review
from kb.articles.review import flag_stale_articles, mark_reviewed
from kb.core.workflow import can_publish


@admin.register(ReviewQueueArticle)
class ReviewQueueAdmin(admin.ModelAdmin):
    list_display = [
        "edit_link",
        "status",
        "reviewed_at",
        "needs_review",
        "pending_revision",
        "traffic",
        "published_at",
        "category",
    ]
    list_display_links = None
    list_filter = ["needs_review", "status", "category"]
    search_fields = ["title", "slug"]
    list_select_related = ["category"]
    actions = ["mark_reviewed"]

    def get_ordering(self, request):
        # Else the changelist falls back to Article's -published_at. A method, not `ordering`:
        # `traffic` is an annotation, which the admin's system check would reject.
        return QUEUE_ORDERING

    def get_queryset(self, request):
        # Not super(): it would order by `traffic` before due_for_review() annotates it.
        return due_for_review(self.model._default_manager.get_queryset()).annotate(
            has_pending_revision=revisions.has_pending()
        )

    def changelist_view(self, request, extra_context=None):
        flag_stale_articles()  # law changes since anyone last looked show up here at once
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

    @admin.display(description="待审核修改", boolean=True, ordering="has_pending_revision")
    def pending_revision(self, obj):
        return obj.has_pending_revision

    @admin.display(description="读者反馈数", ordering="traffic")
    def traffic(self, obj):
        return obj.traffic

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
        n = mark_reviewed(queryset, request.user)  # real Article rows, with history
        self.message_user(request, f"已将 {n} 篇文章标记为已审核。", messages.SUCCESS)
