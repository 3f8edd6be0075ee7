from django.contrib import admin, messages
from django.http import HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from markdownx.admin import MarkdownxModelAdmin

from kb.articles import revisions
from kb.articles.feedback import counts as feedback_counts
from kb.articles.feedback import feedback_csv
from kb.articles.models import (
    FAQ,
    Article,
    ArticleCitation,
    ArticleRevision,
    Category,
    Feedback,
    Tag,
    UnresolvedCitation,
)
from kb.articles.review import flag_stale_articles, mark_reviewed
from kb.core.content_version import ChangesContent
from kb.core.history import HistoryAdmin
from kb.core.roles import can_publish
from kb.core.workflow import check_can_save, publish_guarded, set_status


@admin.register(Category)
class CategoryAdmin(ChangesContent, admin.ModelAdmin):
    list_display = ["name", "parent", "slug", "order"]
    list_filter = ["parent"]
    search_fields = ["name", "description"]


@admin.register(Tag)
class TagAdmin(ChangesContent, admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]


def faq_editable(request, article) -> bool:
    """Readers see a published article's FAQ at once: a 编辑 cannot change it (a pending
    revision covers the article's own fields only), a 审核 can."""
    return article is None or can_publish(request.user) or not revisions.is_live(article)


class FAQInline(admin.StackedInline):
    model = FAQ
    extra = 0
    show_change_link = True  # each entry's own page, with its history

    def _editable(self, request, obj) -> bool:
        return faq_editable(request, obj)

    def has_add_permission(self, request, obj=None):
        return self._editable(request, obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._editable(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._editable(request, obj) and super().has_delete_permission(request, obj)


@admin.register(FAQ)
class FAQAdmin(ChangesContent, HistoryAdmin):
    """One FAQ entry with its history (who changed the answer, a diff, revert). Entries are
    written on their article's page; the same rule applies here, reverts included."""

    list_display = ["question", "article", "order"]
    list_select_related = ["article"]
    search_fields = ["question", "answer", "article__title"]
    autocomplete_fields = ["article"]

    def has_add_permission(self, request):
        # A 编辑 adds entries on the article's page, where a live article's FAQ is locked.
        return can_publish(request.user) and super().has_add_permission(request)

    def get_readonly_fields(self, request, obj=None):
        # An entry stays with its article: moving a draft's entry onto a live article would
        # get round the rule above.
        return ["article"] if obj is not None else []

    def _editable(self, request, obj) -> bool:
        return faq_editable(request, obj.article if obj is not None else None)

    def has_change_permission(self, request, obj=None):
        return self._editable(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._editable(request, obj) and super().has_delete_permission(request, obj)


class CitationInline(admin.TabularInline):
    model = ArticleCitation
    extra = 0
    can_delete = False
    fields = ["provision", "raw_text", "count", "paragraph", "item"]
    readonly_fields = fields
    verbose_name_plural = "本文引用的条文（保存时自动生成）"

    def has_add_permission(self, request, obj=None):
        return False


class PendingRevisionFilter(admin.SimpleListFilter):
    title = "待审核修改"
    parameter_name = "pending_revision"

    def lookups(self, request, model_admin):
        return [("yes", "有"), ("no", "没有")]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(pending_revision=self.value() == "yes")
        return queryset


class MineFilter(admin.SimpleListFilter):
    """The revisions the signed-in user proposed (the admin start page links here)."""

    title = "提交人"
    parameter_name = "mine"

    def lookups(self, request, model_admin):
        return [("1", "我提交的")]

    def queryset(self, request, queryset):
        return queryset.filter(author=request.user) if self.value() == "1" else queryset


@admin.register(Article)
class ArticleAdmin(ChangesContent, HistoryAdmin, MarkdownxModelAdmin):
    list_display = [
        "title",
        "category",
        "status",
        "is_published",
        "published_at",
        "reviewed_at",
        "needs_review",
        "has_pending_revision",
    ]
    list_filter = ["status", "needs_review", PendingRevisionFilter, "category", "tags"]
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
    readonly_fields = ["feedback_counts", "pending_revisions"]

    @admin.display(description="“这篇文章有帮助吗”")
    def feedback_counts(self, obj):
        if obj is None or obj.pk is None:
            return "保存并发布后开始统计。"
        c = feedback_counts(obj)
        url = reverse("admin:articles_feedback_changelist") + f"?article__id__exact={obj.pk}"
        return format_html(
            '有帮助 {} 次 · 没帮助 {} 次 · <a href="{}">查看全部反馈</a>', c["yes"], c["no"], url
        )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(pending_revision=revisions.has_pending())

    @admin.display(description="待审核修改", boolean=True, ordering="pending_revision")
    def has_pending_revision(self, obj):
        return obj.pending_revision

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
        if obj is None or obj.pk is None:
            return ""
        rows = revisions.pending_for(obj).select_related("author")
        return format_html_join(
            "",
            '<p><a href="{}">{} 于 {} 提交的修改：{}</a></p>',
            (
                (
                    reverse("admin:articles_articlerevision_change", args=[r.pk]),
                    r.author or "（已删除的用户）",
                    timezone.localtime(r.updated_at).strftime("%Y-%m-%d %H:%M"),
                    revisions.changed_labels(r),
                )
                for r in rows
            ),
        )

    def get_form(self, request, obj=None, **kwargs):
        form = publish_guarded(
            super().get_form(request, obj, **kwargs), request.user, keep_live=True
        )
        initial = getattr(request, "_revision_initial", None)
        if not initial:
            return form

        class ShowsOwnRevision(form):
            """An editor reopening the article edits their pending revision, not the live text."""

            def __init__(self, *args, **kwargs):
                if not args and kwargs.get("data") is None:
                    kwargs["initial"] = {**initial, **(kwargs.get("initial") or {})}
                super().__init__(*args, **kwargs)

        ShowsOwnRevision.__name__ = form.__name__
        return ShowsOwnRevision

    def save_model(self, request, obj, form, change):
        if change and revisions.diverts(request.user, obj):
            # The live article is not saved: the changes wait for a reviewer.
            message, _ = revisions.submit_revision(obj, form.cleaned_data, request.user)
            request._revision_message = message
            form.save_m2m = lambda: None  # tags and related too (simple-history's revert calls it)
            return
        check_can_save(request.user, obj)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        if getattr(request, "_revision_message", None):
            return
        super().save_related(request, form, formsets, change)

    def construct_change_message(self, request, form, formsets, add=False):
        # The formsets were not saved (they have no new/changed objects to list).
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
        if str(object_id).isdigit() and request.method == "GET" and not can_publish(request.user):
            own = revisions.pending_for(int(object_id), request.user).first()
            if own is not None:
                request._revision_initial = revisions.initial_from(own)
                self.message_user(request, revisions.OWN_PENDING, messages.WARNING)
            else:
                decided = revisions.latest_decision_notice(int(object_id), request.user)
                if decided:
                    notice, rejected = decided
                    self.message_user(
                        request, notice, messages.WARNING if rejected else messages.SUCCESS
                    )
        return super().changeform_view(request, object_id, form_url, extra_context)

    @admin.action(
        description="标记为已审核（清除“需复核”，最近审核设为今天）", permissions=["publish"]
    )
    def mark_reviewed(self, request, queryset):
        n = mark_reviewed(queryset, request.user)
        self.message_user(request, f"已将 {n} 篇文章标记为已审核。", messages.SUCCESS)


@admin.register(ArticleRevision)
class ArticleRevisionAdmin(admin.ModelAdmin):
    """Reviewers read each pending revision as a diff against the live text, then apply or
    reject it (actions on the list, buttons on the revision's page). Read-only otherwise."""

    list_display = ["article", "status", "author", "updated_at", "reviewer", "decided_at"]
    list_filter = ["status", MineFilter]
    list_select_related = ["article", "author", "reviewer"]
    search_fields = ["article__title"]
    fields = [
        "article",
        "status",
        "author",
        "created_at",
        "updated_at",
        "reviewer",
        "decided_at",
        "note",
        "diff",
    ]
    readonly_fields = fields
    actions = ["apply_selected", "reject_selected"]
    change_form_template = "admin/articles/articlerevision/change_form.html"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_publish_permission(self, request) -> bool:
        return can_publish(request.user)

    @admin.display(description="与线上版本的差异（删除的内容划线，新增的内容加下划线）")
    def diff(self, obj):
        rows = revisions.revision_diff(obj)
        if not rows:
            return "（与线上版本相同）"
        body = format_html_join(
            "",
            "<tr><th>{}{}</th><td>{}</td><td>{}</td></tr>",
            (
                (
                    row.label,
                    "（提交后线上版本已改动，请核对）" if row.moved else "",
                    row.old,
                    row.new,
                )
                for row in rows
            ),
        )
        return format_html(
            "<table><thead><tr><th>字段</th><th>线上版本</th><th>修改稿</th></tr></thead>"
            "<tbody>{}</tbody></table>",
            body,
        )

    def get_urls(self):
        decide = self.admin_site.admin_view(self.decide_view)
        return [
            path(
                "<int:object_id>/apply/",
                decide,
                {"apply": True},
                name="articles_articlerevision_apply",
            ),
            path(
                "<int:object_id>/reject/",
                decide,
                {"apply": False},
                name="articles_articlerevision_reject",
            ),
            *super().get_urls(),
        ]

    def decide_view(self, request, object_id: int, apply: bool):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        revision = get_object_or_404(ArticleRevision, pk=object_id)
        self._decide(request, [revision], apply, note=request.POST.get("note", ""))
        return HttpResponseRedirect(reverse("admin:articles_articlerevision_changelist"))

    def _decide(self, request, selected, apply: bool, note: str = "") -> None:
        done = 0
        for revision in selected:
            try:
                if apply:
                    revisions.apply_revision(revision, request.user)
                else:
                    revisions.reject_revision(revision, request.user, note)
                done += 1
            except revisions.RevisionError as error:
                self.message_user(request, f"《{revision.article}》：{error}", messages.ERROR)
        if done:
            verb = "应用" if apply else "驳回"
            self.message_user(request, f"已{verb} {done} 份修改。", messages.SUCCESS)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        revision = self.get_object(request, object_id)
        extra_context = {
            **(extra_context or {}),
            "can_decide": revision is not None
            and revision.status == ArticleRevision.Status.PENDING
            and can_publish(request.user),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.action(description="应用所选修改（发布到线上）", permissions=["publish"])
    def apply_selected(self, request, queryset):
        self._decide(request, list(queryset.select_related("article")), apply=True)

    @admin.action(description="驳回所选修改", permissions=["publish"])
    def reject_selected(self, request, queryset):
        self._decide(request, list(queryset.select_related("article")), apply=False)


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
