from django.apps import AppConfig


class GuideConfig(AppConfig):
    name = "kb.guide"
    verbose_name = "问答向导"
