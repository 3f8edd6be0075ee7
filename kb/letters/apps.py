from django.apps import AppConfig


class LettersConfig(AppConfig):
    """文书助手; the editorial groups' permissions on letters are in kb/editorial/roles.py."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "kb.letters"
    label = "letters"
    verbose_name = "文书助手"
