import pytest
from django.conf import settings
from django.core.management import call_command


@pytest.fixture
def rates_data(db):
    call_command("loaddata", str(settings.BASE_DIR / "fixtures" / "rates.json"), verbosity=0)
