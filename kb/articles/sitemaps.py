from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from kb.articles.discovery import archive_months, months_of
from kb.articles.models import Article, Category, Tag
from kb.core.sitemaps import StaticSitemap


class HomeSitemap(StaticSitemap):
    names = ["articles:home"]


class ArticleSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.9
    shared: dict | None = None  # set by kb.site.sitemaps.sections() for one rendering

    def items(self):
        rows = list(Article.objects.published().only("slug", "updated_at", "published_at"))
        if self.shared is not None:
            self.shared["articles"] = rows
        return rows

    def lastmod(self, obj):
        return obj.updated_at


class CategorySitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Category.objects.all()


class TagSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.4

    def items(self):
        return (
            Tag.objects.filter(articles__in=Article.objects.published()).distinct().order_by("slug")
        )


class ArchiveSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.3
    shared: dict | None = None

    def items(self):
        if self.shared and "articles" in self.shared:  # the months of the articles just read
            return months_of(a.published_at for a in self.shared["articles"])
        return archive_months()

    def location(self, item):
        return reverse("articles:archive", args=[f"{item.year:04d}", f"{item.month:02d}"])


SITEMAPS = {
    "static": HomeSitemap,
    "articles": ArticleSitemap,
    "categories": CategorySitemap,
    "tags": TagSitemap,
    "archive": ArchiveSitemap,
}
