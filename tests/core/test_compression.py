"""Compression (kb/core/compression.py): every HTML page goes out gzipped when the browser
accepts it; a page the page cache keeps is compressed harder than one answered only once."""

import gzip

import pytest

pytestmark = pytest.mark.django_db

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}
BODY = "## 要点\n\n" + "逾期后，贷款机构会先催收，再视情况起诉。" * 80


def gzip_level_flag(data: bytes) -> int:
    """The header's XFL byte: 4 for the fastest level, 0 for the levels between."""
    return data[8]


@pytest.mark.parametrize("cache_seconds", [0, 300], ids=["answered once", "page cache"])
def test_it_sends_the_same_page_gzipped(client, make_article, settings, cache_seconds):
    settings.PAGE_CACHE_SECONDS = cache_seconds
    article = make_article(body=BODY)
    plain = client.get(article.get_absolute_url())
    packed = client.get(article.get_absolute_url(), **GZIP)
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert int(packed["Content-Length"]) == len(packed.content) < len(plain.content) / 2
    assert gzip.decompress(packed.content) == plain.content


def test_it_compresses_a_page_answered_once_at_the_fastest_level(client, make_article, settings):
    settings.PAGE_CACHE_SECONDS = 0
    article = make_article(body=BODY)
    packed = client.get(article.get_absolute_url(), **GZIP).content
    assert gzip_level_flag(packed) == 4


def test_it_compresses_a_page_the_cache_keeps_harder(client, make_article, settings):
    settings.PAGE_CACHE_SECONDS = 300
    article = make_article(body=BODY)
    stored = client.get(article.get_absolute_url(), **GZIP)
    assert stored["X-Page-Cache"] == "miss"
    assert gzip_level_flag(stored.content) == 0  # Django's level 6
    settings.PAGE_CACHE_SECONDS = 0
    once = client.get(article.get_absolute_url(), **GZIP)
    assert gzip.decompress(once.content) == gzip.decompress(stored.content)


def test_it_varies_the_compressed_length_against_breach(client, make_article, settings):
    # Like Django's own: a random-length file name in the gzip header, so the length of a
    # response does not reveal how well a guessed secret compressed against the page.
    settings.PAGE_CACHE_SECONDS = 0
    article = make_article(body=BODY)
    lengths = {len(client.get(article.get_absolute_url(), **GZIP).content) for _ in range(12)}
    assert len(lengths) > 1


def test_it_leaves_uncompressed_what_the_browser_cannot_read(client, make_article, settings):
    settings.PAGE_CACHE_SECONDS = 0
    article = make_article(body=BODY)
    response = client.get(article.get_absolute_url(), HTTP_ACCEPT_ENCODING="identity")
    assert not response.has_header("Content-Encoding")
    assert "Accept-Encoding" in response["Vary"]
    assert "逾期后" in response.content.decode()
