from django.apps import AppConfig


class RatesConfig(AppConfig):
    name = "kb.rates"
    verbose_name = "利率工具"
