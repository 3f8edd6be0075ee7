"""Pending revisions of live articles: a reviewer reads the diff, then applies or rejects."""

from django.contrib import admin, messages
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from kb.articles import revision_diff, revisions
from kb.articles.models import ArticleRevision
from kb.core.workflow import can_publish


class MineFilter(admin.SimpleListFilter):
    """The revisions the signed-in user proposed (the admin start page links here)."""

    title = "提交人"
    parameter_name = "mine"

    def lookups(self, request, model_admin):
        return [("1", "我提交的")]

    def queryset(self, request, queryset):
        return queryset.filter(author=request.user) if self.value() == "1" else queryset


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
        rows = revision_diff.revision_diff(obj)
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
