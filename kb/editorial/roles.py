"""Editorial roles: the groups 编辑 (write drafts, submit them for review) and 审核 (review,
publish: `articles.publish_article`, checked by kb.core.workflow.can_publish).

`ensure_roles(apps)` creates the groups and grants each its list; it only ever adds, so an
administrator's changes to a group are kept. It runs from the data migration and after every
`migrate`, so models added later reach the groups too (list them in `_DRAFTING`/`_REVIEWING`).
"""

EDITOR = "编辑"
REVIEWER = "审核"

PUBLISH = ("articles", "article", "publish_article", "可以发布文章")  # workflow.PUBLISH_PERMISSION

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
    ("search", "querylog", ["view"]),
    ("search", "synonym", ["add", "change", "view"]),
    ("letters", "letter", ["add", "change", "view"]),
    ("letters", "clause", ["add", "change", "delete", "view"]),
    ("letters", "letteroffer", ["add", "change", "delete", "view"]),
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


def _with_history(grants: list) -> list:
    """Whoever may see a model may see its edit history."""
    return grants + [(app_label, f"historical{model}", ["view"]) for app_label, model, _ in grants]


ROLES = {EDITOR: _with_history(_DRAFTING), REVIEWER: _with_history(_REVIEWING)}


def ensure_roles(apps) -> None:
    """Create or complete both groups (idempotent, additive)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")

    def permission(app_label: str, model: str, codename: str, name: str):
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        return Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )[0]

    for group_name, grants in ROLES.items():
        group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=group_name)
        wanted = [permission(*PUBLISH)] if group_name == REVIEWER else []
        for app_label, model, actions in grants:
            try:
                apps.get_model(app_label, model)
            except LookupError:  # not in this migration state (yet)
                continue
            wanted += [
                permission(app_label, model, f"{a}_{model}", f"Can {a} {model}") for a in actions
            ]
        group.permissions.add(*wanted)


def ensure_roles_after_migrate(sender, apps=None, **kwargs) -> None:
    from django.apps import apps as global_apps

    ensure_roles(apps or global_apps)  # `flush` sends no apps
