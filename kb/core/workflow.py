"""The editorial workflow: draft → 待审核 → published, and only 审核 publishes.

A model under it has a `status` field, a manager built on `PublishableQuerySet` and a
`HistoricalRecords()`; its ModelAdmin is a kb.core.workflow_admin.WorkflowAdmin.
"""

from django.core.exceptions import PermissionDenied
from django.db import models

from kb.core.content_version import content_changed

PUBLISHED = "published"
PUBLISH_PERMISSION = "articles.publish_article"
NOT_ALLOWED = "只有“审核”组的成员可以发布文章。请把状态设为“待审核”，由审核人员发布。"
UNPUBLISH_NOT_ALLOWED = (
    "这篇文章已发布：只有“审核”组的成员可以把它撤下（改为草稿或待审核）。请保持状态为“已发布”"
    "——你的修改会作为待审核修改保存，审核通过前读者看到的仍是当前版本。"
)


class Status(models.TextChoices):
    """The states of a model under the workflow (articles, letters)."""

    DRAFT = "draft", "草稿"
    REVIEW = "review", "待审核"
    PUBLISHED = PUBLISHED, "已发布"


class PublishableQuerySet(models.QuerySet):
    """`publishable()`: set to published (a 编辑's edits of it wait for review); `published()`:
    what readers see now, which a model with a publish time narrows (articles)."""

    def publishable(self):
        return self.filter(status=PUBLISHED)

    def published(self):
        return self.publishable()


def can_publish(user) -> bool:
    return bool(user and user.is_active and user.has_perm(PUBLISH_PERMISSION))


def set_status(user, queryset, status: str) -> int:
    """Change the status of each object with save(), so every change lands in its history."""
    if not can_publish(user):
        raise PermissionDenied(NOT_ALLOWED)
    changed = [obj for obj in queryset if obj.status != status]
    for obj in changed:
        obj.status = status
        obj._change_reason = "批量操作：" + ("发布" if status == PUBLISHED else "撤回为草稿")
        obj.save()
    if changed:
        content_changed()
    return len(changed)
