"""Bad input never yields a 500: every public URL pattern, fuzzed with garbage (hypothesis).

Patterns come from the URL resolver (so new pages are fuzzed automatically); each gets a bounded
number of examples: path segments that match the converter or are arbitrary text, and arbitrary
query parameters (the site's real parameter names and random ones), with and without /zh-hant/.
A view that raises makes the test client raise, so a crash fails the test as clearly as a 500.
"""

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
]
TOKEN = re.compile(r"<(?:(?P<conv>[^>:]+):)?(?P<name>[^>]+)>")

garbage = st.text(max_size=40)
params = st.dictionaries(
    st.one_of(st.sampled_from(PARAMS), st.text(min_size=1, max_size=8)), garbage, max_size=4
)


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


def fill(route: str, pattern) -> st.SearchStrategy[str]:
    """Paths for one pattern: matching segments (real-looking) or arbitrary text."""
    if isinstance(pattern, RegexPattern):
        matching = st.from_regex(re.compile("^" + route + r"\Z"), fullmatch=True)
        return st.one_of(matching, garbage.map(lambda g: route.split("(")[0] + quote(g, safe="")))
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
                    st.from_regex(regex, fullmatch=True).filter(lambda s: "/" not in s), garbage
                ).map(lambda s: quote(s, safe=""))
            )
    return st.tuples(*strategies).map("".join)


PATTERNS = public_patterns()


def test_it_finds_the_public_pages():
    routes = {route for route, _ in PATTERNS}
    assert {"", "search/", "api/search/", "laws/", "guide/"} <= routes
    assert not any(route.startswith(f"{settings.ADMIN_PATH}/") for route in routes)


@pytest.fixture
def site(make_article, db):
    from kb.laws.models import Law, Provision

    law = Law.objects.create(slug="minfadian", title="中华人民共和国民法典", short_title="民法典")
    Provision.objects.create(
        law=law, number=675, label="第六百七十五条", text="借款人应当按照约定的期限返还借款。"
    )
    make_article(title="借呗逾期会怎样", body="依据《民法典》第六百七十五条。")


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
