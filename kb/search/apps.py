from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "kb.search"
    verbose_name = "搜索"
