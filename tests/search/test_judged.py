"""Readers' questions (tests/search/judged_queries.json) against the site's real content:
at least 90 % have an answering page among the first three results, on the backend in use
(SQLite by default; run again with DATABASE_URL=postgres://… for PostgreSQL)."""

import pytest

from kb.search.backends import search
from tests.search.evaluation import answer_urls, evaluate, load_judged


@pytest.fixture
def content(db):
    from kb.site.content import load_content

    load_content()


def test_it_answers_readers_questions_in_the_first_three_results(content):
    judged = load_judged()
    assert len(judged) >= 60
    score = evaluate(judged, lambda q: [h.url for h in search(q).hits], answer_urls())
    assert score.top3 >= 0.9, score.misses
