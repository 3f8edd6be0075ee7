from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class StaticSitemap(Sitemap):
    """The pages at the named URLs in `names` (a home page, a tool)."""

    changefreq = "daily"
    priority = 0.8
    names: list[str] = []

    def items(self):
        return self.names

    def location(self, item):
        return reverse(item)
