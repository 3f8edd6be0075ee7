"""Edit history in the admin (django-simple-history): line diffs of long texts, and a revert
that is saved as a new version, so nothing is ever lost."""

import difflib

from django.apps import apps
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.html import escape
from django.utils.safestring import mark_safe
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

LOADED_REASON = "载入初始内容"


def record_missing_history() -> int:
    """Record every row whose current state is not its latest history entry (fixtures and bulk
    loads bypass simple-history), so a loaded text can be restored. Returns how many."""
    created = 0
    for model in apps.get_models():
        if not hasattr(model._meta, "simple_history_manager_attribute"):
            continue
        manager = getattr(model, model._meta.simple_history_manager_attribute)
        names = [f.attname for f in manager.model.tracked_fields]
        rows = manager.model.objects.order_by("history_date", "history_id").values(*names)
        latest = {row["id"]: row for row in rows}
        objs = list(model._default_manager.order_by("pk"))
        new = [obj for obj in objs if obj.pk not in latest]
        changed = [
            obj
            for obj in objs
            if obj.pk in latest and latest[obj.pk] != {name: getattr(obj, name) for name in names}
        ]
        for group, update in ((new, False), (changed, True)):
            manager.bulk_history_create(
                group, update=update, default_change_reason=LOADED_REASON, batch_size=500
            )
            created += len(group)
    return created


def line_diff(old: str, new: str) -> tuple[str, str]:
    """The lines only in `old` (struck out) and the lines only in `new`, as escaped HTML."""
    lines = list(difflib.ndiff(old.splitlines(), new.splitlines()))
    removed = "<br>".join(f"<del>{escape(x[2:])}</del>" for x in lines if x.startswith("- "))
    added = "<br>".join(f"<ins>{escape(x[2:])}</ins>" for x in lines if x.startswith("+ "))
    return mark_safe(removed or "（无删除）"), mark_safe(added or "（无新增）")


class LineDiffContextHelper(HistoricalRecordContextHelper):
    def stringify_delta_change_values(self, change, old, new):
        if isinstance(old, str) and isinstance(new, str) and ("\n" in old or "\n" in new):
            return line_diff(old, new)
        return super().stringify_delta_change_values(change, old, new)


class HistoryAdmin(SimpleHistoryAdmin):
    """A ModelAdmin with the history page, line diffs and revert. A revert is saved like an
    edit, in one transaction through the form, save_model() and save_related(), so the admin's
    own rules apply to it and a refusal leaves nothing half-saved."""

    def get_historical_record_context_helper(self, request, historical_record):
        return LineDiffContextHelper(self.model, historical_record)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # simple-history saves a POSTed revert for anyone who may view the history.
        if request.method == "POST":
            obj = self.get_object(request, unquote(object_id))
            if not self.has_change_permission(request, obj):
                raise PermissionDenied
        with transaction.atomic():
            return super().history_form_view(request, object_id, version_id, extra_context)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        match = getattr(request, "resolver_match", None)
        if match and (match.url_name or "").endswith("_simple_history"):  # a revert
            self.save_related(request, form, [], change)
