"""Bad input never yields a 500: every public URL pattern, fuzzed with garbage (hypothesis).

Patterns come from the URL resolver (so new pages are fuzzed automatically); each gets a bounded
number of examples: path segments that match the converter or are arbitrary text, and arbitrary
query parameters (the site's real parameter names and random ones), with and without /zh-hant/.
A view that raises makes the test client raise, so a crash fails the test as clearly as a 500.
Segments are also drawn from the real slugs of a small site (an article, its category and tag,
a law and provision, a month, a guide tree), so the views behind the 404 get garbage too.
"""

import datetime as dt
import re
from urllib.parse import quote

import pytest
from django.conf import settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from tests.guide.conftest import SMALL
from tests.guide.conftest import make_tree as make_tree  # fixture for `site`

EXCLUDED = (f"{settings.ADMIN_PATH}/", "markdownx/", "static/", "media/")
PARAMS = [
    "q",
    "page",
    "amount",
    "received",
    "date",
    "plan",
    "n",
    "payment",
    "payments",
    "fees",
    "format",
    "year",
    "month",
    "node",
    "a",
    "p",
    "script",
    "_step",
    "_change",
    *SMALL,  # the guide's answers are named after its questions
]
PUBLISHED = dt.datetime(2024, 3, 15, 9, 30, tzinfo=dt.UTC)
REAL = {  # the site fixture's own values, by URL parameter name
    "law_slug": ["minfadian"],
    "number": ["675", "675-1", "0"],
    "year": ["2024"],
    "month": ["03"],
}
REAL_SLUGS = {  # <slug:slug> by the route's first segment
    "articles": "jiebei-yuqi",
    "api": "jiebei-yuqi",
    "category": "wangdai-yuqi",
    "tag": "jiebei",
    "guide": "test-tree",
    "laws": "minfadian",
}
REAL_VALUES = ["short", "long", "yes", "no", "hant", "days", "harass", "2", "-1", "1e9"]
TOKEN = re.compile(r"<(?:(?P<conv>[^>:]+):)?(?P<name>[^>]+)>")

garbage = st.text(max_size=40)
params = st.dictionaries(
    st.one_of(st.sampled_from(PARAMS), st.text(min_size=1, max_size=8)),
    st.one_of(garbage, st.sampled_from(REAL_VALUES)),
    max_size=4,
)
GROUP = re.compile(r"\(\?P<(?P<name>\w+)>[^)]*\)")


def public_patterns(patterns=None, prefix="") -> list[tuple[str, object]]:
    found = []
    for p in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(p.pattern).lstrip("^").rstrip("$")
        if route.startswith(EXCLUDED):
            continue
        if isinstance(p, URLResolver):
            found.extend(public_patterns(p.url_patterns, route))
        elif isinstance(p, URLPattern):
            found.append((route, p.pattern))
    return found


def real_values(route: str, name: str) -> list[str]:
    if name == "slug":
        return [REAL_SLUGS.get(route.split("/")[0], "x")]
    return REAL.get(name, ["x"])


def fill(route: str, pattern) -> st.SearchStrategy[str]:
    """Paths for one pattern: matching segments (real-looking) or arbitrary text."""
    if isinstance(pattern, RegexPattern):
        matching = st.from_regex(re.compile("^" + route + r"\Z"), fullmatch=True)
        real = GROUP.sub(lambda m: REAL[m["name"]][0], route).replace("\\", "")
        return st.one_of(
            st.just(real),
            matching,
            garbage.map(lambda g: route.split("(")[0] + quote(g, safe="")),
        )
    pieces = TOKEN.split(route)
    strategies = []
    converters = getattr(pattern, "converters", {})
    for i, piece in enumerate(pieces):
        kind = i % 3
        if kind == 0:
            strategies.append(st.just(piece))
        elif kind == 1:
            continue
        else:
            converter = converters.get(piece)
            regex = (
                re.compile(f"^(?:{converter.regex})\\Z")
                if converter
                else re.compile(r"^[a-z0-9-]{1,20}\Z")
            )
            strategies.append(
                st.one_of(
                    st.sampled_from(real_values(route, piece)),
                    st.from_regex(regex, fullmatch=True).filter(lambda s: "/" not in s),
                    garbage,
                ).map(lambda s: quote(s, safe=""))
            )
    return st.tuples(*strategies).map("".join)


PATTERNS = public_patterns()


def test_it_finds_the_public_pages():
    routes = {route for route, _ in PATTERNS}
    assert {"", "search/", "api/search/", "laws/", "guide/"} <= routes
    assert not any(route.startswith(f"{settings.ADMIN_PATH}/") for route in routes)


@pytest.fixture
def site(make_article, make_tree, db):  # noqa: F811
    from kb.articles.models import Tag
    from kb.laws.models import Law, Provision

    law = Law.objects.create(slug="minfadian", title="中华人民共和国民法典", short_title="民法典")
    Provision.objects.create(
        law=law, number=675, label="第六百七十五条", text="借款人应当按照约定的期限返还借款。"
    )
    article = make_article(
        title="借呗逾期会怎样",
        slug="jiebei-yuqi",
        body="依据《民法典》第六百七十五条。",
        published_at=PUBLISHED,
    )
    article.tags.add(Tag.objects.create(name="借呗", slug="jiebei"))
    make_tree()


def test_the_site_fixture_answers_its_real_urls(client, site):
    for url in [
        "/articles/jiebei-yuqi/",
        "/category/wangdai-yuqi/",
        "/tag/jiebei/",
        "/laws/minfadian/675/",
        "/archive/2024/03/",
        "/guide/test-tree/?days=short",
        "/zh-hant/guide/test-tree/",
    ]:
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize(
    ("route", "pattern"), PATTERNS, ids=[route or "home" for route, _ in PATTERNS]
)
def test_it_never_answers_500_to_garbage(route, pattern, site):
    client = Client(enforce_csrf_checks=True)

    @hsettings(
        max_examples=30,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(
        path=fill(route, pattern),
        query=params,
        hant=st.booleans(),
        method=st.sampled_from(["get", "get", "post"]),
    )
    def check(path, query, hant, method):
        url = ("/zh-hant/" if hant else "/") + path
        response = getattr(client, method)(url, query)
        assert response.status_code < 500, (method, url, query, response.status_code)
        if method == "post" and response.status_code == 200:
            pytest.fail(f"POST {url} accepted without a CSRF token")

    check()
