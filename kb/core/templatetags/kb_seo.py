from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from kb.core.seo import jsonld_text

register = template.Library()


@register.simple_tag
def jsonld(data) -> str:
    """<script type="application/ld+json"> with the data (not executable, allowed by CSP)."""
    if not data:
        return ""
    return format_html(
        '<script type="application/ld+json">{}</script>', mark_safe(jsonld_text(data))
    )
