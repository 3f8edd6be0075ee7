from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "kb.articles"
    verbose_name = "文章"
