from typing import NamedTuple

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from kb.laws.models import Law, Provision


class LawSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.6
    shared: dict | None = None  # set by kb.site.sitemaps.sections() for one rendering

    def items(self):
        """Each law, and (for ProvisionSitemap) its provisions' addresses: one query."""
        rows = Law.objects.order_by("order", "id", "provisions__order", "provisions__id")
        laws, provisions = [], []
        for slug, number, sub_number in rows.values_list(
            "slug", "provisions__number", "provisions__sub_number"
        ):
            if not laws or laws[-1] != slug:
                laws.append(slug)
            if number is not None:
                provisions.append(ProvisionAddress(slug, number, sub_number))
        if self.shared is not None:
            self.shared["provisions"] = provisions
        return ["laws:index", *laws]

    def location(self, item):
        return reverse(item) if item == "laws:index" else reverse("laws:law", args=[item])


class ProvisionAddress(NamedTuple):
    law_slug: str
    number: int
    sub_number: int | None

    def get_absolute_url(self) -> str:
        return Provision(number=self.number, sub_number=self.sub_number).url_in(self.law_slug)


class ProvisionSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5
    shared: dict | None = None

    def items(self):
        if self.shared and "provisions" in self.shared:  # read with the laws
            return self.shared["provisions"]
        return (
            Provision.objects.select_related("law")
            .only("number", "sub_number", "law__slug")
            .order_by("law__order", "order")
        )


SITEMAPS = {"laws": LawSitemap, "provisions": ProvisionSitemap}
