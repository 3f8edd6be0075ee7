"""Every public page in one sitemap; each app contributes its own Sitemap classes."""

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

SITEMAPS = ARTICLE_SITEMAPS | RATE_SITEMAPS | LETTER_SITEMAPS | GUIDE_SITEMAPS | LAW_SITEMAPS


def sections() -> dict:
    """Every section, then its /zh-hant/ twin, for one rendering. Each section's items are read
    once into a list the twin reuses (no COUNT query); sections with a `shared` attribute pass
    rows on to later ones (the archive months come from the articles' rows)."""
    base, twins, shared = {}, {}, {}
    for name, sitemap_class in SITEMAPS.items():

        class HantSitemap(sitemap_class):
            def location(self, item):
                return hant_path(super().location(item))

        base[name], twins[f"{name}-hant"] = sitemap_class(), HantSitemap()
        if hasattr(base[name], "shared"):
            base[name].shared = shared
        items = list(base[name].items())
        base[name].items = twins[f"{name}-hant"].items = lambda items=items: items
    return {**base, **twins}


@require_GET
def sitemap(request: HttpRequest) -> HttpResponse:
    """The sitemap (thousands of provisions, twice), rendered once per content version."""
    version = getattr(request, "content_version", None) or content_version()
    page = request.GET.get("p", "1")[:8]  # other query strings must not fill the cache
    key = f"sitemap:{version}:{request.scheme}://{request.get_host()}:{page}"
    cached = cache.get(key)
    if cached is None:
        response = django_sitemap(request, sitemaps=sections())
        response.render()
        if response.status_code != 200:
            return response
        cached = (response.content, response["Content-Type"])
        cache.set(key, cached, 3600)
    response = HttpResponse(cached[0], content_type=cached[1])
    response["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response
