"""The admin side of the editorial workflow, for any model under it (kb/core/workflow.py)."""

from django import forms
from django.core.exceptions import PermissionDenied

from kb.core.history import HistoryAdmin
from kb.core.workflow import NOT_ALLOWED, PUBLISHED, UNPUBLISH_NOT_ALLOWED, can_publish


class WorkflowAdmin(HistoryAdmin):
    """A ModelAdmin where only 审核 publishes (also actions with `permissions=["publish"]`), with
    history and revert. `workflow_refusal`: what a 编辑 who publishes is told. With
    `workflow_keep_live` a published object stays published: a 编辑's edits wait for review."""

    workflow_refusal = NOT_ALLOWED
    workflow_keep_live = False

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if can_publish(request.user):
            return form
        refusal, keep_live = self.workflow_refusal, self.workflow_keep_live

        class PublishGuardedForm(form):
            def clean_status(self):
                status, pk = self.cleaned_data.get("status"), self.instance.pk
                manager = type(self.instance)._default_manager
                live = keep_live and pk is not None and manager.publishable().filter(pk=pk).exists()
                if live and status != PUBLISHED:
                    raise forms.ValidationError(UNPUBLISH_NOT_ALLOWED)
                if not live and status == PUBLISHED:
                    raise forms.ValidationError(refusal)
                return status

        return PublishGuardedForm

    def save_model(self, request, obj, form, change):
        if obj.status == PUBLISHED and not can_publish(request.user):  # the last line of defence
            raise PermissionDenied(self.workflow_refusal)
        super().save_model(request, obj, form, change)

    def has_publish_permission(self, request) -> bool:
        return can_publish(request.user)
