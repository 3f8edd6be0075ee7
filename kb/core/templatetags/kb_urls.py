"""{% cached_url 'name' arg… %}: {% url %} through kb.core.urlcache, for links on every page."""

from django import template

from kb.core.urlcache import cached_reverse

register = template.Library()


@register.simple_tag
def cached_url(viewname: str, *args) -> str:
    return cached_reverse(viewname, *args)
