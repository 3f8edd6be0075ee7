"""ASCII slugs for Chinese titles: pinyin of the title, unique within a model."""

from django.utils.text import slugify
from pypinyin import lazy_pinyin


def pinyin_slug(text: str, max_length: int = 80) -> str:
    words = lazy_pinyin(text)
    slug = slugify("-".join(w for w in words if w.strip()))[:max_length].strip("-")
    return slug or "page"


def unique_slug(model, text: str, pk=None) -> str:
    base = pinyin_slug(text, model._meta.get_field("slug").max_length - 4)
    slug, n = base, 2
    while model._default_manager.filter(slug=slug).exclude(pk=pk).exists():
        slug = f"{base}-{n}"
        n += 1
    return slug
