"""Every public page in one sitemap; each app contributes its own Sitemap classes."""

from kb.articles.sitemaps import SITEMAPS as ARTICLE_SITEMAPS

SITEMAPS = {**ARTICLE_SITEMAPS}
