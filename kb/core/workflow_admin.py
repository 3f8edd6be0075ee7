"""The admin side of the editorial workflow, for any model under it (kb/core/workflow.py)."""

from kb.core.history import HistoryAdmin
from kb.core.workflow import NOT_ALLOWED, can_publish, check_can_save, publish_guarded


class WorkflowAdmin(HistoryAdmin):
    """A ModelAdmin where only 审核 publishes (also actions with `permissions=["publish"]`), with
    history and revert. `workflow_refusal`: what a 编辑 who publishes is told; `workflow_keep_live`:
    see publish_guarded()."""

    workflow_refusal = NOT_ALLOWED
    workflow_keep_live = False

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return publish_guarded(
            form, request.user, self.workflow_refusal, keep_live=self.workflow_keep_live
        )

    def save_model(self, request, obj, form, change):
        check_can_save(request.user, obj, self.workflow_refusal)
        super().save_model(request, obj, form, change)

    def has_publish_permission(self, request) -> bool:
        return can_publish(request.user)
