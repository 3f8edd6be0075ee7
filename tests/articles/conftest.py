"""Fixtures shared by the article tests."""

import pytest
from django.db import transaction

from kb.site.content import load_content


@pytest.fixture(scope="module")
def content(django_db_setup, django_db_blocker):
    """Everything in fixtures/ loaded once for the module, rolled back afterwards."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            load_content()
            yield
            transaction.set_rollback(True)
