from django.apps import AppConfig
from django.db.models.signals import post_migrate


class LettersConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "kb.letters"
    label = "letters"
    verbose_name = "文书助手"

    def ready(self):
        from kb.letters.workflow import grant_roles

        post_migrate.connect(grant_roles, sender=self, dispatch_uid="letters-roles")
