from django.apps import AppConfig


class SiteConfig(AppConfig):
    """The site as a whole: its starting content, its sitemap, backups."""

    name = "kb.site"
    label = "site"
    verbose_name = "站点"
