from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "kb.core"
    verbose_name = "核心"

    def ready(self) -> None:
        from kb.core.pagecache import connect_signals

        connect_signals()
