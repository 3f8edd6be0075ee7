from django.conf import settings
from django.core.exceptions import DisallowedHost

from kb.core.hant import PREFIX, is_mirrored
from kb.core.seo import site_origin


def site(request) -> dict:
    hant = getattr(request, "hant", False)
    return {
        "SITE_NAME": "信用债务知识库",
        "SITE_URL": settings.SITE_URL,
        "HANT": hant,
        **script_urls(request, hant),
    }


# Pages whose content depends on their query string (a search, guide answers, the checker's
# numbers) keep it in their canonical URL; article lists keep their page number (?page=2);
# everything else drops the query (?utm_source=…, ?from=weibo).
QUERY_PAGES = ("/search/", "/guide/", "/tools/")
LIST_PAGES = ("/category/", "/tag/")


def canonical_path(request) -> str:
    if request.path.startswith(QUERY_PAGES):
        return request.get_full_path()
    page = request.GET.get("page", "")
    numbered = request.path.startswith(LIST_PAGES) and page.isascii() and page.isdigit()
    kept = f"?page={page}" if numbered and int(page) > 1 else ""
    return request.get_full_path().split("?", 1)[0] + kept


def script_urls(request, hant: bool) -> dict:
    """Absolute URLs of this page in both scripts, for the switch, canonical and hreflang."""
    try:
        base = site_origin(request)
    except DisallowedHost:  # the 400 page for a forged Host header must still render
        base = ""
    path = request.get_full_path()
    hans_url = base + path
    # The answer to a form post (an error, a limit) has no address of its own to switch to.
    readable = request.method in ("GET", "HEAD")
    hant_url = base + PREFIX + path if readable and is_mirrored(path) else None
    canonical = canonical_path(request)
    mirrored = hant and hant_url
    return {
        # The switch keeps the whole query; hreflang alternates name canonical URLs.
        "HANS_URL": hans_url,
        "HANT_URL": hant_url,
        "ALT_HANS_URL": base + canonical,
        "ALT_HANT_URL": base + PREFIX + canonical,
        "CANONICAL_URL": base + (PREFIX + canonical if mirrored else canonical),
    }
