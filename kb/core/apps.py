from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "kb.core"
    verbose_name = "核心"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from kb.core.roles import ensure_roles_after_migrate

        post_migrate.connect(ensure_roles_after_migrate, sender=self, dispatch_uid="kb-core-roles")
