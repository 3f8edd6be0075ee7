from django.conf import settings
from django.core.exceptions import DisallowedHost

from kb.core.hant import PREFIX, is_mirrored


def site(request) -> dict:
    hant = getattr(request, "hant", False)
    return {
        "SITE_NAME": "信用债务知识库",
        "SITE_URL": settings.SITE_URL,
        "HANT": hant,
        **script_urls(request, hant),
    }


def script_urls(request, hant: bool) -> dict:
    """Absolute URLs of this page in both scripts, for the switch, canonical and hreflang."""
    try:
        base = settings.SITE_URL or f"{request.scheme}://{request.get_host()}"
    except DisallowedHost:  # the 400 page for a forged Host header must still render
        base = ""
    path = request.get_full_path()
    hans_url = base + path
    hant_url = base + PREFIX + path if is_mirrored(path) else None
    return {
        "HANS_URL": hans_url,
        "HANT_URL": hant_url,
        "CANONICAL_URL": hant_url if hant and hant_url else hans_url,
    }
