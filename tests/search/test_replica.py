"""With DATABASE_REPLICA_URL set, searches read from the replica like the rest of the site."""

import copy

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext

from kb.search.backends import search


@pytest.fixture(scope="module", autouse=True)
def replica_alias(django_db_setup):
    """A second alias onto the test database, as kb/settings.py adds one for a replica URL.
    Module-scoped so it exists before pytest-django checks the test's `databases`."""
    databases = connections.settings  # the very dict settings.DATABASES, which the router reads
    databases["replica"] = {**copy.deepcopy(databases["default"]), "TEST": {"MIRROR": "default"}}
    yield
    connections["replica"].close()
    del connections["replica"]
    del databases["replica"]


@pytest.mark.django_db(transaction=True, databases=["default", "replica"])
def test_it_reads_search_results_from_the_replica(make_article):
    article = make_article(title="借呗逾期会有哪些后果？")
    replica, primary = connections["replica"], connections["default"]
    with CaptureQueriesContext(replica) as on_replica, CaptureQueriesContext(primary) as on_primary:
        hits = search("借呗逾期").hits
    assert [h.url for h in hits] == [article.get_absolute_url()]
    assert len(on_replica) == 3  # synonyms and laws (then cached), ranked page
    assert len(on_primary) == 0
