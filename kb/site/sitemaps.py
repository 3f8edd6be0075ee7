"""Every public page in one sitemap; each app contributes its own Sitemap classes."""

import hashlib

from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from kb.articles.sitemaps import SITEMAPS as ARTICLE_SITEMAPS
from kb.core.content_version import content_version
from kb.core.hant import hant_path
from kb.guide.sitemaps import SITEMAPS as GUIDE_SITEMAPS
from kb.laws.sitemaps import SITEMAPS as LAW_SITEMAPS
from kb.letters.sitemaps import SITEMAPS as LETTER_SITEMAPS
from kb.rates.sitemaps import SITEMAPS as RATE_SITEMAPS

SITEMAPS = {
    **ARTICLE_SITEMAPS,
    **RATE_SITEMAPS,
    **LETTER_SITEMAPS,
    **GUIDE_SITEMAPS,
    **LAW_SITEMAPS,
}


def hant_variant(sitemap_class):
    """The same pages under /zh-hant/, so search engines find the 繁體 mirror too."""

    class HantSitemap(sitemap_class):
        def location(self, item):
            return hant_path(super().location(item))

    HantSitemap.__name__ = f"Hant{sitemap_class.__name__}"
    return HantSitemap


def sections() -> dict:
    """Every section and its /zh-hant/ twin, instantiated for one rendering.

    Each section's items are read once into a list: the twin reuses them, and the paginator
    counts a list instead of running a COUNT query. One query per section with rows, except
    that the archive months come from the articles' rows and the provisions are read with
    their laws (sections with a `shared` attribute pass rows on through it).
    """
    base, twins = {}, {}
    shared: dict = {}
    for name, sitemap_class in SITEMAPS.items():
        base[name], twins[f"{name}-hant"] = sitemap_class(), hant_variant(sitemap_class)()
        if hasattr(base[name], "shared"):
            base[name].shared = shared
        items = list(base[name].items())
        base[name].items = twins[f"{name}-hant"].items = lambda items=items: items
    return {**base, **twins}  # the mirror's URLs after all simplified ones


SITEMAP_SECONDS = 3600


@require_GET
def sitemap(request: HttpRequest) -> HttpResponse:
    """The sitemap (thousands of provisions, twice) rendered once per content version."""
    # Only the page number matters; other query strings must not fill the cache.
    origin = hashlib.sha1(f"{request.scheme}://{request.get_host()}".encode()).hexdigest()
    version = getattr(request, "content_version", None) or content_version()
    key = f"sitemap:{version}:{origin}:{request.GET.get('p', '1')[:8]}"
    cached = cache.get(key)
    if cached is None:
        response = django_sitemap(request, sitemaps=sections())
        response.render()
        if response.status_code != 200:
            return response
        cached = (response.content, response["Content-Type"])
        # The version (kb/core/content_version.py) changes on every edit and when a scheduled
        # article goes live, in every process: the entry can live long.
        cache.set(key, cached, SITEMAP_SECONDS)
    response = HttpResponse(cached[0], content_type=cached[1])
    response["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response
