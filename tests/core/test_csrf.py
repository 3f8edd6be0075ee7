"""Every form that posts is protected against cross-site requests.

Editor forms (admin) use Django's CSRF token. The readers' feedback forms sit on pages served
from the shared page cache, so they use kb/core/origin.py instead (Origin / Sec-Fetch-Site must
be this site); every other POST form must carry {% csrf_token %}.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

FORM = re.compile(r"<form\b[^>]*>.*?</form>", re.DOTALL | re.IGNORECASE)
TEMPLATES = sorted(Path(settings.BASE_DIR, "templates").rglob("*.html"))
SAME_ORIGIN_FORMS = {"articles/includes/feedback_form.html", "guide/_feedback_form.html"}


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_it_protects_every_post_form(template):
    name = template.relative_to(Path(settings.BASE_DIR, "templates")).as_posix()
    for form in FORM.findall(template.read_text(encoding="utf-8")):
        opening = form.split(">", 1)[0].lower()
        if 'method="post"' in opening and name not in SAME_ORIGIN_FORMS:
            assert "{% csrf_token %}" in form, f"{name}: a POST form without {{% csrf_token %}}"


@pytest.mark.parametrize(
    "headers",
    [{"HTTP_ORIGIN": "https://evil.example"}, {"HTTP_SEC_FETCH_SITE": "cross-site"}],
    ids=["foreign-origin", "cross-site-fetch"],
)
def test_it_refuses_cross_site_feedback(make_article, headers):
    article = make_article()
    client = Client(enforce_csrf_checks=True)
    response = client.post(f"{article.get_absolute_url()}feedback/", {"helpful": "yes"}, **headers)
    assert response.status_code == 403
    assert not article.feedback.exists()


def test_it_refuses_admin_posts_without_the_token(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post(f"/{settings.ADMIN_PATH}/login/", {"username": "x", "password": "y"})
    assert response.status_code == 403
