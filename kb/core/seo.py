"""Absolute URLs and JSON-LD for any app's pages (data only; no Django models here)."""

import json

from django.conf import settings

from kb.core.hant import hant_path


def absolute(request, path: str) -> str:
    base = settings.SITE_URL or f"{request.scheme}://{request.get_host()}"
    return base + path


def permalink(request, path: str) -> str:
    """The absolute URL of a page in the script the reader is using."""
    return absolute(request, hant_path(path) if getattr(request, "hant", False) else path)


def jsonld_text(data) -> str:
    """JSON for a <script type="application/ld+json"> block, safe against </script> breakouts."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def breadcrumb_jsonld(items: list[tuple[str, str]]) -> dict:
    """BreadcrumbList from (name, absolute url) pairs."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": i, "name": name, "item": url}
            for i, (name, url) in enumerate(items, start=1)
        ],
    }
