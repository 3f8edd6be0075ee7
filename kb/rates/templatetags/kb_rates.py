"""{% lpr_as_of %}: how far the LPR table was checked, for pages that state an LPR figure;
{% lpr_staleness as warning %}: the editors' warning when that was long ago. One query each."""

from django import template

from kb.rates.models import LprRate

register = template.Library()


@register.inclusion_tag("rates/lpr_as_of.html")
def lpr_as_of() -> dict:
    table = LprRate.objects.table()
    return {"latest": table.latest, "confirmed": table.confirmed_through}


@register.simple_tag
def lpr_staleness() -> str:
    return LprRate.objects.staleness_warning()
