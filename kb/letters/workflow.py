"""The editorial workflow as letters use it: one module, so its source can be repointed in one place.

States are those of articles (draft → 待审核 → published); only members of 审核 publish.
"""

from django.db import models

from kb.core.history import HistoryAdmin
from kb.core.roles import can_publish
from kb.core.workflow import PUBLISHED, check_can_save, publish_guarded, set_status

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


# Model permissions of the editorial groups (kb/core/roles.py) for the letter templates.
GRANTS = {
    "编辑": {
        "letter": ["add", "change", "view"],
        "clause": ["add", "change", "delete", "view"],
        "letteroffer": ["add", "change", "delete", "view"],
        "historicalletter": ["view"],
        "historicalclause": ["view"],
    },
    "审核": {
        "letter": ["add", "change", "delete", "view"],
        "clause": ["add", "change", "delete", "view"],
        "letteroffer": ["add", "change", "delete", "view"],
        "historicalletter": ["view"],
        "historicalclause": ["view"],
    },
}


def grant_roles(sender=None, apps=None, **kwargs) -> None:
    """post_migrate: give the editorial groups their permissions on letters (only adds)."""
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    apps = apps or global_apps
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    create_permissions(global_apps.get_app_config("letters"), verbosity=0)
    for group_name, grants in GRANTS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        codenames = [f"{a}_{model}" for model, actions in grants.items() for a in actions]
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="letters", codename__in=codenames)
        )
