from django.contrib import admin, messages
from django.http import HttpResponse
from django.urls import reverse
from django.utils.html import format_html
from markdownx.admin import MarkdownxModelAdmin

from kb.articles.feedback import counts as feedback_counts
from kb.articles.feedback import feedback_csv
from kb.articles.models import (
    FAQ,
    Article,
    ArticleCitation,
    Category,
    Feedback,
    Tag,
    UnresolvedCitation,
)
from kb.articles.review import flag_stale_articles, mark_reviewed
from kb.core.history import HistoryAdmin
from kb.core.roles import can_publish
from kb.core.workflow import check_can_save, publish_guarded, set_status


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "parent", "slug", "order"]
    list_filter = ["parent"]
    search_fields = ["name", "description"]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]


class FAQInline(admin.StackedInline):
    model = FAQ
    extra = 0


class CitationInline(admin.TabularInline):
    model = ArticleCitation
    extra = 0
    can_delete = False
    fields = ["provision", "raw_text", "count", "paragraph", "item"]
    readonly_fields = fields
    verbose_name_plural = "本文引用的条文（保存时自动生成）"

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Article)
class ArticleAdmin(HistoryAdmin, MarkdownxModelAdmin):
    list_display = [
        "title",
        "category",
        "status",
        "is_published",
        "published_at",
        "reviewed_at",
        "needs_review",
    ]
    list_filter = ["status", "needs_review", "category", "tags"]
    search_fields = ["title", "short_answer", "body", "slug"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["related"]
    filter_horizontal = ["tags"]
    inlines = [FAQInline, CitationInline]
    actions = ["publish", "unpublish", "mark_reviewed"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "category", "short_answer", "body"]}),
        (
            "发布",
            {
                "fields": [
                    "status",
                    "published_at",
                    "reviewed_at",
                    "needs_review",
                    "source",
                    "editor",
                ]
            },
        ),
        ("关联", {"fields": ["tags", "related"]}),
        ("读者反馈", {"fields": ["feedback_counts"]}),
    ]
    readonly_fields = ["feedback_counts"]

    @admin.display(description="“这篇文章有帮助吗”")
    def feedback_counts(self, obj):
        if obj is None or obj.pk is None:
            return "保存并发布后开始统计。"
        c = feedback_counts(obj)
        url = reverse("admin:articles_feedback_changelist") + f"?article__id__exact={obj.pk}"
        return format_html(
            '有帮助 {} 次 · 没帮助 {} 次 · <a href="{}">查看全部反馈</a>', c["yes"], c["no"], url
        )

    def get_form(self, request, obj=None, **kwargs):
        return publish_guarded(super().get_form(request, obj, **kwargs), request.user)

    def save_model(self, request, obj, form, change):
        check_can_save(request.user, obj)
        super().save_model(request, obj, form, change)

    def has_publish_permission(self, request) -> bool:
        return can_publish(request.user)

    @admin.action(description="发布所选文章", permissions=["publish"])
    def publish(self, request, queryset):
        n = set_status(request.user, queryset, Article.Status.PUBLISHED)
        self.message_user(request, f"已发布 {n} 篇文章。", messages.SUCCESS)

    @admin.action(description="撤回所选文章（改为草稿）", permissions=["publish"])
    def unpublish(self, request, queryset):
        n = set_status(request.user, queryset, Article.Status.DRAFT)
        self.message_user(request, f"已撤回 {n} 篇文章。", messages.SUCCESS)

    def view_on_site(self, obj):
        return obj.get_absolute_url()

    def changelist_view(self, request, extra_context=None):
        flag_stale_articles()  # law changes since the last look become 需复核 flags
        return super().changelist_view(request, extra_context)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        flag_stale_articles()
        return super().changeform_view(request, object_id, form_url, extra_context)

    @admin.action(
        description="标记为已审核（清除“需复核”，最近审核设为今天）", permissions=["publish"]
    )
    def mark_reviewed(self, request, queryset):
        n = mark_reviewed(queryset, request.user)
        self.message_user(request, f"已将 {n} 篇文章标记为已审核。", messages.SUCCESS)


@admin.register(UnresolvedCitation)
class UnresolvedCitationAdmin(admin.ModelAdmin):
    list_display = ["raw_text", "reason", "article", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["raw_text", "article__title"]


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
