"""Editors build trees here; a published tree can never be saved into a broken state."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from markdownx.admin import MarkdownxModelAdmin

from kb.core.content_version import ChangesContent
from kb.core.history import HistoryAdmin
from kb.core.workflow import (
    LIVE_TREE_NOT_ALLOWED,
    TREE_NOT_ALLOWED,
    can_publish,
    live_tree_guarded,
)
from kb.core.workflow_admin import WorkflowAdmin
from kb.guide import services
from kb.guide.diagram import render_svg
from kb.guide.models import Choice, Node, OutcomeFeedback, Tree


class BrokenTree(Exception):
    def __init__(self, tree, problems):
        super().__init__(tree.title)
        self.tree, self.problems = tree, problems


def _refuse_if_broken(tree) -> None:
    """Called inside the admin's transaction after inlines are saved: abort a broken publish."""
    if tree.is_published() and (problems := services.problems_for(tree)):
        raise BrokenTree(tree, problems)


class GuardedChangeform:
    """The admin saves in one transaction; a BrokenTree raised inside it rolls everything back."""

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        try:
            return super().history_form_view(request, object_id, version_id, extra_context)
        except BrokenTree as refused:
            return self._refuse(request, refused)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except BrokenTree as refused:
            return self._refuse(request, refused)

    def _refuse(self, request, refused):
        messages.error(
            request,
            format_html(
                "未保存：已发布的向导《{}》不能有结构问题。请修正以下问题，或先把状态改为草稿再保存：<ul>{}</ul>",
                refused.tree.title,
                format_html_join("", "<li>{}</li>", ((p.message,) for p in refused.problems)),
            ),
        )
        return HttpResponseRedirect(request.get_full_path())


class NodeInline(admin.TabularInline):
    model = Node
    extra = 0
    fields = ["slug", "kind", "title", "is_start", "order", "edit_link"]
    readonly_fields = ["edit_link"]
    show_change_link = False
    verbose_name_plural = "节点（问题的选项、结果的回答在各节点的编辑页里填写）"

    @admin.display(description="编辑")
    def edit_link(self, obj):
        if not obj.pk:
            return "保存后可编辑"
        return format_html(
            '<a href="{}">编辑选项与内容</a>', reverse("admin:guide_node_change", args=[obj.pk])
        )


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
        problems = services.problems_for(obj)
        if not problems:
            return "结构检查通过，可以发布。"
        items = format_html_join("", "<li>{}</li>", ((p.message,) for p in problems))
        return format_html('<p class="errornote">发布前需要修正：</p><ul>{}</ul>', items)

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

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        _refuse_if_broken(form.instance)

    @admin.action(description="发布所选向导（有结构问题的不会发布）", permissions=["publish"])
    def publish(self, request, queryset):
        for tree in queryset:
            problems = services.publish(tree)
            if problems:
                listing = "；".join(p.message for p in problems)
                self.message_user(request, f"《{tree.title}》未发布：{listing}", messages.ERROR)
            else:
                self.message_user(request, f"已发布《{tree.title}》。", messages.SUCCESS)

    @admin.action(description="撤回所选向导（改为草稿）", permissions=["publish"])
    def unpublish(self, request, queryset):
        n = services.unpublish(queryset)
        self.message_user(request, f"已撤回 {n} 个向导。", messages.SUCCESS)

    def view_on_site(self, obj):
        return obj.get_absolute_url()

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

    def _context(self, request, tree, title):
        return {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": tree,
            "title": title,
        }

    def diagram_view(self, request, pk):
        tree = self._tree(request, pk)
        spec, _ = services.load_spec(tree)
        problems = services.problems_for(tree)
        svg = render_svg(spec, frozenset(p.node for p in problems if p.node))
        context = {
            **self._context(request, tree, f"结构图：{tree.title}"),
            "svg": svg,
            "problems": problems,
        }
        return TemplateResponse(request, "admin/guide/diagram.html", context)

    def paths_view(self, request, pk):
        tree = self._tree(request, pk)
        rows = services.path_rows(tree)
        context = {
            **self._context(request, tree, f"全部路径：{tree.title}"),
            "rows": rows,
            "count": len(rows),
        }
        return TemplateResponse(request, "admin/guide/paths.html", context)

    def paths_csv_view(self, request, pk):
        tree = self._tree(request, pk)
        response = HttpResponse(services.path_csv(tree), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="guide-{tree.slug}-paths.csv"'
        return response


class ChoiceInline(admin.TabularInline):
    model = Choice
    fk_name = "node"
    extra = 2
    fields = ["order", "label", "value", "leads_to"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "leads_to":
            node_id = request.resolver_match.kwargs.get("object_id")
            node = Node.objects.filter(pk=node_id).only("tree_id").first() if node_id else None
            if node is not None:
                kwargs["queryset"] = Node.objects.filter(tree_id=node.tree_id)
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

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        _refuse_if_broken(form.instance.tree)

    def get_form(self, request, obj=None, **kwargs):
        return live_tree_guarded(super().get_form(request, obj, **kwargs), request.user)

    def save_model(self, request, obj, form, change):
        if obj.tree.is_published() and not can_publish(request.user):
            raise PermissionDenied(LIVE_TREE_NOT_ALLOWED)
        super().save_model(request, obj, form, change)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.tree.is_published():
            return False
        return super().has_delete_permission(request, obj)


@admin.register(OutcomeFeedback)
class OutcomeFeedbackAdmin(admin.ModelAdmin):
    list_display = ["node", "helpful", "reason", "created_at"]
    list_filter = ["helpful", "node__tree"]
    list_select_related = ["node", "node__tree"]
    readonly_fields = ["node", "helpful", "reason", "created_at"]

    def has_add_permission(self, request):
        return False
