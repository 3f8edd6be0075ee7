from django.contrib.sitemaps import Sitemap

from kb.core.sitemaps import StaticSitemap
from kb.guide.models import Tree


class GuideIndexSitemap(StaticSitemap):
    changefreq = "weekly"
    priority = 0.7
    names = ["guide:index"]


class TreeSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return Tree.objects.published().only("slug", "updated_at")

    def lastmod(self, obj):
        return obj.updated_at


SITEMAPS = {"guide-index": GuideIndexSitemap, "guides": TreeSitemap}
