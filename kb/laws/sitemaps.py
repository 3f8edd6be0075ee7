from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from kb.laws.models import Law, Provision


class LawSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.6
    shared: dict | None = None  # set by kb.site.sitemaps.sections() for one rendering

    def items(self):
        """/laws/ and each law; the provisions, read in the same query, go to `shared`."""
        rows = Law.objects.order_by("order", "id", "provisions__order", "provisions__id")
        rows = rows.values_list("slug", "provisions__number", "provisions__sub_number")
        self.shared["provisions"] = [
            Provision(number=number, sub_number=sub).url_in(slug)
            for slug, number, sub in rows
            if number is not None
        ]
        laws = dict.fromkeys(slug for slug, _, _ in rows)
        return [reverse("laws:index"), *(Law(slug=slug).get_absolute_url() for slug in laws)]

    def location(self, item):
        return item


class ProvisionSitemap(LawSitemap):
    priority = 0.5

    def items(self):
        return self.shared["provisions"]


SITEMAPS = {"laws": LawSitemap, "provisions": ProvisionSitemap}
