from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from kb.articles.models import Article, Category


class StaticSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.8

    def items(self):
        return ["articles:home"]

    def location(self, item):
        return reverse(item)


class ArticleSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.9

    def items(self):
        return Article.objects.published().only("slug", "updated_at")

    def lastmod(self, obj):
        return obj.updated_at


class CategorySitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Category.objects.all()


SITEMAPS = {"static": StaticSitemap, "articles": ArticleSitemap, "categories": CategorySitemap}
