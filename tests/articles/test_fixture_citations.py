"""Every statute the shipped articles cite is in the shipped laws fixture and gets linked."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.db import transaction

from kb.articles.models import Article, ArticleCitation, UnresolvedCitation
from kb.site.content import load_content

LAWS_FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "laws.json"
CITATION = re.compile(r"《[^》]+》第[零一二三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?")

pytestmark = pytest.mark.skipif(
    not LAWS_FIXTURE.exists(),
    reason="fixtures/laws.json is not there yet: article citations cannot resolve without the laws",
)


@pytest.fixture(scope="module")
def content(django_db_setup, django_db_blocker):
    """fixtures/ loaded once for the module, rolled back afterwards."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            load_content()
            yield
            transaction.set_rollback(True)


@pytest.fixture
def loaded(content, db):
    return None


def test_it_resolves_every_citation_in_every_article(loaded):
    unresolved = [
        (u.article.slug, u.raw_text, u.reason)
        for u in UnresolvedCitation.objects.select_related("article")
    ]
    assert unresolved == []


def test_it_links_each_cited_provision_to_its_page(loaded):
    for article in Article.objects.published():
        cited = set(CITATION.findall(article.body))
        assert cited, f"{article.slug} cites nothing"
        rows = ArticleCitation.objects.filter(article=article).select_related("provision__law")
        assert rows.count() == len(cited), article.slug
        for row in rows:
            assert f'href="{row.provision.get_absolute_url()}"' in article.body_html, (
                article.slug,
                row.raw_text,
            )
