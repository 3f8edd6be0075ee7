"""Security headers on public pages and the admin, with production settings (DEBUG off)."""

import re

import pytest
from django.conf import settings
from django.test import override_settings

PRODUCTION_SECURITY = (
    "DEBUG",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
)


@pytest.fixture
def production(settings, settings_with):
    """The security settings a deployment gets (DEBUG off), whatever the suite runs under."""
    deployed = settings_with(DJANGO_SECRET_KEY="x" * 50, DJANGO_ALLOWED_HOSTS="testserver")
    for name in PRODUCTION_SECURITY:
        setattr(settings, name, deployed[name])
    return settings


def csp_directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    directives = {}
    for part in policy.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def test_it_sends_every_security_header_on_public_pages(client, production, make_article):
    article = make_article()
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    directives = csp_directives(response)
    assert directives["script-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]


def test_it_never_allows_inline_scripts(client, production, db):
    response = client.get("/healthz")
    policy = response["Content-Security-Policy"]
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


def test_it_sends_hsts_and_secure_cookies_in_production(client, production, db):
    response = client.get("/healthz", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "includeSubDomains" in response["Strict-Transport-Security"]
    assert production.SESSION_COOKIE_SECURE is True
    assert production.CSRF_COOKIE_SECURE is True


def test_it_redirects_to_https_when_configured(client, db):
    with override_settings(
        SECURE_SSL_REDIRECT=True, SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https")
    ):
        plain = client.get("/healthz")
        proxied = client.get("/healthz", HTTP_X_FORWARDED_PROTO="https")
    assert plain.status_code == 301
    assert plain["Location"].startswith("https://")
    assert proxied.status_code == 200


def test_it_keeps_the_admin_free_of_inline_scripts(staff_client, production, make_article):
    article = make_article()
    response = staff_client.get(f"/{settings.ADMIN_PATH}/articles/article/{article.pk}/change/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "markdownx" in html
    assert "<script>" not in html
    assert "onclick=" not in html and "onload=" not in html
    assert " style=" not in html
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_it_keeps_the_history_pages_free_of_inline_scripts_and_styles(
    staff_client, production, make_article
):
    article = make_article()
    article.body += "\n\n补充。"
    article.save()
    base = f"/{settings.ADMIN_PATH}/articles/article/{article.pk}/history/"
    version = article.history.earliest().history_id
    for url in [base, f"{base}{version}/"]:
        response = staff_client.get(url)
        html = response.content.decode()
        assert response.status_code == 200, url
        assert "<script>" not in html and " style=" not in html, url
        assert not re.search(r"\son[a-z]+=", html), url


def test_it_serves_public_pages_without_executable_inline_scripts(client, production, make_article):
    article = make_article()
    for url in ["/", article.get_absolute_url(), "/search/?q=逾期", "/laws/", "/guide/"]:
        html = client.get(url).content.decode()
        for attrs in re.findall(r"<script([^>]*)>", html):
            assert "src=" in attrs or 'type="application/ld+json"' in attrs, (url, attrs)
        assert not re.search(r"\son[a-z]+=", html), url


def test_it_keeps_the_markdownx_preview_working_with_csrf_enforced(
    staff_user, production, make_article
):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(staff_user)
    article = make_article()
    page = client.get(f"/{settings.ADMIN_PATH}/articles/article/{article.pk}/change/")
    assert "markdownx/js/markdownx" in page.content.decode()
    token = client.cookies["csrftoken"].value
    refused = client.post("/markdownx/markdownify/", {"content": "**粗体**"})
    assert refused.status_code == 403
    preview = client.post(
        "/markdownx/markdownify/", {"content": "**粗体**", "csrfmiddlewaretoken": token}
    )
    assert preview.status_code == 200
    assert "<strong>粗体</strong>" in preview.content.decode()
