from kb.core.sitemaps import StaticSitemap


class RateToolSitemap(StaticSitemap):
    changefreq = "monthly"
    priority = 0.7
    names = ["rates:rate"]


SITEMAPS = {"rates": RateToolSitemap}
