from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from kb.laws.models import Law, Provision


class LawSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return ["laws:index", *Law.objects.order_by("order", "id").values_list("slug", flat=True)]

    def location(self, item):
        return reverse(item) if item == "laws:index" else reverse("laws:law", args=[item])


class ProvisionSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return (
            Provision.objects.select_related("law")
            .only("number", "sub_number", "law__slug")
            .order_by("law__order", "order")
        )


SITEMAPS = {"laws": LawSitemap, "provisions": ProvisionSitemap}
