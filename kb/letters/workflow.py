"""The editorial workflow as letters use it: one module, so its source can be repointed in one place.

States are those of articles (draft → 待审核 → published); only members of 审核 publish.
"""

from django.db import models

from kb.core.history import HistoryAdmin
from kb.core.workflow import PUBLISHED, can_publish, check_can_save, publish_guarded, set_status

__all__ = [
    "NOT_ALLOWED",
    "HistoryAdmin",
    "Status",
    "can_publish",
    "check_can_save",
    "publish_guarded",
    "set_status",
]

NOT_ALLOWED = "只有“审核”组的成员可以发布文书模板。请把状态设为“待审核”，由审核人员发布。"


class Status(models.TextChoices):
    DRAFT = "draft", "草稿"
    REVIEW = "review", "待审核"
    PUBLISHED = PUBLISHED, "已发布"
