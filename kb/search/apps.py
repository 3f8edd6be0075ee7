from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "kb.search"
    verbose_name = "搜索"

    def ready(self) -> None:
        from kb.search import signals  # noqa: F401 (connects the receivers)
