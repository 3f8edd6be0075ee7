from django.apps import AppConfig


class SiteConfig(AppConfig):
    """The site as a whole: its starting content, its sitemap index, backups. Nothing imports it
    but kb/urls.py and the settings."""

    name = "kb.site"
    label = "site"
    verbose_name = "站点"
