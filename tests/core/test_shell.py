"""Page shells (kb/core/shell.py): a page filled into its shell is the page its template renders,
byte for byte, and a template the shell cannot follow is rendered as usual."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import RequestFactory, override_settings

from kb.articles import pages
from kb.core import shell

pytestmark = pytest.mark.django_db

TRICKY = """欠款 <script>alert("1")</script> & 'quotes' {{ not a tag }} \ue000title\ue001"""


def article_request(article, hant=False, method="get", **extra):
    request = getattr(RequestFactory(), method)(article.get_absolute_url(), **extra)
    request.user = AnonymousUser()
    request.hant = hant
    return request


def both(request, slug):
    """The article page from its shell and rendered by its template."""
    _, context = pages.article_page(request, slug)
    from_shell = shell.render(request, "articles/detail.html", context)
    return from_shell, render_to_string("articles/detail.html", context, request)


@pytest.mark.parametrize("hant", [False, True], ids=["hans", "hant"])
def test_it_fills_the_article_page_exactly_as_its_template_renders_it(make_article, hant):
    article = make_article(title=TRICKY, short_answer=TRICKY, body=f"## 要点\n\n{TRICKY}")
    from_shell, rendered = both(article_request(article, hant=hant), article.slug)
    assert from_shell == rendered
    assert "<script>alert" not in from_shell  # the title is escaped, not taken as HTML
    assert f"<title>{TRICKY[:2]}" in from_shell


def test_it_keeps_each_article_and_host_apart(make_article):
    first, second = make_article(title="借呗逾期"), make_article(title="花呗逾期")
    for article, host in ((first, "testserver"), (second, "localhost"), (first, "localhost")):
        from_shell, rendered = both(article_request(article, HTTP_HOST=host), article.slug)
        assert from_shell == rendered
        assert f"<title>{article.title} · " in from_shell
        assert f'<link rel="canonical" href="http://{host}{article.get_absolute_url()}">' in (
            from_shell
        )


def test_it_makes_a_shell_of_its_own_for_a_page_without_a_traditional_twin(make_article):
    article = make_article()
    # A form post's answer has no 繁體 address (HANT_URL is None): no switch, no hreflang.
    from_shell, rendered = both(article_request(article, method="post"), article.slug)
    assert from_shell == rendered
    assert 'hreflang="zh-Hant"' not in from_shell
    with_twin, _ = both(article_request(article), article.slug)
    assert 'hreflang="zh-Hant"' in with_twin


BROKEN = {
    "upper.html": "<p>{{ title|upper }}</p>",
    "cut.html": "<p>{{ title|truncatechars:4 }}</p>",
}
LOCMEM = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "OPTIONS": {
            "loaders": [
                (
                    "django.template.loaders.locmem.Loader",
                    {**BROKEN, "list.html": "{% for t in titles %}<p>{{ t }}</p>{% endfor %}"},
                )
            ]
        },
    }
]


@override_settings(TEMPLATES=LOCMEM)
@pytest.mark.parametrize("name", sorted(BROKEN))
def test_it_renders_as_usual_a_template_that_changes_its_values(name, caplog):
    request = RequestFactory().get("/")
    request.hant = False
    html = shell.render(request, name, {"title": "a<b & 借呗"})
    assert html == render_to_string(name, {"title": "a<b & 借呗"})
    assert "rendered each time" in caplog.text


@override_settings(TEMPLATES=LOCMEM)
def test_it_renders_as_usual_a_template_given_a_list():
    request = RequestFactory().get("/")
    request.hant = False
    context = {"titles": ["借呗", "a<b"]}
    assert shell.render(request, "list.html", context) == "<p>借呗</p><p>a&lt;b</p>"
