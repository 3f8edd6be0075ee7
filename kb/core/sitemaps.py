"""Every public page in one sitemap; each app contributes its own Sitemap classes."""

import hashlib

from django.conf import settings
from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from kb.articles.sitemaps import SITEMAPS as ARTICLE_SITEMAPS
from kb.core.hant import hant_path
from kb.core.pagecache import content_version, seconds_until_next_publication
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


SITEMAP_SECONDS = 3600
LOCAL_CACHE_SECONDS = 60


@require_GET
def sitemap(request: HttpRequest) -> HttpResponse:
    """The sitemap (thousands of provisions, twice) rendered once per content version."""
    # Only the page number matters; other query strings must not fill the cache.
    origin = hashlib.sha1(f"{request.scheme}://{request.get_host()}".encode()).hexdigest()
    key = f"sitemap:{content_version()}:{origin}:{request.GET.get('p', '1')[:8]}"
    cached = cache.get(key)
    if cached is None:
        response = django_sitemap(request, sitemaps=SITEMAPS)
        response.render()
        if response.status_code != 200:
            return response
        cached = (response.content, response["Content-Type"])
        # A per-process cache only sees its own process's edits: keep entries short there.
        limit = SITEMAP_SECONDS if settings.REDIS_URL else LOCAL_CACHE_SECONDS
        cache.set(key, cached, seconds_until_next_publication(limit))
    response = HttpResponse(cached[0], content_type=cached[1])
    response["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response
