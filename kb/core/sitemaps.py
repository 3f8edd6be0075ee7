"""Every public page in one sitemap; each app contributes its own Sitemap classes."""

from kb.articles.sitemaps import SITEMAPS as ARTICLE_SITEMAPS
from kb.core.hant import hant_path
from kb.guide.sitemaps import SITEMAPS as GUIDE_SITEMAPS
from kb.laws.sitemaps import SITEMAPS as LAW_SITEMAPS
from kb.rates.sitemaps import SITEMAPS as RATE_SITEMAPS

SITEMAPS = {**ARTICLE_SITEMAPS, **RATE_SITEMAPS, **GUIDE_SITEMAPS, **LAW_SITEMAPS}


def hant_variant(sitemap_class):
    """The same pages under /zh-hant/, so search engines find the 繁體 mirror too."""

    class HantSitemap(sitemap_class):
        def location(self, item):
            return hant_path(super().location(item))

    HantSitemap.__name__ = f"Hant{sitemap_class.__name__}"
    return HantSitemap


# Keep this last: it mirrors every section registered above.
SITEMAPS = {**SITEMAPS, **{f"{name}-hant": hant_variant(cls) for name, cls in SITEMAPS.items()}}
