"""{% cached_url 'name' arg… %}: {% url %} through kb.core.urlcache, for the links every page
repeats (base.html): the same answer without walking the URL resolver on each request."""

from django import template

from kb.core.urlcache import cached_reverse

register = template.Library()


@register.simple_tag
def cached_url(viewname: str, *args) -> str:
    return cached_reverse(viewname, *args)
