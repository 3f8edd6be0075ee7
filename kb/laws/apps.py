from django.apps import AppConfig


class LawsConfig(AppConfig):
    name = "kb.laws"
    verbose_name = "法律法规"
