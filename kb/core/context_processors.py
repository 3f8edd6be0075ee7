from django.conf import settings
from django.core.exceptions import DisallowedHost

from kb.core.hant import PREFIX, is_mirrored
from kb.core.seo import site_origin

# Pages whose query string is their content (a search, guide answers, the checker's numbers) keep
# it in their canonical URL; lists keep ?page=N; other pages drop it (?utm_source=…).
QUERY_PAGES = ("/search/", "/guide/", "/tools/")
LIST_PAGES = ("/category/", "/tag/")


def canonical_path(request) -> str:
    if request.path.startswith(QUERY_PAGES):
        return request.get_full_path()
    page = request.GET.get("page", "")
    numbered = request.path.startswith(LIST_PAGES) and page.isascii() and page.isdigit()
    kept = f"?page={page}" if numbered and int(page) > 1 else ""
    return request.get_full_path().split("?", 1)[0] + kept


def site(request) -> dict:
    """The site's name, and this page's absolute URLs in both scripts: the script switch keeps
    the whole query, canonical and hreflang URLs name the canonical path."""
    hant = getattr(request, "hant", False)
    try:
        base = site_origin(request)
    except DisallowedHost:  # the 400 page for a forged Host header must still render
        base = ""
    path, canonical = request.get_full_path(), canonical_path(request)
    # The answer to a form post (an error, a limit) has no address of its own to switch to.
    mirrored = request.method in ("GET", "HEAD") and is_mirrored(path)
    return {
        "SITE_NAME": "信用债务知识库",
        "SITE_URL": settings.SITE_URL,
        "HANT": hant,
        "HANS_URL": base + path,
        "HANT_URL": base + PREFIX + path if mirrored else None,
        "ALT_HANS_URL": base + canonical,
        "ALT_HANT_URL": base + PREFIX + canonical,
        "CANONICAL_URL": base + (PREFIX if hant and mirrored else "") + canonical,
    }
