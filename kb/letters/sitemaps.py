from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from kb.letters.models import Letter


class LetterSitemap(Sitemap):  # filled letters exist only in their reader's URL
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return ["", *Letter.objects.published().values_list("kind", flat=True)]

    def location(self, item):
        return reverse("letters:form", args=[item]) if item else reverse("letters:index")


SITEMAPS = {"letters": LetterSitemap}
