from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from kb.guide.models import Tree


class GuideIndexSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.7

    def items(self):
        return ["guide:index"]

    def location(self, item):
        return reverse(item)


class TreeSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return Tree.objects.published().only("slug", "updated_at")

    def lastmod(self, obj):
        return obj.updated_at


SITEMAPS = {"guide-index": GuideIndexSitemap, "guides": TreeSitemap}
