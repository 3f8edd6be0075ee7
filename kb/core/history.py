"""Edit history (django-simple-history): registration options and a readable line diff.

Historical tables live in this app (`core.Historical…`) so the apps that own the models keep
their migrations to themselves. The admin shows, for every save, who, when and what changed;
long texts (an article body, a provision) are shown as a line diff: removed lines struck out,
added lines underlined. A past version opens with a “恢复到此版本” button (simple-history's
revert), which saves it as a new version — nothing is ever lost.
"""

import difflib

from django.db import transaction
from django.utils.html import escape
from django.utils.safestring import mark_safe
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper


def line_diff(old: str, new: str) -> tuple[str, str]:
    """The lines only in `old` and the lines only in `new`, as escaped HTML."""
    removed, added = [], []
    for line in difflib.ndiff(old.splitlines(), new.splitlines()):
        tag, text = line[:2], escape(line[2:])
        if tag == "- ":
            removed.append(f"<del>{text}</del>")
        elif tag == "+ ":
            added.append(f"<ins>{text}</ins>")
    return mark_safe("<br>".join(removed) or "（无删除）"), mark_safe(
        "<br>".join(added) or "（无新增）"
    )


class LineDiffContextHelper(HistoricalRecordContextHelper):
    def stringify_delta_change_values(self, change, old, new):
        if isinstance(old, str) and isinstance(new, str) and ("\n" in old or "\n" in new):
            return line_diff(old, new)
        return super().stringify_delta_change_values(change, old, new)


class HistoryAdmin(SimpleHistoryAdmin):
    """Mix into a ModelAdmin to get the history page with line diffs and revert.

    A revert is saved like an ordinary edit: in one transaction, through the admin's form,
    save_model() and save_related(), so the admin's own rules (only 审核 publishes, a published
    guide tree must be valid) apply to it as well and a refusal leaves nothing half-saved.
    """

    def get_historical_record_context_helper(self, request, historical_record):
        return LineDiffContextHelper(self.model, historical_record)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        with transaction.atomic():
            return super().history_form_view(request, object_id, version_id, extra_context)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        match = getattr(request, "resolver_match", None)
        if match and (match.url_name or "").endswith("_simple_history"):  # a revert
            self.save_related(request, form, [], change)
