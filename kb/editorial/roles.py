"""Editorial roles: the groups 编辑 (write drafts, submit them for review) and 审核 (review, publish).

`ensure_roles(apps)` creates both groups, the custom permission `articles.publish_article` and
any missing model permissions, then grants each group its list. It only ever adds, so changes an
administrator makes to a group are kept. It runs from the data migration
`editorial.0001_editorial_roles` and again after every `migrate` (post_migrate), so models added
later (guide trees, new proxies) reach the groups too. A new content app under the workflow adds
its models to `_DRAFTING`/`_REVIEWING` here.

Only users with `articles.publish_article` (the 审核 group, or superusers) can publish:
`kb.core.workflow.can_publish(user)` is the one check the admin forms and actions use.
"""

EDITOR = "编辑"
REVIEWER = "审核"

PUBLISH = (
    "articles",
    "article",
    "publish_article",
    "可以发布文章",
)  # = workflow.PUBLISH_PERMISSION

_DRAFTING = [
    ("articles", "article", ["add", "change", "view"]),
    ("articles", "faq", ["add", "change", "delete", "view"]),
    ("articles", "category", ["view"]),
    ("articles", "tag", ["add", "view"]),
    ("articles", "articlecitation", ["view"]),
    ("articles", "articlerevision", ["view"]),
    ("articles", "unresolvedcitation", ["change", "view"]),
    ("laws", "law", ["view"]),
    ("laws", "provision", ["view"]),
    ("laws", "change", ["view"]),
    ("guide", "tree", ["add", "change", "view"]),
    ("guide", "node", ["add", "change", "delete", "view"]),
    ("guide", "choice", ["add", "change", "delete", "view"]),
    ("articles", "reviewqueuearticle", ["view"]),
    ("articles", "historicalarticle", ["view"]),
    ("articles", "historicalfaq", ["view"]),
    ("laws", "historicalprovision", ["view"]),
    ("laws", "historicallaw", ["view"]),
    ("guide", "historicaltree", ["view"]),
    ("guide", "historicalnode", ["view"]),
    ("guide", "historicalchoice", ["view"]),
    ("search", "querylog", ["view"]),
    ("search", "synonym", ["add", "change", "view"]),
    ("letters", "letter", ["add", "change", "view"]),
    ("letters", "clause", ["add", "change", "delete", "view"]),
    ("letters", "letteroffer", ["add", "change", "delete", "view"]),
    ("letters", "historicalletter", ["view"]),
    ("letters", "historicalclause", ["view"]),
]

_REVIEWING = _DRAFTING + [
    ("articles", "article", ["delete"]),
    ("articles", "category", ["add", "change"]),
    ("articles", "tag", ["change", "delete"]),
    ("articles", "feedback", ["view"]),
    ("laws", "law", ["add", "change"]),
    ("laws", "provision", ["add", "change"]),
    ("guide", "tree", ["delete"]),
    ("articles", "reviewqueuearticle", ["change"]),
    ("search", "synonym", ["delete"]),
    ("letters", "letter", ["delete"]),
]

ROLES = {EDITOR: _DRAFTING, REVIEWER: _REVIEWING}


def _permission(apps, app_label: str, model: str, codename: str, name: str):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def _model_exists(apps, app_label: str, model: str) -> bool:
    try:
        apps.get_model(app_label, model)
    except LookupError:
        return False
    return True


def ensure_roles(apps) -> None:
    """Create or complete both groups (idempotent, additive)."""
    Group = apps.get_model("auth", "Group")
    publish = _permission(apps, *PUBLISH)
    for group_name, grants in ROLES.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        wanted = [publish] if group_name == REVIEWER else []
        for app_label, model, actions in grants:
            if not _model_exists(apps, app_label, model):
                continue
            for action in actions:
                wanted.append(
                    _permission(
                        apps, app_label, model, f"{action}_{model}", f"Can {action} {model}"
                    )
                )
        group.permissions.add(*wanted)


def ensure_roles_after_migrate(sender, apps=None, using="default", **kwargs) -> None:
    from django.apps import apps as global_apps

    ensure_roles(apps or global_apps)
