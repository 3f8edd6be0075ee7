"""Django's `date` filter for the site's formats, without parsing a format on each call."""

import datetime

from django import template
from django.utils import timezone

register = template.Library()


def _local(value):
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


@register.filter
def iso(value) -> str:
    """Same as |date:'c'."""
    return _local(value).isoformat() if value else ""


@register.filter
def cn_date(value) -> str:
    """Same as |date:"Y年n月j日"."""
    if not value:
        return ""
    value = _local(value)
    return f"{value.year}年{value.month}月{value.day}日"


@register.filter
def ymd(value) -> str:
    """Same as |date:"Y-m-d"."""
    return _local(value).strftime("%Y-%m-%d") if value else ""
