from django.apps import AppConfig
from django.db.models.signals import post_migrate

from kb.editorial.roles import ensure_roles_after_migrate


class EditorialConfig(AppConfig):
    """The editorial groups 编辑 and 审核 over every content app (kb/editorial/roles.py)."""

    name = "kb.editorial"
    verbose_name = "编辑流程"

    def ready(self) -> None:
        # post_migrate is sent only for apps with models: listen for auth's.
        auth = self.apps.get_app_config("auth")
        post_migrate.connect(ensure_roles_after_migrate, sender=auth, dispatch_uid="kb-roles")
