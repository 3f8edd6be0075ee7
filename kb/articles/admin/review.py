"""What reviewers decide: pending revisions (read the diff, apply or reject) and the 待复核文章
queue (articles due for a legal re-check, flagged first, then the oldest review)."""

from django.conf import settings
from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.html import format_html, format_html_join
from django.views.decorators.http import require_POST

from kb.articles import revisions
from kb.articles.admin.article import mark_reviewed, pending_revision
from kb.articles.models import (
    QUEUE_ORDERING,
    Article,
    ArticleRevision,
    ReviewQueueArticle,
    due_for_review,
)
from kb.articles.services import flag_stale_articles
from kb.core.admin import ReadOnlyAdmin
from kb.core.history import line_diff
from kb.core.workflow import can_publish


class MineFilter(admin.SimpleListFilter):
    """The revisions the signed-in user proposed (the admin start page links here)."""

    title = "提交人"
    parameter_name = "mine"

    def lookups(self, request, model_admin):
        return [("1", "我提交的")]

    def queryset(self, request, queryset):
        return queryset.filter(author=request.user) if self.value() == "1" else queryset


def _display(name: str, value) -> str:
    """A stored revision value as the reviewer reads it."""
    if value in (None, "", []):
        return "（空）"
    field = Article._meta.get_field(name)
    if field.is_relation:  # category, tags, related: stored as pks
        rows = field.related_model.objects.filter(pk__in=value if field.many_to_many else [value])
        return "、".join(map(str, rows)) or "（已删除）"
    if name == "published_at":
        return timezone.localtime(parse_datetime(value)).strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


class ReviewerAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    """A list nobody edits or deletes from, whose actions are for 审核."""

    def has_delete_permission(self, request, obj=None):
        return False

    def has_publish_permission(self, request) -> bool:
        return can_publish(request.user)


@admin.register(ArticleRevision)
class ArticleRevisionAdmin(ReviewerAdmin):
    """Reviewers read each pending revision as a diff against the live text, then apply or
    reject it (actions on the list, buttons on the revision's page)."""

    list_display = ["article", "status", "author", "updated_at", "reviewer", "decided_at"]
    list_filter = ["status", MineFilter]
    list_select_related = ["article", "author", "reviewer"]
    search_fields = ["article__title"]
    fields = "article status author created_at updated_at reviewer decided_at note diff".split()
    readonly_fields = fields
    actions = ["apply_selected", "reject_selected"]
    change_form_template = "admin/articles/articlerevision/change_form.html"

    @admin.display(description="与线上版本的差异（删除的内容划线，新增的内容加下划线）")
    def diff(self, obj):
        """Per changed field: the live value now and the proposed one (line diff for long text)."""
        live, rows = revisions.live_values(obj.article), []
        for name in revisions.FIELDS:
            if name not in obj.changes:
                continue
            old, new = live[name], obj.changes[name]
            if isinstance(old, str) and isinstance(new, str) and ("\n" in old or "\n" in new):
                old, new = line_diff(old.replace("\r\n", "\n"), new.replace("\r\n", "\n"))
            else:
                old = format_html("<del>{}</del>", _display(name, old))
                new = format_html("<ins>{}</ins>", _display(name, new))
            moved = name in obj.base and not revisions.same_value(name, obj.base[name], live[name])
            label = Article._meta.get_field(name).verbose_name
            rows.append((label, "（提交后线上版本已改动，请核对）" if moved else "", old, new))
        if not rows:
            return "（与线上版本相同）"
        return format_html(
            "<table><thead><tr><th>字段</th><th>线上版本</th><th>修改稿</th></tr></thead>"
            "<tbody>{}</tbody></table>",
            format_html_join("", "<tr><th>{}{}</th><td>{}</td><td>{}</td></tr>", rows),
        )

    def get_urls(self):
        decide = self.admin_site.admin_view(require_POST(self.decide_view))
        return [
            path("<int:pk>/apply/", decide, {"apply": True}, name="articles_articlerevision_apply"),
            path(
                "<int:pk>/reject/", decide, {"apply": False}, name="articles_articlerevision_reject"
            ),
            *super().get_urls(),
        ]

    def decide_view(self, request, pk: int, apply: bool):
        revision = get_object_or_404(ArticleRevision, pk=pk)
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

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        pending = obj is not None and obj.status == ArticleRevision.Status.PENDING
        context["can_decide"] = pending and can_publish(request.user)
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)

    @admin.action(description="应用所选修改（发布到线上）", permissions=["publish"])
    def apply_selected(self, request, queryset):
        self._decide(request, list(queryset.select_related("article")), apply=True)

    @admin.action(description="驳回所选修改", permissions=["publish"])
    def reject_selected(self, request, queryset):
        self._decide(request, list(queryset.select_related("article")), apply=False)


@admin.register(ReviewQueueArticle)
class ReviewQueueAdmin(ReviewerAdmin):
    list_display = [
        "edit_link",
        "status",
        "reviewed_at",
        "needs_review",
        pending_revision,
        "traffic",
        "published_at",
        "category",
    ]
    list_display_links = None
    list_filter = ["needs_review", "status", "category"]
    search_fields = ["title", "slug"]
    list_select_related = ["category"]
    actions = [mark_reviewed]

    def get_ordering(self, request):
        # Else the changelist falls back to Article's -published_at. A method, not `ordering`:
        # `traffic` is an annotation, which the admin's system check would reject.
        return QUEUE_ORDERING

    def get_queryset(self, request):
        # Not super(): it would order by `traffic` before due_for_review() annotates it.
        queryset = due_for_review(self.model._default_manager.get_queryset())
        return queryset.annotate(pending_revision=revisions.has_pending())

    def changelist_view(self, request, extra_context=None):
        flag_stale_articles()  # law changes since anyone last looked show up here at once
        title = f"待复核文章（需复核，或超过 {settings.REVIEW_MAX_AGE_DAYS} 天未审核）"
        return super().changelist_view(request, {**(extra_context or {}), "title": title})

    @admin.display(description="标题", ordering="title")
    def edit_link(self, obj):
        url = reverse("admin:articles_article_change", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, obj.title)

    @admin.display(description="读者反馈数", ordering="traffic")
    def traffic(self, obj):
        return obj.traffic
