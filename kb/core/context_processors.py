from django.conf import settings


def site(request) -> dict:
    return {
        "SITE_NAME": "信用债务知识库",
        "SITE_URL": settings.SITE_URL,
        "HANT": getattr(request, "hant", False),
    }
