"""Edit history (django-simple-history): registration options and a readable line diff.

Historical tables live in this app (`core.Historical…`) so the apps that own the models keep
their migrations to themselves. The admin shows, for every save, who, when and what changed;
long texts (an article body, a provision) are shown as a line diff: removed lines struck out,
added lines underlined. A past version opens with a “恢复到此版本” button (simple-history's
revert), which saves it as a new version — nothing is ever lost.
"""

import difflib

from django.apps import apps
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.html import escape
from django.utils.safestring import mark_safe
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

HISTORY_MODELS = [
    "articles.Article",
    "articles.FAQ",
    "laws.Law",
    "laws.Provision",
    "guide.Tree",
    "guide.Node",
    "guide.Choice",
    "letters.Letter",
    "letters.Clause",
]
LOADED_REASON = "载入初始内容"


def record_missing_history() -> int:
    """Record every row whose current state is not its latest history entry.

    Fixtures (loaddata) and bulk loads save raw rows, which simple-history does not see. Without
    this, the first edit of a loaded article would be its oldest version (the loaded text could
    never be restored), and a reloaded fixture could change a row with no trace. A row without
    history, or whose tracked fields differ from its latest entry, gets an entry for its current
    state. Returns how many entries were created.
    """
    created = 0
    for label in HISTORY_MODELS:
        model = apps.get_model(label)
        manager = getattr(model, model._meta.simple_history_manager_attribute)
        history_model = manager.model
        names = [f.attname for f in history_model.tracked_fields]
        latest = {}
        for row in history_model.objects.order_by("history_date", "history_id").values(*names):
            latest[row["id"]] = row
        new, changed = [], []
        for obj in model._default_manager.order_by("pk"):
            recorded = latest.get(obj.pk)
            if recorded is None:
                new.append(obj)
            elif recorded != {name: getattr(obj, name) for name in names}:
                changed.append(obj)
        for objs, update in ((new, False), (changed, True)):
            if objs:
                manager.bulk_history_create(
                    objs, update=update, default_change_reason=LOADED_REASON, batch_size=500
                )
                created += len(objs)
    return created


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
        # simple-history saves a POSTed revert for anyone who may *view* the history (it only
        # hides the button): a revert is a change, so it needs the change permission — for
        # this object, where an admin's rule depends on it (a live article's FAQ).
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
