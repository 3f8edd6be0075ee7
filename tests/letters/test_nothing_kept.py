"""A reader's answers live only in their own request and response: no write, no cache, no log."""

import logging

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils.cache import get_cache_key

from tests.letters.answers import ALL, CREDIT_OBJECTION
from tests.letters.conftest import letter_url

SECRET = "田Zq7391"  # the marker reads the same in both scripts
MARKER = "Zq7391"


def test_a_letter_request_only_reads(client, letters, django_assert_num_queries):
    for kind, answers in ALL.items():
        # The page cache's content version, then the letter, its provisions, its clauses and
        # (when it has any) their provisions: the same reads whatever the letter cites.
        reads = 4 if letters[kind].clauses.exists() else 3
        for docx in (False, True):
            with django_assert_num_queries(reads) as captured:
                response = client.get(letter_url(kind, answers, docx=docx))
            assert response.status_code == 200
            assert all(q["sql"].lstrip().upper().startswith("SELECT") for q in captured)


@pytest.mark.parametrize("docx", [False, True])
@pytest.mark.parametrize("hant", [False, True])
def test_it_is_private_and_never_cached(client, letters, monkeypatch, docx, hant):
    stored = []
    real_set = cache.set
    monkeypatch.setattr(
        cache,
        "set",
        lambda key, value, *a, **k: (stored.append(value), real_set(key, value, *a, **k)),
    )
    url = letter_url("credit-objection", {**CREDIT_OBJECTION, "name": SECRET}, hant=hant, docx=docx)
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200
        cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
        assert {"private", "no-store"} <= cache_control
        assert response["X-Robots-Tag"] == "noindex"
        assert "X-Page-Cache" not in response  # the page cache neither stored nor served it
    assert not [v for v in stored if MARKER in str(v)]


def test_another_reader_never_sees_the_first_reader_s_values(client, letters):
    first = letter_url("credit-objection", {**CREDIT_OBJECTION, "name": SECRET})
    assert SECRET in client.get(first).content.decode()
    second = client.get(letter_url("credit-objection", {**CREDIT_OBJECTION, "name": "另一个人"}))
    assert SECRET not in second.content.decode() and "另一个人" in second.content.decode()
    again = client.get("/letters/credit-objection/")  # the blank form
    assert SECRET not in again.content.decode()


def test_django_s_cache_middleware_leaves_it_alone(client, letters, settings):
    settings.MIDDLEWARE = [
        "django.middleware.cache.UpdateCacheMiddleware",
        *settings.MIDDLEWARE,
        "django.middleware.cache.FetchFromCacheMiddleware",
    ]
    settings.CACHE_MIDDLEWARE_SECONDS = 600
    url = letter_url("credit-objection", {**CREDIT_OBJECTION, "name": SECRET})
    client.get(url)
    assert get_cache_key(RequestFactory().get(url)) is None  # nothing learnt, nothing stored
    blank = "/letters/credit-objection/"
    client.get(blank)
    assert get_cache_key(RequestFactory().get(blank)) is not None  # the blank form is cached


def test_no_log_line_holds_the_reader_s_values(client, letters, caplog):
    with caplog.at_level(logging.DEBUG):
        client.get(letter_url("credit-objection", {**CREDIT_OBJECTION, "name": SECRET}))
        client.get(
            letter_url("credit-objection", {**CREDIT_OBJECTION, "name": SECRET, "date": "x"})
        )
    assert SECRET not in caplog.text


def test_no_table_holds_the_reader_s_values(client, letters):
    client.get(letter_url("credit-objection", {**CREDIT_OBJECTION, "name": SECRET}))
    with CaptureQueriesContext(connection):
        tables = connection.introspection.table_names()
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f'SELECT * FROM "{table}"')
            assert SECRET not in repr(cursor.fetchall()), table
