from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class RateToolSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.7

    def items(self):
        return ["rates:rate"]

    def location(self, item):
        return reverse(item)


SITEMAPS = {"rates": RateToolSitemap}
