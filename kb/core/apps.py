from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "kb.core"
    verbose_name = "核心"
