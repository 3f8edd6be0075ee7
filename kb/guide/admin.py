"""Editors build trees here; a published tree can never be saved into a broken state."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from markdownx.admin import MarkdownxModelAdmin

from kb.core.admin import NoAddAdmin, csv_download
from kb.core.content_version import ChangesContent
from kb.core.history import HistoryAdmin
from kb.core.workflow import can_publish, set_status
from kb.core.workflow_admin import WorkflowAdmin
from kb.guide import services
from kb.guide.diagram import render_svg
from kb.guide.models import Choice, Node, OutcomeFeedback, Tree
from kb.guide.validate import validate

LIVE_TREE_NOT_ALLOWED = (
    "这个问答向导已发布：只有“审核”组的成员可以修改已发布向导的问题和结果。"
    "请由审核人员修改，或请审核人员先把向导撤回为草稿。"
)
TREE_NOT_ALLOWED = (
    "只有“审核”组的成员可以发布问答向导或保存已发布向导的修改。请保持草稿状态，由审核人员发布。"
)


class BrokenTree(Exception):
    """A save that would leave a published tree broken; the argument is the message (HTML)."""


def _items(problems) -> str:
    return format_html_join("", "<li>{}</li>", ((p.message,) for p in problems))


class GuardedChangeform:
    """The admin saves in one transaction: once the inlines are saved, a published tree that is
    now broken raises BrokenTree, which rolls everything back and is shown as an error."""

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        tree = form.instance if isinstance(form.instance, Tree) else form.instance.tree
        if tree.is_published() and (problems := services.problems_for(tree)):
            message = "未保存：已发布的向导《{}》不能有结构问题。请修正以下问题，或先把状态改为草稿再保存：<ul>{}</ul>"
            raise BrokenTree(format_html(message, tree.title, _items(problems)))

    def history_form_view(self, request, *args, **kwargs):
        return self._guarded(super().history_form_view, request, *args, **kwargs)

    def changeform_view(self, request, *args, **kwargs):
        return self._guarded(super().changeform_view, request, *args, **kwargs)

    def _guarded(self, view, request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except BrokenTree as refused:
            messages.error(request, refused.args[0])
            return HttpResponseRedirect(request.get_full_path())


class NodeInline(admin.TabularInline):
    model = Node
    extra = 0
    fields = ["slug", "kind", "title", "is_start", "order"]
    show_change_link = True
    verbose_name_plural = "节点（问题的选项、结果的回答在各节点的编辑页里填写）"


@admin.register(Tree)
class TreeAdmin(GuardedChangeform, ChangesContent, WorkflowAdmin, MarkdownxModelAdmin):
    workflow_refusal = TREE_NOT_ALLOWED

    list_display = ["title", "slug", "status", "node_count", "check_result", "order"]
    list_filter = ["status"]
    search_fields = ["title", "slug"]
    readonly_fields = ["problems_display", "tools"]
    fields = ["title", "slug", "intro", "status", "order", "problems_display", "tools"]
    inlines = [NodeInline]
    actions = ["publish", "unpublish"]

    @admin.display(description="节点数")
    def node_count(self, obj):
        return obj.nodes.count()

    @admin.display(description="检查结果")
    def check_result(self, obj):
        problems = services.problems_for(obj)
        return f"{len(problems)} 个问题" if problems else "通过"

    @admin.display(description="检查结果")
    def problems_display(self, obj):
        if not obj.pk:
            return "保存后检查。"
        if not (problems := services.problems_for(obj)):
            return "结构检查通过，可以发布。"
        return format_html('<p class="errornote">发布前需要修正：</p><ul>{}</ul>', _items(problems))

    @admin.display(description="图示与路径")
    def tools(self, obj):
        if not obj.pk:
            return "—"
        return format_html(
            '<a href="{}">结构图</a> · <a href="{}">全部路径</a> · <a href="{}">下载路径 CSV</a>',
            reverse("admin:guide_tree_diagram", args=[obj.pk]),
            reverse("admin:guide_tree_paths", args=[obj.pk]),
            reverse("admin:guide_tree_paths_csv", args=[obj.pk]),
        )

    @admin.action(description="发布所选向导（有结构问题的不会发布）", permissions=["publish"])
    def publish(self, request, queryset):
        for tree in queryset:
            if problems := services.problems_for(tree):
                listing = "；".join(p.message for p in problems)
                self.message_user(request, f"《{tree.title}》未发布：{listing}", messages.ERROR)
            else:
                set_status(request.user, [tree], Tree.Status.PUBLISHED)
                self.message_user(request, f"已发布《{tree.title}》。", messages.SUCCESS)

    @admin.action(description="撤回所选向导（改为草稿）", permissions=["publish"])
    def unpublish(self, request, queryset):
        n = set_status(request.user, queryset, Tree.Status.DRAFT)
        self.message_user(request, f"已撤回 {n} 个向导。", messages.SUCCESS)

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<int:pk>/diagram/", wrap(self.diagram_view), name="guide_tree_diagram"),
            path("<int:pk>/paths/", wrap(self.paths_view), name="guide_tree_paths"),
            path("<int:pk>/paths.csv", wrap(self.paths_csv_view), name="guide_tree_paths_csv"),
            *super().get_urls(),
        ]

    def _tree(self, request, pk):
        tree = get_object_or_404(Tree, pk=pk)
        if not self.has_view_permission(request, tree):
            raise PermissionDenied
        return tree

    def _page(self, request, tree, template: str, title: str, **context):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": tree,
            "title": f"{title}：{tree.title}",
            **context,
        }
        return TemplateResponse(request, f"admin/guide/{template}.html", context)

    def diagram_view(self, request, pk):
        tree = self._tree(request, pk)
        spec, _ = services.load_spec(tree)
        problems = validate(spec)
        svg = render_svg(spec, frozenset(p.node for p in problems if p.node))
        return self._page(request, tree, "diagram", "结构图", svg=svg, problems=problems)

    def paths_view(self, request, pk):
        tree = self._tree(request, pk)
        return self._page(request, tree, "paths", "全部路径", rows=services.path_rows(tree))

    def paths_csv_view(self, request, pk):
        tree = self._tree(request, pk)
        rows = [["序号", "回答", "结果标识", "结果标题", "网址"]]
        for row in services.path_rows(tree):
            answers = " › ".join(f"{question}：{answer}" for question, answer in row["answers"])
            rows.append([row["number"], answers, row["end_slug"], row["end_title"], row["url"]])
        return csv_download(f"guide-{tree.slug}-paths.csv", rows)


class ChoiceInline(admin.TabularInline):
    model = Choice
    fk_name = "node"
    extra = 2
    fields = ["order", "label", "value", "leads_to"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        node_id = request.resolver_match.kwargs.get("object_id")
        if db_field.name == "leads_to" and node_id:  # the nodes of this node's tree
            kwargs["queryset"] = Node.objects.filter(tree__nodes=node_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Node)
class NodeAdmin(GuardedChangeform, ChangesContent, HistoryAdmin, MarkdownxModelAdmin):
    list_display = ["slug", "title", "tree", "kind", "is_start"]
    list_filter = ["tree", "kind"]
    search_fields = ["slug", "title", "help", "answer"]
    list_select_related = ["tree"]
    autocomplete_fields = ["articles"]
    filter_horizontal = ["provisions"]
    inlines = [ChoiceInline]
    fieldsets = [
        (None, {"fields": ["tree", "slug", "kind", "title", "is_start", "order", "help"]}),
        (
            "结果（仅“结果”节点填写）",
            {"fields": ["answer", "next_steps", "articles", "provisions"]},
        ),
    ]

    def get_form(self, request, obj=None, **kwargs):
        """A non-reviewer cannot change, add to or move a node into or out of a published tree
        (that would publish the change without review)."""
        form = super().get_form(request, obj, **kwargs)
        if can_publish(request.user):
            return form

        class LiveTreeGuardedForm(form):
            def clean(self):
                cleaned = super().clean()
                trees = [cleaned.get("tree"), self.instance.tree if self.instance.pk else None]
                if any(tree is not None and tree.is_published() for tree in trees):
                    raise forms.ValidationError(LIVE_TREE_NOT_ALLOWED)
                return cleaned

        return LiveTreeGuardedForm

    def save_model(self, request, obj, form, change):
        if obj.tree.is_published() and not can_publish(request.user):
            raise PermissionDenied(LIVE_TREE_NOT_ALLOWED)
        super().save_model(request, obj, form, change)

    def has_delete_permission(self, request, obj=None):
        return not (obj and obj.tree.is_published()) and super().has_delete_permission(request, obj)


@admin.register(OutcomeFeedback)
class OutcomeFeedbackAdmin(NoAddAdmin, admin.ModelAdmin):
    list_display = ["node", "helpful", "reason", "created_at"]
    list_filter = ["helpful", "node__tree"]
    list_select_related = ["node", "node__tree"]
    readonly_fields = ["node", "helpful", "reason", "created_at"]
