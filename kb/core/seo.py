"""Absolute URLs and JSON-LD for any app's pages (data only; no Django models here)."""

import json

from django.conf import settings

from kb.core.hant import hant_path


def site_origin(request) -> str:
    """SITE_URL when configured, else the scheme and host the request came in on."""
    return settings.SITE_URL or f"{request.scheme}://{request.get_host()}"


def absolute(request, path: str) -> str:
    return site_origin(request) + path


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


_LEGAL_FORCE = {
    "in_force": "InForce",
    "amended": "InForce",
    "repealed": "NotInForce",
    "not_yet": "NotInForce",
}


def legislation_jsonld(request, law, provision=None) -> list[dict]:
    """schema.org Legislation for a law page, or for one provision as part of its law."""

    lang = "zh-Hant" if getattr(request, "hant", False) else "zh-Hans"

    def day(value):
        return value.isoformat() if value else None

    whole = {
        "@type": "Legislation",
        "name": law.title,
        "alternateName": law.short_title,
        "url": permalink(request, law.get_absolute_url()),
        "legislationType": law.get_kind_display(),
        "legislationJurisdiction": "CN",
        "legislationLegalForce": _LEGAL_FORCE.get(law.status),
        "legislationDate": day(law.promulgation_date),
        "legislationIdentifier": getattr(law, "document_number", "") or None,
        "legislationPassedBy": {"@type": "Organization", "name": law.issuing_body}
        if law.issuing_body
        else None,
        "inLanguage": lang,
    }
    whole = {k: v for k, v in whole.items() if v}
    if provision is None:
        data = {"@context": "https://schema.org", **whole}
        trail = [law.short_title]
    else:
        data = {
            "@context": "https://schema.org",
            "@type": "Legislation",
            "name": f"《{law.short_title}》{provision.label}",
            "url": permalink(request, provision.get_absolute_url()),
            "text": provision.text,
            "legislationJurisdiction": "CN",
            "legislationLegalForce": whole.get("legislationLegalForce"),
            "isPartOf": whole,
            "inLanguage": lang,
        }
        trail = [law.short_title, provision.label]
    urls = [law.get_absolute_url()] + ([provision.get_absolute_url()] if provision else [])
    crumbs = [("首页", permalink(request, "/")), ("法律条文", permalink(request, "/laws/"))]
    crumbs += [(name, permalink(request, url)) for name, url in zip(trail, urls, strict=True)]
    return [{k: v for k, v in data.items() if v}, breadcrumb_jsonld(crumbs)]
