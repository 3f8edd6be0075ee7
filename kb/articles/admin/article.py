"""Articles: the draft → 待审核 → 已发布 workflow, pending revisions for live articles, history;
their FAQ entries and the citations found at save."""

from django.contrib import admin, messages
from django.db.models import Count, Q
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from markdownx.admin import MarkdownxModelAdmin

from kb.articles import revisions, services
from kb.articles.models import FAQ, Article, ArticleCitation
from kb.core.admin import NoAddAdmin
from kb.core.content_version import ChangesContent
from kb.core.history import HistoryAdmin
from kb.core.workflow import can_publish, set_status
from kb.core.workflow_admin import WorkflowAdmin


class CitationInline(NoAddAdmin, admin.TabularInline):
    model = ArticleCitation
    extra = 0
    can_delete = False
    fields = ["provision", "raw_text", "count", "paragraph", "item"]
    readonly_fields = fields
    verbose_name_plural = "本文引用的条文（保存时自动生成）"


class FAQRule:
    """Readers see a published article's FAQ at once: a 编辑 cannot change it (a pending
    revision covers the article's own fields only), a 审核 can. `obj`: an article or a FAQ."""

    def faq_editable(self, request, obj) -> bool:
        article = obj.article if isinstance(obj, FAQ) else obj
        return article is None or can_publish(request.user) or not revisions.is_live(article)

    def has_change_permission(self, request, obj=None):
        return self.faq_editable(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self.faq_editable(request, obj) and super().has_delete_permission(request, obj)


class FAQInline(FAQRule, admin.StackedInline):
    model = FAQ
    extra = 0
    show_change_link = True  # each entry's own page, with its history

    def has_add_permission(self, request, obj=None):
        return self.faq_editable(request, obj) and super().has_add_permission(request, obj)


@admin.register(FAQ)
class FAQAdmin(FAQRule, ChangesContent, HistoryAdmin):
    """One FAQ entry with its history (diff, revert), under the rule of its article's page."""

    list_display = ["question", "article", "order"]
    list_select_related = ["article"]
    search_fields = ["question", "answer", "article__title"]
    autocomplete_fields = ["article"]

    def has_add_permission(self, request):
        # A 编辑 adds entries on the article's page, where a live article's FAQ is locked.
        return can_publish(request.user) and super().has_add_permission(request)

    def get_readonly_fields(self, request, obj=None):
        # Moving a draft's entry onto a live article would get round the rule.
        return ["article"] if obj is not None else []


class PendingRevisionFilter(admin.SimpleListFilter):
    title = "待审核修改"
    parameter_name = "pending_revision"

    def lookups(self, request, model_admin):
        return [("yes", "有"), ("no", "没有")]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(pending_revision=self.value() == "yes")


@admin.display(description="待审核修改", boolean=True, ordering="pending_revision")
def pending_revision(article) -> bool:
    """A list column; the list's queryset annotates `pending_revision`."""
    return article.pending_revision


@admin.action(description="标记为已审核（清除“需复核”，最近审核设为今天）", permissions=["publish"])
def mark_reviewed(modeladmin, request, queryset):
    n = services.mark_reviewed(queryset, request.user)  # real Article rows, with history
    modeladmin.message_user(request, f"已将 {n} 篇文章标记为已审核。", messages.SUCCESS)


@admin.register(Article)
class ArticleAdmin(ChangesContent, WorkflowAdmin, MarkdownxModelAdmin):
    workflow_keep_live = True  # a live article's edits become a pending revision

    list_display = [
        "title",
        "category",
        "status",
        "is_published",
        "published_at",
        "reviewed_at",
        "needs_review",
        pending_revision,
    ]
    list_filter = ["status", "needs_review", PendingRevisionFilter, "category", "tags"]
    search_fields = ["title", "short_answer", "body", "slug"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["related"]
    filter_horizontal = ["tags"]
    inlines = [FAQInline, CitationInline]
    actions = ["publish", "unpublish", mark_reviewed]
    fieldsets = [
        (None, {"fields": ["title", "slug", "category", "short_answer", "body"]}),
        ("发布", {"fields": "status published_at reviewed_at needs_review source editor".split()}),
        ("关联", {"fields": ["tags", "related"]}),
        ("读者反馈", {"fields": ["feedback_counts"]}),
    ]
    readonly_fields = ["feedback_counts", "pending_revisions"]

    @admin.display(description="“这篇文章有帮助吗”")
    def feedback_counts(self, obj):
        if obj.pk is None:
            return "保存并发布后开始统计。"
        c = obj.feedback.aggregate(
            yes=Count("id", Q(helpful=True)), no=Count("id", Q(helpful=False))
        )
        url = reverse("admin:articles_feedback_changelist") + f"?article__id__exact={obj.pk}"
        return format_html(
            '有帮助 {} 次 · 没帮助 {} 次 · <a href="{}">查看全部反馈</a>', c["yes"], c["no"], url
        )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(pending_revision=revisions.has_pending())

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and not can_publish(request.user) and revisions.is_live(obj):
            (name, options), *rest = fieldsets
            fieldsets = [(name, {**options, "description": revisions.EDITOR_HELP}), *rest]
        if obj is not None and revisions.pending_for(obj).exists():
            fieldsets = [("待审核修改", {"fields": ["pending_revisions"]}), *fieldsets]
        return fieldsets

    @admin.display(description="待审核修改")
    def pending_revisions(self, obj):
        return format_html_join(
            "",
            '<p><a href="{}">{} 于 {} 提交的修改：{}</a></p>',
            (
                (
                    reverse("admin:articles_articlerevision_change", args=[r.pk]),
                    r.author or "（已删除的用户）",
                    timezone.localtime(r.updated_at).strftime("%Y-%m-%d %H:%M"),
                    r.changed_labels(),
                )
                for r in revisions.pending_for(obj).select_related("author")
            ),
        )

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        initial = getattr(request, "_revision_initial", None)
        if not initial:
            return form

        class ShowsOwnRevision(form):
            """An editor reopening the article edits their pending revision, not the live text."""

            def __init__(self, *args, **kwargs):
                super().__init__(*args, initial=initial, **kwargs)

        return ShowsOwnRevision

    def save_model(self, request, obj, form, change):
        if change and not can_publish(request.user) and revisions.is_live(obj):
            # The live article is not saved: the changes wait for a reviewer. Nor are its FAQ
            # (locked for a 编辑, see FAQRule), tags and related.
            request._revision_message = revisions.submit_revision(
                obj, form.cleaned_data, request.user
            )
            form.save_m2m = lambda: None  # (simple-history's revert calls it too)
            return
        super().save_model(request, obj, form, change)

    def construct_change_message(self, request, form, formsets, add=False):
        message = getattr(request, "_revision_message", None)
        return message or super().construct_change_message(request, form, formsets, add)

    def response_change(self, request, obj):
        message = getattr(request, "_revision_message", None)
        if not message:
            return super().response_change(request, obj)
        self.message_user(request, message, messages.SUCCESS)
        if "_continue" in request.POST:
            return HttpResponseRedirect(reverse("admin:articles_article_change", args=[obj.pk]))
        return HttpResponseRedirect(reverse("admin:articles_article_changelist"))

    @admin.action(description="发布所选文章", permissions=["publish"])
    def publish(self, request, queryset):
        n = set_status(request.user, queryset, Article.Status.PUBLISHED)
        self.message_user(request, f"已发布 {n} 篇文章。", messages.SUCCESS)

    @admin.action(description="撤回所选文章（改为草稿）", permissions=["publish"])
    def unpublish(self, request, queryset):
        n = set_status(request.user, queryset, Article.Status.DRAFT)
        self.message_user(request, f"已撤回 {n} 篇文章。", messages.SUCCESS)

    def changelist_view(self, request, extra_context=None):
        services.flag_stale_articles()  # law changes since the last look become 需复核 flags
        return super().changelist_view(request, extra_context)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        services.flag_stale_articles()
        if str(object_id).isdigit() and request.method == "GET" and not can_publish(request.user):
            own = revisions.pending_for(int(object_id), request.user).first()
            if own is not None:
                request._revision_initial = {  # the form shows their proposal
                    name: Article._meta.get_field(name).to_python(value)
                    for name, value in own.changes.items()
                }
                self.message_user(request, revisions.OWN_PENDING, messages.WARNING)
            elif decided := revisions.latest_decision_notice(int(object_id), request.user):
                self.message_user(request, *decided)
        return super().changeform_view(request, object_id, form_url, extra_context)
