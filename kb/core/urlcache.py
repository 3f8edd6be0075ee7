"""reverse(), remembered: URL patterns do not change while a process runs, and one article page
asks for about thirty URLs."""

from functools import lru_cache

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse


@lru_cache(maxsize=16384)
def _reverse(viewname: str, args: tuple, prefix: str, urlconf) -> str:
    return reverse(viewname, args=args, urlconf=urlconf)


def cached_reverse(viewname: str, *args) -> str:
    """reverse(viewname, args=args) for hashable args (slugs, numbers)."""
    return _reverse(viewname, args, get_script_prefix(), get_urlconf())


@receiver(setting_changed)
def _forget(setting: str, **kwargs) -> None:
    if setting == "ROOT_URLCONF":
        _reverse.cache_clear()
