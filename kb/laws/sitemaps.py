from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from kb.laws.models import Law, Provision


class LawSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.6
    shared: dict | None = None  # set by kb.site.sitemaps.sections() for one rendering

    def items(self):
        """/laws/ and each law; the provisions' addresses, read in the same query, go to
        ProvisionSitemap through `shared`."""
        rows = Law.objects.order_by("order", "id", "provisions__order", "provisions__id")
        laws, provisions = ["laws:index"], []
        for slug, number, sub in rows.values_list(
            "slug", "provisions__number", "provisions__sub_number"
        ):
            if laws[-1] != slug:
                laws.append(slug)
            if number is not None:
                provisions.append(Provision(number=number, sub_number=sub).url_in(slug))
        self.shared["provisions"] = provisions
        return laws

    def location(self, item):
        return reverse(item) if item == "laws:index" else reverse("laws:law", args=[item])


class ProvisionSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5
    shared: dict | None = None

    def items(self):
        return self.shared["provisions"]

    def location(self, item):
        return item


SITEMAPS = {"laws": LawSitemap, "provisions": ProvisionSitemap}
