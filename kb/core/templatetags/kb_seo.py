import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from kb.core.seo import legislation_jsonld as build_legislation

register = template.Library()


@register.simple_tag
def jsonld(data) -> str:
    """<script type="application/ld+json"> with the data, safe against </script> breakouts."""
    if not data:
        return ""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.simple_tag(takes_context=True)
def legislation_jsonld(context, law, provision=None) -> str:
    """Structured data for a law or provision page (schema.org Legislation + breadcrumbs)."""
    return jsonld(build_legislation(context["request"], law, provision))
