"""Absolute URLs and JSON-LD for any app's pages (data only; no Django models here)."""

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


def legislation_jsonld(request, law, provision=None) -> list[dict]:
    """schema.org Legislation for a law page, or for one provision as part of its law."""
    lang = "zh-Hant" if getattr(request, "hant", False) else "zh-Hans"
    date, body = law.promulgation_date, law.issuing_body
    force = "InForce" if law.status in ("in_force", "amended") else "NotInForce"
    whole = {
        "@type": "Legislation",
        "name": law.title,
        "alternateName": law.short_title,
        "url": permalink(request, law.get_absolute_url()),
        "legislationType": law.get_kind_display(),
        "legislationJurisdiction": "CN",
        "legislationLegalForce": force,
        "legislationDate": date.isoformat() if date else None,
        "legislationIdentifier": law.document_number,
        "legislationPassedBy": body and {"@type": "Organization", "name": body},
        "inLanguage": lang,
    }
    whole = {k: v for k, v in whole.items() if v}
    data = {"@context": "https://schema.org", **whole}
    crumbs = [("首页", "/"), ("法律条文", "/laws/"), (law.short_title, law.get_absolute_url())]
    if provision is not None:
        crumbs.append((provision.label, provision.get_absolute_url()))
        data = {
            "@context": "https://schema.org",
            "@type": "Legislation",
            "name": f"《{law.short_title}》{provision.label}",
            "url": permalink(request, provision.get_absolute_url()),
            "text": provision.text,
            "legislationJurisdiction": "CN",
            "legislationLegalForce": force,
            "isPartOf": whole,
            "inLanguage": lang,
        }
    crumbs = [(name, permalink(request, path)) for name, path in crumbs]
    return [{k: v for k, v in data.items() if v}, breadcrumb_jsonld(crumbs)]
