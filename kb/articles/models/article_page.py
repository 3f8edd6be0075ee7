"""Stored renderings of article pages (kb/articles/stored_page.py)."""

from django.db import models

from kb.articles.models.article import Article


class ArticlePage(models.Model):
    """An article's page as rendered for one kind of reader, kept so that a reader the page
    cache cannot answer costs one query, not a full render (kb/articles/stored_page.py).

    Derived data, never edited: its parts are used only while the values they were rendered
    under (the article's render_key, core.ContentVersion's pages and value, the release of the
    code) are still current; otherwise they are rendered afresh and the row replaced.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="stored_pages")
    # Where and how it is read: the site's origin and the script (simplified or the mirror).
    variant = models.CharField(max_length=255)
    render_key = models.CharField(max_length=32)
    pages = models.BigIntegerField()
    release = models.CharField(max_length=64)
    description = models.TextField()  # the short answer as the page's <meta> description
    head_html = models.TextField()
    crumbs_html = models.TextField()
    article_html = models.TextField()
    # The links to other articles, valid only under the content version they were found at.
    links_version = models.BigIntegerField(null=True)
    links_main_html = models.TextField(blank=True, default="")
    links_side_html = models.TextField(blank=True, default="")

    class Meta:
        verbose_name = "文章页面存档"
        verbose_name_plural = "文章页面存档"
        constraints = [
            models.UniqueConstraint(fields=["article", "variant"], name="unique_article_variant")
        ]

    def __str__(self) -> str:
        return f"{self.article_id} · {self.variant}"
